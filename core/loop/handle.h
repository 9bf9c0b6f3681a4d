// handle.h: Handle and TimerHandle, the callbacks in `ready` and `scheduled`.
//
// As in asyncio/events.py. A handle holds either a native callback (a plain
// function pointer with a target Object and one argument: no std::function
// per handle, so a million call_soon cost a million small objects and
// nothing more) or a language callable with its arguments, run through
// Host::call. Cancelling only marks it; the loop skips it when popped.
#pragma once

#include <cstdint>
#include <vector>

#include "core/loop/object.h"
#include "core/loop/value.h"
#include "core/trace/event.h"

namespace loop {

class EventLoop;

// A native callback: fn(loop, target, arg). Future done-callbacks get the
// future as arg.
using NativeCallback = void (*)(EventLoop& loop, Object* target, Value arg);

class Handle : public Object {
 public:
  // Native callback.
  Handle(NativeCallback fn, Object* target, Value arg, trace::HandleKind kind)
      : fn_(fn), target_(target), arg_(arg), kind_(kind) {}
  // Language callable with its arguments.
  Handle(Value callable, std::vector<Value> args)
      : callable_(callable), args_(std::move(args)), kind_(trace::HandleKind::Callback) {}

  // Handle.cancel(): the callback is dropped, the handle stays queued. The
  // loop records HandleCancelled / TimerCancelled (use EventLoop::cancelHandle).
  bool cancelled() const { return cancelled_; }
  trace::Id id() const { return id_; }
  trace::HandleKind kind() const { return kind_; }
  bool isTimer() const { return isTimer_; }

  void trace(Tracer& t) override;
  std::size_t extraBytes() const override { return args_.capacity() * sizeof(Value); }

 private:
  friend class EventLoop;
  NativeCallback fn_ = nullptr;
  Object* target_ = nullptr;
  Value arg_;
  Value callable_;
  std::vector<Value> args_;
  trace::Id id_ = 0;
  trace::HandleKind kind_;
  bool cancelled_ = false;

 protected:
  bool isTimer_ = false;
};

// A handle with a deadline, ordered in the heap by (when, seq): equal
// deadlines fire in scheduling order (contract section 3).
class TimerHandle : public Handle {
 public:
  TimerHandle(double when, std::uint64_t seq, NativeCallback fn, Object* target, Value arg)
      : Handle(fn, target, arg, trace::HandleKind::Timer), when_(when), seq_(seq) {
    isTimer_ = true;
  }
  TimerHandle(double when, std::uint64_t seq, Value callable, std::vector<Value> args)
      : Handle(callable, std::move(args)), when_(when), seq_(seq) {
    isTimer_ = true;
  }
  double when() const { return when_; }
  std::uint64_t seq() const { return seq_; }
  bool before(const TimerHandle& o) const {
    return when_ < o.when_ || (when_ == o.when_ && seq_ < o.seq_);
  }

 private:
  friend class EventLoop;
  double when_;
  std::uint64_t seq_;
  bool scheduled_ = false;  // in the heap (CPython's TimerHandle._scheduled)
};

}  // namespace loop
