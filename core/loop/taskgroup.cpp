// taskgroup.cpp: asyncio.TaskGroup (taskgroups.py, 3.11).
#include "core/loop/taskgroup.h"


#include "core/loop/event_loop.h"

namespace loop {

StepResult TaskGroup::enter() {
  Host& host = loop_->host();
  if (entered_) return StepResult::raised(host.makeException(ExcKind::RuntimeError, "TaskGroup has been already entered"));
  entered_ = true;
  parent_ = loop_->currentTask();
  if (parent_ == nullptr) {
    return StepResult::raised(host.makeException(ExcKind::RuntimeError, "TaskGroup cannot determine the parent task"));
  }
  return StepResult::returned(Value::object(this));
}

StepResult TaskGroup::createTask(Coroutine* coro, std::string name) {
  Host& host = loop_->host();
  if (!entered_) return StepResult::raised(host.makeException(ExcKind::RuntimeError, "TaskGroup has not been entered"));
  if (exiting_ && live_ == 0) return StepResult::raised(host.makeException(ExcKind::RuntimeError, "TaskGroup is finished"));
  if (aborting_) return StepResult::raised(host.makeException(ExcKind::RuntimeError, "TaskGroup is shutting down"));
  Task* t = loop_->createTask(coro, std::move(name));
  t->addDoneCallback(&TaskGroup::onTaskDone, this, loop_->tracing() ? "TaskGroup._on_task_done" : "");
  tasks_.push_back(t);
  ++live_;
  return StepResult::returned(Value::object(t));
}

void TaskGroup::abort() {
  aborting_ = true;
  for (Task* t : tasks_) {
    if (!t->done()) t->cancel();
  }
}

void TaskGroup::onTaskDone(EventLoop& loop, Object* target, Value arg) {
  auto* self = static_cast<TaskGroup*>(target);
  auto* task = static_cast<Task*>(arg.asObject());
  // self._tasks.discard(task); drop finished tasks in bulk to keep this O(1).
  --self->live_;
  if (self->live_ * 2 < self->tasks_.size() && self->tasks_.size() > 64) {
    std::erase_if(self->tasks_, [](Task* t) { return t->done(); });
  }
  if (self->onCompleted_ != nullptr && self->live_ == 0 && !self->onCompleted_->done()) {
    self->onCompleted_->setResult(Value::boolean(true));
  }
  if (task->cancelled()) return;
  Value exc = task->exception().value;
  if (exc.isNone()) return;
  self->errors_.push_back(exc);
  Host& host = loop.host();
  if (host.isBaseExceptionOnly(exc) && self->baseError_.isNone()) self->baseError_ = exc;
  if (self->parent_->done()) {
    loop.callExceptionHandler(ErrorContext{trace::DiagnosticKind::CallbackError,
                                           "Task " + task->name() + " has errored out but its parent task " +
                                               self->parent_->name() + " is already completed",
                                           exc, task, 0});
    return;
  }
  if (!self->aborting_ && !self->parentCancelRequested_) {
    // Cancel the parent to interrupt the body of `async with`; __aexit__
    // uncancels it.
    self->abort();
    self->parentCancelRequested_ = true;
    self->parent_->cancel();
  }
}

// __aexit__ as a native coroutine: its one await is on _on_completed_fut.
class TaskGroupExit : public Coroutine {
 public:
  TaskGroupExit(TaskGroup& g, Value exc) : g_(g), exc_(exc) {}

  StepResult send(Value) override { return resume(false, Value::none()); }
  StepResult throwIn(Value exc) override { return resume(true, exc); }
  std::string_view name() const override { return "TaskGroup.__aexit__"; }
  bool finished() const override { return state_ == 2; }
  void trace(Tracer& t) override {
    t.visit(&g_);
    t.visit(exc_);
    t.visit(propagate_);
  }

 private:
  StepResult resume(bool thrown, Value exc) {
    Host& host = g_.loop_->host();
    if (state_ == 0) {
      if (thrown) {
        state_ = 2;
        return StepResult::raised(exc);
      }
      g_.exiting_ = true;
      bool isCancel = !exc_.isNone() && host.isCancelledError(exc_);
      if (!exc_.isNone() && host.isBaseExceptionOnly(exc_) && g_.baseError_.isNone()) g_.baseError_ = exc_;
      if (isCancel) propagate_ = exc_;
      if (g_.parentCancelRequested_) {
        if (g_.parent_->uncancel() == 0) propagate_ = Value::none();
      }
      if (!exc_.isNone() && !g_.aborting_) g_.abort();
      return loopStep();
    }
    if (state_ == 1) {
      if (thrown) {
        if (!host.isCancelledError(exc)) {
          state_ = 2;
          return StepResult::raised(exc);
        }
        if (!g_.aborting_) {
          propagate_ = exc;
          g_.abort();
        }
      }
      g_.onCompleted_ = nullptr;
      return loopStep();
    }
    return StepResult::raised(host.makeException(ExcKind::RuntimeError, "cannot reuse already awaited coroutine"));
  }

  // while self._tasks: await self._on_completed_fut; then the raising tail.
  StepResult loopStep() {
    if (g_.live_ > 0) {
      if (g_.onCompleted_ == nullptr) g_.onCompleted_ = g_.loop_->createFuture("TaskGroup: remaining tasks");
      state_ = 1;
      if (g_.onCompleted_->done()) return resume(false, Value::none());
      return StepResult::yielded(Value::object(g_.onCompleted_));
    }
    state_ = 2;
    Host& host = g_.loop_->host();
    if (!g_.baseError_.isNone()) return StepResult::raised(g_.baseError_);
    if (!propagate_.isNone() && g_.errors_.empty()) return StepResult::raised(propagate_);
    if (!exc_.isNone() && !host.isCancelledError(exc_)) g_.errors_.push_back(exc_);
    if (!g_.errors_.empty()) {
      Value eg = host.makeExceptionGroup("unhandled errors in a TaskGroup", g_.errors_);
      g_.errors_.clear();
      return StepResult::raised(eg);
    }
    return StepResult::returned();
  }

  TaskGroup& g_;
  Value exc_;
  Value propagate_;
  int state_ = 0;
};

Coroutine* TaskGroup::exit(Value exc) { return loop_->heap().make<TaskGroupExit>(*this, exc); }

void TaskGroup::trace(Tracer& t) {
  t.visit(parent_);
  for (Task* task : tasks_) t.visit(task);
  for (Value e : errors_) t.visit(e);
  t.visit(baseError_);
  t.visit(onCompleted_);
}

}  // namespace loop
