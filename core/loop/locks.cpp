// locks.cpp: Lock, Event, Condition, Semaphore (locks.py, 3.11).
#include "core/loop/locks.h"

#include "core/loop/event_loop.h"

namespace loop {

namespace {
const char* kindLabel(trace::PrimitiveKind k) {
  switch (k) {
    case trace::PrimitiveKind::Lock: return "Lock";
    case trace::PrimitiveKind::Event: return "Event";
    case trace::PrimitiveKind::Semaphore: return "Semaphore";
    case trace::PrimitiveKind::BoundedSemaphore: return "BoundedSemaphore";
    case trace::PrimitiveKind::Condition: return "Condition";
  }
  return "";
}

StepResult reused(EventLoop& loop) {
  return StepResult::raised(loop.host().makeException(ExcKind::RuntimeError, "cannot reuse already awaited coroutine"));
}
}  // namespace

// ------------------------------------------------------------------ Primitive

Primitive::Primitive(EventLoop& loop, trace::PrimitiveKind kind, std::uint32_t initial) : loop_(&loop) {
  id_ = loop.newId();
  if (loop.tracing()) {
    loop.recorder().record(trace::EventKind::PrimitiveCreated, id_, initial, loop.intern(kindLabel(kind)), 0.0,
                           static_cast<std::uint8_t>(kind));
  }
}

Future* Primitive::addWaiter(const char* label) {
  bound_ = true;
  Future* f = loop_->createFuture(loop_->tracing() ? label : "");
  trace::Id task = loop_->currentTask() != nullptr ? loop_->currentTask()->id() : 0;
  waiters_.push_back(Waiter{f, task});
  if (loop_->tracing()) loop_->recorder().record(trace::EventKind::PrimitiveWaiter, id_, task);
  return f;
}

void Primitive::removeWaiter(Future* f) {
  for (auto it = waiters_.begin(); it != waiters_.end(); ++it) {
    if (it->future == f) {
      if (loop_->tracing()) loop_->recorder().record(trace::EventKind::PrimitiveWaiterGone, id_, it->task);
      waiters_.erase(it);
      return;
    }
  }
}

void Primitive::recordValue(std::uint32_t v) {
  if (loop_->tracing()) loop_->recorder().record(trace::EventKind::PrimitiveChanged, id_, v);
}

void Primitive::trace(Tracer& t) {
  for (const Waiter& w : waiters_) t.visit(w.future);
}

// A native coroutine awaiting one waiter future of a primitive: state 0
// takes the fast path or appends the waiter; state 1 is after the await.
class PrimitiveWait : public Coroutine {
 public:
  StepResult send(Value) override {
    if (state_ == 0) return start();
    if (state_ == 1) {
      state_ = 2;
      return woken();
    }
    return reused(loop());
  }
  StepResult throwIn(Value exc) override {
    if (state_ != 1) {
      state_ = 2;
      return StepResult::raised(exc);
    }
    state_ = 2;
    return interrupted(exc);
  }
  bool finished() const override { return state_ == 2; }
  void trace(Tracer& t) override { t.visit(fut_); }

 protected:
  virtual EventLoop& loop() = 0;
  virtual StepResult start() = 0;
  virtual StepResult woken() = 0;
  virtual StepResult interrupted(Value exc) = 0;
  StepResult suspendOn(Future* f) {
    fut_ = f;
    state_ = 1;
    return StepResult::yielded(Value::object(f));
  }
  StepResult done(StepResult r) {
    state_ = 2;
    return r;
  }
  Future* fut_ = nullptr;
  int state_ = 0;
};

// ----------------------------------------------------------------------- Lock

Lock::Lock(EventLoop& loop) : Primitive(loop, trace::PrimitiveKind::Lock, 0) {
  setObjectClass(ObjectClass::Lock);
}

class LockAcquire : public PrimitiveWait {
 public:
  explicit LockAcquire(Lock& lock) : lock_(lock) {}
  std::string_view name() const override { return "Lock.acquire"; }
  void trace(Tracer& t) override {
    PrimitiveWait::trace(t);
    t.visit(&lock_);
  }

 protected:
  EventLoop& loop() override { return *lock_.loop_; }
  StepResult start() override {
    bool liveWaiter = false;
    for (const auto& w : lock_.waiters_) liveWaiter = liveWaiter || !w.future->cancelled();
    if (!lock_.locked_ && !liveWaiter) {
      lock_.locked_ = true;
      lock_.recordValue(1);
      return done(StepResult::returned(Value::boolean(true)));
    }
    return suspendOn(lock_.addWaiter("Lock.acquire()"));
  }
  StepResult woken() override {
    lock_.removeWaiter(fut_);
    lock_.locked_ = true;
    lock_.recordValue(1);
    return StepResult::returned(Value::boolean(true));
  }
  StepResult interrupted(Value exc) override {
    lock_.removeWaiter(fut_);
    if (lock_.loop_->host().isCancelledError(exc) && !lock_.locked_) lock_.wakeUpFirst();
    return StepResult::raised(exc);
  }

 private:
  Lock& lock_;
};

Coroutine* Lock::acquire() { return loop_->heap().make<LockAcquire>(*this); }

StepResult Lock::release() {
  if (!locked_) return StepResult::raised(loop_->host().makeException(ExcKind::RuntimeError, "Lock is not acquired."));
  locked_ = false;
  recordValue(0);
  wakeUpFirst();
  return StepResult::returned();
}

void Lock::wakeUpFirst() {
  if (waiters_.empty()) return;
  Future* f = waiters_.front().future;
  if (!f->done()) f->setResult(Value::boolean(true));
}

// ---------------------------------------------------------------------- Event

Event::Event(EventLoop& loop) : Primitive(loop, trace::PrimitiveKind::Event, 0) {
  setObjectClass(ObjectClass::Event);
}

void Event::set() {
  if (value_) return;
  value_ = true;
  recordValue(1);
  for (const auto& w : waiters_) {
    if (!w.future->done()) w.future->setResult(Value::boolean(true));
  }
}

void Event::clear() {
  if (value_) recordValue(0);
  value_ = false;
}

class EventWait : public PrimitiveWait {
 public:
  explicit EventWait(Event& e) : e_(e) {}
  std::string_view name() const override { return "Event.wait"; }
  void trace(Tracer& t) override {
    PrimitiveWait::trace(t);
    t.visit(&e_);
  }

 protected:
  EventLoop& loop() override { return *e_.loop_; }
  StepResult start() override {
    if (e_.value_) return done(StepResult::returned(Value::boolean(true)));
    return suspendOn(e_.addWaiter("Event.wait()"));
  }
  StepResult woken() override {
    e_.removeWaiter(fut_);
    return StepResult::returned(Value::boolean(true));
  }
  StepResult interrupted(Value exc) override {
    e_.removeWaiter(fut_);
    return StepResult::raised(exc);
  }

 private:
  Event& e_;
};

Coroutine* Event::wait() { return loop_->heap().make<EventWait>(*this); }

// ------------------------------------------------------------------ Condition

Condition::Condition(EventLoop& loop, Lock* lock)
    : Primitive(loop, trace::PrimitiveKind::Condition, 0),
      lock_(lock != nullptr ? lock : loop.heap().make<Lock>(loop)) {
  setObjectClass(ObjectClass::Condition);
}

bool Condition::locked() const { return lock_->locked(); }
Coroutine* Condition::acquire() { return lock_->acquire(); }
StepResult Condition::release() { return lock_->release(); }

void Condition::trace(Tracer& t) {
  Primitive::trace(t);
  t.visit(lock_);
}

StepResult Condition::notify(std::size_t n) {
  if (!locked()) return StepResult::raised(loop_->host().makeException(ExcKind::RuntimeError, "cannot notify on un-acquired lock"));
  std::size_t idx = 0;
  for (const auto& w : waiters_) {
    if (idx >= n) break;
    if (!w.future->done()) {
      ++idx;
      w.future->setResult(Value::boolean(false));
    }
  }
  return StepResult::returned();
}

StepResult Condition::notifyAll() { return notify(waiters_.size()); }

// wait(): release; await a waiter; finally re-acquire, retrying through
// cancellations, then raise CancelledError if one came.
class ConditionWait : public Coroutine {
 public:
  explicit ConditionWait(Condition& c) : c_(c) {}
  StepResult send(Value) override { return resume(false, Value::none()); }
  StepResult throwIn(Value exc) override { return resume(true, exc); }
  std::string_view name() const override { return "Condition.wait"; }
  bool finished() const override { return state_ == 3; }
  void trace(Tracer& t) override {
    t.visit(&c_);
    t.visit(fut_);
    t.visit(acquire_);
    t.visit(outcome_.value);
  }

 private:
  StepResult resume(bool thrown, Value exc) {
    Host& host = c_.loop_->host();
    switch (state_) {
      case 0:
        if (thrown) {
          state_ = 3;
          return StepResult::raised(exc);
        }
        if (!c_.locked()) {
          state_ = 3;
          return StepResult::raised(host.makeException(ExcKind::RuntimeError, "cannot wait on un-acquired lock"));
        }
        c_.release();
        fut_ = c_.addWaiter("Condition.wait()");
        state_ = 1;
        return StepResult::yielded(Value::object(fut_));
      case 1:
        c_.removeWaiter(fut_);
        outcome_ = thrown ? StepResult::raised(exc) : StepResult::returned(Value::boolean(true));
        state_ = 2;
        return reacquire();
      case 2: {
        StepResult r = thrown ? acquire_->throwIn(exc) : acquire_->send(Value::none());
        return afterAcquire(r);
      }
      default:
        return reused(*c_.loop_);
    }
  }
  StepResult reacquire() {
    acquire_ = c_.acquire();
    return afterAcquire(acquire_->send(Value::none()));
  }
  StepResult afterAcquire(StepResult r) {
    if (r.kind == StepResult::Yielded) return r;
    Host& host = c_.loop_->host();
    if (r.kind == StepResult::Raised) {
      if (!host.isCancelledError(r.value)) {
        state_ = 3;
        return r;
      }
      cancelled_ = true;
      return reacquire();
    }
    state_ = 3;
    if (cancelled_) return StepResult::raised(host.makeCancelledError(Value::none()));
    return outcome_;
  }
  Condition& c_;
  Future* fut_ = nullptr;
  Coroutine* acquire_ = nullptr;
  StepResult outcome_;
  bool cancelled_ = false;
  int state_ = 0;
};

Coroutine* Condition::wait() { return loop_->heap().make<ConditionWait>(*this); }

// ------------------------------------------------------------------ Semaphore

Semaphore::Semaphore(EventLoop& loop, long value, bool bounded)
    : Primitive(loop, bounded ? trace::PrimitiveKind::BoundedSemaphore : trace::PrimitiveKind::Semaphore,
                static_cast<std::uint32_t>(value)),
      value_(value),
      bound_(value),
      bounded_(bounded) {
  setObjectClass(ObjectClass::Semaphore);
}

bool Semaphore::locked() const {
  if (value_ == 0) return true;
  for (const auto& w : waiters_) {
    if (!w.future->cancelled()) return true;
  }
  return false;
}

void Semaphore::wakeUpNext() {
  for (const auto& w : waiters_) {
    if (!w.future->done()) {
      --value_;
      recordValue(static_cast<std::uint32_t>(value_));
      w.future->setResult(Value::boolean(true));
      return;
    }
  }
}

StepResult Semaphore::release() {
  if (bounded_ && value_ >= bound_) {
    return StepResult::raised(loop_->host().makeException(ExcKind::ValueError, "BoundedSemaphore released too many times"));
  }
  ++value_;
  recordValue(static_cast<std::uint32_t>(value_));
  wakeUpNext();
  return StepResult::returned();
}

class SemaphoreAcquire : public PrimitiveWait {
 public:
  explicit SemaphoreAcquire(Semaphore& s) : s_(s) {}
  std::string_view name() const override { return "Semaphore.acquire"; }
  void trace(Tracer& t) override {
    PrimitiveWait::trace(t);
    t.visit(&s_);
  }

 protected:
  EventLoop& loop() override { return *s_.loop_; }
  StepResult start() override {
    if (!s_.locked()) {
      --s_.value_;
      s_.recordValue(static_cast<std::uint32_t>(s_.value_));
      return done(StepResult::returned(Value::boolean(true)));
    }
    return suspendOn(s_.addWaiter("Semaphore.acquire()"));
  }
  StepResult woken() override {
    s_.removeWaiter(fut_);
    if (s_.value_ > 0) s_.wakeUpNext();
    return StepResult::returned(Value::boolean(true));
  }
  StepResult interrupted(Value exc) override {
    s_.removeWaiter(fut_);
    if (s_.loop_->host().isCancelledError(exc) && !fut_->cancelled()) {
      // We were woken (a unit was reserved for us) but are leaving: give it back.
      ++s_.value_;
      s_.recordValue(static_cast<std::uint32_t>(s_.value_));
      s_.wakeUpNext();
    }
    return StepResult::raised(exc);
  }

 private:
  Semaphore& s_;
};

Coroutine* Semaphore::acquire() { return loop_->heap().make<SemaphoreAcquire>(*this); }

}  // namespace loop
