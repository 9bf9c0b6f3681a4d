// test_narration.cpp: the sentences for the foo/bar story, and a sentence
// for every event of every kind.
#include <QtTest>

#include "support/foo_bar_fixture.h"
#include "ui/narration.h"

using trace::EventKind;

class TestNarration : public QObject {
  Q_OBJECT
  std::shared_ptr<const trace::Trace> t_ = fixture::makeFooBarTrace();

  QString at(std::size_t cursor) { return ui::narrate(*t_, cursor, t_->stateAt(cursor)); }
  // The sentence right after event `kind` with a == id.
  QString after(EventKind kind, trace::Id id = 0, std::size_t from = 0) {
    const std::size_t i = fixture::findEvent(*t_, kind, id, from);
    if (i >= t_->size()) return QStringLiteral("<no such event>");
    return at(i + 1);
  }

 private slots:
  void beforeTheStart() { QVERIFY(at(0).contains(QStringLiteral("Press ▶"))); }

  void theStory() {
    QCOMPARE(after(EventKind::TaskCreated, fixture::kMain),
             QStringLiteral("asyncio.run() wraps the main coroutine in the task Task-1."));
    QCOMPARE(after(EventKind::TaskCreated, fixture::kFoo),
             QStringLiteral("main calls create_task(): the new task Task-2 is born."));
    QCOMPARE(after(EventKind::TaskCoroutine, fixture::kFoo),
             QStringLiteral("Task-2 will run the coroutine foo(), defined at line 7."));
    const std::size_t fooStep = fixture::findEvent(*t_, EventKind::HandleScheduled, 4);
    QCOMPARE(at(fooStep + 1),
             QStringLiteral("foo is scheduled: its first step (Task.__step) joins the back of the "
                            "ready queue, at position 1. Nothing has run it yet."));
    QCOMPARE(after(EventKind::TaskSuspended, fixture::kMain),
             QStringLiteral("main awaits gather(foo, bar) at line 26 and gives up the thread. "
                            "Next in the ready queue: foo · Task.__step."));
    QCOMPARE(after(EventKind::TaskSuspended, fixture::kFoo),
             QStringLiteral("foo awaits sleep(1) at line 10 (the loop has set a timer for t=1.000) "
                            "and gives up the thread. Next in the ready queue: bar · Task.__step."));
    QCOMPARE(after(EventKind::TaskSuspended, fixture::kBar),
             QStringLiteral("bar awaits sleep(2) at line 17 (the loop has set a timer for t=2.000) "
                            "and gives up the thread. Nothing is ready: next, the loop waits for "
                            "the timer at t=1.000."));
    QCOMPARE(after(EventKind::ClockAdvanced),
             QStringLiteral("Nothing is ready, so the loop sleeps until the earliest timer: the "
                            "clock jumps from 0.000 to 1.000 (idle: no code runs in between)."));
    QCOMPARE(after(EventKind::TimerDue, fixture::kFooTimer),
             QStringLiteral("The timer for t=1.000 is due: foo's callback moves to the end of the "
                            "ready queue."));
    QCOMPARE(after(EventKind::FutureDone, 8),
             QStringLiteral("sleep(1) future is done with the result None; the loop schedules its "
                            "1 callback(s)."));
    QCOMPARE(after(EventKind::TaskLine, fixture::kFoo),
             QStringLiteral("foo runs line 8 (loop = asyncio.get_running_loop())."));
    QCOMPARE(after(EventKind::TaskDone, fixture::kFoo),
             QStringLiteral("foo returns None: the task is done ✓. Its done callbacks are "
                            "scheduled next: gather._done_callback."));
    QCOMPARE(after(EventKind::FutureDone, fixture::kGather),
             QStringLiteral("gather(foo, bar) is done with the result [None, None]; the loop "
                            "schedules its 1 callback(s)."));
    QCOMPARE(after(EventKind::Output),
             QStringLiteral("foo prints “0.00 foo: start, napping 1 s”."));
    QCOMPARE(after(EventKind::RunEnd), QStringLiteral("The program ends with exit status 0 at t=2.000."));
  }

  void resumingSaysWhere() {
    const std::size_t first = fixture::findEvent(*t_, EventKind::TaskStepBegin, fixture::kFoo);
    QCOMPARE(at(first + 1),
             QStringLiteral("The loop gives the thread to foo: it starts running its coroutine from line 7."));
    const std::size_t second = fixture::findEvent(*t_, EventKind::TaskStepBegin, fixture::kFoo, first + 1);
    QCOMPARE(at(second + 1),
             QStringLiteral("The loop gives the thread to foo: it resumes at line 10, right after its await."));
  }

  void everyEventHasASentence() {
    for (std::size_t i = 1; i <= t_->size(); ++i) {
      const QString s = at(i);
      QVERIFY2(s.size() > 15, qPrintable(QStringLiteral("event %1: '%2'").arg(i - 1).arg(s)));
      QVERIFY2(s.endsWith(QLatin1Char('.')), qPrintable(s));
    }
  }

  void everyKindHasItsOwnSentence() {
    // One event of each kind on top of a small state: the narration never
    // falls back to the raw kind name.
    trace::Recorder rec("kinds.py", "import asyncio\n");
    const auto s = [&](const char* x) { return rec.intern(x); };
    rec.record(EventKind::RunBegin, 0, 0, s("kinds.py"));
    rec.record(EventKind::TaskCreated, 1, 0, s("Task-1"));
    rec.record(EventKind::TaskCoroutine, 1, 1, s("main"));
    rec.record(EventKind::QueueCreated, 2, 2, s("Queue"), 0, static_cast<std::uint8_t>(trace::QueueKind::Fifo));
    rec.record(EventKind::PrimitiveCreated, 3, 0, s("Lock"), 0, static_cast<std::uint8_t>(trace::PrimitiveKind::Lock));
    for (int k = 0; k <= static_cast<int>(EventKind::RunEnd); ++k) {
      const auto kind = static_cast<EventKind>(k);
      trace::Id a = 1;
      std::uint32_t b = 1;
      if (kind == EventKind::QueuePut || kind == EventKind::QueueGet || kind == EventKind::QueueWaiter ||
          kind == EventKind::QueueWaiterGone || kind == EventKind::QueueUnfinished)
        a = 2, b = kind == EventKind::QueueGet ? 0 : 1;
      if (kind == EventKind::PrimitiveChanged || kind == EventKind::PrimitiveWaiter ||
          kind == EventKind::PrimitiveWaiterGone)
        a = 3;
      if (kind == EventKind::QueuePut) b = 0;
      if (kind == EventKind::TaskCreated) a = 10;
      if (kind == EventKind::HandleScheduled || kind == EventKind::HandleRun) a = 20;
      if (kind == EventKind::TimerScheduled || kind == EventKind::TimerDue) a = 30;
      if (kind == EventKind::FutureCreated) a = 40;
      rec.record(kind, a, b, s("x"), 1.0);
    }
    const auto t = rec.finish();
    for (std::size_t i = 1; i <= t->size(); ++i) {
      const QString sentence = ui::narrate(*t, i, t->stateAt(i));
      const QString kindName = QString::fromLatin1(trace::eventKindName((*t)[i - 1].kind));
      QVERIFY2(!sentence.isEmpty() && sentence != kindName, qPrintable(kindName));
      QVERIFY2(!sentence.contains(QStringLiteral("%1")), qPrintable(sentence));
    }
  }
};

QTEST_MAIN(TestNarration)
#include "test_narration.moc"
