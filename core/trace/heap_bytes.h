// heap_bytes.h: what a block of n bytes really costs with glibc malloc, for
// the trace's memory accounting (State::memoryBytes, TimerSet::memoryBytes).
#pragma once

#include <algorithm>
#include <cstddef>

namespace trace {

// An 8-byte header, 16-byte granularity, 32 bytes at least. Small vectors
// (a future's one callback) would otherwise be undercounted several times.
inline std::size_t heapBytes(std::size_t n) {
  if (n == 0) return 0;
  return std::max<std::size_t>(32, (n + 8 + 15) / 16 * 16);
}

}  // namespace trace
