// test_wait.cpp: asyncio.wait, wait_for and as_completed against CPython.
#include <QtTest>

#include <algorithm>

#include "core/loop/as_completed.h"
#include "core/loop/sleep.h"
#include "core/loop/wait.h"
#include "support/env.h"

using loop::StepResult;
using loop::Value;
using testing::Co;
using testing::Env;

namespace {

// Mirrors programs/wait.py.
Co work(Env& env, std::string name, double d, bool fail = false) {
  StepResult s = co_await loop::sleep(env.loop, d);
  if (!s.ok()) {
    if (env.isCancel(s)) env.print(name + " cancelled at " + env.now());
    co_return s;
  }
  if (fail) co_return StepResult::raised(env.host.exc("ValueError", name));
  co_return StepResult::returned(env.host.str(name));
}

std::string names(Value set) {
  std::vector<std::string> n;
  for (Value v : testing::asSeq(set)->items) n.push_back("'" + static_cast<loop::Task*>(v.asObject())->name() + "'");
  std::sort(n.begin(), n.end());
  std::string out = "[";
  for (std::size_t i = 0; i < n.size(); ++i) out += (i ? ", " : "") + n[i];
  return out + "]";
}

std::string pair(Value tuple) {
  auto* t = testing::asSeq(tuple);
  return names(t->items[0]) + " " + names(t->items[1]);
}

Co outer(Env& env) {
  Value w = Value::object(env.coro(work(env, "h", 5), "work"));
  StepResult r = co_await loop::waitFor(env.loop, w, 2.0);
  co_return r;
}

Co waitMain(Env& env) {
  auto& loop = env.loop;
  loop::Task* a = loop.createTask(env.coro(work(env, "a", 0.1), "work"), "a");
  loop::Task* b = loop.createTask(env.coro(work(env, "b", 0.2, true), "work"), "b");
  loop::Task* c = loop.createTask(env.coro(work(env, "c", 0.3), "work"), "c");
  Value abc[] = {Value::object(a), Value::object(b), Value::object(c)};
  StepResult r = co_await loop::wait(loop, abc, std::nullopt, loop::ReturnWhen::FirstCompleted);
  env.print("first completed " + pair(r.value) + " " + env.now());
  r = co_await loop::wait(loop, abc, std::nullopt, loop::ReturnWhen::FirstException);
  env.print("first exception " + pair(r.value) + " " + env.now());
  r = co_await loop::wait(loop, abc, 0.05);
  env.print("timeout " + pair(r.value) + " " + env.now());
  r = co_await loop::wait(loop, abc, std::nullopt);
  env.print("all " + pair(r.value) + " " + env.now());
  env.print("b exc " + env.host.str(b->exception().value));

  auto wc = [&env](Co c) { return Value::object(env.coro(std::move(c), "work")); };
  r = co_await loop::waitFor(loop, wc(work(env, "d", 0.1)), 1.0);
  env.print("wait_for in time " + env.host.str(r.value) + " " + env.now());
  r = co_await loop::waitFor(loop, wc(work(env, "e", 1)), 0.5);
  if (r.kind == StepResult::Raised && testing::asExc(r.value)->type == "TimeoutError") {
    env.print("wait_for timed out " + env.now());
  }
  r = co_await loop::waitFor(loop, wc(work(env, "f", 1)), 0.0);
  if (r.kind == StepResult::Raised && testing::asExc(r.value)->type == "TimeoutError") {
    env.print("wait_for zero timed out " + env.now());
  }
  r = co_await loop::waitFor(loop, wc(work(env, "g", 0.1)), std::nullopt);
  env.print("wait_for None " + env.host.str(r.value) + " " + env.now());

  loop::Task* t = env.task(outer(env), "outer");
  co_await loop::sleep(loop, 0.5);
  t->cancel();
  r = co_await static_cast<loop::Future*>(t);
  if (env.isCancel(r)) env.print("outer cancelled " + env.now());

  Value xyz[] = {wc(work(env, "x", 0.3)), wc(work(env, "y", 0.1)), wc(work(env, "z", 0.2))};
  loop::AsCompleted* it = loop::asCompleted(loop, xyz, std::nullopt);
  for (std::size_t i = 0, n = it->count(); i < n; ++i) {
    r = co_await it->next();
    env.print("as_completed " + env.host.str(r.value) + " " + env.now());
  }
  Value slow[] = {wc(work(env, "slow", 2))};
  it = loop::asCompleted(loop, slow, 1.0);
  for (std::size_t i = 0, n = it->count(); i < n; ++i) {
    r = co_await it->next();
    if (!r.ok()) {
      if (testing::asExc(r.value)->type == "TimeoutError") env.print("as_completed timeout " + env.now());
      break;
    }
  }
  co_return StepResult::returned();
}

}  // namespace

class TestWait : public QObject {
  Q_OBJECT
 private slots:
  void waitFamilyMatchesCPython() {
    Env env;
    loop::RunResult r = env.run(waitMain(env), "main");
    QCOMPARE(r.status, loop::RunStatus::Completed);
    QVERIFY(r.value.ok());
    auto diff = testing::diffLines(env.out, testing::expectedOutput("wait"));
    QVERIFY2(diff.empty(), diff.c_str());
  }

  void waitOnDoneFuturesStillSuspends() {
    // Mirrors programs/wait_latency.py.
    Env env;
    auto ticker = [](Env& e) -> Co {
      for (int i = 0; i < 4; ++i) {
        e.print("tick " + std::to_string(i));
        co_await loop::sleep(e.loop, 0);
      }
      co_return StepResult::returned();
    };
    auto m = [&ticker](Env& e) -> Co {
      loop::Future* f = e.loop.createFuture("f");
      f->setResult(Value::smallInt(1));
      e.task(ticker(e), "ticker");
      co_await loop::sleep(e.loop, 0);
      e.print("wait start");
      Value fs[] = {Value::object(f)};
      co_await loop::wait(e.loop, fs, std::nullopt);
      e.print("wait end");
      co_return StepResult::returned();
    };
    env.run(m(env), "main");
    auto diff = testing::diffLines(env.out, testing::expectedOutput("wait_latency"));
    QVERIFY2(diff.empty(), diff.c_str());
  }

  void emptyWaitRaisesValueError() {
    Env env;
    auto m = [](Env& e) -> Co {
      StepResult r = co_await loop::wait(e.loop, {}, std::nullopt);
      co_return r;
    };
    loop::RunResult r = env.run(m(env), "main");
    QCOMPARE(env.host.exceptionLabel(r.value.value), std::string("ValueError: Set of Tasks/Futures is empty."));
  }
};

QTEST_GUILESS_MAIN(TestWait)
#include "test_wait.moc"
