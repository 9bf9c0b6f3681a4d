// test_gather.cpp: asyncio.gather's order, latency, errors and cancellation,
// and shield.
#include <QtTest>

#include "core/loop/gather.h"
#include "core/loop/shield.h"
#include "core/loop/sleep.h"
#include "support/env.h"

using loop::StepResult;
using loop::Value;
using testing::Co;
using testing::Env;

namespace {

// Mirrors programs/gather.py.
Co work(Env& env, std::string name, double d, bool fail = false) {
  env.print(name + " start");
  StepResult s = co_await loop::sleep(env.loop, d);
  if (!s.ok()) co_return s;
  if (fail) {
    env.print(name + " fails");
    co_return StepResult::raised(env.host.exc("ValueError", name));
  }
  env.print(name + " end");
  co_return StepResult::returned(env.host.str(name));
}

Co ticker(Env& env, int n) {
  for (int i = 0; i < n; ++i) {
    env.print("tick " + std::to_string(i));
    co_await loop::sleep(env.loop, 0);
  }
  co_return StepResult::returned();
}

Co quick(Env& env) {
  env.print("quick runs");
  co_return StepResult::returned(env.host.str("q"));
}

Value co(Env& env, Co c, const char* name) { return Value::object(env.coro(std::move(c), name)); }

Co gatherMain(Env& env) {
  auto& loop = env.loop;
  Value a1[] = {co(env, work(env, "a", 0.3), "work"), co(env, work(env, "b", 0.1), "work"),
                co(env, work(env, "c", 0.2), "work")};
  StepResult r = co_await loop::gather(loop, a1, false);
  env.print("results " + env.host.repr(r.value) + " " + env.now());
  env.task(ticker(env, 5), "ticker");
  Value a2[] = {co(env, quick(env), "quick")};
  r = co_await loop::gather(loop, a2, false);
  env.print("latency " + env.host.repr(r.value));
  Value a3[] = {co(env, work(env, "d", 0.1, true), "work"), co(env, work(env, "e", 0.2), "work")};
  r = co_await loop::gather(loop, a3, true);
  std::string line = "with exceptions [";
  auto* seq = testing::asSeq(r.value);
  for (std::size_t i = 0; i < seq->items.size(); ++i) {
    if (i > 0) line += ", ";
    auto* x = testing::asExc(seq->items[i]);
    line += x != nullptr ? "'" + x->type + "'" : env.host.repr(seq->items[i]);
  }
  env.print(line + "]");
  Value a4[] = {co(env, work(env, "f", 0.1, true), "work"), co(env, work(env, "g", 0.2), "work")};
  r = co_await loop::gather(loop, a4, false);
  if (!r.ok()) env.print("first error " + env.msg(r) + " " + env.now());
  co_await loop::sleep(loop, 0.2);
  Value a5[] = {co(env, work(env, "h", 1), "work"), co(env, work(env, "i", 1), "work")};
  loop::Future* outer = loop::gather(loop, a5, false);
  co_await loop::sleep(loop, 0.5);
  outer->cancel();
  r = co_await outer;
  if (env.isCancel(r)) env.print("outer cancelled " + env.now());
  r = co_await loop::gather(loop, {}, false);
  env.print("empty " + env.host.repr(r.value));
  co_return StepResult::returned();
}

Co shieldMain(Env& env, std::vector<std::string>& log) {
  // inner keeps running when the awaiting task is cancelled through shield.
  loop::Task* inner = env.task(work(env, "inner", 1), "work");
  loop::Future* outer = loop::shield(env.loop, Value::object(inner));
  env.loop.currentTask()->cancel();
  StepResult r = co_await outer;
  log.push_back(env.isCancel(r) ? "outer cancelled" : "outer finished");
  r = co_await static_cast<loop::Future*>(inner);
  log.push_back("inner -> " + env.host.str(r.value));
  co_return StepResult::returned();
}

}  // namespace

class TestGather : public QObject {
  Q_OBJECT
 private slots:
  void gatherMatchesCPython() {
    Env env;
    loop::RunResult r = env.run(gatherMain(env), "main");
    QCOMPARE(r.status, loop::RunStatus::Completed);
    QVERIFY(r.value.ok());
    auto diff = testing::diffLines(env.out, testing::expectedOutput("gather"));
    QVERIFY2(diff.empty(), diff.c_str());
  }

  void duplicatesShareOneChild() {
    Env env;
    auto m = [](Env& e) -> Co {
      loop::Future* f = e.loop.createFuture("f");
      Value args[] = {Value::object(f), Value::object(f)};
      auto* g = static_cast<loop::GatheringFuture*>(loop::gather(e.loop, args, false));
      f->setResult(Value::smallInt(3));
      StepResult r = co_await static_cast<loop::Future*>(g);
      e.print(e.host.repr(r.value));
      co_return StepResult::returned();
    };
    env.run(m(env), "main");
    QCOMPARE(env.out, std::vector<std::string>{"[3, 3]"});
  }

  void shieldProtectsInner() {
    Env env;
    std::vector<std::string> log;
    env.run(shieldMain(env, log), "main");
    QCOMPARE(log, (std::vector<std::string>{"outer cancelled", "inner -> inner"}));
  }
};

QTEST_GUILESS_MAIN(TestGather)
#include "test_gather.moc"
