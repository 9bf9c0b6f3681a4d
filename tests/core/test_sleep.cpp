// test_sleep.cpp: asyncio.sleep: sleep(0) interleaving, timers, cancel
// cleanup; and what the sleeping tasks look like in the trace.
#include <QtTest>

#include "core/loop/sleep.h"
#include "core/trace/state.h"
#include "support/env.h"

using loop::StepResult;
using loop::Value;
using testing::Co;
using testing::Env;

namespace {

// Mirrors programs/sleep_zero.py.
Co worker(Env& env, std::string name, int n) {
  for (int i = 0; i < n; ++i) {
    env.print(name + " " + std::to_string(i));
    co_await loop::sleep(env.loop, 0);
  }
  env.print(name + " done");
  co_return StepResult::returned();
}

Co sleepZeroMain(Env& env) {
  auto& loop = env.loop;
  loop.callLater(0, env.host.callable("timer", [&env](std::span<const Value>) {
    env.print("timer 0");
    return StepResult::returned();
  }), {});
  loop::Task* a = env.task(worker(env, "a", 3), "worker");
  loop::Task* b = env.task(worker(env, "b", 2), "worker");
  env.print("main before");
  co_await loop::sleep(loop, 0);
  env.print("main after one yield");
  co_await static_cast<loop::Future*>(a);
  co_await static_cast<loop::Future*>(b);
  env.print("end at " + env.now());
  co_return StepResult::returned();
}

Co sleepy(Env& env) {
  StepResult r = co_await loop::sleep(env.loop, 1.5, Value::smallInt(42));
  co_return r;
}

}  // namespace

class TestSleep : public QObject {
  Q_OBJECT
 private slots:
  void sleepZeroInterleavingMatchesCPython() {
    Env env;
    env.run(sleepZeroMain(env), "main");
    auto diff = testing::diffLines(env.out, testing::expectedOutput("sleep_zero"));
    QVERIFY2(diff.empty(), diff.c_str());
  }

  void sleepReturnsResultAndTimerIsTraced() {
    Env env;
    loop::RunResult r = env.run(sleepy(env), "sleepy");
    QCOMPARE(r.value.value.asSmallInt(), 42);
    QCOMPARE(env.loop.time(), 1.5);
    // The trace shows Task-1 suspended on "sleep(1.5)" with a timer at 1.5.
    const trace::Trace& t = env.recorder.trace();
    bool suspended = false, timer = false, clock = false;
    for (const trace::Event& e : t.events()) {
      if (e.kind == trace::EventKind::TaskSuspended && t.str(e.c) == "sleep(1.5)") suspended = true;
      if (e.kind == trace::EventKind::TimerScheduled && e.d == 1.5) timer = true;
      if (e.kind == trace::EventKind::ClockAdvanced && e.d == 1.5) clock = true;
    }
    QVERIFY(suspended);
    QVERIFY(timer);
    QVERIFY(clock);
  }

  void cancelledSleepCancelsItsTimer() {
    Env env;
    auto m = [](Env& e) -> Co {
      loop::Task* t = e.task(sleepy(e), "sleepy");
      co_await loop::sleep(e.loop, 0);
      t->cancel();
      co_await loop::sleep(e.loop, 0);
      // The timer of the cancelled sleep is cancelled (dropped lazily).
      e.print(std::to_string(e.loop.scheduledCount()));
      co_return StepResult::returned();
    };
    env.run(m(env), "main");
    bool cancelled = false;
    for (const trace::Event& e : env.recorder.trace().events()) {
      if (e.kind == trace::EventKind::TimerCancelled) cancelled = true;
    }
    QVERIFY(cancelled);
    QCOMPARE(env.loop.time(), 0.0);  // the clock never jumped to the dead timer
  }

  void tracingOffRecordsNothing() {
    Env env;
    env.recorder.setEnabled(false);
    env.run(sleepZeroMain(env), "main");
    QCOMPARE(env.recorder.trace().size(), std::size_t{0});
    auto diff = testing::diffLines(env.out, testing::expectedOutput("sleep_zero"));
    QVERIFY2(diff.empty(), diff.c_str());
  }
};

QTEST_GUILESS_MAIN(TestSleep)
#include "test_sleep.moc"
