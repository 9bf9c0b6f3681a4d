// int_constructor.cpp: int()'s argument handling and number conversion, as
// CPython 3.11's long_new_impl and PyNumber_Long do them.
#include "core/py/int_constructor.h"

#include <cmath>
#include <cstdint>

#include "core/py/int_object.h"
#include "core/py/vm.h"

namespace py {

bool intArguments(VM& vm, CallArgs& a, Value& x, Value& base) {
  const int nkw = a.nkw();
  // The checks of _PyArg_UnpackKeywords for `int(x=0, /, base=10)`, in its order.
  if (a.n + nkw > 2) {
    vm.raise(vm.t.TypeError, std::string("int() takes at most 2 ") + (a.n == 0 ? "keyword " : "") +
                                 "arguments (" + std::to_string(a.n + nkw) + " given)");
    return false;
  }
  x = a.n >= 1 ? a.args[0] : kNull;
  base = a.n >= 2 ? a.args[1] : kNull;
  for (int i = 0; i < nkw; ++i) {
    const std::string& name = (*a.kwnames)[static_cast<std::size_t>(i)]->s;
    // `x` is positional-only: by name it is as unknown as any other word.
    if (name != "base") {
      vm.raise(vm.t.TypeError, "'" + name + "' is an invalid keyword argument for int()");
      return false;
    }
    base = a.kwvalues[i];  // a.n < 2 here: three arguments were refused above
  }
  return true;
}

namespace {

// obj.__index__() as an int, or kError with CPython's TypeError.
Value indexOf(VM& vm, Value v) {
  if (isInt(v)) return v;
  Value m = vm.lookupType(vm.typeOf(v), vm.intern("__index__"));
  if (m == kNull)
    return vm.raise(vm.t.TypeError, "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
  Value r = vm.call(m, {v});
  if (r == kError) return kError;
  if (!isInt(r)) return vm.raise(vm.t.TypeError, "__index__ returned non-int (type " + vm.typeName(r) + ")");
  return r;
}

}  // namespace

bool intBase(VM& vm, Value base, int& out) {
  Value b = indexOf(vm, base);
  if (b == kError) return false;
  // PyNumber_AsSsize_t clamps a huge base; any such base is out of range anyway.
  const rt::BigInt big = toBig(b);
  const std::int64_t value = big.fitsInt64() ? big.toInt64() : -1;
  if (value < 0 || value == 1 || value > 36) {
    vm.raise(vm.t.ValueError, "int() base must be >= 2 and <= 36, or 0");
    return false;
  }
  out = static_cast<int>(value);
  return true;
}

Value intFromNumber(VM& vm, Value x) {
  if (isInt(x)) return x.isBool() ? Value::smallInt(x.asBool() ? 1 : 0) : x;
  if (x.isNumber()) {
    const double d = x.asNumber();
    if (std::isnan(d)) return vm.raise(vm.t.ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d)) return vm.raise(vm.t.OverflowError, "cannot convert float infinity to integer");
    return makeInt(vm, rt::BigInt::fromDouble(d));
  }
  Value m = vm.lookupType(vm.typeOf(x), vm.intern("__int__"));
  if (m != kNull) {
    Value r = vm.call(m, {x});
    if (r == kError) return kError;
    if (!isInt(r)) return vm.raise(vm.t.TypeError, "__int__ returned non-int (type " + vm.typeName(r) + ")");
    return r;
  }
  if (vm.lookupType(vm.typeOf(x), vm.intern("__index__")) != kNull) return indexOf(vm, x);
  return vm.raise(
      vm.t.TypeError,
      "int() argument must be a string, a bytes-like object or a real number, not '" + vm.typeName(x) + "'");
}

std::string invalidIntLiteral(int base, const std::string& literalRepr) {
  // 200 code points of the repr (UTF-8: count the bytes that start one).
  std::size_t end = 0;
  int points = 0;
  while (end < literalRepr.size()) {
    if ((static_cast<unsigned char>(literalRepr[end]) & 0xC0) != 0x80 && points++ == 200) break;
    ++end;
  }
  return "invalid literal for int() with base " + std::to_string(base) + ": " + literalRepr.substr(0, end);
}

}  // namespace py
