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
  // By the class tag, not dynamic_cast: this runs for every queue and lock
  // coroutine a program awaits (see loop::ObjectClass).
  switch (o->objectClass()) {
    case loop::ObjectClass::Queue: {
      auto* q = static_cast<loop::Queue*>(o);
      w = LoopObj::What::Queue;
      t = q->kind() == loop::Queue::Kind::Priority ? priorityQueueT
          : q->kind() == loop::Queue::Kind::Lifo   ? lifoQueueT
                                                   : queueT;
      break;
    }
    case loop::ObjectClass::Task:
      w = LoopObj::What::Task;
      t = taskT;
      break;
    case loop::ObjectClass::Future:
    case loop::ObjectClass::GatheringFuture:
      t = futureT;
      break;
    case loop::ObjectClass::Lock:
      w = LoopObj::What::Lock;
      t = lockT;
      break;
    case loop::ObjectClass::Event:
      w = LoopObj::What::Event;
      t = eventT;
      break;
    case loop::ObjectClass::Condition:
      w = LoopObj::What::Condition;
      t = conditionT;
      break;
    case loop::ObjectClass::Semaphore:
      w = LoopObj::What::Semaphore;
      t = semaphoreT;
      break;
    case loop::ObjectClass::TaskGroup:
      w = LoopObj::What::TaskGroup;
      t = taskGroupT;
      break;
    case loop::ObjectClass::Timeout:
      w = LoopObj::What::Timeout;
      t = timeoutT;
      break;
    case loop::ObjectClass::Handle:
      w = LoopObj::What::Handle;
      t = static_cast<loop::Handle*>(o)->isTimer() ? timerHandleT : handleT;
      break;
    case loop::ObjectClass::HostCoroutine:
      return Value::object(static_cast<CoroAdapter*>(o)->coro);
    case loop::ObjectClass::Coroutine:
      // Native coroutines are awaited once; no identity to keep.
      return Value::object(vm.make<LoopObj>(nativeCoroT, LoopObj::What::NativeCoroutine, o));
    default:
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
