// event.h: the typed events a run records, one per state change.
//
// The trace is the single source of truth between the simulator and the UI
// (architecture.md: record, then replay). Every loop, task, future, queue and
// lock transition becomes one fixed-size Event; strings (names, labels,
// reprs, output) live once in the trace's string table. The meaning of the
// generic fields a/b/c/d is documented per kind below and in
// docs/trace-format.md; bump kTraceFormatVersion when a meaning changes.
//
// Ids: one id space for every traced object (task, future, handle, timer,
// queue, lock...), starting at 1; 0 means "none". A Task is also a Future
// (as in asyncio), under the same id.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace trace {

inline constexpr int kTraceFormatVersion = 1;

using Id = std::uint32_t;
using StrId = std::uint32_t;  // index into Trace::strings(); 0 is ""

enum class EventKind : std::uint8_t {
  // -- the loop ------------------------------------------------------------
  RunBegin,            // c = file name; the program starts (clock 0 or carried on)
  LoopIterationBegin,  // a = iteration number (1-based, across all loops of the run)
  LoopIterationEnd,    // a = iteration number
  ClockAdvanced,       // d = new clock value (nothing ready: jump to the earliest timer)
  LoopBlocked,         // a = task, b = line, d = seconds: a synchronous call (time.sleep)
                       //   held the thread; the clock advances by d while nothing runs
  LoopStopped,         // the loop's run_forever/run_until_complete returned
  // -- handles: callbacks in the ready queue --------------------------------
  HandleScheduled,     // a = handle, b = task it belongs to (0 if none), c = label as asyncio
                       //   names it ("Task.__step", "Task.__wakeup", "gather._done_callback",
                       //   a user callback's name); flags = HandleKind. Appended to `ready`.
  HandleRun,           // a = handle: popped from the front of `ready` and called
  HandleCancelled,     // a = handle: Handle.cancel(); it stays queued and is skipped when run
  // -- timers: the heap of TimerHandles ------------------------------------
  TimerScheduled,      // a = timer, b = task it belongs to (0 if none), c = label, d = when
  TimerDue,            // a = timer: moved from the heap to the end of `ready` (its label kept)
  TimerCancelled,      // a = timer: cancelled; lazily dropped from the heap later
  TimerDropped,        // a = timer: a cancelled timer removed from the heap
  // -- tasks ---------------------------------------------------------------
  TaskCreated,         // a = task, b = parent task (0 at top level), c = task name ("Task-2");
                       //   d unused; the coroutine's name follows as a TaskCoroutine event
  TaskCoroutine,       // a = task, c = coroutine name ("foo"), b = first line of its def
  TaskStepBegin,       // a = task: Task.__step starts; the task is RUNNING
  TaskLine,            // a = task, b = line being executed (when line tracing is on)
  TaskSuspended,       // a = task, b = awaited future (0 for a bare yield / sleep(0)),
                       //   c = what it awaits in words ("sleep(1)", "gather(foo, bar)",
                       //   "Queue.get()"), d = line it is suspended at
  TaskCancelRequested, // a = task, c = message (may be 0); b = 1 if thrown at the next step
  TaskDone,            // a = task, flags = FutureState (Finished/Failed/Cancelled), c = repr of
                       //   the result or "Type: message" of the exception
  // -- futures -------------------------------------------------------------
  FutureCreated,       // a = future, b = task that created it, c = label ("sleep(1) future")
  FutureCallbackAdded, // a = future, c = callback label ("Task.__wakeup(Task-2)")
  FutureDone,          // a = future, flags = FutureState, c = repr of result / exception
  // -- queues --------------------------------------------------------------
  QueueCreated,        // a = queue, b = maxsize (0 = unbounded), c = class name, flags = QueueKind
  QueuePut,            // a = queue, c = repr of the item appended (PriorityQueue: inserted
                       //   at index b of the view's item list; others: b = item count - 1)
  QueueGet,            // a = queue, b = index of the item removed, c = its repr
  QueueWaiter,         // a = queue, b = task, flags = WaiterRole (getter/putter): task waits
  QueueWaiterGone,     // a = queue, b = task, flags = WaiterRole: woken or cancelled
  QueueUnfinished,     // a = queue, b = unfinished task count (task_done / join bookkeeping)
  // -- synchronisation primitives ------------------------------------------
  PrimitiveCreated,    // a = id, flags = PrimitiveKind, b = initial value, c = label
  PrimitiveChanged,    // a = id, b = value (Lock: 1 locked; Event: 1 set; Semaphore: value)
  PrimitiveWaiter,     // a = id, b = task: the task waits on it
  PrimitiveWaiterGone, // a = id, b = task: woken or cancelled
  // -- the program's own effects -------------------------------------------
  Output,              // c = text exactly as written, flags = Stream
  Diagnostic,          // flags = DiagnosticKind, a = task (0 if none), b = line, c = message
  RunEnd,              // a = exit status
};

// What a handle in the ready queue will do when run.
enum class HandleKind : std::uint8_t {
  TaskStep,      // Task.__step: start or resume a task
  TaskWakeup,    // Task.__wakeup: a future the task awaited is done
  FutureCallback,// a done-callback of a future (gather's _done_callback, user callbacks)
  Callback,      // loop.call_soon / call_later of a plain callback
  Timer,         // a TimerHandle that came due
};

enum class FutureState : std::uint8_t { Pending, Finished, Failed, Cancelled };
enum class QueueKind : std::uint8_t { Fifo, Lifo, Priority };
enum class WaiterRole : std::uint8_t { Getter, Putter, Joiner };
enum class PrimitiveKind : std::uint8_t { Lock, Event, Semaphore, BoundedSemaphore, Condition };
enum class Stream : std::uint8_t { Stdout, Stderr, ClientLog };
enum class DiagnosticKind : std::uint8_t {
  NeverAwaited,         // a coroutine object was dropped without being awaited
  UnretrievedException, // a task failed and no one ever asked for its exception
  Deadlock,             // nothing ready, no timer, main not done: CPython would hang
  LoopBlocked,          // a synchronous call held the thread
  Stall,                // callbacks always ready, clock can never reach a pending timer
  Budget,               // an instruction/output/time budget stopped the run
  Traceback,            // an uncaught exception's traceback (also on stderr)
  CallbackError,        // an exception in a callback went to the loop's exception handler
};

// 24 bytes. Fields mean what the EventKind comment says.
struct Event {
  EventKind kind;
  std::uint8_t flags = 0;
  std::uint16_t reserved = 0;
  Id a = 0;
  std::uint32_t b = 0;
  StrId c = 0;
  double d = 0.0;
};
static_assert(sizeof(Event) == 24);

// Number of EventKind values (RunEnd is the last).
inline constexpr int kEventKindCount = static_cast<int>(EventKind::RunEnd) + 1;

// Names as spelled in the enums ("TimerScheduled", "TaskWakeup"): the JSON
// Lines exporter writes them and the reader parses them back. An
// out-of-range value gives "?".
const char* eventKindName(EventKind kind);
const char* handleKindName(HandleKind kind);
const char* futureStateName(FutureState state);
const char* queueKindName(QueueKind kind);
const char* waiterRoleName(WaiterRole role);
const char* primitiveKindName(PrimitiveKind kind);
const char* streamName(Stream stream);
const char* diagnosticKindName(DiagnosticKind kind);

std::optional<EventKind> eventKindFromName(std::string_view name);

}  // namespace trace
