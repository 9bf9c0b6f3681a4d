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

// A language callable's arguments, out of line: most handles are native
// (task steps, wakeups), and an empty std::vector in each would make every
// handle a third bigger.
class HandleArgs : public Object {
 public:
  explicit HandleArgs(std::vector<Value> v) : values(std::move(v)) {}
  void trace(Tracer& t) override {
    for (Value v : values) t.visit(v);
  }
  std::size_t extraBytes() const override { return values.capacity() * sizeof(Value); }
  std::vector<Value> values;
};

class Handle : public Object {
 public:
  // Native callback.
  Handle(NativeCallback fn, Object* target, Value arg, trace::HandleKind kind)
      : kind_(kind), fn_(fn), target_(target), arg_(arg) {
    setObjectClass(ObjectClass::Handle);
  }
  // Language callable with its arguments: target_ holds the arguments and
  // arg_ the callable (fn_ stays null).
  Handle(Value callable, HandleArgs* args)
      : kind_(trace::HandleKind::Callback), target_(args), arg_(callable) {
    setObjectClass(ObjectClass::Handle);
  }

  // Handle.cancel(): the callback is dropped, the handle stays queued. The
  // loop records HandleCancelled / TimerCancelled (use EventLoop::cancelHandle).
  bool cancelled() const { return cancelled_; }
  trace::Id id() const { return id_; }
  trace::HandleKind kind() const { return kind_; }
  bool isTimer() const { return isTimer_; }

  void trace(Tracer& t) override;
  // What trace() reports, callable without the vtable (EventLoop::traceRoots).
  void traceFields(Tracer& t) {
    t.visit(target_);
    t.visit(arg_);
  }

 private:
  friend class EventLoop;
  friend class TimerHandle;
  // The one-byte fields first: they fill the tail padding of Object, so a
  // Handle is 56 bytes and a TimerHandle 72 (a million call_soon handles
  // are all alive at once).
  trace::HandleKind kind_;
  bool cancelled_ = false;
  bool isTimer_ = false;
  bool timerScheduled_ = false;  // TimerHandle: in the heap (CPython's TimerHandle._scheduled)
  trace::Id id_ = 0;
  NativeCallback fn_ = nullptr;
  Object* target_ = nullptr;
  Value arg_;
};

// A handle with a deadline, ordered in the heap by (when, seq): equal
// deadlines fire in scheduling order (contract section 3).
class TimerHandle : public Handle {
 public:
  TimerHandle(double when, std::uint64_t seq, NativeCallback fn, Object* target, Value arg)
      : Handle(fn, target, arg, trace::HandleKind::Timer), when_(when), seq_(seq) {
    isTimer_ = true;
  }
  TimerHandle(double when, std::uint64_t seq, Value callable, HandleArgs* args)
      : Handle(callable, args), when_(when), seq_(seq) {
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
};

// Only pointers and values: they own nothing (HandleArgs is a heap object of its own).
template <>
inline constexpr bool kOwnsNothing<Handle> = true;
template <>
inline constexpr bool kOwnsNothing<TimerHandle> = true;

}  // namespace loop
