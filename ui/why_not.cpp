// why_not.cpp: the cases of whyNotRunning(), most specific first.
#include "ui/why_not.h"

#include <QCoreApplication>

#include <algorithm>

#include "ui/labels.h"
#include "ui/narration.h"

namespace ui {

using trace::EventKind;
using trace::Id;

namespace {

QString tr(const char* text) { return QCoreApplication::translate("ui::WhyNot", text); }

QString ordinal(int n) {
  const int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (n % 10 == 1) suffix = "st";
    else if (n % 10 == 2) suffix = "nd";
    else if (n % 10 == 3) suffix = "rd";
  }
  return QString::number(n) + QLatin1String(suffix);
}

// "a", "a and b", "a, b and c", "a, b, c and 2 more".
QString listWords(const QStringList& words, int shown = 3) {
  if (words.isEmpty()) return {};
  if (words.size() == 1) return words.front();
  if (words.size() > shown + 1) {
    return tr("%1 and %2 more")
        .arg(words.mid(0, shown).join(QStringLiteral(", ")))
        .arg(words.size() - shown);
  }
  return tr("%1 and %2").arg(words.mid(0, words.size() - 1).join(QStringLiteral(", ")), words.back());
}

bool contains(const std::vector<Id>& v, Id id) { return std::find(v.begin(), v.end(), id) != v.end(); }

QString labelOr(const trace::Trace& t, trace::StrId label, const QString& fallback) {
  const QString s = traceString(t, label);
  return s.isEmpty() ? fallback : s;
}

bool othersAllDone(const trace::State& s, Id self) {
  return std::all_of(s.tasks.begin(), s.tasks.end(), [&](const trace::TaskView& t) {
    return t.id == self || t.state == trace::TaskState::Done;
  });
}

QString ended(const trace::Trace& t, const trace::TaskView& task, const QString& name) {
  const QString r = traceString(t, task.result);
  switch (task.outcome) {
    case trace::FutureState::Failed: return tr("%1 is not running: it failed with %2.").arg(name, r);
    case trace::FutureState::Cancelled: return tr("%1 is not running: it was cancelled.").arg(name);
    default:
      return tr("%1 is not running: it finished with result %2.")
          .arg(name, r.isEmpty() ? QStringLiteral("None") : r);
  }
}

QString inReady(const trace::Trace& t, const trace::State& s, const trace::TaskView& task,
                const QString& name) {
  int pos = -1;
  for (std::size_t i = 0; i < s.ready.size(); ++i)
    if (s.ready[i].task == task.id && !s.ready[i].cancelled) {
      pos = static_cast<int>(i);
      break;
    }
  if (pos < 0) return tr("%1 is scheduled: it runs once its step reaches the ready queue.").arg(name);
  if (pos == 0) {
    if (s.running != 0)
      return tr("%1 is next in the ready queue; it runs as soon as %2 reaches an await.")
          .arg(name, taskShortName(t, s, s.running));
    return tr("%1 is first in the ready queue: it runs next.").arg(name);
  }
  QStringList ahead;
  for (int i = 0; i < pos; ++i) ahead << handleCaption(t, s, s.ready[static_cast<std::size_t>(i)]);
  return tr("%1 is %2 in the ready queue, behind %3: the loop runs ready callbacks in order.")
      .arg(name, ordinal(pos + 1), listWords(ahead));
}

QString onQueue(const trace::Trace& t, const trace::State& s, const trace::TaskView& task,
                const QString& name) {
  for (const auto& q : s.queues) {
    const QString qn = labelOr(t, q.label, QStringLiteral("Queue"));
    if (contains(q.getters, task.id)) {
      QString out = q.items.empty()
                        ? tr("%1 is waiting on %2.get() of an empty queue").arg(name, qn)
                        : tr("%1 is waiting on %2.get(); an item has arrived and it will wake").arg(name, qn);
      if (q.items.empty() && othersAllDone(s, task.id))
        out += tr(", and no task that could put into it is left");
      return out + QLatin1Char('.');
    }
    if (contains(q.putters, task.id))
      return tr("%1 is waiting on %2.put() of a full queue (%3 of %4 items): a get() must make room.")
          .arg(name, qn)
          .arg(q.items.size())
          .arg(q.maxsize);
    if (contains(q.joiners, task.id))
      return tr("%1 is waiting on %2.join(): %3 item(s) not yet marked task_done().")
          .arg(name, qn)
          .arg(q.unfinished);
  }
  return {};
}

QString onPrimitive(const trace::Trace& t, const trace::State& s, const trace::TaskView& task,
                    const QString& name) {
  for (const auto& p : s.primitives) {
    if (!contains(p.waiters, task.id)) continue;
    const auto pos = std::find(p.waiters.begin(), p.waiters.end(), task.id) - p.waiters.begin();
    const QString queueNote = pos > 0 ? tr(" (%1 in line)").arg(ordinal(static_cast<int>(pos) + 1)) : QString();
    switch (p.kind) {
      case trace::PrimitiveKind::Lock: {
        const QString pn = labelOr(t, p.label, QStringLiteral("Lock"));
        const Id holder = lockHolder(t, s.index, p.id);
        if (p.value != 0 && holder != 0)
          return tr("%1 is waiting to acquire %2%3, held by %4.")
              .arg(name, pn, queueNote, taskShortName(t, s, holder));
        return tr("%1 is waiting to acquire %2%3.").arg(name, pn, queueNote);
      }
      case trace::PrimitiveKind::Event:
        return tr("%1 is waiting for %2 to be set (it is %3).")
            .arg(name, labelOr(t, p.label, QStringLiteral("Event")),
                 p.value ? tr("set now, so it will wake") : tr("not set"));
      case trace::PrimitiveKind::Semaphore:
      case trace::PrimitiveKind::BoundedSemaphore:
        return tr("%1 is waiting on %2%3: its value is %4, so every slot is taken.")
            .arg(name, labelOr(t, p.label, QStringLiteral("Semaphore")), queueNote)
            .arg(p.value);
      case trace::PrimitiveKind::Condition:
        return tr("%1 is waiting on %2%3 until another task calls notify().")
            .arg(name, labelOr(t, p.label, QStringLiteral("Condition")), queueNote);
    }
  }
  return {};
}

QString onFuture(const trace::Trace& t, const trace::State& s, const trace::TaskView& task,
                 const QString& name) {
  const QString what = traceString(t, task.awaitingLabel);
  if (const auto* other = s.task(task.awaiting)) {
    const QString on = taskShortName(t, *other);
    if (other->state == trace::TaskState::Done)
      return tr("%1 is waiting for task %2, which has just ended: it will wake.").arg(name, on);
    return tr("%1 is waiting for task %2 to finish.").arg(name, on);
  }
  const auto* f = s.future(task.awaiting);
  const QString flabel = f ? traceString(t, f->label) : QString();
  if (f && flabel.startsWith(QLatin1String("gather("))) {
    QStringList pending;
    for (Id c : gatherChildren(t, s.index, f->id)) {
      const auto* ct = s.task(c);
      if (ct && ct->state != trace::TaskState::Done) pending << taskShortName(t, *ct);
      else if (!ct) {
        const auto* cf = s.future(c);
        if (cf && cf->state == trace::FutureState::Pending) pending << futureCaption(t, s, c);
      }
    }
    if (f->state != trace::FutureState::Pending)
      return tr("%1 is waiting on %2, which is done: it will wake.").arg(name, flabel);
    if (!pending.isEmpty())
      return tr("%1 is waiting on %2: still pending %3.").arg(name, flabel, listWords(pending, 4));
    return tr("%1 is waiting on %2.").arg(name, flabel);
  }
  // A sleep (or a timeout) is a timer owned by the task.
  for (const auto& tm : s.timers) {
    if (tm.task != task.id || tm.cancelled) continue;
    if (what.isEmpty())
      return tr("%1 is waiting for a timer due at t=%2.").arg(name, formatTime(tm.when));
    return tr("%1 is waiting for a timer due at t=%2 (%3).").arg(name, formatTime(tm.when), what);
  }
  if (f && f->state != trace::FutureState::Pending)
    return tr("%1 is waiting on %2, which is done: it will wake.").arg(name, futureCaption(t, s, f->id));
  if (!what.isEmpty()) return tr("%1 is waiting on %2.").arg(name, what);
  if (f) return tr("%1 is waiting on %2.").arg(name, futureCaption(t, s, f->id));
  return tr("%1 is waiting.").arg(name);
}

}  // namespace

std::vector<Id> gatherChildren(const trace::Trace& t, std::size_t upTo, Id gather) {
  upTo = std::min(upTo, t.size());
  std::size_t created = upTo;
  for (std::size_t i = 0; i < upTo; ++i)
    if (t[i].kind == EventKind::FutureCreated && t[i].a == gather) {
      created = i;
      break;
    }
  if (created == upTo) return {};
  auto isGatherCb = [&](std::size_t i) {
    return t[i].kind == EventKind::FutureCallbackAdded && t.str(t[i].c) == "gather._done_callback";
  };
  auto isBoundary = [&](std::size_t i) {
    const EventKind k = t[i].kind;
    if (k == EventKind::TaskStepBegin || k == EventKind::TaskSuspended || k == EventKind::TaskDone ||
        k == EventKind::HandleRun)
      return true;
    return k == EventKind::FutureCreated && t.str(t[i].c).starts_with("gather(");
  };
  std::vector<Id> out;
  // CPython adds the children's callbacks before the outer future exists;
  // look backwards first, then forwards (for recorders that log it after).
  for (std::size_t i = created; i-- > 0 && !isBoundary(i);)
    if (isGatherCb(i)) out.insert(out.begin(), t[i].a);
  if (!out.empty()) return out;
  for (std::size_t i = created + 1; i < upTo && !isBoundary(i); ++i)
    if (isGatherCb(i)) out.push_back(t[i].a);
  return out;
}

Id lockHolder(const trace::Trace& t, std::size_t upTo, Id lock) {
  upTo = std::min(upTo, t.size());
  Id running = 0, holder = 0;
  for (std::size_t i = 0; i < upTo; ++i) {
    const auto& e = t[i];
    switch (e.kind) {
      case EventKind::TaskStepBegin: running = e.a; break;
      case EventKind::TaskSuspended:
      case EventKind::TaskDone:
        if (e.a == running) running = 0;
        break;
      case EventKind::PrimitiveChanged:
        if (e.a == lock) holder = e.b != 0 ? running : 0;
        break;
      default: break;
    }
  }
  return holder;
}

QString whyNotRunning(const trace::Trace& t, const trace::State& s, Id id) {
  const trace::TaskView* task = s.task(id);
  if (task == nullptr) return tr("That task does not exist at this moment.");
  const QString name = taskShortName(t, *task);
  switch (task->state) {
    case trace::TaskState::Running:
      return tr("%1 is running now (line %2).").arg(name).arg(task->line);
    case trace::TaskState::Done: return ended(t, *task, name);
    case trace::TaskState::Scheduled: return inReady(t, s, *task, name);
    case trace::TaskState::Waiting: break;
  }
  QString out = onQueue(t, s, *task, name);
  if (out.isEmpty()) out = onPrimitive(t, s, *task, name);
  if (out.isEmpty()) out = onFuture(t, s, *task, name);
  if (task->line > 0) {
    out.chop(1);  // the final period
    out += tr(", suspended at line %1.").arg(task->line);
  }
  if (task->cancelRequested) out += tr(" A cancellation is pending for it.");
  return out;
}

}  // namespace ui
