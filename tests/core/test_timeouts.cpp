// test_timeouts.cpp: asyncio.timeout / timeout_at and TaskGroup against
// CPython (programs/timeouts_taskgroup.py).
#include <QtTest>

#include "core/loop/sleep.h"
#include "core/loop/taskgroup.h"
#include "core/loop/timeouts.h"
#include "support/env.h"

using loop::StepResult;
using loop::Value;
using testing::Co;
using testing::Env;

namespace {

Co work(Env& env, std::string name, double d, bool fail = false) {
  StepResult s = co_await loop::sleep(env.loop, d);
  if (!s.ok()) {
    if (env.isCancel(s)) env.print(name + " cancelled at " + env.now());
    co_return s;
  }
  if (fail) {
    env.print(name + " fails at " + env.now());
    co_return StepResult::raised(env.host.exc("ValueError", name));
  }
  env.print(name + " done at " + env.now());
  co_return StepResult::returned(env.host.str(name));
}

bool isType(const StepResult& r, const char* type) {
  return r.kind == StepResult::Raised && testing::asExc(r.value) != nullptr && testing::asExc(r.value)->type == type;
}

Value exitArg(const StepResult& r) { return r.ok() ? Value::none() : r.value; }

// async with cm: body  ->  the outcome of the statement.
StepResult leave(loop::Timeout* cm, const StepResult& body) {
  StepResult x = cm->exit(exitArg(body));
  if (!x.ok()) return x;
  return body;
}

std::string b(bool v) { return v ? "True" : "False"; }

std::string groupMessages(Env& env, Value eg, bool typeNames) {
  std::string out = "[";
  auto* x = testing::asExc(eg);
  for (std::size_t i = 0; i < x->group.size(); ++i) {
    out += i ? ", " : "";
    out += "'" + (typeNames ? testing::asExc(x->group[i])->type : env.host.str(x->group[i])) + "'";
  }
  return out + "]";
}

Co bodyRaises(Env& env) {
  co_await loop::sleep(env.loop, 0.1);
  co_return StepResult::raised(env.host.exc("KeyError", "body"));
}

Co timeoutsMain(Env& env) {
  auto& loop = env.loop;
  auto w = [&env](std::string n, double d, bool fail = false) { return env.coro(work(env, std::move(n), d, fail), "work"); };

  loop::Timeout* cm = loop::timeout(loop, 0.5);
  cm->enter();
  StepResult r = leave(cm, co_await w("t1", 1));
  if (isType(r, "TimeoutError")) env.print("timeout expired " + b(cm->expired()) + " " + env.now());

  cm = loop::timeout(loop, 1.0);
  cm->enter();
  leave(cm, co_await w("t2", 0.5));
  env.print("not expired " + b(cm->expired()) + " " + env.now());

  cm = loop::timeout(loop, std::nullopt);
  cm->enter();
  cm->reschedule(loop.time() + 0.25);
  r = leave(cm, co_await w("t3", 1));
  if (isType(r, "TimeoutError")) env.print("rescheduled expired " + env.now());

  loop::Timeout* outerCm = loop::timeout(loop, 1.0);
  outerCm->enter();
  {
    loop::Timeout* innerCm = loop::timeout(loop, 0.3);
    innerCm->enter();
    r = leave(innerCm, co_await w("t4", 1));
    if (isType(r, "TimeoutError")) env.print("inner timeout " + env.now());
    r = co_await w("t5", 1);
  }
  r = leave(outerCm, r);
  if (isType(r, "TimeoutError")) env.print("outer timeout " + env.now());

  cm = loop::timeoutAt(loop, loop.time() - 1);
  cm->enter();
  r = leave(cm, co_await w("t6", 1));
  if (isType(r, "TimeoutError")) env.print("past deadline " + env.now());

  // TaskGroup: all succeed.
  auto* tg = env.heap.make<loop::TaskGroup>(loop);
  tg->enter();
  auto* ta = static_cast<loop::Task*>(tg->createTask(w("a", 0.2)).value.asObject());
  auto* tb = static_cast<loop::Task*>(tg->createTask(w("b", 0.1)).value.asObject());
  co_await tg->exit(Value::none());
  env.print("group " + env.host.str(ta->result().value) + " " + env.host.str(tb->result().value) + " " + env.now());

  // A failing child cancels its sibling and the body.
  tg = env.heap.make<loop::TaskGroup>(loop);
  tg->enter();
  tg->createTask(w("c", 0.3));
  tg->createTask(w("d", 0.1, true));
  tg->createTask(w("e", 0.05));
  r = co_await w("body", 1);
  r = co_await tg->exit(exitArg(r));
  if (isType(r, "ExceptionGroup")) env.print("group failed " + groupMessages(env, r.value, false) + " " + env.now());

  tg = env.heap.make<loop::TaskGroup>(loop);
  tg->enter();
  tg->createTask(w("f", 0.1, true));
  tg->createTask(w("g", 0.1, true));
  tg->createTask(w("h", 0.5));
  r = co_await tg->exit(Value::none());
  if (isType(r, "ExceptionGroup")) env.print("two errors " + groupMessages(env, r.value, false) + " " + env.now());

  tg = env.heap.make<loop::TaskGroup>(loop);
  tg->enter();
  tg->createTask(w("i", 0.5));
  r = co_await env.coro(bodyRaises(env), "body");
  r = co_await tg->exit(exitArg(r));
  if (isType(r, "ExceptionGroup")) env.print("body error " + groupMessages(env, r.value, true) + " " + env.now());
  co_return StepResult::returned();
}

}  // namespace

class TestTimeouts : public QObject {
  Q_OBJECT
 private slots:
  void timeoutsAndTaskGroupsMatchCPython() {
    Env env;
    loop::RunResult r = env.run(timeoutsMain(env), "main");
    QCOMPARE(r.status, loop::RunStatus::Completed);
    QVERIFY2(r.value.ok(), env.host.exceptionLabel(r.value.value).c_str());
    auto diff = testing::diffLines(env.out, testing::expectedOutput("timeouts_taskgroup"));
    QVERIFY2(diff.empty(), diff.c_str());
  }

  void timeoutOutsideTaskIsRuntimeError() {
    Env env;
    loop::Timeout* cm = loop::timeout(env.loop, 1.0);
    StepResult r = cm->enter();
    QCOMPARE(env.host.exceptionLabel(r.value), std::string("RuntimeError: Timeout should be used inside a task"));
  }
};

QTEST_GUILESS_MAIN(TestTimeouts)
#include "test_timeouts.moc"
