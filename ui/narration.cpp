// narration.cpp: the sentences, one case per EventKind (see narration.h).
#include "ui/narration.h"

#include <QCoreApplication>
#include <QStringList>

#include "ui/labels.h"

namespace ui {

using trace::EventKind;

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
  return QCoreApplication::translate("ui::Narration", text, disambiguation, n);
}

QString sourceLine(const trace::Trace& trace, int line) {
  if (line <= 0) return {};
  const QStringList lines = QString::fromStdString(trace.source()).split(QLatin1Char('\n'));
  if (line > lines.size()) return {};
  return lines[line - 1].trimmed();
}

QString atLine(const trace::Trace& trace, int line) {
  const QString code = sourceLine(trace, line);
  if (code.isEmpty()) return tr("line %1").arg(line);
  return tr("line %1 (%2)").arg(line).arg(code);
}

QString nextReady(const trace::Trace& trace, const trace::State& s) {
  if (s.ready.empty()) {
    if (!s.timers.empty())
      return tr("Nothing is ready: next, the loop waits for the timer at t=%1.")
          .arg(formatTime(s.timers.front().when));
    return tr("Nothing is ready.");
  }
  return tr("Next in the ready queue: %1.").arg(handleCaption(trace, s, s.ready.front()));
}

const trace::HandleView* findHandle(const trace::State& s, trace::Id id) {
  for (const auto& h : s.ready)
    if (h.id == id) return &h;
  return nullptr;
}

QString futureResult(const trace::Trace& trace, trace::FutureState st, trace::StrId result) {
  const QString r = traceString(trace, result);
  switch (st) {
    case trace::FutureState::Finished: return tr("the result %1").arg(r.isEmpty() ? QStringLiteral("None") : r);
    case trace::FutureState::Failed: return tr("the exception %1").arg(r);
    case trace::FutureState::Cancelled: return tr("cancellation");
    case trace::FutureState::Pending: break;
  }
  return tr("nothing yet");
}

QString primitiveTypeName(trace::PrimitiveKind k) {
  switch (k) {
    case trace::PrimitiveKind::Lock: return QStringLiteral("Lock");
    case trace::PrimitiveKind::Event: return QStringLiteral("Event");
    case trace::PrimitiveKind::Semaphore: return QStringLiteral("Semaphore");
    case trace::PrimitiveKind::BoundedSemaphore: return QStringLiteral("BoundedSemaphore");
    case trace::PrimitiveKind::Condition: return QStringLiteral("Condition");
  }
  return {};
}

QString primitiveCaption(const trace::Trace& trace, const trace::State& s, trace::Id id) {
  if (const auto* p = s.primitive(id)) {
    const QString label = traceString(trace, p->label);
    return label.isEmpty() ? primitiveTypeName(p->kind) : label;
  }
  return tr("a primitive");
}

QString queueCaption(const trace::Trace& trace, const trace::State& s, trace::Id id) {
  if (const auto* q = s.queue(id)) {
    const QString label = traceString(trace, q->label);
    if (!label.isEmpty()) return label;
  }
  return QStringLiteral("Queue");
}

}  // namespace

QString handleCaption(const trace::Trace& trace, const trace::State& state,
                      const trace::HandleView& handle) {
  const QString label = traceString(trace, handle.label);
  if (handle.task == 0) return label;
  const QString who = taskShortName(trace, state, handle.task);
  return label.isEmpty() ? who : who + QStringLiteral(" · ") + label;
}

QString futureCaption(const trace::Trace& trace, const trace::State& state, trace::Id id) {
  if (const auto* t = state.task(id)) return taskShortName(trace, *t);
  if (const auto* f = state.future(id)) {
    const QString label = traceString(trace, f->label);
    if (!label.isEmpty()) return label;
  }
  return tr("a future");
}

QString narrate(const trace::Trace& trace, std::size_t cursor, const trace::State& after) {
  if (cursor == 0) return narrate(trace, 0, after, after);
  return narrate(trace, cursor, trace.stateAt(cursor - 1), after);
}

QString narrate(const trace::Trace& trace, std::size_t cursor, const trace::State& before,
                const trace::State& after) {
  if (cursor == 0)
    return tr("The program has not started yet. Press ▶ to play, or → to go one event at a time.");
  if (cursor > trace.size()) cursor = trace.size();
  const trace::Event& e = trace[cursor - 1];
  const QString c = traceString(trace, e.c);
  auto task = [&](trace::Id id) { return taskShortName(trace, after, id); };

  switch (e.kind) {
    case EventKind::RunBegin:
      return tr("The program %1 starts. The virtual clock reads t=%2; no real time will pass "
                "while it runs.")
          .arg(c.isEmpty() ? QString::fromStdString(trace.fileName()) : c, formatTime(after.clock));
    case EventKind::LoopIterationBegin:
      if (after.ready.empty())
        return tr("Loop iteration %1 begins. Nothing is ready, so the loop looks at its timers.")
            .arg(e.a);
      return tr("Loop iteration %1 begins: the loop will run the %n handle(s) in the ready queue "
                "now, front first; anything added meanwhile waits for the next iteration.",
                nullptr, static_cast<int>(after.ready.size()))
          .arg(e.a);
    case EventKind::LoopIterationEnd:
      return tr("Iteration %1 is over.").arg(e.a) + QLatin1Char(' ') + nextReady(trace, after);
    case EventKind::ClockAdvanced:
      return tr("Nothing is ready, so the loop sleeps until the earliest timer: the clock jumps "
                "from %1 to %2 (idle: no code runs in between).")
          .arg(formatTime(before.clock), formatTime(e.d));
    case EventKind::LoopBlocked:
      return tr("%1 made a blocking call at line %2: the whole thread is stuck for %3 s, so no "
                "other task or callback can run. The clock is now t=%4.")
          .arg(task(e.a))
          .arg(e.b)
          .arg(QString::number(e.d), formatTime(after.clock));
    case EventKind::LoopStopped: {
      // Why it stops decides the sentence: the first task is what
      // asyncio.run() / run_until_complete() waits for.
      const bool mainDone = !after.tasks.empty() && after.tasks.front().state == trace::TaskState::Done;
      if (mainDone)
        return tr("The loop stops: the task it was asked to run to completion is done, so "
                  "run_until_complete() returns (asyncio.run() then closes the loop).");
      if (after.ready.empty() && after.timers.empty())
        return tr("The loop stops: nothing is ready and no timer is pending, yet tasks still "
                  "wait. Nothing could ever wake them: a deadlock.");
      return tr("The loop stops: loop.stop() was called, so run_forever() returns after this "
                "iteration.");
    }
    case EventKind::HandleScheduled: {
      const auto* h = findHandle(after, e.a);
      const int pos = static_cast<int>(after.ready.size());
      const auto kind = static_cast<trace::HandleKind>(e.flags);
      if (kind == trace::HandleKind::TaskStep && e.b)
        return tr("%1 is scheduled: its first step (Task.__step) joins the back of the ready "
                  "queue, at position %2. Nothing has run it yet.")
            .arg(task(e.b))
            .arg(pos);
      if (kind == trace::HandleKind::TaskWakeup && e.b)
        return tr("%1 can go on: its wake-up (Task.__wakeup) joins the ready queue at position %2; "
                  "it resumes when the loop gets to it.")
            .arg(task(e.b))
            .arg(pos);
      return tr("The callback %1 joins the ready queue at position %2.")
          .arg(h ? handleCaption(trace, after, *h) : c)
          .arg(pos);
    }
    case EventKind::HandleRun: {
      const auto* h = findHandle(before, e.a);
      const QString what = h ? handleCaption(trace, before, *h) : tr("a handle");
      if (h && h->cancelled)
        return tr("The loop takes %1 from the front of the ready queue, but it was cancelled, so "
                  "it is skipped.")
            .arg(what);
      if (h && h->kind == trace::HandleKind::Timer)
        return tr("The loop runs the timer's callback %1 from the front of the ready queue.")
            .arg(what);
      return tr("The loop takes %1 from the front of the ready queue and calls it.").arg(what);
    }
    case EventKind::HandleCancelled:
      return tr("A handle is cancelled: it stays in the ready queue and will be skipped when its "
                "turn comes.");
    case EventKind::TimerScheduled:
      if (e.b)
        return tr("The loop sets a timer for t=%1 on behalf of %2 (it will call %3).")
            .arg(formatTime(e.d), task(e.b), c);
      return tr("The loop sets a timer for t=%1 (it will call %2).").arg(formatTime(e.d), c);
    case EventKind::TimerDue: {
      const auto* t = before.timer(e.a);
      const QString when = t ? formatTime(t->when) : formatTime(after.clock);
      if (t && t->task)
        return tr("The timer for t=%1 is due: %2's callback moves to the end of the ready queue.")
            .arg(when, task(t->task));
      return tr("The timer for t=%1 is due: its callback moves to the end of the ready queue.")
          .arg(when);
    }
    case EventKind::TimerCancelled:
      return tr("A timer is cancelled; the loop leaves it in the heap and drops it later.");
    case EventKind::TimerDropped:
      return tr("The loop drops a cancelled timer from its heap.");
    case EventKind::TaskCreated:
      if (e.b)
        return tr("%1 calls create_task(): the new task %2 is born.").arg(task(e.b), c);
      if (before.tasks.empty()) return tr("asyncio.run() wraps the main coroutine in the task %1.").arg(c);
      return tr("A callback outside any task creates the task %1.").arg(c);
    case EventKind::TaskCoroutine:
      return tr("%1 will run the coroutine %2(), defined at line %3.")
          .arg(traceString(trace, after.task(e.a) ? after.task(e.a)->name : 0), c)
          .arg(e.b);
    case EventKind::TaskStepBegin: {
      const auto* t = after.task(e.a);
      const auto* was = before.task(e.a);
      const bool resumes = was && was->line > 0 && was->line != was->defLine;
      if (resumes)
        return tr("The loop gives the thread to %1: it resumes at line %2, right after its await.")
            .arg(task(e.a))
            .arg(was->line);
      return tr("The loop gives the thread to %1: it starts running its coroutine from line %2.")
          .arg(task(e.a))
          .arg(t ? t->defLine : 0);
    }
    case EventKind::TaskLine:
      return tr("%1 runs %2.").arg(task(e.a), atLine(trace, static_cast<int>(e.b)));
    case EventKind::TaskSuspended: {
      const QString who = task(e.a);
      if (e.b == 0)
        return tr("%1 yields at line %2 without waiting for anything: it goes to the back of the "
                  "ready queue and gives up the thread.")
                   .arg(who)
                   .arg(static_cast<int>(e.d)) +
               QLatin1Char(' ') + nextReady(trace, after);
      QString timerPart;
      for (const auto& t : after.timers)
        if (t.task == e.a && !t.cancelled)
          timerPart = tr(" (the loop has set a timer for t=%1)").arg(formatTime(t.when));
      return tr("%1 awaits %2 at line %3%4 and gives up the thread.")
                 .arg(who, c)
                 .arg(static_cast<int>(e.d))
                 .arg(timerPart) +
             QLatin1Char(' ') + nextReady(trace, after);
    }
    case EventKind::TaskCancelRequested:
      return tr("Someone asks %1 to cancel%2: CancelledError will be thrown into it where it "
                "waits.")
          .arg(task(e.a), c.isEmpty() ? QString() : tr(" (\"%1\")").arg(c));
    case EventKind::TaskDone: {
      const QString who = task(e.a);
      QString s;
      switch (static_cast<trace::FutureState>(e.flags)) {
        case trace::FutureState::Failed:
          s = tr("%1 raised %2: the task is done with an exception ✗.").arg(who, c);
          break;
        case trace::FutureState::Cancelled:
          s = tr("%1 was cancelled ⊘: the task is done.").arg(who);
          break;
        default:
          s = tr("%1 returns %2: the task is done ✓.").arg(who, c.isEmpty() ? QStringLiteral("None") : c);
          break;
      }
      // A task is a future: whoever waits on it learns through its callbacks.
      if (const auto* f = before.future(e.a); f && !f->callbacks.empty()) {
        QStringList names;
        for (trace::StrId cb : f->callbacks) names << traceString(trace, cb);
        s += QLatin1Char(' ') + tr("Its done callbacks are scheduled next: %1.").arg(names.join(QStringLiteral(", ")));
      }
      return s;
    }
    case EventKind::FutureCreated:
      if (e.b) return tr("%1 creates a future: %2.").arg(task(e.b), c);
      return tr("A future is created: %1.").arg(c);
    case EventKind::FutureCallbackAdded:
      return tr("When %1 is done, it will schedule %2.").arg(futureCaption(trace, after, e.a), c);
    case EventKind::FutureDone: {
      const auto* f = before.future(e.a);  // done clears the list: count it before
      const int callbacks = f ? static_cast<int>(f->callbacks.size()) : 0;
      const QString what = futureCaption(trace, after, e.a);
      const QString res = futureResult(trace, static_cast<trace::FutureState>(e.flags), e.c);
      if (callbacks == 0) return tr("%1 is done with %2.").arg(what, res);
      return tr("%1 is done with %2; the loop schedules its %n callback(s).", nullptr, callbacks)
          .arg(what, res);
    }
    case EventKind::QueueCreated:
      return tr("A new %1 is created%2.")
          .arg(c.isEmpty() ? QStringLiteral("Queue") : c,
               e.b ? tr(" that holds at most %1 items").arg(e.b) : QString());
    case EventKind::QueuePut: {
      const auto* q = after.queue(e.a);
      return tr("%1 is put into %2, which now holds %n item(s).", nullptr,
                q ? static_cast<int>(q->items.size()) : 0)
          .arg(c, queueCaption(trace, after, e.a));
    }
    case EventKind::QueueGet: {
      const auto* q = after.queue(e.a);
      return tr("%1 is taken out of %2, which now holds %n item(s).", nullptr,
                q ? static_cast<int>(q->items.size()) : 0)
          .arg(c, queueCaption(trace, after, e.a));
    }
    case EventKind::QueueWaiter: {
      const auto role = static_cast<trace::WaiterRole>(e.flags);
      const QString q = queueCaption(trace, after, e.a);
      if (role == trace::WaiterRole::Getter)
        return tr("%1 wants an item but %2 is empty: it waits at the getters' end.").arg(task(e.b), q);
      if (role == trace::WaiterRole::Putter)
        return tr("%1 wants to put an item but %2 is full: it waits at the putters' end.")
            .arg(task(e.b), q);
      return tr("%1 waits until every item of %2 is processed (join).").arg(task(e.b), q);
    }
    case EventKind::QueueWaiterGone:
      return tr("%1 stops waiting on %2.").arg(task(e.b), queueCaption(trace, after, e.a));
    case EventKind::QueueUnfinished:
      return tr("%1 has %2 unfinished item(s) (task_done() bookkeeping for join()).")
          .arg(queueCaption(trace, after, e.a))
          .arg(e.b);
    case EventKind::PrimitiveCreated:
      return tr("A new %1 is created.").arg(c.isEmpty() ? primitiveTypeName(static_cast<trace::PrimitiveKind>(e.flags)) : c);
    case EventKind::PrimitiveChanged: {
      const auto* p = after.primitive(e.a);
      const QString name = primitiveCaption(trace, after, e.a);
      if (p && p->kind == trace::PrimitiveKind::Lock)
        return e.b ? tr("%1 is now locked.").arg(name) : tr("%1 is released.").arg(name);
      if (p && p->kind == trace::PrimitiveKind::Event)
        return e.b ? tr("%1 is set: its waiters can go on.").arg(name)
                   : tr("%1 is cleared.").arg(name);
      return tr("%1 now has the value %2.").arg(name).arg(e.b);
    }
    case EventKind::PrimitiveWaiter:
      return tr("%1 waits on %2.").arg(task(e.b), primitiveCaption(trace, after, e.a));
    case EventKind::PrimitiveWaiterGone:
      return tr("%1 stops waiting on %2.").arg(task(e.b), primitiveCaption(trace, after, e.a));
    case EventKind::Output: {
      QString text = c;
      while (text.endsWith(QLatin1Char('\n'))) text.chop(1);
      const auto stream = static_cast<trace::Stream>(e.flags);
      const QString who = after.running ? task(after.running) : tr("The program");
      if (stream == trace::Stream::ClientLog) return tr("A simulated client logs: “%1”.").arg(text);
      if (stream == trace::Stream::Stderr) return tr("%1 writes to standard error: “%2”.").arg(who, text);
      return tr("%1 prints “%2”.").arg(who, text);
    }
    case EventKind::Diagnostic: {
      switch (static_cast<trace::DiagnosticKind>(e.flags)) {
        case trace::DiagnosticKind::NeverAwaited:
          return tr("Warning: a coroutine was created but never awaited, so its code never ran. %1").arg(c);
        case trace::DiagnosticKind::UnretrievedException:
          return tr("Warning: a task failed and nobody asked for its exception. %1").arg(c);
        case trace::DiagnosticKind::Deadlock:
          return tr("Deadlock: nothing is ready and no timer is pending, but tasks still wait. "
                    "Real Python would hang here forever. %1").arg(c);
        case trace::DiagnosticKind::LoopBlocked:
          return tr("Warning: a synchronous call blocked the loop. %1").arg(c);
        case trace::DiagnosticKind::Stall:
          return tr("Stall: callbacks stay ready forever, so the clock can never reach the next "
                    "timer. %1").arg(c);
        case trace::DiagnosticKind::Budget:
          return tr("The run was stopped: %1").arg(c);
        case trace::DiagnosticKind::Traceback:
          return tr("An exception nobody caught ends the program: %1").arg(c);
        case trace::DiagnosticKind::CallbackError:
          return tr("A callback raised an exception; the loop reports it and carries on. %1").arg(c);
      }
      return c;
    }
    case EventKind::RunEnd:
      return tr("The program ends with exit status %1 at t=%2.").arg(e.a).arg(formatTime(after.clock));
  }
  return QString::fromLatin1(trace::eventKindName(e.kind));
}

}  // namespace ui
