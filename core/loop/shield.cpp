// shield.cpp: asyncio.shield (tasks.py, 3.11).
#include "core/loop/shield.h"

#include <string>

#include "core/loop/event_loop.h"

namespace loop {

namespace {

// _inner_done_callback: target = outer, arg = inner.
void innerDone(EventLoop&, Object* target, Value arg) {
  auto* outer = static_cast<Future*>(target);
  auto* inner = static_cast<Future*>(arg.asObject());
  if (outer->cancelled()) {
    if (!inner->cancelled()) inner->exception();  // mark it retrieved
    return;
  }
  if (inner->cancelled()) {
    outer->cancel();
    return;
  }
  Value exc = inner->exception().value;
  if (!exc.isNone()) {
    outer->setException(exc);
  } else {
    outer->setResult(inner->result().value);
  }
}

// _outer_done_callback: target = inner, arg = outer.
void outerDone(EventLoop&, Object* target, Value arg) {
  auto* inner = static_cast<Future*>(target);
  if (!inner->done()) inner->removeDoneCallback(&innerDone, arg.asObject());
}

}  // namespace

Future* shield(EventLoop& loop, Value arg) {
  Future* inner = loop.ensureFuture(arg);
  if (inner == nullptr || inner->done()) return inner;
  std::string label;
  if (loop.tracing()) {
    label = "shield(";
    label += inner->isTask() ? static_cast<Task*>(inner)->name() : std::string(loop.recorder().trace().str(inner->label()));
    label += ")";
  }
  Future* outer = loop.createFuture(label);
  inner->addDoneCallback(&innerDone, outer, loop.tracing() ? "shield._inner_done_callback" : "");
  outer->addDoneCallback(&outerDone, inner, loop.tracing() ? "shield._outer_done_callback" : "");
  return outer;
}

}  // namespace loop
