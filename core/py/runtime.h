// runtime.h: one program run's bindings between the VM and core/loop: the
// loop::Host implementation, the event loops, and the builtin modules
// (asyncio, time, random, math, sys, functools).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/loop/clock.h"
#include "core/loop/event_loop.h"
#include "core/loop/host.h"
#include "core/py/aiohttp_module.h"
#include "core/py/runtime/random_mt.h"
#include "core/py/vm.h"
#include "core/trace/trace.h"

namespace py {

class Runtime : public loop::Host {
 public:
  Runtime(VM& vm, trace::Recorder& recorder, loop::Clock& clock);
  ~Runtime() override;

  VM& vm;
  trace::Recorder& recorder;
  loop::Clock& clock;
  loop::LoopLimits limits;
  rt::MersenneTwister random;

  // Halting the whole run (deadlock, budgets): unwinds every frame.
  bool halted = false;
  int haltStatus = 0;
  std::string haltMessage;
  void halt(int status, std::string message);

  loop::EventLoop* newLoop();
  loop::EventLoop* currentLoop = nullptr;  // set_event_loop / get_event_loop
  loop::EventLoop* runningLoop = nullptr;  // inside run_until_complete / run_forever
  // set_event_loop() was called (asyncio.run calls it twice): from then on
  // get_event_loop() makes no loop of its own (events.py's _set_called).
  bool eventLoopSet = false;
  // get_event_loop(): the running loop, else the current one (made on first
  // need), or nullptr with RuntimeError raised after set_event_loop(None).
  loop::EventLoop* eventLoop();
  // The running loop, or raises RuntimeError("no running event loop").
  loop::EventLoop* requireRunning();
  Value loopObject(loop::EventLoop* l);

  // Values between the VM and the loop.
  Value wrap(loop::Object* o);
  // An awaitable Python value as the loop wants it (a Future or Coroutine), or kNull.
  Value toLoopAwaitable(Value v);
  // Runs a loop call that returns a RunResult and turns it into a Python result.
  Value finishRun(const loop::RunResult& r);

  Value makeModule(const std::string& name);

  // asyncio's async generator hooks (asyncgen_hooks.cpp).
  void asyncGenStarted(Value agen);
  bool asyncGenDropped(Value agen);
  loop::RunResult shutdownAsyncGens(loop::EventLoop& l);
  loop::Coroutine* acloseCoroutine(Value agen);

  // loop::Host.
  Value makeException(loop::ExcKind kind, std::string_view message) override;
  Value makeCancelledError(Value msg) override;
  Value makeStr(std::string_view s) override;
  Value makeExceptionGroup(std::string_view message, std::span<const Value> excs) override;
  void setContext(Value exc, Value context) override;
  bool isCancelledError(Value exc) override;
  bool isException(Value exc) override;
  bool isBaseExceptionOnly(Value exc) override;
  std::string repr(Value v) override;
  std::string exceptionLabel(Value exc) override;
  std::string callableName(Value callable) override;
  std::string callbackErrorMessage(Value callable, std::span<const Value> args, const double* when) override;
  loop::StepResult call(Value callable, std::span<const Value> args) override;
  loop::StepResult lessThan(Value a, Value b) override;
  Value makeList(std::span<const Value> items) override;
  Value makeSet(std::span<const Value> items) override;
  Value makeTuple(std::span<const Value> items) override;
  void handleError(const loop::ErrorContext& ctx) override;

  // Python types of the wrapped loop objects.
  TypeObj *futureT = nullptr, *taskT = nullptr, *queueT = nullptr, *priorityQueueT = nullptr,
          *lifoQueueT = nullptr, *lockT = nullptr, *eventT = nullptr, *conditionT = nullptr,
          *semaphoreT = nullptr, *boundedSemaphoreT = nullptr, *taskGroupT = nullptr, *timeoutT = nullptr,
          *handleT = nullptr, *timerHandleT = nullptr, *loopT = nullptr, *nativeCoroT = nullptr;

  std::vector<std::unique_ptr<loop::EventLoop>> loops;
  std::unordered_map<loop::EventLoop*, Value> loopObjects;
  std::function<void(std::string_view)> writeStderr;
  SimConfig sim;

 private:
  void installAsyncio();
  Value makeAsyncio();
  Value makeStdlib(const std::string& name);
  DictObj* asyncioDict_ = nullptr;
  ListObj* asyncGens_ = nullptr;  // loop._asyncgens: started, not yet finalized
  loop::EventLoop* asyncGensLoop_ = nullptr;  // the loop they started under
  Value acloseFn_ = kNull;        // `async def aclose(agen)` (asyncgen_hooks.cpp)
};

// Compiles and runs Python source (a helper module of the runtime) in
// `globals`; kError with an exception pending if it fails.
Value execHelperSource(VM& vm, std::string_view source, const std::string& name, DictObj* globals);

// Adds a module object holding `dict`.
Value newModule(VM& vm, const std::string& name, DictObj* dict);
void moduleSet(VM& vm, DictObj* d, const char* name, Value v);
void moduleFn(VM& vm, DictObj* d, const char* name, NativeFn fn);

}  // namespace py
