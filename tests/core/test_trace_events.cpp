// test_trace_events.cpp: the loop's events replay into a consistent
// trace::State (tasks, ready queue, timers), checked at a few cursors.
#include <QtTest>

#include "core/loop/gather.h"
#include "core/loop/queues.h"
#include "core/loop/sleep.h"
#include "core/trace/state.h"
#include "support/env.h"

using loop::StepResult;
using loop::Value;
using testing::Co;
using testing::Env;

namespace {

Co child(Env& env, double d) {
  co_await loop::sleep(env.loop, d);
  co_return StepResult::returned(Value::number(d));
}

Co mainCo(Env& env) {
  Value args[] = {Value::object(env.coro(child(env, 1), "child")), Value::object(env.coro(child(env, 2), "child"))};
  StepResult r = co_await loop::gather(env.loop, args, false);
  auto* q = env.heap.make<loop::Queue>(env.loop, 0);
  q->putNowait(Value::smallInt(1));
  co_await q->get();
  co_return r;
}

}  // namespace

class TestTraceEvents : public QObject {
  Q_OBJECT
 private slots:
  void replayIsConsistent() {
    Env env;
    env.run(mainCo(env), "main");
    const trace::Trace& t = env.recorder.trace();
    QVERIFY(t.size() > 0);

    // Find the moment the clock reaches 1.0: main waits on the gather, one
    // child is done... replay up to the ClockAdvanced event and look.
    std::size_t at = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i].kind == trace::EventKind::ClockAdvanced && t[i].d == 1.0) {
        at = i + 1;
        break;
      }
    }
    QVERIFY(at > 0);
    trace::State s = t.stateAt(at);
    QCOMPARE(s.clock, 1.0);
    QCOMPARE(s.tasks.size(), std::size_t{3});
    QCOMPARE(std::string(t.str(s.tasks[0].name)), std::string("Task-1"));
    QCOMPARE(s.tasks[0].state, trace::TaskState::Waiting);
    QCOMPARE(std::string(t.str(s.tasks[0].awaitingLabel)), std::string("gather(child, child)"));
    QCOMPARE(std::string(t.str(s.tasks[1].awaitingLabel)), std::string("sleep(1)"));
    QCOMPARE(s.timers.size(), std::size_t{2});
    QVERIFY(s.ready.empty());

    trace::State end = t.stateAt(t.size());
    for (const trace::TaskView& task : end.tasks) QCOMPARE(task.state, trace::TaskState::Done);
    QVERIFY(end.ready.empty());
    QCOMPARE(end.clock, 2.0);
  }

  // asyncio.Queue makes its join() Event (`_finished`) in its constructor,
  // and the recorder writes it right after the QueueCreated: the loop view
  // (ui::LoopLayout::queueJoinEvents) finds a queue's Event by that order
  // and draws it inside the queue instead of as a box of its own.
  void aQueuesJoinEventIsRecordedRightAfterIt() {
    Env env;
    env.run(mainCo(env), "main");
    const trace::Trace& t = env.recorder.trace();
    int queues = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i].kind != trace::EventKind::QueueCreated) continue;
      ++queues;
      QVERIFY(i + 1 < t.size());
      QCOMPARE(t[i + 1].kind, trace::EventKind::PrimitiveCreated);
      QCOMPARE(static_cast<trace::PrimitiveKind>(t[i + 1].flags), trace::PrimitiveKind::Event);
    }
    QCOMPARE(queues, 1);
  }
};

QTEST_GUILESS_MAIN(TestTraceEvents)
#include "test_trace_events.moc"
