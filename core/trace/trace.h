// trace.h: a recorded run: its events, its string table, and seeking.
//
// The simulator appends through Recorder while the program runs; afterwards
// the Trace is immutable and shared read-only (the UI holds it in a
// shared_ptr<const Trace>). stateAt(i) rebuilds the loop's state after the
// first i events from the nearest keyframe (O(log n + k)).
//
// Recording only appends: keyframes are taken by the first seek that goes
// past them (record, then replay), so a traced run does not also pay for
// replaying every event into a live State (a third of its cost), and a
// trace that is only exported or counted never pays for it at all.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/trace/event.h"
#include "core/trace/event_log.h"
#include "core/trace/state.h"
#include "core/trace/string_index.h"
#include "core/trace/string_table.h"

namespace trace {

// Tasks per shared chunk in a keyframe.
inline constexpr std::size_t kKeyframeTaskChunk = 256;
// The least number of events between two keyframes.
inline constexpr std::size_t kKeyframeInterval = 4096;
// Keyframe spacing grows with the bytes a keyframe adds (its unshared
// part) so that snapshots cost about this many bytes per recorded event: a
// keyframe adding 1 MB comes 50 K events after the previous one.
inline constexpr std::size_t kKeyframeBytesPerEvent = 20;

class Trace {
 public:
  Trace();

  const EventLog& events() const { return events_; }
  std::size_t size() const { return events_.size(); }
  const Event& operator[](std::size_t i) const { return events_[i]; }

  std::string_view str(StrId id) const { return strings_[id]; }
  std::size_t stringCount() const { return strings_.size(); }

  // The source the run executed and its file name (for the code view).
  const std::string& source() const { return source_; }
  const std::string& fileName() const { return fileName_; }

  // State after applying events [0, index). index may equal size().
  // The first seek past the keyframes taken so far replays up to there
  // once, taking keyframes as it goes. Safe from several threads at once.
  State stateAt(std::size_t index) const;
  // Takes every keyframe now: what the first seek to the end would do, for
  // a caller that has a spare moment (or thread) before the user seeks.
  void buildKeyframes() const;

  // Approximate bytes held (events, strings, the keyframes taken so far),
  // for the budget and benchmarks.
  std::size_t memoryBytes() const;

  // Seeking internals, exposed for tests and benchmarks: how many keyframes
  // there are and after how many events the k-th one was taken. Both take
  // every keyframe first.
  std::size_t keyframeCount() const;
  std::size_t keyframeIndex(std::size_t k) const;

 private:
  friend class Recorder;
  EventLog events_;
  StringTable strings_;
  std::string source_;
  std::string fileName_;
  // A snapshot, stored lean: without the id index (stateAt rebuilds it),
  // and with `tasks` cut into chunks shared with the previous keyframe when
  // unchanged. Done tasks never change and pile up in long runs, so runs
  // whose old tasks are all done share most chunks.
  struct Keyframe {
    State rest;  // everything but `tasks`
    std::vector<std::shared_ptr<const std::vector<TaskView>>> taskChunks;

    // std::deque (in State) may throw when moved, so by default a growing
    // vector of keyframes would deep-copy every earlier one (each holding
    // all the futures of its moment): moves here only throw on exhausted
    // memory, which ends the program anyway.
    Keyframe() = default;
    Keyframe(const Keyframe&) = default;
    Keyframe& operator=(const Keyframe&) = default;
    Keyframe(Keyframe&&) noexcept = default;
    Keyframe& operator=(Keyframe&&) noexcept = default;
  };
  static_assert(std::is_nothrow_move_constructible_v<Keyframe>);
  // Replays from the frontier up to `index`, taking the keyframes on the
  // way; seekMutex_ held.
  void advanceFrontier(std::size_t index) const;
  // Snapshots the frontier; returns the bytes it newly allocated.
  std::size_t takeKeyframe() const;
  // Fills k.taskChunks from frontier_.tasks, sharing the previous
  // keyframe's unchanged chunks; returns the bytes newly allocated.
  std::size_t shareTaskChunks(Keyframe& k) const;
  // Built on demand under seekMutex_. In increasing order of State::index.
  // Spacing is adaptive (see takeKeyframe): at least keyframeInterval_
  // events, more when a keyframe is big, so keyframes cost about
  // kKeyframeBytesPerEvent bytes per event. Where they fall depends only
  // on the events, not on the order of the seeks that took them.
  mutable std::mutex seekMutex_;
  mutable std::vector<Keyframe> keyframes_;
  mutable std::size_t keyframeBytes_ = 0;  // bytes held by keyframes, shared chunks counted once
  // The state after the events [0, frontier_.index): how far keyframing
  // got. Released once a finished trace is keyframed to its end.
  mutable State frontier_;
  mutable std::size_t nextKeyframe_ = kKeyframeInterval;  // frontier index of the next keyframe
  mutable bool keyframed_ = false;  // every keyframe of a finished trace taken
  std::size_t keyframeInterval_ = kKeyframeInterval;
  bool finished_ = false;  // Recorder::finish() handed it over: no more events
};

// Appends events and interns strings. Keyframes are not its business: the
// Trace takes them when first seeked (so recording stays a plain append).
class Recorder {
 public:
  explicit Recorder(std::string fileName = {}, std::string source = {});

  // Tracing can be switched off (benchmarks): then record() does nothing.
  void setEnabled(bool on) { enabled_ = on; }
  bool enabled() const { return enabled_; }

  // The least number of events between keyframes (default kKeyframeInterval)
  // of the trace being recorded and the later ones. Tests lower it to check
  // seeking across many keyframes cheaply.
  void setKeyframeInterval(std::size_t events);

  StrId intern(std::string_view s);
  // intern(make()), remembered under `key`, a word that stands for the
  // string for the whole recording (the loop's non-pointer Values: their
  // repr never changes): a queue's get() then finds the id its put() made
  // without building and hashing the repr again. A small direct-mapped
  // cache: a key that was pushed out is simply interned again.
  template <class MakeString>
  StrId internKeyed(std::uint64_t key, MakeString&& make) {
    if (keyed_.empty()) keyed_.resize(kKeyedSlots);
    KeyedSlot& slot = keyed_[(key * 0x9e3779b97f4a7c15ull) >> (64 - kKeyedBits)];
    if (slot.id != kNoKeyedId && slot.key == key) return slot.id;
    const StrId id = intern(make());
    slot = KeyedSlot{key, id};
    return id;
  }
  void record(const Event& e) {
    if (enabled_) trace_->events_.push_back(e);
  }
  // Convenience for the common shape. The fields travel in registers to
  // EventLog::push: an Event built here and read back there as whole words
  // stalled on store forwarding (its fields were stored one by one).
  void record(EventKind kind, Id a = 0, std::uint32_t b = 0, StrId c = 0, double d = 0.0,
              std::uint8_t flags = 0) {
    if (enabled_) trace_->events_.push(kind, flags, 0, a, b, c, d);
  }
  // record(TaskLine, task, line): a line event for every line a traced
  // task executes, the bulk of a traced run's events.
  void recordTaskLine(Id task, std::uint32_t line) {
    if (enabled_) trace_->events_.push(EventKind::TaskLine, 0, 0, task, line, 0, 0.0);
  }
  Id newId() { return ++lastId_; }

  const Trace& trace() const { return *trace_; }
  // Ends recording and hands the immutable trace over.
  std::shared_ptr<const Trace> finish();

 private:
  std::shared_ptr<Trace> trace_;
  StringIndex interned_;  // over trace_->strings_
  std::size_t keyframeInterval_ = kKeyframeInterval;
  bool enabled_ = true;
  Id lastId_ = 0;
  static constexpr int kKeyedBits = 10;
  static constexpr std::size_t kKeyedSlots = std::size_t{1} << kKeyedBits;
  static constexpr StrId kNoKeyedId = ~StrId{0};
  struct KeyedSlot {
    std::uint64_t key = 0;
    StrId id = kNoKeyedId;
  };
  std::vector<KeyedSlot> keyed_;  // internKeyed's cache, allocated on first use
};

}  // namespace trace
