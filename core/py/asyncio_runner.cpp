// asyncio_runner.cpp: asyncio.Runner (Python 3.11, asyncio/runners.py),
// what it and asyncio.run accept as the main coroutine, and asyncio.isfuture.
//
// A Runner owns one event loop for several run() calls: the loop is made
// on first need (with the runner, get_loop or run), each run() drives a new
// main task to completion on it, and close() shuts it down as asyncio.run
// does at its end: leftover tasks cancelled in creation order and
// gathered, then shutdown_asyncgens and shutdown_default_executor as tasks
// (they take Task-N names and iterations). Written natively, as asyncio.run
// is, so that a traceback through runner.run(...) shows the program's
// frames only.
#include "core/loop/gather.h"
#include "core/loop/sleep.h"
#include "core/loop/task.h"
#include "core/py/asyncio_extras.h"
#include "core/py/hidden_frames.h"
#include "core/py/runtime.h"

namespace py {

// What asyncio.run and Runner.run accept as `main` (coroutines.iscoroutine).
bool isMainCoroutine(Value v) {
  return (isKind(v, Kind::Awaitable) && as<AwaitableObj>(v)->what == AwaitableObj::What::YieldOnce &&
          !as<AwaitableObj>(v)->yielded) ||
         isKind(v, Kind::Coroutine) ||
         (isKind(v, Kind::LoopObject) && as<LoopObj>(v)->what == LoopObj::What::NativeCoroutine);
}

loop::Coroutine* mainCoroutine(VM& vm, loop::EventLoop& l, Value v) {
  // asyncio.sleep(0) made outside any loop (a bare yield, see a_sleep): the
  // loop's own sleep(0) steps the same way.
  if (isKind(v, Kind::Awaitable)) {
    as<AwaitableObj>(v)->yielded = true;
    return loop::sleep(l, 0, as<AwaitableObj>(v)->value);
  }
  return coroutineOf(vm, v);
}

namespace {

// `async def shutdown_asyncgens(self)` with no async generator left to it,
// and shutdown_default_executor with no executor: both return at once.
class ReturnsAtOnce : public loop::Coroutine {
 public:
  explicit ReturnsAtOnce(const char* name) : name_(name) {}
  loop::StepResult send(loop::Value) override {
    done_ = true;
    return loop::StepResult::returned();
  }
  loop::StepResult throwIn(loop::Value exc) override {
    done_ = true;
    return loop::StepResult::raised(exc);
  }
  std::string_view name() const override { return name_; }
  bool finished() const override { return done_; }
  void trace(loop::Tracer&) override {}

 private:
  const char* name_;
  bool done_ = false;
};

// The runner's state lives in its instance dict (_state, _loop, _debug,
// _loop_factory, _set_event_loop), where the collector sees the loop.
Value field(VM& vm, InstanceObj* self, const char* name) {
  std::int64_t i = self->dict->table.find(vm, Value::object(vm.intern(name)));
  return i < 0 ? Value::none() : self->dict->table.entries()[static_cast<std::size_t>(i)].value;
}
void setField(VM& vm, InstanceObj* self, const char* name, Value v) {
  self->dict->table.set(vm, Value::object(vm.intern(name)), v);
}
bool stateIs(VM& vm, InstanceObj* self, const char* state) {
  Value s = field(vm, self, "_state");
  return isKind(s, Kind::Str) && as<StrObj>(s)->s == state;
}

InstanceObj* runnerSelf(VM& vm, CallArgs& a) {
  if (a.n < 1 || !isKind(a.args[0], Kind::Instance)) {
    vm.raise(vm.t.TypeError, "a Runner method needs a Runner");
    return nullptr;
  }
  return as<InstanceObj>(a.args[0]);
}

Value callMethod(VM& vm, Value obj, const char* name, std::vector<Value> args) {
  Value m = vm.getAttr(obj, vm.intern(name));
  if (m == kError) return kError;
  return vm.call(m, args.data(), static_cast<int>(args.size()));
}

// Runner._lazy_init: the loop object, made on first need; kError once closed.
Value lazyInit(VM& vm, InstanceObj* self) {
  Runtime& rt = *vm.runtime;
  if (stateIs(vm, self, "closed")) return vm.raise(vm.t.RuntimeError, "Runner is closed");
  if (stateIs(vm, self, "initialized")) return field(vm, self, "_loop");
  Value factory = field(vm, self, "_loop_factory");
  Value lo;
  if (factory.isNone()) {
    lo = rt.loopObject(rt.newLoop());
    // events.set_event_loop(loop), remembered so that close() unsets it.
    rt.currentLoop = static_cast<loop::EventLoop*>(as<LoopObj>(lo)->ptr);
    rt.eventLoopSet = true;
    setField(vm, self, "_set_event_loop", Value::boolean(true));
  } else {
    lo = vm.call(factory, nullptr, 0);
    if (lo == kError) return kError;
    if (!isKind(lo, Kind::LoopObject) || as<LoopObj>(lo)->what != LoopObj::What::Loop)
      return vm.raise(
          vm.t.NotImplementedError,
          "asyncio.Runner: loop_factory must return an asyncio event loop (other loops are not simulated)");
  }
  Value debug = field(vm, self, "_debug");
  if (!debug.isNone() && callMethod(vm, lo, "set_debug", {debug}) == kError) return kError;
  setField(vm, self, "_loop", lo);
  setField(vm, self, "_state", vm.newStr("initialized"));
  return lo;
}

loop::EventLoop* loopOf(Value lo) { return static_cast<loop::EventLoop*>(as<LoopObj>(lo)->ptr); }

bool stopsTheRun(const loop::RunResult& r) {
  return r.status == loop::RunStatus::Deadlock || r.status == loop::RunStatus::Budget;
}

// runners._cancel_all_tasks, then shutdown_asyncgens and
// shutdown_default_executor, each run to completion on `l`.
loop::RunResult shutDown(Runtime& rt, loop::EventLoop& l) {
  std::vector<loop::Task*> toCancel = l.allTasks();
  if (!toCancel.empty()) {
    for (loop::Task* t : toCancel) t->cancel();
    std::vector<loop::Value> tasks;
    for (loop::Task* t : toCancel) tasks.push_back(loop::Value::object(t));
    loop::RunResult r = l.runUntilComplete(loop::gather(l, tasks, true));
    if (stopsTheRun(r)) return r;
    for (loop::Task* t : toCancel) {
      if (t->cancelled()) continue;
      loop::Value exc = t->exception().value;
      if (exc.isNone()) continue;
      l.callExceptionHandler(loop::ErrorContext{
          trace::DiagnosticKind::UnretrievedException,
          "unhandled exception during asyncio.run() shutdown\ntask: " + l.host().repr(loop::Value::object(t)),
          exc, t, 0});
    }
  }
  for (const char* name : {"shutdown_asyncgens", "shutdown_default_executor"}) {
    loop::RunResult r = l.runUntilComplete(l.createTask(l.heap().make<ReturnsAtOnce>(name)));
    if (stopsTheRun(r)) return r;
  }
  if (!l.reportsDropped()) l.reportUnretrieved();
  return rt.shutdownAsyncGens(l);
}

#define NATIVE(name) Value name(VM& vm, NativeObj* self, CallArgs& a)

// Runner(*, debug=None, loop_factory=None); self->data is the Runner type.
NATIVE(c_runner) {
  if (a.n > 0)
    return vm.raise(vm.t.TypeError, "Runner.__init__() takes 1 positional argument but " +
                                        std::to_string(a.n + 1) + " were given");
  auto* runner = vm.make<InstanceObj>(as<TypeObj>(self->data), vm.newDict());
  Value debug = a.kw("debug");
  Value factory = a.kw("loop_factory");
  setField(vm, runner, "_state", vm.newStr("created"));
  setField(vm, runner, "_debug", debug == kNull ? Value::none() : debug);
  setField(vm, runner, "_loop_factory", factory == kNull ? Value::none() : factory);
  setField(vm, runner, "_loop", Value::none());
  setField(vm, runner, "_set_event_loop", Value::boolean(false));
  return Value::object(runner);
}

NATIVE(r_enter) {
  InstanceObj* runner = runnerSelf(vm, a);
  if (!runner || lazyInit(vm, runner) == kError) return kError;
  return a.args[0];
}

NATIVE(r_get_loop) {
  InstanceObj* runner = runnerSelf(vm, a);
  return runner ? lazyInit(vm, runner) : kError;
}

// Runs `body` with `l` as the running and the current loop, under
// asyncio.run's hidden frames less its own one; the task-step budget and the
// loops are restored after.
template <class Body>
loop::RunResult runOnLoop(VM& vm, loop::EventLoop* l, Body body) {
  Runtime& rt = *vm.runtime;
  rt.runningLoop = l;
  loop::EventLoop* saved = rt.currentLoop;
  rt.currentLoop = l;
  std::uint64_t budget = vm.budgetLeft_;
  loop::RunResult r;
  {
    HiddenFrames hidden(vm, kHiddenUnderAsyncioRun - 1);
    r = body();
  }
  vm.budgetLeft_ = budget;
  rt.runningLoop = nullptr;
  rt.currentLoop = saved;
  return r;
}

NATIVE(r_close) {
  InstanceObj* runner = runnerSelf(vm, a);
  if (!runner) return kError;
  if (!stateIs(vm, runner, "initialized")) return Value::none();
  Runtime& rt = *vm.runtime;
  Value lo = field(vm, runner, "_loop");
  loop::EventLoop* l = loopOf(lo);
  // run_until_complete's _check_running, for the shutdown it runs.
  if (rt.runningLoop)
    return vm.raise(vm.t.RuntimeError, rt.runningLoop == l
                                           ? "This event loop is already running"
                                           : "Cannot run the event loop while another loop is running");
  loop::RunResult r = runOnLoop(vm, l, [&] { return shutDown(rt, *l); });
  if (stopsTheRun(r)) return rt.finishRun(r);
  // The `finally` of Runner.close.
  if (field(vm, runner, "_set_event_loop") == Value::boolean(true)) {
    rt.currentLoop = nullptr;
    rt.eventLoopSet = true;
  }
  if (callMethod(vm, lo, "close", {}) == kError) return kError;
  setField(vm, runner, "_loop", Value::none());
  setField(vm, runner, "_state", vm.newStr("closed"));
  return Value::none();
}

NATIVE(r_exit) { return r_close(vm, self, a); }

// Runner.run(coro, *, context=None): a new main task on the runner's loop,
// run until it is done; its result, or its exception raised here.
NATIVE(r_run) {
  InstanceObj* runner = runnerSelf(vm, a);
  if (!runner) return kError;
  Runtime& rt = *vm.runtime;
  if (a.n < 2) return vm.raise(vm.t.TypeError, "Runner.run() missing 1 required positional argument: 'coro'");
  if (!isMainCoroutine(a.args[1]))
    return vm.raise(vm.t.ValueError, "a coroutine was expected, got " + vm.reprOf(a.args[1]));
  if (rt.runningLoop)
    return vm.raise(vm.t.RuntimeError, "Runner.run() cannot be called from a running event loop");
  Value lo = lazyInit(vm, runner);
  if (lo == kError) return kError;
  loop::EventLoop* l = loopOf(lo);
  loop::Coroutine* main = mainCoroutine(vm, *l, a.args[1]);
  if (!main) return kError;
  loop::Task* task = l->createTask(main);
  loop::RunResult r = runOnLoop(vm, l, [&] { return l->runUntilComplete(task); });
  return rt.finishRun(r);
}

// futures.isfuture: asyncio's Future and Task (and gather's future).
NATIVE(a_isfuture) {
  if (a.n != 1)
    return vm.raise(vm.t.TypeError,
                    "isfuture() takes exactly one argument (" + std::to_string(a.n) + " given)");
  Value v = a.args[0];
  return Value::boolean(isKind(v, Kind::LoopObject) && (as<LoopObj>(v)->what == LoopObj::What::Future ||
                                                        as<LoopObj>(v)->what == LoopObj::What::Task));
}

#undef NATIVE

}  // namespace

void installAsyncioRunner(Runtime& rt, DictObj* d) {
  VM& vm = rt.vm;
  TypeObj* runnerT = vm.newType("Runner", vm.t.object, "asyncio.runners");
  vm.addMethod(runnerT, "run", r_run);
  vm.addMethod(runnerT, "close", r_close);
  vm.addMethod(runnerT, "get_loop", r_get_loop);
  vm.addMethod(runnerT, "__enter__", r_enter);
  vm.addMethod(runnerT, "__exit__", r_exit);
  runnerT->ctor = vm.newNative("Runner", c_runner, Value::object(runnerT));
  moduleSet(vm, d, "Runner", Value::object(runnerT));
  moduleFn(vm, d, "isfuture", a_isfuture);
}

}  // namespace py
