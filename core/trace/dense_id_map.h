// dense_id_map.h: id -> position, as a plain array where ids are dense.
//
// A recorder hands out ids from one increasing counter, so the ids of the
// tasks (or futures) of a State fill a range with few gaps. State::apply
// looks one up for nearly every event, and pruning done futures renumbers
// thousands at once: in an array indexed by id a lookup is one load with no
// probing, and renumbering the futures (which are in id order) writes the
// array front to back. Ids a State did not get from such a counter (hand
// made traces, or far beyond the live ones) go to an IdMap instead, so the
// array never grows beyond kSlack entries per stored id (plus kMinDense).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/trace/event.h"
#include "core/trace/id_map.h"

namespace trace {

class DenseIdMap {
 public:
  // The array may hold this many entries per stored id (ids of other kinds
  // share the counter and leave gaps), and always this many.
  static constexpr std::size_t kSlack = 16;
  static constexpr std::size_t kMinDense = 4096;

  const std::uint32_t* find(Id id) const {
    if (id < dense_.size() && dense_[id] != kAbsent) return &dense_[id];
    return sparse_.size() != 0 ? sparse_.find(id) : nullptr;
  }

  // Inserts or overwrites. Id 0 means "none" and is never stored.
  void set(Id id, std::uint32_t value) {
    if (id == 0) return;
    if (id >= dense_.size() && !growFor(id)) {
      if (sparse_.find(id) == nullptr) ++size_;
      sparse_.set(id, value);
      return;
    }
    if (dense_[id] == kAbsent) {
      // It may have gone to the sparse map before the array reached it.
      if (sparse_.size() == 0 || !sparse_.erase(id)) ++size_;
    }
    dense_[id] = value;
  }

  bool erase(Id id) {
    if (id < dense_.size() && dense_[id] != kAbsent) {
      dense_[id] = kAbsent;
      --size_;
      return true;
    }
    if (sparse_.size() != 0 && sparse_.erase(id)) {
      --size_;
      return true;
    }
    return false;
  }

  // Empties the map but keeps its capacity, for refilling at once.
  void clear() {
    std::fill(dense_.begin(), dense_.end(), kAbsent);
    sparse_.clear();
    size_ = 0;
  }
  // Room for n ids, the largest maxId, without regrowing: the array when
  // they are dense enough for it, else the hash map (a seek refills a map
  // with thousands of far-apart ids, and rehashing as it grows cost more
  // than the refill).
  void reserve(std::size_t n, Id maxId) {
    const std::size_t need = std::size_t(maxId) + 1;
    if (need <= n * kSlack + kMinDense) {
      if (need > dense_.size()) dense_.resize(need, kAbsent);
    } else {
      sparse_.reserve(n);
    }
  }
  std::size_t size() const { return size_; }
  std::size_t memoryBytes() const {
    return dense_.capacity() * sizeof(std::uint32_t) + sparse_.memoryBytes();
  }

 private:
  static constexpr std::uint32_t kAbsent = ~std::uint32_t{0};

  // Extends the array to cover id if that keeps it dense enough.
  bool growFor(Id id) {
    const std::size_t need = std::size_t(id) + 1;
    if (need > (size_ + 1) * kSlack + kMinDense) return false;
    dense_.resize(std::max(need, dense_.size() * 2), kAbsent);
    return true;
  }

  std::vector<std::uint32_t> dense_;  // position by id, or kAbsent
  IdMap<std::uint32_t> sparse_;       // ids beyond dense_ when they came
  std::size_t size_ = 0;              // entries in both
};

}  // namespace trace
