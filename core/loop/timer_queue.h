// timer_queue.h: the loop's `scheduled` timers, earliest (when, seq) first.
//
// CPython keeps a binary heap (heapq). Any structure that pops in (when,
// seq) order pops the same timers in the same order, since (when, seq) is a
// total order, so this one is built for speed: a 4-ary heap for timers as
// they come, plus a sorted run. When the heap has grown at least as big as
// the rest of the run, it is sorted and merged into the run, and pops take
// the smaller of the two fronts. 100,000 sleepers scheduled in one
// iteration are then one sort and 100,000 sequential pops, instead of
// 100,000 sift-downs through a heap that misses the cache at every level;
// a handful of timers never leave the heap. Each timer takes part in a
// merge at most O(log n) times, so a push and a pop stay O(log n) amortised.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace loop {

class TimerHandle;

// A slot carries its timer's (when, seq), so ordering never touches the
// TimerHandles (with 100,000 sleeping tasks each dereference is a cache miss).
struct TimerSlot {
  double when;
  std::uint64_t seq;
  TimerHandle* timer;
  bool before(const TimerSlot& o) const { return when < o.when || (when == o.when && seq < o.seq); }
};

class TimerQueue {
 public:
  // The heap is merged into the run only from this size on: below it a
  // heap is as fast, and small programs never sort.
  static constexpr std::size_t kMinMerge = 64;

  bool empty() const { return heap_.empty() && runHead_ == run_.size(); }
  std::size_t size() const { return heap_.size() + (run_.size() - runHead_); }
  // The earliest timer; the queue must not be empty.
  const TimerSlot& top() const {
    if (runHead_ == run_.size()) return heap_.front();
    if (heap_.empty()) return run_[runHead_];
    return heap_.front().before(run_[runHead_]) ? heap_.front() : run_[runHead_];
  }
  void push(const TimerSlot& slot);
  // Removes and returns the earliest timer; the queue must not be empty.
  TimerHandle* pop();

  // Every timer, in no particular order (the collector's roots).
  template <class F>
  void forEach(F f) const {
    for (const TimerSlot& s : heap_) f(s);
    for (std::size_t i = runHead_; i < run_.size(); ++i) f(run_[i]);
  }
  // Removes every timer for which drop(slot) is true (it is called once per
  // timer, heap first, then the run in order); keeps the order of the rest.
  template <class Drop>
  void removeIf(Drop drop) {
    std::vector<TimerSlot> kept;
    kept.reserve(heap_.size());
    for (const TimerSlot& s : heap_)
      if (!drop(s)) kept.push_back(s);
    heap_.swap(kept);
    std::size_t out = 0;
    for (std::size_t i = runHead_; i < run_.size(); ++i)
      if (!drop(run_[i])) run_[out++] = run_[i];
    run_.resize(out);
    runHead_ = 0;
    heapify();
  }

 private:
  void siftUp(std::size_t i);
  void siftDown(std::size_t i);
  void heapify();
  // Sorts the heap into the run (see the file comment).
  void mergeHeapIntoRun();

  std::vector<TimerSlot> heap_;  // 4-ary heap, earliest first
  std::vector<TimerSlot> run_;   // sorted; [runHead_, size) still queued
  std::size_t runHead_ = 0;
};

}  // namespace loop
