// as_completed.cpp: asyncio.as_completed (tasks.py, 3.11) over a done Queue.
#include "core/loop/as_completed.h"

#include <algorithm>
#include <unordered_set>

#include "core/loop/event_loop.h"
#include "core/loop/queues.h"

namespace loop {

namespace {

// _wait_for_one(): f = await done.get(); None means the timeout fired.
class WaitForOne : public Coroutine {
 public:
  WaitForOne(EventLoop& loop, Queue* done) : loop_(loop), done_(done) {}
  StepResult send(Value v) override {
    if (get_ == nullptr) {
      if (finished_) return StepResult::raised(loop_.host().makeException(ExcKind::RuntimeError, "cannot reuse already awaited coroutine"));
      get_ = done_->get();
    }
    return after(get_->send(v));
  }
  StepResult throwIn(Value exc) override {
    if (get_ == nullptr) {
      finished_ = true;
      return StepResult::raised(exc);
    }
    return after(get_->throwIn(exc));
  }
  std::string_view name() const override { return "_wait_for_one"; }
  bool finished() const override { return finished_; }
  void trace(Tracer& t) override {
    t.visit(done_);
    t.visit(get_);
  }

 private:
  StepResult after(StepResult r) {
    if (r.kind == StepResult::Yielded) return r;
    get_ = nullptr;
    finished_ = true;
    if (r.kind == StepResult::Raised) return r;
    if (r.value.isNone()) return StepResult::raised(loop_.host().makeException(ExcKind::TimeoutError, ""));
    return static_cast<Future*>(r.value.asObject())->result();
  }
  EventLoop& loop_;
  Queue* done_;
  Coroutine* get_ = nullptr;
  bool finished_ = false;
};

}  // namespace

void AsCompleted::onCompletion(EventLoop& loop, Object* target, Value arg) {
  auto* self = static_cast<AsCompleted*>(target);
  if (self->todo_.empty()) return;  // _on_timeout() was here first
  std::erase(self->todo_, static_cast<Future*>(arg.asObject()));
  self->done_->putNowait(arg);
  if (self->todo_.empty() && self->timeoutHandle_ != nullptr) loop.cancelHandle(self->timeoutHandle_);
}

void AsCompleted::onTimeout(EventLoop&, Object* target, Value) {
  auto* self = static_cast<AsCompleted*>(target);
  for (Future* f : self->todo_) {
    f->removeDoneCallback(&AsCompleted::onCompletion, self);
    self->done_->putNowait(Value::none());
  }
  self->todo_.clear();
}

Coroutine* AsCompleted::next() { return loop_->heap().make<WaitForOne>(*loop_, done_); }

void AsCompleted::trace(Tracer& t) {
  t.visit(done_);
  for (Future* f : todo_) t.visit(f);
  t.visit(timeoutHandle_);
}

AsCompleted* asCompleted(EventLoop& loop, std::span<const Value> fs, std::optional<double> timeout) {
  auto* self = loop.heap().make<AsCompleted>(loop);
  self->done_ = loop.heap().make<Queue>(loop, 0);
  // {ensure_future(f) for f in set(fs)}: creation order instead of set order.
  std::unordered_set<Future*> seen;
  for (Value v : fs) {
    Future* f = loop.ensureFuture(v);
    if (f != nullptr && seen.insert(f).second) self->todo_.push_back(f);
  }
  for (Future* f : self->todo_) {
    f->addDoneCallback(&AsCompleted::onCompletion, self, loop.tracing() ? "as_completed._on_completion" : "");
  }
  if (!self->todo_.empty() && timeout) {
    self->timeoutHandle_ = loop.callLater(*timeout, &AsCompleted::onTimeout, self, Value::none(),
                                          loop.tracing() ? "as_completed._on_timeout" : "");
  }
  self->count_ = self->todo_.size();
  return self;
}

}  // namespace loop
