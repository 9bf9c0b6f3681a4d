// format.h: number formatting for trace labels and diagnostics, as Python's repr.
#pragma once

#include <string>

namespace loop {

// repr(float): shortest round-trip digits, ".0" for integral values.
std::string floatRepr(double d);

}  // namespace loop
