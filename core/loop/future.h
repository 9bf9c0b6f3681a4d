// future.h: asyncio.Future in virtual time (asyncio/futures.py, 3.11).
//
// A Future is pending, then finished (with a result or an exception) or
// cancelled. Completion never runs callbacks synchronously: each done
// callback is scheduled with call_soon, in registration order. Operations
// that raise in Python return StepResult::Raised with the exception Value.
// Create futures with EventLoop::createFuture (it assigns the trace id).
#pragma once

#include <string_view>
#include <vector>

#include "core/loop/coroutine.h"
#include "core/loop/handle.h"
#include "core/loop/inline_first_list.h"
#include "core/loop/object.h"
#include "core/loop/value.h"
#include "core/trace/event.h"

namespace loop {

class EventLoop;

class Future : public Object {
 public:
  enum class State : unsigned char { Pending, Finished, Cancelled };

  explicit Future(EventLoop& loop) : loop_(&loop) { setObjectClass(ObjectClass::Future); }

  EventLoop& loop() const { return *loop_; }
  trace::Id id() const { return id_; }
  trace::StrId label() const { return label_; }
  virtual bool isTask() const { return false; }

  bool done() const { return state_ != State::Pending; }
  bool cancelled() const { return state_ == State::Cancelled; }
  State state() const { return state_; }
  // The trace's view: Finished with an exception is Failed.
  trace::FutureState traceState() const;

  // fut.result(): Returned(result), Raised(exception), Raised(CancelledError)
  // when cancelled, Raised(InvalidStateError "Result is not set.") when pending.
  StepResult result();
  // fut.exception(): Returned(exception or None), or Raised as result().
  StepResult exception();
  // set_result / set_exception: Returned(None), or Raised(InvalidStateError)
  // when already done. A Task refuses both (RuntimeError), as in CPython.
  virtual StepResult setResult(Value v);
  virtual StepResult setException(Value exc);
  // fut.cancel(msg=None): false if already done.
  virtual bool cancel(Value msg = Value::none());

  // add_done_callback: native (fn(loop, target, future)) or language callable
  // (called with the future). Already done: scheduled at once with call_soon.
  // label names it in the trace ("Task.__wakeup(Task-2)"); kind is the
  // HandleKind of the handle that will run it.
  void addDoneCallback(NativeCallback fn, Object* target, std::string_view label,
                       trace::HandleKind kind = trace::HandleKind::FutureCallback);
  // The same with the label already interned (hot paths: Task.__wakeup).
  void addDoneCallbackInterned(NativeCallback fn, Object* target, trace::StrId label,
                               trace::HandleKind kind = trace::HandleKind::FutureCallback);
  void addDoneCallback(Value callable);
  // remove_done_callback(fn): how many were removed.
  int removeDoneCallback(Value callable);
  int removeDoneCallback(NativeCallback fn, Object* target);

  // The raw outcome, without the "retrieved" side effect.
  Value rawResult() const { return result_; }
  Value rawException() const { return exception_; }
  bool hasException() const { return state_ == State::Finished && !exception_.isNone(); }
  // The message passed to cancel() (3.11 _cancel_message).
  Value cancelMessage() const { return cancelMessage_; }
  // True while a set exception has not been looked at (futures.py __log_traceback).
  bool logTraceback() const { return logTraceback_; }
  void setLogTraceback(bool on) { logTraceback_ = on; }

  // _make_cancelled_error(): the CancelledError that escaped (Task), else a
  // new CancelledError(msg). gather uses it too.
  virtual Value makeCancelledError();

  void trace(Tracer& t) override;
  std::size_t extraBytes() const override { return callbacks_.capacityBytes(); }

 protected:
  friend class EventLoop;
  // Shared by set_result/set_exception/cancel once the state is set.
  void scheduleCallbacks();
  void recordDone();

  struct Callback {
    NativeCallback fn = nullptr;  // nullptr: callable is a language callable
    Object* target = nullptr;
    Value callable;
    trace::StrId label = 0;
    trace::HandleKind kind = trace::HandleKind::FutureCallback;
  };

  EventLoop* loop_;
  InlineFirstList<Callback> callbacks_;
  Value result_;
  Value exception_;
  Value cancelMessage_;
  trace::Id id_ = 0;
  trace::StrId label_ = 0;
  State state_ = State::Pending;
  bool logTraceback_ = false;
};

// Is v a loop::Future (or Task) object?
Future* asFuture(Value v);

}  // namespace loop
