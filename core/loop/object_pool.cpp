// object_pool.cpp: slabs and the large-block fallback of ObjectPool.
#include "core/loop/object_pool.h"

#include <new>

#include "core/trace/huge_pages.h"

namespace loop {

ObjectPool::~ObjectPool() {
  for (const Slab& s : slabs_) {
    if (s.bytes == kSlabBytes)
      ::operator delete (s.memory, std::align_val_t{kAlign});
    else
      trace::releaseHuge(s.memory, s.bytes);
  }
}

void* ObjectPool::carve(std::size_t c) {
  const std::size_t size = (c + 1) * kAlign;
  if (next_[c] == nullptr || static_cast<std::size_t>(end_[c] - next_[c]) < size) {
    slabs_.reserve(slabs_.size() + 1);  // so that push_back cannot throw after the allocation
    const bool small = slabs_.size() < kSmallSlabs;
    const std::size_t bytes = small ? kSlabBytes : trace::kHugePageBytes;
    void* mem = small ? ::operator new (bytes, std::align_val_t{kAlign}) : trace::allocateHuge(bytes);
    slabs_.push_back(Slab{mem, bytes});
    slabBytes_ += bytes;
    auto* slab = static_cast<char*>(mem);
    next_[c] = slab;
    end_[c] = slab + bytes;
  }
  void* p = next_[c];
  next_[c] += size;
  return p;
}

void* ObjectPool::largeAllocate(std::size_t bytes) {
  return ::operator new (bytes, std::align_val_t{kAlign});
}

void ObjectPool::largeRelease(void* p) { ::operator delete (p, std::align_val_t{kAlign}); }

}  // namespace loop
