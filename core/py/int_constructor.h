// int_constructor.h: the pieces of int(x=0, /, base=10) that mirror CPython's
// long_new (Objects/longobject.c) and its argument clinic: which arguments
// are accepted and with which errors, how `base` is read, and how a number
// or an object with __int__ / __index__ becomes an int. builtins.cpp's c_int
// puts them together with the string parsing.
#pragma once

#include <string>

#include "core/py/callables.h"

namespace py {

class VM;

// Splits int()'s arguments: x (positional only) and base (positional or
// named). Either is kNull when absent. False, with CPython's TypeError
// raised, for too many arguments or a keyword other than `base`.
bool intArguments(VM& vm, CallArgs& a, Value& x, Value& base);

// The base as an int through __index__, checked to be 0 or 2..36. False
// with the TypeError / ValueError raised otherwise.
bool intBase(VM& vm, Value base, int& out);

// int(x) for anything but str and bytes: an int itself, a float truncated,
// then __int__, then __index__; the TypeError CPython raises otherwise.
Value intFromNumber(VM& vm, Value x);

// The "invalid literal for int() with base B: ..." message: CPython cuts the
// literal's repr to 200 characters (%.200R).
std::string invalidIntLiteral(int base, const std::string& literalRepr);

}  // namespace py
