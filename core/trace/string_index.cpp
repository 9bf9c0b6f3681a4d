// string_index.cpp: linear probing over (hash, id) slots.
#include "core/trace/string_index.h"

#include <cstring>
#include <utility>

namespace trace {

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
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::uint32_t h = hashOf(s);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.id == kEmpty) {
      slot.hash = h;
      slot.id = static_cast<StrId>(strings.size());
      strings.push_back(s);
      ++size_;
      return slot.id;
    }
    if (slot.hash == h && strings[slot.id] == s) return slot.id;
  }
}

void StringIndex::clear() {
  slots_.clear();
  size_ = 0;
}

// The stored hashes are enough to re-place every slot: no string is read.
void StringIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kEmpty) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].id != kEmpty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace trace
