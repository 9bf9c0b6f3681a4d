// causality.cpp: one backward rule per event kind (see causality.h).
//
// The rules mirror how asyncio makes things happen: a handle runs because
// it was queued (or its timer came due); a callback is queued because the
// future it waits on completed; a future completes inside whatever handle
// was running (a timer callback, a queue put, a lock release, a gather
// callback); anything a task does happens inside its step.
#include "ui/causality.h"

#include <QCoreApplication>
#include <QStringList>

#include "ui/labels.h"
#include "ui/narration.h"

namespace ui {

using trace::EventKind;
using trace::Id;

namespace {

QString tr(const char* text) { return QCoreApplication::translate("ui::Causality", text); }

// The latest event before `index` matching `want`; stops (returns size())
// at the first event matching `stop`.
template <typename Want, typename Stop>
std::size_t findBack(const trace::Trace& t, std::size_t index, Want want, Stop stop) {
  for (std::size_t i = index; i-- > 0;) {
    if (want(t[i])) return i;
    if (stop(t[i])) break;
  }
  return t.size();
}

bool never(const trace::Event&) { return false; }

// The TaskStepBegin of the step that is executing at event `index`, if any.
std::size_t enclosingStep(const trace::Trace& t, std::size_t index) {
  return findBack(
      t, index, [](const trace::Event& e) { return e.kind == EventKind::TaskStepBegin; },
      [](const trace::Event& e) {
        return e.kind == EventKind::TaskSuspended || e.kind == EventKind::TaskDone ||
               e.kind == EventKind::HandleRun || e.kind == EventKind::LoopIterationEnd;
      });
}

// The HandleRun executing at event `index` (callbacks outside any task).
std::size_t enclosingRun(const trace::Trace& t, std::size_t index) {
  return findBack(
      t, index, [](const trace::Event& e) { return e.kind == EventKind::HandleRun; },
      [](const trace::Event& e) { return e.kind == EventKind::LoopIterationEnd; });
}

// What happened inside the current step or handle that is the likely
// trigger of a completion: a queue put/get, a lock release, a cancellation,
// a task or future completing.
std::size_t triggerInside(const trace::Trace& t, std::size_t index) {
  return findBack(
      t, index,
      [](const trace::Event& e) {
        switch (e.kind) {
          case EventKind::QueuePut:
          case EventKind::QueueGet:
          case EventKind::PrimitiveChanged:
          case EventKind::TaskCancelRequested:
          case EventKind::FutureDone:
          case EventKind::TaskDone: return true;
          default: return false;
        }
      },
      [](const trace::Event& e) {
        return e.kind == EventKind::HandleRun || e.kind == EventKind::TaskStepBegin ||
               e.kind == EventKind::LoopIterationEnd;
      });
}

std::size_t stepOrRun(const trace::Trace& t, std::size_t index) {
  const std::size_t step = enclosingStep(t, index);
  return step != t.size() ? step : enclosingRun(t, index);
}

}  // namespace

std::size_t causeOf(const trace::Trace& t, std::size_t index) {
  const std::size_t none = t.size();
  if (index >= t.size()) return none;
  const trace::Event& e = t[index];
  switch (e.kind) {
    case EventKind::TaskStepBegin:
      return findBack(t, index, [](const trace::Event& x) { return x.kind == EventKind::HandleRun; }, never);
    case EventKind::HandleRun:
      return findBack(
          t, index,
          [&](const trace::Event& x) {
            return (x.kind == EventKind::HandleScheduled || x.kind == EventKind::TimerDue) && x.a == e.a;
          },
          never);
    case EventKind::TimerDue: {
      // A clock jump in this iteration is why the timer is due now;
      // otherwise its time had simply come.
      const std::size_t jump = findBack(
          t, index, [](const trace::Event& x) { return x.kind == EventKind::ClockAdvanced; },
          // The simulator records the jump just before the iteration begins
          // (the fixture just after): look back to the previous iteration's end.
          [](const trace::Event& x) { return x.kind == EventKind::LoopIterationEnd; });
      if (jump != none) return jump;
      return findBack(
          t, index, [&](const trace::Event& x) { return x.kind == EventKind::TimerScheduled && x.a == e.a; },
          never);
    }
    case EventKind::HandleScheduled: {
      // Callbacks are queued right after the future they wait on completes.
      const std::size_t done = findBack(
          t, index,
          [](const trace::Event& x) { return x.kind == EventKind::FutureDone || x.kind == EventKind::TaskDone; },
          [](const trace::Event& x) { return x.kind != EventKind::HandleScheduled; });
      if (done != none) return done;
      if (static_cast<trace::HandleKind>(e.flags) == trace::HandleKind::TaskStep && e.b != 0) {
        const std::size_t created = findBack(
            t, index, [&](const trace::Event& x) { return x.kind == EventKind::TaskCreated && x.a == e.b; },
            [&](const trace::Event& x) { return x.kind == EventKind::HandleRun; });
        if (created != none) return created;
      }
      return stepOrRun(t, index);
    }
    case EventKind::FutureDone: {
      const std::size_t trig = triggerInside(t, index);
      if (trig != none) return trig;
      return enclosingRun(t, index);
    }
    case EventKind::TaskDone:
    case EventKind::TaskSuspended:
    case EventKind::TaskLine:
      return findBack(t, index, [&](const trace::Event& x) { return x.kind == EventKind::TaskStepBegin && x.a == e.a; },
                      never);
    case EventKind::TimerScheduled:
    case EventKind::TaskCreated:
    case EventKind::FutureCreated:
    case EventKind::FutureCallbackAdded:
    case EventKind::QueuePut:
    case EventKind::QueueGet:
    case EventKind::QueueWaiter:
    case EventKind::QueueWaiterGone:
    case EventKind::QueueUnfinished:
    case EventKind::PrimitiveChanged:
    case EventKind::PrimitiveWaiter:
    case EventKind::PrimitiveWaiterGone:
    case EventKind::TaskCancelRequested:
    case EventKind::HandleCancelled:
    case EventKind::TimerCancelled:
    case EventKind::Output:
    case EventKind::Diagnostic:
      return stepOrRun(t, index);
    case EventKind::TaskCoroutine:
      return findBack(t, index, [&](const trace::Event& x) { return x.kind == EventKind::TaskCreated && x.a == e.a; },
                      never);
    default: return none;
  }
}

std::vector<std::size_t> causalChain(const trace::Trace& t, std::size_t index) {
  std::vector<std::size_t> chain;
  if (index >= t.size()) return chain;
  chain.push_back(index);
  std::size_t i = index;
  while (chain.size() < kMaxCausalLinks) {
    const std::size_t c = causeOf(t, i);
    if (c >= i) break;  // no cause (or a malformed trace): stop rather than loop
    chain.push_back(c);
    i = c;
  }
  return {chain.rbegin(), chain.rend()};
}

QString causalPhrase(const trace::Trace& t, std::size_t index) {
  const trace::Event& e = t[index];
  const trace::State after = t.stateAt(index + 1);
  auto task = [&](Id id) { return taskShortName(t, after, id); };
  switch (e.kind) {
    case EventKind::ClockAdvanced: return tr("clock jumps to t=%1").arg(formatTime(e.d));
    case EventKind::TimerDue: return tr("timer fires at t=%1").arg(formatTime(after.clock));
    case EventKind::TimerScheduled: return tr("%1 sets a timer for t=%2").arg(task(e.b), formatTime(e.d));
    case EventKind::HandleRun: {
      const trace::State before = t.stateAt(index);
      if (const auto* h = before.handle(e.a)) return tr("loop runs %1").arg(handleCaption(t, before, *h));
      return tr("loop runs a callback");
    }
    case EventKind::HandleScheduled: {
      std::size_t pos = after.ready.size();
      for (std::size_t i = 0; i < after.ready.size(); ++i)
        if (after.ready[i].id == e.a) pos = i + 1;
      const QString label = traceString(t, e.c);
      const QString who = e.b != 0 ? QStringLiteral("%1 (%2)").arg(label, task(e.b)) : label;
      return tr("%1 queued at position %2").arg(who).arg(pos);
    }
    case EventKind::TaskStepBegin: {
      const trace::State before = t.stateAt(index);
      const auto* tv = before.task(e.a);
      if (tv && tv->line > 0) return tr("%1 resumes at line %2").arg(task(e.a)).arg(tv->line);
      return tr("%1 starts").arg(task(e.a));
    }
    case EventKind::TaskDone: return tr("%1 finishes").arg(task(e.a));
    case EventKind::TaskSuspended: return tr("%1 awaits %2").arg(task(e.a), traceString(t, e.c));
    case EventKind::TaskCreated: return tr("%1 is created").arg(task(e.a));
    case EventKind::TaskLine: return tr("%1 runs line %2").arg(task(e.a)).arg(e.b);
    case EventKind::TaskCancelRequested: return tr("%1 is asked to cancel").arg(task(e.a));
    case EventKind::FutureDone: {
      const auto* f = after.future(e.a);
      const QString label = f ? traceString(t, f->label) : QString();
      return tr("%1 done").arg(label.isEmpty() ? futureCaption(t, after, e.a) : label);
    }
    case EventKind::QueuePut: return tr("%1 put into the queue").arg(traceString(t, e.c));
    case EventKind::QueueGet: return tr("%1 taken from the queue").arg(traceString(t, e.c));
    case EventKind::PrimitiveChanged: {
      const auto* p = after.primitive(e.a);
      const QString label = p ? traceString(t, p->label) : QString();
      return tr("%1 becomes %2").arg(label.isEmpty() ? tr("the primitive") : label).arg(e.b);
    }
    case EventKind::Output: return tr("prints %1").arg(traceString(t, e.c).trimmed());
    case EventKind::FutureCreated: return tr("%1 creates %2").arg(task(e.b), traceString(t, e.c));
    case EventKind::FutureCallbackAdded:
      return tr("%1 added to %2").arg(traceString(t, e.c), futureCaption(t, after, e.a));
    case EventKind::TaskCoroutine: return tr("%1 will run %2()").arg(task(e.a), traceString(t, e.c));
    case EventKind::QueueWaiter: return tr("%1 waits on the queue").arg(task(e.b));
    case EventKind::QueueWaiterGone: return tr("%1 stops waiting on the queue").arg(task(e.b));
    case EventKind::PrimitiveWaiter: {
      const auto* p = after.primitive(e.a);
      const QString label = p ? traceString(t, p->label) : QString();
      return tr("%1 waits on %2").arg(task(e.b), label.isEmpty() ? tr("the primitive") : label);
    }
    case EventKind::PrimitiveWaiterGone: return tr("%1 stops waiting").arg(task(e.b));
    case EventKind::TimerCancelled: return tr("a timer is cancelled");
    case EventKind::HandleCancelled: return tr("a callback is cancelled");
    case EventKind::LoopBlocked: return tr("a blocking call holds the thread for %1 s").arg(e.d);
    default: return QString::fromLatin1(trace::eventKindName(e.kind));
  }
}

QString describeCausality(const trace::Trace& t, std::size_t cursor) {
  if (cursor == 0 || cursor > t.size()) return {};
  const std::vector<std::size_t> chain = causalChain(t, cursor - 1);
  if (chain.size() < 2) return {};
  QStringList parts;
  int n = 0;
  for (std::size_t k = 0; k < chain.size(); ++k) {
    // A HandleRun followed by the step it starts says the same thing twice.
    if (t[chain[k]].kind == EventKind::HandleRun && k + 1 < chain.size() &&
        t[chain[k + 1]].kind == EventKind::TaskStepBegin)
      continue;
    parts << QStringLiteral("%1. %2").arg(++n).arg(causalPhrase(t, chain[k]));
  }
  return parts.join(QStringLiteral(" → "));
}

}  // namespace ui
