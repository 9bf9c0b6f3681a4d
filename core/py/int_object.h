// int_object.h: Python ints beyond the 48-bit small-int range.
//
// Small ints live unboxed in the Value; an operation that overflows them
// moves to a BigIntObj (runtime/bigint.h) and results that fit again are
// normalised back, so a Value holds a BigIntObj only when it must.
#pragma once

#include "core/py/object.h"
#include "core/py/runtime/bigint.h"

namespace py {

class VM;

class BigIntObj : public PyObj {
 public:
  BigIntObj(TypeObj* t, rt::BigInt v) : PyObj(t, Kind::BigInt), value(std::move(v)) {}
  std::size_t extraBytes() const override { return value.limbs().capacity() * 4; }
  rt::BigInt value;
};

// Normalised: a small int when it fits.
Value makeInt(VM& vm, const rt::BigInt& v);
inline bool isInt(Value v) { return v.isSmallInt() || v.isBool() || isKind(v, Kind::BigInt); }
rt::BigInt toBig(Value v);  // precondition: isInt(v)
// Arithmetic on ints (either representation); op is a BinOpKind. kError on failure.
Value intBinary(VM& vm, int op, Value a, Value b);
int intCompare(Value a, Value b);  // -1, 0, 1
double intToDouble(Value v, bool& overflow);
std::string intToString(Value v);

}  // namespace py
