// timer_queue.cpp: the 4-ary heap and the merge of TimerQueue.
#include "core/loop/timer_queue.h"

#include <algorithm>
#include <iterator>

namespace loop {

namespace {
// 4-ary, not binary like heapq: a pop sifts through half as many levels,
// and a node's children share a cache line or two.
constexpr std::size_t kArity = 4;
// A lambda, not a function: std::sort and std::merge inline it.
constexpr auto earlier = [](const TimerSlot& x, const TimerSlot& y) { return x.before(y); };
}  // namespace

void TimerQueue::push(const TimerSlot& slot) {
  heap_.push_back(slot);
  siftUp(heap_.size() - 1);
}

TimerHandle* TimerQueue::pop() {
  const std::size_t queuedInRun = run_.size() - runHead_;
  if (heap_.size() >= kMinMerge && heap_.size() >= queuedInRun) mergeHeapIntoRun();
  if (runHead_ < run_.size() && (heap_.empty() || run_[runHead_].before(heap_.front()))) {
    TimerHandle* t = run_[runHead_++].timer;
    if (runHead_ == run_.size()) {
      run_.clear();
      runHead_ = 0;
    }
    return t;
  }
  TimerHandle* t = heap_.front().timer;
  heap_.front() = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) siftDown(0);
  return t;
}

void TimerQueue::siftUp(std::size_t i) {
  TimerSlot t = heap_[i];
  while (i > 0) {
    std::size_t parent = (i - 1) / kArity;
    if (!t.before(heap_[parent])) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = t;
}

void TimerQueue::siftDown(std::size_t i) {
  const std::size_t n = heap_.size();
  TimerSlot t = heap_[i];
  for (;;) {
    const std::size_t first = kArity * i + 1;
    if (first >= n) break;
    std::size_t child = first;
    const std::size_t last = std::min(first + kArity, n);
    for (std::size_t c = first + 1; c < last; ++c) {
      if (heap_[c].before(heap_[child])) child = c;
    }
    if (!heap_[child].before(t)) break;
    heap_[i] = heap_[child];
    i = child;
  }
  heap_[i] = t;
}

void TimerQueue::heapify() {
  for (std::size_t i = heap_.size() / kArity + 1; i-- > 0;) {
    if (i < heap_.size()) siftDown(i);
  }
}

void TimerQueue::mergeHeapIntoRun() {
  std::sort(heap_.begin(), heap_.end(), earlier);
  std::vector<TimerSlot> merged;
  merged.reserve(heap_.size() + (run_.size() - runHead_));
  std::merge(run_.begin() + static_cast<std::ptrdiff_t>(runHead_), run_.end(), heap_.begin(), heap_.end(),
             std::back_inserter(merged), earlier);
  run_.swap(merged);
  runHead_ = 0;
  heap_.clear();
}

}  // namespace loop
