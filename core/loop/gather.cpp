// gather.cpp: asyncio.gather and _GatheringFuture (tasks.py, 3.11).
#include "core/loop/gather.h"

#include <string>
#include <unordered_map>

#include "core/loop/event_loop.h"

namespace loop {

namespace {
std::string childLabel(Future* f, EventLoop& loop) {
  if (f->isTask()) return std::string(static_cast<Task*>(f)->coro()->name());
  return std::string(loop.recorder().trace().str(f->label()));
}
}  // namespace

bool GatheringFuture::cancel(Value msg) {
  if (done()) return false;
  bool ret = false;
  for (Future* child : children_) {
    if (child->cancel(msg)) ret = true;
  }
  if (ret) cancelRequested_ = true;
  return ret;
}

void GatheringFuture::doneCallback(EventLoop& loop, Object* target, Value arg) {
  auto* outer = static_cast<GatheringFuture*>(target);
  auto* fut = static_cast<Future*>(arg.asObject());
  ++outer->nfinished_;
  if (outer->done()) {
    if (!fut->cancelled()) fut->exception();  // mark it retrieved
    return;
  }
  if (!outer->returnExceptions_) {
    if (fut->cancelled()) {
      outer->setException(fut->makeCancelledError());
      return;
    }
    Value exc = fut->exception().value;
    if (!exc.isNone()) {
      outer->setException(exc);
      return;
    }
  }
  if (outer->nfinished_ == outer->nfuts_) {
    Host& host = loop.host();
    std::vector<Value> results;
    results.reserve(outer->children_.size());
    for (Future* child : outer->children_) {
      if (child->cancelled()) {
        // CancelledError('' if msg is None else msg): tasks.gather builds it
        // itself, so a message-less one still has args ('',), unlike the
        // CancelledError() the task raised.
        Value msg = child->cancelMessage();
        results.push_back(host.makeCancelledError(msg.isNone() ? host.makeStr("") : msg));
      } else {
        Value exc = child->exception().value;
        results.push_back(exc.isNone() ? child->result().value : exc);
      }
    }
    if (outer->cancelRequested_) {
      outer->setException(fut->makeCancelledError());
    } else {
      outer->setResult(host.makeList(results));
    }
  }
}

void GatheringFuture::trace(Tracer& t) {
  Future::trace(t);
  for (Future* c : children_) t.visit(c);
}

Future* gather(EventLoop& loop, std::span<const Value> args, bool returnExceptions) {
  if (args.empty()) {
    Future* outer = loop.createFuture("gather()");
    outer->setResult(loop.host().makeList({}));
    return outer;
  }
  auto* outer = loop.heap().make<GatheringFuture>(loop, std::vector<Future*>{}, returnExceptions);
  // arg_to_fut: duplicates (by identity) share one child.
  std::unordered_map<std::uint64_t, Future*> argToFut;
  argToFut.reserve(args.size());
  outer->children_.reserve(args.size());
  for (Value arg : args) {
    Future*& fut = argToFut[arg.bits()];
    if (fut == nullptr) {
      fut = loop.ensureFuture(arg);
      ++outer->nfuts_;
      fut->addDoneCallback(&GatheringFuture::doneCallback, outer, loop.tracing() ? "gather._done_callback" : "");
    }
    outer->children_.push_back(fut);
  }
  std::string label;
  if (loop.tracing()) {
    label = "gather(";
    for (std::size_t i = 0; i < outer->children_.size(); ++i) {
      if (i > 0) label += ", ";
      label += childLabel(outer->children_[i], loop);
    }
    label += ")";
  }
  loop.registerFuture(outer, label);
  return outer;
}

}  // namespace loop
