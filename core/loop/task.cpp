// task.cpp: asyncio.Task's __step and __wakeup (tasks.py, 3.11), traced.
#include "core/loop/task.h"

#include <string>

#include "core/loop/event_loop.h"

namespace loop {

bool Task::cancel(Value msg) {
  logTraceback_ = false;
  if (done()) return false;
  ++numCancelsRequested_;
  EventLoop& l = *loop_;
  if (futWaiter_ != nullptr) {
    if (futWaiter_->cancel(msg)) {
      // Leave futWaiter_: it may be a Task that ignores the cancellation,
      // which we may have to cancel again later.
      if (l.tracing()) {
        l.recorder().record(trace::EventKind::TaskCancelRequested, id_, 0,
                            msg.isNone() ? 0 : l.reprLabel(msg));
      }
      return true;
    }
  }
  // __step must already be scheduled: the error is thrown there.
  mustCancel_ = true;
  cancelMessage_ = msg;
  if (l.tracing()) {
    l.recorder().record(trace::EventKind::TaskCancelRequested, id_, 1, msg.isNone() ? 0 : l.reprLabel(msg));
  }
  return true;
}

int Task::uncancel() {
  if (numCancelsRequested_ > 0) --numCancelsRequested_;
  return numCancelsRequested_;
}

StepResult Task::setResult(Value) {
  return StepResult::raised(loop_->host().makeException(ExcKind::RuntimeError,
                                                        "Task does not support set_result operation"));
}

StepResult Task::setException(Value) {
  return StepResult::raised(loop_->host().makeException(ExcKind::RuntimeError,
                                                        "Task does not support set_exception operation"));
}

Value Task::makeCancelledError() {
  // The CancelledError that escaped the coroutine is the one result() raises.
  if (!cancelledExc_.isNone()) {
    Value exc = cancelledExc_;
    cancelledExc_ = Value::none();
    return exc;
  }
  return Future::makeCancelledError();
}

void Task::stepCallback(EventLoop&, Object* target, Value arg) { static_cast<Task*>(target)->step(arg); }

void Task::wakeupCallback(EventLoop&, Object* target, Value arg) {
  static_cast<Task*>(target)->wakeup(static_cast<Future*>(arg.asObject()));
}

void Task::scheduleStep(Value exc) {
  EventLoop& l = *loop_;
  Handle* h = l.heap().make<Handle>(&Task::stepCallback, this, exc, trace::HandleKind::TaskStep);
  if (l.tracing() && l.stepLabel_ == 0) l.stepLabel_ = l.intern("Task.__step");
  l.pushReady(h, l.tracing() ? l.stepLabel_ : 0, this);
}

void Task::wakeup(Future* fut) {
  StepResult r = fut->result();
  if (r.kind == StepResult::Raised) {
    step(r.value);
  } else {
    step(Value::none());
  }
}

void Task::step(Value exc) {
  EventLoop& l = *loop_;
  Host& host = l.host();
  if (done()) {
    l.callExceptionHandler(ErrorContext{trace::DiagnosticKind::CallbackError,
                                        "_step(): already done: " + name_, Value::none(), this, 0});
    return;
  }
  if (mustCancel_) {
    if (exc.isNone() || !host.isCancelledError(exc)) exc = makeCancelledError();
    mustCancel_ = false;
  }
  // The memory budget: the last collection found the heap too big, so this
  // step starts by raising MemoryError where the coroutine waits (only when
  // it would resume normally: a cancellation still gets through).
  if (exc.isNone() && l.heap().takeMemoryError()) {
    exc = host.makeException(ExcKind::MemoryError, {});
  }
  futWaiter_ = nullptr;

  Task* previous = l.currentTask_;
  l.currentTask_ = this;
  if (l.tracing()) l.recorder().record(trace::EventKind::TaskStepBegin, id_);
  StepResult r = exc.isNone() ? coro_->send(Value::none()) : coro_->throwIn(exc);
  l.currentTask_ = previous;

  switch (r.kind) {
    case StepResult::Returned:
      if (mustCancel_) {
        // Cancelled right before the coroutine returned.
        mustCancel_ = false;
        Future::cancel(cancelMessage_);
      } else {
        Future::setResult(r.value);
      }
      return;
    case StepResult::Raised:
      if (host.isCancelledError(r.value)) {
        cancelledExc_ = r.value;  // result() re-raises this very exception
        Future::cancel();
      } else {
        Future::setException(r.value);
      }
      return;
    case StepResult::Yielded:
      break;
  }

  Value y = r.value;
  if (y.isNone()) {
    // A bare yield gives up control for exactly one iteration.
    if (l.tracing()) {
      if (l.sleep0Label_ == 0) l.sleep0Label_ = l.intern("sleep(0)");
      l.recorder().record(trace::EventKind::TaskSuspended, id_, 0, l.sleep0Label_, coro_->line());
    }
    scheduleStep(Value::none());
    return;
  }
  Future* fut = asFuture(y);
  if (fut == nullptr || &fut->loop() != loop_ || fut == this) {
    std::string msg;
    if (fut == nullptr) msg = "Task got bad yield: " + host.repr(y);
    else if (fut == this) msg = "Task cannot await on itself: " + name_;
    else msg = "Task " + name_ + " got Future attached to a different loop";
    scheduleStep(host.makeException(ExcKind::RuntimeError, msg));
    return;
  }
  if (l.tracing()) {
    l.recorder().record(trace::EventKind::TaskSuspended, id_, fut->id(), fut->label(), coro_->line());
  }
  if (l.tracing() && wakeupLabel_ == 0) wakeupLabel_ = l.intern("Task.__wakeup(" + name_ + ")");
  fut->addDoneCallbackInterned(&Task::wakeupCallback, this, l.tracing() ? wakeupLabel_ : 0,
                               trace::HandleKind::TaskWakeup);
  futWaiter_ = fut;
  if (mustCancel_) {
    if (futWaiter_->cancel(cancelMessage_)) mustCancel_ = false;
  }
}

void Task::trace(Tracer& t) {
  Future::trace(t);
  t.visit(coro_);
  t.visit(futWaiter_);
  t.visit(cancelledExc_);
}

std::size_t Task::extraBytes() const { return Future::extraBytes() + name_.capacity(); }

}  // namespace loop
