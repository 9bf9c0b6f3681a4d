// loop_layout.h: where everything in the loop view goes, as plain geometry.
//
// The loop view paints what this computes and animates between two layouts;
// keeping the geometry in a value type lets tests check, for any state and
// window size, that nothing overlaps and nothing leaves the view (hotspot's
// TimeLineData is the model). Crowded areas switch to compact cards and end
// with a "+N more" card, so 1,000 tasks lay out in O(n) and paint a bounded
// number of cards. Timer labels that would collide merge into one cluster
// label ("3 timers 1.000–1.200"), so the axis stays legible for any count.
// Locks, Events, Semaphores and Conditions sit in a column
// at the right of the WAITING band, next to the tasks that wait on them.
#pragma once

#include <QRectF>
#include <QSizeF>

#include <cstdint>
#include <utility>
#include <vector>

#include "core/trace/state.h"
#include "core/trace/trace.h"

namespace ui {

enum class LoopArea : std::uint8_t { Running, Ready, Timers, Waiting, Done, Queues, Count };

struct LoopLayoutOptions {
  double fontScale = 1.0;  // presenter mode: 1.6
  bool internals = false;  // show every handle's asyncio name
  double unit = 14.0;      // pixel height of one line of card text at fontScale 1
  double axisSpan = 0.0;   // seconds the timer axis shows ahead of the clock; 0: fit
                           //   the state (LoopView passes the trace's longest timer)
  // Primitives drawn as part of something else (a Queue's join Event) get no box.
  const std::vector<trace::Id>* folded = nullptr;  // sorted
};

struct CardGeometry {
  enum class Kind : std::uint8_t { Task, Handle, Timer, More, Queue, Primitive };
  Kind kind = Kind::Task;
  LoopArea area = LoopArea::Running;
  trace::Id id = 0;   // task, handle, timer, queue or primitive id; 0 for More
  int hidden = 0;     // More: how many cards it stands for; Timer: how many more
                      //   timers its label stands for (a cluster of close deadlines)
  QRectF rect;        // the card itself
  QRectF extra;       // Waiting: where the "awaits ..." arrow and label go;
                      // Timer: its countdown bar on the axis
  std::uint64_t key = 0;  // identity across layouts (a task keeps its key while
                          // it moves from WAITING to READY to RUNNING)
  double from = 0.0, to = 0.0;  // Timer: earliest and latest deadline it labels
};

// A labelled tick under the timer axis.
struct AxisTick {
  double t = 0.0;
  double x = 0.0;
  QRectF label;  // where its time is written
};

class LoopLayout {
 public:
  static LoopLayout compute(const trace::State& state, QSizeF size, const LoopLayoutOptions& options);
  // The longest delay any timer of the trace was set for: a stable axis span.
  static double longestTimer(const trace::Trace& trace);
  // asyncio.Queue keeps an Event for join()/task_done(); the trace records it
  // as a primitive created right after its QueueCreated. (queue, event) pairs,
  // so the view can fold the Event into the queue's pipe.
  static std::vector<std::pair<trace::Id, trace::Id>> queueJoinEvents(const trace::Trace& trace);

  QSizeF size() const { return size_; }
  double unit() const { return unit_; }
  bool compact() const { return compact_; }
  QRectF clockRect() const { return clockRect_; }
  // The band of an area, including its label column on the left.
  QRectF band(LoopArea area) const { return bands_[static_cast<int>(area)]; }
  QRectF labelRect(LoopArea area) const;
  const std::vector<CardGeometry>& cards() const { return cards_; }
  // How many items of an area are summarized in its "+N more" card.
  int hiddenCount(LoopArea area) const;

  // The timer axis: from the clock (left) to the last deadline (right).
  QRectF axisRect() const { return axis_; }
  double axisStart() const { return t0_; }
  double axisEnd() const { return t1_; }
  double timeToX(double t) const;
  // The ticks under the axis; their labels never overlap each other or a timer label.
  const std::vector<AxisTick>& ticks() const { return ticks_; }

  static std::uint64_t taskKey(trace::Id id) { return (1ull << 32) | id; }
  static std::uint64_t handleKey(trace::Id id) { return (2ull << 32) | id; }
  static std::uint64_t timerKey(trace::Id id) { return (3ull << 32) | id; }
  static std::uint64_t moreKey(LoopArea a) { return (4ull << 32) | static_cast<std::uint32_t>(a); }
  static std::uint64_t queueKey(trace::Id id) { return (5ull << 32) | id; }
  static std::uint64_t primitiveKey(trace::Id id) { return (6ull << 32) | id; }

  // The card of a primitive (Lock, Event, ...), or null when it is not shown.
  const CardGeometry* primitiveCard(trace::Id id) const;

 private:
  static LoopLayout computeWithUnit(const trace::State& state, QSizeF size, const LoopLayoutOptions& options,
                                    double unit);
  static void placeTimers(LoopLayout& L, const trace::State& state, const QRectF& timerBox, double gap);

  QSizeF size_;
  double unit_ = 14.0;
  double labelWidth_ = 0.0;
  bool compact_ = false;
  QRectF clockRect_;
  QRectF bands_[static_cast<int>(LoopArea::Count)];
  QRectF axis_;
  double t0_ = 0.0, t1_ = 1.0;
  std::vector<CardGeometry> cards_;
  std::vector<AxisTick> ticks_;
};

}  // namespace ui
