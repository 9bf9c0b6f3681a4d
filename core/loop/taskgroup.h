// taskgroup.h: asyncio.TaskGroup (asyncio/taskgroups.py, 3.11).
//
// __aenter__ never suspends (a plain call here); __aexit__ waits for every
// child and is a native Coroutine. The first failing child aborts the group:
// siblings are cancelled in creation order (CPython iterates a set; contract
// section 3) and the parent task is cancelled once; errors come out as
// ExceptionGroup("unhandled errors in a TaskGroup", errors).
#pragma once

#include <string>
#include <vector>

#include "core/loop/coroutine.h"
#include "core/loop/object.h"

namespace loop {

class EventLoop;
class Future;
class Task;

class TaskGroup : public Object {
 public:
  explicit TaskGroup(EventLoop& loop) : loop_(&loop) { setObjectClass(ObjectClass::TaskGroup); }

  // __aenter__: Returned(the group) or Raised(RuntimeError).
  StepResult enter();
  // tg.create_task(coro, name=None): Returned(the Task) or Raised(RuntimeError).
  StepResult createTask(Coroutine* coro, std::string name = {});
  // __aexit__(type(exc), exc, tb): exc None if the body did not raise. The
  // coroutine Returns None or Raises (CancelledError, a base error, or the
  // ExceptionGroup).
  Coroutine* exit(Value exc);

  std::size_t taskCount() const { return live_; }
  void trace(Tracer& t) override;

 private:
  friend class TaskGroupExit;
  static void onTaskDone(EventLoop& loop, Object* target, Value arg);
  void abort();
  EventLoop* loop_;
  Task* parent_ = nullptr;
  std::vector<Task*> tasks_;  // creation order (CPython: a set); may hold done tasks
  std::size_t live_ = 0;      // tasks not yet done: len(self._tasks)
  std::vector<Value> errors_;
  Value baseError_;
  Future* onCompleted_ = nullptr;
  bool entered_ = false;
  bool exiting_ = false;
  bool aborting_ = false;
  bool parentCancelRequested_ = false;
};

}  // namespace loop
