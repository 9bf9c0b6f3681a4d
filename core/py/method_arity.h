// method_arity.h: how many positional arguments a built-in method takes, and
// the TypeError CPython gives when a call has the wrong number.
//
// The method tables of str, list, dict, set and tuple wrap each method as
// `checked<fn, style, lo, hi>`, so a method body can index its arguments
// without counting them first (a missing count used to read past the
// arguments). CPython words the error by how the method parses its
// arguments, so the style is part of the declaration:
//   NoArgs   list.clear() takes no arguments (1 given)
//   One      list.append() takes exactly one argument (0 given)
//   Clinic   pop expected at most 1 argument, got 2
//            insert expected 2 arguments, got 1
//   Classic  find() takes at least 1 argument (0 given)
//   Any      no limit (set.union(*others), str.format)
// Counts exclude the receiver.
#pragma once

#include "core/py/vm.h"

namespace py {

enum class ArgStyle { NoArgs, One, Clinic, Classic, Any };

// True when `given` positional arguments fit; otherwise raises CPython's
// TypeError for `self` (named "type.method" where CPython says so).
bool methodArityFits(VM& vm, const NativeObj* self, int given, ArgStyle style, int lo, int hi);

// An argument used as an index (list.pop(i), list.insert(i, x), ...): an int
// or bool; anything else raises CPython's TypeError.
bool indexArg(VM& vm, Value v, std::int64_t& out);
// A start/stop bound (list.index(x, start, stop)): CPython's wording differs.
bool sliceIndexArg(VM& vm, Value v, std::int64_t& out);

template <NativeFn F, ArgStyle S, int Lo = 0, int Hi = Lo>
Value checked(VM& vm, NativeObj* self, CallArgs& a) {
  if (!methodArityFits(vm, self, a.n - 1, S, Lo, Hi)) return kError;
  return F(vm, self, a);
}

}  // namespace py
