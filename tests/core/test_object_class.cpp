// test_object_class.cpp: every loop object reports its class (ObjectClass),
// which the language binding and the loop use instead of dynamic_cast; a
// subclass's constructor runs last, so a Task is a Task, not a Future.
#include <QtTest>

#include "core/loop/gather.h"
#include "core/loop/locks.h"
#include "core/loop/queues.h"
#include "core/loop/sleep.h"
#include "core/loop/taskgroup.h"
#include "core/loop/timeouts.h"
#include "support/env.h"

using loop::Object;
using loop::ObjectClass;
using loop::StepResult;
using loop::Value;
using testing::Co;
using testing::Env;

namespace {

Co nothing() { co_return StepResult::returned(); }

}  // namespace

class TestObjectClass : public QObject {
  Q_OBJECT

 private slots:
  void eachClassIsTagged() {
    Env env;
    loop::Future* f = env.loop.createFuture("f");
    QCOMPARE(f->objectClass(), ObjectClass::Future);
    loop::Task* t = env.task(nothing(), "t");
    QCOMPARE(t->objectClass(), ObjectClass::Task);
    const Value children[] = {Value::object(f), Value::object(t)};
    loop::Future* g = loop::gather(env.loop, children, false);
    QCOMPARE(g->objectClass(), ObjectClass::GatheringFuture);
    QCOMPARE(t->coro()->objectClass(), ObjectClass::Coroutine);
    QCOMPARE(loop::sleep(env.loop, 1)->objectClass(), ObjectClass::Coroutine);

    auto* q = env.heap.make<loop::Queue>(env.loop, 0);
    QCOMPARE(q->objectClass(), ObjectClass::Queue);
    QCOMPARE(q->get()->objectClass(), ObjectClass::Coroutine);
    QCOMPARE(env.heap.make<loop::Lock>(env.loop)->objectClass(), ObjectClass::Lock);
    QCOMPARE(env.heap.make<loop::Event>(env.loop)->objectClass(), ObjectClass::Event);
    QCOMPARE(env.heap.make<loop::Condition>(env.loop)->objectClass(), ObjectClass::Condition);
    QCOMPARE(env.heap.make<loop::Semaphore>(env.loop, 2)->objectClass(), ObjectClass::Semaphore);
    QCOMPARE(env.heap.make<loop::Semaphore>(env.loop, 2, true)->objectClass(), ObjectClass::Semaphore);
    QCOMPARE(env.heap.make<loop::TaskGroup>(env.loop)->objectClass(), ObjectClass::TaskGroup);
    QCOMPARE(env.heap.make<loop::Timeout>(env.loop, 1.0)->objectClass(), ObjectClass::Timeout);

    loop::Handle* h = env.loop.callSoon(Value::none(), {});
    QCOMPARE(h->objectClass(), ObjectClass::Handle);
    QVERIFY(!h->isTimer());
    loop::TimerHandle* th = env.loop.callLater(1.0, Value::none(), {});
    QCOMPARE(th->objectClass(), ObjectClass::Handle);
    QVERIFY(th->isTimer());

    // The host's own objects are Other unless they say otherwise.
    QCOMPARE(env.heap.make<testing::TestStr>("x")->objectClass(), ObjectClass::Other);
  }

  void futureAndCoroutineChecks() {
    Env env;
    loop::Future* f = env.loop.createFuture();
    loop::Task* t = env.task(nothing(), "t");
    const Value children[] = {Value::object(f)};
    loop::Future* g = loop::gather(env.loop, children, false);
    for (Object* o : {static_cast<Object*>(f), static_cast<Object*>(t), static_cast<Object*>(g)}) {
      QVERIFY(o->isFuture());
      QVERIFY(!o->isCoroutine());
      QCOMPARE(loop::asFuture(Value::object(o)), static_cast<loop::Future*>(o));
      QCOMPARE(env.loop.ensureFuture(Value::object(o)), static_cast<loop::Future*>(o));
    }
    loop::Coroutine* c = loop::sleep(env.loop, 0);
    QVERIFY(c->isCoroutine());
    QVERIFY(!c->isFuture());
    QCOMPARE(loop::asFuture(Value::object(c)), nullptr);
    // ensure_future of a coroutine wraps it in a new Task.
    loop::Future* wrapped = env.loop.ensureFuture(Value::object(c));
    QVERIFY(wrapped != nullptr);
    QCOMPARE(wrapped->objectClass(), ObjectClass::Task);
    QCOMPARE(static_cast<loop::Task*>(wrapped)->coro(), c);
    // Neither a future nor a coroutine.
    auto* q = env.heap.make<loop::Queue>(env.loop, 0);
    QVERIFY(!q->isFuture() && !q->isCoroutine());
    QCOMPARE(loop::asFuture(Value::object(q)), nullptr);
    QCOMPARE(env.loop.ensureFuture(Value::object(q)), nullptr);
    QCOMPARE(loop::asFuture(Value::smallInt(3)), nullptr);
  }
};

QTEST_GUILESS_MAIN(TestObjectClass)
#include "test_object_class.moc"
