// string_index.cpp: linear probing over (hash, id) slots.
#include "core/trace/string_index.h"

#include <functional>
#include <utility>

namespace trace {

std::uint32_t StringIndex::hashOf(std::string_view s) {
  std::uint64_t h = std::hash<std::string_view>{}(s);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

StrId StringIndex::intern(std::string_view s, std::vector<std::string>& strings) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::uint32_t h = hashOf(s);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.id == kEmpty) {
      slot.hash = h;
      slot.id = static_cast<StrId>(strings.size());
      strings.emplace_back(s);
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
