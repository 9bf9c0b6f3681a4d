// timeline_model.h: each task's life as segments along the trace, built once.
//
// Virtual time alone would squash a lesson into three instants (every step
// at t=0 runs in zero virtual time), so the timeline's x axis counts events
// and gives each idle clock jump a fixed, hatched gap labelled with the
// times it skips. The model is computed once per trace (O(events)) so the
// view only paints; tests check the segments against the foo/bar story.
#pragma once

#include <QString>

#include <cstddef>
#include <vector>

#include "core/trace/state.h"
#include "core/trace/trace.h"

namespace ui {

struct TimelineSegment {
  double x0 = 0, x1 = 0;  // in axis units (see TimelineModel::xOf)
  trace::TaskState state = trace::TaskState::Scheduled;
  trace::FutureState outcome = trace::FutureState::Pending;  // for Done
};

struct TimelineLane {
  trace::Id task = 0;
  int ordinal = 0;  // creation order: the task's colour
  QString name;     // what the lane is labelled: a name the program gave the task
                    //   ("worker-1"); else its coroutine ("foo") when no other lane
                    //   shares it; else "Task-7 hello()", as asyncio's repr tells them apart
  QString taskName;   // "Task-7" or the given name
  QString coroutine;  // "hello" ("" if unknown)
  std::vector<TimelineSegment> segments;
};

struct TimelineMark {
  double x = 0;
  std::size_t index = 0;  // the event
  trace::Id task = 0;     // who was running (0: none)
};

struct TimelineGap {
  double x0 = 0, x1 = 0;
  double from = 0, to = 0;  // virtual times
};

class TimelineModel {
 public:
  static constexpr double kIdleUnits = 12.0;  // width of one clock jump, in event units

  static TimelineModel build(const trace::Trace& trace);
  // The lane label rule above, for one lane given how many lanes run its coroutine.
  static QString laneLabel(const QString& taskName, const QString& coroutine, int sameCoroutine);

  const std::vector<TimelineLane>& lanes() const { return lanes_; }
  const std::vector<TimelineMark>& outputs() const { return outputs_; }
  const std::vector<TimelineGap>& gaps() const { return gaps_; }
  double totalUnits() const { return xs_.empty() ? 0.0 : xs_.back(); }
  // x of the cursor that has applied `index` events.
  double xOf(std::size_t index) const;
  // The cursor nearest to x (for clicks and drags).
  std::size_t indexAt(double x) const;
  std::size_t size() const { return xs_.empty() ? 0 : xs_.size() - 1; }

 private:
  std::vector<double> xs_;  // xs_[i]: x after i events; size = events + 1
  std::vector<TimelineLane> lanes_;
  std::vector<TimelineMark> outputs_;
  std::vector<TimelineGap> gaps_;
};

}  // namespace ui
