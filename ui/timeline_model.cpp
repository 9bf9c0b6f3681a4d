// timeline_model.cpp: replaying the trace once into swimlane segments.
#include "ui/timeline_model.h"

#include <QRegularExpression>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "ui/labels.h"

namespace ui {

double TimelineModel::xOf(std::size_t index) const {
  if (xs_.empty()) return 0.0;
  return xs_[std::min(index, xs_.size() - 1)];
}

std::size_t TimelineModel::indexAt(double x) const {
  if (xs_.size() < 2) return 0;
  auto it = std::lower_bound(xs_.begin(), xs_.end(), x);
  if (it == xs_.end()) return xs_.size() - 1;
  std::size_t i = static_cast<std::size_t>(it - xs_.begin());
  if (i > 0 && (x - xs_[i - 1]) < (xs_[i] - x)) --i;
  return i;
}

QString TimelineModel::laneLabel(const QString& taskName, const QString& coroutine, int sameCoroutine) {
  static const QRegularExpression defaultName(QStringLiteral("^Task-\\d+$"));
  if (!taskName.isEmpty() && !defaultName.match(taskName).hasMatch()) return taskName;
  if (!coroutine.isEmpty() && sameCoroutine <= 1) return coroutine;
  if (coroutine.isEmpty()) return taskName;
  return QStringLiteral("%1 %2()").arg(taskName, coroutine);
}

TimelineModel TimelineModel::build(const trace::Trace& trace) {
  TimelineModel m;
  const std::size_t n = trace.size();
  m.xs_.resize(n + 1, 0.0);
  trace::State s;
  std::unordered_map<trace::Id, std::size_t> laneOf;

  // Closes the open segment of a lane at x and opens one in the task's
  // current state (if it changed).
  auto touch = [&](trace::Id id, double x) {
    auto it = laneOf.find(id);
    if (it == laneOf.end()) return;
    const trace::TaskView* t = s.task(id);
    if (!t) return;
    TimelineLane& lane = m.lanes_[it->second];
    if (!lane.segments.empty()) {
      TimelineSegment& last = lane.segments.back();
      if (last.state == t->state && last.outcome == t->outcome) return;
      last.x1 = x;
    }
    lane.segments.push_back({x, x, t->state, t->outcome});
  };

  for (std::size_t i = 0; i < n; ++i) {
    const trace::Event& e = trace[i];
    const double x0 = m.xs_[i];
    double w = 1.0;
    if (e.kind == trace::EventKind::ClockAdvanced) {
      w = kIdleUnits;
      m.gaps_.push_back({x0, x0 + w, s.clock, e.d});
    }
    s.apply(e);
    const double x1 = x0 + w;
    m.xs_[i + 1] = x1;
    switch (e.kind) {
      case trace::EventKind::TaskCreated: {
        laneOf[e.a] = m.lanes_.size();
        TimelineLane lane;
        lane.task = e.a;
        lane.ordinal = static_cast<int>(m.lanes_.size());
        lane.taskName = traceString(trace, e.c);
        m.lanes_.push_back(std::move(lane));
        touch(e.a, x1);
        break;
      }
      case trace::EventKind::TaskCoroutine:
        if (auto it = laneOf.find(e.a); it != laneOf.end())
          m.lanes_[it->second].coroutine = traceString(trace, e.c);
        break;
      case trace::EventKind::HandleScheduled:
        if (e.b) touch(e.b, x1);
        break;
      case trace::EventKind::TaskStepBegin:
      case trace::EventKind::TaskSuspended:
      case trace::EventKind::TaskDone:
        touch(e.a, x0);  // a step occupies its event's own width
        break;
      case trace::EventKind::Output:
        m.outputs_.push_back({x0 + 0.5, i, s.running});
        break;
      default:
        break;
    }
  }
  std::unordered_map<std::string, int> perCoroutine;
  for (const auto& lane : m.lanes_) ++perCoroutine[lane.coroutine.toStdString()];
  for (auto& lane : m.lanes_) lane.name = laneLabel(lane.taskName, lane.coroutine, perCoroutine[lane.coroutine.toStdString()]);
  const double end = m.totalUnits();
  for (auto& lane : m.lanes_)
    if (!lane.segments.empty()) lane.segments.back().x1 = end;
  return m;
}

}  // namespace ui
