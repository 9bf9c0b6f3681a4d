// match_support.h: the natives the lowered `match` statement calls
// (match_support.cpp), installed with the builtins.
#pragma once

#include "core/py/vm.h"

namespace py {

// Registers $match_seq, $match_map, $match_rest and $match_class.
void installMatchSupport(VM& vm);

}  // namespace py
