// gather.h: asyncio.gather (tasks.py, 3.11) and the _GatheringFuture.
//
// gather is a plain function returning a future: children are made with
// ensure_future in argument order (duplicates share one child), each gets
// _done_callback, and the result list is built in argument order once all
// are done. Cancelling the outer future cancels the children.
#pragma once

#include <span>
#include <vector>

#include "core/loop/future.h"

namespace loop {

class GatheringFuture : public Future {
 public:
  GatheringFuture(EventLoop& loop, std::vector<Future*> children, bool returnExceptions)
      : Future(loop), children_(std::move(children)), returnExceptions_(returnExceptions) {
    setObjectClass(ObjectClass::GatheringFuture);
  }
  bool cancel(Value msg = Value::none()) override;
  const std::vector<Future*>& children() const { return children_; }
  void trace(Tracer& t) override;

 private:
  friend Future* gather(EventLoop&, std::span<const Value>, bool);
  static void doneCallback(EventLoop& loop, Object* target, Value arg);
  std::vector<Future*> children_;
  std::size_t nfuts_ = 0;
  std::size_t nfinished_ = 0;
  bool returnExceptions_;
  bool cancelRequested_ = false;
};

// asyncio.gather(*args, return_exceptions=...). Each arg must be a Future or
// a Coroutine object (ensure_future); the language wraps other awaitables
// first. No args: a future already finished with [].
Future* gather(EventLoop& loop, std::span<const Value> args, bool returnExceptions);

}  // namespace loop
