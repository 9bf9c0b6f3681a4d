// id_map.h: a flat hash map from trace ids to small values.
//
// State::apply looks objects up by id for nearly every event, and seeking
// rebuilds the maps for each State it returns; std::unordered_map spends a
// heap node and a cache miss per entry there. This is open addressing with
// linear probing in one array (Fibonacci hashing, load <= 1/2) and
// backward-shift deletion, so there are no tombstones to clean up. Id 0
// means "none" in traces and is never stored: find(0) is always null.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/trace/event.h"

namespace trace {

template <typename V>
class IdMap {
 public:
  const V* find(Id id) const {
    if (id == 0 || slots_.empty()) return nullptr;
    for (std::size_t i = home(id);; i = (i + 1) & mask()) {
      const Slot& s = slots_[i];
      if (s.key == id) return &s.value;
      if (s.key == 0) return nullptr;
    }
  }
  V* find(Id id) { return const_cast<V*>(std::as_const(*this).find(id)); }

  // Inserts or overwrites.
  void set(Id id, V value) {
    if (id == 0) return;
    if ((size_ + 1) * 2 > slots_.size()) grow();
    for (std::size_t i = home(id);; i = (i + 1) & mask()) {
      Slot& s = slots_[i];
      if (s.key == id) {
        s.value = std::move(value);
        return;
      }
      if (s.key == 0) {
        s.key = id;
        s.value = std::move(value);
        ++size_;
        return;
      }
    }
  }

  bool erase(Id id) {
    if (id == 0 || slots_.empty()) return false;
    std::size_t i = home(id);
    while (slots_[i].key != id) {
      if (slots_[i].key == 0) return false;
      i = (i + 1) & mask();
    }
    // Backward shift: pull later entries of the probe run into the hole
    // unless their home lies cyclically in (hole, j].
    for (std::size_t j = (i + 1) & mask();; j = (j + 1) & mask()) {
      if (slots_[j].key == 0) break;
      std::size_t k = home(slots_[j].key);
      bool stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
      if (stays) continue;
      slots_[i] = std::move(slots_[j]);
      i = j;
    }
    slots_[i] = Slot{};
    --size_;
    return true;
  }

  // Empties the map but keeps its capacity, for refilling at once.
  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
  }
  void reserve(std::size_t n) {
    while (n * 2 > slots_.size()) grow();
  }
  std::size_t size() const { return size_; }
  std::size_t memoryBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    Id key = 0;
    V value{};
  };

  std::size_t mask() const { return slots_.size() - 1; }
  std::size_t home(Id id) const {
    return static_cast<std::size_t>(static_cast<std::uint32_t>(id * 2654435769u) >> (32 - bits_));
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    bits_ = old.empty() ? 4 : bits_ + 1;
    slots_.assign(std::size_t(1) << bits_, Slot{});
    size_ = 0;
    for (Slot& s : old)
      if (s.key != 0) set(s.key, std::move(s.value));
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  unsigned bits_ = 0;
};

}  // namespace trace
