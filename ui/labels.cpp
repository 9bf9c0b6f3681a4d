// labels.cpp: naming things from a trace (see labels.h).
#include "ui/labels.h"

#include <QCoreApplication>

namespace ui {

QString traceString(const trace::Trace& trace, trace::StrId id) {
  if (id == 0 || id >= trace.stringCount()) return {};
  const std::string_view s = trace.str(id);
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString taskTitle(const trace::Trace& trace, const trace::TaskView& task) {
  const QString name = traceString(trace, task.name);
  const QString coro = traceString(trace, task.coroutine);
  if (coro.isEmpty()) return name;
  if (name.isEmpty()) return coro;
  return coro + QStringLiteral(" · ") + name;
}

QString taskShortName(const trace::Trace& trace, const trace::TaskView& task) {
  const QString coro = traceString(trace, task.coroutine);
  return coro.isEmpty() ? traceString(trace, task.name) : coro;
}

QString taskShortName(const trace::Trace& trace, const trace::State& state, trace::Id id) {
  if (const trace::TaskView* t = state.task(id)) return taskShortName(trace, *t);
  return QCoreApplication::translate("ui::labels", "task #%1").arg(id);
}

int taskOrdinal(const trace::State& state, trace::Id id) {
  // State::task() is an O(1) lookup into `tasks` (creation order), so the
  // element's position is the ordinal: cheap even with 1,000 tasks.
  const trace::TaskView* t = state.task(id);
  return t ? static_cast<int>(t - state.tasks.data()) : -1;
}

QString formatTime(double seconds) { return QString::number(seconds, 'f', 3); }

}  // namespace ui
