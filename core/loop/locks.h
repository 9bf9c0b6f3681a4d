// locks.h: asyncio.Lock, Event, Condition, Semaphore, BoundedSemaphore
// (asyncio/locks.py, 3.11).
//
// acquire()/wait() are native Coroutines with CPython's suspension points;
// a free lock, a set event, a semaphore with value > 0 return at once.
// Wake-ups are never hand-offs: a woken Lock waiter takes the lock when it
// runs; Semaphore.release reserves a unit for the first live waiter (3.11).
// `async with` is acquire() then release() (the _ContextManagerMixin).
#pragma once

#include <deque>

#include "core/loop/coroutine.h"
#include "core/loop/object.h"
#include "core/trace/event.h"

namespace loop {

class EventLoop;
class Future;

// What Lock, Event, Condition and Semaphore share: an id, a FIFO of waiter
// futures, trace recording.
class Primitive : public Object {
 public:
  friend class LockAcquire;
  friend class EventWait;
  friend class ConditionWait;
  friend class SemaphoreAcquire;
  trace::Id id() const { return id_; }
  std::size_t waiterCount() const { return waiters_.size(); }
  void trace(Tracer& t) override;
  // CPython binds a primitive to the loop that first needs a future from it
  // (mixins._LoopBoundMixin), so one made at module level serves the
  // asyncio.run() that follows. Ours starts on the loop current when it was
  // made; until it first makes a waiter future the language may move it to
  // the running loop (rebind). Once bound, a wait from another loop fails as
  // CPython's does (RuntimeError).
  EventLoop& loop() const { return *loop_; }
  virtual bool rebindable() const { return !bound_; }
  virtual void rebind(EventLoop& loop) { loop_ = &loop; }

 protected:
  Primitive(EventLoop& loop, trace::PrimitiveKind kind, std::uint32_t initial);
  struct Waiter {
    Future* future;
    trace::Id task;
  };
  Future* addWaiter(const char* label);  // create a future, append it, record PrimitiveWaiter
  void removeWaiter(Future* f);          // self._waiters.remove(fut), record PrimitiveWaiterGone
  void recordValue(std::uint32_t v);     // PrimitiveChanged
  EventLoop* loop_;
  bool bound_ = false;  // a waiter future was made on loop_
  std::deque<Waiter> waiters_;
  trace::Id id_ = 0;
};

class Lock : public Primitive {
 public:
  explicit Lock(EventLoop& loop);
  bool locked() const { return locked_; }
  // await lock.acquire(): Returns True.
  Coroutine* acquire();
  // lock.release(): Returned(None) or Raised(RuntimeError "Lock is not acquired.").
  StepResult release();

 private:
  friend class LockAcquire;
  void wakeUpFirst();
  bool locked_ = false;
};

class Event : public Primitive {
 public:
  explicit Event(EventLoop& loop);
  bool isSet() const { return value_; }
  void set();
  void clear();
  // await event.wait(): Returns True.
  Coroutine* wait();

 private:
  friend class EventWait;
  bool value_ = false;
};

class Condition : public Primitive {
 public:
  // lock nullptr: a new Lock.
  Condition(EventLoop& loop, Lock* lock = nullptr);
  Lock* lock() const { return lock_; }
  bool locked() const;
  Coroutine* acquire();
  StepResult release();
  // await cond.wait(): Returns True; Raised(RuntimeError) if not locked.
  Coroutine* wait();
  // cond.wait_for(predicate) is plain Python over wait(): the language
  // implements it (`while not predicate(): await cond.wait()`).
  // notify(n=1) / notify_all(): Raised(RuntimeError) if not locked.
  StepResult notify(std::size_t n = 1);
  StepResult notifyAll();
  void trace(Tracer& t) override;
  bool rebindable() const override { return Primitive::rebindable() && lock_->rebindable(); }
  void rebind(EventLoop& loop) override {
    Primitive::rebind(loop);
    lock_->rebind(loop);
  }

 private:
  friend class ConditionWait;
  Lock* lock_;
};

class Semaphore : public Primitive {
 public:
  // value < 0 is the caller's ValueError to raise. bounded: BoundedSemaphore.
  Semaphore(EventLoop& loop, long value, bool bounded = false);
  long value() const { return value_; }
  bool locked() const;
  Coroutine* acquire();
  // Returned(None) or Raised(ValueError "BoundedSemaphore released too many times").
  StepResult release();

 private:
  friend class SemaphoreAcquire;
  void wakeUpNext();
  long value_;
  long bound_;
  bool bounded_;
};

}  // namespace loop
