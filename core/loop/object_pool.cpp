// object_pool.cpp: slabs and the large-block fallback of ObjectPool.
#include "core/loop/object_pool.h"

#include <new>

namespace loop {

ObjectPool::~ObjectPool() {
  for (void* s : slabs_) ::operator delete (s, std::align_val_t{kAlign});
}

void* ObjectPool::carve(std::size_t c) {
  const std::size_t size = (c + 1) * kAlign;
  if (next_[c] == nullptr || static_cast<std::size_t>(end_[c] - next_[c]) < size) {
    slabs_.reserve(slabs_.size() + 1);  // so that push_back cannot throw after the allocation
    auto* slab = static_cast<char*>(::operator new (kSlabBytes, std::align_val_t{kAlign}));
    slabs_.push_back(slab);
    next_[c] = slab;
    end_[c] = slab + kSlabBytes;
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
