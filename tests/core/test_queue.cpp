// test_queue.cpp: Queue / PriorityQueue / LifoQueue and Lock / Event /
// Semaphore / Condition against CPython (programs/queue_locks.py).
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

std::string i2s(Value v) { return std::to_string(v.asSmallInt()); }

Co producer(Env& env, loop::Queue* q, int n) {
  for (int i = 0; i < n; ++i) {
    env.print("put " + std::to_string(i) + " qsize=" + std::to_string(q->qsize()));
    co_await q->put(Value::smallInt(i));
  }
  env.print("producer done");
  co_return StepResult::returned();
}

Co consumer(Env& env, loop::Queue* q, std::string name, int n) {
  for (int k = 0; k < n; ++k) {
    StepResult item = co_await q->get();
    env.print(name + " got " + i2s(item.value));
    q->taskDone();
    co_await loop::sleep(env.loop, 0.1);
  }
  co_return StepResult::returned();
}

Co locker(Env& env, loop::Lock* lock, std::string name) {
  co_await lock->acquire();
  env.print(name + " in");
  co_await loop::sleep(env.loop, 0);
  env.print(name + " out");
  lock->release();
  co_return StepResult::returned();
}

Co waiter(Env& env, loop::Event* ev, std::string name) {
  env.print(name + " waits");
  co_await ev->wait();
  env.print(name + " woke");
  co_return StepResult::returned();
}

Co limited(Env& env, loop::Semaphore* sem, std::string name) {
  co_await sem->acquire();
  env.print(name + " acquired");
  co_await loop::sleep(env.loop, 0.1);
  sem->release();
  env.print(name + " released");
  co_return StepResult::returned();
}

Co condWaiter(Env& env, loop::Condition* cond, std::string name) {
  co_await cond->acquire();
  env.print(name + " waiting");
  co_await cond->wait();
  env.print(name + " notified");
  cond->release();
  co_return StepResult::returned();
}

Co getter(Env& env, loop::Queue* q) {
  StepResult r = co_await q->get();
  env.print("getter got " + env.host.str(r.value));
  co_return StepResult::returned();
}

Co queueMain(Env& env) {
  auto& loop = env.loop;
  auto c = [&env](Co co) { return Value::object(env.coro(std::move(co), "co")); };
  auto* q = env.heap.make<loop::Queue>(loop, 2);
  Value g1[] = {c(producer(env, q, 5)), c(consumer(env, q, "c1", 3)), c(consumer(env, q, "c2", 2))};
  co_await loop::gather(loop, g1, false);
  co_await q->join();
  env.print("joined");

  q = env.heap.make<loop::Queue>(loop, 0);
  loop::Task* t = env.task(getter(env, q), "getter");
  co_await loop::sleep(loop, 0);
  q->putNowait(env.host.str("x"));
  env.print("stolen " + env.host.str(q->getNowait().value));
  q->putNowait(env.host.str("y"));
  co_await static_cast<loop::Future*>(t);
  StepResult r = q->getNowait();
  if (!r.ok() && testing::asExc(r.value)->type == "QueueEmpty") env.print("QueueEmpty");
  auto* q2 = env.heap.make<loop::Queue>(loop, 1);
  q2->putNowait(Value::smallInt(1));
  r = q2->putNowait(Value::smallInt(2));
  if (!r.ok() && testing::asExc(r.value)->type == "QueueFull") env.print("QueueFull");

  auto* pq = env.heap.make<loop::Queue>(loop, 0, loop::Queue::Kind::Priority);
  for (int x : {5, 1, 4, 2, 3}) pq->putNowait(Value::smallInt(x));
  std::string line = "priority [";
  for (int k = 0; k < 5; ++k) line += (k ? ", " : "") + i2s(pq->getNowait().value);
  env.print(line + "]");
  auto* lq = env.heap.make<loop::Queue>(loop, 0, loop::Queue::Kind::Lifo);
  for (int x : {1, 2, 3}) lq->putNowait(Value::smallInt(x));
  line = "lifo [";
  for (int k = 0; k < 3; ++k) line += (k ? ", " : "") + i2s(lq->getNowait().value);
  env.print(line + "]");

  auto* lock = env.heap.make<loop::Lock>(loop);
  Value g2[] = {c(locker(env, lock, "L0")), c(locker(env, lock, "L1")), c(locker(env, lock, "L2"))};
  co_await loop::gather(loop, g2, false);

  auto* ev = env.heap.make<loop::Event>(loop);
  std::vector<Value> ts;
  for (int i = 0; i < 3; ++i) ts.push_back(Value::object(env.task(waiter(env, ev, "w" + std::to_string(i)), "waiter")));
  co_await loop::sleep(loop, 0);
  env.print("set");
  ev->set();
  co_await loop::gather(loop, ts, false);
  co_await ev->wait();
  env.print("already set");

  auto* sem = env.heap.make<loop::Semaphore>(loop, 2);
  std::vector<Value> ss;
  for (int i = 0; i < 4; ++i) ss.push_back(c(limited(env, sem, "s" + std::to_string(i))));
  co_await loop::gather(loop, ss, false);

  auto* cond = env.heap.make<loop::Condition>(loop);
  ts.clear();
  for (int i = 0; i < 3; ++i) ts.push_back(Value::object(env.task(condWaiter(env, cond, "k" + std::to_string(i)), "cw")));
  co_await loop::sleep(loop, 0);
  co_await cond->acquire();
  cond->notify(2);
  cond->release();
  co_await loop::sleep(loop, 0);
  co_await cond->acquire();
  cond->notifyAll();
  cond->release();
  co_await loop::gather(loop, ts, false);
  env.print("end " + env.now());
  co_return StepResult::returned();
}

}  // namespace

class TestQueue : public QObject {
  Q_OBJECT
 private slots:
  void queuesAndLocksMatchCPython() {
    Env env;
    loop::RunResult r = env.run(queueMain(env), "main");
    QCOMPARE(r.status, loop::RunStatus::Completed);
    QVERIFY2(r.value.ok(), env.host.exceptionLabel(r.value.value).c_str());
    auto diff = testing::diffLines(env.out, testing::expectedOutput("queue_locks"));
    QVERIFY2(diff.empty(), diff.c_str());
  }

  void errorsOfNowaitCalls() {
    Env env;
    auto* q = env.heap.make<loop::Queue>(env.loop, 0);
    QCOMPARE(env.host.exceptionLabel(q->taskDone().value), std::string("ValueError: task_done() called too many times"));
    auto* lock = env.heap.make<loop::Lock>(env.loop);
    QCOMPARE(env.host.exceptionLabel(lock->release().value), std::string("RuntimeError: Lock is not acquired."));
    auto* bs = env.heap.make<loop::Semaphore>(env.loop, 1, true);
    QCOMPARE(env.host.exceptionLabel(bs->release().value),
             std::string("ValueError: BoundedSemaphore released too many times"));
  }
};

QTEST_GUILESS_MAIN(TestQueue)
#include "test_queue.moc"
