// test_event_loop.cpp: the ready queue, the timer heap, _run_once's order,
// the virtual clock, stop/run semantics, deadlock, and callback errors.
#include <QtTest>

#include <atomic>

#include "core/loop/sleep.h"
#include "support/env.h"

using loop::StepResult;
using loop::Value;
using testing::Co;
using testing::Env;

namespace {

// Mirrors programs/loop_order.py (expected lines: programs/loop_order.out).
Co loopOrderMain(Env& env) {
  auto& loop = env.loop;
  auto cb = [&env](const std::string& name) {
    return env.host.callable(name, [&env, name](std::span<const Value>) {
      env.print(name + " at " + env.now());
      if (name == "soon1") {
        std::string inner = "soon-from-soon1";
        env.loop.callSoon(env.host.callable(inner, [&env, inner](std::span<const Value>) {
          env.print(inner + " at " + env.now());
          return StepResult::returned();
        }), {});
      }
      return StepResult::returned();
    });
  };
  loop.callLater(1, cb("later1a"), {});
  loop.callLater(1, cb("later1b"), {});
  loop.callSoon(cb("soon1"), {});
  loop.callAt(0.5, cb("at0.5"), {});
  loop.callSoon(cb("soon2"), {});
  loop::TimerHandle* h = loop.callLater(0.7, cb("cancelled"), {});
  loop.cancelHandle(h);
  loop.callLater(0, cb("later0"), {});
  loop.callAt(-1, cb("at-past"), {});
  loop.callLater(1, cb("later1c"), {});
  co_await loop::sleep(loop, 2);
  env.print("done at " + env.now());
  co_return StepResult::returned();
}

Co waitForever(Env& env) {
  loop::Future* f = env.loop.createFuture("an Event that is never set");
  StepResult r = co_await f;
  env.print("never");
  co_return r;
}

Co failInCallbackMain(Env& env) {
  env.loop.callSoon(env.host.callable("boom", [&env](std::span<const Value>) {
    return StepResult::raised(env.host.exc("ValueError", "bad"));
  }), {});
  env.loop.callSoon(env.host.callable("after", [&env](std::span<const Value>) {
    env.print("after");
    return StepResult::returned();
  }), {});
  co_await loop::sleep(env.loop, 0);
  co_return StepResult::returned(Value::smallInt(7));
}

}  // namespace

class TestEventLoop : public QObject {
  Q_OBJECT
 private slots:
  void orderMatchesCPython() {
    Env env;
    loop::RunResult r = env.run(loopOrderMain(env), "main");
    QCOMPARE(r.status, loop::RunStatus::Completed);
    QVERIFY2(r.value.ok(), "main failed");
    auto diff = testing::diffLines(env.out, testing::expectedOutput("loop_order"));
    QVERIFY2(diff.empty(), diff.c_str());
  }

  void clockJumpsExactlyToDeadlines() {
    Env env;
    std::vector<double> seen;
    for (double d : {0.3, 0.1, 0.2}) {
      env.loop.callLater(d, env.host.callable("t", [&env, &seen](std::span<const Value>) {
        seen.push_back(env.loop.time());
        return StepResult::returned();
      }), {});
    }
    env.loop.callLater(0.4, env.host.callable("stop", [&env](std::span<const Value>) {
      env.loop.stop();
      return StepResult::returned();
    }), {});
    loop::RunResult r = env.loop.runForever();
    QCOMPARE(r.status, loop::RunStatus::Stopped);
    QCOMPARE(seen, (std::vector<double>{0.1, 0.2, 0.3}));
    QCOMPARE(env.loop.time(), 0.4);
    // A second loop of the same run carries on from the clock.
    loop::EventLoop second(env.heap, env.host, env.recorder, env.clock);
    QCOMPARE(second.time(), 0.4);
  }

  void stopLeavesLaterHandlesQueued() {
    // stop() only sets a flag: the current batch finishes; what it queued
    // stays in ready for the next run.
    Env env;
    int runs = 0;
    auto counter = env.host.callable("count", [&runs](std::span<const Value>) {
      ++runs;
      return StepResult::returned();
    });
    env.loop.callSoon(env.host.callable("stopper", [&env, counter](std::span<const Value>) {
      env.loop.stop();
      env.loop.callSoon(counter, {});
      return StepResult::returned();
    }), {});
    env.loop.callSoon(counter, {});
    env.loop.runForever();
    QCOMPARE(runs, 1);
    QCOMPARE(env.loop.readyCount(), std::size_t{1});
    env.loop.stop();
    env.loop.runForever();
    QCOMPARE(runs, 2);
  }

  void deadlockIsReported() {
    Env env;
    loop::RunResult r = env.run(waitForever(env), "main");
    QCOMPARE(r.status, loop::RunStatus::Deadlock);
    QVERIFY(r.message.find("Task-1 (main) waits on an Event that is never set") != std::string::npos);
    QVERIFY(env.out.empty());
    QCOMPARE(env.host.errors.size(), std::size_t{1});
    // No task was cancelled.
    QCOMPARE(env.loop.allTasks().size(), std::size_t{1});
  }

  void callbackErrorGoesToHandler() {
    Env env;
    loop::RunResult r = env.run(failInCallbackMain(env), "main");
    QCOMPARE(r.status, loop::RunStatus::Completed);
    QCOMPARE(r.value.value.asSmallInt(), 7);
    QCOMPARE(env.out, std::vector<std::string>{"after"});
    QCOMPARE(env.host.errors, std::vector<std::string>{"Exception in callback boom() | ValueError: bad"});
  }

  void cancelledTimersAreDroppedAndRebuilt() {
    Env env;
    std::vector<loop::TimerHandle*> hs;
    auto noop = env.host.callable("noop", [](std::span<const Value>) { return StepResult::returned(); });
    for (int i = 0; i < 300; ++i) hs.push_back(env.loop.callLater(10 + i, noop, {}));
    for (int i = 0; i < 200; ++i) env.loop.cancelHandle(hs[i]);
    QCOMPARE(env.loop.scheduledCount(), std::size_t{300});
    env.loop.callSoon(noop, {});
    env.loop.runOnce();  // >100 timers, >50% cancelled: the heap is rebuilt
    QCOMPARE(env.loop.scheduledCount(), std::size_t{100});
  }

  void autoCollectKeepsTheHeapBounded() {
    // 300,000 chained callbacks: each schedules the next. Handles that ran
    // are garbage and are collected at iteration starts.
    Env env;
    env.loop.setAutoCollect(true);
    struct Chain {
      static void next(loop::EventLoop& loop, loop::Object*, Value arg) {
        std::int64_t n = arg.asSmallInt();
        if (n > 0) loop.callSoon(&Chain::next, nullptr, Value::smallInt(n - 1), trace::HandleKind::Callback, {});
        else loop.stop();
      }
    };
    env.recorder.setEnabled(false);
    env.loop.callSoon(&Chain::next, nullptr, Value::smallInt(300000), trace::HandleKind::Callback, {});
    env.loop.runForever();
    QCOMPARE(env.clock.iterations, 300001u);
    QVERIFY(env.heap.liveObjects() < 200000);
  }

  void stallBudgetNamesTheTimer() {
    // Two callbacks that keep rescheduling themselves while a timer waits at t=5.
    Env env;
    loop::LoopLimits limits;
    limits.stallIterations = 1000;
    env.loop.setLimits(limits);
    struct Spin {
      static void again(loop::EventLoop& loop, loop::Object*, Value) {
        loop.callSoon(&Spin::again, nullptr, Value::none(), trace::HandleKind::Callback, {});
      }
    };
    env.loop.callLater(5, env.host.callable("late", [](std::span<const Value>) { return StepResult::returned(); }), {});
    env.loop.callSoon(&Spin::again, nullptr, Value::none(), trace::HandleKind::Callback, {});
    loop::RunResult r = env.loop.runForever();
    QCOMPARE(r.status, loop::RunStatus::Budget);
    QVERIFY2(r.message.find("the timer late due at t=5.0 can never fire") != std::string::npos, r.message.c_str());
    QCOMPARE(env.loop.time(), 0.0);
  }

  void cancelFlagStopsTheLoop() {
    // The GUI's Stop: a flag set (here by a callback, after 10 iterations)
    // stops the loop at the next iteration with the message "stopped".
    Env env;
    std::atomic<bool> cancel{false};
    loop::LoopLimits limits;
    limits.cancel = &cancel;
    env.loop.setLimits(limits);
    int n = 0;
    Value spin;
    spin = env.host.callable("spin", [&](std::span<const Value>) {
      if (++n == 10) cancel.store(true);
      env.loop.callSoon(spin, {});
      return StepResult::returned();
    });
    env.loop.callSoon(spin, {});
    loop::RunResult r = env.loop.runForever();
    QCOMPARE(r.status, loop::RunStatus::Budget);
    QCOMPARE(r.message, std::string("stopped"));
    QCOMPARE(env.clock.iterations, 10u);  // the iteration that set the flag was the last
  }

  void blockingCallIsReported() {
    // time.sleep(1.5) inside a callback: the clock jumps, nothing else runs,
    // and the loop says so (a Diagnostic in the trace, the host's stderr).
    Env env;
    loop::LoopLimits limits;
    limits.programName = "prog.py";
    env.loop.setLimits(limits);
    env.loop.callSoon(env.host.callable("blocker", [&env](std::span<const Value>) {
                        env.loop.blockFor(1.5, 7);
                        return StepResult::returned();
                      }),
                      {});
    env.loop.callSoon(env.host.callable("stopper", [&env](std::span<const Value>) {
                        env.print("after at " + env.now());
                        env.loop.stop();
                        return StepResult::returned();
                      }),
                      {});
    env.loop.runForever();
    QCOMPARE(env.out, std::vector<std::string>{"after at 1.5"});
    QCOMPARE(env.host.errors,
             std::vector<std::string>{
                 "loopscope: the event loop was blocked for 1.50 s by time.sleep() at prog.py:7 (no other task could run)"});
    int diagnostics = 0;
    for (const trace::Event& e : env.recorder.trace().events()) {
      if (e.kind == trace::EventKind::Diagnostic &&
          e.flags == static_cast<std::uint8_t>(trace::DiagnosticKind::LoopBlocked) && e.b == 7)
        ++diagnostics;
    }
    QCOMPARE(diagnostics, 1);
  }

  void owedMemoryErrorIsRaisedInTheNextStep() {
    // The heap's last collection found it past its limit: the next task step
    // raises MemoryError where the coroutine waits, once.
    Env env;
    loop::RunResult r = env.run(
        [](Env& e) -> Co {
          // Bare yields only: nothing but the task refers to what this frame
          // holds, so collecting here frees nothing in use.
          co_await testing::Yield{};
          e.heap.setLimit(1);
          e.heap.collect();  // everything alive is over one byte: MemoryError owed
          StepResult s = co_await testing::Yield{};
          e.print(s.kind == StepResult::Raised ? "raised " + e.host.exceptionLabel(s.value) : "no error");
          StepResult again = co_await testing::Yield{};
          e.print(again.kind == StepResult::Raised ? "raised again" : "once only");
          co_return StepResult::returned();
        }(env),
        "main");
    QCOMPARE(r.status, loop::RunStatus::Completed);
    QCOMPARE(env.out, (std::vector<std::string>{"raised MemoryError", "once only"}));
  }

  void timeHorizonStopsTheRun() {
    Env env;
    loop::LoopLimits limits;
    limits.timeHorizon = 100.0;
    env.loop.setLimits(limits);
    env.loop.callLater(1000, env.host.callable("x", [](std::span<const Value>) { return StepResult::returned(); }), {});
    loop::RunResult r = env.loop.runForever();
    QCOMPARE(r.status, loop::RunStatus::Budget);
    QCOMPARE(env.loop.time(), 0.0);
  }
};

QTEST_GUILESS_MAIN(TestEventLoop)
#include "test_event_loop.moc"
