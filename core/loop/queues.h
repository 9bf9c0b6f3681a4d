// queues.h: asyncio.Queue, PriorityQueue and LifoQueue (asyncio/queues.py, 3.11).
//
// No hand-off: put_nowait appends the item and wakes the first live getter,
// which takes an item only when it runs (its `while self.empty()` loop may
// go round again). get() and put() are native Coroutines with CPython's
// suspension points: on a non-empty (non-full) queue they return at once.
#pragma once

#include <deque>
#include <vector>

#include "core/loop/coroutine.h"
#include "core/loop/object.h"
#include "core/trace/event.h"

namespace loop {

class EventLoop;
class Future;
class Event;

class Queue : public Object {
 public:
  using Kind = trace::QueueKind;
  // maxsize <= 0: unbounded. Records QueueCreated.
  Queue(EventLoop& loop, long maxsize, Kind kind = Kind::Fifo);

  trace::Id id() const { return id_; }
  Kind kind() const { return kind_; }
  long maxsize() const { return maxsize_; }
  std::size_t qsize() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  bool full() const { return maxsize_ > 0 && static_cast<long>(items_.size()) >= maxsize_; }
  long unfinishedTasks() const { return unfinished_; }

  // await q.put(item) / await q.get() / await q.join().
  Coroutine* put(Value item);
  Coroutine* get();
  Coroutine* join();
  // put_nowait: Returned(None) or Raised(QueueFull) (or a TypeError from a
  // PriorityQueue comparison). get_nowait: Returned(item) or Raised(QueueEmpty).
  StepResult putNowait(Value item);
  StepResult getNowait();
  // task_done: Returned(None) or Raised(ValueError "task_done() called too many times").
  StepResult taskDone();

  // Items front first (Fifo), bottom first (Lifo), heap order (Priority).
  const std::deque<Value>& items() const { return items_; }

  void trace(Tracer& t) override;
  std::size_t extraBytes() const override;
  // As Primitive::loop()/rebindable()/rebind(): a queue made before any
  // loop ran moves to the running loop until it first makes a waiter future.
  EventLoop& loop() const { return *loop_; }
  bool rebindable() const;
  void rebind(EventLoop& loop);

 private:
  friend class QueueWait;
  friend class QueueJoin;
  struct Waiter {
    Future* future;
    trace::Id task;
  };
  StepResult pushItem(Value item);  // _put
  Value popItem();                  // _get
  Future* addWaiter(std::deque<Waiter>& waiters, trace::WaiterRole role);
  // _wakeup_next: pop from the left until a future that is not done; set it.
  void wakeupNext(std::deque<Waiter>& waiters, trace::WaiterRole role);
  // waiters.remove(f), if still there.
  void removeWaiter(std::deque<Waiter>& waiters, Future* f, trace::WaiterRole role);

  EventLoop* loop_;
  std::deque<Value> items_;
  std::vector<Value> view_;    // Priority, tracing only: items in sorted order
  std::deque<Waiter> getters_;
  std::deque<Waiter> putters_;
  Event* finished_;
  bool bound_ = false;  // a getter or putter future was made on loop_
  long maxsize_;
  long unfinished_ = 0;
  trace::Id id_ = 0;
  Kind kind_;
};

}  // namespace loop
