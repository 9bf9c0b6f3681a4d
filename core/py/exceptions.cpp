// exceptions.cpp: the builtin exception hierarchy's constructors and
// methods (BaseException.__init__, with_traceback, ExceptionGroup).
#include "core/py/vm.h"

namespace py {

namespace {

Value newExc(VM& vm, NativeObj* self, CallArgs& a) {
  auto* type = as<TypeObj>(self->data);
  if (type->isSubtypeOf(vm.t.BaseExceptionGroup)) {
    if (a.n != 2) return vm.raise(vm.t.TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (" + std::to_string(a.n) + " given)");
    std::vector<Value> excs;
    if (!vm.toVector(a.args[1], excs)) return kError;
    if (excs.empty()) return vm.raise(vm.t.ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool allExceptions = true;
    for (Value e : excs) {
      if (!vm.isInstance(e, vm.t.BaseException))
        return vm.raise(vm.t.ValueError, "Item 0 of second argument (exceptions) is not an exception");
      if (!vm.isInstance(e, vm.t.Exception)) allExceptions = false;
    }
    TypeObj* actual = type;
    if (type == vm.t.BaseExceptionGroup && allExceptions) actual = vm.t.ExceptionGroup;
    if (type == vm.t.ExceptionGroup && !allExceptions)
      return vm.raise(vm.t.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    auto* e = vm.newException(actual, {a.args[0], vm.newList(excs)});
    e->groupExceptions = excs;
    return Value::object(e);
  }
  return Value::object(vm.newException(type, std::vector<Value>(a.args, a.args + a.n)));
}

Value excInit(VM& vm, NativeObj*, CallArgs& a) {
  if (!isKind(a.args[0], Kind::Exception)) return Value::none();
  as<ExceptionObj>(a.args[0])->args = vm.newTuple(std::vector<Value>(a.args + 1, a.args + a.n));
  return Value::none();
}

Value excWithTraceback(VM&, NativeObj*, CallArgs& a) { return a.args[0]; }

Value excStr(VM& vm, NativeObj*, CallArgs& a) {
  auto* e = as<ExceptionObj>(a.args[0]);
  auto& args = as<TupleObj>(e->args)->items;
  if (args.empty()) return vm.newStr("");
  if (args.size() == 1) return vm.str(args[0]);
  return vm.repr(e->args);
}

Value excRepr(VM& vm, NativeObj*, CallArgs& a) {
  auto* e = as<ExceptionObj>(a.args[0]);
  std::string inner = vm.reprOf(e->args);
  auto& args = as<TupleObj>(e->args)->items;
  if (args.size() == 1) inner = vm.reprOf(args[0]);
  else inner = inner.substr(1, inner.size() - 2);
  return vm.newStr(e->cls->name + "(" + inner + ")");
}

}  // namespace

void installExceptions(VM& vm) {
  Value ctor = vm.newNative("exception", newExc);
  TypeObj* all[] = {vm.t.BaseException, vm.t.Exception, vm.t.ArithmeticError, vm.t.ZeroDivisionError,
                    vm.t.OverflowError, vm.t.LookupError, vm.t.IndexError, vm.t.KeyError, vm.t.ValueError,
                    vm.t.TypeError, vm.t.NameError, vm.t.UnboundLocalError, vm.t.AttributeError,
                    vm.t.RuntimeError, vm.t.RecursionError, vm.t.NotImplementedError, vm.t.StopIteration,
                    vm.t.StopAsyncIteration, vm.t.AssertionError, vm.t.MemoryError, vm.t.ImportError,
                    vm.t.ModuleNotFoundError, vm.t.TimeoutError, vm.t.GeneratorExit, vm.t.KeyboardInterrupt,
                    vm.t.SystemExit, vm.t.BaseExceptionGroup, vm.t.ExceptionGroup, vm.t.CancelledError,
                    vm.t.InvalidStateError, vm.t.QueueEmpty, vm.t.QueueFull, vm.t.OSError, vm.t.UnicodeError,
                    vm.t.SyntaxError};
  for (TypeObj* t : all) {
    t->ctor = ctor;
    if (t->module == "builtins") vm.builtins->table.set(vm, Value::object(vm.intern(t->name)), Value::object(t));
  }
  vm.builtins->table.set(vm, Value::object(vm.intern("EnvironmentError")), Value::object(vm.t.OSError));
  vm.builtins->table.set(vm, Value::object(vm.intern("IOError")), Value::object(vm.t.OSError));
  vm.addMethod(vm.t.BaseException, "__init__", excInit);
  vm.addMethod(vm.t.BaseException, "with_traceback", excWithTraceback);
  vm.addMethod(vm.t.BaseException, "__str__", excStr);
  vm.addMethod(vm.t.BaseException, "__repr__", excRepr);
}

}  // namespace py
