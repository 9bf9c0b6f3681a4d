// int_object.cpp: int arithmetic beyond the small-int fast paths.
#include "core/py/int_object.h"

#include "core/py/ast.h"
#include "core/py/vm.h"

namespace py {

Value makeInt(VM& vm, const rt::BigInt& v) {
  if (v.fitsInt64()) {
    std::int64_t i = v.toInt64();
    if (Value::fitsSmallInt(i)) return Value::smallInt(i);
  }
  return Value::object(vm.make<BigIntObj>(vm.t.int_, v));
}

rt::BigInt toBig(Value v) {
  if (v.isSmallInt()) return rt::BigInt(v.asSmallInt());
  if (v.isBool()) return rt::BigInt(v.asBool() ? 1 : 0);
  return as<BigIntObj>(v)->value;
}

int intCompare(Value a, Value b) {
  if (isIntLike(a) && isIntLike(b)) {
    std::int64_t x = intOf(a), y = intOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return rt::BigInt::compare(toBig(a), toBig(b));
}

double intToDouble(Value v, bool& overflow) {
  overflow = false;
  if (isIntLike(v)) return static_cast<double>(intOf(v));
  return toBig(v).toDouble(overflow);
}

std::string intToString(Value v) {
  if (isIntLike(v)) return std::to_string(intOf(v));
  return toBig(v).toString(10);
}

namespace {

// Schoolbook arithmetic costs limbs x limbs; 32 limb products are priced
// as one instruction (VM::chargeWork). Small operands cost nothing extra.
bool chargeProduct(VM& vm, double limbsA, double limbsB) {
  const double products = limbsA * limbsB;
  if (products < 4096) return true;
  const double instructions = products / 32;
  return vm.chargeWork(instructions >= 1e18 ? UINT64_MAX : static_cast<std::uint64_t>(instructions));
}

// A result of `bits` bits must fit the memory budget (MemoryError, as
// CPython's failed allocation) before any work is done on it.
bool admitsBits(VM& vm, double bits) {
  if (bits / 8 < static_cast<double>(vm.heap.limit()) && vm.heap.admits(static_cast<std::size_t>(bits / 8))) return true;
  vm.raise(vm.t.MemoryError, "");
  return false;
}

// x ** e by repeated squaring: the result has about bits(x) * e bits, and
// the squarings cost about a third of the last one's limbs squared.
bool chargePower(VM& vm, const rt::BigInt& x, std::uint64_t e) {
  const bool magnitudeAtMostOne = x.limbs().empty() || (x.limbs().size() == 1 && x.limbs()[0] == 1);
  if (magnitudeAtMostOne) return true;
  const double bits = static_cast<double>(x.bitLength()) * static_cast<double>(e);
  if (!admitsBits(vm, bits)) return false;
  const double limbs = bits / 32 + 1;
  return chargeProduct(vm, limbs, limbs / 3);
}

}  // namespace

Value intBinary(VM& vm, int op, Value a, Value b) {
  rt::BigInt x = toBig(a), y = toBig(b);
  const double limbsX = static_cast<double>(x.limbs().size()), limbsY = static_cast<double>(y.limbs().size());
  switch (static_cast<BinOpKind>(op)) {
    case BinOpKind::Add: return makeInt(vm, x + y);
    case BinOpKind::Sub: return makeInt(vm, x - y);
    case BinOpKind::Mult:
      if (!admitsBits(vm, (limbsX + limbsY) * 32) || !chargeProduct(vm, limbsX, limbsY)) return kError;
      return makeInt(vm, x * y);
    case BinOpKind::FloorDiv:
      if (y.isZero()) return vm.raise(vm.t.ZeroDivisionError, "integer division or modulo by zero");
      if (!chargeProduct(vm, limbsX, limbsY)) return kError;
      return makeInt(vm, rt::BigInt::floorDiv(x, y));
    case BinOpKind::Mod:
      if (y.isZero()) return vm.raise(vm.t.ZeroDivisionError, "integer modulo by zero");
      if (!chargeProduct(vm, limbsX, limbsY)) return kError;
      return makeInt(vm, rt::BigInt::mod(x, y));
    case BinOpKind::Pow:
      if (y.isNegative()) {
        bool o1, o2;
        double fx = x.toDouble(o1), fy = y.toDouble(o2);
        if (fx == 0) return vm.raise(vm.t.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return Value::number(std::pow(fx, fy));
      }
      if (!y.fitsInt64()) {
        // 0, 1 and -1 to any power are cheap; anything else would not fit.
        if (x.isZero()) return Value::smallInt(0);
        if (x.limbs().size() == 1 && x.limbs()[0] == 1)
          return Value::smallInt(x.isNegative() && (y.limbs()[0] & 1) ? -1 : 1);
        return vm.raise(vm.t.MemoryError, "");
      }
      if (!chargePower(vm, x, static_cast<std::uint64_t>(y.toInt64()))) return kError;
      return makeInt(vm, rt::BigInt::pow(x, static_cast<std::uint64_t>(y.toInt64())));
    case BinOpKind::LShift:
      if (y.isNegative()) return vm.raise(vm.t.ValueError, "negative shift count");
      if (x.isZero()) return Value::smallInt(0);
      if (!y.fitsInt64()) return vm.raise(vm.t.OverflowError, "too many digits in integer");
      if (!admitsBits(vm, static_cast<double>(x.bitLength()) + static_cast<double>(y.toInt64()))) return kError;
      return makeInt(vm, x.shl(static_cast<std::uint64_t>(y.toInt64())));
    case BinOpKind::RShift:
      if (y.isNegative()) return vm.raise(vm.t.ValueError, "negative shift count");
      if (!y.fitsInt64() || y.toInt64() > 1 << 30) return makeInt(vm, rt::BigInt(x.isNegative() ? -1 : 0));
      return makeInt(vm, x.shr(static_cast<std::uint64_t>(y.toInt64())));
    case BinOpKind::BitAnd: return makeInt(vm, x & y);
    case BinOpKind::BitOr: return makeInt(vm, x | y);
    case BinOpKind::BitXor: return makeInt(vm, x ^ y);
    case BinOpKind::Div: {
      if (y.isZero()) return vm.raise(vm.t.ZeroDivisionError, "division by zero");
      bool o1, o2;
      double fx = x.toDouble(o1), fy = y.toDouble(o2);
      if (o1 || o2) return vm.raise(vm.t.OverflowError, "integer division result too large for a float");
      return Value::number(fx / fy);
    }
    default:
      return kNull;
  }
}

}  // namespace py
