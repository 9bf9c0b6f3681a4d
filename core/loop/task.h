// task.h: asyncio.Task: a Future that drives a Coroutine (asyncio/tasks.py, 3.11).
//
// State machine (tasks.py's comment, kept as trace::TaskState):
//   Scheduled --__step runs--> Running --yields a pending Future--> Waiting
//   Running --bare yield--> Scheduled     Waiting --__wakeup--> Scheduled
//   Running --returns / raises / CancelledError escapes--> Done
// Cancellation: cancel() cancels the future the task waits on (the
// CancelledError is then thrown at the await), or else sets _must_cancel so
// that the next __step throws it. Create tasks with EventLoop::createTask.
#pragma once

#include <string>
#include <string_view>

#include "core/loop/coroutine.h"
#include "core/loop/future.h"

namespace loop {

class Task : public Future {
 public:
  Task(EventLoop& loop, Coroutine* coro, std::string name)
      : Future(loop), coro_(coro), name_(std::move(name)) {
    setObjectClass(ObjectClass::Task);
  }

  bool isTask() const override { return true; }
  Coroutine* coro() const { return coro_; }
  const std::string& name() const { return name_; }
  void setName(std::string name) {
    name_ = std::move(name);
    wakeupLabel_ = 0;
  }

  // Task.cancel(msg=None): false if done; counts the request.
  bool cancel(Value msg = Value::none()) override;
  int cancelling() const { return numCancelsRequested_; }
  int uncancel();
  // Tasks refuse set_result / set_exception (RuntimeError).
  StepResult setResult(Value v) override;
  StepResult setException(Value exc) override;

  // The future the task waits on (nullptr: running, scheduled or done).
  Future* waiter() const { return futWaiter_; }
  bool mustCancel() const { return mustCancel_; }
  // The task whose step was running when this one was created (0: none).
  trace::Id parent() const { return parent_; }

  void trace(Tracer& t) override;
  std::size_t extraBytes() const override;

 Value makeCancelledError() override;

 private:
  friend class EventLoop;
  // Task.__step(exc): exc None means send(None).
  void step(Value exc);
  // Task.__wakeup(fut).
  void wakeup(Future* fut);
  static void stepCallback(EventLoop& loop, Object* target, Value arg);
  static void wakeupCallback(EventLoop& loop, Object* target, Value arg);
  void scheduleStep(Value exc);

  Coroutine* coro_;
  std::string name_;
  Future* futWaiter_ = nullptr;
  Value cancelledExc_;  // the CancelledError that escaped, re-raised by result()
  int numCancelsRequested_ = 0;
  trace::Id parent_ = 0;
  trace::StrId wakeupLabel_ = 0;  // "Task.__wakeup(Task-2)", interned on first await
  std::size_t pendingIndex_ = static_cast<std::size_t>(-1);  // in EventLoop::pending_
  bool mustCancel_ = false;
};

}  // namespace loop
