// test_locks.cpp: cancellation meeting Lock, Queue and Semaphore waiters
// (programs/primitives_cancel.py), and unretrieved future exceptions.
#include <QtTest>

#include "core/loop/gather.h"
#include "core/loop/locks.h"
#include "core/loop/queues.h"
#include "core/loop/sleep.h"
#include "support/env.h"

using loop::StepResult;
using loop::Value;
using testing::Co;
using testing::Env;

namespace {

Co hold(Env& env, loop::Lock* lock, std::string name) {
  StepResult r = co_await lock->acquire();
  if (!r.ok()) {
    env.print(name + " cancelled while waiting");
    co_return r;
  }
  env.print(name + " has the lock");
  co_await loop::sleep(env.loop, 0.1);
  lock->release();
  env.print(name + " released");
  co_return StepResult::returned();
}

Co get(Env& env, loop::Queue* q, std::string name) {
  StepResult r = co_await q->get();
  if (!r.ok()) {
    env.print(name + " cancelled, qsize=" + std::to_string(q->qsize()));
    co_return r;
  }
  env.print(name + " got " + env.host.str(r.value));
  co_return StepResult::returned();
}

Co acquire(Env& env, loop::Semaphore* sem, std::string name) {
  StepResult r = co_await sem->acquire();
  if (!r.ok()) {
    env.print(name + " cancelled, value=" + std::to_string(sem->value()));
    co_return r;
  }
  env.print(name + " acquired, value=" + std::to_string(sem->value()));
  co_await loop::sleep(env.loop, 0.1);
  sem->release();
  co_return StepResult::returned();
}

Co primitivesMain(Env& env) {
  auto& loop = env.loop;
  auto* lock = env.heap.make<loop::Lock>(loop);
  loop::Task* a = env.task(hold(env, lock, "a"), "hold");
  loop::Task* b = env.task(hold(env, lock, "b"), "hold");
  loop::Task* c = env.task(hold(env, lock, "c"), "hold");
  co_await loop::sleep(loop, 0.05);
  b->cancel();
  Value abc[] = {Value::object(a), Value::object(b), Value::object(c)};
  co_await loop::gather(loop, abc, true);

  auto* q = env.heap.make<loop::Queue>(loop, 0);
  loop::Task* g1 = env.task(get(env, q, "g1"), "get");
  loop::Task* g2 = env.task(get(env, q, "g2"), "get");
  co_await loop::sleep(loop, 0);
  q->putNowait(env.host.str("item"));
  g1->cancel();
  Value gs[] = {Value::object(g1), Value::object(g2)};
  co_await loop::gather(loop, gs, true);

  auto* sem = env.heap.make<loop::Semaphore>(loop, 1);
  loop::Task* s1 = env.task(acquire(env, sem, "s1"), "acquire");
  loop::Task* s2 = env.task(acquire(env, sem, "s2"), "acquire");
  loop::Task* s3 = env.task(acquire(env, sem, "s3"), "acquire");
  co_await loop::sleep(loop, 0.1);
  s2->cancel();
  Value ss[] = {Value::object(s1), Value::object(s2), Value::object(s3)};
  co_await loop::gather(loop, ss, true);
  env.print("value " + std::to_string(sem->value()) + " " + env.now());
  co_return StepResult::returned();
}

}  // namespace

class TestLocks : public QObject {
  Q_OBJECT
 private slots:
  void cancellationMeetsPrimitivesAsInCPython() {
    Env env;
    loop::RunResult r = env.run(primitivesMain(env), "main");
    QCOMPARE(r.status, loop::RunStatus::Completed);
    auto diff = testing::diffLines(env.out, testing::expectedOutput("primitives_cancel"));
    QVERIFY2(diff.empty(), diff.c_str());
  }

  void unretrievedFutureExceptionIsReported() {
    Env env;
    auto m = [](Env& e) -> Co {
      loop::Future* f = e.loop.createFuture("f");
      f->setException(e.host.exc("KeyError", "k"));
      loop::Future* seen = e.loop.createFuture("seen");
      seen->setException(e.host.exc("KeyError", "s"));
      seen->exception();
      co_return StepResult::returned();
    };
    env.run(m(env), "main");
    QCOMPARE(env.host.errors, std::vector<std::string>{
                                     "Future exception was never retrieved\nfuture: <Future> | KeyError: k"});
  }
};

QTEST_GUILESS_MAIN(TestLocks)
#include "test_locks.moc"
