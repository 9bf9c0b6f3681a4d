// test_state.cpp: State::apply, event kind by event kind, and the foo/bar
// story of shared/spec/ui.md replayed from a hand-built trace.
#include <QtTest>

#include <deque>

#include "core/trace/state.h"
#include "core/trace/trace.h"
#include "support/fixtures.h"

using namespace trace;

namespace {

Event ev(EventKind kind, Id a = 0, std::uint32_t b = 0, StrId c = 0, double d = 0.0, std::uint8_t flags = 0) {
  return Event{kind, flags, 0, a, b, c, d};
}

template <typename E>
std::uint8_t f(E e) {
  return static_cast<std::uint8_t>(e);
}

// Index of the n-th (0-based) event of this kind whose a equals `a` (any a if 0).
std::size_t find(const Trace& t, EventKind kind, Id a = 0, int n = 0) {
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t[i].kind == kind && (a == 0 || t[i].a == a) && n-- == 0) return i;
  return t.size();
}

}  // namespace

class TestState : public QObject {
  Q_OBJECT

 private slots:
  void fooBarStory() {
    fixtures::FooBarIds id;
    auto t = fixtures::fooBarTrace(&id);
    auto name = [&](const TaskView* v) { return QString::fromUtf8(t->str(v->name).data(), int(t->str(v->name).size())); };

    // 1. Task-1 waits in the ready queue before the loop runs.
    State s = t->stateAt(find(*t, EventKind::LoopIterationBegin));
    QCOMPARE(s.tasks.size(), std::size_t(1));
    QCOMPARE(name(s.task(id.main)), QStringLiteral("Task-1"));
    QCOMPARE(s.task(id.main)->state, TaskState::Scheduled);
    QCOMPARE(s.ready.size(), std::size_t(1));
    QCOMPARE(s.ready.front().task, id.main);
    QCOMPARE(s.ready.front().kind, HandleKind::TaskStep);
    QCOMPARE(s.running, Id(0));

    // 2. Task-1 runs and has created foo and bar, queued behind each other.
    s = t->stateAt(find(*t, EventKind::FutureCreated, id.gather));
    QCOMPARE(s.running, id.main);
    QCOMPARE(s.task(id.main)->state, TaskState::Running);
    QCOMPARE(s.task(id.main)->line, 14);
    QCOMPARE(s.ready.size(), std::size_t(2));
    QCOMPARE(s.ready[0].task, id.foo);
    QCOMPARE(s.ready[1].task, id.bar);
    QCOMPARE(s.task(id.foo)->state, TaskState::Scheduled);
    QCOMPARE(s.task(id.foo)->parent, id.main);
    QCOMPARE(t->str(s.task(id.foo)->coroutine), std::string_view("foo"));
    QCOMPARE(s.task(id.foo)->defLine, 3);

    // 3. main awaits gather and gives up the thread.
    s = t->stateAt(find(*t, EventKind::LoopIterationEnd, 1) + 1);
    QCOMPARE(s.running, Id(0));
    QCOMPARE(s.task(id.main)->state, TaskState::Waiting);
    QCOMPARE(s.task(id.main)->awaiting, id.gather);
    QCOMPARE(t->str(s.task(id.main)->awaitingLabel), std::string_view("gather(foo, bar)"));
    QCOMPARE(s.future(id.gather)->callbacks.size(), std::size_t(1));
    // A task is a future too: gather's callback hangs on foo's FutureView.
    QVERIFY(s.future(id.foo) && s.future(id.foo)->isTask);
    QCOMPARE(t->str(s.future(id.foo)->callbacks.at(0)), std::string_view("gather._done_callback"));
    QCOMPARE(s.iteration, 1u);
    QVERIFY(!s.inIteration);

    // 4.-5. foo and bar printed and wait on their timers, in (when, seq) order.
    s = t->stateAt(find(*t, EventKind::LoopIterationEnd, 2) + 1);
    QCOMPARE(s.outputEvents, std::size_t(2));
    QCOMPARE(s.task(id.foo)->state, TaskState::Waiting);
    QCOMPARE(s.task(id.foo)->awaiting, id.fooSleep);
    QCOMPARE(s.task(id.foo)->line, 5);
    QCOMPARE(s.task(id.bar)->line, 9);
    QCOMPARE(s.timers.size(), std::size_t(2));
    QCOMPARE(s.timers[0].id, id.fooTimer);
    QCOMPARE(s.timers[0].when, 1.0);
    QCOMPARE(s.timers[0].task, id.foo);
    QCOMPARE(s.timers[1].id, id.barTimer);
    QVERIFY(s.ready.empty());
    QCOMPARE(s.clock, 0.0);

    // 6. The clock jumps to 1.0; 7. the due timer moves to `ready`...
    s = t->stateAt(find(*t, EventKind::TimerDue, id.fooTimer) + 1);
    QCOMPARE(s.clock, 1.0);
    QCOMPARE(s.timers.size(), std::size_t(1));
    QCOMPARE(s.ready.size(), std::size_t(1));
    QCOMPARE(s.ready.front().kind, HandleKind::Timer);
    QCOMPARE(s.ready.front().id, id.fooTimer);
    QCOMPARE(t->str(s.ready.front().label), std::string_view("sleep(1)"));
    QCOMPARE(s.task(id.foo)->state, TaskState::Waiting);
    // ...it runs: the sleep future completes and foo's wake-up is queued.
    s = t->stateAt(find(*t, EventKind::LoopIterationEnd, 3) + 1);
    QCOMPARE(s.future(id.fooSleep)->state, FutureState::Finished);
    QVERIFY(s.future(id.fooSleep)->callbacks.empty());
    QCOMPARE(s.task(id.foo)->state, TaskState::Scheduled);
    QCOMPARE(s.task(id.foo)->awaiting, Id(0));
    QCOMPARE(s.ready.size(), std::size_t(1));
    QCOMPARE(s.ready.front().kind, HandleKind::TaskWakeup);
    // foo runs and returns; gather's callback is queued.
    s = t->stateAt(find(*t, EventKind::TaskDone, id.foo) + 1);
    QCOMPARE(s.task(id.foo)->state, TaskState::Done);
    QCOMPARE(s.task(id.foo)->outcome, FutureState::Finished);
    QCOMPARE(t->str(s.task(id.foo)->result), std::string_view("None"));
    QCOMPARE(s.running, Id(0));
    QCOMPARE(s.task(id.bar)->state, TaskState::Waiting);

    // 8.-9. The end: everything done, the loop stopped, exit status 0.
    s = t->stateAt(t->size());
    QCOMPARE(s.clock, 2.0);
    for (const TaskView& v : s.tasks) QCOMPARE(v.state, TaskState::Done);
    QCOMPARE(t->str(s.future(id.gather)->result), std::string_view("[None, None]"));
    QVERIFY(s.ready.empty());
    QVERIFY(s.timers.empty());
    QCOMPARE(s.exitStatus, 0);
    QCOMPARE(s.index, t->size());
    QCOMPARE(s.iteration, 10u);
  }

  void bareYieldIsScheduled() {
    State s;
    s.apply(ev(EventKind::TaskCreated, 1));
    s.apply(ev(EventKind::TaskStepBegin, 1));
    QCOMPARE(s.running, Id(1));
    s.apply(ev(EventKind::TaskSuspended, 1, 0, 0, 7.0));
    QCOMPARE(s.task(1)->state, TaskState::Scheduled);
    QCOMPARE(s.task(1)->line, 7);
    QCOMPARE(s.running, Id(0));
  }

  void timersKeepWhenThenSchedulingOrder() {
    State s;
    s.apply(ev(EventKind::TimerScheduled, 10, 0, 0, 2.0));
    s.apply(ev(EventKind::TimerScheduled, 11, 0, 0, 1.0));
    s.apply(ev(EventKind::TimerScheduled, 12, 0, 0, 2.0));
    s.apply(ev(EventKind::TimerScheduled, 13, 0, 0, 1.0));
    QCOMPARE(s.timers.size(), std::size_t(4));
    QCOMPARE(s.timers[0].id, Id(11));
    QCOMPARE(s.timers[1].id, Id(13));
    QCOMPARE(s.timers[2].id, Id(10));
    QCOMPARE(s.timers[3].id, Id(12));
    QVERIFY(s.timers[0].seq < s.timers[1].seq);
    s.apply(ev(EventKind::TimerCancelled, 10));
    QVERIFY(s.timer(10)->cancelled);
    QVERIFY(!s.timer(12)->cancelled);
    s.apply(ev(EventKind::TimerDropped, 10));
    QVERIFY(!s.timer(10));
    QCOMPARE(s.timers.size(), std::size_t(3));
    // A due timer keeps its id in `ready`; cancelling it then marks the handle.
    s.apply(ev(EventKind::TimerDue, 11));
    QVERIFY(!s.timer(11));
    QVERIFY(s.handle(11));
    s.apply(ev(EventKind::TimerCancelled, 11));
    QVERIFY(s.handle(11)->cancelled);
    QCOMPARE(s.ready.front().kind, HandleKind::Timer);
  }

  void handlesAreFifoAndTolerateMismatch() {
    State s;
    for (Id h = 1; h <= 4; ++h) s.apply(ev(EventKind::HandleScheduled, h, 0, 0, 0, f(HandleKind::Callback)));
    s.apply(ev(EventKind::HandleCancelled, 3));
    QVERIFY(s.handle(3)->cancelled);
    s.apply(ev(EventKind::HandleRun, 1));
    QCOMPARE(s.ready.front().id, Id(2));
    s.apply(ev(EventKind::HandleRun, 3));  // not the front: removed where it is
    QCOMPARE(s.ready.size(), std::size_t(2));
    QCOMPARE(s.ready[0].id, Id(2));
    QCOMPARE(s.ready[1].id, Id(4));
    s.apply(ev(EventKind::HandleRun, 99));  // unknown: ignored
    QCOMPARE(s.ready.size(), std::size_t(2));
  }

  // The loop pops a cancelled handle without calling it and may not record
  // that: the next HandleRun drops cancelled handles in front of it.
  void cancelledHandlesAreSkipped() {
    State s;
    for (Id h = 1; h <= 3; ++h) s.apply(ev(EventKind::HandleScheduled, h, 0, 0, 0, f(HandleKind::Callback)));
    s.apply(ev(EventKind::HandleCancelled, 1));
    s.apply(ev(EventKind::HandleRun, 2));
    QCOMPARE(s.ready.size(), std::size_t(1));
    QCOMPARE(s.ready.front().id, Id(3));
  }

  void wakeupMakesWaitingTaskScheduled() {
    State s;
    s.apply(ev(EventKind::TaskCreated, 1));
    s.apply(ev(EventKind::FutureCreated, 2, 1));
    s.apply(ev(EventKind::TaskStepBegin, 1));
    s.apply(ev(EventKind::TaskSuspended, 1, 2, 0, 3.0));
    QCOMPARE(s.task(1)->state, TaskState::Waiting);
    // A plain callback for the task's id does not wake it.
    s.apply(ev(EventKind::HandleScheduled, 5, 1, 0, 0, f(HandleKind::Callback)));
    QCOMPARE(s.task(1)->state, TaskState::Waiting);
    s.apply(ev(EventKind::HandleScheduled, 6, 1, 0, 0, f(HandleKind::TaskWakeup)));
    QCOMPARE(s.task(1)->state, TaskState::Scheduled);
    s.apply(ev(EventKind::TaskCancelRequested, 1, 1));
    QVERIFY(s.task(1)->cancelRequested);
    s.apply(ev(EventKind::TaskDone, 1, 0, 0, 0, f(FutureState::Cancelled)));
    QCOMPARE(s.task(1)->outcome, FutureState::Cancelled);
    QCOMPARE(s.future(1)->state, FutureState::Cancelled);
  }

  void clockMoves() {
    State s;
    s.apply(ev(EventKind::ClockAdvanced, 0, 0, 0, 1.5));
    QCOMPARE(s.clock, 1.5);
    s.apply(ev(EventKind::LoopBlocked, 1, 4, 0, 0.25));
    QCOMPARE(s.clock, 1.75);
    s.apply(ev(EventKind::LoopIterationBegin, 7));
    QCOMPARE(s.iteration, 7u);
    QVERIFY(s.inIteration);
    s.apply(ev(EventKind::LoopIterationEnd, 7));
    QVERIFY(!s.inIteration);
    s.apply(ev(EventKind::Output));
    s.apply(ev(EventKind::Diagnostic));
    s.apply(ev(EventKind::Diagnostic));
    s.apply(ev(EventKind::RunEnd, 1));
    QCOMPARE(s.outputEvents, std::size_t(1));
    QCOMPARE(s.diagnostics, std::size_t(2));
    QCOMPARE(s.exitStatus, 1);
    QCOMPARE(s.index, std::size_t(8));
  }

  void queues() {
    State s;
    s.apply(ev(EventKind::QueueCreated, 1, 3, 7, 0, f(QueueKind::Priority)));
    QCOMPARE(s.queue(1)->maxsize, 3u);
    QCOMPARE(s.queue(1)->kind, QueueKind::Priority);
    QCOMPARE(s.queue(1)->label, StrId(7));
    s.apply(ev(EventKind::QueuePut, 1, 0, 20));
    s.apply(ev(EventKind::QueuePut, 1, 0, 10));  // priority: inserted in front
    s.apply(ev(EventKind::QueuePut, 1, 2, 30));
    QCOMPARE(s.queue(1)->items, (std::deque<StrId>{10, 20, 30}));
    s.apply(ev(EventKind::QueueGet, 1, 1, 20));
    QCOMPARE(s.queue(1)->items, (std::deque<StrId>{10, 30}));
    s.apply(ev(EventKind::QueueGet, 1, 9, 0));  // out of range: ignored
    QCOMPARE(s.queue(1)->items.size(), std::size_t(2));
    s.apply(ev(EventKind::QueueWaiter, 1, 5, 0, 0, f(WaiterRole::Getter)));
    s.apply(ev(EventKind::QueueWaiter, 1, 6, 0, 0, f(WaiterRole::Getter)));
    s.apply(ev(EventKind::QueueWaiter, 1, 7, 0, 0, f(WaiterRole::Putter)));
    s.apply(ev(EventKind::QueueWaiter, 1, 8, 0, 0, f(WaiterRole::Joiner)));
    s.apply(ev(EventKind::QueueWaiterGone, 1, 5, 0, 0, f(WaiterRole::Getter)));
    QCOMPARE(s.queue(1)->getters, (std::vector<Id>{6}));
    QCOMPARE(s.queue(1)->putters, (std::vector<Id>{7}));
    QCOMPARE(s.queue(1)->joiners, (std::vector<Id>{8}));
    s.apply(ev(EventKind::QueueUnfinished, 1, 2));
    QCOMPARE(s.queue(1)->unfinished, 2u);
  }

  void primitives() {
    State s;
    s.apply(ev(EventKind::PrimitiveCreated, 4, 2, 0, 0, f(PrimitiveKind::Semaphore)));
    QCOMPARE(s.primitive(4)->value, 2u);
    QCOMPARE(s.primitive(4)->kind, PrimitiveKind::Semaphore);
    s.apply(ev(EventKind::PrimitiveChanged, 4, 0));
    s.apply(ev(EventKind::PrimitiveWaiter, 4, 9));
    s.apply(ev(EventKind::PrimitiveWaiter, 4, 10));
    s.apply(ev(EventKind::PrimitiveWaiterGone, 4, 9));
    QCOMPARE(s.primitive(4)->value, 0u);
    QCOMPARE(s.primitive(4)->waiters, (std::vector<Id>{10}));
    QVERIFY(!s.primitive(5));
  }

  void futuresKeepCallbacksUntilDone() {
    State s;
    s.apply(ev(EventKind::FutureCreated, 1, 0, 3));
    s.apply(ev(EventKind::FutureCallbackAdded, 1, 0, 4));
    s.apply(ev(EventKind::FutureCallbackAdded, 1, 0, 5));
    const auto& callbacks = s.future(1)->callbacks;
    QCOMPARE(std::vector<StrId>(callbacks.begin(), callbacks.end()), (std::vector<StrId>{4, 5}));
    s.apply(ev(EventKind::FutureDone, 1, 0, 6, 0, f(FutureState::Failed)));
    QCOMPARE(s.future(1)->state, FutureState::Failed);
    QCOMPARE(s.future(1)->result, StrId(6));
    QVERIFY(s.future(1)->callbacks.empty());
  }

  // Done plain futures are swept once numerous, never before the end of the
  // iteration after they completed; tasks and pending futures stay.
  void doneFuturesArePrunedInBatches() {
    State s;
    s.apply(ev(EventKind::TaskCreated, 1));
    Id next = 2;
    for (int i = 0; i < 100; ++i) s.apply(ev(EventKind::FutureCreated, next++));
    s.apply(ev(EventKind::LoopIterationBegin, 1));
    for (Id fut = 2; fut < 102; ++fut) s.apply(ev(EventKind::FutureDone, fut, 0, 0, 0, f(FutureState::Finished)));
    s.apply(ev(EventKind::LoopIterationEnd, 1));
    QCOMPARE(s.futures.size(), std::size_t(101));  // kept through the next iteration
    s.apply(ev(EventKind::FutureCreated, next++));
    s.apply(ev(EventKind::LoopIterationBegin, 2));
    s.apply(ev(EventKind::LoopIterationEnd, 2));
    QCOMPARE(s.futures.size(), std::size_t(2));
    QVERIFY(s.future(1) && s.future(1)->isTask);
    QVERIFY(s.future(102));
    QVERIFY(!s.future(50));
    s.apply(ev(EventKind::FutureDone, 102, 0, 0, 0, f(FutureState::Finished)));
    QCOMPARE(s.future(102)->state, FutureState::Finished);
  }

  // Pruning compacts `futures` in place: every survivor, wherever it moved,
  // is still found under its id, and the pruned ones are gone from the index.
  void prunedFuturesLeaveSurvivorsFindable() {
    State s;
    for (Id id = 1; id <= 400; ++id) s.apply(ev(EventKind::FutureCreated, id));
    s.apply(ev(EventKind::LoopIterationBegin, 1));
    for (Id id = 1; id <= 400; ++id)
      if (id % 3 != 0) s.apply(ev(EventKind::FutureDone, id, 0, 0, 0, f(FutureState::Finished)));
    s.apply(ev(EventKind::LoopIterationEnd, 1));
    s.apply(ev(EventKind::LoopIterationBegin, 2));
    s.apply(ev(EventKind::LoopIterationEnd, 2));
    QCOMPARE(s.futures.size(), std::size_t(133));
    for (Id id = 1; id <= 400; ++id) {
      const FutureView* fut = s.future(id);
      QCOMPARE(fut != nullptr, id % 3 == 0);
      if (fut) QCOMPARE(fut->id, id);
    }
    s.apply(ev(EventKind::FutureCreated, 401));
    QCOMPARE(s.future(401)->id, Id(401));
    QCOMPARE(s.future(399)->state, FutureState::Pending);
  }
};

QTEST_GUILESS_MAIN(TestState)
#include "test_state.moc"
