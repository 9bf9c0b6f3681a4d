// string_index.h: finds a string's id in the trace's string table.
//
// Recorder::intern runs for every task name, result repr and wake-up label
// ("Task.__wakeup(Task-7)"); 100,000 tasks intern 300,000 distinct strings.
// A std::unordered_map<std::string, StrId> spends a node and a second copy
// of every string there. This is open addressing over (hash, id) pairs
// that compares against the table itself, so the strings are stored once
// (in a StringTable). Decimal numbers ("0" to "1048575", as repr writes
// them) skip the hashing: their ids sit in an array indexed by value.
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
  StringIndex() = default;
  StringIndex(const StringIndex& other);
  StringIndex& operator=(const StringIndex& other);
  StringIndex(StringIndex&& other) noexcept;
  StringIndex& operator=(StringIndex&& other) noexcept;
  ~StringIndex();

  // The id of s in `strings`, appending it when new. Every string of
  // `strings` must have gone through here (ids are positions).
  StrId intern(std::string_view s, StringTable& strings);
  // Forgets everything (the table is being restarted).
  void clear();
  std::size_t memoryBytes() const { return capacity_ * sizeof(Slot) + numbers_.capacity() * sizeof(StrId); }

 private:
  // idPlus1 == 0 marks an empty slot, so that fresh zeroed memory is an
  // empty table: a big table comes straight from huge pages (no fill).
  struct Slot {
    std::uint32_t hash;
    StrId idPlus1;
  };
  static std::uint32_t hashOf(std::string_view s);
  // The id of s if it is a number numbers_ covers (else kNotANumber), appending it when new.
  StrId internNumber(std::string_view s, StringTable& strings);
  void grow();
  static Slot* allocate(std::size_t n);
  static void release(Slot* p, std::size_t n);

  // capacity_ slots, a power of two, at most half full. From 2 MiB on they
  // are whole huge pages: every new string probes a slot at random, and
  // with 4 KiB pages each probe was a TLB miss as well as a cache miss.
  Slot* slots_ = nullptr;
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;
  // Id + 1 of the decimal spelling of each value (0: not interned yet).
  // A queue of 100,000 distinct numbers interned one random slot of the
  // table each (a cache miss apiece); consecutive values share lines here.
  // Every intern of such a string comes through here, never the table, so
  // equal strings still get one id.
  std::vector<StrId> numbers_;
};

}  // namespace trace
