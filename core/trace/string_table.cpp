// string_table.cpp: appending to the blocks of a StringTable.
#include "core/trace/string_table.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

namespace trace {

StringTable::StringTable(const StringTable& other) {
  for (std::size_t i = 0; i < other.size(); ++i) push_back(other[i]);
}

StringTable& StringTable::operator=(const StringTable& other) {
  if (this != &other) {
    StringTable copy(other);
    *this = std::move(copy);
  }
  return *this;
}

StringTable::StringTable(StringTable&& other) noexcept
    : entryChunks_(std::move(other.entryChunks_)),
      size_(std::exchange(other.size_, 0)),
      blocks_(std::move(other.blocks_)),
      blockBytes_(std::exchange(other.blockBytes_, 0)),
      free_(std::exchange(other.free_, nullptr)),
      freeBytes_(std::exchange(other.freeBytes_, 0)) {}

StringTable& StringTable::operator=(StringTable&& other) noexcept {
  if (this != &other) {
    entryChunks_ = std::move(other.entryChunks_);
    size_ = std::exchange(other.size_, 0);
    blocks_ = std::move(other.blocks_);
    blockBytes_ = std::exchange(other.blockBytes_, 0);
    free_ = std::exchange(other.free_, nullptr);
    freeBytes_ = std::exchange(other.freeBytes_, 0);
  }
  return *this;
}

namespace {

// Entries the first chunk holds while the table has `size` of them: it
// doubles from 64 up to a whole chunk, so that a small trace (most runs
// print a few lines) does not hold a 64 KiB chunk for a handful of entries.
constexpr std::size_t kFirstEntries = 64;
std::size_t firstChunkCapacity(std::size_t size, std::size_t whole) {
  if (size == 0) return 0;
  return std::min(whole, std::max(kFirstEntries, std::bit_ceil(size)));
}

}  // namespace

void StringTable::pushEntry(const char* data, std::size_t size) {
  if (size_ < kEntryChunk) {
    // Still in the first chunk: make it bigger when it is full.
    const std::size_t capacity = firstChunkCapacity(size_, kEntryChunk);
    if (size_ == capacity) {
      const std::size_t grown = capacity == 0 ? kFirstEntries : capacity * 2;
      auto chunk = std::make_unique_for_overwrite<Entry[]>(grown);
      if (size_ != 0) std::copy_n(entryChunks_[0].get(), size_, chunk.get());
      if (entryChunks_.empty())
        entryChunks_.push_back(std::move(chunk));
      else
        entryChunks_[0] = std::move(chunk);
    }
  } else if ((size_ & kEntryMask) == 0) {
    entryChunks_.reserve(entryChunks_.size() + 1);  // so that push_back cannot throw after the allocation
    entryChunks_.push_back(std::make_unique_for_overwrite<Entry[]>(kEntryChunk));
  }
  entryChunks_.back()[size_ & kEntryMask] = Entry{data, size};
  ++size_;
}

void StringTable::push_back(std::string_view s) {
  if (s.empty()) {
    pushEntry("", 0);
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
  pushEntry(free_, s.size());
  free_ += s.size();
  freeBytes_ -= s.size();
}

void StringTable::clear() {
  entryChunks_.clear();
  size_ = 0;
  blocks_.clear();
  blockBytes_ = 0;
  free_ = nullptr;
  freeBytes_ = 0;
}

std::size_t StringTable::memoryBytes() const {
  const std::size_t entries =
      size_ < kEntryChunk ? firstChunkCapacity(size_, kEntryChunk) : entryChunks_.size() * kEntryChunk;
  return blockBytes_ + entries * sizeof(Entry) +
         (entryChunks_.capacity() + blocks_.capacity()) * sizeof(blocks_[0]);
}

}  // namespace trace
