// event_log.cpp: chunk allocation, growth and copying of EventLog.
#include "core/trace/event_log.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <utility>

namespace trace {

Event* EventLog::allocate(std::size_t capacity) {
  if (capacity == kChunkEvents) return static_cast<Event*>(allocateHuge(kHugePageBytes));
  return static_cast<Event*>(::operator new(capacity * sizeof(Event)));
}

void EventLog::release(const Chunk& c) {
  if (c.capacity == kChunkEvents)
    releaseHuge(c.data, kHugePageBytes);
  else
    ::operator delete(c.data);
}

EventLog::EventLog(const EventLog& other) {
  chunks_.reserve(other.chunks_.size());
  for (std::size_t k = 0; k < other.chunks_.size(); ++k) {
    std::span<const Event> src = other.chunk(k);
    // A copy is exact: only a full chunk keeps its huge page.
    const std::size_t cap = src.size();
    Chunk c{allocate(cap), cap};
    std::memcpy(static_cast<void*>(c.data), src.data(), src.size() * sizeof(Event));
    chunks_.push_back(c);
  }
  size_ = other.size_;
  if (!chunks_.empty()) tail_ = tailEnd_ = chunks_.back().data + chunks_.back().capacity;
}

EventLog& EventLog::operator=(const EventLog& other) {
  if (this != &other) {
    EventLog copy(other);
    *this = std::move(copy);
  }
  return *this;
}

EventLog::EventLog(EventLog&& other) noexcept
    : chunks_(std::move(other.chunks_)), tail_(other.tail_), tailEnd_(other.tailEnd_), size_(other.size_) {
  other.chunks_.clear();
  other.tail_ = other.tailEnd_ = nullptr;
  other.size_ = 0;
}

EventLog& EventLog::operator=(EventLog&& other) noexcept {
  if (this != &other) {
    clear();
    chunks_ = std::move(other.chunks_);
    tail_ = other.tail_;
    tailEnd_ = other.tailEnd_;
    size_ = other.size_;
    other.chunks_.clear();
    other.tail_ = other.tailEnd_ = nullptr;
    other.size_ = 0;
  }
  return *this;
}

EventLog::~EventLog() { clear(); }

std::size_t EventLog::capacity() const {
  if (chunks_.empty()) return 0;
  return (chunks_.size() - 1) * kChunkEvents + chunks_.back().capacity;
}

EventLog::const_iterator EventLog::begin() const {
  if (chunks_.empty()) return {this, 0, nullptr, nullptr};
  const Chunk& c = chunks_.front();
  // An empty first chunk (after shrinking nothing) begins where it ends.
  return {this, 0, size_ == 0 ? tail_ : c.data, c.data + c.capacity};
}

EventLog::const_iterator EventLog::end() const {
  if (chunks_.empty()) return {this, 0, nullptr, nullptr};
  return {this, chunks_.size() - 1, tail_, tailEnd_};
}

std::span<const Event> EventLog::chunk(std::size_t k) const {
  const std::size_t n = k + 1 < chunks_.size() ? kChunkEvents : lastCount();
  return {chunks_[k].data, n};
}

void EventLog::resizeLast(std::size_t capacity) {
  Chunk& last = chunks_.back();
  const std::size_t n = lastCount();
  Chunk grown{allocate(capacity), capacity};
  std::memcpy(static_cast<void*>(grown.data), last.data, n * sizeof(Event));
  release(last);
  last = grown;
  tail_ = grown.data + n;
  tailEnd_ = grown.data + capacity;
}

void EventLog::grow() {
  if (!chunks_.empty() && chunks_.back().capacity < kChunkEvents) {
    // Past an eighth of a huge page, straight to a whole one: doubling on
    // up to it copied the first chunk twice more, into fresh 4 KiB pages
    // that each faulted (a tenth of a traced run's faults).
    const std::size_t doubled = std::max(kFirstCapacity, chunks_.back().capacity * 2);
    resizeLast(doubled > kChunkEvents / 8 ? kChunkEvents : doubled);
    return;
  }
  const std::size_t cap = chunks_.empty() ? kFirstCapacity : kChunkEvents;
  chunks_.reserve(chunks_.size() + 1);  // so that push_back cannot throw after the allocation
  Chunk c{allocate(cap), cap};
  chunks_.push_back(c);
  tail_ = c.data;
  tailEnd_ = c.data + cap;
}

void EventLog::clear() {
  for (const Chunk& c : chunks_) release(c);
  chunks_.clear();
  tail_ = tailEnd_ = nullptr;
  size_ = 0;
}

void EventLog::shrink_to_fit() {
  if (chunks_.empty()) return;
  const std::size_t n = lastCount();
  if (n == 0) {
    release(chunks_.back());
    chunks_.pop_back();
    if (chunks_.empty()) {
      tail_ = tailEnd_ = nullptr;
    } else {
      tail_ = tailEnd_ = chunks_.back().data + chunks_.back().capacity;
    }
  } else if (n < chunks_.back().capacity) {
    resizeLast(n);
  }
  chunks_.shrink_to_fit();
}

std::size_t EventLog::memoryBytes() const {
  return capacity() * sizeof(Event) + chunks_.capacity() * sizeof(Chunk);
}

}  // namespace trace
