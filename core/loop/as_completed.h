// as_completed.h: asyncio.as_completed (tasks.py, 3.11).
//
// A plain iterator in CPython: ensure_future on every argument (creation
// order: argument order), a done queue, then len(todo) coroutines
// `_wait_for_one` that each await the next finished future.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/loop/coroutine.h"
#include "core/loop/future.h"

namespace loop {

class EventLoop;
class Queue;

class AsCompleted : public Object {
 public:
  // Use asCompleted() to build one.
  explicit AsCompleted(EventLoop& loop) : loop_(&loop) {}
  // How many coroutines the iterator yields (len(todo) at creation).
  std::size_t count() const { return count_; }
  // The next `_wait_for_one()` coroutine; call count() times.
  Coroutine* next();
  void trace(Tracer& t) override;

 private:
  friend AsCompleted* asCompleted(EventLoop&, std::span<const Value>, std::optional<double>);
  static void onCompletion(EventLoop& loop, Object* target, Value arg);
  static void onTimeout(EventLoop& loop, Object* target, Value arg);
  EventLoop* loop_;
  Queue* done_ = nullptr;
  std::vector<Future*> todo_;
  Handle* timeoutHandle_ = nullptr;
  std::size_t count_ = 0;
};

AsCompleted* asCompleted(EventLoop& loop, std::span<const Value> fs, std::optional<double> timeout);

}  // namespace loop
