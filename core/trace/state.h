// state.h: the loop's state at one moment of a trace, rebuilt by replay.
//
// Everything the UI draws at a cursor position comes from a State: who runs,
// the ready queue in FIFO order, the timer heap, what each task awaits, the
// queues' contents. apply() is the one function that gives each event kind
// its effect; keyframes are States saved every kKeyframeInterval events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

#include "core/trace/dense_id_map.h"
#include "core/trace/event.h"
#include "core/trace/id_map.h"
#include "core/trace/small_list.h"
#include "core/trace/timer_set.h"

namespace trace {

// A task's life, as tasks.py's comment describes it, plus where it waits.
//   Scheduled --step runs--> Running --awaits a pending future--> Waiting
//   Running --bare yield--> Scheduled; Waiting --wakeup--> Scheduled
//   Running --returns / raises / is cancelled--> Done (FutureState says how)
enum class TaskState : std::uint8_t { Scheduled, Running, Waiting, Done };

struct TaskView {
  Id id = 0;
  Id parent = 0;
  StrId name = 0;        // "Task-2"
  StrId coroutine = 0;   // "foo"
  TaskState state = TaskState::Scheduled;
  FutureState outcome = FutureState::Pending;  // when Done
  Id awaiting = 0;       // the future it waits on (0: none or bare yield)
  StrId awaitingLabel = 0;
  int line = 0;          // last line executed / suspended at
  int defLine = 0;       // first line of the coroutine's def
  StrId result = 0;      // repr of the result or "Type: message"
  bool cancelRequested = false;
};

struct HandleView {
  Id id = 0;
  Id task = 0;
  StrId label = 0;
  HandleKind kind = HandleKind::Callback;
  bool cancelled = false;
};

struct FutureView {
  Id id = 0;
  Id creator = 0;
  StrId label = 0;
  FutureState state = FutureState::Pending;
  StrId result = 0;
  SmallList<StrId, 4> callbacks;  // labels, in registration order; cleared when done
                                  //   (asyncio moves them to `ready` as handles)
  bool isTask = false;           // the FutureView a task has under its own id
  std::uint32_t doneIteration = 0;  // State::iteration when it completed
};

struct QueueView {
  Id id = 0;
  StrId label = 0;
  QueueKind kind = QueueKind::Fifo;
  std::uint32_t maxsize = 0;
  std::uint32_t unfinished = 0;
  std::deque<StrId> items;   // front first; a deque: get() takes the front of thousands
  std::vector<Id> getters;   // tasks waiting in get(), FIFO
  std::vector<Id> putters;   // tasks waiting in put(), FIFO
  std::vector<Id> joiners;   // tasks waiting in join(), FIFO
};

struct PrimitiveView {
  Id id = 0;
  PrimitiveKind kind = PrimitiveKind::Lock;
  StrId label = 0;
  std::uint32_t value = 0;
  std::vector<Id> waiters;
};

struct State {
  std::size_t index = 0;     // number of events applied
  double clock = 0.0;
  std::uint32_t iteration = 0;
  bool inIteration = false;
  Id running = 0;            // the task whose step is executing (0: none)
  std::vector<TaskView> tasks;          // creation order
  std::deque<HandleView> ready;         // front first
  TimerSet timers;                      // sorted by (when, seq); O(log n) inserts and
                                        //   erases, since thousands may wait
  std::vector<FutureView> futures;      // creation order. A task is also a future under
                                        //   its id (for its done-callbacks). A done future
                                        //   (or a done task's FutureView; the TaskView itself
                                        //   stays in `tasks`) remains at least until the end
                                        //   of the iteration after the one it completed in,
                                        //   then may be pruned so long runs keep a bounded
                                        //   state. Pending futures are never pruned.
  std::vector<QueueView> queues;
  std::vector<PrimitiveView> primitives;
  std::size_t outputEvents = 0;         // Output events so far
  std::size_t diagnostics = 0;          // Diagnostic events so far
  int exitStatus = -1;                  // after RunEnd

  const TaskView* task(Id id) const;
  const FutureView* future(Id id) const;
  const QueueView* queue(Id id) const;
  const PrimitiveView* primitive(Id id) const;
  const TimerView* timer(Id id) const;
  // The handle with this id in `ready` (a due timer keeps its timer id), or null.
  const HandleView* handle(Id id) const;

  // Give one event its effect.
  void apply(const Event& e);
  // apply() of a TaskLine event, the most frequent kind, without the
  // dispatch on the kind (Recorder::recordTaskLine).
  void applyTaskLine(Id task, std::uint32_t line) {
    ++index;
    setTaskLine(task, line);
  }

  // Approximate heap + inline bytes held, for keyframe spacing and Trace::memoryBytes().
  std::size_t memoryBytes() const;

 private:
  friend class Recorder;
  friend class Trace;

  // Id -> position maps so apply() stays O(1) with thousands of tasks. They
  // are derived data: keyframes are stored without them (to keep them
  // small) and Trace::stateAt() rebuilds them. A State without an index
  // still answers lookups, by linear search.
  struct Index {
    bool built = false;
    DenseIdMap tasks, futures;                     // id -> position; thousands of each
    IdMap<std::uint32_t> queues, primitives;       // id -> position
    IdMap<std::pair<double, std::uint64_t>> timers;             // id -> (when, seq)
  };
  void rebuildIndex();
  std::size_t contentBytes() const;  // memoryBytes() without the index
  TaskView* findTask(Id id);
  FutureView* findFuture(Id id);
  QueueView* findQueue(Id id);
  PrimitiveView* findPrimitive(Id id);
  TimerView* findTimer(Id id);

  void pruneDoneFutures(std::uint32_t endingIteration);
  void setTaskLine(Id task, std::uint32_t line) {
    if (TaskView* t = findTask(task)) t->line = static_cast<int>(line);
  }

  std::uint64_t nextTimerSeq_ = 0;
  std::uint32_t prunable_ = 0;  // done futures still in `futures`
  Index index_{true, {}, {}, {}, {}, {}};
};

}  // namespace trace
