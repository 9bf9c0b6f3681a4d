// Python's text for floats: repr(float) (== str(float) in 3.11) and
// format(float, spec) for the types e E f F g G n % and none, digit for
// digit as CPython 3.11's PyOS_double_to_string and formatter produce them.
#pragma once

#include <string>
#include <string_view>

#include "core/py/runtime/format_spec.h"

namespace py::rt {

// repr(x): shortest round-tripping digits; exponent form when the decimal
// exponent is < -4 or >= 16 ("1e-05", "1e+16"), else fixed with ".0" for
// integral values; "inf", "-inf", "nan", "-0.0".
std::string floatRepr(double x);

// format(x, spec); an empty spec gives repr(x).
FormatResult formatFloat(double x, std::string_view spec);
// The same with an already parsed spec (format(int, 'f') converts first).
FormatResult formatFloat(double x, const FormatSpec& spec);

}  // namespace py::rt
