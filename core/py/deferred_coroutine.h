// deferred_coroutine.h: asyncio's own coroutines (sleep, wait_for) made
// before any loop runs.
//
// In CPython `asyncio.sleep(1)` and `asyncio.wait_for(aw, t)` are `async def`
// functions: calling one only makes a coroutine object, and the running loop
// is looked up when the coroutine first runs. So
// `asyncio.run(asyncio.sleep(1))` at module level works there. core/loop's
// native coroutines are bound to a loop when made; a DeferredCoroutine keeps
// the arguments and makes the loop's coroutine at its first step, on the loop
// then running, and forwards every later step to it.
#pragma once

#include <string>
#include <vector>

#include "core/loop/coroutine.h"
#include "core/py/object.h"

namespace loop {
class EventLoop;
}

namespace py {

class Runtime;

class DeferredCoroutine : public loop::Coroutine {
 public:
  // Makes the loop's coroutine from the saved arguments, or returns nullptr
  // with a Python exception pending.
  using Maker = loop::Coroutine* (*)(Runtime& rt, loop::EventLoop& l, const std::vector<Value>& args);

  DeferredCoroutine(Runtime& rt, Maker make, std::string name, std::vector<Value> args)
      : rt_(rt), make_(make), name_(std::move(name)), args_(std::move(args)) {}

  loop::StepResult send(Value v) override;
  loop::StepResult throwIn(Value exc) override;
  std::string_view name() const override { return name_; }
  int line() const override { return inner_ ? inner_->line() : 0; }
  bool finished() const override { return inner_ ? inner_->finished() : closed_; }
  void trace(loop::Tracer& t) override;
  std::size_t extraBytes() const override { return args_.capacity() * sizeof(Value) + name_.capacity(); }

 private:
  Runtime& rt_;
  Maker make_;
  std::string name_;
  std::vector<Value> args_;
  loop::Coroutine* inner_ = nullptr;
  bool closed_ = false;  // finished before it ever made its inner coroutine
};

}  // namespace py
