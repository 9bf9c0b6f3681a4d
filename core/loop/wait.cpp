// wait.cpp: asyncio.wait and asyncio.wait_for (tasks.py, 3.11) as native
// coroutines whose states are the `await`s of CPython's `async def`s.
#include "core/loop/wait.h"

#include <string>
#include <unordered_set>
#include <vector>

#include "core/loop/event_loop.h"
#include "core/loop/format.h"

namespace loop {

namespace {

// _release_waiter(waiter, *args): target = waiter.
void releaseWaiter(EventLoop&, Object* target, Value) {
  auto* waiter = static_cast<Future*>(target);
  if (!waiter->done()) waiter->setResult(Value::none());
}

std::string nameOf(Future* f, EventLoop& loop) {
  if (f->isTask()) return static_cast<Task*>(f)->name();
  return std::string(loop.recorder().trace().str(f->label()));
}

class WaitCoroutine : public Coroutine {
 public:
  WaitCoroutine(EventLoop& loop, std::span<const Value> fs, std::optional<double> timeout, ReturnWhen rw)
      : loop_(loop), args_(fs.begin(), fs.end()), timeout_(timeout), returnWhen_(rw) {}

  StepResult send(Value) override {
    if (state_ == 0) return start();
    if (state_ == 1) return finish(false, Value::none());
    return reused();
  }
  StepResult throwIn(Value exc) override {
    if (state_ == 1) return finish(true, exc);
    state_ = 2;
    return StepResult::raised(exc);
  }
  std::string_view name() const override { return "wait"; }
  bool finished() const override { return state_ == 2; }
  void trace(Tracer& t) override {
    for (Value v : args_) t.visit(v);
    for (Future* f : fs_) t.visit(f);
    t.visit(waiter_);
    t.visit(timeoutHandle_);
  }

 private:
  StepResult reused() {
    return StepResult::raised(loop_.host().makeException(ExcKind::RuntimeError, "cannot reuse already awaited coroutine"));
  }

  StepResult start() {
    state_ = 2;
    if (args_.empty()) {
      return StepResult::raised(loop_.host().makeException(ExcKind::ValueError, "Set of Tasks/Futures is empty."));
    }
    // fs = {ensure_future(f) for f in set(fs)}: insertion order instead of hash order.
    std::unordered_set<std::uint64_t> seenArgs;
    std::unordered_set<Future*> seenFutures;
    for (Value v : args_) {
      if (!seenArgs.insert(v.bits()).second) continue;
      Future* f = loop_.ensureFuture(v);
      if (seenFutures.insert(f).second) fs_.push_back(f);
    }
    args_.clear();
    std::string label;
    if (loop_.tracing()) {
      label = "wait(";
      for (std::size_t i = 0; i < fs_.size(); ++i) label += (i ? ", " : "") + nameOf(fs_[i], loop_);
      label += ")";
    }
    waiter_ = loop_.createFuture(label);
    if (timeout_) {
      timeoutHandle_ = loop_.callLater(*timeout_, &releaseWaiter, waiter_, Value::none(),
                                       loop_.tracing() ? "_release_waiter" : "", loop_.currentTask());
    }
    counter_ = fs_.size();
    for (Future* f : fs_) f->addDoneCallback(&WaitCoroutine::onCompletion, this, loop_.tracing() ? "wait._on_completion" : "");
    state_ = 1;
    return StepResult::yielded(Value::object(waiter_));  // a fresh waiter: always pending
  }

  static void onCompletion(EventLoop& loop, Object* target, Value arg) {
    auto* self = static_cast<WaitCoroutine*>(target);
    auto* f = static_cast<Future*>(arg.asObject());
    --self->counter_;
    if (self->counter_ == 0 || self->returnWhen_ == ReturnWhen::FirstCompleted ||
        (self->returnWhen_ == ReturnWhen::FirstException && !f->cancelled() && !f->exception().value.isNone())) {
      if (self->timeoutHandle_ != nullptr) loop.cancelHandle(self->timeoutHandle_);
      if (!self->waiter_->done()) self->waiter_->setResult(Value::none());
    }
  }

  StepResult finish(bool raised, Value exc) {
    state_ = 2;
    if (timeoutHandle_ != nullptr) loop_.cancelHandle(timeoutHandle_);
    for (Future* f : fs_) f->removeDoneCallback(&WaitCoroutine::onCompletion, this);
    if (raised) return StepResult::raised(exc);
    std::vector<Value> done, pending;
    for (Future* f : fs_) (f->done() ? done : pending).push_back(Value::object(f));
    Host& host = loop_.host();
    Value pair[2] = {host.makeSet(done), host.makeSet(pending)};
    return StepResult::returned(host.makeTuple(pair));
  }

  EventLoop& loop_;
  std::vector<Value> args_;
  std::vector<Future*> fs_;
  std::optional<double> timeout_;
  ReturnWhen returnWhen_;
  Future* waiter_ = nullptr;
  TimerHandle* timeoutHandle_ = nullptr;
  std::size_t counter_ = 0;
  int state_ = 0;  // 0 not started, 1 awaiting the waiter, 2 finished
};

// wait_for, 3.11. States name the await the coroutine is suspended at.
class WaitForCoroutine : public Coroutine {
 public:
  WaitForCoroutine(EventLoop& loop, Value aw, std::optional<double> timeout)
      : loop_(loop), arg_(aw), timeout_(timeout) {}

  StepResult send(Value) override { return resume(false, Value::none()); }
  StepResult throwIn(Value exc) override { return resume(true, exc); }
  std::string_view name() const override { return "wait_for"; }
  bool finished() const override { return state_ == Done; }
  void trace(Tracer& t) override {
    t.visit(arg_);
    t.visit(fut_);
    t.visit(waiter_);
    t.visit(cancelWaiter_);
    t.visit(timeoutHandle_);
    t.visit(savedExc_);
    t.visit(delegate_);
  }

 private:
  enum State { Start, AwaitArg, ZeroCancel, AwaitWaiter, CancelAfterCancelled, CancelAfterTimeout, Done };

  StepResult done(StepResult r) {
    state_ = Done;
    return r;
  }
  StepResult raise(ExcKind k, std::string_view msg = {}) { return done(StepResult::raised(loop_.host().makeException(k, msg))); }

  // `await fut` in the middle of the coroutine: suspend unless done.
  StepResult awaitFuture(Future* f, State next) {
    state_ = next;
    if (f->done()) return resume(false, Value::none());
    return StepResult::yielded(Value::object(f));
  }

  // _cancel_and_wait(fut): add _release_waiter, cancel, await the waiter.
  StepResult cancelAndWait(State next) {
    cancelWaiter_ = loop_.createFuture(loop_.tracing() ? "wait_for cancelling " + nameOf(fut_, loop_) : "");
    fut_->addDoneCallback(&releaseWaiter, cancelWaiter_, loop_.tracing() ? "_release_waiter" : "");
    fut_->cancel();
    state_ = next;
    return StepResult::yielded(Value::object(cancelWaiter_));
  }

  // fut.result(), with CancelledError turned into TimeoutError from it.
  StepResult resultOrTimeout() {
    StepResult r = fut_->result();
    if (r.kind == StepResult::Raised && loop_.host().isCancelledError(r.value)) {
      Value te = loop_.host().makeException(ExcKind::TimeoutError, "");
      loop_.host().setCause(te, r.value);
      return StepResult::raised(te);
    }
    return r;
  }

  StepResult resume(bool thrown, Value exc) {
    switch (state_) {
      case Start: {
        if (thrown) return done(StepResult::raised(exc));
        if (!timeout_) {
          // return await fut: a coroutine is awaited inline (delegation).
          if (Future* f = asFuture(arg_)) {
            fut_ = f;
            if (f->done()) return done(f->result());
            state_ = AwaitArg;
            return StepResult::yielded(Value::object(f));
          }
          Coroutine* c = arg_.isObject() && arg_.asObject()->isCoroutine()
                             ? static_cast<Coroutine*>(arg_.asObject())
                             : nullptr;
          if (c == nullptr) return raise(ExcKind::TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
          delegate_ = c;
          state_ = AwaitArg;
          return forward(c->send(Value::none()));
        }
        if (*timeout_ <= 0) {
          fut_ = loop_.ensureFuture(arg_);
          if (fut_ == nullptr) return raise(ExcKind::TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
          if (fut_->done()) return done(fut_->result());
          return cancelAndWait(ZeroCancel);
        }
        waiter_ = loop_.createFuture(loop_.tracing() ? "wait_for(timeout=" + floatRepr(*timeout_) + ")" : "");
        timeoutHandle_ = loop_.callLater(*timeout_, &releaseWaiter, waiter_, Value::none(),
                                         loop_.tracing() ? "_release_waiter" : "", loop_.currentTask());
        fut_ = loop_.ensureFuture(arg_);
        if (fut_ == nullptr) {
          loop_.cancelHandle(timeoutHandle_);
          return raise(ExcKind::TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
        }
        fut_->addDoneCallback(&releaseWaiter, waiter_, loop_.tracing() ? "_release_waiter" : "");
        state_ = AwaitWaiter;
        return StepResult::yielded(Value::object(waiter_));
      }
      case AwaitArg:
        if (delegate_ != nullptr) return forward(thrown ? delegate_->throwIn(exc) : delegate_->send(Value::none()));
        if (thrown) return done(StepResult::raised(exc));
        return done(fut_->result());
      case ZeroCancel:
        fut_->removeDoneCallback(&releaseWaiter, cancelWaiter_);
        if (thrown) return done(StepResult::raised(exc));
        return done(resultOrTimeout());
      case AwaitWaiter:
        if (thrown) {
          if (!loop_.host().isCancelledError(exc)) return finally(StepResult::raised(exc));
          if (fut_->done()) return finally(fut_->result());
          fut_->removeDoneCallback(&releaseWaiter, waiter_);
          savedExc_ = exc;
          return cancelAndWait(CancelAfterCancelled);
        }
        if (fut_->done()) return finally(fut_->result());
        fut_->removeDoneCallback(&releaseWaiter, waiter_);
        return cancelAndWait(CancelAfterTimeout);
      case CancelAfterCancelled:
        fut_->removeDoneCallback(&releaseWaiter, cancelWaiter_);
        return finally(StepResult::raised(thrown ? exc : savedExc_));
      case CancelAfterTimeout:
        fut_->removeDoneCallback(&releaseWaiter, cancelWaiter_);
        if (thrown) return finally(StepResult::raised(exc));
        return finally(resultOrTimeout());
      case Done:
        break;
    }
    return raise(ExcKind::RuntimeError, "cannot reuse already awaited coroutine");
  }

  StepResult forward(StepResult r) {
    if (r.kind == StepResult::Yielded) return r;
    delegate_ = nullptr;
    return done(r);
  }

  // finally: timeout_handle.cancel()
  StepResult finally(StepResult r) {
    loop_.cancelHandle(timeoutHandle_);
    return done(r);
  }

  EventLoop& loop_;
  Value arg_;
  std::optional<double> timeout_;
  Future* fut_ = nullptr;
  Coroutine* delegate_ = nullptr;
  Future* waiter_ = nullptr;
  Future* cancelWaiter_ = nullptr;
  TimerHandle* timeoutHandle_ = nullptr;
  Value savedExc_;
  State state_ = Start;
};

}  // namespace

Coroutine* wait(EventLoop& loop, std::span<const Value> fs, std::optional<double> timeout, ReturnWhen returnWhen) {
  return loop.heap().make<WaitCoroutine>(loop, fs, timeout, returnWhen);
}

Coroutine* waitFor(EventLoop& loop, Value aw, std::optional<double> timeout) {
  return loop.heap().make<WaitForCoroutine>(loop, aw, timeout);
}

}  // namespace loop
