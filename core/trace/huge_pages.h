// huge_pages.h: big, 2 MiB-aligned blocks that the kernel may back with huge pages.
//
// A traced run writes hundreds of megabytes of events, and the loop's object
// pool carves millions of handles, futures and tasks from fresh memory. With
// 4 KiB pages every first touch of a page is a fault (a third of a traced
// run went to the kernel), and growing one big vector copies it over and
// over. Blocks from here are whole 2 MiB huge pages (Linux, transparent huge
// pages in "madvise" mode): one fault per 2 MiB, never moved. Elsewhere, or
// when the kernel refuses, they are ordinary memory with the same alignment.
#pragma once

#include <cstddef>

namespace trace {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

// `bytes` (a multiple of kHugePageBytes), aligned to kHugePageBytes.
// Throws std::bad_alloc when out of memory.
void* allocateHuge(std::size_t bytes);
// Gives back a block from allocateHuge(bytes), with the same `bytes`.
void releaseHuge(void* p, std::size_t bytes);

}  // namespace trace
