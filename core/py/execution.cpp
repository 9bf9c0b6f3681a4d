// execution.cpp: running module code, stepping coroutines for the loop's
// Task (the loop::Coroutine face of a Python coroutine), imports, and the
// GC safe point.
#include "core/loop/future.h"
#include "core/py/vm.h"

namespace py {

RunResult VM::runModule(CodeObj* code, DictObj* globals) {
  auto* fn = make<FunctionObj>(t.function, code, globals);
  fn->name = "<module>";
  fn->qualname = "<module>";
  addRoot(Value::object(fn));
  Frame* f = newFrame(fn, nullptr, 0, nullptr);
  f->localsDict = nullptr;
  f->mode = FrameMode::Top;
  // Module code runs outside any task step: it may compute for a while
  // (fib(30) is ~20M instructions) but a runaway loop must still stop.
  budgetLeft_ = instructionBudget > UINT64_MAX / 100 ? UINT64_MAX : instructionBudget * 100;
  RunResult r = run(f, f, Value::none(), false, nullptr);
  return r;
}

bool VM::chargeWork(std::uint64_t instructions) {
  if (instructions < budgetLeft_) {
    budgetLeft_ -= instructions;
    return true;
  }
  // The same stop as the interpreter's own budget check (interpreter.cpp,
  // `budget:`): nothing catches it, the run ends with status 2.
  budgetLeft_ = 1;
  if (!budgetExceeded) {
    budgetExceeded = true;
    budgetByWork = true;
    budgetLine = currentFrame ? currentFrame->line() : 0;
  }
  raise(t.BaseException, "instruction budget exceeded");
  return false;
}

CoroAdapter* VM::adapterFor(GeneratorObj* coro) {
  if (!coro->adapter) coro->adapter = heap.make<CoroAdapter>(*this, coro);
  return coro->adapter;
}

loop::StepResult VM::stepCoroutine(GeneratorObj* coro, Value v, bool isThrow) {
  if (coro->state == GeneratorObj::State::Done) {
    raise(t.RuntimeError, "cannot reuse already awaited coroutine");
    return loop::StepResult::raised(pending);
  }
  if (coro->state == GeneratorObj::State::Running) {
    raise(t.RuntimeError, "coroutine is being awaited already");
    return loop::StepResult::raised(pending);
  }
  coro->awaited = true;
  Frame* root = coro->frame;
  Frame* start = coro->leaf ? coro->leaf : root;
  root->mode = FrameMode::Top;
  root->parent = nullptr;
  coro->state = GeneratorObj::State::Running;
  coro->leaf = nullptr;
  budgetLeft_ = instructionBudget;
  Frame* leaf = nullptr;
  RunResult r = run(start, root, v, isThrow, &leaf);
  switch (r.kind) {
    case RunResult::Suspended:
      coro->state = GeneratorObj::State::Suspended;
      coro->leaf = leaf == root ? nullptr : leaf;
      return loop::StepResult::yielded(r.value);
    case RunResult::Returned:
      return loop::StepResult::returned(r.value);
    case RunResult::Raised:
      if (budgetExceeded && onBudget) {
        onBudget("task blocked the event loop for " + std::to_string(instructionBudget) + " instructions at line " +
                 std::to_string(budgetLine));
      }
      return loop::StepResult::raised(r.value);
    case RunResult::Yielded:
      // A bare yield inside a coroutine (not reachable from async def code).
      coro->state = GeneratorObj::State::Suspended;
      return loop::StepResult::yielded(Value::none());
  }
  return loop::StepResult::returned();
}

loop::StepResult CoroAdapter::send(Value v) { return vm_->stepCoroutine(coro, v, false); }
loop::StepResult CoroAdapter::throwIn(Value exc) { return vm_->stepCoroutine(coro, vm_->fromLoop(exc), true); }
int CoroAdapter::line() const {
  Frame* f = coro->leaf ? coro->leaf : coro->frame;
  if (!f) return 0;
  // The root frame's line, where the task itself is (its own code).
  Frame* root = coro->frame;
  return root ? root->line() : f->line();
}

Value VM::importModule(const std::string& name) {
  Value key = newStr(name);
  std::int64_t i = modules->table.find(*this, key);
  if (i >= 0) return modules->table.entries()[static_cast<std::size_t>(i)].value;
  Value m = moduleFactory ? moduleFactory(name) : kNull;
  if (m == kError) return kError;
  if (m == kNull) {
    std::string top = name.substr(0, name.find('.'));
    raise(t.ModuleNotFoundError, "No module named '" + (name.find('.') != std::string::npos && top != name ? name : name) + "'");
    return kError;
  }
  modules->table.set(*this, key, m);
  return m;
}

void VM::collectNow() {
  if (heap.liveBytes() > memoryBudget) return;
  heap.collect();
}

Value VM::wrapLoop(loop::Object* o) {
  if (!o) return Value::none();
  auto it = wrappers.find(o);
  if (it != wrappers.end()) return Value::object(it->second);
  if (!loopWrapper) return raise(t.RuntimeError, "no event loop binding");
  return loopWrapper(o);
}

Value VM::fromLoop(Value v) {
  if (!v.isObject()) return v;
  loop::Object* o = v.asObject();
  if (o->objectClass() == loop::ObjectClass::HostValue) return v;
  if (o->objectClass() == loop::ObjectClass::HostCoroutine)
    return Value::object(static_cast<CoroAdapter*>(o)->coro);
  return wrapLoop(o);
}

}  // namespace py
