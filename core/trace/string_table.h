// string_table.h: the trace's strings, packed into shared blocks.
//
// A traced run keeps every name, label and repr it ever showed: 100,000
// sleeping tasks make 300,000 distinct strings ("sleep(0.8444218515250481)",
// "Task.__wakeup(Task-5)"). As a std::vector<std::string> most of them were
// a malloc of their own (past the 15 characters kept inline) and a 32-byte
// string object; here their characters are appended to 64 KiB blocks and
// each entry is a pointer and a length. Entries never move, so a
// string_view handed out stays valid as long as the table.
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

  StringTable() = default;
  StringTable(const StringTable& other);
  StringTable& operator=(const StringTable& other);
  StringTable(StringTable&&) noexcept = default;
  StringTable& operator=(StringTable&&) noexcept = default;

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  std::string_view operator[](std::size_t i) const { return {entries_[i].data, entries_[i].size}; }
  // Appends a copy of s; its index is size() - 1.
  void push_back(std::string_view s);
  void clear();
  void shrink_to_fit() { entries_.shrink_to_fit(); }
  // Heap bytes held: blocks and entries.
  std::size_t memoryBytes() const;

 private:
  struct Entry {
    const char* data;
    std::size_t size;
  };
  std::vector<Entry> entries_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t blockBytes_ = 0;  // sum of the blocks' sizes
  char* free_ = nullptr;        // the unused end of the last block
  std::size_t freeBytes_ = 0;
};

}  // namespace trace
