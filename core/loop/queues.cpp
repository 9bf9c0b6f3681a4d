// queues.cpp: asyncio.Queue and its subclasses (queues.py, 3.11).
#include "core/loop/queues.h"

#include <string>

#include "core/loop/event_loop.h"
#include "core/loop/locks.h"

namespace loop {

namespace {
const char* className(trace::QueueKind k) {
  switch (k) {
    case trace::QueueKind::Lifo: return "LifoQueue";
    case trace::QueueKind::Priority: return "PriorityQueue";
    case trace::QueueKind::Fifo: break;
  }
  return "Queue";
}
}  // namespace

Queue::Queue(EventLoop& loop, long maxsize, Kind kind) : loop_(&loop), maxsize_(maxsize), kind_(kind) {
  setObjectClass(ObjectClass::Queue);
  id_ = loop.newId();
  if (loop.tracing()) {
    loop.recorder().record(trace::EventKind::QueueCreated, id_, maxsize > 0 ? static_cast<std::uint32_t>(maxsize) : 0,
                           loop.intern(className(kind)), 0.0, static_cast<std::uint8_t>(kind));
  }
  finished_ = loop.heap().make<Event>(loop);
  finished_->set();
}

bool Queue::rebindable() const { return !bound_ && finished_->rebindable(); }

void Queue::rebind(EventLoop& loop) {
  loop_ = &loop;
  finished_->rebind(loop);
}

std::size_t Queue::extraBytes() const { return (items_.size() + view_.capacity()) * sizeof(Value); }

void Queue::trace(Tracer& t) {
  for (Value v : items_) t.visit(v);
  for (Value v : view_) t.visit(v);
  for (const Waiter& w : getters_) t.visit(w.future);
  for (const Waiter& w : putters_) t.visit(w.future);
  t.visit(finished_);
}

StepResult Queue::pushItem(Value item) {
  EventLoop& l = *loop_;
  std::uint32_t index = 0;
  if (kind_ == Kind::Priority) {
    // heapq.heappush with the language's `<`.
    items_.push_back(item);
    std::size_t i = items_.size() - 1;
    while (i > 0) {
      std::size_t parent = (i - 1) / 2;
      StepResult lt = l.host().lessThan(items_[i], items_[parent]);
      if (!lt.ok()) {
        items_.erase(items_.begin() + static_cast<long>(i));
        return lt;
      }
      if (!lt.value.asBool()) break;
      std::swap(items_[i], items_[parent]);
      i = parent;
    }
    if (l.tracing()) {
      // The view is sorted; equal items go after the ones already there.
      std::size_t pos = view_.size();
      for (std::size_t k = 0; k < view_.size(); ++k) {
        StepResult lt = l.host().lessThan(item, view_[k]);
        if (lt.ok() && lt.value.asBool()) {
          pos = k;
          break;
        }
      }
      view_.insert(view_.begin() + static_cast<long>(pos), item);
      index = static_cast<std::uint32_t>(pos);
    }
  } else {
    items_.push_back(item);
    index = static_cast<std::uint32_t>(items_.size() - 1);
  }
  if (l.tracing()) l.recorder().record(trace::EventKind::QueuePut, id_, index, l.reprLabel(item));
  return StepResult::returned();
}

Value Queue::popItem() {
  EventLoop& l = *loop_;
  Value item;
  std::uint32_t index = 0;
  switch (kind_) {
    case Kind::Fifo:
      item = items_.front();
      items_.pop_front();
      break;
    case Kind::Lifo:
      item = items_.back();
      items_.pop_back();
      index = static_cast<std::uint32_t>(items_.size());
      break;
    case Kind::Priority: {
      // heapq.heappop: comparisons succeeded when the items went in.
      item = items_.front();
      items_.front() = items_.back();
      items_.pop_back();
      std::size_t i = 0;
      std::size_t n = items_.size();
      for (;;) {
        std::size_t c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n) {
          StepResult lt = l.host().lessThan(items_[c + 1], items_[c]);
          if (lt.ok() && lt.value.asBool()) ++c;
        }
        StepResult lt = l.host().lessThan(items_[c], items_[i]);
        if (!lt.ok() || !lt.value.asBool()) break;
        std::swap(items_[i], items_[c]);
        i = c;
      }
      for (std::size_t k = 0; k < view_.size(); ++k) {
        if (view_[k] == item) {
          index = static_cast<std::uint32_t>(k);
          view_.erase(view_.begin() + static_cast<long>(k));
          break;
        }
      }
      break;
    }
  }
  if (l.tracing()) l.recorder().record(trace::EventKind::QueueGet, id_, index, l.reprLabel(item));
  return item;
}

Future* Queue::addWaiter(std::deque<Waiter>& waiters, trace::WaiterRole role) {
  bound_ = true;
  EventLoop& l = *loop_;
  Future* f = l.createFuture(l.tracing() ? std::string(className(kind_)) +
                                                (role == trace::WaiterRole::Getter ? ".get()" : ".put()")
                                          : std::string());
  trace::Id task = l.currentTask() != nullptr ? l.currentTask()->id() : 0;
  waiters.push_back(Waiter{f, task});
  if (l.tracing()) l.recorder().record(trace::EventKind::QueueWaiter, id_, task, 0, 0.0, static_cast<std::uint8_t>(role));
  return f;
}

void Queue::wakeupNext(std::deque<Waiter>& waiters, trace::WaiterRole role) {
  while (!waiters.empty()) {
    Waiter w = waiters.front();
    waiters.pop_front();
    if (loop_->tracing()) {
      loop_->recorder().record(trace::EventKind::QueueWaiterGone, id_, w.task, 0, 0.0, static_cast<std::uint8_t>(role));
    }
    if (!w.future->done()) {
      w.future->setResult(Value::none());
      break;
    }
  }
}

void Queue::removeWaiter(std::deque<Waiter>& waiters, Future* f, trace::WaiterRole role) {
  for (auto it = waiters.begin(); it != waiters.end(); ++it) {
    if (it->future == f) {
      if (loop_->tracing()) {
        loop_->recorder().record(trace::EventKind::QueueWaiterGone, id_, it->task, 0, 0.0,
                                 static_cast<std::uint8_t>(role));
      }
      waiters.erase(it);
      return;
    }
  }
}

StepResult Queue::putNowait(Value item) {
  if (full()) return StepResult::raised(loop_->host().makeException(ExcKind::QueueFull, ""));
  const bool tracing = loop_->tracing();
  if (kind_ != Kind::Priority && !tracing) {
    items_.push_back(item);  // pushItem's untraced FIFO/LIFO case, without its call
  } else {
    StepResult r = pushItem(item);
    if (!r.ok()) return r;
  }
  ++unfinished_;
  if (tracing) loop_->recorder().record(trace::EventKind::QueueUnfinished, id_, static_cast<std::uint32_t>(unfinished_));
  finished_->clear();
  // Nearly always nobody waits: skip the call (wakeupNext does nothing then).
  if (!getters_.empty()) wakeupNext(getters_, trace::WaiterRole::Getter);
  return StepResult::returned();
}

StepResult Queue::getNowait() {
  if (empty()) return StepResult::raised(loop_->host().makeException(ExcKind::QueueEmpty, ""));
  Value item;
  if (kind_ == Kind::Fifo && !loop_->tracing()) {
    item = items_.front();  // popItem's untraced FIFO case, without its call
    items_.pop_front();
  } else {
    item = popItem();
  }
  if (!putters_.empty()) wakeupNext(putters_, trace::WaiterRole::Putter);
  return StepResult::returned(item);
}

StepResult Queue::taskDone() {
  if (unfinished_ <= 0) {
    return StepResult::raised(loop_->host().makeException(ExcKind::ValueError, "task_done() called too many times"));
  }
  --unfinished_;
  if (loop_->tracing()) loop_->recorder().record(trace::EventKind::QueueUnfinished, id_, static_cast<std::uint32_t>(unfinished_));
  if (unfinished_ == 0) finished_->set();
  return StepResult::returned();
}

// get() and put(): `while <blocked>: waiter = create_future(); append; await`.
class QueueWait : public Coroutine {
 public:
  QueueWait(Queue& q, bool isGet, Value item) : q_(q), item_(item), isGet_(isGet) {}

  StepResult send(Value) override {
    if (state_ == 2) return reused();
    return loopOnce();
  }
  StepResult throwIn(Value exc) override {
    if (state_ != 1) {
      state_ = 2;
      return StepResult::raised(exc);
    }
    // except: cancel the waiter, drop it, pass the wake-up on if we were woken.
    state_ = 2;
    auto& waiters = isGet_ ? q_.getters_ : q_.putters_;
    auto role = isGet_ ? trace::WaiterRole::Getter : trace::WaiterRole::Putter;
    waiter_->cancel();
    q_.removeWaiter(waiters, waiter_, role);
    bool blocked = isGet_ ? q_.empty() : q_.full();
    if (!blocked && !waiter_->cancelled()) q_.wakeupNext(waiters, role);
    return StepResult::raised(exc);
  }
  std::string_view name() const override { return isGet_ ? "Queue.get" : "Queue.put"; }
  bool finished() const override { return state_ == 2; }
  void trace(Tracer& t) override {
    t.visit(&q_);
    t.visit(item_);
    t.visit(waiter_);
  }

 private:
  StepResult reused() {
    return StepResult::raised(q_.loop_->host().makeException(ExcKind::RuntimeError, "cannot reuse already awaited coroutine"));
  }
  StepResult loopOnce() {
    bool blocked = isGet_ ? q_.empty() : q_.full();
    if (blocked) {
      waiter_ = q_.addWaiter(isGet_ ? q_.getters_ : q_.putters_,
                             isGet_ ? trace::WaiterRole::Getter : trace::WaiterRole::Putter);
      state_ = 1;
      return StepResult::yielded(Value::object(waiter_));
    }
    state_ = 2;
    return isGet_ ? q_.getNowait() : q_.putNowait(item_);
  }
  Queue& q_;
  Value item_;
  Future* waiter_ = nullptr;
  bool isGet_;
  int state_ = 0;  // 0 start, 1 awaiting a waiter, 2 finished
};

// A reference, a value, a pointer and flags: it owns nothing.
template <>
inline constexpr bool kOwnsNothing<QueueWait> = true;

Coroutine* Queue::get() { return loop_->heap().make<QueueWait>(*this, true, Value::none()); }
Coroutine* Queue::put(Value item) { return loop_->heap().make<QueueWait>(*this, false, item); }

// join(): if unfinished > 0: await self._finished.wait()
class QueueJoin : public Coroutine {
 public:
  QueueJoin(Queue& q, Event* finished) : q_(q), finished_(finished) {}
  StepResult send(Value v) override {
    if (wait_ == nullptr) {
      if (done_) return StepResult::returned();
      done_ = true;
      if (q_.unfinishedTasks() <= 0) return StepResult::returned();
      wait_ = finished_->wait();
      return forward(wait_->send(v));
    }
    return forward(wait_->send(v));
  }
  StepResult throwIn(Value exc) override {
    if (wait_ == nullptr) {
      done_ = true;
      return StepResult::raised(exc);
    }
    return forward(wait_->throwIn(exc));
  }
  std::string_view name() const override { return "Queue.join"; }
  bool finished() const override { return done_ && wait_ == nullptr; }
  void trace(Tracer& t) override {
    t.visit(&q_);
    t.visit(finished_);
    t.visit(wait_);
  }

 private:
  StepResult forward(StepResult r) {
    if (r.kind == StepResult::Yielded) return r;
    wait_ = nullptr;
    return r.kind == StepResult::Raised ? r : StepResult::returned();
  }
  Queue& q_;
  Event* finished_;
  Coroutine* wait_ = nullptr;
  bool done_ = false;
};

Coroutine* Queue::join() { return loop_->heap().make<QueueJoin>(*this, finished_); }

}  // namespace loop
