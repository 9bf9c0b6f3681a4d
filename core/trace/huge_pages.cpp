// huge_pages.cpp: mmap with the alignment trimmed by hand, then MADV_HUGEPAGE.
#include "core/trace/huge_pages.h"

#include <cstdint>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace trace {

#if defined(__linux__)

void* allocateHuge(std::size_t bytes) {
  // Map one huge page more than asked, then cut off the unaligned head and
  // tail: mmap only promises 4 KiB alignment, and a huge page needs 2 MiB.
  const std::size_t mapped = bytes + kHugePageBytes;
  void* raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (start + kHugePageBytes - 1) & ~(std::uintptr_t{kHugePageBytes} - 1);
  if (aligned > start) munmap(raw, aligned - start);
  const std::uintptr_t tail = aligned + bytes;
  const std::uintptr_t end = start + mapped;
  if (end > tail) munmap(reinterpret_cast<void*>(tail), end - tail);
  void* p = reinterpret_cast<void*>(aligned);
  // Only advice: without transparent huge pages this is ordinary memory.
  madvise(p, bytes, MADV_HUGEPAGE);
  return p;
}

void releaseHuge(void* p, std::size_t bytes) {
  if (p != nullptr) munmap(p, bytes);
}

#else

void* allocateHuge(std::size_t bytes) { return ::operator new (bytes, std::align_val_t{kHugePageBytes}); }

void releaseHuge(void* p, std::size_t) { ::operator delete (p, std::align_val_t{kHugePageBytes}); }

#endif

}  // namespace trace
