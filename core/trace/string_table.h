// string_table.h: the trace's strings, packed into shared blocks.
//
// A traced run keeps every name, label and repr it ever showed: 100,000
// sleeping tasks make 300,000 distinct strings ("sleep(0.8444218515250481)",
// "Task.__wakeup(Task-5)"). As a std::vector<std::string> most of them were
// a malloc of their own (past the 15 characters kept inline) and a 32-byte
// string object; here their characters are appended to 64 KiB blocks and
// each entry is a pointer and a length. Entries never move, so a
// string_view handed out stays valid as long as the table. The entries
// themselves live in fixed chunks too: a vector of them doubled and copied
// itself into fresh pages (100,000 distinct queue items: a megabyte and a
// half copied and faulted in twice over).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace trace {

class StringTable {
 public:
  static constexpr std::size_t kBlockBytes = 64 * 1024;
  // Entries per chunk: 4096 of 16 bytes, 64 KiB.
  static constexpr unsigned kEntryChunkBits = 12;

  StringTable() = default;
  StringTable(const StringTable& other);
  StringTable& operator=(const StringTable& other);
  StringTable(StringTable&& other) noexcept;
  StringTable& operator=(StringTable&& other) noexcept;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view operator[](std::size_t i) const {
    const Entry& e = entryChunks_[i >> kEntryChunkBits][i & kEntryMask];
    return {e.data, e.size};
  }
  // Appends a copy of s; its index is size() - 1.
  void push_back(std::string_view s);
  void clear();
  void shrink_to_fit() { entryChunks_.shrink_to_fit(); }
  // Heap bytes held: blocks and entries.
  std::size_t memoryBytes() const;

 private:
  struct Entry {
    const char* data;
    std::size_t size;
  };
  static constexpr std::size_t kEntryChunk = std::size_t{1} << kEntryChunkBits;
  static constexpr std::size_t kEntryMask = kEntryChunk - 1;
  void pushEntry(const char* data, std::size_t size);

  std::vector<std::unique_ptr<Entry[]>> entryChunks_;  // every one kEntryChunk entries
  std::size_t size_ = 0;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t blockBytes_ = 0;  // sum of the blocks' sizes
  char* free_ = nullptr;        // the unused end of the last block
  std::size_t freeBytes_ = 0;
};

}  // namespace trace
