// asyncgen_hooks.cpp: what asyncio's async generator hooks do for a
// generator an `async for` abandoned (base_events.py, 3.11).
//
// CPython's loop installs sys.set_asyncgen_hooks while it runs: firstiter
// remembers every async generator that starts (loop._asyncgens), and the
// finalizer, called when refcounting frees an unfinished one, runs
// `call_soon_threadsafe(create_task, agen.aclose())`, so its `finally` and
// `async with` exits run two loop iterations later. asyncio.run ends with
// shutdown_asyncgens(): aclose() for every one still alive. Our collector
// does not free at the last reference, so the VM reports the one drop it can
// see exactly (POP_AITER: `async for x in agen():` left by break or return)
// and the run's end closes the others (docs/python-subset.md says so).
#include "core/loop/gather.h"
#include "core/py/runtime.h"

namespace py {

namespace {

// `async def aclose(agen): await agen.aclose()`: the coroutine the task
// drives, so that the loop steps it like CPython's task over the awaitable.
const char* const kAcloseSource =
    "async def aclose(agen):\n"
    "    await agen.aclose()\n";

// The handle's callback, loop.create_task(agen.aclose()).
void createAcloseTask(loop::EventLoop& l, loop::Object*, Value agen) {
  auto* rt = dynamic_cast<Runtime*>(&l.host());
  if (!rt) return;
  loop::Coroutine* c = rt->acloseCoroutine(agen);
  if (c) l.createTask(c);
}

}  // namespace

loop::Coroutine* Runtime::acloseCoroutine(Value agen) {
  if (acloseFn_ == kNull) {
    DictObj* g = vm.newDict();
    vm.addRoot(Value::object(g));
    if (execHelperSource(vm, kAcloseSource, "asyncio.base_events", g) == kError) return nullptr;
    std::int64_t i = g->table.find(vm, Value::object(vm.intern("aclose")));
    if (i < 0) return nullptr;
    acloseFn_ = g->table.entries()[static_cast<std::size_t>(i)].value;
  }
  Value coro = vm.call(acloseFn_, &agen, 1);
  if (!isKind(coro, Kind::Coroutine)) return nullptr;
  as<GeneratorObj>(coro)->awaited = true;
  return vm.adapterFor(as<GeneratorObj>(coro));
}

void Runtime::asyncGenStarted(Value agen) {
  if (!runningLoop) return;  // the hooks are the running loop's
  if (!asyncGens_) {
    asyncGens_ = as<ListObj>(vm.newList());
    vm.addRoot(Value::object(asyncGens_));
  }
  auto& items = asyncGens_->items;
  if (asyncGensLoop_ != runningLoop) {
    // Each loop has its own set; only asyncio.run's loop shuts its set down.
    items.clear();
    asyncGensLoop_ = runningLoop;
  }
  if (items.size() >= 64 && (items.size() & (items.size() - 1)) == 0) {
    // Forget the finished ones now and then, as the WeakSet would.
    std::erase_if(items, [](Value v) { return as<GeneratorObj>(v)->state == GeneratorObj::State::Done; });
  }
  items.push_back(agen);
}

bool Runtime::asyncGenDropped(Value agen) {
  if (!runningLoop) return true;
  if (asyncGens_) std::erase(asyncGens_->items, agen);  // _asyncgens.discard(agen)
  runningLoop->callSoon(&createAcloseTask, nullptr, agen, trace::HandleKind::Callback,
                        runningLoop->tracing() ? "BaseEventLoop.create_task" : "");
  return true;
}

// Called by asyncio.run after its shutdown, the loop still running.
loop::RunResult Runtime::shutdownAsyncGens(loop::EventLoop& l) {
  std::vector<Value> tasks;
  if (asyncGens_ && asyncGensLoop_ == &l) {
    std::vector<Value> open;
    for (Value v : asyncGens_->items) {
      auto* g = as<GeneratorObj>(v);
      if (g->state != GeneratorObj::State::Done && !g->agenClosed) open.push_back(v);
    }
    asyncGens_->items.clear();
    for (Value v : open) {
      loop::Coroutine* c = acloseCoroutine(v);
      if (c) tasks.push_back(Value::object(l.createTask(c)));
    }
  }
  if (tasks.empty()) return loop::RunResult{};
  return l.runUntilComplete(loop::gather(l, tasks, true));
}

}  // namespace py
