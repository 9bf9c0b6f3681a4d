// string_index.cpp: linear probing over (hash, id) slots.
#include "core/trace/string_index.h"

#include <cstring>
#include <new>
#include <utility>

#include "core/trace/huge_pages.h"

namespace trace {

StringIndex::~StringIndex() { release(slots_, capacity_); }

StringIndex::StringIndex(const StringIndex& other) : capacity_(other.capacity_), size_(other.size_) {
  if (capacity_ != 0) {
    slots_ = allocate(capacity_);
    std::memcpy(slots_, other.slots_, capacity_ * sizeof(Slot));
  }
}

StringIndex& StringIndex::operator=(const StringIndex& other) {
  if (this != &other) {
    StringIndex copy(other);
    *this = std::move(copy);
  }
  return *this;
}

StringIndex::StringIndex(StringIndex&& other) noexcept
    : slots_(std::exchange(other.slots_, nullptr)),
      capacity_(std::exchange(other.capacity_, 0)),
      size_(std::exchange(other.size_, 0)) {}

StringIndex& StringIndex::operator=(StringIndex&& other) noexcept {
  if (this != &other) {
    release(slots_, capacity_);
    slots_ = std::exchange(other.slots_, nullptr);
    capacity_ = std::exchange(other.capacity_, 0);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

StringIndex::Slot* StringIndex::allocate(std::size_t n) {
  const std::size_t bytes = n * sizeof(Slot);
  if (bytes >= kHugePageBytes) return static_cast<Slot*>(allocateHuge(bytes));  // zeroed by the kernel
  return new Slot[n]();
}

void StringIndex::release(Slot* p, std::size_t n) {
  if (p == nullptr) return;
  if (n * sizeof(Slot) >= kHugePageBytes)
    releaseHuge(p, n * sizeof(Slot));
  else
    delete[] p;
}

// Eight bytes at a time, each mixed in by a multiply: the strings are short
// labels and reprs ("v", "Task-7", "sleep(0.25)"), for which std::hash's
// byte-wise tail loop and out-of-line call cost more than the probe.
std::uint32_t StringIndex::hashOf(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  if (n != 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 29;
  }
  h *= 0x9e3779b97f4a7c15ull;
  return static_cast<std::uint32_t>(h >> 32);
}

StrId StringIndex::intern(std::string_view s, StringTable& strings) {
  if ((size_ + 1) * 2 > capacity_) grow();
  const std::uint32_t h = hashOf(s);
  const std::size_t mask = capacity_ - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.idPlus1 == 0) {
      const auto id = static_cast<StrId>(strings.size());
      slot.hash = h;
      slot.idPlus1 = id + 1;
      strings.push_back(s);
      ++size_;
      return id;
    }
    if (slot.hash == h && strings[slot.idPlus1 - 1] == s) return slot.idPlus1 - 1;
  }
}

void StringIndex::clear() {
  release(slots_, capacity_);
  slots_ = nullptr;
  capacity_ = 0;
  size_ = 0;
}

// The stored hashes are enough to re-place every slot: no string is read.
void StringIndex::grow() {
  const std::size_t oldCapacity = capacity_;
  Slot* old = slots_;
  capacity_ = oldCapacity == 0 ? 64 : oldCapacity * 2;
  slots_ = allocate(capacity_);
  const std::size_t mask = capacity_ - 1;
  for (std::size_t k = 0; k < oldCapacity; ++k) {
    const Slot& s = old[k];
    if (s.idPlus1 == 0) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].idPlus1 != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
  release(old, oldCapacity);
}

}  // namespace trace
