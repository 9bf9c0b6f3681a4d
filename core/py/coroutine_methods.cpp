// coroutine_methods.cpp: coroutine.send(), throw() and close().
#include "core/py/coroutine_methods.h"

#include <string>

#include "core/py/vm.h"

namespace py {

namespace {

// One step by hand. The step resets the per-step instruction budget; the
// caller's own budget (module code's is larger) is restored after it.
loop::StepResult stepByHand(VM& vm, GeneratorObj* g, Value v, bool isThrow) {
  const std::uint64_t budget = vm.budgetLeft_;
  loop::StepResult r = vm.stepCoroutine(g, v, isThrow);
  vm.budgetLeft_ = budget;
  return r;
}

// What send() and throw() give: the value the coroutine yields (the future it
// waits on, or None for a bare yield), StopIteration with its return value,
// or the exception it raised.
Value stepValue(VM& vm, const loop::StepResult& r) {
  switch (r.kind) {
    case loop::StepResult::Yielded:
      return vm.fromLoop(r.value);
    case loop::StepResult::Raised:
      return vm.raiseValue(vm.fromLoop(r.value));
    case loop::StepResult::Returned:
      break;
  }
  Value result = vm.fromLoop(r.value);
  vm.pending = Value::object(vm.newException(
      vm.t.StopIteration, result.isNone() ? std::vector<Value>{} : std::vector<Value>{result}));
  return kError;
}

Value coSend(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n != 2)
    return vm.raise(vm.t.TypeError,
                    "coroutine.send() takes exactly one argument (" + std::to_string(a.n - 1) + " given)");
  auto* g = as<GeneratorObj>(a.args[0]);
  if (g->state == GeneratorObj::State::Created && !a.args[1].isNone())
    return vm.raise(vm.t.TypeError, "can't send non-None value to a just-started coroutine");
  return stepValue(vm, stepByHand(vm, g, a.args[1], false));
}

Value coThrow(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "throw expected at least 1 argument, got 0");
  Value e = vm.makeRaisable(a.args[1]);
  if (e == kError) return kError;
  return stepValue(vm, stepByHand(vm, as<GeneratorObj>(a.args[0]), e, true));
}

Value coClose(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n != 1)
    return vm.raise(vm.t.TypeError,
                    "coroutine.close() takes no arguments (" + std::to_string(a.n - 1) + " given)");
  auto* g = as<GeneratorObj>(a.args[0]);
  if (g->state != GeneratorObj::State::Suspended) {
    // Never started (closing it is not forgetting to await it) or finished.
    if (g->state == GeneratorObj::State::Created) g->awaited = true;
    if (g->state != GeneratorObj::State::Running) g->state = GeneratorObj::State::Done;
    return Value::none();
  }
  loop::StepResult r = stepByHand(vm, g, Value::object(vm.newException(vm.t.GeneratorExit, {})), true);
  if (r.kind == loop::StepResult::Yielded)
    return vm.raise(vm.t.RuntimeError, "coroutine ignored GeneratorExit");
  if (r.kind == loop::StepResult::Raised) {
    Value e = vm.fromLoop(r.value);
    if (!vm.isInstance(e, vm.t.GeneratorExit) && !vm.isInstance(e, vm.t.StopIteration))
      return vm.raiseValue(e);
  }
  return Value::none();
}

}  // namespace

void installCoroutineMethods(VM& vm) {
  vm.addMethod(vm.t.coroutine, "send", coSend);
  vm.addMethod(vm.t.coroutine, "throw", coThrow);
  vm.addMethod(vm.t.coroutine, "close", coClose);
}

}  // namespace py
