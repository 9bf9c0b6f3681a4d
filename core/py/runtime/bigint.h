// BigInt: Python's arbitrary-precision int for the VM. The VM keeps small
// ints unboxed and falls back here when a result leaves int64; every
// operation follows CPython 3.11's int semantics (floor division, two's
// complement bitwise ops on negatives, correctly rounded int -> float,
// hash modulo 2**61 - 1), because printed results must match CPython.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace py::rt {

class BigInt {
public:
    BigInt() = default;
    BigInt(int64_t v);  // NOLINT(google-explicit-constructor): ints convert freely
    static BigInt fromUint64(uint64_t v);

    // Digits only (no sign, prefix, underscore or space) in `base` 2..36;
    // nullopt when a character is not a digit of that base or text is empty.
    static std::optional<BigInt> fromDigits(std::string_view digits, int base);
    // Full int(text, base) parsing as CPython does it: surrounding
    // whitespace, sign, 0x/0o/0b prefixes (base 0 or matching base),
    // single underscores between digits, base 0 rejecting "012".
    // base is 0 or 2..36. nullopt means "invalid literal for int()".
    static std::optional<BigInt> parse(std::string_view text, int base);
    // int(float): truncates toward zero. x must be finite.
    static BigInt fromDouble(double x);

    // Digits in base 2, 8, 10, 16 (or any 2..36), with a leading '-' when
    // negative and no prefix; lowercase letters.
    std::string toString(int base = 10) const;
    // CPython 3.11 refuses str()/int() of ints with more than this many
    // decimal digits (sys.get_int_max_str_digits()); the VM raises
    // ValueError when decimalDigitsExceed(kMaxStrDigits) for str(),repr(),
    // format() in decimal and int(text) with a non power-of-two base.
    static constexpr int kMaxStrDigits = 4300;
    bool decimalDigitsExceed(int limit) const;

    bool isZero() const { return mag_.empty(); }
    bool isNegative() const { return neg_; }
    int sign() const { return mag_.empty() ? 0 : (neg_ ? -1 : 1); }
    bool fitsInt64() const;
    int64_t toInt64() const;  // precondition: fitsInt64()
    // Correctly rounded (half to even) as int.__float__; sets overflow
    // (OverflowError "int too large to convert to float") when |x| is too big.
    double toDouble(bool& overflow) const;
    // Number of bits in |x| (int.bit_length()).
    int64_t bitLength() const;
    // hash(x) as CPython computes it for ints.
    int64_t hash() const;

    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    BigInt operator-() const;
    BigInt abs() const;

    // Floor division and modulo (Python semantics). Precondition: !b.isZero()
    // (the VM raises ZeroDivisionError itself).
    static void divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r);
    static BigInt floorDiv(const BigInt& a, const BigInt& b);
    static BigInt mod(const BigInt& a, const BigInt& b);
    // Truncating division of magnitudes, for callers that want C semantics.
    static void divmodTrunc(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r);

    // a ** e for e >= 0.
    static BigInt pow(const BigInt& base, uint64_t e);
    // pow(base, e, m) for e >= 0 and m != 0; result has the sign of m.
    static BigInt powMod(const BigInt& base, const BigInt& e, const BigInt& m);
    // pow(base, e, m) for any e (a negative e uses the modular inverse, as
    // CPython 3.8+ does) and m != 0; nullopt means ValueError "base is not
    // invertible for the given modulus".
    static std::optional<BigInt> powModChecked(const BigInt& base, const BigInt& e, const BigInt& m);
    // x with (a * x) % m == 1 % m, 0 <= x < |m|; nullopt when gcd(a, m) != 1.
    static std::optional<BigInt> modInverse(const BigInt& a, const BigInt& m);

    // Shifts with Python semantics: >> floors (so -1 >> 5 == -1). n >= 0.
    BigInt shl(uint64_t n) const;
    BigInt shr(uint64_t n) const;
    // Bitwise ops on the infinite two's-complement representation.
    friend BigInt operator&(const BigInt& a, const BigInt& b);
    friend BigInt operator|(const BigInt& a, const BigInt& b);
    friend BigInt operator^(const BigInt& a, const BigInt& b);
    BigInt operator~() const;  // -(x + 1)

    static int compare(const BigInt& a, const BigInt& b);
    friend bool operator==(const BigInt& a, const BigInt& b) { return compare(a, b) == 0; }
    friend bool operator<(const BigInt& a, const BigInt& b) { return compare(a, b) < 0; }
    friend bool operator<=(const BigInt& a, const BigInt& b) { return compare(a, b) <= 0; }
    friend bool operator>(const BigInt& a, const BigInt& b) { return compare(a, b) > 0; }
    friend bool operator>=(const BigInt& a, const BigInt& b) { return compare(a, b) >= 0; }

    // Magnitude limbs, least significant first (no trailing zero limbs).
    const std::vector<uint32_t>& limbs() const { return mag_; }
    static BigInt fromLimbs(std::vector<uint32_t> mag, bool negative);
    // Big-endian bytes of |x| (int.from_bytes(..., 'big') in reverse).
    static BigInt fromBytesBig(const uint8_t* data, size_t size);

private:
    void trim();
    bool neg_ = false;
    std::vector<uint32_t> mag_;
};

}  // namespace py::rt
