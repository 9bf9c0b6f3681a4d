// foo_bar_fixture.cpp: the events of scenarios/foo_bar.py, recorded by hand.
#include "foo_bar_fixture.h"

#include <string>

using trace::EventKind;
using trace::HandleKind;
using trace::FutureState;
using trace::Id;

namespace fixture {

namespace {

constexpr const char* kSource =
    "# Two tasks share one thread by taking turns at every `await`.\n"
    "# foo naps for 1 second and bar for 2; because they nap at the same time,\n"
    "# the whole program takes 2 seconds of (virtual) time, not 3.\n"
    "import asyncio\n"
    "\n"
    "\n"
    "async def foo():\n"
    "    loop = asyncio.get_running_loop()\n"
    "    print(f\"{loop.time():.2f} foo: start, napping 1 s\")\n"
    "    await asyncio.sleep(1)\n"
    "    print(f\"{loop.time():.2f} foo: awake again\")\n"
    "\n"
    "\n"
    "async def bar():\n"
    "    loop = asyncio.get_running_loop()\n"
    "    print(f\"{loop.time():.2f} bar: start, napping 2 s\")\n"
    "    await asyncio.sleep(2)\n"
    "    print(f\"{loop.time():.2f} bar: awake again\")\n"
    "\n"
    "\n"
    "async def main():\n"
    "    tasks = [\n"
    "        asyncio.create_task(foo()),\n"
    "        asyncio.create_task(bar()),\n"
    "    ]\n"
    "    await asyncio.gather(*tasks)\n"
    "    print(f\"{asyncio.get_running_loop().time():.2f} main: both done\")\n"
    "\n"
    "\n"
    "asyncio.run(main())\n";

// Thin helpers so the story below reads like the narration.
struct Story {
  trace::Recorder rec;
  int iteration = 0;
  explicit Story(std::string file, std::string source) : rec(std::move(file), std::move(source)) {}

  trace::StrId s(const std::string& text) { return rec.intern(text); }
  void ev(EventKind k, Id a = 0, std::uint32_t b = 0, trace::StrId c = 0, double d = 0.0,
          std::uint8_t flags = 0) {
    rec.record(k, a, b, c, d, flags);
  }
  void beginIteration() { ev(EventKind::LoopIterationBegin, static_cast<Id>(++iteration)); }
  void endIteration() { ev(EventKind::LoopIterationEnd, static_cast<Id>(iteration)); }
  void task(Id id, Id parent, const std::string& name, const std::string& coro, int defLine) {
    ev(EventKind::TaskCreated, id, parent, s(name));
    ev(EventKind::TaskCoroutine, id, static_cast<std::uint32_t>(defLine), s(coro));
  }
  void schedule(Id handle, Id task, const std::string& label, HandleKind kind) {
    ev(EventKind::HandleScheduled, handle, task, s(label), 0.0, static_cast<std::uint8_t>(kind));
  }
  void line(Id task, int l) { ev(EventKind::TaskLine, task, static_cast<std::uint32_t>(l)); }
  void out(const std::string& text) { ev(EventKind::Output, 0, 0, s(text)); }
};

}  // namespace

std::shared_ptr<const trace::Trace> makeFooBarTrace() {
  Story st("foo_bar.py", kSource);
  // Ids: 1 main, 2 its step, 3 foo, 4 its step, 5 bar, 6 its step, 7 gather,
  // 8 foo's sleep future, 9 its timer, 10 bar's sleep future, 11 its timer,
  // 12 foo's wakeup, 13 gather cb (foo), 14 bar's wakeup, 15 gather cb (bar),
  // 16 main's wakeup, 17 run_until_complete's done callback.
  st.ev(EventKind::RunBegin, 0, 0, st.s("foo_bar.py"));
  // 1. asyncio.run(main()) wraps main() in Task-1, queued.
  st.task(kMain, 0, "Task-1", "main", 21);
  st.schedule(2, kMain, "Task.__step", HandleKind::TaskStep);
  // 2-3. main creates foo and bar, awaits gather.
  st.beginIteration();
  st.ev(EventKind::HandleRun, 2);
  st.ev(EventKind::TaskStepBegin, kMain);
  st.line(kMain, 22);
  st.line(kMain, 23);
  st.task(kFoo, kMain, "Task-2", "foo", 7);
  st.schedule(4, kFoo, "Task.__step", HandleKind::TaskStep);
  st.line(kMain, 24);
  st.task(kBar, kMain, "Task-3", "bar", 14);
  st.schedule(6, kBar, "Task.__step", HandleKind::TaskStep);
  st.line(kMain, 26);
  st.ev(EventKind::FutureCreated, kGather, kMain, st.s("gather(foo, bar)"));
  st.ev(EventKind::FutureCallbackAdded, kFoo, 0, st.s("gather._done_callback"));
  st.ev(EventKind::FutureCallbackAdded, kBar, 0, st.s("gather._done_callback"));
  st.ev(EventKind::FutureCallbackAdded, kGather, 0, st.s("Task.__wakeup(Task-1)"));
  st.ev(EventKind::TaskSuspended, kMain, kGather, st.s("gather(foo, bar)"), 26);
  st.endIteration();
  // 4-5. foo and bar each print and start a timer.
  st.beginIteration();
  st.ev(EventKind::HandleRun, 4);
  st.ev(EventKind::TaskStepBegin, kFoo);
  st.line(kFoo, 8);
  st.line(kFoo, 9);
  st.out("0.00 foo: start, napping 1 s\n");
  st.line(kFoo, 10);
  st.ev(EventKind::FutureCreated, 8, kFoo, st.s("sleep(1) future"));
  st.ev(EventKind::TimerScheduled, kFooTimer, kFoo, st.s("futures._set_result_unless_cancelled"),
        1.0);
  st.ev(EventKind::FutureCallbackAdded, 8, 0, st.s("Task.__wakeup(Task-2)"));
  st.ev(EventKind::TaskSuspended, kFoo, 8, st.s("sleep(1)"), 10);
  st.ev(EventKind::HandleRun, 6);
  st.ev(EventKind::TaskStepBegin, kBar);
  st.line(kBar, 15);
  st.line(kBar, 16);
  st.out("0.00 bar: start, napping 2 s\n");
  st.line(kBar, 17);
  st.ev(EventKind::FutureCreated, 10, kBar, st.s("sleep(2) future"));
  st.ev(EventKind::TimerScheduled, kBarTimer, kBar, st.s("futures._set_result_unless_cancelled"),
        2.0);
  st.ev(EventKind::FutureCallbackAdded, 10, 0, st.s("Task.__wakeup(Task-3)"));
  st.ev(EventKind::TaskSuspended, kBar, 10, st.s("sleep(2)"), 17);
  st.endIteration();
  // 6-7. Idle: the clock jumps to 1.0; foo's timer fires, foo finishes.
  st.beginIteration();
  st.ev(EventKind::ClockAdvanced, 0, 0, 0, 1.0);
  st.ev(EventKind::TimerDue, kFooTimer);
  st.ev(EventKind::HandleRun, kFooTimer);
  st.ev(EventKind::FutureDone, 8, 0, st.s("None"), 0.0, static_cast<std::uint8_t>(FutureState::Finished));
  st.schedule(12, kFoo, "Task.__wakeup", HandleKind::TaskWakeup);
  st.endIteration();
  st.beginIteration();
  st.ev(EventKind::HandleRun, 12);
  st.ev(EventKind::TaskStepBegin, kFoo);
  st.line(kFoo, 11);
  st.out("1.00 foo: awake again\n");
  st.ev(EventKind::TaskDone, kFoo, 0, st.s("None"), 0.0, static_cast<std::uint8_t>(FutureState::Finished));
  st.schedule(13, 0, "gather._done_callback", HandleKind::FutureCallback);
  st.endIteration();
  st.beginIteration();
  st.ev(EventKind::HandleRun, 13);
  st.endIteration();
  // 8. Idle again: the clock jumps to 2.0; bar finishes the same way.
  st.beginIteration();
  st.ev(EventKind::ClockAdvanced, 0, 0, 0, 2.0);
  st.ev(EventKind::TimerDue, kBarTimer);
  st.ev(EventKind::HandleRun, kBarTimer);
  st.ev(EventKind::FutureDone, 10, 0, st.s("None"), 0.0, static_cast<std::uint8_t>(FutureState::Finished));
  st.schedule(14, kBar, "Task.__wakeup", HandleKind::TaskWakeup);
  st.endIteration();
  st.beginIteration();
  st.ev(EventKind::HandleRun, 14);
  st.ev(EventKind::TaskStepBegin, kBar);
  st.line(kBar, 18);
  st.out("2.00 bar: awake again\n");
  st.ev(EventKind::TaskDone, kBar, 0, st.s("None"), 0.0, static_cast<std::uint8_t>(FutureState::Finished));
  st.schedule(15, 0, "gather._done_callback", HandleKind::FutureCallback);
  st.endIteration();
  // 9. gather completes; main wakes with [None, None] and returns.
  st.beginIteration();
  st.ev(EventKind::HandleRun, 15);
  st.ev(EventKind::FutureDone, kGather, 0, st.s("[None, None]"), 0.0,
        static_cast<std::uint8_t>(FutureState::Finished));
  st.schedule(16, kMain, "Task.__wakeup", HandleKind::TaskWakeup);
  st.endIteration();
  st.beginIteration();
  st.ev(EventKind::HandleRun, 16);
  st.ev(EventKind::TaskStepBegin, kMain);
  st.line(kMain, 27);
  st.out("2.00 main: both done\n");
  st.ev(EventKind::TaskDone, kMain, 0, st.s("None"), 0.0, static_cast<std::uint8_t>(FutureState::Finished));
  st.schedule(17, 0, "_run_until_complete_cb", HandleKind::FutureCallback);
  st.endIteration();
  st.beginIteration();
  st.ev(EventKind::HandleRun, 17);
  st.ev(EventKind::LoopStopped);
  st.endIteration();
  st.ev(EventKind::RunEnd, 0);
  return st.rec.finish();
}

std::size_t findEvent(const trace::Trace& t, EventKind kind, Id a, std::size_t from) {
  for (std::size_t i = from; i < t.size(); ++i)
    if (t[i].kind == kind && (a == 0 || t[i].a == a)) return i;
  return t.size();
}

std::shared_ptr<const trace::Trace> makeCrowdTrace(int tasks) {
  Story st("crowd.py", "import asyncio\n\nasync def worker(i):\n    await asyncio.sleep(i / 100)\n\n"
                       "async def main():\n    await asyncio.gather(*(worker(i) for i in range(N)))\n\n"
                       "asyncio.run(main())\n");
  Id next = 1;
  st.ev(EventKind::RunBegin, 0, 0, st.s("crowd.py"));
  const Id main = next++;
  st.task(main, 0, "Task-1", "main", 6);
  st.schedule(next++, main, "Task.__step", HandleKind::TaskStep);
  st.beginIteration();
  st.ev(EventKind::HandleRun, 2);
  st.ev(EventKind::TaskStepBegin, main);
  std::vector<Id> ids;
  for (int i = 0; i < tasks; ++i) {
    const Id t = next++;
    ids.push_back(t);
    st.task(t, main, "Task-" + std::to_string(i + 2), "worker", 3);
    st.schedule(next++, t, "Task.__step", HandleKind::TaskStep);
  }
  const Id gather = next++;
  st.ev(EventKind::FutureCreated, gather, main, st.s("gather(worker, ...)"));
  st.ev(EventKind::TaskSuspended, main, gather, st.s("gather(...)"), 7);
  st.endIteration();
  st.beginIteration();
  for (int i = 0; i < tasks; ++i) {
    st.ev(EventKind::HandleRun, ids[static_cast<std::size_t>(i)] + 1);
    st.ev(EventKind::TaskStepBegin, ids[static_cast<std::size_t>(i)]);
    const Id fut = next++, timer = next++;
    st.ev(EventKind::FutureCreated, fut, ids[static_cast<std::size_t>(i)], st.s("sleep future"));
    st.ev(EventKind::TimerScheduled, timer, ids[static_cast<std::size_t>(i)],
          st.s("futures._set_result_unless_cancelled"), 0.01 * (i + 1));
    st.ev(EventKind::TaskSuspended, ids[static_cast<std::size_t>(i)], fut,
          st.s("sleep(" + std::to_string(i + 1) + " / 100)"), 4);
  }
  st.endIteration();
  return st.rec.finish();
}

bool sameState(const trace::State& x, const trace::State& y) {
  auto sameTask = [](const trace::TaskView& p, const trace::TaskView& q) {
    return p.id == q.id && p.parent == q.parent && p.name == q.name && p.coroutine == q.coroutine &&
           p.state == q.state && p.outcome == q.outcome && p.awaiting == q.awaiting &&
           p.awaitingLabel == q.awaitingLabel && p.line == q.line && p.defLine == q.defLine &&
           p.result == q.result && p.cancelRequested == q.cancelRequested;
  };
  auto sameHandle = [](const trace::HandleView& p, const trace::HandleView& q) {
    return p.id == q.id && p.task == q.task && p.label == q.label && p.kind == q.kind &&
           p.cancelled == q.cancelled;
  };
  auto sameTimer = [](const trace::TimerView& p, const trace::TimerView& q) {
    return p.id == q.id && p.task == q.task && p.label == q.label && p.when == q.when &&
           p.seq == q.seq && p.cancelled == q.cancelled;
  };
  auto sameFuture = [](const trace::FutureView& p, const trace::FutureView& q) {
    return p.id == q.id && p.creator == q.creator && p.label == q.label && p.state == q.state &&
           p.result == q.result && p.callbacks == q.callbacks;
  };
  auto sameQueue = [](const trace::QueueView& p, const trace::QueueView& q) {
    return p.id == q.id && p.label == q.label && p.kind == q.kind && p.maxsize == q.maxsize &&
           p.unfinished == q.unfinished && p.items == q.items && p.getters == q.getters &&
           p.putters == q.putters && p.joiners == q.joiners;
  };
  auto samePrimitive = [](const trace::PrimitiveView& p, const trace::PrimitiveView& q) {
    return p.id == q.id && p.kind == q.kind && p.label == q.label && p.value == q.value &&
           p.waiters == q.waiters;
  };
  auto all = [](const auto& a, const auto& b, auto eq) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!eq(a[i], b[i])) return false;
    return true;
  };
  return x.index == y.index && x.clock == y.clock && x.iteration == y.iteration &&
         x.inIteration == y.inIteration && x.running == y.running &&
         all(x.tasks, y.tasks, sameTask) && all(x.ready, y.ready, sameHandle) &&
         all(x.timers, y.timers, sameTimer) && all(x.futures, y.futures, sameFuture) &&
         all(x.queues, y.queues, sameQueue) && all(x.primitives, y.primitives, samePrimitive) &&
         x.outputEvents == y.outputEvents && x.diagnostics == y.diagnostics &&
         x.exitStatus == y.exitStatus;
}

}  // namespace fixture
