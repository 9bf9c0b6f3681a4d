// deferred_coroutine.cpp: a native asyncio coroutine whose loop is looked up
// at its first step, as CPython's `async def sleep` does (see the header).
#include "core/py/deferred_coroutine.h"

#include "core/py/runtime.h"

namespace py {

loop::StepResult DeferredCoroutine::send(Value v) {
  if (!inner_) {
    VM& vm = rt_.vm;
    if (closed_) {
      vm.raise(vm.t.RuntimeError, "cannot reuse already awaited coroutine");
      return loop::StepResult::raised(vm.pending);
    }
    loop::EventLoop* l = rt_.requireRunning();
    inner_ = l ? make_(rt_, *l, args_) : nullptr;
    if (!inner_) {
      // The body raised at its first line (no running loop, a bad argument).
      closed_ = true;
      return loop::StepResult::raised(vm.pending);
    }
    args_.clear();
  }
  return inner_->send(v);
}

loop::StepResult DeferredCoroutine::throwIn(Value exc) {
  if (inner_) return inner_->throwIn(exc);
  // Thrown into before it started: it finishes with the exception, as a
  // coroutine that never ran does.
  closed_ = true;
  return loop::StepResult::raised(exc);
}

void DeferredCoroutine::trace(loop::Tracer& t) {
  for (Value v : args_) t.visit(v);
  t.visit(inner_);
}

}  // namespace py
