// timer_set.h: the timers of a State, kept in (when, seq) order.
//
// The UI draws timers earliest first, so State needs them sorted; replay
// inserts each new timer wherever its deadline falls and removes one when
// it comes due (nearly always the earliest). A sorted array makes the
// insert O(n): 100,000 sleeping tasks cost 10^10 moves. A node-based tree
// makes every keyframe copy and seek allocate once per timer. This is a
// sorted list of sorted chunks (at most kChunk timers each): an insert or
// erase binary-searches the chunk, then moves at most kChunk timers; a
// copy allocates once per chunk. Keys (when, seq) are unique.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "core/trace/event.h"

namespace trace {

struct TimerView {
  Id id = 0;
  Id task = 0;
  StrId label = 0;
  double when = 0.0;
  std::uint64_t seq = 0;  // scheduling order: ties fire in this order
  bool cancelled = false;
};

class TimerSet {
 public:
  // Largest chunk; a full chunk splits in two. Small enough that moving
  // half of one is cheap, large enough that the list of chunks stays short.
  static constexpr std::size_t kChunk = 128;

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = TimerView;
    using difference_type = std::ptrdiff_t;
    using pointer = const TimerView*;
    using reference = const TimerView&;

    const_iterator() = default;
    reference operator*() const { return (*chunks_)[chunk_][at_]; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      if (++at_ == (*chunks_)[chunk_].size()) {
        ++chunk_;
        at_ = 0;
      }
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const const_iterator& o) const { return chunk_ == o.chunk_ && at_ == o.at_; }

   private:
    friend class TimerSet;
    const_iterator(const std::vector<std::vector<TimerView>>* chunks, std::size_t chunk, std::size_t at)
        : chunks_(chunks), chunk_(chunk), at_(at) {}
    const std::vector<std::vector<TimerView>>* chunks_ = nullptr;
    std::size_t chunk_ = 0;
    std::size_t at_ = 0;
  };
  using iterator = const_iterator;  // read-only: order is by key, keys never change in place

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const_iterator begin() const { return {&chunks_, 0, 0}; }
  const_iterator end() const { return {&chunks_, chunks_.size(), 0}; }
  const TimerView& front() const { return chunks_.front().front(); }
  const TimerView& back() const { return chunks_.back().back(); }
  // The i-th earliest timer: O(number of chunks), for tests and small states.
  const TimerView& operator[](std::size_t i) const;

  // Adds t in (when, seq) order. Its key must not be in the set.
  void insert(const TimerView& t);
  // The timer with this key, or null. The caller may change anything but when and seq.
  TimerView* find(double when, std::uint64_t seq);
  const TimerView* find(double when, std::uint64_t seq) const;
  // Removes the timer with this key; false if there is none.
  bool erase(double when, std::uint64_t seq);
  // By id, without an index: a linear scan.
  TimerView* findId(Id id);
  void clear();

  // Heap bytes held (malloc's rounding included), for keyframe spacing.
  std::size_t memoryBytes() const;
  std::size_t chunkCount() const { return chunks_.size(); }

 private:
  using Chunk = std::vector<TimerView>;
  // The first chunk whose last timer is not before (when, seq), or chunks_.size().
  std::size_t chunkFor(double when, std::uint64_t seq) const;

  struct Key {
    double when;
    std::uint64_t seq;
  };
  // lastKeys_[i] is the key of chunks_[i].back(): the binary search over
  // chunks reads this one array instead of a cache line of every chunk it
  // passes (100,000 timers are a thousand chunks).
  void updateLastKey(std::size_t c) { lastKeys_[c] = Key{chunks_[c].back().when, chunks_[c].back().seq}; }

  std::vector<Chunk> chunks_;  // none empty; each sorted; all of chunk i before chunk i+1
  std::vector<Key> lastKeys_;  // one per chunk
  std::size_t size_ = 0;
};

}  // namespace trace
