// test_why_not.cpp: "why isn't this task running?" for hand-built traces
// (foo/bar, a queue, a lock) and for a real trace recorded by the app
// (tests/ui/data/deadlock_queue.jsonl, see tests/ui/data/README.md).
#include <QtTest>

#include "support/foo_bar_fixture.h"
#include "support/recorded_traces.h"
#include "ui/loop_view.h"
#include "ui/playback_controller.h"
#include "ui/why_not.h"

using trace::EventKind;
using trace::HandleKind;
using trace::Id;

namespace {

// A few tasks and one object, recorded by hand; each helper is one event.
struct Mini {
  trace::Recorder rec{"mini.py", "import asyncio\n"};
  trace::StrId s(const char* text) { return rec.intern(text); }
  void ev(EventKind k, Id a = 0, std::uint32_t b = 0, trace::StrId c = 0, double d = 0.0,
          std::uint8_t flags = 0) {
    rec.record(k, a, b, c, d, flags);
  }
  void task(Id id, const char* name, const char* coro) {
    ev(EventKind::TaskCreated, id, 0, s(name));
    ev(EventKind::TaskCoroutine, id, 1, s(coro));
  }
};

}  // namespace

class TestWhyNot : public QObject {
  Q_OBJECT
  std::shared_ptr<const trace::Trace> t_ = fixture::makeFooBarTrace();

  QString whyAfter(EventKind kind, Id a, Id task) {
    const std::size_t i = fixture::findEvent(*t_, kind, a);
    return ui::whyNotRunning(*t_, t_->stateAt(i + 1), task);
  }

 private slots:
  void readyQueueOrder() {
    // After main suspends, foo's and bar's first steps are queued in that order.
    QCOMPARE(whyAfter(EventKind::TaskSuspended, fixture::kMain, fixture::kFoo),
             QStringLiteral("foo is first in the ready queue: it runs next."));
    QCOMPARE(whyAfter(EventKind::TaskSuspended, fixture::kMain, fixture::kBar),
             QStringLiteral("bar is 2nd in the ready queue, behind foo · Task.__step: the loop runs "
                            "ready callbacks in order."));
    // While main is still running, foo is next but must wait for main's await.
    QCOMPARE(whyAfter(EventKind::TaskCreated, fixture::kBar, fixture::kFoo),
             QStringLiteral("foo is next in the ready queue; it runs as soon as main reaches an await."));
  }

  void running() {
    QCOMPARE(whyAfter(EventKind::TaskLine, fixture::kFoo, fixture::kFoo),
             QStringLiteral("foo is running now (line 8)."));
  }

  void timers() {
    QCOMPARE(whyAfter(EventKind::TaskSuspended, fixture::kBar, fixture::kBar),
             QStringLiteral("bar is waiting for a timer due at t=2.000 (sleep(2)), suspended at line 17."));
    QCOMPARE(whyAfter(EventKind::TaskSuspended, fixture::kBar, fixture::kFoo),
             QStringLiteral("foo is waiting for a timer due at t=1.000 (sleep(1)), suspended at line 10."));
  }

  void gatherNamesPendingChildren() {
    QCOMPARE(ui::gatherChildren(*t_, t_->size(), fixture::kGather), (std::vector<Id>{fixture::kFoo, fixture::kBar}));
    QCOMPARE(whyAfter(EventKind::TaskSuspended, fixture::kBar, fixture::kMain),
             QStringLiteral("main is waiting on gather(foo, bar): still pending foo and bar, suspended at line 26."));
    QCOMPARE(whyAfter(EventKind::TaskDone, fixture::kFoo, fixture::kMain),
             QStringLiteral("main is waiting on gather(foo, bar): still pending bar, suspended at line 26."));
  }

  void ended() {
    QCOMPARE(ui::whyNotRunning(*t_, t_->stateAt(t_->size()), fixture::kFoo),
             QStringLiteral("foo is not running: it finished with result None."));
  }

  void failedAndCancelled() {
    Mini m;
    m.task(1, "Task-1", "boom");
    m.task(2, "Task-2", "victim");
    m.ev(EventKind::TaskDone, 1, 0, m.s("ValueError: bad"), 0, static_cast<std::uint8_t>(trace::FutureState::Failed));
    m.ev(EventKind::TaskDone, 2, 0, m.s("CancelledError"), 0,
         static_cast<std::uint8_t>(trace::FutureState::Cancelled));
    auto t = m.rec.finish();
    const auto s = t->stateAt(t->size());
    QCOMPARE(ui::whyNotRunning(*t, s, 1), QStringLiteral("boom is not running: it failed with ValueError: bad."));
    QCOMPARE(ui::whyNotRunning(*t, s, 2), QStringLiteral("victim is not running: it was cancelled."));
  }

  void emptyQueueNobodyLeft() {
    Mini m;
    m.task(1, "Task-1", "consumer");
    m.task(2, "Task-2", "producer");
    m.ev(EventKind::QueueCreated, 10, 0, m.s("Queue"));
    m.ev(EventKind::TaskStepBegin, 1);
    m.ev(EventKind::FutureCreated, 11, 1, m.s("Queue.get() future"));
    m.ev(EventKind::QueueWaiter, 10, 1, 0, 0, static_cast<std::uint8_t>(trace::WaiterRole::Getter));
    m.ev(EventKind::TaskSuspended, 1, 11, m.s("Queue.get()"), 5);
    const std::size_t producerAlive = m.rec.trace().size();
    m.ev(EventKind::TaskDone, 2, 0, m.s("None"), 0, static_cast<std::uint8_t>(trace::FutureState::Finished));
    auto t = m.rec.finish();
    QCOMPARE(ui::whyNotRunning(*t, t->stateAt(producerAlive), 1),
             QStringLiteral("consumer is waiting on Queue.get() of an empty queue, suspended at line 5."));
    QCOMPARE(ui::whyNotRunning(*t, t->stateAt(t->size()), 1),
             QStringLiteral("consumer is waiting on Queue.get() of an empty queue, and no task that could "
                            "put into it is left, suspended at line 5."));
  }

  void lockHolderIsNamed() {
    Mini m;
    m.task(1, "Task-1", "first");
    m.task(2, "Task-2", "second");
    m.ev(EventKind::PrimitiveCreated, 10, 0, m.s("Lock"), 0, static_cast<std::uint8_t>(trace::PrimitiveKind::Lock));
    m.ev(EventKind::TaskStepBegin, 1);
    m.ev(EventKind::PrimitiveChanged, 10, 1);
    m.ev(EventKind::FutureCreated, 11, 1, m.s("sleep(1) future"));
    m.ev(EventKind::TaskSuspended, 1, 11, m.s("sleep(1)"), 3);
    m.ev(EventKind::TaskStepBegin, 2);
    m.ev(EventKind::FutureCreated, 12, 2, m.s("Lock.acquire() future"));
    m.ev(EventKind::PrimitiveWaiter, 10, 2);
    m.ev(EventKind::TaskSuspended, 2, 12, m.s("Lock.acquire()"), 4);
    auto t = m.rec.finish();
    QCOMPARE(ui::lockHolder(*t, t->size(), 10), Id{1});
    QCOMPARE(ui::whyNotRunning(*t, t->stateAt(t->size()), 2),
             QStringLiteral("second is waiting to acquire Lock, held by first, suspended at line 4."));
  }

  void semaphoreAndEvent() {
    Mini m;
    m.task(1, "Task-1", "crawler");
    m.task(2, "Task-2", "listener");
    m.ev(EventKind::PrimitiveCreated, 10, 0, m.s("Semaphore"), 0,
         static_cast<std::uint8_t>(trace::PrimitiveKind::Semaphore));
    m.ev(EventKind::PrimitiveCreated, 11, 0, m.s("Event"), 0, static_cast<std::uint8_t>(trace::PrimitiveKind::Event));
    m.ev(EventKind::TaskStepBegin, 1);
    m.ev(EventKind::PrimitiveWaiter, 10, 1);
    m.ev(EventKind::TaskSuspended, 1, 20, m.s("Semaphore.acquire()"), 6);
    m.ev(EventKind::TaskStepBegin, 2);
    m.ev(EventKind::PrimitiveWaiter, 11, 2);
    m.ev(EventKind::TaskSuspended, 2, 21, m.s("Event.wait()"), 9);
    auto t = m.rec.finish();
    const auto s = t->stateAt(t->size());
    QCOMPARE(ui::whyNotRunning(*t, s, 1),
             QStringLiteral("crawler is waiting on Semaphore: its value is 0, so every slot is taken, "
                            "suspended at line 6."));
    QCOMPARE(ui::whyNotRunning(*t, s, 2),
             QStringLiteral("listener is waiting for Event to be set (it is not set), suspended at line 9."));
  }

  // A trace the app recorded from scenarios/deadlock_queue.py: main awaits
  // consumer(queue), which awaits queue.get() on a queue nobody fills.
  void realDeadlockTrace() {
    auto t = fixture::loadRecordedTrace(QStringLiteral("deadlock_queue"));
    QVERIFY(t);
    const auto end = t->stateAt(t->size());
    QVERIFY(!end.tasks.empty());
    const QString why = ui::whyNotRunning(*t, end, end.tasks.front().id);
    QVERIFY2(why.startsWith(QStringLiteral("main is waiting on Queue.get() of an empty queue, and no task "
                                           "that could put into it is left")),
             qPrintable(why));
  }

  // Clicking bar's card in the loop view selects it and reports the answer.
  void clickingACardAsksWhy() {
    ui::PlaybackController c;
    c.setTrace(t_);
    c.seek(fixture::findEvent(*t_, EventKind::TaskSuspended, fixture::kBar) + 1);
    ui::LoopView v(&c);
    v.resize(1200, 600);
    v.show();
    v.finishAnimation();
    const ui::CardGeometry* bar = nullptr;
    for (const auto& g : v.currentLayout().cards())
      if (g.kind == ui::CardGeometry::Kind::Task && g.id == fixture::kBar) bar = &g;
    QVERIFY(bar);
    QSignalSpy spy(&v, &ui::LoopView::taskSelected);
    QTest::mouseClick(&v, Qt::LeftButton, {}, bar->rect.center().toPoint());
    QCOMPARE(v.selectedTask(), fixture::kBar);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.front().at(1).toString(),
             QStringLiteral("bar is waiting for a timer due at t=2.000 (sleep(2)), suspended at line 17."));
    // A second click on it clears the callout.
    QTest::mouseClick(&v, Qt::LeftButton, {}, bar->rect.center().toPoint());
    QCOMPARE(v.selectedTask(), trace::Id{0});
  }
};

QTEST_MAIN(TestWhyNot)
#include "test_why_not.moc"
