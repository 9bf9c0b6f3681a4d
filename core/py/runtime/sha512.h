// SHA-512 digest (FIPS 180-4). random.seed(str) in CPython 3.11 seeds from
// the string's bytes followed by their SHA-512 digest, so reproducing
// CPython's random streams for string seeds needs this one hash.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace py::rt {

using Sha512Digest = std::array<uint8_t, 64>;

// One-shot digest of `data` (bytes as given; callers encode str as UTF-8).
Sha512Digest sha512(std::string_view data);

}  // namespace py::rt
