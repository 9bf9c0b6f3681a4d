// loop_values.cpp: values crossing between the VM and core/loop: the
// Python wrapper of each loop object (Future, Task, Queue, ...), awaitables
// as the loop takes them, the event loops get_event_loop() and
// get_running_loop() find, and a loop run's outcome as a Python result.
// Kept apart from asyncio_module.cpp, which holds the module's functions.
#include "core/loop/as_completed.h"
#include "core/loop/locks.h"
#include "core/loop/queues.h"
#include "core/loop/sleep.h"
#include "core/loop/taskgroup.h"
#include "core/loop/timeouts.h"
#include "core/py/runtime.h"

namespace py {

Value Runtime::wrap(loop::Object* o) {
  if (!o) return Value::none();
  auto it = vm.wrappers.find(o);
  if (it != vm.wrappers.end()) return Value::object(it->second);
  if (!asyncioDict_) installAsyncio();
  TypeObj* t = nullptr;
  LoopObj::What w = LoopObj::What::Future;
  if (auto* q = dynamic_cast<loop::Queue*>(o)) {
    w = LoopObj::What::Queue;
    t = q->kind() == loop::Queue::Kind::Priority ? priorityQueueT : q->kind() == loop::Queue::Kind::Lifo ? lifoQueueT : queueT;
  } else if (dynamic_cast<loop::Task*>(o)) {
    w = LoopObj::What::Task;
    t = taskT;
  } else if (dynamic_cast<loop::Future*>(o)) {
    t = futureT;
  } else if (dynamic_cast<loop::Lock*>(o)) {
    w = LoopObj::What::Lock;
    t = lockT;
  } else if (dynamic_cast<loop::Event*>(o)) {
    w = LoopObj::What::Event;
    t = eventT;
  } else if (dynamic_cast<loop::Condition*>(o)) {
    w = LoopObj::What::Condition;
    t = conditionT;
  } else if (auto* s = dynamic_cast<loop::Semaphore*>(o)) {
    w = LoopObj::What::Semaphore;
    t = semaphoreT;
    (void)s;
  } else if (dynamic_cast<loop::TaskGroup*>(o)) {
    w = LoopObj::What::TaskGroup;
    t = taskGroupT;
  } else if (dynamic_cast<loop::Timeout*>(o)) {
    w = LoopObj::What::Timeout;
    t = timeoutT;
  } else if (auto* h = dynamic_cast<loop::Handle*>(o)) {
    w = LoopObj::What::Handle;
    t = h->isTimer() ? timerHandleT : handleT;
  } else if (auto* ad = dynamic_cast<CoroAdapter*>(o)) {
    return Value::object(ad->coro);
  } else if (dynamic_cast<loop::Coroutine*>(o)) {
    // Native coroutines are awaited once; no identity to keep.
    return Value::object(vm.make<LoopObj>(nativeCoroT, LoopObj::What::NativeCoroutine, o));
  } else {
    return vm.raise(vm.t.TypeError, "unknown loop object");
  }
  auto* lo = vm.make<LoopObj>(t, w, o);
  vm.wrappers.emplace(o, lo);
  return Value::object(lo);
}

Value Runtime::toLoopAwaitable(Value v) {
  if (isKind(v, Kind::Coroutine)) {
    as<GeneratorObj>(v)->awaited = true;
    return Value::object(vm.adapterFor(as<GeneratorObj>(v)));
  }
  if (isKind(v, Kind::LoopObject)) {
    auto* lo = as<LoopObj>(v);
    if (lo->what == LoopObj::What::Future || lo->what == LoopObj::What::Task ||
        lo->what == LoopObj::What::NativeCoroutine)
      return Value::object(lo->obj);
  }
  if (isKind(v, Kind::Awaitable) && as<AwaitableObj>(v)->what == AwaitableObj::What::YieldOnce &&
      !as<AwaitableObj>(v)->yielded) {
    // asyncio.sleep(0) made outside any loop, handed to one now (gather,
    // wait_for): the loop's own sleep(0) steps the same way.
    loop::EventLoop* l = runningLoop ? runningLoop : currentLoop;
    if (!l) return kNull;
    as<AwaitableObj>(v)->yielded = true;
    return Value::object(loop::sleep(*l, 0, as<AwaitableObj>(v)->value));
  }
  return kNull;
}

loop::EventLoop* Runtime::eventLoop() {
  if (runningLoop) return runningLoop;
  if (!currentLoop && !eventLoopSet) {
    currentLoop = newLoop();
    eventLoopSet = true;
  }
  if (!currentLoop) {
    vm.raise(vm.t.RuntimeError, "There is no current event loop in thread 'MainThread'.");
    return nullptr;
  }
  return currentLoop;
}

Value Runtime::loopObject(loop::EventLoop* l) {
  auto it = loopObjects.find(l);
  if (it != loopObjects.end()) return it->second;
  if (!asyncioDict_) installAsyncio();
  auto* lo = vm.make<LoopObj>(loopT, LoopObj::What::Loop, nullptr, l);
  Value v = Value::object(lo);
  vm.addRoot(v);
  loopObjects.emplace(l, v);
  return v;
}

loop::EventLoop* Runtime::requireRunning() {
  if (!runningLoop) {
    vm.raise(vm.t.RuntimeError, "no running event loop");
    return nullptr;
  }
  return runningLoop;
}

Value Runtime::finishRun(const loop::RunResult& r) {
  switch (r.status) {
    case loop::RunStatus::Completed:
    case loop::RunStatus::Stopped:
      if (r.value.kind == loop::StepResult::Raised) return vm.raiseValue(vm.fromLoop(r.value.value));
      return vm.fromLoop(r.value.value);
    case loop::RunStatus::Deadlock:
      halt(1, "");
      return kError;
    case loop::RunStatus::Budget:
      halt(2, r.message);
      return kError;
  }
  return Value::none();
}

}  // namespace py
