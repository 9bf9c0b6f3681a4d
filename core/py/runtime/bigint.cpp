// BigInt implementation: magnitude arithmetic on 32-bit limbs (so a limb
// product fits in 64 bits), Knuth's algorithm D for division, Karatsuba for
// large products, and int64 fast paths through __int128 so that values just
// past the VM's unboxed range stay cheap.
#include "core/py/runtime/bigint.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace py::rt {

namespace {

// GCC/Clang 128-bit integers; __extension__ keeps -Wpedantic quiet.
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

using Mag = std::vector<uint32_t>;

void trimMag(Mag& m) {
    while (!m.empty() && m.back() == 0) m.pop_back();
}

int cmpMag(const Mag& a, const Mag& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

Mag addMag(const Mag& a, const Mag& b) {
    const Mag& x = a.size() >= b.size() ? a : b;
    const Mag& y = a.size() >= b.size() ? b : a;
    Mag r(x.size() + 1);
    uint64_t carry = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        uint64_t s = uint64_t(x[i]) + (i < y.size() ? y[i] : 0) + carry;
        r[i] = uint32_t(s);
        carry = s >> 32;
    }
    r[x.size()] = uint32_t(carry);
    trimMag(r);
    return r;
}

// a - b with |a| >= |b|.
Mag subMag(const Mag& a, const Mag& b) {
    Mag r(a.size());
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t d = int64_t(a[i]) - (i < b.size() ? int64_t(b[i]) : 0) - borrow;
        borrow = d < 0 ? 1 : 0;
        r[i] = uint32_t(d + (borrow << 32));
    }
    trimMag(r);
    return r;
}

void addInto(Mag& acc, const Mag& v, size_t shift) {
    if (acc.size() < v.size() + shift + 1) acc.resize(v.size() + shift + 1, 0);
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < v.size(); ++i) {
        uint64_t s = uint64_t(acc[i + shift]) + v[i] + carry;
        acc[i + shift] = uint32_t(s);
        carry = s >> 32;
    }
    for (size_t k = i + shift; carry; ++k) {
        if (k >= acc.size()) acc.push_back(0);
        uint64_t s = uint64_t(acc[k]) + carry;
        acc[k] = uint32_t(s);
        carry = s >> 32;
    }
}

Mag mulSchool(const Mag& a, const Mag& b) {
    if (a.empty() || b.empty()) return {};
    Mag r(a.size() + b.size(), 0);
    for (size_t i = 0; i < a.size(); ++i) {
        uint64_t carry = 0;
        const uint64_t ai = a[i];
        if (ai == 0) continue;
        for (size_t j = 0; j < b.size(); ++j) {
            uint64_t t = ai * b[j] + r[i + j] + carry;
            r[i + j] = uint32_t(t);
            carry = t >> 32;
        }
        r[i + b.size()] = uint32_t(carry);
    }
    trimMag(r);
    return r;
}

constexpr size_t kKaratsubaCutoff = 48;

Mag lowPart(const Mag& a, size_t n) {
    Mag r(a.begin(), a.begin() + std::min(n, a.size()));
    trimMag(r);
    return r;
}
Mag highPart(const Mag& a, size_t n) {
    if (a.size() <= n) return {};
    return Mag(a.begin() + n, a.end());
}

Mag mulMag(const Mag& a, const Mag& b) {
    if (a.size() < kKaratsubaCutoff || b.size() < kKaratsubaCutoff) return mulSchool(a, b);
    // Karatsuba: (a1 B + a0)(b1 B + b0) = z2 B^2 + (z1 - z2 - z0) B + z0.
    size_t half = std::max(a.size(), b.size()) / 2;
    Mag a0 = lowPart(a, half), a1 = highPart(a, half);
    Mag b0 = lowPart(b, half), b1 = highPart(b, half);
    Mag z0 = mulMag(a0, b0);
    Mag z2 = mulMag(a1, b1);
    Mag z1 = mulMag(addMag(a0, a1), addMag(b0, b1));
    z1 = subMag(subMag(z1, z0), z2);
    Mag r;
    r.reserve(a.size() + b.size() + 1);
    addInto(r, z0, 0);
    addInto(r, z1, half);
    addInto(r, z2, 2 * half);
    trimMag(r);
    return r;
}

// In-place m = m * mul + add, for parsing and small multiplications.
void mulAddSmall(Mag& m, uint32_t mul, uint32_t add) {
    uint64_t carry = add;
    for (auto& limb : m) {
        uint64_t t = uint64_t(limb) * mul + carry;
        limb = uint32_t(t);
        carry = t >> 32;
    }
    if (carry) m.push_back(uint32_t(carry));
}

// In-place m /= d, returning the remainder.
uint32_t divSmall(Mag& m, uint32_t d) {
    uint64_t rem = 0;
    for (size_t i = m.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | m[i];
        m[i] = uint32_t(cur / d);
        rem = cur % d;
    }
    trimMag(m);
    return uint32_t(rem);
}

// Knuth TAOCP vol. 2, 4.3.1, algorithm D: q = a / b, r = a % b (magnitudes).
void divmodMag(const Mag& a, const Mag& b, Mag& q, Mag& r) {
    if (cmpMag(a, b) < 0) {
        q.clear();
        r = a;
        return;
    }
    if (b.size() == 1) {
        q = a;
        uint32_t rem = divSmall(q, b[0]);
        r.clear();
        if (rem) r.push_back(rem);
        return;
    }
    const int s = __builtin_clz(b.back());
    const size_t n = b.size(), m = a.size() - b.size();
    // Normalise so the divisor's top limb has its high bit set.
    Mag v(n), u(a.size() + 1);
    for (size_t i = n; i-- > 0;) {
        v[i] = (b[i] << s) | (s && i > 0 ? uint32_t(uint64_t(b[i - 1]) >> (32 - s)) : 0);
    }
    u[a.size()] = s ? uint32_t(uint64_t(a.back()) >> (32 - s)) : 0;
    for (size_t i = a.size(); i-- > 0;) {
        u[i] = (a[i] << s) | (s && i > 0 ? uint32_t(uint64_t(a[i - 1]) >> (32 - s)) : 0);
    }
    q.assign(m + 1, 0);
    const uint64_t base = uint64_t(1) << 32;
    for (size_t j = m + 1; j-- > 0;) {
        uint64_t num = (uint64_t(u[j + n]) << 32) | u[j + n - 1];
        uint64_t qhat = num / v[n - 1];
        uint64_t rhat = num % v[n - 1];
        while (qhat >= base || qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2])) {
            --qhat;
            rhat += v[n - 1];
            if (rhat >= base) break;
        }
        // Multiply and subtract qhat * v from u[j .. j+n].
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (size_t i = 0; i < n; ++i) {
            uint64_t p = qhat * v[i] + carry;
            carry = p >> 32;
            int64_t t = int64_t(u[i + j]) - int64_t(uint32_t(p)) - borrow;
            borrow = t < 0 ? 1 : 0;
            u[i + j] = uint32_t(t);
        }
        int64_t t = int64_t(u[j + n]) - int64_t(carry) - borrow;
        u[j + n] = uint32_t(t);
        if (t < 0) {
            // qhat was one too large: add v back.
            --qhat;
            uint64_t c = 0;
            for (size_t i = 0; i < n; ++i) {
                uint64_t sum = uint64_t(u[i + j]) + v[i] + c;
                u[i + j] = uint32_t(sum);
                c = sum >> 32;
            }
            u[j + n] = uint32_t(uint64_t(u[j + n]) + c);
        }
        q[j] = uint32_t(qhat);
    }
    trimMag(q);
    // Unnormalise the remainder.
    r.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
        r[i] = (u[i] >> s) | (s ? uint32_t(uint64_t(u[i + 1]) << (32 - s)) : 0);
    }
    trimMag(r);
}

bool isSmall(const BigInt& x) { return x.limbs().size() <= 2 && x.fitsInt64(); }

BigInt fromInt128(i128 v) {
    bool neg = v < 0;
    u128 m = neg ? (u128)(-(v + 1)) + 1 : (u128)v;
    Mag mag;
    while (m) {
        mag.push_back(uint32_t(m));
        m >>= 32;
    }
    return BigInt::fromLimbs(std::move(mag), neg);
}

int digitValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// Two's complement of x in `len` limbs (len must exceed x's size).
Mag toTwos(const BigInt& x, size_t len) {
    Mag r(len, 0);
    std::copy(x.limbs().begin(), x.limbs().end(), r.begin());
    if (x.isNegative()) {
        uint64_t carry = 1;
        for (auto& limb : r) {
            uint64_t t = uint64_t(uint32_t(~limb)) + carry;
            limb = uint32_t(t);
            carry = t >> 32;
        }
    }
    return r;
}

BigInt fromTwos(Mag r) {
    bool neg = !r.empty() && (r.back() & 0x80000000u);
    if (neg) {
        uint64_t carry = 1;
        for (auto& limb : r) {
            uint64_t t = uint64_t(uint32_t(~limb)) + carry;
            limb = uint32_t(t);
            carry = t >> 32;
        }
    }
    return BigInt::fromLimbs(std::move(r), neg);
}

template <typename Op>
BigInt bitwise(const BigInt& a, const BigInt& b, Op op) {
    size_t len = std::max(a.limbs().size(), b.limbs().size()) + 1;
    Mag x = toTwos(a, len), y = toTwos(b, len);
    for (size_t i = 0; i < len; ++i) x[i] = op(x[i], y[i]);
    return fromTwos(std::move(x));
}

}  // namespace

BigInt::BigInt(int64_t v) {
    neg_ = v < 0;
    uint64_t m = neg_ ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    while (m) {
        mag_.push_back(uint32_t(m));
        m >>= 32;
    }
}

BigInt BigInt::fromUint64(uint64_t v) {
    BigInt r;
    while (v) {
        r.mag_.push_back(uint32_t(v));
        v >>= 32;
    }
    return r;
}

BigInt BigInt::fromLimbs(std::vector<uint32_t> mag, bool negative) {
    BigInt r;
    r.mag_ = std::move(mag);
    r.neg_ = negative;
    r.trim();
    return r;
}

BigInt BigInt::fromBytesBig(const uint8_t* data, size_t size) {
    Mag m((size + 3) / 4, 0);
    for (size_t i = 0; i < size; ++i) {
        size_t bytePos = size - 1 - i;  // position from the least significant end
        m[bytePos / 4] |= uint32_t(data[i]) << (8 * (bytePos % 4));
    }
    return fromLimbs(std::move(m), false);
}

void BigInt::trim() {
    trimMag(mag_);
    if (mag_.empty()) neg_ = false;
}

std::optional<BigInt> BigInt::fromDigits(std::string_view digits, int base) {
    if (digits.empty() || base < 2 || base > 36) return std::nullopt;
    Mag m;
    if ((base & (base - 1)) == 0) {
        // Power-of-two base: place bits directly.
        int bits = __builtin_ctz(unsigned(base));
        uint64_t pos = 0;
        for (size_t i = digits.size(); i-- > 0;) {
            int d = digitValue(digits[i]);
            if (d >= base) return std::nullopt;
            for (int k = 0; k < bits; ++k, ++pos) {
                if (d >> k & 1) {
                    if (m.size() <= pos / 32) m.resize(pos / 32 + 1, 0);
                    m[pos / 32] |= uint32_t(1) << (pos % 32);
                }
            }
        }
        return fromLimbs(std::move(m), false);
    }
    // Other bases: consume as many digits per step as fit in a limb.
    uint32_t chunkMul = 1;
    int perChunk = 0;
    while (uint64_t(chunkMul) * base <= 0xFFFFFFFFull) {
        chunkMul *= base;
        ++perChunk;
    }
    size_t i = 0;
    while (i < digits.size()) {
        uint32_t chunk = 0, mul = 1;
        for (int k = 0; k < perChunk && i < digits.size(); ++k, ++i) {
            int d = digitValue(digits[i]);
            if (d >= base) return std::nullopt;
            chunk = chunk * base + d;
            mul *= base;
        }
        mulAddSmall(m, mul, chunk);
    }
    return fromLimbs(std::move(m), false);
}

std::optional<BigInt> BigInt::parse(std::string_view s, int base) {
    if (base != 0 && (base < 2 || base > 36)) return std::nullopt;
    auto isSpace = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == '\x1c' || c == '\x1d' || c == '\x1e' || c == '\x1f'; };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    bool neg = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    bool prefixed = false;
    if (s.size() >= 2 && s[0] == '0') {
        char p = char(s[1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            prefixed = true;
            s.remove_prefix(2);
        }
    }
    bool base0 = base == 0;
    if (base0) base = 10;
    // Underscores: one at a time, between digits, or right after a prefix.
    std::string digits;
    digits.reserve(s.size());
    bool lastUnderscore = false;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            if (lastUnderscore || (i == 0 && !prefixed)) return std::nullopt;
            lastUnderscore = true;
            continue;
        }
        lastUnderscore = false;
        digits.push_back(s[i]);
    }
    if (lastUnderscore || digits.empty()) return std::nullopt;
    if (base0 && digits.size() > 1 && digits[0] == '0') {
        // int("010", 0) is an error, but int("000", 0) is fine.
        if (digits.find_first_not_of('0') != std::string::npos) return std::nullopt;
    }
    auto r = fromDigits(digits, base);
    if (!r) return std::nullopt;
    if (neg) *r = -*r;
    return r;
}

BigInt BigInt::fromDouble(double x) {
    double t = std::trunc(x);
    if (std::fabs(t) < 9.2e18) return BigInt(int64_t(t));
    int exp = 0;
    double frac = std::frexp(std::fabs(t), &exp);  // |t| = frac * 2^exp, frac in [0.5, 1)
    uint64_t mant = uint64_t(std::ldexp(frac, 53));
    BigInt r = fromUint64(mant).shl(uint64_t(exp - 53));
    return t < 0 ? -r : r;
}

std::string BigInt::toString(int base) const {
    if (mag_.empty()) return "0";
    static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string out;
    if ((base & (base - 1)) == 0) {
        int bits = __builtin_ctz(unsigned(base));
        int64_t total = bitLength();
        for (int64_t pos = 0; pos < total; pos += bits) {
            int d = 0;
            for (int k = 0; k < bits && pos + k < total; ++k) {
                uint64_t p = uint64_t(pos + k);
                d |= int((mag_[p / 32] >> (p % 32)) & 1) << k;
            }
            out.push_back(kDigits[d]);
        }
    } else {
        uint32_t chunkDiv = 1;
        int perChunk = 0;
        while (uint64_t(chunkDiv) * base <= 0xFFFFFFFFull) {
            chunkDiv *= base;
            ++perChunk;
        }
        Mag m = mag_;
        while (!m.empty()) {
            uint32_t rem = divSmall(m, chunkDiv);
            for (int k = 0; k < perChunk; ++k) {
                out.push_back(kDigits[rem % base]);
                rem /= base;
                if (m.empty() && rem == 0) break;
            }
        }
        while (out.size() > 1 && out.back() == '0') out.pop_back();
    }
    if (neg_) out.push_back('-');
    std::reverse(out.begin(), out.end());
    return out;
}

bool BigInt::decimalDigitsExceed(int limit) const {
    // Cheap bound first: bits * log10(2) digits, give or take one.
    double approx = double(bitLength()) * 0.30102999566398120;
    if (approx < limit - 2) return false;
    if (approx > limit + 2) return true;
    std::string s = abs().toString(10);
    return int64_t(s.size()) > limit;
}

bool BigInt::fitsInt64() const {
    if (mag_.size() > 2) return false;
    uint64_t m = mag_.empty() ? 0 : mag_[0];
    if (mag_.size() == 2) m |= uint64_t(mag_[1]) << 32;
    return neg_ ? m <= (uint64_t(1) << 63) : m < (uint64_t(1) << 63);
}

int64_t BigInt::toInt64() const {
    uint64_t m = mag_.empty() ? 0 : mag_[0];
    if (mag_.size() >= 2) m |= uint64_t(mag_[1]) << 32;
    return neg_ ? int64_t(uint64_t(0) - m) : int64_t(m);
}

int64_t BigInt::bitLength() const {
    if (mag_.empty()) return 0;
    return int64_t(mag_.size() - 1) * 32 + (32 - __builtin_clz(mag_.back()));
}

double BigInt::toDouble(bool& overflow) const {
    overflow = false;
    int64_t n = bitLength();
    if (n <= 64) {
        uint64_t m = mag_.empty() ? 0 : mag_[0];
        if (mag_.size() == 2) m |= uint64_t(mag_[1]) << 32;
        if (n <= 53) return neg_ ? -double(m) : double(m);
    }
    if (n > 1024) {
        overflow = true;
        return 0.0;
    }
    // Keep 54 significant bits (53 + a rounding bit) plus a sticky bit for
    // everything below, then round half to even by hand.
    uint64_t shift = uint64_t(n - 54);
    BigInt top = abs().shr(shift);
    uint64_t m = top.mag_[0] | (top.mag_.size() > 1 ? uint64_t(top.mag_[1]) << 32 : 0);
    bool sticky = false;
    for (uint64_t i = 0; i < shift / 32 && !sticky; ++i) sticky = mag_[i] != 0;
    if (!sticky && shift % 32) sticky = (mag_[shift / 32] & ((uint32_t(1) << (shift % 32)) - 1)) != 0;
    bool roundBit = m & 1;
    m >>= 1;
    if (roundBit && (sticky || (m & 1))) ++m;
    double r = std::ldexp(double(m), int(shift + 1));
    if (std::isinf(r)) {
        overflow = true;
        return 0.0;
    }
    return neg_ ? -r : r;
}

int64_t BigInt::hash() const {
    // Reduce |x| modulo P = 2**61 - 1 one limb at a time.
    constexpr uint64_t P = (uint64_t(1) << 61) - 1;
    u128 h = 0;
    for (size_t i = mag_.size(); i-- > 0;) {
        h = ((h << 32) | mag_[i]) % P;
    }
    int64_t r = int64_t(h);
    if (neg_) r = -r;
    return r == -1 ? -2 : r;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
    if (isSmall(a) && isSmall(b)) return fromInt128((i128)a.toInt64() + b.toInt64());
    if (a.neg_ == b.neg_) return BigInt::fromLimbs(addMag(a.mag_, b.mag_), a.neg_);
    int c = cmpMag(a.mag_, b.mag_);
    if (c == 0) return BigInt();
    if (c > 0) return BigInt::fromLimbs(subMag(a.mag_, b.mag_), a.neg_);
    return BigInt::fromLimbs(subMag(b.mag_, a.mag_), b.neg_);
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
    if (isSmall(a) && isSmall(b)) return fromInt128((i128)a.toInt64() * b.toInt64());
    return BigInt::fromLimbs(mulMag(a.mag_, b.mag_), a.neg_ != b.neg_);
}

BigInt BigInt::operator-() const {
    BigInt r = *this;
    if (!r.mag_.empty()) r.neg_ = !r.neg_;
    return r;
}

BigInt BigInt::abs() const {
    BigInt r = *this;
    r.neg_ = false;
    return r;
}

void BigInt::divmodTrunc(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
    Mag qm, rm;
    divmodMag(a.mag_, b.mag_, qm, rm);
    q = fromLimbs(std::move(qm), a.neg_ != b.neg_);
    r = fromLimbs(std::move(rm), a.neg_);
}

void BigInt::divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
    if (isSmall(a) && isSmall(b)) {
        i128 x = a.toInt64(), y = b.toInt64();
        i128 qq = x / y, rr = x % y;
        if (rr != 0 && ((rr < 0) != (y < 0))) {
            rr += y;
            qq -= 1;
        }
        q = fromInt128(qq);
        r = fromInt128(rr);
        return;
    }
    divmodTrunc(a, b, q, r);
    // Truncation rounds toward zero; floor needs one step down when the
    // remainder's sign differs from the divisor's.
    if (!r.isZero() && r.neg_ != b.neg_) {
        q = q - BigInt(1);
        r = r + b;
    }
}

BigInt BigInt::floorDiv(const BigInt& a, const BigInt& b) {
    BigInt q, r;
    divmod(a, b, q, r);
    return q;
}

BigInt BigInt::mod(const BigInt& a, const BigInt& b) {
    BigInt q, r;
    divmod(a, b, q, r);
    return r;
}

BigInt BigInt::pow(const BigInt& base, uint64_t e) {
    BigInt result(1), b = base;
    while (e) {
        if (e & 1) result = result * b;
        e >>= 1;
        if (e) b = b * b;
    }
    return result;
}

BigInt BigInt::powMod(const BigInt& base, const BigInt& e, const BigInt& m) {
    BigInt mm = m.abs();
    BigInt result = BigInt::mod(BigInt(1), mm);
    BigInt b = BigInt::mod(base, mm);
    int64_t bits = e.bitLength();
    for (int64_t i = 0; i < bits; ++i) {
        if ((e.mag_[size_t(i / 32)] >> (i % 32)) & 1) result = BigInt::mod(result * b, mm);
        if (i + 1 < bits) b = BigInt::mod(b * b, mm);
    }
    // Python: the result takes the sign of the modulus.
    if (m.neg_ && !result.isZero()) result = result - mm;
    return result;
}

std::optional<BigInt> BigInt::modInverse(const BigInt& a, const BigInt& m) {
    // Extended Euclid on (a mod |m|, |m|), tracking a's coefficient only.
    const BigInt mm = m.abs();
    BigInt r0 = mod(a, mm), r1 = mm, s0(1), s1(0);
    while (!r1.isZero()) {
        BigInt q, r;
        divmod(r0, r1, q, r);
        r0 = r1;
        r1 = r;
        BigInt s = s0 - q * s1;
        s0 = s1;
        s1 = s;
    }
    if (!(r0 == BigInt(1)) && !(mm == BigInt(1))) return std::nullopt;
    return mod(s0, mm);
}

std::optional<BigInt> BigInt::powModChecked(const BigInt& base, const BigInt& e, const BigInt& m) {
    if (!e.isNegative()) return powMod(base, e, m);
    auto inv = modInverse(base, m);
    if (!inv) return std::nullopt;
    return powMod(*inv, -e, m);
}

BigInt BigInt::shl(uint64_t n) const {
    if (mag_.empty()) return BigInt();
    size_t limbs = size_t(n / 32);
    int bits = int(n % 32);
    Mag r(mag_.size() + limbs + 1, 0);
    for (size_t i = 0; i < mag_.size(); ++i) {
        uint64_t v = uint64_t(mag_[i]) << bits;
        r[i + limbs] |= uint32_t(v);
        r[i + limbs + 1] |= uint32_t(v >> 32);
    }
    return fromLimbs(std::move(r), neg_);
}

BigInt BigInt::shr(uint64_t n) const {
    if (neg_) {
        // Floor semantics: -((|x| - 1) >> n) - 1.
        BigInt t = (abs() - BigInt(1)).shr(n);
        return -t - BigInt(1);
    }
    size_t limbs = size_t(n / 32);
    if (limbs >= mag_.size()) return BigInt();
    int bits = int(n % 32);
    Mag r(mag_.size() - limbs, 0);
    for (size_t i = 0; i < r.size(); ++i) {
        uint64_t lo = mag_[i + limbs];
        uint64_t hi = i + limbs + 1 < mag_.size() ? mag_[i + limbs + 1] : 0;
        r[i] = uint32_t(((hi << 32) | lo) >> bits);
    }
    return fromLimbs(std::move(r), false);
}

BigInt operator&(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](uint32_t x, uint32_t y) { return x & y; });
}
BigInt operator|(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](uint32_t x, uint32_t y) { return x | y; });
}
BigInt operator^(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](uint32_t x, uint32_t y) { return x ^ y; });
}
BigInt BigInt::operator~() const { return -(*this + BigInt(1)); }

int BigInt::compare(const BigInt& a, const BigInt& b) {
    if (a.neg_ != b.neg_) return a.neg_ ? -1 : 1;
    int c = cmpMag(a.mag_, b.mag_);
    return a.neg_ ? -c : c;
}

}  // namespace py::rt
