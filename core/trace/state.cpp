// state.cpp: State::apply, the one place that gives each event kind its effect.
//
// Replay must be cheap (seeking re-applies up to a keyframe's worth of
// events), so every lookup by id goes through the Index maps, popping the
// front of `ready` or of a queue is O(1), and a timer is inserted or
// removed in O(log n) (TimerSet), wherever its deadline falls.
// The trace is produced by another layer: apply() tolerates events that do
// not match the state (an unknown id, a HandleRun that is not at the front)
// rather than crashing the UI on a simulator bug.
#include "core/trace/state.h"

#include "core/trace/heap_bytes.h"

#include <algorithm>

namespace trace {

namespace {

template <typename T>
const T* linearFind(const std::vector<T>& v, Id id) {
  for (const T& x : v)
    if (x.id == id) return &x;
  return nullptr;
}

template <typename T>
std::size_t vectorBytes(const std::vector<T>& v) {
  return heapBytes(v.capacity() * sizeof(T));
}

// libstdc++ deques hold 512-byte blocks plus a map of block pointers.
template <typename T>
std::size_t dequeBytes(const std::deque<T>& d) {
  constexpr std::size_t kBlock = 512;
  constexpr std::size_t perBlock = sizeof(T) < kBlock ? kBlock / sizeof(T) : 1;
  std::size_t blocks = d.size() / perBlock + 1;
  return blocks * heapBytes(perBlock * sizeof(T)) + heapBytes((blocks + 2) * sizeof(void*));
}

void eraseId(std::vector<Id>& v, Id id) {
  auto it = std::find(v.begin(), v.end(), id);
  if (it != v.end()) v.erase(it);
}

}  // namespace

// ---- lookups ---------------------------------------------------------------

#define LS_STATE_LOOKUP(Type, vec, map, constName, mutName)                     \
  const Type* State::constName(Id id) const {                                  \
    if (!index_.built) return linearFind(vec, id);                             \
    const std::uint32_t* at = index_.map.find(id);                             \
    return at ? &vec[*at] : nullptr;                                           \
  }                                                                            \
  Type* State::mutName(Id id) { return const_cast<Type*>(std::as_const(*this).constName(id)); }

LS_STATE_LOOKUP(TaskView, tasks, tasks, task, findTask)
LS_STATE_LOOKUP(FutureView, futures, futures, future, findFuture)
LS_STATE_LOOKUP(QueueView, queues, queues, queue, findQueue)
LS_STATE_LOOKUP(PrimitiveView, primitives, primitives, primitive, findPrimitive)
#undef LS_STATE_LOOKUP

TimerView* State::findTimer(Id id) {
  if (!index_.built) return timers.findId(id);
  const std::pair<double, std::uint64_t>* key = index_.timers.find(id);
  return key ? timers.find(key->first, key->second) : nullptr;
}

const TimerView* State::timer(Id id) const { return const_cast<State*>(this)->findTimer(id); }

const HandleView* State::handle(Id id) const {
  for (const HandleView& h : ready)
    if (h.id == id) return &h;
  return nullptr;
}

void State::rebuildIndex() {
  index_ = Index{};
  auto maxId = [](const auto& views) {
    Id m = 0;
    for (const auto& v : views) m = std::max(m, v.id);
    return m;
  };
  index_.tasks.reserve(tasks.size(), maxId(tasks));
  for (std::uint32_t i = 0; i < tasks.size(); ++i) index_.tasks.set(tasks[i].id, i);
  index_.futures.reserve(futures.size(), maxId(futures));
  for (std::uint32_t i = 0; i < futures.size(); ++i) index_.futures.set(futures[i].id, i);
  for (std::uint32_t i = 0; i < queues.size(); ++i) index_.queues.set(queues[i].id, i);
  for (std::uint32_t i = 0; i < primitives.size(); ++i) index_.primitives.set(primitives[i].id, i);
  index_.timers.reserve(timers.size());
  for (const TimerView& t : timers) index_.timers.set(t.id, std::make_pair(t.when, t.seq));
  index_.built = true;
}

std::size_t State::contentBytes() const {
  std::size_t n = sizeof(State);
  n += vectorBytes(tasks) + vectorBytes(futures) + vectorBytes(queues) + vectorBytes(primitives);
  n += dequeBytes(ready) + timers.memoryBytes();
  for (const FutureView& f : futures) n += heapBytes(f.callbacks.heapCapacityBytes());
  for (const QueueView& q : queues)
    n += dequeBytes(q.items) + vectorBytes(q.getters) + vectorBytes(q.putters) + vectorBytes(q.joiners);
  for (const PrimitiveView& p : primitives) n += vectorBytes(p.waiters);
  return n;
}

std::size_t State::memoryBytes() const {
  std::size_t n = contentBytes();
  if (index_.built)
    n += index_.tasks.memoryBytes() + index_.futures.memoryBytes() + index_.queues.memoryBytes() +
         index_.primitives.memoryBytes() + index_.timers.memoryBytes();
  return n;
}

// Done futures pile up in long runs (every sleep() makes one), and a
// State that grows with the trace would make keyframes, and so seeking,
// grow too. They are swept in batches, once they are a quarter of
// `futures`, so the cost per completed future stays O(1); a future is
// kept at least through the iteration after it completed, while the
// callbacks it scheduled run.
void State::pruneDoneFutures(std::uint32_t endingIteration) {
  constexpr std::uint32_t kMinBatch = 64;
  if (prunable_ < kMinBatch || prunable_ < futures.size() / 4) return;
  // One pass that compacts in place and fixes the index as it goes: only
  // the pruned and the moved futures are touched, in id order.
  const bool indexed = index_.built;
  std::size_t to = 0;
  for (std::size_t from = 0; from < futures.size(); ++from) {
    FutureView& f = futures[from];
    if (f.state != FutureState::Pending && f.doneIteration < endingIteration) {
      if (indexed) index_.futures.erase(f.id);
      continue;
    }
    if (to != from) {
      futures[to] = std::move(f);
      if (indexed) index_.futures.set(futures[to].id, static_cast<std::uint32_t>(to));
    }
    ++to;
  }
  prunable_ -= static_cast<std::uint32_t>(futures.size() - to);
  futures.erase(futures.begin() + static_cast<std::ptrdiff_t>(to), futures.end());
}

// ---- apply -------------------------------------------------------------------

namespace {

// A task is also a future (asyncio.Task subclasses Future): it gets a
// FutureView under its own id so done-callbacks added to it (gather's
// _done_callback) have a place to live.
FutureView taskFuture(const Event& e) {
  FutureView f;
  f.id = e.a;
  f.creator = e.b;
  f.label = e.c;
  f.isTask = true;
  return f;
}

}  // namespace

void State::apply(const Event& e) {
  ++index;
  switch (e.kind) {
    case EventKind::RunBegin:
      exitStatus = -1;
      break;
    case EventKind::LoopIterationBegin:
      iteration = e.a;
      inIteration = true;
      break;
    case EventKind::LoopIterationEnd:
      iteration = e.a;
      inIteration = false;
      pruneDoneFutures(e.a);
      break;
    case EventKind::ClockAdvanced:
      clock = e.d;
      break;
    case EventKind::LoopBlocked:
      clock += e.d;
      break;
    case EventKind::LoopStopped:
      running = 0;
      inIteration = false;
      break;

    case EventKind::HandleScheduled: {
      HandleView h;
      h.id = e.a;
      h.task = e.b;
      h.label = e.c;
      h.kind = static_cast<HandleKind>(e.flags);
      ready.push_back(h);
      // A wake-up (or a fresh step) queued for a waiting task means the task
      // is now in the ready queue: it is no longer waiting on anything.
      if (e.b != 0 && (h.kind == HandleKind::TaskWakeup || h.kind == HandleKind::TaskStep)) {
        if (TaskView* t = findTask(e.b); t && t->state == TaskState::Waiting) {
          t->state = TaskState::Scheduled;
          t->awaiting = 0;
          t->awaitingLabel = 0;
        }
      }
      break;
    }
    case EventKind::HandleRun:
      // The run phase pops cancelled handles without calling them; a loop
      // that does not record those pops leaves them at the front: drop them.
      while (!ready.empty() && ready.front().cancelled && ready.front().id != e.a &&
             std::any_of(ready.begin(), ready.end(), [&](const HandleView& h) { return h.id == e.a; }))
        ready.pop_front();
      if (!ready.empty() && ready.front().id == e.a) {
        ready.pop_front();
      } else {
        // Tolerated mismatch: remove the handle wherever it is.
        auto it = std::find_if(ready.begin(), ready.end(), [&](const HandleView& h) { return h.id == e.a; });
        if (it != ready.end()) ready.erase(it);
      }
      break;
    case EventKind::HandleCancelled: {
      bool found = false;
      for (HandleView& h : ready)
        if (h.id == e.a) {
          h.cancelled = found = true;
          break;
        }
      if (!found) {
        if (TimerView* t = findTimer(e.a)) t->cancelled = true;
      }
      break;
    }

    case EventKind::TimerScheduled: {
      TimerView t;
      t.id = e.a;
      t.task = e.b;
      t.label = e.c;
      t.when = e.d;
      t.seq = nextTimerSeq_++;  // grows, so a new timer goes after every timer with the same when
      timers.insert(t);
      if (index_.built) index_.timers.set(t.id, {t.when, t.seq});
      break;
    }
    case EventKind::TimerDue: {
      TimerView* t = findTimer(e.a);
      if (t == nullptr) break;
      HandleView h;
      h.id = t->id;
      h.task = t->task;
      h.label = t->label;
      h.kind = HandleKind::Timer;
      h.cancelled = t->cancelled;
      ready.push_back(h);
      timers.erase(t->when, t->seq);
      if (index_.built) index_.timers.erase(e.a);
      break;
    }
    case EventKind::TimerCancelled: {
      if (TimerView* t = findTimer(e.a)) {
        t->cancelled = true;
      } else {
        // Already due: the TimerHandle sits in `ready`.
        for (HandleView& h : ready)
          if (h.id == e.a) h.cancelled = true;
      }
      break;
    }
    case EventKind::TimerDropped: {
      TimerView* t = findTimer(e.a);
      if (t == nullptr) break;
      timers.erase(t->when, t->seq);
      if (index_.built) index_.timers.erase(e.a);
      break;
    }

    case EventKind::TaskCreated: {
      TaskView t;
      t.id = e.a;
      t.parent = e.b;
      t.name = e.c;
      t.state = TaskState::Scheduled;
      if (index_.built) index_.tasks.set(t.id, static_cast<std::uint32_t>(tasks.size()));
      tasks.push_back(t);
      if (!findFuture(e.a)) {
        if (index_.built) index_.futures.set(e.a, static_cast<std::uint32_t>(futures.size()));
        futures.push_back(taskFuture(e));
      }
      break;
    }
    case EventKind::TaskCoroutine:
      if (TaskView* t = findTask(e.a)) {
        t->coroutine = e.c;
        t->defLine = static_cast<int>(e.b);
      }
      break;
    case EventKind::TaskStepBegin:
      if (TaskView* t = findTask(e.a)) {
        t->state = TaskState::Running;
        t->awaiting = 0;
        t->awaitingLabel = 0;
      }
      running = e.a;
      break;
    case EventKind::TaskLine:
      setTaskLine(e.a, e.b);
      break;
    case EventKind::TaskSuspended:
      if (TaskView* t = findTask(e.a)) {
        // A bare yield (sleep(0)) queues the next step at once: Scheduled.
        t->state = e.b == 0 ? TaskState::Scheduled : TaskState::Waiting;
        t->awaiting = e.b;
        t->awaitingLabel = e.c;
        t->line = static_cast<int>(e.d);
      }
      if (running == e.a) running = 0;
      break;
    case EventKind::TaskCancelRequested:
      if (TaskView* t = findTask(e.a)) t->cancelRequested = true;
      break;
    case EventKind::TaskDone:
      if (TaskView* t = findTask(e.a)) {
        t->state = TaskState::Done;
        t->outcome = static_cast<FutureState>(e.flags);
        t->result = e.c;
        t->awaiting = 0;
        t->awaitingLabel = 0;
      }
      if (FutureView* f = findFuture(e.a)) {
        if (f->state == FutureState::Pending) ++prunable_;
        f->state = static_cast<FutureState>(e.flags);
        f->result = e.c;
        f->doneIteration = iteration;
        f->callbacks.clear();  // as Future.__schedule_callbacks: they are now handles
      }
      if (running == e.a) running = 0;
      break;

    case EventKind::FutureCreated: {
      if (findFuture(e.a)) break;
      FutureView f;
      f.id = e.a;
      f.creator = e.b;
      f.label = e.c;
      if (index_.built) index_.futures.set(f.id, static_cast<std::uint32_t>(futures.size()));
      futures.push_back(f);
      break;
    }
    case EventKind::FutureCallbackAdded:
      if (FutureView* f = findFuture(e.a)) f->callbacks.push_back(e.c);
      break;
    case EventKind::FutureDone:
      if (FutureView* f = findFuture(e.a)) {
        if (f->state == FutureState::Pending) ++prunable_;
        f->state = static_cast<FutureState>(e.flags);
        f->result = e.c;
        f->doneIteration = iteration;
        f->callbacks.clear();
      }
      break;

    case EventKind::QueueCreated: {
      QueueView q;
      q.id = e.a;
      q.maxsize = e.b;
      q.label = e.c;
      q.kind = static_cast<QueueKind>(e.flags);
      if (index_.built) index_.queues.set(q.id, static_cast<std::uint32_t>(queues.size()));
      queues.push_back(q);
      break;
    }
    case EventKind::QueuePut:
      if (QueueView* q = findQueue(e.a)) {
        std::size_t at = std::min<std::size_t>(e.b, q->items.size());
        q->items.insert(q->items.begin() + static_cast<std::ptrdiff_t>(at), e.c);
      }
      break;
    case EventKind::QueueGet:
      if (QueueView* q = findQueue(e.a); q && e.b < q->items.size()) {
        // A FIFO queue takes from the front, a LIFO one from the back: spare
        // them deque::erase's general path (6% of a traced queue run).
        if (e.b == 0) q->items.pop_front();
        else if (e.b + 1 == q->items.size()) q->items.pop_back();
        else q->items.erase(q->items.begin() + e.b);
      }
      break;
    case EventKind::QueueWaiter:
    case EventKind::QueueWaiterGone:
      if (QueueView* q = findQueue(e.a)) {
        std::vector<Id>* list = &q->getters;
        switch (static_cast<WaiterRole>(e.flags)) {
          case WaiterRole::Getter: list = &q->getters; break;
          case WaiterRole::Putter: list = &q->putters; break;
          case WaiterRole::Joiner: list = &q->joiners; break;
        }
        if (e.kind == EventKind::QueueWaiter)
          list->push_back(e.b);
        else
          eraseId(*list, e.b);
      }
      break;
    case EventKind::QueueUnfinished:
      if (QueueView* q = findQueue(e.a)) q->unfinished = e.b;
      break;

    case EventKind::PrimitiveCreated: {
      PrimitiveView p;
      p.id = e.a;
      p.kind = static_cast<PrimitiveKind>(e.flags);
      p.value = e.b;
      p.label = e.c;
      if (index_.built) index_.primitives.set(p.id, static_cast<std::uint32_t>(primitives.size()));
      primitives.push_back(p);
      break;
    }
    case EventKind::PrimitiveChanged:
      if (PrimitiveView* p = findPrimitive(e.a)) p->value = e.b;
      break;
    case EventKind::PrimitiveWaiter:
      if (PrimitiveView* p = findPrimitive(e.a)) p->waiters.push_back(e.b);
      break;
    case EventKind::PrimitiveWaiterGone:
      if (PrimitiveView* p = findPrimitive(e.a)) eraseId(p->waiters, e.b);
      break;

    case EventKind::Output:
      ++outputEvents;
      break;
    case EventKind::Diagnostic:
      ++diagnostics;
      break;
    case EventKind::RunEnd:
      exitStatus = static_cast<int>(e.a);
      running = 0;
      break;
  }
}

}  // namespace trace
