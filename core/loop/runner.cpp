// runner.cpp: asyncio.run's task and shutdown sequence.
#include "core/loop/runner.h"

#include <string>

#include "core/loop/gather.h"

namespace loop {

namespace {

// `async def shutdown_asyncgens(self)` with no async generators, and
// shutdown_default_executor with no executor: they return at once.
class ReturnAtOnce : public Coroutine {
 public:
  explicit ReturnAtOnce(const char* name) : name_(name) {}
  StepResult send(Value) override {
    done_ = true;
    return StepResult::returned();
  }
  StepResult throwIn(Value exc) override {
    done_ = true;
    return StepResult::raised(exc);
  }
  std::string_view name() const override { return name_; }
  bool finished() const override { return done_; }
  void trace(Tracer&) override {}

 private:
  const char* name_;
  bool done_ = false;
};

}  // namespace

RunResult run(EventLoop& loop, Coroutine* main) {
  Task* task = loop.createTask(main);
  RunResult result = loop.runUntilComplete(task);
  if (result.status == RunStatus::Deadlock || result.status == RunStatus::Budget) return result;

  // _cancel_all_tasks(loop)
  std::vector<Task*> toCancel = loop.allTasks();
  if (!toCancel.empty()) {
    for (Task* t : toCancel) t->cancel();
    std::vector<Value> args;
    args.reserve(toCancel.size());
    for (Task* t : toCancel) args.push_back(Value::object(t));
    RunResult r = loop.runUntilComplete(gather(loop, args, true));
    if (r.status == RunStatus::Deadlock || r.status == RunStatus::Budget) return r;
    for (Task* t : toCancel) {
      if (t->cancelled()) continue;
      Value exc = t->exception().value;
      if (!exc.isNone()) {
        // runners.py _cancel_all_tasks: the default handler adds `task: <repr>`.
        loop.callExceptionHandler(ErrorContext{trace::DiagnosticKind::UnretrievedException,
                                               "unhandled exception during asyncio.run() shutdown\ntask: " +
                                                   loop.host().repr(Value::object(t)),
                                               exc, t, 0});
      }
    }
  }
  for (const char* name : {"shutdown_asyncgens", "shutdown_default_executor"}) {
    RunResult r = loop.runUntilComplete(loop.createTask(loop.heap().make<ReturnAtOnce>(name)));
    if (r.status == RunStatus::Deadlock || r.status == RunStatus::Budget) return r;
  }
  // With the reachability check, what the program still refers to is
  // reported at the end of the run (CPython: at interpreter exit); without
  // it (the core tests' host), here.
  if (!loop.reportsDropped()) loop.reportUnretrieved();
  return result;
}

}  // namespace loop
