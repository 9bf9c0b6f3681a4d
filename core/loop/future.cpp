// future.cpp: asyncio.Future (futures.py, 3.11; C implementation's order).
#include "core/loop/future.h"

#include <string>

#include "core/loop/event_loop.h"

namespace loop {

Future* asFuture(Value v) {
  if (!v.isObject()) return nullptr;
  Object* o = v.asObject();
  return o->isFuture() ? static_cast<Future*>(o) : nullptr;
}

trace::FutureState Future::traceState() const {
  switch (state_) {
    case State::Pending: return trace::FutureState::Pending;
    case State::Cancelled: return trace::FutureState::Cancelled;
    case State::Finished: break;
  }
  return exception_.isNone() ? trace::FutureState::Finished : trace::FutureState::Failed;
}

Value Future::makeCancelledError() { return loop_->host().makeCancelledError(cancelMessage_); }

StepResult Future::result() {
  if (state_ == State::Cancelled) return StepResult::raised(makeCancelledError());
  if (state_ != State::Finished)
    return StepResult::raised(loop_->host().makeException(ExcKind::InvalidStateError, "Result is not ready."));
  logTraceback_ = false;
  if (!exception_.isNone()) return StepResult::raised(exception_);
  return StepResult::returned(result_);
}

StepResult Future::exception() {
  if (state_ == State::Cancelled) return StepResult::raised(makeCancelledError());
  if (state_ != State::Finished)
    return StepResult::raised(loop_->host().makeException(ExcKind::InvalidStateError, "Exception is not set."));
  logTraceback_ = false;
  return StepResult::returned(exception_);
}

StepResult Future::setResult(Value v) {
  if (state_ != State::Pending) {
    return StepResult::raised(loop_->host().makeException(ExcKind::InvalidStateError, "invalid state"));
  }
  result_ = v;
  state_ = State::Finished;
  recordDone();
  scheduleCallbacks();
  return StepResult::returned();
}

StepResult Future::setException(Value exc) {
  if (state_ != State::Pending) {
    return StepResult::raised(loop_->host().makeException(ExcKind::InvalidStateError, "invalid state"));
  }
  exception_ = exc;
  state_ = State::Finished;
  logTraceback_ = true;
  loop_->unretrieved_.push_back(this);
  // A new failure: look for its being dropped after every callback again.
  loop_->droppedChecksFailed_ = 0;
  loop_->droppedCheckWait_ = 0;
  recordDone();
  scheduleCallbacks();
  return StepResult::returned();
}

bool Future::cancel(Value msg) {
  logTraceback_ = false;
  if (state_ != State::Pending) return false;
  state_ = State::Cancelled;
  cancelMessage_ = msg;
  recordDone();
  scheduleCallbacks();
  return true;
}

void Future::recordDone() {
  if (isTask()) loop_->taskDone(static_cast<Task*>(this));
  EventLoop& l = *loop_;
  if (!l.tracing()) return;
  trace::StrId text = 0;
  switch (state_) {
    case State::Finished:
      text = exception_.isNone() ? l.reprLabel(result_) : l.intern(l.host().exceptionLabel(exception_));
      break;
    case State::Cancelled:
      text = l.intern("CancelledError");
      break;
    case State::Pending:
      break;
  }
  auto kind = isTask() ? trace::EventKind::TaskDone : trace::EventKind::FutureDone;
  l.recorder().record(kind, id_, 0, text, 0.0, static_cast<std::uint8_t>(traceState()));
}

void Future::scheduleCallbacks() {
  // Copy and clear first, as futures.py does: a callback may add callbacks.
  InlineFirstList<Callback> cbs = callbacks_.take();
  for (const Callback& cb : cbs) {
    if (cb.fn != nullptr) {
      Handle* h = loop_->heap().make<Handle>(cb.fn, cb.target, Value::object(this), cb.kind);
      Task* owner = cb.kind == trace::HandleKind::TaskWakeup ? static_cast<Task*>(cb.target) : nullptr;
      loop_->pushReady(h, cb.label, owner);
    } else {
      Value arg = Value::object(this);
      loop_->callSoon(cb.callable, std::vector<Value>{arg});
    }
  }
}

void Future::addDoneCallback(NativeCallback fn, Object* target, std::string_view label,
                             trace::HandleKind kind) {
  addDoneCallbackInterned(fn, target, loop_->intern(label), kind);
}

void Future::addDoneCallbackInterned(NativeCallback fn, Object* target, trace::StrId l, trace::HandleKind kind) {
  if (state_ != State::Pending) {
    Handle* h = loop_->heap().make<Handle>(fn, target, Value::object(this), kind);
    Task* owner = kind == trace::HandleKind::TaskWakeup ? static_cast<Task*>(target) : nullptr;
    loop_->pushReady(h, l, owner);
    return;
  }
  callbacks_.push_back(Callback{fn, target, Value::none(), l, kind});
  if (loop_->tracing()) loop_->recorder().record(trace::EventKind::FutureCallbackAdded, id_, 0, l);
}

void Future::addDoneCallback(Value callable) {
  if (state_ != State::Pending) {
    loop_->callSoon(callable, std::vector<Value>{Value::object(this)});
    return;
  }
  trace::StrId l = loop_->tracing() ? loop_->intern(loop_->host().callableName(callable)) : 0;
  callbacks_.push_back(Callback{nullptr, nullptr, callable, l, trace::HandleKind::FutureCallback});
  if (loop_->tracing()) loop_->recorder().record(trace::EventKind::FutureCallbackAdded, id_, 0, l);
}

int Future::removeDoneCallback(Value callable) {
  auto same = [&](const Callback& c) { return c.fn == nullptr && c.callable == callable; };
  return static_cast<int>(callbacks_.eraseIf(same));
}

int Future::removeDoneCallback(NativeCallback fn, Object* target) {
  auto same = [&](const Callback& c) { return c.fn == fn && c.target == target; };
  return static_cast<int>(callbacks_.eraseIf(same));
}

void Future::trace(Tracer& t) {
  for (const Callback& c : callbacks_) {
    t.visit(c.target);
    t.visit(c.callable);
  }
  t.visit(result_);
  t.visit(exception_);
  t.visit(cancelMessage_);
}

}  // namespace loop
