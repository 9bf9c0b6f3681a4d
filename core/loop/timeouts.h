// timeouts.h: asyncio.timeout / timeout_at and the Timeout context manager
// (asyncio/timeouts.py, 3.11).
//
// __aenter__ and __aexit__ are `async def` in CPython but never suspend, so
// here they are plain calls; the language wraps them as awaitables that
// complete at once. On expiry the timer cancels the task; __aexit__ turns
// that CancelledError into TimeoutError when uncancel() drops to 0.
#pragma once

#include <optional>

#include "core/loop/coroutine.h"
#include "core/loop/handle.h"
#include "core/loop/object.h"

namespace loop {

class EventLoop;
class Task;

class Timeout : public Object {
 public:
  enum class State : unsigned char { Created, Entered, Expiring, Expired, Exited };

  Timeout(EventLoop& loop, std::optional<double> when) : loop_(&loop), when_(when) {
    setObjectClass(ObjectClass::Timeout);
  }

  std::optional<double> when() const { return when_; }
  // cm.reschedule(when): Raised(RuntimeError) unless entered.
  StepResult reschedule(std::optional<double> when);
  bool expired() const { return state_ == State::Expiring || state_ == State::Expired; }
  State state() const { return state_; }

  // __aenter__: Returned(the Timeout itself) or Raised(RuntimeError) outside a task.
  StepResult enter();
  // __aexit__(type(exc), exc, tb): exc is the exception leaving the block
  // (None if none). Returned(None) (never suppresses) or Raised(TimeoutError
  // whose __context__ is exc).
  StepResult exit(Value exc);

  void trace(Tracer& t) override;

 private:
  static void onTimeout(EventLoop& loop, Object* target, Value arg);
  EventLoop* loop_;
  std::optional<double> when_;
  Handle* handle_ = nullptr;
  Task* task_ = nullptr;
  State state_ = State::Created;
};

// asyncio.timeout(delay): deadline loop.time() + delay (nullopt: none).
Timeout* timeout(EventLoop& loop, std::optional<double> delay);
// asyncio.timeout_at(when).
Timeout* timeoutAt(EventLoop& loop, std::optional<double> when);

}  // namespace loop
