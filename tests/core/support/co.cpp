// co.cpp: driving a C++ coroutine as send/throw, with `yield from` delegation.
#include "co.h"

namespace testing {

using loop::StepResult;
using loop::Value;

StepResult CppCoroutine::resume() {
  started_ = true;
  h_.resume();
  if (h_.done()) {
    finished_ = true;
    StepResult r = h_.promise().result;
    h_.destroy();
    h_ = {};
    return r;
  }
  return StepResult::yielded(h_.promise().yielded);
}

StepResult CppCoroutine::afterDelegate(StepResult r) {
  auto& p = h_.promise();
  if (r.kind == StepResult::Yielded) {
    p.yielded = r.value;
    return r;
  }
  p.delegate = nullptr;
  p.delegateResult = r;
  return resume();
}

StepResult CppCoroutine::send(Value) {
  if (finished_) return StepResult::raised(Value::none());
  if (h_.promise().delegate != nullptr) return afterDelegate(h_.promise().delegate->send(Value::none()));
  return resume();
}

StepResult CppCoroutine::throwIn(Value exc) {
  if (finished_) return StepResult::raised(exc);
  if (!started_) {
    // Throwing into a coroutine that never started raises at once.
    finished_ = true;
    h_.destroy();
    h_ = {};
    return StepResult::raised(exc);
  }
  auto& p = h_.promise();
  if (p.delegate != nullptr) return afterDelegate(p.delegate->throwIn(exc));
  p.hasThrow = true;
  p.thrown = exc;
  return resume();
}

void CppCoroutine::trace(loop::Tracer& t) {
  if (h_) {
    t.visit(h_.promise().delegate);
    t.visit(h_.promise().yielded);
    t.visit(h_.promise().delegateResult.value);
  }
  for (Value v : roots) t.visit(v);
}

}  // namespace testing
