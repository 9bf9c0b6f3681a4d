// string_table.cpp: appending to the blocks of a StringTable.
#include "core/trace/string_table.h"

#include <algorithm>
#include <cstring>

namespace trace {

StringTable::StringTable(const StringTable& other) {
  entries_.reserve(other.size());
  for (std::size_t i = 0; i < other.size(); ++i) push_back(other[i]);
}

StringTable& StringTable::operator=(const StringTable& other) {
  if (this != &other) {
    StringTable copy(other);
    *this = std::move(copy);
  }
  return *this;
}

void StringTable::push_back(std::string_view s) {
  if (s.empty()) {
    entries_.push_back(Entry{"", 0});
    return;
  }
  if (s.size() > freeBytes_) {
    // A string longer than a block gets a block of its own; the current
    // block's free end stays usable only if the big one is not the new last.
    const std::size_t bytes = std::max(kBlockBytes, s.size());
    blocks_.reserve(blocks_.size() + 1);  // so that push_back cannot throw after the allocation
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(bytes));
    blockBytes_ += bytes;
    free_ = blocks_.back().get();
    freeBytes_ = bytes;
  }
  std::memcpy(free_, s.data(), s.size());
  entries_.push_back(Entry{free_, s.size()});
  free_ += s.size();
  freeBytes_ -= s.size();
}

void StringTable::clear() {
  entries_.clear();
  blocks_.clear();
  blockBytes_ = 0;
  free_ = nullptr;
  freeBytes_ = 0;
}

std::size_t StringTable::memoryBytes() const {
  return blockBytes_ + entries_.capacity() * sizeof(Entry) + blocks_.capacity() * sizeof(blocks_[0]);
}

}  // namespace trace
