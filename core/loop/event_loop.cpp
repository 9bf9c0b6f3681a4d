// event_loop.cpp: BaseEventLoop's scheduling and _run_once in virtual time.
#include "core/loop/event_loop.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include "core/loop/format.h"

namespace loop {

namespace {
// base_events.py: _MIN_SCHEDULED_TIMER_HANDLES and _MIN_CANCELLED_TIMER_HANDLES_FRACTION.
constexpr std::size_t kMinScheduledTimerHandles = 100;
constexpr double kMinCancelledTimerHandlesFraction = 0.5;
// The loop's _clock_resolution under a virtual clock (contract section 3).
constexpr double kClockResolution = 1e-9;
}  // namespace

EventLoop::EventLoop(Heap& heap, Host& host, trace::Recorder& recorder, Clock& clock)
    : heap_(heap), host_(host), recorder_(recorder), clock_(clock) {
  heap_.addRoots(this);
}

EventLoop::~EventLoop() { heap_.removeRoots(this); }

// ---------------------------------------------------------------- scheduling

Handle* EventLoop::pushReady(Handle* h, trace::StrId label, Task* task) {
  h->id_ = recorder_.newId();
  if (tracing()) {
    recorder_.record(trace::EventKind::HandleScheduled, h->id_, task != nullptr ? task->id() : 0, label, 0.0,
                     static_cast<std::uint8_t>(h->kind_));
  }
  ready_.push_back(h);
  return h;
}

Handle* EventLoop::callSoon(NativeCallback fn, Object* target, Value arg, trace::HandleKind kind,
                            std::string_view label, Task* task) {
  Handle* h = heap_.make<Handle>(fn, target, arg, kind);
  return pushReady(h, intern(label), task);
}

Handle* EventLoop::callSoon(Value callable, std::vector<Value> args) {
  Handle* h = heap_.make<Handle>(callable, heap_.make<HandleArgs>(std::move(args)));
  return pushReady(h, tracing() ? intern(host_.callableName(callable)) : 0, nullptr);
}

void EventLoop::pushTimer(TimerHandle* t, trace::StrId label, Task* task) {
  t->id_ = recorder_.newId();
  t->timerScheduled_ = true;
  if (tracing()) {
    recorder_.record(trace::EventKind::TimerScheduled, t->id_, task != nullptr ? task->id() : 0, label, t->when_);
  }
  scheduled_.push(TimerSlot{t->when_, t->seq_, t});
}

TimerHandle* EventLoop::callAt(double when, NativeCallback fn, Object* target, Value arg,
                               std::string_view label, Task* task) {
  auto* t = heap_.make<TimerHandle>(when, clock_.timerSeq++, fn, target, arg);
  pushTimer(t, intern(label), task);
  return t;
}

TimerHandle* EventLoop::callAt(double when, Value callable, std::vector<Value> args) {
  auto* t =
      heap_.make<TimerHandle>(when, clock_.timerSeq++, callable, heap_.make<HandleArgs>(std::move(args)));
  pushTimer(t, tracing() ? intern(host_.callableName(callable)) : 0, nullptr);
  return t;
}

void EventLoop::cancelHandle(Handle* h) {
  if (h->cancelled_) return;
  h->cancelled_ = true;
  if (h->isTimer_) {
    auto* t = static_cast<TimerHandle*>(h);
    if (t->timerScheduled_) ++timerCancelledCount_;
  }
  // Drop the callback's references, as Handle.cancel() does.
  h->target_ = nullptr;
  h->arg_ = Value::none();
  if (tracing()) {
    recorder_.record(h->isTimer_ ? trace::EventKind::TimerCancelled : trace::EventKind::HandleCancelled, h->id_);
  }
}

// ------------------------------------------------------------- the timer heap

TimerHandle* EventLoop::popTimer() {
  TimerHandle* top = scheduled_.pop();
  top->timerScheduled_ = false;
  return top;
}

void EventLoop::rebuildHeap() {
  scheduled_.removeIf([&](const TimerSlot& slot) {
    TimerHandle* t = slot.timer;
    if (!t->cancelled_) return false;
    t->timerScheduled_ = false;
    if (tracing()) recorder_.record(trace::EventKind::TimerDropped, t->id_);
    return true;
  });
  timerCancelledCount_ = 0;
}

// ------------------------------------------------------------ futures, tasks

Future* EventLoop::createFuture(std::string_view label) {
  auto* f = heap_.make<Future>(*this);
  registerFuture(f, label);
  return f;
}

void EventLoop::registerFuture(Future* f, std::string_view label) {
  f->id_ = recorder_.newId();
  if (tracing()) {
    f->label_ = intern(label);
    recorder_.record(trace::EventKind::FutureCreated, f->id_, currentTask_ != nullptr ? currentTask_->id() : 0,
                     f->label_);
  }
}

Task* EventLoop::createTask(Coroutine* coro, std::string name) {
  // CPython 3.11's C Task takes the next Task-N number even when a name is
  // given, so later default names skip it.
  const std::uint64_t number = ++clock_.taskCounter;
  if (name.empty()) name = "Task-" + std::to_string(number);
  auto* t = heap_.make<Task>(*this, coro, std::move(name));
  t->id_ = recorder_.newId();
  t->parent_ = currentTask_ != nullptr ? currentTask_->id() : 0;
  if (tracing()) {
    t->label_ = intern(t->name_);
    recorder_.record(trace::EventKind::TaskCreated, t->id_, t->parent_, t->label_);
    recorder_.record(trace::EventKind::TaskCoroutine, t->id_, static_cast<std::uint32_t>(coro->defLine()),
                     intern(coro->name()));
  }
  t->pendingIndex_ = pending_.size();
  pending_.push_back(t);
  ++pendingLive_;
  t->scheduleStep(Value::none());
  return t;
}

Future* EventLoop::ensureFuture(Value v) {
  if (!v.isObject()) return nullptr;
  Object* o = v.asObject();
  if (o->isFuture()) return static_cast<Future*>(o);
  if (o->isCoroutine()) return createTask(static_cast<Coroutine*>(o));
  return nullptr;
}

void EventLoop::taskDone(Task* t) {
  if (t->pendingIndex_ < pending_.size() && pending_[t->pendingIndex_] == t) {
    pending_[t->pendingIndex_] = nullptr;
    --pendingLive_;
    // Compact when holes dominate, keeping creation order.
    if (pendingLive_ * 2 < pending_.size() && pending_.size() > 64) {
      std::size_t j = 0;
      for (Task* p : pending_) {
        if (p != nullptr) {
          p->pendingIndex_ = j;
          pending_[j++] = p;
        }
      }
      pending_.resize(j);
    }
  }
  t->pendingIndex_ = static_cast<std::size_t>(-1);
}

std::vector<Task*> EventLoop::allTasks() const {
  std::vector<Task*> out;
  out.reserve(pendingLive_);
  for (Task* t : pending_) {
    if (t != nullptr) out.push_back(t);
  }
  return out;
}

// ------------------------------------------------------------------ running

void EventLoop::runUntilCompleteCb(EventLoop& loop, Object*, Value) {
  // base_events._run_until_complete_cb: stop the loop (the future is done).
  loop.stop();
}

RunResult EventLoop::runUntilComplete(Future* future) {
  runFuture_ = future;
  future->addDoneCallback(&EventLoop::runUntilCompleteCb, nullptr,
                          tracing() ? "_run_until_complete_cb" : "", trace::HandleKind::FutureCallback);
  RunResult r = runForever();
  future->removeDoneCallback(&EventLoop::runUntilCompleteCb, nullptr);
  runFuture_ = nullptr;
  if (r.status != RunStatus::Stopped) return r;
  if (!future->done()) {
    r.value = StepResult::raised(host_.makeException(ExcKind::RuntimeError,
                                                     "Event loop stopped before Future completed."));
    return r;
  }
  r.status = RunStatus::Completed;
  r.value = future->result();
  return r;
}

RunResult EventLoop::runForever() {
  RunResult r;
  if (running_) {
    r.status = RunStatus::Stopped;
    r.value = StepResult::raised(host_.makeException(ExcKind::RuntimeError, "This event loop is already running"));
    return r;
  }
  running_ = true;
  deadlock_ = false;
  for (;;) {
    runOnce();
    if (deadlock_ || aborted_ || stopping_) break;
  }
  stopping_ = false;
  running_ = false;
  if (tracing()) recorder_.record(trace::EventKind::LoopStopped);
  if (deadlock_) {
    r.status = RunStatus::Deadlock;
    r.message = deadlockReport();
    callExceptionHandler(ErrorContext{trace::DiagnosticKind::Deadlock, r.message, Value::none(), nullptr, 0});
  } else if (aborted_) {
    aborted_ = false;
    r.status = RunStatus::Budget;
    r.message = abortMessage_;
  } else {
    r.status = RunStatus::Stopped;
  }
  return r;
}

void EventLoop::abort(std::string message) {
  aborted_ = true;
  abortMessage_ = std::move(message);
}

void EventLoop::runOnce() {
  // A safe point: no callback is running, so nothing but the roots holds
  // references. Collect when the heap asks for it, and sooner when it seems
  // past the memory budget: the collection decides whether a MemoryError is
  // owed (the next Task step raises it, see Task::step).
  const std::size_t limit = heap_.limit();
  if (autoCollect_ && (heap_.wantsCollection() ||
                       (heap_.liveBytes() > limit && heap_.bytesSinceCollection() >= limit / 16))) {
    heap_.collect();
    // Half as much again although MemoryError was raised: the program keeps
    // catching it and allocating; stop it before the machine runs out.
    if (heap_.liveBytes() > limit && heap_.liveBytes() - limit > limit / 2) {
      abort("memory budget: the program still holds " + std::to_string(heap_.liveBytes()) +
            " bytes after MemoryError, more than the budget of " + std::to_string(limit));
      return;
    }
  }
  // The GUI's Stop.
  if (limits_.cancel != nullptr && limits_.cancel->load(std::memory_order_relaxed)) {
    abort("stopped");
    return;
  }
  // The trace budget: what the window can hold of a program that never ends.
  if (tracing() && recorder_.trace().size() > limits_.maxTraceEvents) {
    abort("trace budget exceeded: the run recorded more than " + std::to_string(limits_.maxTraceEvents) +
          " events by t=" + floatRepr(clock_.now) + " (a program that never ends?)");
    return;
  }

  // 1. Drop cancelled timers: rebuild when they are many, else pop from the top.
  std::size_t schedCount = scheduled_.size();
  if (schedCount > kMinScheduledTimerHandles &&
      static_cast<double>(timerCancelledCount_) / static_cast<double>(schedCount) >
          kMinCancelledTimerHandlesFraction) {
    rebuildHeap();
  } else {
    while (!scheduled_.empty() && scheduled_.top().timer->cancelled_) {
      --timerCancelledCount_;
      TimerHandle* t = popTimer();
      if (tracing()) recorder_.record(trace::EventKind::TimerDropped, t->id_);
    }
  }

  // 2-3. The select() timeout: in virtual time, jump the clock to the
  // earliest timer instead of sleeping; with no timer, CPython would block
  // forever: that is a deadlock.
  if (ready_.empty() && !stopping_) {
    if (scheduled_.empty()) {
      deadlock_ = true;
      return;
    }
    double when = scheduled_.top().when;
    if (when >= clock_.now + kClockResolution) {
      if (when > limits_.timeHorizon) {
        abort("time horizon passed: the next timer is at t=" + floatRepr(when));
        return;
      }
      clock_.now = when;
      stalled_ = 0;
      if (tracing()) recorder_.record(trace::EventKind::ClockAdvanced, 0, 0, 0, when);
    }
  } else if (!scheduled_.empty() && scheduled_.top().when >= clock_.now + kClockResolution) {
    // Callbacks ready while a future timer waits: in real time the clock
    // would move on; in virtual time it cannot until `ready` drains.
    if (++stalled_ > limits_.stallIterations) {
      abort(stallReport());
      return;
    }
  } else {
    stalled_ = 0;
  }

  ++clock_.iterations;
  if (tracing()) recorder_.record(trace::EventKind::LoopIterationBegin, clock_.iterations);

  // 4. Move every due timer to the end of `ready`, in (when, seq) order.
  double endTime = clock_.now + kClockResolution;
  while (!scheduled_.empty()) {
    if (scheduled_.top().when >= endTime) break;
    TimerHandle* t = popTimer();
    if (tracing()) recorder_.record(trace::EventKind::TimerDue, t->id_);
    ready_.push_back(t);
  }

  // 5. This is the only place where callbacks are actually *called*. All
  // other places just add them to ready. Run exactly the handles that were
  // ready now; what they schedule waits for the next iteration.
  std::size_t ntodo = ready_.size();
  for (std::size_t i = 0; i < ntodo; ++i) {
    Handle* h = ready_.front();
    ready_.pop_front();
    if (h->cancelled_) continue;
    runHandle(h);
    if (aborted_) break;
    if (autoCollect_ && !unretrieved_.empty()) reportDropped();
  }
  if (tracing()) recorder_.record(trace::EventKind::LoopIterationEnd, clock_.iterations);
}

void EventLoop::runHandle(Handle* h) {
  if (tracing()) recorder_.record(trace::EventKind::HandleRun, h->id_);
  if (h->fn_ != nullptr) {
    h->fn_(*this, h->target_, h->arg_);
    return;
  }
  // A language callable (see Handle's constructors).
  Value callable = h->arg_;
  auto* args = static_cast<HandleArgs*>(h->target_);
  StepResult r = args != nullptr ? host_.call(callable, args->values) : host_.call(callable, {});
  if (r.kind == StepResult::Raised) {
    // Handle._run: an error in a callback goes to the exception handler.
    std::span<const Value> values;
    if (args != nullptr) values = args->values;
    std::string msg = host_.callbackErrorMessage(callable, values,
                                                 h->isTimer_ ? &static_cast<TimerHandle*>(h)->when_ : nullptr);
    callExceptionHandler(ErrorContext{trace::DiagnosticKind::CallbackError, std::move(msg), r.value, nullptr, 0});
  }
}

void EventLoop::blockFor(double seconds, int line) {
  clock_.now = clock_.now + seconds;
  if (tracing()) {
    recorder_.record(trace::EventKind::LoopBlocked, currentTask_ != nullptr ? currentTask_->id() : 0,
                     static_cast<std::uint32_t>(line), 0, seconds);
  }
  if (seconds > 0) {
    // Ours, not CPython's (it prints nothing): the pitfall, said plainly.
    char amount[64];
    std::snprintf(amount, sizeof amount, "%.2f", seconds);
    std::string message = std::string("loopscope: the event loop was blocked for ") + amount +
                          " s by time.sleep() at " + where(line) + " (no other task could run)";
    callExceptionHandler(ErrorContext{trace::DiagnosticKind::LoopBlocked, std::move(message), Value::none(),
                                      currentTask_, line});
  }
}

std::string EventLoop::where(int line) const {
  std::string l = std::to_string(line);
  return limits_.programName.empty() ? "line " + l : limits_.programName + ":" + l;
}

// ----------------------------------------------------------- diagnostics

void EventLoop::callExceptionHandler(const ErrorContext& ctx) {
  if (tracing()) {
    recorder_.record(trace::EventKind::Diagnostic, ctx.task != nullptr ? ctx.task->id() : 0,
                     static_cast<std::uint32_t>(ctx.line), intern(ctx.message), 0.0,
                     static_cast<std::uint8_t>(ctx.kind));
  }
  host_.handleError(ctx);
}

std::string EventLoop::stallReport() {
  // Name the timer the clock cannot reach: the future it would complete
  // ("sleep(1)"), else its TimerScheduled label; and the task it belongs to.
  const TimerHandle* timer = scheduled_.top().timer;
  std::string name;
  if (auto* f = dynamic_cast<const Future*>(timer->target_); f != nullptr && tracing() && f->label_ != 0)
    name = std::string(recorder_.trace().str(f->label_));
  if (tracing()) {
    const trace::EventLog& events = recorder_.trace().events();
    for (std::size_t i = events.size(); i-- > 0;) {
      const trace::Event* it = &events[i];
      if (it->kind != trace::EventKind::TimerScheduled || it->a != timer->id_) continue;
      if (name.empty()) name = std::string(recorder_.trace().str(it->c));
      if (it->b != 0) {
        for (Task* t : pending_) {
          if (t != nullptr && t->id_ == it->b) name += " of " + t->name_ + " (" + std::string(t->coro_->name()) + ")";
        }
      }
      break;
    }
  }
  std::string out = "stall at t=" + floatRepr(clock_.now) + ": callbacks were ready in each of " +
                    std::to_string(limits_.stallIterations) +
                    " iterations in a row (tasks that only ever await asyncio.sleep(0)?), so virtual time "
                    "cannot move and the timer ";
  if (!name.empty()) out += name + " ";
  out += "due at t=" + floatRepr(timer->when_) + " can never fire";
  return out;
}

std::string EventLoop::deadlockReport() {
  std::string out = "deadlock at t=" + floatRepr(clock_.now) +
                    ": the loop must wait, nothing is ready and no timer is pending";
  bool any = false;
  for (Task* t : pending_) {
    if (t == nullptr) continue;
    any = true;
    out += "\ndeadlock: " + t->name_ + " (" + std::string(t->coro_->name()) + ") waits on ";
    Future* w = t->futWaiter_;
    if (w == nullptr) {
      out += "nothing (scheduled)";
    } else if (w->isTask()) {
      out += "task " + static_cast<Task*>(w)->name_;
    } else if (tracing() && w->label_ != 0) {
      out += std::string(recorder_.trace().str(w->label_));
    } else {
      out += "a future";
    }
    if (int line = t->coro_->line(); line > 0) out += ", from line " + std::to_string(line);
  }
  if (!any) out += "\ndeadlock: no task is pending (loop.run_forever with nothing scheduled)";
  return out;
}

void EventLoop::traceRoots(Tracer& tracer) {
  // Handles are marked here, not queued: a million call_soon handles would
  // otherwise each be pushed, popped and traced through the vtable.
  // (TimerHandle adds nothing to trace.)
  for (Handle* h : ready_)
    if (tracer.markHere(h)) h->traceFields(tracer);
  scheduled_.forEach([&](const TimerSlot& slot) {
    if (tracer.markHere(slot.timer)) slot.timer->traceFields(tracer);
  });
  for (Task* t : pending_) tracer.visit(t);
  // Bookkeeping, not a reference the program holds (see unretrieved.cpp).
  if (!tracer.bookkeepingIsWeak()) {
    for (Future* f : unretrieved_) tracer.visit(f);
  }
  tracer.visit(runFuture_);
  tracer.visit(currentTask_);
}

}  // namespace loop
