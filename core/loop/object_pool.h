// object_pool.h: the Heap's allocator for small objects.
//
// The loop allocates and frees millions of small objects (handles, futures,
// tasks, a coroutine per queue put/get) and the VM as many more. Through
// malloc those cost a third of a run: glibc's fastbins are consolidated every
// time a larger block is asked for, and the frees of a collection are
// scattered over the whole arena. The pool keeps one free list per 16-byte
// size class, carved from 64 KiB slabs per class, so an allocation is a pop,
// a free is a push, and objects of one kind lie next to each other (the
// collector walks them in allocation order). Slabs go back to the system when
// the pool (its Heap) is destroyed, never during a run: a run's peak is what
// it keeps. The first kSmallSlabs slabs are small, so a small run stays
// small; after them every slab is one 2 MiB huge page (trace/huge_pages.h):
// a run that makes millions of objects pays one page fault per 2 MiB of
// them, not one per 4 KiB (a quarter of a million-handle run went to the
// kernel). Not thread-safe: a Heap belongs to one thread at a time.
//
// Under AddressSanitizer every block comes from ::operator new, so that a
// use after free is still reported.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace loop {

class ObjectPool {
 public:
  static constexpr std::size_t kAlign = 16;             // every block is aligned so
  static constexpr std::size_t kMaxPooled = 512;        // larger blocks go to ::operator new
  static constexpr std::size_t kSlabBytes = 64 * 1024;  // the small slabs
  static constexpr std::size_t kSmallSlabs = 16;        // then huge slabs (kHugePageBytes)

  ObjectPool() = default;
  ObjectPool(const ObjectPool&) = delete;
  ObjectPool& operator=(const ObjectPool&) = delete;
  ~ObjectPool();

  // A block of at least `bytes`, aligned to kAlign.
  void* allocate(std::size_t bytes) {
    if (!kEnabled || bytes > kMaxPooled) return largeAllocate(bytes);
    std::size_t c = classOf(bytes);
    if (FreeBlock* b = free_[c]) {
      free_[c] = b->next;
      // The next allocation of this class reads the new head's link: fetch
      // it now (the free list is in sweep order, scattered over the slabs,
      // and that load was a cache miss on every allocation).
      __builtin_prefetch(b->next, 1);
      return b;
    }
    return carve(c);
  }
  // Give back a block from allocate(bytes), with the same `bytes`.
  void release(void* p, std::size_t bytes) {
    if (!kEnabled || bytes > kMaxPooled) return largeRelease(p);
    std::size_t c = classOf(bytes);
    auto* b = static_cast<FreeBlock*>(p);
    b->next = free_[c];
    free_[c] = b;
  }

  // Bytes held in slabs (used or free), for tests and the bench.
  std::size_t slabBytes() const { return slabBytes_; }

#if defined(__SANITIZE_ADDRESS__)
  static constexpr bool kEnabled = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  static constexpr bool kEnabled = false;
#else
  static constexpr bool kEnabled = true;
#endif
#else
  static constexpr bool kEnabled = true;
#endif

 private:
  struct FreeBlock {
    FreeBlock* next;
  };
  static constexpr std::size_t kClasses = kMaxPooled / kAlign;
  static std::size_t classOf(std::size_t bytes) { return bytes == 0 ? 0 : (bytes - 1) / kAlign; }
  // The next unused block of class c's current slab, starting a slab when it is used up.
  void* carve(std::size_t c);
  static void* largeAllocate(std::size_t bytes);
  static void largeRelease(void* p);

  std::array<FreeBlock*, kClasses> free_{};
  std::array<char*, kClasses> next_{};  // class c's bump pointer in its current slab
  std::array<char*, kClasses> end_{};
  struct Slab {
    void* memory;
    std::size_t bytes;
  };
  std::vector<Slab> slabs_;
  std::size_t slabBytes_ = 0;
};

}  // namespace loop
