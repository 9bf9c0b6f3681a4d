// fixtures.cpp: the hand-built foo/bar trace, the synthetic loop model and
// State comparison shared by the trace tests (and the seek benchmark).
#include "fixtures.h"

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

namespace fixtures {

using namespace trace;

const char* const kFooBarSource =
    "import asyncio\n"
    "\n"
    "async def foo():\n"
    "    print('Running foo')\n"
    "    await asyncio.sleep(1)\n"
    "\n"
    "async def bar():\n"
    "    print('Running bar')\n"
    "    await asyncio.sleep(2)\n"
    "\n"
    "async def main():\n"
    "    t1 = asyncio.create_task(foo())\n"
    "    t2 = asyncio.create_task(bar())\n"
    "    await asyncio.gather(t1, t2)\n"
    "\n"
    "asyncio.run(main())\n";

std::shared_ptr<const Trace> fooBarTrace(FooBarIds* out) {
  Recorder r("foo_bar.py", kFooBarSource);
  FooBarIds id;
  auto s = [&](const char* text) { return r.intern(text); };
  auto k = [](auto e) { return static_cast<std::uint8_t>(e); };
  using K = EventKind;
  auto handle = [&](Id task, const char* label, HandleKind kind) {
    Id h = r.newId();
    r.record(K::HandleScheduled, h, task, s(label), 0, k(kind));
    return h;
  };
  std::uint32_t it = 0;
  auto begin = [&] { r.record(K::LoopIterationBegin, ++it); };
  auto end = [&] { r.record(K::LoopIterationEnd, it); };

  r.record(K::RunBegin, 0, 0, s("foo_bar.py"));
  // 1. asyncio.run(main()) wraps main() in Task-1, which waits in `ready`.
  id.main = r.newId();
  r.record(K::TaskCreated, id.main, 0, s("Task-1"));
  r.record(K::TaskCoroutine, id.main, 11, s("main"));
  Id h = handle(id.main, "Task.__step", HandleKind::TaskStep);
  // 2. main runs: creates Task-2 (foo) and Task-3 (bar); 3. awaits gather.
  begin();
  r.record(K::HandleRun, h);
  r.record(K::TaskStepBegin, id.main);
  r.record(K::TaskLine, id.main, 12);
  id.foo = r.newId();
  r.record(K::TaskCreated, id.foo, id.main, s("Task-2"));
  r.record(K::TaskCoroutine, id.foo, 3, s("foo"));
  Id hFoo = handle(id.foo, "Task.__step", HandleKind::TaskStep);
  r.record(K::TaskLine, id.main, 13);
  id.bar = r.newId();
  r.record(K::TaskCreated, id.bar, id.main, s("Task-3"));
  r.record(K::TaskCoroutine, id.bar, 7, s("bar"));
  Id hBar = handle(id.bar, "Task.__step", HandleKind::TaskStep);
  r.record(K::TaskLine, id.main, 14);
  id.gather = r.newId();
  r.record(K::FutureCreated, id.gather, id.main, s("gather(foo, bar)"));
  r.record(K::FutureCallbackAdded, id.foo, 0, s("gather._done_callback"));
  r.record(K::FutureCallbackAdded, id.bar, 0, s("gather._done_callback"));
  r.record(K::FutureCallbackAdded, id.gather, 0, s("Task.__wakeup(Task-1)"));
  r.record(K::TaskSuspended, id.main, id.gather, s("gather(foo, bar)"), 14);
  end();
  // 4. foo prints and sleeps; 5. bar prints and sleeps.
  begin();
  r.record(K::HandleRun, hFoo);
  r.record(K::TaskStepBegin, id.foo);
  r.record(K::TaskLine, id.foo, 4);
  r.record(K::Output, 0, 0, s("Running foo\n"), 0, k(Stream::Stdout));
  r.record(K::TaskLine, id.foo, 5);
  id.fooSleep = r.newId();
  r.record(K::FutureCreated, id.fooSleep, id.foo, s("sleep(1) future"));
  id.fooTimer = r.newId();
  r.record(K::TimerScheduled, id.fooTimer, id.foo, s("sleep(1)"), 1.0);
  r.record(K::FutureCallbackAdded, id.fooSleep, 0, s("Task.__wakeup(Task-2)"));
  r.record(K::TaskSuspended, id.foo, id.fooSleep, s("sleep(1)"), 5);
  r.record(K::HandleRun, hBar);
  r.record(K::TaskStepBegin, id.bar);
  r.record(K::TaskLine, id.bar, 8);
  r.record(K::Output, 0, 0, s("Running bar\n"), 0, k(Stream::Stdout));
  r.record(K::TaskLine, id.bar, 9);
  id.barSleep = r.newId();
  r.record(K::FutureCreated, id.barSleep, id.bar, s("sleep(2) future"));
  id.barTimer = r.newId();
  r.record(K::TimerScheduled, id.barTimer, id.bar, s("sleep(2)"), 2.0);
  r.record(K::FutureCallbackAdded, id.barSleep, 0, s("Task.__wakeup(Task-3)"));
  r.record(K::TaskSuspended, id.bar, id.barSleep, s("sleep(2)"), 9);
  end();
  // 6. Nothing ready: the clock jumps to 1.0; 7. the timer fires, foo wakes.
  begin();
  r.record(K::ClockAdvanced, 0, 0, 0, 1.0);
  r.record(K::TimerDue, id.fooTimer);
  r.record(K::HandleRun, id.fooTimer);
  r.record(K::FutureDone, id.fooSleep, 0, s("None"), 0, k(FutureState::Finished));
  Id wakeFoo = handle(id.foo, "Task.__wakeup", HandleKind::TaskWakeup);
  end();
  begin();
  r.record(K::HandleRun, wakeFoo);
  r.record(K::TaskStepBegin, id.foo);
  r.record(K::TaskDone, id.foo, 0, s("None"), 0, k(FutureState::Finished));
  Id gatherFoo = handle(0, "gather._done_callback", HandleKind::FutureCallback);
  end();
  begin();
  r.record(K::HandleRun, gatherFoo);  // gather counts one of two
  end();
  // 8. The clock jumps to 2.0; bar finishes the same way.
  begin();
  r.record(K::ClockAdvanced, 0, 0, 0, 2.0);
  r.record(K::TimerDue, id.barTimer);
  r.record(K::HandleRun, id.barTimer);
  r.record(K::FutureDone, id.barSleep, 0, s("None"), 0, k(FutureState::Finished));
  Id wakeBar = handle(id.bar, "Task.__wakeup", HandleKind::TaskWakeup);
  end();
  begin();
  r.record(K::HandleRun, wakeBar);
  r.record(K::TaskStepBegin, id.bar);
  r.record(K::TaskDone, id.bar, 0, s("None"), 0, k(FutureState::Finished));
  Id gatherBar = handle(0, "gather._done_callback", HandleKind::FutureCallback);
  end();
  // 9. gather completes; main wakes with [None, None], returns; the loop stops.
  begin();
  r.record(K::HandleRun, gatherBar);
  r.record(K::FutureDone, id.gather, 0, s("[None, None]"), 0, k(FutureState::Finished));
  Id wakeMain = handle(id.main, "Task.__wakeup", HandleKind::TaskWakeup);
  end();
  begin();
  r.record(K::HandleRun, wakeMain);
  r.record(K::TaskStepBegin, id.main);
  r.record(K::TaskDone, id.main, 0, s("None"), 0, k(FutureState::Finished));
  Id stop = handle(0, "_run_until_complete_cb", HandleKind::FutureCallback);
  end();
  begin();
  r.record(K::HandleRun, stop);
  r.record(K::LoopStopped);
  end();
  r.record(K::RunEnd, 0);
  if (out) *out = id;
  return r.finish();
}

// ---- the synthetic loop model -------------------------------------------------

namespace {

class Rng {
 public:
  explicit Rng(std::uint32_t seed) : x_(seed * 2654435761u + 1) {}
  std::uint32_t next() {  // xorshift32: deterministic everywhere
    x_ ^= x_ << 13;
    x_ ^= x_ >> 17;
    x_ ^= x_ << 5;
    return x_;
  }
  std::uint32_t below(std::uint32_t n) { return next() % n; }

 private:
  std::uint32_t x_;
};

class Model {
 public:
  Model(Recorder& r, const SyntheticOptions& o) : r_(r), o_(o), rng_(o.seed) {}

  void run() {
    r_.record(EventKind::RunBegin, 0, 0, r_.intern("synthetic.py"));
    if (o_.everyKind) {
      queue_ = r_.newId();
      r_.record(EventKind::QueueCreated, queue_, 0, r_.intern("Queue"), 0, std::uint8_t(QueueKind::Priority));
      lock_ = r_.newId();
      r_.record(EventKind::PrimitiveCreated, lock_, 0, r_.intern("Lock"), 0, std::uint8_t(PrimitiveKind::Lock));
    }
    spawn(0);
    while (r_.trace().size() < o_.events && iterate()) {
    }
    r_.record(EventKind::RunEnd, 0);
  }

 private:
  struct Handle {
    Id id;
    Id task;
    HandleKind kind;
    Id future;  // the sleep future a timer completes
    bool cancelled;
  };
  struct Timer {
    double when;
    std::uint64_t seq;
    Id id, task, future;
    bool cancelled;
  };

  StrId label(const char* prefix, std::uint32_t n) { return r_.intern(prefix + std::to_string(n)); }

  void schedule(Id task, HandleKind kind, const char* text) {
    Id h = r_.newId();
    r_.record(EventKind::HandleScheduled, h, task, r_.intern(text), 0, std::uint8_t(kind));
    ready_.push_back(Handle{h, task, kind, 0, false});
  }

  void spawn(Id parent) {
    Id t = r_.newId();
    ++created_;
    ++alive_;
    r_.record(EventKind::TaskCreated, t, parent, label("Task-", created_));
    r_.record(EventKind::TaskCoroutine, t, 10 + rng_.below(50), label("worker", rng_.below(8)));
    schedule(t, HandleKind::TaskStep, "Task.__step");
  }

  Id addTimer(Id task, Id future, double delay, StrId text) {
    Timer tm{clock_ + delay, seq_++, r_.newId(), task, future, false};
    r_.record(EventKind::TimerScheduled, tm.id, task, text, tm.when);
    auto at = std::upper_bound(timers_.begin(), timers_.end(), tm.when,
                               [](double w, const Timer& x) { return w < x.when; });
    timers_.insert(at, tm);
    return tm.id;
  }

  void sideEffects(Id t) {
    std::uint32_t roll = rng_.below(100);
    if (roll < 10) {
      r_.record(EventKind::Output, 0, 0, label("tick ", rng_.below(100)), 0, std::uint8_t(Stream::Stdout));
    } else if (roll < 16 && alive_ < o_.maxTasks) {
      spawn(t);
    } else if (!o_.everyKind) {
      return;
    } else if (roll < 22 && queueItems_ < 64) {  // a bounded queue, as real programs keep
      // PriorityQueue put: inserted anywhere in the view's list.
      std::uint32_t at = rng_.below(queueItems_ + 1);
      r_.record(EventKind::QueuePut, queue_, at, label("item", rng_.below(20)));
      ++queueItems_;
      r_.record(EventKind::QueueUnfinished, queue_, queueItems_);
    } else if (roll < 27 && queueItems_ > 0) {
      r_.record(EventKind::QueueGet, queue_, 0, label("item", 0));
      --queueItems_;
    } else if (roll < 30) {
      locked_ = !locked_;
      r_.record(EventKind::PrimitiveChanged, lock_, locked_ ? 1 : 0);
    } else if (roll < 33) {
      if (lockWaiters_.size() < 5 && rng_.below(2) == 0) {
        lockWaiters_.push_back(t);
        r_.record(EventKind::PrimitiveWaiter, lock_, t);
        r_.record(EventKind::QueueWaiter, queue_, t, 0, 0, std::uint8_t(t % 3));
      } else if (!lockWaiters_.empty()) {
        Id w = lockWaiters_.front();
        lockWaiters_.erase(lockWaiters_.begin());  // FIFO, as asyncio wakes waiters
        r_.record(EventKind::PrimitiveWaiterGone, lock_, w);
        r_.record(EventKind::QueueWaiterGone, queue_, w, 0, 0, std::uint8_t(w % 3));
      }
    } else if (roll < 36) {
      // loop.call_later(0.5, cb), cancelled half of the time.
      Id id = addTimer(0, 0, 0.5, r_.intern("cb"));
      if (rng_.below(2) == 0) {
        for (Timer& tm : timers_)
          if (tm.id == id) tm.cancelled = true;
        r_.record(EventKind::TimerCancelled, id);
      }
    } else if (roll < 38) {
      schedule(0, HandleKind::Callback, "cb");
      if (rng_.below(2) == 0) {
        ready_.back().cancelled = true;
        r_.record(EventKind::HandleCancelled, ready_.back().id);
      }
    } else if (roll < 39) {
      r_.record(EventKind::LoopBlocked, t, 7, 0, 0.25);
      clock_ += 0.25;
    } else if (roll < 40) {
      r_.record(EventKind::TaskCancelRequested, t, 0, r_.intern("stop"));
      r_.record(EventKind::Diagnostic, t, 3, r_.intern("just a note"), 0, std::uint8_t(DiagnosticKind::LoopBlocked));
    }
  }

  void step(Id t) {
    r_.record(EventKind::TaskStepBegin, t);
    r_.record(EventKind::TaskLine, t, 10 + rng_.below(20));
    sideEffects(t);
    // Tasks may only finish when there are enough others, so the run goes on.
    if (alive_ > o_.maxTasks / 2 && alive_ > 2 && rng_.below(100) < 2) {
      r_.record(EventKind::TaskDone, t, 0, r_.intern("None"), 0, std::uint8_t(FutureState::Finished));
      if (std::find(lockWaiters_.begin(), lockWaiters_.end(), t) != lockWaiters_.end()) {
        r_.record(EventKind::PrimitiveWaiterGone, lock_, t);
        r_.record(EventKind::QueueWaiterGone, queue_, t, 0, 0, std::uint8_t(t % 3));
        lockWaiters_.erase(std::remove(lockWaiters_.begin(), lockWaiters_.end(), t), lockWaiters_.end());
      }
      --alive_;
      return;
    }
    std::uint32_t line = 10 + rng_.below(20);
    if (rng_.below(4) == 0) {
      r_.record(EventKind::TaskSuspended, t, 0, 0, line);  // sleep(0): a bare yield
      schedule(t, HandleKind::TaskStep, "Task.__step");
      return;
    }
    static const double kDelays[] = {0.5, 1.0, 1.5, 2.0};
    std::uint32_t which = rng_.below(4);
    StrId text = label("sleep(", which) ;
    Id fut = r_.newId();
    r_.record(EventKind::FutureCreated, fut, t, text);
    addTimer(t, fut, kDelays[which], text);
    r_.record(EventKind::FutureCallbackAdded, fut, 0, r_.intern("Task.__wakeup"));
    r_.record(EventKind::TaskSuspended, t, fut, text, line);
  }

  bool iterate() {
    r_.record(EventKind::LoopIterationBegin, ++iteration_);
    while (!timers_.empty() && timers_.front().cancelled) {
      r_.record(EventKind::TimerDropped, timers_.front().id);
      timers_.erase(timers_.begin());
    }
    if (ready_.empty()) {
      if (timers_.empty()) return false;
      clock_ = std::max(clock_, timers_.front().when);
      r_.record(EventKind::ClockAdvanced, 0, 0, 0, clock_);
    }
    while (!timers_.empty() && timers_.front().when < clock_ + 1e-9) {
      const Timer& tm = timers_.front();
      r_.record(EventKind::TimerDue, tm.id);
      ready_.push_back(Handle{tm.id, tm.task, HandleKind::Timer, tm.future, tm.cancelled});
      timers_.erase(timers_.begin());
    }
    std::size_t ntodo = ready_.size();
    for (std::size_t i = 0; i < ntodo; ++i) {
      Handle h = ready_.front();
      ready_.pop_front();
      r_.record(EventKind::HandleRun, h.id);
      if (h.cancelled) continue;
      switch (h.kind) {
        case HandleKind::Timer:
          if (h.future) {
            r_.record(EventKind::FutureDone, h.future, 0, r_.intern("None"), 0, std::uint8_t(FutureState::Finished));
            schedule(h.task, HandleKind::TaskWakeup, "Task.__wakeup");
          }
          break;
        case HandleKind::TaskStep:
        case HandleKind::TaskWakeup:
          step(h.task);
          break;
        default:
          break;
      }
    }
    r_.record(EventKind::LoopIterationEnd, iteration_);
    return true;
  }

  Recorder& r_;
  const SyntheticOptions& o_;
  Rng rng_;
  std::deque<Handle> ready_;
  std::deque<Timer> timers_;
  std::vector<Id> lockWaiters_;
  double clock_ = 0.0;
  std::uint64_t seq_ = 0;
  std::uint32_t iteration_ = 0;
  std::uint32_t created_ = 0;
  std::size_t alive_ = 0;
  std::uint32_t queueItems_ = 0;
  Id queue_ = 0, lock_ = 0;
  bool locked_ = false;
};

}  // namespace

void recordSynthetic(Recorder& rec, const SyntheticOptions& options) { Model(rec, options).run(); }

std::shared_ptr<const Trace> syntheticTrace(const SyntheticOptions& options) {
  Recorder rec("synthetic.py", "# a synthetic trace\n");
  recordSynthetic(rec, options);
  return rec.finish();
}

// ---- comparison ----------------------------------------------------------------

namespace {

// `where` is built only on a difference: comparisons run millions of times.
#define LS_SAME(field)                                                      \
  if (!(x.field == y.field)) {                                               \
    *why = std::string(name) + "[" + std::to_string(at) + "]." #field " differs"; \
    return false;                                                            \
  }

bool same(const TaskView& x, const TaskView& y, const char* name, std::size_t at, std::string* why) {
  LS_SAME(id) LS_SAME(parent) LS_SAME(name) LS_SAME(coroutine) LS_SAME(state) LS_SAME(outcome)
  LS_SAME(awaiting) LS_SAME(awaitingLabel) LS_SAME(line) LS_SAME(defLine) LS_SAME(result)
  LS_SAME(cancelRequested)
  return true;
}
bool same(const HandleView& x, const HandleView& y, const char* name, std::size_t at, std::string* why) {
  LS_SAME(id) LS_SAME(task) LS_SAME(label) LS_SAME(kind) LS_SAME(cancelled)
  return true;
}
bool same(const TimerView& x, const TimerView& y, const char* name, std::size_t at, std::string* why) {
  LS_SAME(id) LS_SAME(task) LS_SAME(label) LS_SAME(when) LS_SAME(seq) LS_SAME(cancelled)
  return true;
}
bool same(const FutureView& x, const FutureView& y, const char* name, std::size_t at, std::string* why) {
  LS_SAME(id) LS_SAME(creator) LS_SAME(label) LS_SAME(state) LS_SAME(result) LS_SAME(callbacks)
  LS_SAME(isTask) LS_SAME(doneIteration)
  return true;
}
bool same(const QueueView& x, const QueueView& y, const char* name, std::size_t at, std::string* why) {
  LS_SAME(id) LS_SAME(label) LS_SAME(kind) LS_SAME(maxsize) LS_SAME(unfinished) LS_SAME(items)
  LS_SAME(getters) LS_SAME(putters) LS_SAME(joiners)
  return true;
}
bool same(const PrimitiveView& x, const PrimitiveView& y, const char* name, std::size_t at, std::string* why) {
  LS_SAME(id) LS_SAME(kind) LS_SAME(label) LS_SAME(value) LS_SAME(waiters)
  return true;
}

template <typename C>
bool sameList(const C& x, const C& y, const char* name, std::string* why) {
  if (x.size() != y.size()) {
    *why = std::string(name) + ": " + std::to_string(x.size()) + " vs " + std::to_string(y.size()) + " entries";
    return false;
  }
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!same(x[i], y[i], name, i, why)) return false;
  return true;
}

}  // namespace

bool sameState(const State& x, const State& y, std::string* why) {
  const char* name = "state";
  const std::size_t at = 0;
  LS_SAME(index) LS_SAME(clock) LS_SAME(iteration) LS_SAME(inIteration) LS_SAME(running)
  LS_SAME(outputEvents) LS_SAME(diagnostics) LS_SAME(exitStatus)
  return sameList(x.tasks, y.tasks, "tasks", why) && sameList(x.ready, y.ready, "ready", why) &&
         sameList(x.timers, y.timers, "timers", why) && sameList(x.futures, y.futures, "futures", why) &&
         sameList(x.queues, y.queues, "queues", why) && sameList(x.primitives, y.primitives, "primitives", why);
}
#undef LS_SAME

}  // namespace fixtures
