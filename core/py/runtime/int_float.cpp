// Mixed int/float operations. intTrueDivide follows the steps of CPython's
// long_true_divide: scale the dividend so the integer quotient has 55 or 56
// significant bits, remember whether anything inexact happened, then round
// to 53 bits (fewer for subnormal results) half to even in one step.
#include "core/py/runtime/int_float.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace py::rt {

TrueDivideStatus intTrueDivide(const BigInt& a, const BigInt& b, double& out) {
    if (b.isZero()) return TrueDivideStatus::ZeroDivision;
    const bool negate = a.isNegative() != b.isNegative();
    if (a.isZero()) {
        out = negate ? -0.0 : 0.0;
        return TrueDivideStatus::Ok;
    }
    const int64_t aBits = a.bitLength(), bBits = b.bitLength();
    if (aBits <= DBL_MANT_DIG && bBits <= DBL_MANT_DIG) {
        // Both exact as doubles: one IEEE division rounds correctly.
        bool o = false;
        out = a.toDouble(o) / b.toDouble(o);
        return TrueDivideStatus::Ok;
    }
    const int64_t diff = aBits - bBits;
    if (diff > DBL_MAX_EXP) return TrueDivideStatus::Overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        out = negate ? -0.0 : 0.0;
        return TrueDivideStatus::Ok;
    }
    const int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    BigInt x = a.abs();
    if (shift <= 0) {
        x = x.shl(uint64_t(-shift));
    } else {
        BigInt shifted = x.shr(uint64_t(shift));
        inexact = !(shifted.shl(uint64_t(shift)) == x);
        x = shifted;
    }
    BigInt q, r;
    BigInt::divmodTrunc(x, b.abs(), q, r);
    if (!r.isZero()) inexact = true;
    const int64_t xBits = q.bitLength();
    const int64_t extraBits = std::max<int64_t>(xBits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    // q has at most 56 bits. Round away its low extraBits (2 or 3) bits,
    // half to even, with inexactness as a sticky bit below them.
    const uint64_t qv = q.limbs()[0] | (q.limbs().size() > 1 ? uint64_t(q.limbs()[1]) << 32 : 0);
    const uint64_t mask = uint64_t(1) << (extraBits - 1);
    uint64_t low = qv | (inexact ? 1u : 0u);
    if ((low & mask) && (low & (3 * mask - 1))) low += mask;
    low &= ~(2 * mask - 1);
    const double dx = double(low);  // exact: at most 54 significant bits, low ones clear
    if (shift + xBits >= DBL_MAX_EXP && (shift + xBits > DBL_MAX_EXP || dx == std::ldexp(1.0, int(xBits)))) {
        return TrueDivideStatus::Overflow;
    }
    const double result = std::ldexp(dx, int(shift));
    out = negate ? -result : result;
    return TrueDivideStatus::Ok;
}

int compareIntDouble(const BigInt& a, double x) {
    if (std::isnan(x)) return 2;
    if (std::isinf(x)) return x > 0 ? -1 : 1;
    if (a.bitLength() <= DBL_MANT_DIG) {
        bool o = false;
        const double d = a.toDouble(o);
        return d < x ? -1 : d > x ? 1 : 0;
    }
    // |a| >= 2**53: compare with floor(x), which is exact as an int; a
    // fractional part of x only matters when the integer parts tie.
    const double fl = std::floor(x);
    const int c = BigInt::compare(a, BigInt::fromDouble(fl));
    if (c != 0) return c;
    return x > fl ? -1 : 0;
}

BigInt roundInt(const BigInt& a, int64_t ndigits) {
    if (ndigits >= 0) return a;
    // |a| < 10**(digits of a) <= 10**-ndigits / 2: rounds to 0 (and spares
    // computing a huge power of ten).
    if (-ndigits > a.bitLength() * 0.30103 + 2) return BigInt(0);
    // CPython's long_round: q, r = divmod(a, 10**k); round half to even.
    const BigInt pow10 = BigInt::pow(BigInt(10), uint64_t(-ndigits));
    BigInt q, r;
    BigInt::divmod(a, pow10, q, r);
    const int c = BigInt::compare(r.shl(1), pow10);
    const bool qOdd = !(q & BigInt(1)).isZero();
    if (c > 0 || (c == 0 && qOdd)) q = q + BigInt(1);
    return q * pow10;
}

}  // namespace py::rt
