// async_generator.cpp: asend(), athrow() and aclose() of async generators.
#include "core/py/async_generator.h"

#include <string>

#include "core/py/vm.h"

namespace py {

namespace {

Value step(VM& vm, AwaitableObj::What what, Value gen, Value arg) {
  auto* aw = vm.make<AwaitableObj>(vm.t.awaitable, what, gen);
  aw->arg = arg;
  return Value::object(aw);
}

// CPython checks athrow()'s arguments only when the awaitable is first
// awaited: an error here is an awaitable that raises it.
Value raiseWhenAwaited(VM& vm) {
  return Value::object(vm.make<AwaitableObj>(vm.t.awaitable, AwaitableObj::What::Raise, vm.pending));
}

// athrow(typ[, val[, tb]]): the exception, as generator.throw builds it.
Value thrownException(VM& vm, CallArgs& a) {
  const int n = a.n - 1;  // without self
  if (n < 1) return vm.raise(vm.t.TypeError, "athrow expected at least 1 argument, got 0");
  if (n > 3) return vm.raise(vm.t.TypeError, "athrow expected at most 3 arguments, got " + std::to_string(n));
  if (n == 3 && !a.args[3].isNone())
    return vm.raise(vm.t.TypeError, "throw() third argument must be a traceback object");
  Value typ = a.args[1];
  Value val = n >= 2 ? a.args[2] : Value::none();
  if (isKind(typ, Kind::Type) && as<TypeObj>(typ)->isException) {
    if (val.isNone()) return vm.call(typ, nullptr, 0);
    if (isKind(val, Kind::Tuple)) {
      auto& items = as<TupleObj>(val)->items;
      return vm.call(typ, items.data(), static_cast<int>(items.size()));
    }
    return vm.call(typ, &val, 1);
  }
  if (isKind(typ, Kind::Exception)) {
    if (!val.isNone()) return vm.raise(vm.t.TypeError, "instance exception may not have a separate value");
    return typ;
  }
  return vm.raise(
      vm.t.TypeError,
      "exceptions must be classes or instances deriving from BaseException, not " + vm.typeName(typ));
}

Value agAsend(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n != 2)
    return vm.raise(vm.t.TypeError, "async_generator.asend() takes exactly one argument (" +
                                        std::to_string(a.n - 1) + " given)");
  return step(vm, AwaitableObj::What::ASend, a.args[0], a.args[1]);
}

Value agAthrow(VM& vm, NativeObj*, CallArgs& a) {
  Value e = thrownException(vm, a);
  if (e == kError) return raiseWhenAwaited(vm);
  return step(vm, AwaitableObj::What::AThrow, a.args[0], e);
}

Value agAclose(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n != 1)
    return vm.raise(vm.t.TypeError,
                    "async_generator.aclose() takes no arguments (" + std::to_string(a.n - 1) + " given)");
  return step(vm, AwaitableObj::What::AClose, a.args[0],
              Value::object(vm.newException(vm.t.GeneratorExit, {})));
}

}  // namespace

void installAsyncGenerator(VM& vm) {
  vm.addMethod(vm.t.asyncGenerator, "asend", agAsend);
  vm.addMethod(vm.t.asyncGenerator, "athrow", agAthrow);
  vm.addMethod(vm.t.asyncGenerator, "aclose", agAclose);
}

}  // namespace py
