// string_index.h: finds a string's id in the trace's string table.
//
// Recorder::intern runs for every task name, result repr and wake-up label
// ("Task.__wakeup(Task-7)"); 100,000 tasks intern 300,000 distinct strings.
// A std::unordered_map<std::string, StrId> spends a node and a second copy
// of every string there. This is open addressing over (hash, id) pairs
// that compares against the table itself, so the strings are stored once
// (in a StringTable).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/trace/event.h"
#include "core/trace/string_table.h"

namespace trace {

class StringIndex {
 public:
  // The id of s in `strings`, appending it when new. Every string of
  // `strings` must have gone through here (ids are positions).
  StrId intern(std::string_view s, StringTable& strings);
  // Forgets everything (the table is being restarted).
  void clear();
  std::size_t memoryBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  static constexpr StrId kEmpty = ~StrId{0};
  struct Slot {
    std::uint32_t hash = 0;
    StrId id = kEmpty;
  };
  static std::uint32_t hashOf(std::string_view s);
  void grow();

  std::vector<Slot> slots_;  // size a power of two, at most half full
  std::size_t size_ = 0;
};

}  // namespace trace
