// MersenneTwister implementation. The generator core follows the MT19937
// reference algorithm as CPython's _randommodule.c uses it; the methods
// above it mirror random.py line by line, because any extra or missing
// draw from the generator would shift every later number.
#include "core/py/runtime/random_mt.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_set>

#include "core/py/runtime/sha512.h"

namespace py::rt {

namespace {
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;
}  // namespace

void MersenneTwister::initGenrand(uint32_t s) {
    mt_[0] = s;
    for (int i = 1; i < kN; ++i) {
        mt_[i] = 1812433253U * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + uint32_t(i);
    }
    mti_ = kN;
}

void MersenneTwister::initByArray(const std::vector<uint32_t>& key) {
    initGenrand(19650218U);
    int i = 1;
    size_t j = 0;
    const size_t len = key.size();
    for (size_t k = std::max<size_t>(kN, len); k; --k) {
        mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525U)) + key[j] + uint32_t(j);
        ++i;
        ++j;
        if (i >= kN) {
            mt_[0] = mt_[kN - 1];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (int k = kN - 1; k; --k) {
        mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941U)) - uint32_t(i);
        ++i;
        if (i >= kN) {
            mt_[0] = mt_[kN - 1];
            i = 1;
        }
    }
    mt_[0] = 0x80000000U;  // guarantees a non-zero initial state
}

void MersenneTwister::seed(const BigInt& n) {
    std::vector<uint32_t> key = n.abs().limbs();
    if (key.empty()) key.push_back(0);
    initByArray(key);
    gaussNext_.reset();
}

void MersenneTwister::seedBytes(std::string_view bytes) {
    Sha512Digest d = sha512(bytes);
    std::string all(bytes);
    all.append(reinterpret_cast<const char*>(d.data()), d.size());
    seed(BigInt::fromBytesBig(reinterpret_cast<const uint8_t*>(all.data()), all.size()));
}

void MersenneTwister::seedHash(int64_t hash) { seed(BigInt::fromUint64(uint64_t(hash))); }

uint32_t MersenneTwister::genrand32() {
    static constexpr uint32_t mag01[2] = {0U, kMatrixA};
    if (mti_ >= kN) {
        int kk = 0;
        for (; kk < kN - kM; ++kk) {
            uint32_t y = (mt_[kk] & kUpperMask) | (mt_[kk + 1] & kLowerMask);
            mt_[kk] = mt_[kk + kM] ^ (y >> 1) ^ mag01[y & 1U];
        }
        for (; kk < kN - 1; ++kk) {
            uint32_t y = (mt_[kk] & kUpperMask) | (mt_[kk + 1] & kLowerMask);
            mt_[kk] = mt_[kk + (kM - kN)] ^ (y >> 1) ^ mag01[y & 1U];
        }
        uint32_t y = (mt_[kN - 1] & kUpperMask) | (mt_[0] & kLowerMask);
        mt_[kN - 1] = mt_[kM - 1] ^ (y >> 1) ^ mag01[y & 1U];
        mti_ = 0;
    }
    uint32_t y = mt_[mti_++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double MersenneTwister::random() {
    uint32_t a = genrand32() >> 5, b = genrand32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

uint64_t MersenneTwister::getrandbits64(int k) {
    if (k <= 0) return 0;
    if (k <= 32) return genrand32() >> (32 - k);
    // Words fill from the least significant end; the last one is truncated.
    uint64_t lo = genrand32();
    uint64_t hi = genrand32() >> (64 - k);
    return lo | (hi << 32);
}

BigInt MersenneTwister::getrandbits(uint64_t k) {
    if (k <= 64) return BigInt::fromUint64(getrandbits64(int(k)));
    std::vector<uint32_t> words((k - 1) / 32 + 1);
    for (auto& w : words) {
        uint32_t r = genrand32();
        if (k < 32) r >>= (32 - k);
        w = r;
        k = k >= 32 ? k - 32 : 0;
    }
    return BigInt::fromLimbs(std::move(words), false);
}

uint64_t MersenneTwister::randbelow(uint64_t n) {
    if (n == 0) return 0;  // CPython would spin forever; callers never pass 0
    int k = 64 - __builtin_clzll(n);
    uint64_t r = getrandbits64(k);
    while (r >= n) r = getrandbits64(k);
    return r;
}

BigInt MersenneTwister::randbelow(const BigInt& n) {
    if (n.sign() <= 0) return BigInt(0);
    if (n.bitLength() <= 64) {
        const auto& l = n.limbs();
        uint64_t v = l[0] | (l.size() > 1 ? uint64_t(l[1]) << 32 : 0);
        return BigInt::fromUint64(randbelow(v));
    }
    uint64_t k = uint64_t(n.bitLength());
    BigInt r = getrandbits(k);
    while (r >= n) r = getrandbits(k);
    return r;
}

RandResult MersenneTwister::randrange(const BigInt& stop) {
    if (stop.sign() > 0) return {true, randbelow(stop), {}};
    return {false, {}, "empty range for randrange()"};
}

RandResult MersenneTwister::randrange(const BigInt& start, const BigInt& stop, const BigInt& step) {
    BigInt width = stop - start;
    if (step == BigInt(1)) {
        if (width.sign() > 0) return {true, start + randbelow(width), {}};
        return {false, {}, "empty range for randrange() (" + start.toString() + ", " + stop.toString() +
                               ", " + width.toString() + ")"};
    }
    BigInt n;
    if (step.sign() > 0) {
        n = BigInt::floorDiv(width + step - BigInt(1), step);
    } else if (step.sign() < 0) {
        n = BigInt::floorDiv(width + step + BigInt(1), step);
    } else {
        return {false, {}, "zero step for randrange()"};
    }
    if (n.sign() <= 0) return {false, {}, "empty range for randrange()"};
    return {true, start + step * randbelow(n), {}};
}

RandResult MersenneTwister::randint(const BigInt& a, const BigInt& b) { return randrange(a, b + BigInt(1)); }

namespace {

__extension__ typedef __int128 i128;

i128 floorDiv128(i128 a, i128 b) {
    i128 q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0))) --q;
    return q;
}

// randrange on 128-bit bounds: nullopt when the BigInt path must decide
// (an error, whose message it formats, or a range wider than 2**64 - 1).
std::optional<int64_t> smallRange(MersenneTwister& mt, i128 start, i128 stop, i128 step) {
    const i128 width = stop - start;
    const i128 maxBelow = i128(UINT64_MAX);
    if (step == 1) {
        if (width <= 0 || width > maxBelow) return std::nullopt;
        return int64_t(start + i128(mt.randbelow(uint64_t(width))));
    }
    if (step == 0) return std::nullopt;
    const i128 n = step > 0 ? floorDiv128(width + step - 1, step) : floorDiv128(width + step + 1, step);
    if (n <= 0 || n > maxBelow) return std::nullopt;
    return int64_t(start + step * i128(mt.randbelow(uint64_t(n))));
}

}  // namespace

std::optional<int64_t> MersenneTwister::randrangeSmall(int64_t start, int64_t stop, int64_t step, std::string& error) {
    if (auto v = smallRange(*this, start, stop, step)) return v;
    RandResult r = randrange(BigInt(start), BigInt(stop), BigInt(step));
    if (!r.ok) {
        error = r.error;
        return std::nullopt;
    }
    return r.value.toInt64();
}

std::optional<int64_t> MersenneTwister::randintSmall(int64_t a, int64_t b, std::string& error) {
    if (auto v = smallRange(*this, a, i128(b) + 1, 1)) return v;
    RandResult r = randint(BigInt(a), BigInt(b));
    if (!r.ok) {
        error = r.error;
        return std::nullopt;
    }
    return r.value.toInt64();
}

size_t MersenneTwister::choiceIndex(size_t len) { return size_t(randbelow(uint64_t(len))); }

std::vector<std::pair<size_t, size_t>> MersenneTwister::shuffleSwaps(size_t len) {
    std::vector<std::pair<size_t, size_t>> swaps;
    if (len < 2) return swaps;
    swaps.reserve(len - 1);
    for (size_t i = len - 1; i >= 1; --i) swaps.emplace_back(i, size_t(randbelow(uint64_t(i + 1))));
    return swaps;
}

std::optional<std::vector<size_t>> MersenneTwister::sample(size_t n, int64_t k) {
    if (k < 0 || uint64_t(k) > n) return std::nullopt;
    std::vector<size_t> result(size_t(k), 0);
    // random.py picks the algorithm by comparing memory sizes, using
    // float log exactly as written there: 4 ** ceil(log(k * 3, 4)).
    double setsize = 21;
    if (k > 5) setsize += std::pow(4.0, std::ceil(std::log(double(k * 3)) / std::log(4.0)));
    if (double(n) <= setsize) {
        std::vector<size_t> pool(n);
        for (size_t i = 0; i < n; ++i) pool[i] = i;
        for (size_t i = 0; i < size_t(k); ++i) {
            size_t j = size_t(randbelow(uint64_t(n - i)));
            result[i] = pool[j];
            pool[j] = pool[n - i - 1];
        }
    } else {
        std::unordered_set<size_t> selected;
        for (size_t i = 0; i < size_t(k); ++i) {
            size_t j = size_t(randbelow(uint64_t(n)));
            while (selected.count(j)) j = size_t(randbelow(uint64_t(n)));
            selected.insert(j);
            result[i] = j;
        }
    }
    return result;
}

std::vector<size_t> MersenneTwister::choicesIndices(size_t n, int64_t k) {
    std::vector<size_t> out;
    const double fn = double(n);
    for (int64_t i = 0; i < k; ++i) out.push_back(size_t(std::floor(random() * fn)));
    return out;
}

std::optional<std::vector<size_t>> MersenneTwister::choicesWeighted(const std::vector<double>& cum, int64_t k,
                                                                    std::string& error) {
    if (cum.empty()) {
        error = "Total of weights must be greater than zero";  // cum_weights[-1] is IndexError in CPython
        return std::nullopt;
    }
    const double total = cum.back();
    if (!(total > 0.0)) {
        error = "Total of weights must be greater than zero";
        return std::nullopt;
    }
    if (!std::isfinite(total)) {
        error = "Total of weights must be finite";
        return std::nullopt;
    }
    std::vector<size_t> out;
    const auto hi = cum.begin() + std::ptrdiff_t(cum.size() - 1);
    for (int64_t i = 0; i < k; ++i) {
        // bisect.bisect(cum_weights, random() * total, 0, n - 1)
        const double x = random() * total;
        out.push_back(size_t(std::upper_bound(cum.begin(), hi, x) - cum.begin()));
    }
    return out;
}

double MersenneTwister::uniform(double a, double b) { return a + (b - a) * random(); }

double MersenneTwister::gauss(double mu, double sigma) {
    std::optional<double> z = gaussNext_;
    gaussNext_.reset();
    if (!z) {
        const double twoPi = 2.0 * std::numbers::pi;
        double x2pi = random() * twoPi;
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - random()));
        z = std::cos(x2pi) * g2rad;
        gaussNext_ = std::sin(x2pi) * g2rad;
    }
    return mu + *z * sigma;
}

double MersenneTwister::normalvariate(double mu, double sigma) {
    const double nvMagic = 4 * std::exp(-0.5) / std::sqrt(2.0);
    double z;
    while (true) {
        double u1 = random();
        double u2 = 1.0 - random();
        z = nvMagic * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -std::log(u2)) break;
    }
    return mu + z * sigma;
}

}  // namespace py::rt
