// event_loop.h: BaseEventLoop in virtual time (asyncio/base_events.py, 3.11).
//
// `ready_` is the FIFO of handles, `scheduled_` the heap of timers ordered
// by (when, seq). runOnce() is CPython's _run_once step for step, except
// that instead of blocking in select() the clock jumps to the earliest
// timer, and when nothing could ever run again the loop reports a deadlock
// instead of hanging. Every state change is recorded on the trace::Recorder.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/loop/clock.h"
#include "core/loop/coroutine.h"
#include "core/loop/future.h"
#include "core/loop/handle.h"
#include "core/loop/host.h"
#include "core/loop/object.h"
#include "core/loop/task.h"
#include "core/loop/timer_queue.h"
#include "core/trace/trace.h"

namespace loop {

// How run_until_complete / run_forever ended.
enum class RunStatus : unsigned char {
  Completed,  // run_until_complete: the future is done (see RunResult::value)
  Stopped,    // stop() was called (run_forever's normal end; for
              // run_until_complete: "Event loop stopped before Future completed.")
  Deadlock,   // nothing ready, no timer, not stopping: CPython would block forever
  Budget,     // a limit of LoopLimits was passed, or abort() was called
};

struct RunResult {
  RunStatus status = RunStatus::Completed;
  // Completed: future.result() (Returned or Raised). Stopped during
  // run_until_complete: Raised(RuntimeError). Otherwise None.
  StepResult value;
  // Deadlock / Budget: the diagnostic text (one line per waiting task).
  std::string message;
};

// What stops a run (contract section 8) and what its diagnostics name. The
// memory budget is the Heap's limit (Heap::setLimit): a Task steps into a
// MemoryError when the heap owes one.
struct LoopLimits {
  double timeHorizon = 1e300;            // the clock may not jump past this
  std::uint64_t stallIterations = ~0ull; // iterations with ready handles, clock stuck, a timer pending
  const std::atomic<bool>* cancel = nullptr;  // polled every iteration: the GUI's Stop ("stopped")
  std::uint64_t maxTraceEvents = ~0ull;  // events recorded, when tracing (a ticker that never ends)
  std::string programName;               // FILE in "at FILE:LINE" of the loop's own diagnostics
};

// Lifetimes: create the Heap before any EventLoop, and keep every loop of a
// run alive until the run ends (Futures and Tasks point at their loop and
// the language may still touch them after their asyncio.run returned).
class EventLoop : public RootSource {
 public:
  EventLoop(Heap& heap, Host& host, trace::Recorder& recorder, Clock& clock);
  ~EventLoop() override;
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  Heap& heap() { return heap_; }
  Host& host() { return host_; }
  trace::Recorder& recorder() { return recorder_; }
  bool tracing() const { return recorder_.enabled(); }
  void setLimits(const LoopLimits& limits) { limits_ = limits; }
  // Collect garbage at the start of an iteration when the heap asks for it
  // (Heap::wantsCollection). Off by default: turn it on only when every
  // reference held outside the heap is reported by some RootSource (the VM
  // does; the core tests' C++ coroutines do not).
  void setAutoCollect(bool on) { autoCollect_ = on; }

  // loop.time()
  double time() const { return clock_.now; }
  // time.sleep(s): the thread blocks, the clock advances, nothing else runs.
  void blockFor(double seconds, int line);

  // -- scheduling (base_events.py call_soon / call_later / call_at) --------
  // label names the callback in the trace; task is the task it belongs to.
  Handle* callSoon(NativeCallback fn, Object* target, Value arg, trace::HandleKind kind,
                   std::string_view label, Task* task = nullptr);
  Handle* callSoon(Value callable, std::vector<Value> args);
  TimerHandle* callAt(double when, NativeCallback fn, Object* target, Value arg,
                      std::string_view label, Task* task = nullptr);
  TimerHandle* callAt(double when, Value callable, std::vector<Value> args);
  TimerHandle* callLater(double delay, NativeCallback fn, Object* target, Value arg,
                         std::string_view label, Task* task = nullptr) {
    return callAt(time() + delay, fn, target, arg, label, task);
  }
  TimerHandle* callLater(double delay, Value callable, std::vector<Value> args) {
    return callAt(time() + delay, callable, std::move(args));
  }
  // handle.cancel()
  void cancelHandle(Handle* h);

  // -- futures and tasks ----------------------------------------------------
  // label: what awaiting it means, in words ("sleep(1)").
  Future* createFuture(std::string_view label = {});
  // Give a Future made with heap().make (a subclass) its id and record
  // FutureCreated; createFuture does this for plain futures.
  void registerFuture(Future* f, std::string_view label);
  // loop.create_task(coro, name=None): name empty means "Task-N".
  Task* createTask(Coroutine* coro, std::string name = {});
  // ensure_future(x): a Future as is; a Coroutine wrapped in a new Task;
  // nullptr for anything else (the language wraps other awaitables first).
  Future* ensureFuture(Value v);
  // asyncio.current_task() (nullptr outside a step); all_tasks() (not done,
  // in creation order).
  Task* currentTask() const { return currentTask_; }
  std::vector<Task*> allTasks() const;

  // -- running ---------------------------------------------------------------
  RunResult runUntilComplete(Future* future);
  RunResult runForever();
  // One iteration of _run_once (exposed for tests and stepping).
  void runOnce();
  void stop() { stopping_ = true; }
  bool isRunning() const { return running_; }
  // Stop as soon as the current callback returns (budgets); status Budget.
  void abort(std::string message);
  // Report failed futures and tasks whose exception nobody retrieved.
  // CPython logs one when the object is freed: at once when the program
  // drops its last reference (unretrieved.cpp checks after every callback),
  // at interpreter exit when a global keeps it; this reports the rest
  // (the end of asyncio.run, the end of the run).
  void reportUnretrieved();
  // True when failures are reported as soon as the program drops them (the
  // loop collects garbage: setAutoCollect).
  bool reportsDropped() const { return autoCollect_; }

  // loop.call_exception_handler(context): records a Diagnostic, then Host.
  void callExceptionHandler(const ErrorContext& ctx);

  // Trace helpers (no-ops when tracing is off).
  trace::StrId intern(std::string_view s) { return tracing() ? recorder_.intern(s) : 0; }
  // intern(host().repr(v)). A Value that is not a pointer (None, a bool, a
  // number) has one repr for good, so its id is remembered: a queue item's
  // get() reuses what its put() made.
  trace::StrId reprLabel(Value v) {
    if (!tracing()) return 0;
    if (v.isObject()) return recorder_.intern(host_.repr(v));
    return recorder_.internKeyed(v.bits(), [&] { return host_.repr(v); });
  }
  trace::Id newId() { return recorder_.newId(); }
  std::size_t readyCount() const { return ready_.size(); }
  std::size_t scheduledCount() const { return scheduled_.size(); }

  void traceRoots(Tracer& tracer) override;

 private:
  friend class Task;
  friend class Future;
  Handle* pushReady(Handle* h, trace::StrId label, Task* task);
  void pushTimer(TimerHandle* t, trace::StrId label, Task* task);
  TimerHandle* popTimer();
  void rebuildHeap();
  // The only place callbacks are called.
  void runHandle(Handle* h);
  std::string deadlockReport();
  std::string stallReport();
  // "FILE:LINE" (or "line LINE" without a program name).
  std::string where(int line) const;
  // After a callback: report the unretrieved failures the program dropped.
  void reportDropped();
  void reportUnretrievedOne(Future* f);
  void taskDone(Task* t);
  static void runUntilCompleteCb(EventLoop& loop, Object* target, Value arg);

  Heap& heap_;
  Host& host_;
  trace::Recorder& recorder_;
  Clock& clock_;
  LoopLimits limits_;
  std::deque<Handle*> ready_;
  TimerQueue scheduled_;                 // earliest (when, seq) first
  std::size_t timerCancelledCount_ = 0;
  std::vector<Task*> pending_;           // tasks not done, in creation order (holes allowed)
  std::size_t pendingLive_ = 0;
  std::vector<Future*> unretrieved_;     // failed futures and tasks whose exception may go unseen
  std::uint64_t droppedCheckWait_ = 0;   // callbacks to let pass before the next reachability check
  std::uint64_t droppedChecksFailed_ = 0; // checks in a row that found every failure still referenced
  bool holdDropped_ = false;             // the main task failed: report at the end (see unretrieved.cpp)
  trace::StrId stepLabel_ = 0;           // "Task.__step", interned once
  trace::StrId sleep0Label_ = 0;         // "sleep(0)", interned once
  Future* runFuture_ = nullptr;
  Task* currentTask_ = nullptr;
  std::string abortMessage_;
  std::uint64_t stalled_ = 0;
  bool stopping_ = false;
  bool running_ = false;
  bool aborted_ = false;
  bool deadlock_ = false;
  bool autoCollect_ = false;
};

}  // namespace loop
