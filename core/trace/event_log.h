// event_log.h: the trace's events, in chunks that never move.
//
// A traced run appends millions of 24-byte events. In one std::vector every
// doubling copied the whole log and touched twice its size in fresh pages
// (the biggest cost of a traced run after the loop itself). Here the log is
// a list of chunks: the first grows by doubling (small traces stay small),
// every later chunk is one 2 MiB huge page (huge_pages.h) filled in place.
// Appending never copies an old event, and event i lives at chunk
// i / kChunkEvents, slot i % kChunkEvents, so indexing stays O(1).
//
// It reads like a const std::vector<Event> (size, [], range-for, back), which
// is how Trace::events() was used before.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <span>
#include <vector>

#include "core/trace/event.h"
#include "core/trace/huge_pages.h"

#if defined(__x86_64__) && defined(__SSE2__)
#include <immintrin.h>
#endif

namespace trace {

static_assert(offsetof(Event, a) == 4 && offsetof(Event, b) == 8 && offsetof(Event, c) == 12 &&
              offsetof(Event, d) == 16);

class EventLog {
 public:
  // Events per full chunk: one huge page.
  static constexpr std::size_t kChunkEvents = kHugePageBytes / sizeof(Event);
  // The first chunk's first capacity; it doubles up to kChunkEvents.
  static constexpr std::size_t kFirstCapacity = 256;

  // Walks the chunks in order (forward only: that is all range-for needs).
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Event;
    using difference_type = std::ptrdiff_t;
    using pointer = const Event*;
    using reference = const Event&;

    const_iterator() = default;
    reference operator*() const { return *p_; }
    pointer operator->() const { return p_; }
    const_iterator& operator++() {
      // Every chunk but the last is full, so its end is where the next begins.
      if (++p_ == chunkEnd_ && chunk_ + 1 < log_->chunks_.size()) {
        const Chunk& next = log_->chunks_[++chunk_];
        p_ = next.data;
        chunkEnd_ = next.data + next.capacity;
      }
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const const_iterator& x, const const_iterator& y) { return x.p_ == y.p_; }

   private:
    friend class EventLog;
    const_iterator(const EventLog* log, std::size_t chunk, const Event* p, const Event* chunkEnd)
        : log_(log), chunk_(chunk), p_(p), chunkEnd_(chunkEnd) {}
    const EventLog* log_ = nullptr;
    std::size_t chunk_ = 0;
    const Event* p_ = nullptr;
    const Event* chunkEnd_ = nullptr;
  };
  using iterator = const_iterator;
  using value_type = Event;
  using size_type = std::size_t;

  EventLog() = default;
  EventLog(const EventLog& other);
  EventLog& operator=(const EventLog& other);
  EventLog(EventLog&& other) noexcept;
  EventLog& operator=(EventLog&& other) noexcept;
  ~EventLog();

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Events that fit before the next allocation.
  std::size_t capacity() const;
  const Event& operator[](std::size_t i) const { return chunks_[i / kChunkEvents].data[i % kChunkEvents]; }
  const Event& front() const { return chunks_.front().data[0]; }
  const Event& back() const { return tail_[-1]; }
  const_iterator begin() const;
  const_iterator end() const;

  // The events in chunk k (0 <= k < chunkCount()), for loops that want a
  // plain array: every chunk but the last holds kChunkEvents.
  std::size_t chunkCount() const { return chunks_.size(); }
  std::span<const Event> chunk(std::size_t k) const;

  void push_back(const Event& e) { push(e.kind, e.flags, e.reserved, e.a, e.b, e.c, e.d); }
  // push_back of the event with these fields, which the caller has in
  // registers (Recorder::record): no Event is stored and read back.
  void push(EventKind kind, std::uint8_t flags, std::uint16_t reserved, Id a, std::uint32_t b, StrId c,
            double d) {
    if (tail_ == tailEnd_) grow();
#if defined(__x86_64__) && defined(__SSE2__)
    // Streaming stores: the log is written once and not read back while
    // recording, so the cache lines need not be fetched first (an ordinary
    // store misses on every fresh line: most of record()'s time). fence()
    // orders them before another thread reads the log.
    // The words are put together from the fields: an Event the caller has
    // just stored field by field, read back as whole words, would stall on
    // store forwarding (little-endian x86-64: the layout of Event below).
    const std::uint64_t w0 = std::uint64_t(static_cast<std::uint8_t>(kind)) | std::uint64_t(flags) << 8 |
                             std::uint64_t(reserved) << 16 | std::uint64_t(a) << 32;
    const std::uint64_t w1 = std::uint64_t(b) | std::uint64_t(c) << 32;
    std::uint64_t w2;
    std::memcpy(&w2, &d, sizeof w2);
    auto* to = reinterpret_cast<long long*>(tail_);
    _mm_stream_si64(to, static_cast<long long>(w0));
    _mm_stream_si64(to + 1, static_cast<long long>(w1));
    _mm_stream_si64(to + 2, static_cast<long long>(w2));
    ++tail_;
#else
    *tail_++ = Event{kind, flags, reserved, a, b, c, d};
#endif
    ++size_;
  }
  // Makes every appended event visible to other threads (after streaming
  // stores); Recorder::finish calls it before handing the trace over.
  static void fence() {
#if defined(__x86_64__) && defined(__SSE2__)
    _mm_sfence();
#endif
  }
  void clear();
  // Gives back the unused end of the last chunk (a finished trace).
  void shrink_to_fit();
  // Heap bytes held: every chunk's capacity and the chunk table.
  std::size_t memoryBytes() const;

 private:
  struct Chunk {
    Event* data;
    std::size_t capacity;  // kChunkEvents for huge-page chunks
  };
  // Makes room for one more event: the last chunk grows while it is smaller
  // than kChunkEvents, otherwise a new full chunk starts.
  void grow();
  // Replaces the last chunk by one of `capacity`, keeping its events.
  void resizeLast(std::size_t capacity);
  std::size_t lastCount() const { return size_ - (chunks_.size() - 1) * kChunkEvents; }
  static Event* allocate(std::size_t capacity);
  static void release(const Chunk& c);

  std::vector<Chunk> chunks_;
  Event* tail_ = nullptr;     // next free slot of the last chunk
  Event* tailEnd_ = nullptr;  // end of the last chunk
  std::size_t size_ = 0;
};

}  // namespace trace
