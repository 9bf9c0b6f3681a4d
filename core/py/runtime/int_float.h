// Where ints meet floats, exactly as CPython 3.11 does it: int / int
// correctly rounded (long_true_divide, so 10**400 / 10**399 == 10.0 and no
// double rounding past 2**53), int-vs-float comparison without converting
// the int (2**53 + 1 != 2.0**53), and round(int, ndigits).
#pragma once

#include <cstdint>

#include "core/py/runtime/bigint.h"

namespace py::rt {

enum class TrueDivideStatus { Ok, ZeroDivision, Overflow };

// a / b for ints. ZeroDivision: ZeroDivisionError "division by zero";
// Overflow: OverflowError "integer division result too large for a float".
TrueDivideStatus intTrueDivide(const BigInt& a, const BigInt& b, double& out);

// Sign of (a - x) for int a and float x: -1, 0, 1; 2 when x is NaN (every
// comparison is then False except !=).
int compareIntDouble(const BigInt& a, double x);

// round(a, ndigits) for an int: a itself when ndigits >= 0, else rounded
// half to even to a multiple of 10**-ndigits.
BigInt roundInt(const BigInt& a, int64_t ndigits);

}  // namespace py::rt
