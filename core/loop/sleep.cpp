// sleep.cpp: asyncio.sleep as a native coroutine with CPython's suspension points.
#include "core/loop/sleep.h"

#include <cmath>
#include <string>

#include "core/loop/event_loop.h"
#include "core/loop/format.h"

namespace loop {

namespace {

// futures._set_result_unless_cancelled(fut, result).
void setResultUnlessCancelled(EventLoop&, Object* target, Value result) {
  auto* f = static_cast<Future*>(target);
  if (f->cancelled()) return;
  f->setResult(result);
}

std::string delayText(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  return floatRepr(d);
}

class SleepCoroutine : public Coroutine {
 public:
  SleepCoroutine(EventLoop& loop, double delay, Value result) : loop_(loop), delay_(delay), result_(result) {}

  StepResult send(Value) override {
    switch (state_) {
      case 0:
        if (delay_ <= 0) {
          // __sleep0(): a bare yield, no future and no timer.
          state_ = 1;
          return StepResult::yielded(Value::none());
        }
        future_ = loop_.createFuture(loop_.tracing() ? "sleep(" + delayText(delay_) + ")" : std::string());
        timer_ = loop_.callLater(delay_, &setResultUnlessCancelled, future_, result_,
                                 loop_.tracing() ? "futures._set_result_unless_cancelled" : "",
                                 loop_.currentTask());
        state_ = 2;
        return StepResult::yielded(Value::object(future_));
      case 1:
        return finish(StepResult::returned(result_));
      case 2:
        loop_.cancelHandle(timer_);
        return finish(future_->result());
      default:
        return StepResult::raised(loop_.host().makeException(ExcKind::RuntimeError,
                                                             "cannot reuse already awaited coroutine"));
    }
  }

  StepResult throwIn(Value exc) override {
    if (state_ == 2) loop_.cancelHandle(timer_);  // the finally: h.cancel()
    return finish(StepResult::raised(exc));
  }

  std::string_view name() const override { return "sleep"; }
  bool finished() const override { return state_ == 3; }
  void trace(Tracer& t) override {
    t.visit(result_);
    t.visit(future_);
    t.visit(timer_);
  }

 private:
  StepResult finish(StepResult r) {
    state_ = 3;
    future_ = nullptr;
    timer_ = nullptr;
    return r;
  }
  EventLoop& loop_;
  double delay_;
  Value result_;
  Future* future_ = nullptr;
  TimerHandle* timer_ = nullptr;
  int state_ = 0;
};

}  // namespace

// References, values and pointers only: it owns nothing.
template <>
inline constexpr bool kOwnsNothing<SleepCoroutine> = true;

Coroutine* sleep(EventLoop& loop, double delay, Value result) {
  return loop.heap().make<SleepCoroutine>(loop, delay, result);
}

}  // namespace loop
