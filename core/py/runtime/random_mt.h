// MersenneTwister: CPython 3.11's `random` module, bit for bit. The C part
// (_randommodule.c: MT19937, init_by_array seeding, random(), getrandbits)
// and the Python part (random.py: _randbelow, randrange, randint, choice,
// shuffle, sample, uniform, gauss, normalvariate) are both reproduced, so a
// simulated program prints the same numbers as CPython for the same seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/py/runtime/bigint.h"

namespace py::rt {

// Result of a call that CPython may reject with ValueError; `error` holds
// CPython's message when !ok.
struct RandResult {
    bool ok = true;
    BigInt value;
    std::string error;
};

class MersenneTwister {
public:
    // Seeded with 0: the simulator's default so runs are repeatable.
    MersenneTwister() { seed(BigInt(0)); }

    // random.seed(n) for an int: seeds from |n|'s 32-bit words.
    void seed(const BigInt& n);
    // random.seed(s) for str (UTF-8 bytes) or bytes, version 2:
    // int.from_bytes(s + sha512(s).digest(), 'big').
    void seedBytes(std::string_view bytes);
    // random.seed(x) for any other hashable seed (float): CPython seeds
    // from hash(x) read as an unsigned 64-bit number.
    void seedHash(int64_t hash);

    uint32_t genrand32();
    // random.random(): 53 random bits in [0, 1).
    double random();
    // random.getrandbits(k), k >= 0.
    BigInt getrandbits(uint64_t k);
    uint64_t getrandbits64(int k);  // 0 <= k <= 64
    // Random._randbelow(n) for n > 0 (0 for n <= 0 rather than CPython's
    // endless loop).
    uint64_t randbelow(uint64_t n);
    BigInt randbelow(const BigInt& n);

    // random.randrange(stop) / randrange(start, stop[, step]) / randint(a, b).
    RandResult randrange(const BigInt& stop);
    RandResult randrange(const BigInt& start, const BigInt& stop, const BigInt& step = BigInt(1));
    RandResult randint(const BigInt& a, const BigInt& b);
    // The same for int64 bounds without BigInt allocations (identical draws;
    // nullopt with CPython's ValueError message in `error`).
    std::optional<int64_t> randrangeSmall(int64_t start, int64_t stop, int64_t step, std::string& error);
    std::optional<int64_t> randintSmall(int64_t a, int64_t b, std::string& error);
    // random.choice(seq): the index picked in a sequence of len > 0 (the VM
    // raises IndexError "Cannot choose from an empty sequence" for len 0).
    size_t choiceIndex(size_t len);
    // random.shuffle(x): the swaps (i, j) in the order CPython performs them.
    std::vector<std::pair<size_t, size_t>> shuffleSwaps(size_t len);
    template <typename T>
    void shuffle(std::vector<T>& items) {
        for (auto [i, j] : shuffleSwaps(items.size())) std::swap(items[i], items[j]);
    }
    // random.sample(seq, k) for a sequence of length n: indices into seq,
    // in selection order; nullopt means ValueError "Sample larger than
    // population or is negative".
    std::optional<std::vector<size_t>> sample(size_t n, int64_t k);
    // random.choices(seq, k=k) for a sequence of length n: indices
    // floor(random() * n) (n == 0 is the VM's IndexError; k < 0 gives none).
    std::vector<size_t> choicesIndices(size_t n, int64_t k);
    // random.choices(seq, weights, k=k) given the running sums of the
    // weights (cum_weights), one per element. nullopt with CPython's
    // ValueError message in `error` for a zero/negative or infinite total.
    std::optional<std::vector<size_t>> choicesWeighted(const std::vector<double>& cumWeights, int64_t k,
                                                       std::string& error);
    // random.uniform(a, b).
    double uniform(double a, double b);
    // random.gauss(mu, sigma), keeping CPython's cached second value.
    double gauss(double mu, double sigma);
    // random.normalvariate(mu, sigma).
    double normalvariate(double mu, double sigma);

private:
    void initGenrand(uint32_t s);
    void initByArray(const std::vector<uint32_t>& key);

    static constexpr int kN = 624;
    uint32_t mt_[kN] = {};
    int mti_ = kN + 1;
    std::optional<double> gaussNext_;
};

}  // namespace py::rt
