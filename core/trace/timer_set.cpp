// timer_set.cpp: the chunked sorted list behind State::timers.
//
// Invariants: no chunk is empty, each is sorted by (when, seq), and every
// timer of chunk i comes before every timer of chunk i+1. Chunks split when
// they pass kChunk and merge with a neighbour when they shrink below a
// quarter of it, so the chunk count stays within a small factor of
// size / kChunk whatever the order of inserts and erases.
#include "core/trace/timer_set.h"

#include "core/trace/heap_bytes.h"

#include <algorithm>
#include <iterator>

namespace trace {

namespace {

bool before(const TimerView& t, double when, std::uint64_t seq) {
  return t.when < when || (t.when == when && t.seq < seq);
}

}  // namespace

const TimerView& TimerSet::operator[](std::size_t i) const {
  for (const Chunk& c : chunks_) {
    if (i < c.size()) return c[i];
    i -= c.size();
  }
  return chunks_.back().back();  // out of range, as a std::vector would not check either
}

std::size_t TimerSet::chunkFor(double when, std::uint64_t seq) const {
  auto it = std::partition_point(lastKeys_.begin(), lastKeys_.end(), [&](const Key& k) {
    return k.when < when || (k.when == when && k.seq < seq);
  });
  return static_cast<std::size_t>(it - lastKeys_.begin());
}

void TimerSet::insert(const TimerView& t) {
  ++size_;
  if (chunks_.empty()) {
    chunks_.emplace_back().reserve(kChunk);
    chunks_.back().push_back(t);
    lastKeys_.push_back(Key{t.when, t.seq});
    return;
  }
  // Past every timer: append to the last chunk (the common case when
  // deadlines grow with the clock).
  std::size_t c = std::min(chunkFor(t.when, t.seq), chunks_.size() - 1);
  Chunk& chunk = chunks_[c];
  auto at = std::partition_point(chunk.begin(), chunk.end(),
                                 [&](const TimerView& x) { return before(x, t.when, t.seq); });
  chunk.insert(at, t);
  updateLastKey(c);
  if (chunk.size() <= kChunk) return;
  // Split in halves; the new chunk gets the upper half.
  Chunk upper;
  upper.reserve(kChunk);
  auto mid = chunk.begin() + static_cast<std::ptrdiff_t>(chunk.size() / 2);
  upper.assign(mid, chunk.end());
  chunk.erase(mid, chunk.end());
  chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(c) + 1, std::move(upper));
  lastKeys_.insert(lastKeys_.begin() + static_cast<std::ptrdiff_t>(c) + 1, Key{});
  updateLastKey(c);
  updateLastKey(c + 1);
}

TimerView* TimerSet::find(double when, std::uint64_t seq) {
  return const_cast<TimerView*>(static_cast<const TimerSet&>(*this).find(when, seq));
}

const TimerView* TimerSet::find(double when, std::uint64_t seq) const {
  std::size_t c = chunkFor(when, seq);
  if (c == chunks_.size()) return nullptr;
  const Chunk& chunk = chunks_[c];
  auto at = std::partition_point(chunk.begin(), chunk.end(),
                                 [&](const TimerView& x) { return before(x, when, seq); });
  if (at == chunk.end() || at->when != when || at->seq != seq) return nullptr;
  return &*at;
}

bool TimerSet::erase(double when, std::uint64_t seq) {
  std::size_t c = chunkFor(when, seq);
  if (c == chunks_.size()) return false;
  Chunk& chunk = chunks_[c];
  auto at = std::partition_point(chunk.begin(), chunk.end(),
                                 [&](const TimerView& x) { return before(x, when, seq); });
  if (at == chunk.end() || at->when != when || at->seq != seq) return false;
  chunk.erase(at);
  --size_;
  if (chunk.empty()) {
    chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(c));
    lastKeys_.erase(lastKeys_.begin() + static_cast<std::ptrdiff_t>(c));
    return true;
  }
  updateLastKey(c);
  if (chunk.size() >= kChunk / 4) return true;
  // Too small: merge into a neighbour that has room, so erasures in
  // scattered places cannot leave thousands of near-empty chunks.
  if (c + 1 < chunks_.size() && chunk.size() + chunks_[c + 1].size() <= kChunk) {
    Chunk& next = chunks_[c + 1];
    next.insert(next.begin(), chunk.begin(), chunk.end());
    chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(c));
    lastKeys_.erase(lastKeys_.begin() + static_cast<std::ptrdiff_t>(c));  // next keeps its last key
  } else if (c > 0 && chunk.size() + chunks_[c - 1].size() <= kChunk) {
    Chunk& prev = chunks_[c - 1];
    prev.insert(prev.end(), chunk.begin(), chunk.end());
    chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(c));
    lastKeys_.erase(lastKeys_.begin() + static_cast<std::ptrdiff_t>(c));
    updateLastKey(c - 1);
  }
  return true;
}

TimerView* TimerSet::findId(Id id) {
  for (Chunk& c : chunks_)
    for (TimerView& t : c)
      if (t.id == id) return &t;
  return nullptr;
}

void TimerSet::clear() {
  chunks_.clear();
  lastKeys_.clear();
  size_ = 0;
}

std::size_t TimerSet::memoryBytes() const {
  std::size_t n =
      heapBytes(chunks_.capacity() * sizeof(Chunk)) + heapBytes(lastKeys_.capacity() * sizeof(Key));
  for (const Chunk& c : chunks_) n += heapBytes(c.capacity() * sizeof(TimerView));
  return n;
}

}  // namespace trace
