// test_task.cpp: Task names, start order, cancellation semantics, and the
// shutdown of asyncio.run; plus the collector on task/coroutine/future cycles.
#include <QtTest>

#include "core/loop/sleep.h"
#include "support/env.h"

using loop::StepResult;
using loop::Task;
using loop::Value;
using testing::Co;
using testing::Env;

namespace {

// Everything below mirrors programs/task_cancel.py.
Co sleeper(Env& env, std::string name, double d) {
  env.print(name + " start");
  StepResult r = co_await loop::sleep(env.loop, d);
  if (!r.ok()) {
    if (env.isCancel(r)) env.print(name + " cancelled (" + env.msg(r) + ")");
    env.print(name + " finally");
    co_return r;
  }
  env.print(name + " woke");
  env.print(name + " finally");
  co_return StepResult::returned(env.host.str(name));
}

Co stubborn(Env& env) {
  StepResult r = co_await loop::sleep(env.loop, 1);
  if (env.isCancel(r)) env.print("stubborn ignores cancel");
  co_await loop::sleep(env.loop, 1);
  co_return StepResult::returned(env.host.str("stubborn done"));
}

Co foreverTask(Env& env) {
  StepResult r = co_await loop::sleep(env.loop, 100);
  env.print("forever finally");
  co_return r;
}

std::string b(bool v) { return v ? "True" : "False"; }

Co taskCancelMain(Env& env) {
  auto& loop = env.loop;
  env.print(loop.currentTask()->name());
  Task* t1 = env.task(sleeper(env, "a", 1), "sleeper");
  Task* t2 = env.task(sleeper(env, "b", 2), "sleeper");
  Task* t3 = env.task(sleeper(env, "never", 1), "sleeper");
  env.print(t1->name() + " " + t2->name() + " " + t3->name());
  t3->cancel();
  env.print("t3 cancelling " + std::to_string(t3->cancelling()));
  co_await loop::sleep(loop, 0.5);
  bool c1 = t2->cancel(env.host.str("stop it"));
  env.print("t2.cancel " + b(c1) + " " + std::to_string(t2->cancelling()));
  bool c2 = t2->cancel();
  env.print("t2.cancel again " + b(c2) + " " + std::to_string(t2->cancelling()));
  env.print("uncancel " + std::to_string(t2->uncancel()));
  StepResult r = co_await static_cast<loop::Future*>(t1);
  env.print("t1 -> " + env.host.str(r.value));
  r = co_await static_cast<loop::Future*>(t2);
  if (env.isCancel(r)) env.print("awaiting t2 raised CancelledError(" + env.msg(r) + ")");
  r = co_await static_cast<loop::Future*>(t3);
  if (env.isCancel(r)) env.print("awaiting t3 raised CancelledError(" + env.msg(r) + ")");
  env.print("cancelled? " + b(t1->cancelled()) + " " + b(t2->cancelled()) + " " + b(t3->cancelled()));
  Task* s = env.task(stubborn(env), "stubborn");
  co_await loop::sleep(loop, 0.5);
  s->cancel();
  r = co_await static_cast<loop::Future*>(s);
  env.print("stubborn -> " + env.host.str(r.value) + " " + b(s->cancelled()));
  env.task(foreverTask(env), "forever");
  co_await loop::sleep(loop, 0);
  env.print("tasks " + std::to_string(loop.allTasks().size()));
  env.print("main ends at " + env.now());
  co_return StepResult::returned();
}

Co child(Env& env, loop::Future* f) {
  StepResult r = co_await f;
  (void)env;
  co_return r;
}

Co cycleMain(Env& env) {
  // A child task waits on a future that holds the child back through a
  // done callback: task -> coroutine -> future -> callback -> task.
  loop::Future* f = env.loop.createFuture("f");
  Task* t = env.task(child(env, f), "child");
  co_await loop::sleep(env.loop, 0);
  f->setResult(Value::smallInt(1));
  StepResult r = co_await static_cast<loop::Future*>(t);
  co_return r;
}

}  // namespace

class TestTask : public QObject {
  Q_OBJECT
 private slots:
  void cancellationMatchesCPython() {
    Env env;
    loop::RunResult r = env.run(taskCancelMain(env), "main");
    QCOMPARE(r.status, loop::RunStatus::Completed);
    QVERIFY(r.value.ok());
    env.print("after run");
    auto diff = testing::diffLines(env.out, testing::expectedOutput("task_cancel"));
    QVERIFY2(diff.empty(), diff.c_str());
    QVERIFY(env.host.errors.empty());
  }

  void secondRunContinuesNamesAndClock() {
    // programs: `asyncio.run(main())` twice prints Task-1 then Task-5
    // (Task-3/4 are the runner's shutdown_asyncgens/_default_executor when a
    // leftover Task-2 exists); see tests/conformance/cases/task_names.py.
    Env env;
    auto mainCo = [](Env& e, loop::EventLoop& running) -> Co {
      e.print(running.currentTask()->name());
      running.createTask(loop::sleep(running, 5));
      co_return StepResult::returned();
    };
    env.run(mainCo(env, env.loop), "main");
    loop::EventLoop second(env.heap, env.host, env.recorder, env.clock);
    loop::run(second, env.coro(mainCo(env, second), "main"));
    QCOMPARE(env.out, (std::vector<std::string>{"Task-1", "Task-5"}));
  }

  void failedTaskNeverRetrievedIsReported() {
    Env env;
    auto failing = [](Env& e) -> Co { co_return StepResult::raised(e.host.exc("ValueError", "oops")); };
    auto mainCo = [failing](Env& e) -> Co {
      e.task(failing(e), "failing");
      co_await loop::sleep(e.loop, 0.1);
      co_return StepResult::returned();
    };
    env.run(mainCo(env), "main");
    QCOMPARE(env.host.errors, std::vector<std::string>{
                                     "Task exception was never retrieved\nfuture: <Task Task-2> | ValueError: oops"});
  }

  void badYieldThrowsRuntimeError() {
    Env env;
    auto badCo = [](Env& e) -> Co {
      // Awaiting a coroutine that yields a plain value (not a Future).
      struct Bad : loop::Coroutine {
        StepResult send(Value) override {
          if (sent) return StepResult::returned();
          sent = true;
          return StepResult::yielded(Value::smallInt(5));
        }
        StepResult throwIn(Value exc) override { return StepResult::raised(exc); }
        void trace(loop::Tracer&) override {}
        bool sent = false;
      };
      StepResult r = co_await static_cast<loop::Coroutine*>(e.heap.make<Bad>());
      co_return r;
    };
    loop::RunResult r = env.run(badCo(env), "main");
    QCOMPARE(r.value.kind, StepResult::Raised);
    QCOMPARE(env.host.exceptionLabel(r.value.value), std::string("RuntimeError: Task got bad yield: 5"));
  }

  void cyclesAreCollected() {
    Env env;
    std::size_t before = env.heap.liveObjects();
    {
      loop::RunResult r = env.run(cycleMain(env), "main");
      QCOMPARE(r.value.value.asSmallInt(), 1);
    }
    QVERIFY(env.heap.liveObjects() > before);
    env.heap.collect();
    // Nothing is pending any more: every task, coroutine, future and handle is garbage.
    QCOMPARE(env.heap.liveObjects(), std::size_t{0});
  }
};

QTEST_GUILESS_MAIN(TestTask)
#include "test_task.moc"
