// Python float arithmetic that C++ does not give for free: round() with
// CPython's correctly rounded decimal rounding (round(2.675, 2) == 2.67),
// floor division / modulo / divmod with Python's signs, float(str) parsing,
// int(float), hash(float) and is_integer(). Errors come back as CPython's
// exception type and message for the VM to raise.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/py/runtime/bigint.h"

namespace py::rt {

struct RtError {
    std::string type;  // "ValueError", "OverflowError", "ZeroDivisionError"
    std::string message;
};

// round(x, ndigits) -> float. OverflowError "rounded value too large to
// represent" when the rounded value does not fit a double.
std::optional<double> roundFloat(double x, int64_t ndigits, RtError& error);
// round(x) -> int (half to even); inf/nan errors as int(float).
std::optional<BigInt> roundFloatToInt(double x, RtError& error);
// int(x): truncation toward zero.
std::optional<BigInt> floatToInt(double x, RtError& error);

// x // y, x % y, divmod(x, y) for floats (ZeroDivisionError when y == 0).
std::optional<double> floatFloorDiv(double x, double y, RtError& error);
std::optional<double> floatMod(double x, double y, RtError& error);
bool floatDivmod(double x, double y, double& quotient, double& remainder, RtError& error);

// x ** y for floats as float_pow does it: 0.0 ** negative is
// ZeroDivisionError "0.0 cannot be raised to a negative power", overflow is
// OverflowError "(34, 'Numerical result out of range')". A negative base
// with a fractional exponent has a complex result in CPython; that comes
// back as error type "ComplexResult" for the VM to decide.
std::optional<double> floatPow(double x, double y, RtError& error);

// float(text) once non-ASCII digits and spaces are ASCII (unicode_digits.h):
// whitespace, sign, decimal literal with underscores between
// digits, "inf"/"infinity"/"nan" in any case. nullopt means ValueError
// "could not convert string to float: <repr of text>".
std::optional<double> parseFloat(std::string_view text);

// hash(x) for a finite or infinite float (nan hashes by identity in 3.11,
// so the VM handles it).
int64_t floatHash(double x);

bool floatIsInteger(double x);

}  // namespace py::rt
