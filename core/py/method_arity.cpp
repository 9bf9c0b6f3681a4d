// method_arity.cpp: CPython's wording for a built-in method called with the
// wrong number of arguments (see method_arity.h).
#include "core/py/method_arity.h"

#include <string>

namespace py {

namespace {

std::string plural(int n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); }

}  // namespace

bool methodArityFits(VM& vm, const NativeObj* self, int given, ArgStyle style, int lo, int hi) {
  if (style == ArgStyle::Any || (given >= lo && given <= hi)) return true;
  const std::string qualified = (self->owner ? self->owner->name + "." : std::string()) + self->name + "()";
  const std::string got = std::to_string(given);
  std::string msg;
  switch (style) {
    case ArgStyle::NoArgs: msg = qualified + " takes no arguments (" + got + " given)"; break;
    case ArgStyle::One: msg = qualified + " takes exactly one argument (" + got + " given)"; break;
    case ArgStyle::Clinic:
      if (lo == hi)
        msg = self->name + " expected " + plural(lo) + ", got " + got;
      else if (given < lo)
        msg = self->name + " expected at least " + plural(lo) + ", got " + got;
      else
        msg = self->name + " expected at most " + plural(hi) + ", got " + got;
      break;
    case ArgStyle::Classic:
      msg = self->name + "() takes at " + (given < lo ? "least " + plural(lo) : "most " + plural(hi)) + " (" + got +
            " given)";
      break;
    case ArgStyle::Any: break;
  }
  vm.raise(vm.t.TypeError, msg);
  return false;
}

bool indexArg(VM& vm, Value v, std::int64_t& out) {
  if (isIntLike(v)) {
    out = intOf(v);
    return true;
  }
  if (isKind(v, Kind::BigInt)) {
    vm.raise(vm.t.IndexError, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  vm.raise(vm.t.TypeError, "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
  return false;
}

bool sliceIndexArg(VM& vm, Value v, std::int64_t& out) {
  if (isIntLike(v)) {
    out = intOf(v);
    return true;
  }
  vm.raise(vm.t.TypeError, "slice indices must be integers or have an __index__ method");
  return false;
}

}  // namespace py
