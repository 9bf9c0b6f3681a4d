// unretrieved.cpp: "Task exception was never retrieved", reported when
// CPython reports it.
//
// CPython logs a failed Future or Task whose exception nobody looked at from
// its destructor (futures.py __del__, the C Task's finalizer), that is when
// the program drops its last reference: for the classic pitfall (a task
// created with no reference kept) right after the step that failed; for a
// task kept in a local, when that frame ends; for one kept in a global, at
// interpreter exit. This heap is traced, not reference counted, so after a
// callback that leaves failures behind the loop asks the heap which of them
// the program can no longer reach, and reports those at once, with CPython's
// text (the message, `future: <repr>`, then the traceback).
#include <algorithm>

#include "core/loop/event_loop.h"

namespace loop {

namespace {
// Reachability checks cost a full mark. A failure the program still holds
// is checked after every callback this many times (a typical program drops
// it soon, and the report should come at that very callback), then with
// doubling gaps, so that one kept for long costs O(log n) marks.
constexpr std::uint64_t kEagerChecks = 64;
constexpr std::uint64_t kMaxGapShift = 20;
}  // namespace

void EventLoop::reportUnretrievedOne(Future* f) {
  f->logTraceback_ = false;
  const bool task = f->isTask();
  std::string message = task ? "Task exception was never retrieved" : "Future exception was never retrieved";
  // The default exception handler's extra line: the context's `future`.
  message += "\nfuture: " + host_.repr(Value::object(f));
  callExceptionHandler(ErrorContext{trace::DiagnosticKind::UnretrievedException, std::move(message), f->exception_,
                                    task ? static_cast<Task*>(f) : nullptr, 0});
}

void EventLoop::reportUnretrieved() {
  std::vector<Future*> futures;
  futures.swap(unretrieved_);
  for (Future* f : futures) {
    if (f->logTraceback_) reportUnretrievedOne(f);
  }
}

void EventLoop::reportDropped() {
  // The task run_until_complete waits for failed: in CPython its exception's
  // traceback keeps that coroutine's frame, and so its locals, alive until
  // the program has printed it, so what they refer to is reported after the
  // traceback: at the end of the run.
  if (runFuture_ != nullptr && runFuture_->isTask() && runFuture_->hasException()) holdDropped_ = true;
  if (holdDropped_) return;
  // Failures whose exception was looked at since are no longer candidates.
  std::erase_if(unretrieved_, [](Future* f) { return !f->logTraceback_; });
  if (unretrieved_.empty()) {
    droppedChecksFailed_ = 0;
    droppedCheckWait_ = 0;
    return;
  }
  if (droppedCheckWait_ > 0) {
    --droppedCheckWait_;
    return;
  }
  std::vector<Object*> candidates(unretrieved_.begin(), unretrieved_.end());
  std::vector<Object*> dropped = heap_.unreachable(candidates);
  if (dropped.empty()) {
    if (++droppedChecksFailed_ > kEagerChecks)
      droppedCheckWait_ = std::uint64_t{1} << std::min(droppedChecksFailed_ - kEagerChecks, kMaxGapShift);
    return;
  }
  droppedChecksFailed_ = 0;
  // Report in the order they failed; keep the ones still referenced.
  std::erase_if(unretrieved_, [&](Future* f) {
    return std::find(dropped.begin(), dropped.end(), static_cast<Object*>(f)) != dropped.end();
  });
  for (Object* o : candidates) {
    if (std::find(dropped.begin(), dropped.end(), o) != dropped.end()) reportUnretrievedOne(static_cast<Future*>(o));
  }
}

}  // namespace loop
