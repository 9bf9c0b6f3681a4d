// timeouts.cpp: the Timeout context manager (timeouts.py, 3.11).
#include "core/loop/timeouts.h"

#include "core/loop/event_loop.h"

namespace loop {

StepResult Timeout::reschedule(std::optional<double> when) {
  if (state_ != State::Entered) {
    const char* s = state_ == State::Created ? "created" : state_ == State::Expiring ? "expiring"
                    : state_ == State::Expired ? "expired" : "finished";
    return StepResult::raised(loop_->host().makeException(
        ExcKind::RuntimeError, std::string("Cannot change state of ") + s + " Timeout"));
  }
  when_ = when;
  if (handle_ != nullptr) loop_->cancelHandle(handle_);
  if (!when) {
    handle_ = nullptr;
  } else if (*when <= loop_->time()) {
    handle_ = loop_->callSoon(&Timeout::onTimeout, this, Value::none(), trace::HandleKind::Callback,
                              loop_->tracing() ? "Timeout._on_timeout" : "", task_);
  } else {
    handle_ = loop_->callAt(*when, &Timeout::onTimeout, this, Value::none(),
                            loop_->tracing() ? "Timeout._on_timeout" : "", task_);
  }
  return StepResult::returned();
}

StepResult Timeout::enter() {
  state_ = State::Entered;
  task_ = loop_->currentTask();
  if (task_ == nullptr) {
    return StepResult::raised(loop_->host().makeException(ExcKind::RuntimeError, "Timeout should be used inside a task"));
  }
  StepResult r = reschedule(when_);
  if (!r.ok()) return r;
  return StepResult::returned(Value::object(this));
}

StepResult Timeout::exit(Value exc) {
  if (handle_ != nullptr) {
    loop_->cancelHandle(handle_);
    handle_ = nullptr;
  }
  if (state_ == State::Expiring) {
    state_ = State::Expired;
    // No outstanding cancel requests left: this timeout is what cancelled us.
    if (task_->uncancel() == 0 && !exc.isNone() && loop_->host().isCancelledError(exc)) {
      Value te = loop_->host().makeException(ExcKind::TimeoutError, "");
      loop_->host().setContext(te, exc);
      return StepResult::raised(te);
    }
  } else if (state_ == State::Entered) {
    state_ = State::Exited;
  }
  return StepResult::returned();
}

void Timeout::onTimeout(EventLoop&, Object* target, Value) {
  auto* self = static_cast<Timeout*>(target);
  self->task_->cancel();
  self->state_ = State::Expiring;
  self->handle_ = nullptr;
}

void Timeout::trace(Tracer& t) {
  t.visit(handle_);
  t.visit(task_);
}

Timeout* timeout(EventLoop& loop, std::optional<double> delay) {
  std::optional<double> when;
  if (delay) when = loop.time() + *delay;
  return loop.heap().make<Timeout>(loop, when);
}

Timeout* timeoutAt(EventLoop& loop, std::optional<double> when) { return loop.heap().make<Timeout>(loop, when); }

}  // namespace loop
