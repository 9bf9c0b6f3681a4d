// mro.h: the method resolution order of a class with several bases.
#pragma once

#include <vector>

#include "core/py/object.h"

namespace py {

class VM;

// CPython's C3 linearisation of a new class `ty` over `bases` (as written
// in the class statement): ty first, then the merge of the bases' MROs and
// the bases list. Fills ty->mro; on failure raises CPython's TypeError
// ("duplicate base class A", "Cannot create a consistent method
// resolution\norder (MRO) for bases A, B") and returns false.
bool computeMro(VM& vm, TypeObj* ty, const std::vector<TypeObj*>& bases);

}  // namespace py
