// asyncio_module.cpp: Python's asyncio as a thin binding of core/loop:
// module functions (run, create_task, sleep, gather, wait...), the classes
// (Future, Task, Queue, Lock, Event, ...) as wrappers with native methods,
// and the event-loop object (call_soon, call_later, run_until_complete...).
#include "core/loop/as_completed.h"
#include "core/loop/gather.h"
#include "core/loop/locks.h"
#include "core/loop/queues.h"
#include "core/loop/runner.h"
#include "core/loop/shield.h"
#include "core/loop/sleep.h"
#include "core/loop/taskgroup.h"
#include "core/loop/timeouts.h"
#include "core/loop/wait.h"
#include "core/py/asyncio_extras.h"
#include "core/py/deferred_coroutine.h"
#include "core/py/hidden_frames.h"
#include "core/py/method_arity.h"
#include "core/py/runtime.h"

namespace py {

#define NATIVE(name) static Value name(VM& vm, NativeObj* self, CallArgs& a)

namespace {

Runtime& R(VM& vm) { return *vm.runtime; }

template <class T>
T* target(Value v) {
  return dynamic_cast<T*>(as<LoopObj>(v)->obj);
}

Value fromStep(VM& vm, const loop::StepResult& r) {
  if (r.kind == loop::StepResult::Raised) return vm.raiseValue(vm.fromLoop(r.value));
  return vm.fromLoop(r.value);
}

// A lock, event, condition, semaphore or queue made before any loop ran (at
// module level, the usual tutorial style) belongs to the loop that was
// current then; CPython binds it only when a future is first needed, to the
// running loop. So before anything that may wait, an idle one moves to the
// running loop (see loop::Primitive::rebind).
static void bindToRunningLoop(Runtime& rt, Value self) {
  loop::EventLoop* running = rt.runningLoop;
  if (!running) return;
  loop::Object* o = as<LoopObj>(self)->obj;
  switch (o->objectClass()) {  // the class tag: no dynamic_cast on every get() and put()
    case loop::ObjectClass::Queue: {
      auto* q = static_cast<loop::Queue*>(o);
      if (&q->loop() != running && q->rebindable()) q->rebind(*running);
      break;
    }
    case loop::ObjectClass::Lock:
    case loop::ObjectClass::Event:
    case loop::ObjectClass::Condition:
    case loop::ObjectClass::Semaphore: {
      auto* p = static_cast<loop::Primitive*>(o);
      if (&p->loop() != running && p->rebindable()) p->rebind(*running);
      break;
    }
    default: break;
  }
}

std::optional<double> optDouble(VM& vm, Value v, bool& ok) {
  ok = true;
  if (v == kNull || v.isNone()) return std::nullopt;
  if (v.isNumber()) return v.asNumber();
  if (isIntLike(v)) return static_cast<double>(intOf(v));
  vm.raise(vm.t.TypeError, "'" + vm.typeName(v) + "' object cannot be interpreted as a number");
  ok = false;
  return std::nullopt;
}

Value arg(CallArgs& a, int i, const char* kw) {
  if (i < a.n) return a.args[i];
  Value v = a.kw(kw);
  return v;
}

}  // namespace

// The loop's face of a coroutine object: an `async def` one, or one of
// asyncio's own (asyncio.sleep(1), asyncio.wait_for(...), queue.get()),
// which CPython's create_task accepts just the same. nullptr, with
// TypeError raised, for anything else.
loop::Coroutine* coroutineOf(VM& vm, Value v) {
  if (isKind(v, Kind::Coroutine)) return vm.adapterFor(as<GeneratorObj>(v));
  if (isKind(v, Kind::LoopObject) && as<LoopObj>(v)->what == LoopObj::What::NativeCoroutine)
    return static_cast<loop::Coroutine*>(as<LoopObj>(v)->obj);
  vm.raise(vm.t.TypeError, "a coroutine was expected, got " + vm.reprOf(v));
  return nullptr;
}

namespace {

// A loop object's own flags, in LoopObj::extra (a small int, 0 at first).
constexpr std::int64_t kLoopClosed = 1;
constexpr std::int64_t kLoopDebug = 2;
std::int64_t loopFlags(Value self) {
  Value x = as<LoopObj>(self)->extra;
  return x.isSmallInt() ? x.asSmallInt() : 0;
}
void setLoopFlag(Value self, std::int64_t flag, bool on) {
  std::int64_t f = loopFlags(self);
  as<LoopObj>(self)->extra = Value::smallInt(on ? (f | flag) : (f & ~flag));
}

std::string nameArg(VM& vm, CallArgs& a, int i) {
  Value n = arg(a, i, "name");
  if (n == kNull || n.isNone()) return {};
  return vm.strOf(n);
}

}  // namespace

// -- module functions ----------------------------------------------------------------

NATIVE(a_run) {
  Runtime& rt = R(vm);
  if (rt.runningLoop) return vm.raise(vm.t.RuntimeError, "asyncio.run() cannot be called from a running event loop");
  if (a.n < 1) return vm.raise(vm.t.TypeError, "run() missing 1 required positional argument: 'main'");
  if (!isMainCoroutine(a.args[0]))
    return vm.raise(vm.t.ValueError, "a coroutine was expected, got " + vm.reprOf(a.args[0]));
  loop::EventLoop* l = rt.newLoop();
  loop::Coroutine* main = mainCoroutine(vm, *l, a.args[0]);
  if (!main) return kError;
  if (Value debug = a.kw("debug"); debug != kNull && !debug.isNone()) {
    int on = vm.truthy(debug);
    if (on < 0) return kError;
    setLoopFlag(rt.loopObject(l), kLoopDebug, on == 1);
  }
  rt.currentLoop = l;
  rt.runningLoop = l;
  std::uint64_t budget = vm.budgetLeft_;
  HiddenFrames hidden(vm, kHiddenUnderAsyncioRun);
  loop::RunResult r = loop::run(*l, main);
  if (r.status == loop::RunStatus::Completed) {
    // shutdown_asyncgens(): close what is still open (asyncgen_hooks.cpp).
    loop::RunResult closed = rt.shutdownAsyncGens(*l);
    if (closed.status == loop::RunStatus::Deadlock || closed.status == loop::RunStatus::Budget) r = closed;
  }
  vm.budgetLeft_ = budget;
  rt.runningLoop = nullptr;
  // Its Runner set the loop as the current one and, closing, set None: from
  // now on get_event_loop() outside a loop raises (events.py).
  rt.currentLoop = nullptr;
  rt.eventLoopSet = true;
  return rt.finishRun(r);
}

NATIVE(a_create_task) {
  Runtime& rt = R(vm);
  if (a.n < 1) return vm.raise(vm.t.TypeError, "create_task() missing 1 required positional argument: 'coro'");
  loop::EventLoop* l = rt.requireRunning();
  if (!l) return kError;
  loop::Coroutine* coro = coroutineOf(vm, a.args[0]);
  if (!coro) return kError;
  return rt.wrap(l->createTask(coro, nameArg(vm, a, 1)));
}

NATIVE(a_sleep) {
  Runtime& rt = R(vm);
  bool ok;
  auto d = optDouble(vm, arg(a, 0, "delay"), ok);
  if (!ok) return kError;
  Value result = arg(a, 1, "result");
  if (result == kNull) result = Value::none();
  if (!rt.runningLoop && d.value_or(0.0) <= 0) {
    // CPython's sleep(0) is a bare yield that needs no loop: a coroutine
    // stepped by hand with send(None) may await it.
    auto* bare = vm.make<AwaitableObj>(vm.t.awaitable, AwaitableObj::What::YieldOnce, result);
    return Value::object(bare);
  }
  if (!rt.runningLoop) {
    // `async def sleep` looks the loop up when it first runs, not now.
    return rt.wrap(vm.make<DeferredCoroutine>(
        rt,
        [](Runtime& r, loop::EventLoop& l, const std::vector<Value>& args) -> loop::Coroutine* {
          bool okd;
          auto delay = optDouble(r.vm, args[0], okd);
          return loop::sleep(l, delay.value_or(0.0), args[1]);
        },
        "sleep", std::vector<Value>{arg(a, 0, "delay"), result}));
  }
  return rt.wrap(loop::sleep(*rt.runningLoop, d.value_or(0.0), result));
}

static bool awaitables(VM& vm, Value* args, int n, std::vector<Value>& out) {
  Runtime& rt = R(vm);
  for (int i = 0; i < n; ++i) {
    Value v = rt.toLoopAwaitable(args[i]);
    if (v == kNull) {
      vm.raise(vm.t.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
      return false;
    }
    out.push_back(v);
  }
  return true;
}

NATIVE(a_gather) {
  Runtime& rt = R(vm);
  loop::EventLoop* l = rt.eventLoop();
  if (!l) return kError;
  std::vector<Value> fs;
  if (!awaitables(vm, a.args, a.n, fs)) return kError;
  Value re = a.kw("return_exceptions");
  bool returnExceptions = re != kNull && vm.truthy(re) == 1;
  return rt.wrap(loop::gather(*l, fs, returnExceptions));
}

// asyncio.wait's body: made when the coroutine first runs (see a_wait).
static loop::Coroutine* makeWait(Runtime& rt, loop::EventLoop& l, const std::vector<Value>& args) {
  VM& vm = rt.vm;
  std::vector<Value> items;
  if (!vm.toVector(args[0], items)) return nullptr;
  for (Value v : items)
    if (isKind(v, Kind::Coroutine)) {
      vm.raise(vm.t.TypeError, "Passing coroutines is forbidden, use tasks explicitly.");
      return nullptr;
    }
  std::vector<Value> fs;
  if (!awaitables(vm, items.data(), static_cast<int>(items.size()), fs)) return nullptr;
  bool ok;
  auto timeout = optDouble(vm, args[1], ok);
  if (!ok) return nullptr;
  loop::ReturnWhen when = loop::ReturnWhen::AllCompleted;
  if (args[2] != kNull && isKind(args[2], Kind::Str)) {
    const std::string& s = as<StrObj>(args[2])->s;
    if (s == "FIRST_COMPLETED") when = loop::ReturnWhen::FirstCompleted;
    else if (s == "FIRST_EXCEPTION") when = loop::ReturnWhen::FirstException;
    else if (s != "ALL_COMPLETED") {
      vm.raise(vm.t.ValueError, "Invalid return_when value: " + s);
      return nullptr;
    }
  }
  if (fs.empty()) {
    vm.raise(vm.t.ValueError, "Set of Tasks/Futures is empty.");
    return nullptr;
  }
  return loop::wait(l, fs, timeout, when);
}

NATIVE(a_wait) {
  Runtime& rt = R(vm);
  if (a.n < 1) return vm.raise(vm.t.TypeError, "wait() missing fs");
  Value timeout = arg(a, 1, "timeout");
  Value returnWhen = arg(a, 2, "return_when");
  std::vector<Value> args{a.args[0], timeout == kNull ? Value::none() : timeout,
                          returnWhen == kNull ? Value::none() : returnWhen};
  if (!rt.runningLoop) {
    // `async def wait` looks the loop up when it first runs, not now:
    // loop.run_until_complete(asyncio.wait(tasks)), as older tutorials write.
    return rt.wrap(vm.make<DeferredCoroutine>(rt, makeWait, "wait", std::move(args)));
  }
  loop::Coroutine* c = makeWait(rt, *rt.runningLoop, args);
  return c ? rt.wrap(c) : kError;
}

// wait_for(fut, timeout) once a loop runs: the body of `async def wait_for`.
static loop::Coroutine* makeWaitFor(Runtime& rt, loop::EventLoop& l, const std::vector<Value>& args) {
  std::vector<Value> fs;
  Value fut = args[0];
  if (!awaitables(rt.vm, &fut, 1, fs)) return nullptr;
  bool ok;
  auto timeout = optDouble(rt.vm, args[1], ok);
  if (!ok) return nullptr;
  return loop::waitFor(l, fs[0], timeout);
}

NATIVE(a_wait_for) {
  Runtime& rt = R(vm);
  if (a.n < 1) return vm.raise(vm.t.TypeError, "wait_for() missing fut");
  Value timeout = arg(a, 1, "timeout");
  std::vector<Value> args{a.args[0], timeout == kNull ? Value::none() : timeout};
  if (!rt.runningLoop) {
    // `async def wait_for` looks the loop up when it first runs, not now.
    return rt.wrap(vm.make<DeferredCoroutine>(rt, makeWaitFor, "wait_for", std::move(args)));
  }
  loop::Coroutine* c = makeWaitFor(rt, *rt.runningLoop, args);
  return c ? rt.wrap(c) : kError;
}

NATIVE(a_timeout) {
  Runtime& rt = R(vm);
  loop::EventLoop* l = rt.requireRunning();
  if (!l) return kError;
  bool ok;
  auto d = optDouble(vm, arg(a, 0, "delay"), ok);
  if (!ok) return kError;
  return rt.wrap(loop::timeout(*l, d));
}

NATIVE(a_timeout_at) {
  Runtime& rt = R(vm);
  loop::EventLoop* l = rt.requireRunning();
  if (!l) return kError;
  bool ok;
  auto d = optDouble(vm, arg(a, 0, "when"), ok);
  if (!ok) return kError;
  return rt.wrap(loop::timeoutAt(*l, d));
}

NATIVE(a_shield) {
  Runtime& rt = R(vm);
  // A plain function in CPython: outside a running loop it uses the current
  // event loop, as ensure_future does.
  loop::EventLoop* l = rt.eventLoop();
  if (!l) return kError;
  std::vector<Value> fs;
  if (a.n < 1 || !awaitables(vm, a.args, 1, fs)) return a.n < 1 ? vm.raise(vm.t.TypeError, "shield() missing arg") : kError;
  return rt.wrap(loop::shield(*l, fs[0]));
}

NATIVE(a_as_completed) {
  Runtime& rt = R(vm);
  // A plain function in CPython: outside a running loop it uses the current
  // event loop (for f in as_completed(...): loop.run_until_complete(f)).
  loop::EventLoop* l = rt.eventLoop();
  if (!l) return kError;
  std::vector<Value> items;
  if (a.n < 1 || !vm.toVector(a.args[0], items)) return a.n < 1 ? vm.raise(vm.t.TypeError, "as_completed() missing fs") : kError;
  std::vector<Value> fs;
  if (!awaitables(vm, items.data(), static_cast<int>(items.size()), fs)) return kError;
  bool ok;
  auto timeout = optDouble(vm, arg(a, 1, "timeout"), ok);
  if (!ok) return kError;
  loop::AsCompleted* ac = loop::asCompleted(*l, fs, timeout);
  std::vector<Value> coros;
  for (std::size_t i = 0; i < ac->count(); ++i) coros.push_back(rt.wrap(ac->next()));
  vm.addRoot(Value::object(vm.make<LoopObj>(vm.t.iterator, LoopObj::What::AsCompleted, ac)));
  return vm.getIter(vm.newList(std::move(coros)));
}

NATIVE(a_current_task) {
  Runtime& rt = R(vm);
  loop::EventLoop* l = rt.runningLoop;
  if (!l) return vm.raise(vm.t.RuntimeError, "no running event loop");
  return l->currentTask() ? rt.wrap(l->currentTask()) : Value::none();
}

NATIVE(a_all_tasks) {
  Runtime& rt = R(vm);
  loop::EventLoop* l = rt.requireRunning();
  if (!l) return kError;
  SetObj* s = vm.newSet();
  for (loop::Task* t : l->allTasks()) s->table.set(vm, rt.wrap(t), Value::none());
  return Value::object(s);
}

NATIVE(a_ensure_future) {
  Runtime& rt = R(vm);
  if (a.n < 1) return vm.raise(vm.t.TypeError, "ensure_future() missing 1 required positional argument");
  if (isKind(a.args[0], Kind::LoopObject)) {
    auto* lo = as<LoopObj>(a.args[0]);
    if (lo->what == LoopObj::What::Future || lo->what == LoopObj::What::Task) return a.args[0];
  }
  loop::EventLoop* l = rt.eventLoop();
  if (!l) return kError;
  Value v = rt.toLoopAwaitable(a.args[0]);
  if (v == kNull) return vm.raise(vm.t.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
  return rt.wrap(l->ensureFuture(v));
}

NATIVE(a_get_running_loop) {
  Runtime& rt = R(vm);
  loop::EventLoop* l = rt.requireRunning();
  if (!l) return kError;
  return rt.loopObject(l);
}

NATIVE(a_get_event_loop) {
  loop::EventLoop* l = R(vm).eventLoop();
  return l ? R(vm).loopObject(l) : kError;
}

NATIVE(a_new_event_loop) { return R(vm).loopObject(R(vm).newLoop()); }

NATIVE(a_set_event_loop) {
  Runtime& rt = R(vm);
  rt.eventLoopSet = true;
  if (a.n >= 1 && isKind(a.args[0], Kind::LoopObject))
    rt.currentLoop = static_cast<loop::EventLoop*>(as<LoopObj>(a.args[0])->ptr);
  else
    rt.currentLoop = nullptr;
  return Value::none();
}

NATIVE(a_iscoroutine) {
  if (a.n < 1) return Value::boolean(false);
  Value v = a.args[0];
  return Value::boolean(isKind(v, Kind::Coroutine) ||
                        (isKind(v, Kind::LoopObject) && as<LoopObj>(v)->what == LoopObj::What::NativeCoroutine));
}

NATIVE(a_iscoroutinefunction) {
  if (a.n < 1) return Value::boolean(false);
  Value f = a.args[0];
  if (isKind(f, Kind::BoundMethod)) f = as<BoundMethodObj>(f)->func;
  return Value::boolean(isKind(f, Kind::Function) && as<FunctionObj>(f)->code->isCoroutine);
}

static loop::EventLoop* loopForNew(Runtime& rt) {
  if (rt.runningLoop) return rt.runningLoop;
  if (!rt.currentLoop) rt.currentLoop = rt.newLoop();
  return rt.currentLoop;
}

NATIVE(c_future) { return R(vm).wrap(loopForNew(R(vm))->createFuture()); }

NATIVE(c_task) {
  Runtime& rt = R(vm);
  loop::Coroutine* coro = a.n < 1 ? nullptr : coroutineOf(vm, a.args[0]);
  if (!coro) return a.n < 1 ? vm.raise(vm.t.TypeError, "Task() missing 1 required positional argument: 'coro'") : kError;
  return rt.wrap(loopForNew(rt)->createTask(coro, nameArg(vm, a, 1)));
}

static Value makeQueue(VM& vm, CallArgs& a, loop::Queue::Kind kind) {
  Runtime& rt = R(vm);
  Value m = arg(a, 0, "maxsize");
  long maxsize = (m == kNull || !isIntLike(m)) ? 0 : static_cast<long>(intOf(m));
  return rt.wrap(vm.heap.make<loop::Queue>(*loopForNew(rt), maxsize, kind));
}
NATIVE(c_queue) { return makeQueue(vm, a, loop::Queue::Kind::Fifo); }
NATIVE(c_priority_queue) { return makeQueue(vm, a, loop::Queue::Kind::Priority); }
NATIVE(c_lifo_queue) { return makeQueue(vm, a, loop::Queue::Kind::Lifo); }
NATIVE(c_lock) { return R(vm).wrap(vm.heap.make<loop::Lock>(*loopForNew(R(vm)))); }
NATIVE(c_event) { return R(vm).wrap(vm.heap.make<loop::Event>(*loopForNew(R(vm)))); }
NATIVE(c_condition) {
  loop::Lock* lock = nullptr;
  if (a.n >= 1 && isKind(a.args[0], Kind::LoopObject)) lock = target<loop::Lock>(a.args[0]);
  return R(vm).wrap(vm.heap.make<loop::Condition>(*loopForNew(R(vm)), lock));
}
static Value makeSemaphore(VM& vm, CallArgs& a, bool bounded) {
  Value v = arg(a, 0, "value");
  long value = (v == kNull) ? 1 : static_cast<long>(intOf(v));
  if (value < 0) return vm.raise(vm.t.ValueError, "Semaphore initial value must be >= 0");
  return R(vm).wrap(vm.heap.make<loop::Semaphore>(*loopForNew(R(vm)), value, bounded));
}
NATIVE(c_semaphore) { return makeSemaphore(vm, a, false); }
NATIVE(c_bounded_semaphore) { return makeSemaphore(vm, a, true); }
NATIVE(c_task_group) { return R(vm).wrap(vm.heap.make<loop::TaskGroup>(*loopForNew(R(vm)))); }

// -- Future and Task ----------------------------------------------------------------------

NATIVE(f_done) { return Value::boolean(target<loop::Future>(a.args[0])->done()); }
NATIVE(f_cancelled) { return Value::boolean(target<loop::Future>(a.args[0])->cancelled()); }
NATIVE(f_result) { return fromStep(vm, target<loop::Future>(a.args[0])->result()); }
NATIVE(f_exception) { return fromStep(vm, target<loop::Future>(a.args[0])->exception()); }
NATIVE(f_cancel) {
  Value msg = arg(a, 1, "msg");
  return Value::boolean(target<loop::Future>(a.args[0])->cancel(msg == kNull ? Value::none() : msg));
}
NATIVE(f_set_result) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "set_result() missing 1 required positional argument");
  return fromStep(vm, target<loop::Future>(a.args[0])->setResult(a.args[1]));
}
NATIVE(f_set_exception) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "set_exception() missing 1 required positional argument");
  Value e = a.args[1];
  if (isKind(e, Kind::Type)) {
    e = vm.call(e, nullptr, 0);
    if (e == kError) return kError;
  }
  return fromStep(vm, target<loop::Future>(a.args[0])->setException(e));
}
NATIVE(f_add_done_callback) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "add_done_callback() missing 1 required positional argument");
  target<loop::Future>(a.args[0])->addDoneCallback(a.args[1]);
  return Value::none();
}
NATIVE(f_remove_done_callback) {
  return vm.newInt(target<loop::Future>(a.args[0])->removeDoneCallback(a.args[1]));
}
NATIVE(f_get_loop) { return R(vm).loopObject(&target<loop::Future>(a.args[0])->loop()); }
NATIVE(t_get_name) { return vm.newStr(target<loop::Task>(a.args[0])->name()); }
NATIVE(t_set_name) {
  target<loop::Task>(a.args[0])->setName(vm.strOf(a.args[1]));
  return Value::none();
}
NATIVE(t_get_coro) {
  auto* c = target<loop::Task>(a.args[0])->coro();
  return vm.fromLoop(Value::object(c));
}
NATIVE(t_cancelling) { return vm.newInt(target<loop::Task>(a.args[0])->cancelling()); }
NATIVE(t_uncancel) { return vm.newInt(target<loop::Task>(a.args[0])->uncancel()); }

NATIVE(f_repr) {
  auto* f = target<loop::Future>(a.args[0]);
  std::string state = f->cancelled() ? "cancelled" : f->done() ? "finished" : "pending";
  if (auto* t = dynamic_cast<loop::Task*>(f)) {
    // coroutines._format_coroutine: the coroutine's __qualname__ ("Worker.run").
    std::string coroName(t->coro()->name());
    if (auto* ad = dynamic_cast<CoroAdapter*>(t->coro()); ad != nullptr && !ad->coro->qualname.empty())
      coroName = ad->coro->qualname;
    std::string s = "<Task " + state + " name='" + t->name() + "' coro=<" + coroName + "()";
    s += f->done() ? " done, defined at " + vm.fileName + ":" + std::to_string(t->coro()->defLine()) + ">"
                   : " running at " + vm.fileName + ":" + std::to_string(t->coro()->line()) + ">";
    if (f->done() && !f->cancelled()) {
      if (f->hasException()) s += " exception=" + vm.reprOf(vm.fromLoop(f->rawException()));
      else s += " result=" + vm.reprOf(vm.fromLoop(f->rawResult()));
    }
    return vm.newStr(s + ">");
  }
  // base_futures._future_repr_info names the class: gather's future is a subclass.
  std::string s = (dynamic_cast<loop::GatheringFuture*>(f) ? "<_GatheringFuture " : "<Future ") + state;
  if (f->done() && !f->cancelled()) {
    if (f->hasException()) s += " exception=" + vm.reprOf(vm.fromLoop(f->rawException()));
    else s += " result=" + vm.reprOf(vm.fromLoop(f->rawResult()));
  }
  return vm.newStr(s + ">");
}

// -- Queue ---------------------------------------------------------------------------------

NATIVE(q_put) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "put() missing 1 required positional argument: 'item'");
  bindToRunningLoop(R(vm), a.args[0]);
  return R(vm).wrap(target<loop::Queue>(a.args[0])->put(a.args[1]));
}
NATIVE(q_get) {
  bindToRunningLoop(R(vm), a.args[0]);
  return R(vm).wrap(target<loop::Queue>(a.args[0])->get());
}
NATIVE(q_join) {
  bindToRunningLoop(R(vm), a.args[0]);
  return R(vm).wrap(target<loop::Queue>(a.args[0])->join());
}
NATIVE(q_put_nowait) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "put_nowait() missing 1 required positional argument: 'item'");
  return fromStep(vm, target<loop::Queue>(a.args[0])->putNowait(a.args[1]));
}
NATIVE(q_get_nowait) { return fromStep(vm, target<loop::Queue>(a.args[0])->getNowait()); }
NATIVE(q_task_done) { return fromStep(vm, target<loop::Queue>(a.args[0])->taskDone()); }
NATIVE(q_qsize) { return vm.newInt(static_cast<std::int64_t>(target<loop::Queue>(a.args[0])->qsize())); }
NATIVE(q_empty) { return Value::boolean(target<loop::Queue>(a.args[0])->empty()); }
NATIVE(q_full) { return Value::boolean(target<loop::Queue>(a.args[0])->full()); }
NATIVE(q_maxsize) { return vm.newInt(target<loop::Queue>(a.args[0])->maxsize()); }

// -- Lock, Event, Condition, Semaphore -----------------------------------------------------


static Value ready(VM& vm, Value v) {
  return Value::object(vm.make<AwaitableObj>(vm.t.awaitable, AwaitableObj::What::Ready, v));
}

NATIVE(k_acquire) {
  bindToRunningLoop(R(vm), a.args[0]);
  loop::Object* o = as<LoopObj>(a.args[0])->obj;
  if (auto* l = dynamic_cast<loop::Lock*>(o)) return R(vm).wrap(l->acquire());
  if (auto* c = dynamic_cast<loop::Condition*>(o)) return R(vm).wrap(c->acquire());
  if (auto* s = dynamic_cast<loop::Semaphore*>(o)) return R(vm).wrap(s->acquire());
  return vm.raise(vm.t.TypeError, "not a lock");
}
NATIVE(k_release) {
  loop::Object* o = as<LoopObj>(a.args[0])->obj;
  if (auto* l = dynamic_cast<loop::Lock*>(o)) return fromStep(vm, l->release());
  if (auto* c = dynamic_cast<loop::Condition*>(o)) return fromStep(vm, c->release());
  if (auto* s = dynamic_cast<loop::Semaphore*>(o)) return fromStep(vm, s->release());
  return vm.raise(vm.t.TypeError, "not a lock");
}
NATIVE(k_locked) {
  loop::Object* o = as<LoopObj>(a.args[0])->obj;
  if (auto* l = dynamic_cast<loop::Lock*>(o)) return Value::boolean(l->locked());
  if (auto* c = dynamic_cast<loop::Condition*>(o)) return Value::boolean(c->locked());
  if (auto* s = dynamic_cast<loop::Semaphore*>(o)) return Value::boolean(s->locked());
  return Value::boolean(false);
}
NATIVE(k_aenter) { return k_acquire(vm, self, a); }
NATIVE(k_aexit) {
  Value r = k_release(vm, self, a);
  if (r == kError) return kError;
  return ready(vm, Value::none());
}
NATIVE(e_set) {
  target<loop::Event>(a.args[0])->set();
  return Value::none();
}
NATIVE(e_clear) {
  target<loop::Event>(a.args[0])->clear();
  return Value::none();
}
NATIVE(e_is_set) { return Value::boolean(target<loop::Event>(a.args[0])->isSet()); }
NATIVE(e_wait) {
  bindToRunningLoop(R(vm), a.args[0]);
  loop::Object* o = as<LoopObj>(a.args[0])->obj;
  if (auto* e = dynamic_cast<loop::Event*>(o)) return R(vm).wrap(e->wait());
  return R(vm).wrap(dynamic_cast<loop::Condition*>(o)->wait());
}
NATIVE(c_wait_for) { return vm.raise(vm.t.NotImplementedError, "Condition.wait_for is not supported"); }
NATIVE(c_notify) {
  std::size_t n = a.n >= 2 ? static_cast<std::size_t>(intOf(a.args[1])) : 1;
  return fromStep(vm, target<loop::Condition>(a.args[0])->notify(n));
}
NATIVE(c_notify_all) { return fromStep(vm, target<loop::Condition>(a.args[0])->notifyAll()); }

// -- TaskGroup, Timeout --------------------------------------------------------------------

NATIVE(g_aenter) {
  loop::StepResult r = target<loop::TaskGroup>(a.args[0])->enter();
  if (r.kind == loop::StepResult::Raised) return vm.raiseValue(vm.fromLoop(r.value));
  return ready(vm, a.args[0]);
}
NATIVE(g_aexit) {
  Value exc = a.n >= 3 ? a.args[2] : Value::none();
  return R(vm).wrap(target<loop::TaskGroup>(a.args[0])->exit(exc));
}
NATIVE(g_create_task) {
  loop::Coroutine* coro = a.n < 2 ? nullptr : coroutineOf(vm, a.args[1]);
  if (!coro) return a.n < 2 ? vm.raise(vm.t.TypeError, "create_task() missing 1 required positional argument: 'coro'") : kError;
  loop::StepResult r = target<loop::TaskGroup>(a.args[0])->createTask(coro, nameArg(vm, a, 2));
  return fromStep(vm, r);
}
NATIVE(tm_aenter) {
  loop::StepResult r = target<loop::Timeout>(a.args[0])->enter();
  if (r.kind == loop::StepResult::Raised) return vm.raiseValue(vm.fromLoop(r.value));
  return ready(vm, a.args[0]);
}
NATIVE(tm_aexit) {
  Value exc = a.n >= 3 ? a.args[2] : Value::none();
  loop::StepResult r = target<loop::Timeout>(a.args[0])->exit(exc);
  if (r.kind == loop::StepResult::Raised) {
    return Value::object(vm.make<AwaitableObj>(vm.t.awaitable, AwaitableObj::What::Raise, vm.fromLoop(r.value)));
  }
  return ready(vm, Value::boolean(false));
}
NATIVE(tm_when) {
  auto w = target<loop::Timeout>(a.args[0])->when();
  return w ? Value::number(*w) : Value::none();
}
NATIVE(tm_reschedule) {
  bool ok;
  auto w = optDouble(vm, a.n >= 2 ? a.args[1] : Value::none(), ok);
  if (!ok) return kError;
  return fromStep(vm, target<loop::Timeout>(a.args[0])->reschedule(w));
}
NATIVE(tm_expired) { return Value::boolean(target<loop::Timeout>(a.args[0])->expired()); }

// -- handles and the loop object ------------------------------------------------------------

NATIVE(h_cancel) {
  auto* h = target<loop::Handle>(a.args[0]);
  for (auto& l : R(vm).loops) {
    (void)l;
  }
  if (R(vm).runningLoop) R(vm).runningLoop->cancelHandle(h);
  else if (R(vm).currentLoop) R(vm).currentLoop->cancelHandle(h);
  return Value::none();
}
NATIVE(h_cancelled) { return Value::boolean(target<loop::Handle>(a.args[0])->cancelled()); }
NATIVE(h_when) {
  auto* t = target<loop::TimerHandle>(a.args[0]);
  return t ? Value::number(t->when()) : vm.raise(vm.t.AttributeError, "'Handle' object has no attribute 'when'");
}

static loop::EventLoop* L(Value self) { return static_cast<loop::EventLoop*>(as<LoopObj>(self)->ptr); }

NATIVE(l_time) { return Value::number(L(a.args[0])->time()); }
NATIVE(l_call_soon) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "call_soon() missing callback");
  std::vector<Value> args(a.args + 2, a.args + a.n);
  return R(vm).wrap(L(a.args[0])->callSoon(a.args[1], std::move(args)));
}
NATIVE(l_call_later) {
  if (a.n < 3) return vm.raise(vm.t.TypeError, "call_later() missing arguments");
  bool ok;
  auto d = optDouble(vm, a.args[1], ok);
  if (!ok) return kError;
  std::vector<Value> args(a.args + 3, a.args + a.n);
  return R(vm).wrap(L(a.args[0])->callLater(d.value_or(0), a.args[2], std::move(args)));
}
NATIVE(l_call_at) {
  if (a.n < 3) return vm.raise(vm.t.TypeError, "call_at() missing arguments");
  bool ok;
  auto d = optDouble(vm, a.args[1], ok);
  if (!ok) return kError;
  std::vector<Value> args(a.args + 3, a.args + a.n);
  return R(vm).wrap(L(a.args[0])->callAt(d.value_or(0), a.args[2], std::move(args)));
}
NATIVE(l_create_task) {
  loop::Coroutine* coro = a.n < 2 ? nullptr : coroutineOf(vm, a.args[1]);
  if (!coro) return a.n < 2 ? vm.raise(vm.t.TypeError, "create_task() missing 1 required positional argument: 'coro'") : kError;
  return R(vm).wrap(L(a.args[0])->createTask(coro, nameArg(vm, a, 2)));
}
NATIVE(l_create_future) { return R(vm).wrap(L(a.args[0])->createFuture()); }
NATIVE(l_run_until_complete) {
  Runtime& rt = R(vm);
  loop::EventLoop* l = L(a.args[0]);
  if (rt.runningLoop) return vm.raise(vm.t.RuntimeError, "This event loop is already running");
  Value aw = rt.toLoopAwaitable(a.args[0 + 1]);
  if (aw == kNull) return vm.raise(vm.t.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
  loop::Future* fut = l->ensureFuture(aw);
  rt.runningLoop = l;
  loop::EventLoop* saved = rt.currentLoop;
  rt.currentLoop = l;
  std::uint64_t budget = vm.budgetLeft_;
  HiddenFrames hidden(vm, kHiddenUnderRunUntilComplete);
  loop::RunResult r = l->runUntilComplete(fut);
  vm.budgetLeft_ = budget;
  rt.runningLoop = nullptr;
  rt.currentLoop = saved;
  return rt.finishRun(r);
}
NATIVE(l_run_forever) {
  Runtime& rt = R(vm);
  loop::EventLoop* l = L(a.args[0]);
  if (rt.runningLoop) return vm.raise(vm.t.RuntimeError, "This event loop is already running");
  rt.runningLoop = l;
  loop::EventLoop* saved = rt.currentLoop;
  rt.currentLoop = l;
  std::uint64_t budget = vm.budgetLeft_;
  HiddenFrames hidden(vm, kHiddenUnderRunForever);
  loop::RunResult r = l->runForever();
  vm.budgetLeft_ = budget;
  rt.runningLoop = nullptr;
  rt.currentLoop = saved;
  Value v = rt.finishRun(r);
  if (v == kError) return kError;
  return Value::none();
}
NATIVE(l_stop) {
  L(a.args[0])->stop();
  return Value::none();
}
NATIVE(l_is_running) { return Value::boolean(L(a.args[0])->isRunning()); }
NATIVE(l_close) {
  if (R(vm).runningLoop == L(a.args[0])) return vm.raise(vm.t.RuntimeError, "Cannot close a running event loop");
  setLoopFlag(a.args[0], kLoopClosed, true);
  return Value::none();
}
NATIVE(l_is_closed) { return Value::boolean((loopFlags(a.args[0]) & kLoopClosed) != 0); }
// Debug mode is a flag a program can read back; its extra checks and its
// slow-callback warnings are not simulated (docs/python-subset.md).
NATIVE(l_get_debug) { return Value::boolean((loopFlags(a.args[0]) & kLoopDebug) != 0); }
NATIVE(l_set_debug) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "set_debug() missing 1 required positional argument: 'enabled'");
  int on = vm.truthy(a.args[1]);
  if (on < 0) return kError;
  setLoopFlag(a.args[0], kLoopDebug, on == 1);
  return Value::none();
}
NATIVE(s_value) { return vm.newInt(target<loop::Semaphore>(a.args[0])->value()); }

#undef NATIVE

namespace {

TypeObj* wrapperType(VM& vm, const char* name, const char* module,
                     std::initializer_list<std::pair<const char*, NativeFn>> methods) {
  TypeObj* t = vm.newType(name, vm.t.object, module);
  t->instanceKind = Kind::LoopObject;
  for (auto& [n, fn] : methods) vm.addMethod(t, n, fn);
  return t;
}

}  // namespace

void Runtime::installAsyncio() {
  futureT = wrapperType(vm, "Future", "asyncio", {{"done", f_done}, {"cancelled", f_cancelled}, {"result", f_result},
                                                    {"exception", f_exception}, {"cancel", f_cancel},
                                                    {"set_result", f_set_result}, {"set_exception", f_set_exception},
                                                    {"add_done_callback", f_add_done_callback},
                                                    {"remove_done_callback", checked<f_remove_done_callback, ArgStyle::One, 1>},
                                                    {"get_loop", f_get_loop}, {"__repr__", f_repr}});
  futureT->ctor = vm.newNative("Future", c_future);
  taskT = wrapperType(vm, "Task", "asyncio", {{"get_name", t_get_name}, {"set_name", checked<t_set_name, ArgStyle::One, 1>}, {"get_coro", t_get_coro},
                                                {"cancelling", t_cancelling}, {"uncancel", t_uncancel}});
  taskT->base = futureT;
  taskT->mro.insert(taskT->mro.begin() + 1, futureT);
  taskT->ctor = vm.newNative("Task", c_task);
  queueT = wrapperType(vm, "Queue", "asyncio", {{"put", q_put}, {"get", q_get}, {"join", q_join}, {"put_nowait", q_put_nowait},
                                                  {"get_nowait", q_get_nowait}, {"task_done", q_task_done}, {"qsize", q_qsize},
                                                  {"empty", q_empty}, {"full", q_full}});
  auto* maxsizeProp = vm.make<DescriptorObj>(vm.t.property, Kind::Property, vm.newNative("maxsize", q_maxsize));
  maxsizeProp->setter = Value::none();
  queueT->dict->table.set(vm, Value::object(vm.intern("maxsize")), Value::object(maxsizeProp));
  queueT->ctor = vm.newNative("Queue", c_queue);
  priorityQueueT = vm.newType("PriorityQueue", queueT, "asyncio");
  priorityQueueT->instanceKind = Kind::LoopObject;
  priorityQueueT->ctor = vm.newNative("PriorityQueue", c_priority_queue);
  lifoQueueT = vm.newType("LifoQueue", queueT, "asyncio");
  lifoQueueT->instanceKind = Kind::LoopObject;
  lifoQueueT->ctor = vm.newNative("LifoQueue", c_lifo_queue);
  std::initializer_list<std::pair<const char*, NativeFn>> lockMethods = {
      {"acquire", k_acquire}, {"release", k_release}, {"locked", k_locked}, {"__aenter__", k_aenter}, {"__aexit__", k_aexit}};
  lockT = wrapperType(vm, "Lock", "asyncio", lockMethods);
  lockT->ctor = vm.newNative("Lock", c_lock);
  eventT = wrapperType(vm, "Event", "asyncio", {{"set", e_set}, {"clear", e_clear}, {"is_set", e_is_set}, {"wait", e_wait}});
  eventT->ctor = vm.newNative("Event", c_event);
  conditionT = wrapperType(vm, "Condition", "asyncio", lockMethods);
  vm.addMethod(conditionT, "wait", e_wait);
  {
    // Condition.wait_for is plain Python in locks.py; so it is here.
    DictObj* g = vm.newDict();
    vm.addRoot(Value::object(g));
    moduleSet(vm, g, "__name__", vm.newStr("asyncio.locks"));  // for tracebacks through it
    const char* src =
        "async def wait_for(self, predicate):\n"
        "    result = predicate()\n"
        "    while not result:\n"
        "        await self.wait()\n"
        "        result = predicate()\n"
        "    return result\n";
    Value fn = kNull;
    if (execHelperSource(vm, src, "asyncio.locks", g) != kError) {
      std::int64_t i = g->table.find(vm, Value::object(vm.intern("wait_for")));
      if (i >= 0) fn = g->table.entries()[static_cast<std::size_t>(i)].value;
    }
    if (fn != kNull) {
      as<FunctionObj>(fn)->qualname = "Condition.wait_for";
      conditionT->dict->table.set(vm, Value::object(vm.intern("wait_for")), fn);
    } else {
      vm.addMethod(conditionT, "wait_for", c_wait_for);
    }
  }
  vm.addMethod(conditionT, "notify", c_notify);
  vm.addMethod(conditionT, "notify_all", c_notify_all);
  conditionT->ctor = vm.newNative("Condition", c_condition);
  semaphoreT = wrapperType(vm, "Semaphore", "asyncio", lockMethods);
  semaphoreT->ctor = vm.newNative("Semaphore", c_semaphore);
  auto* valueProp = vm.make<DescriptorObj>(vm.t.property, Kind::Property, vm.newNative("_value", s_value));
  valueProp->setter = Value::none();
  semaphoreT->dict->table.set(vm, Value::object(vm.intern("_value")), Value::object(valueProp));
  boundedSemaphoreT = vm.newType("BoundedSemaphore", semaphoreT, "asyncio");
  boundedSemaphoreT->instanceKind = Kind::LoopObject;
  boundedSemaphoreT->ctor = vm.newNative("BoundedSemaphore", c_bounded_semaphore);
  taskGroupT = wrapperType(vm, "TaskGroup", "asyncio", {{"__aenter__", g_aenter}, {"__aexit__", g_aexit}, {"create_task", g_create_task}});
  taskGroupT->ctor = vm.newNative("TaskGroup", c_task_group);
  timeoutT = wrapperType(vm, "Timeout", "asyncio", {{"__aenter__", tm_aenter}, {"__aexit__", tm_aexit}, {"when", tm_when},
                                                      {"reschedule", tm_reschedule}, {"expired", tm_expired}});
  handleT = wrapperType(vm, "Handle", "asyncio", {{"cancel", h_cancel}, {"cancelled", h_cancelled}});
  timerHandleT = vm.newType("TimerHandle", handleT, "asyncio");
  timerHandleT->instanceKind = Kind::LoopObject;
  vm.addMethod(timerHandleT, "when", h_when);
  loopT = wrapperType(vm, "_UnixSelectorEventLoop", "asyncio", {{"time", l_time}, {"call_soon", l_call_soon},
                                                                  {"call_later", l_call_later}, {"call_at", l_call_at},
                                                                  {"create_task", l_create_task},
                                                                  {"create_future", l_create_future},
                                                                  {"run_until_complete", l_run_until_complete},
                                                                  {"run_forever", l_run_forever}, {"stop", l_stop},
                                                                  {"is_running", l_is_running}, {"close", l_close},
                                                                  {"is_closed", l_is_closed},
                                                                  {"get_debug", l_get_debug},
                                                                  {"set_debug", l_set_debug}});
  nativeCoroT = wrapperType(vm, "coroutine", "builtins", {});
  // The runtime keeps these two types in C++ fields only (the others are
  // also in the module's dict): rooted, or a collection before their first
  // instance is made would free them.
  for (TypeObj* t : {loopT, nativeCoroT}) vm.addRoot(Value::object(t));

  DictObj* d = vm.newDict();
  asyncioDict_ = d;
  vm.addRoot(Value::object(d));
  moduleFn(vm, d, "run", a_run);
  moduleFn(vm, d, "create_task", a_create_task);
  moduleFn(vm, d, "sleep", a_sleep);
  moduleFn(vm, d, "gather", a_gather);
  moduleFn(vm, d, "wait", a_wait);
  moduleFn(vm, d, "wait_for", a_wait_for);
  moduleFn(vm, d, "timeout", a_timeout);
  moduleFn(vm, d, "timeout_at", a_timeout_at);
  moduleFn(vm, d, "shield", a_shield);
  moduleFn(vm, d, "as_completed", a_as_completed);
  moduleFn(vm, d, "current_task", a_current_task);
  moduleFn(vm, d, "all_tasks", a_all_tasks);
  moduleFn(vm, d, "ensure_future", a_ensure_future);
  moduleFn(vm, d, "get_running_loop", a_get_running_loop);
  moduleFn(vm, d, "get_event_loop", a_get_event_loop);
  moduleFn(vm, d, "new_event_loop", a_new_event_loop);
  moduleFn(vm, d, "set_event_loop", a_set_event_loop);
  moduleFn(vm, d, "iscoroutine", a_iscoroutine);
  moduleFn(vm, d, "iscoroutinefunction", a_iscoroutinefunction);
  for (TypeObj* t : {futureT, taskT, queueT, priorityQueueT, lifoQueueT, lockT, eventT, conditionT, semaphoreT,
                     boundedSemaphoreT, taskGroupT, timeoutT, handleT, timerHandleT})
    moduleSet(vm, d, t->name.c_str(), Value::object(t));
  moduleSet(vm, d, "CancelledError", Value::object(vm.t.CancelledError));
  moduleSet(vm, d, "TimeoutError", Value::object(vm.t.TimeoutError));
  moduleSet(vm, d, "InvalidStateError", Value::object(vm.t.InvalidStateError));
  moduleSet(vm, d, "QueueEmpty", Value::object(vm.t.QueueEmpty));
  moduleSet(vm, d, "QueueFull", Value::object(vm.t.QueueFull));
  moduleSet(vm, d, "FIRST_COMPLETED", vm.newStr("FIRST_COMPLETED"));
  moduleSet(vm, d, "FIRST_EXCEPTION", vm.newStr("FIRST_EXCEPTION"));
  moduleSet(vm, d, "ALL_COMPLETED", vm.newStr("ALL_COMPLETED"));
  installAsyncioRunner(*this, d);
  installAsyncioUnsupported(*this, d);
  // Python source, run now, as Condition.wait_for's above: if it failed (a
  // broken build), asyncio.Barrier is missing and its tests say so.
  (void)installAsyncioBarrier(*this, d);
}

Value Runtime::makeAsyncio() {
  if (!asyncioDict_) installAsyncio();
  return newModule(vm, "asyncio", asyncioDict_);
}

}  // namespace py
