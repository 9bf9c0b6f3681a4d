// co.h: C++20 coroutines as loop::Coroutines, so core tests can write tasks
// the way the Python programs they mirror do.
//
//   Co worker(Env& env) {
//     StepResult r = co_await env.loop.createFuture();   // await a Future
//     StepResult s = co_await loop::sleep(env.loop, 1);  // delegate (yield from)
//     co_await Yield{};                                  // bare yield
//     co_return StepResult::returned(Value::smallInt(1));
//   }
//
// An await returns a StepResult: Raised when an exception was thrown in at
// that point (or the awaited thing failed); the test decides whether to
// "catch" it or co_return it. Python exceptions are never C++ exceptions.
#pragma once

#include <coroutine>
#include <exception>
#include <string>
#include <vector>

#include "core/loop/coroutine.h"
#include "core/loop/future.h"

namespace testing {

struct Yield {};

class Co {
 public:
  struct promise_type {
    loop::Value yielded;
    loop::StepResult result;
    loop::Coroutine* delegate = nullptr;
    loop::StepResult delegateResult;
    loop::Value thrown;
    bool hasThrow = false;
    int line = 0;

    Co get_return_object() { return Co(std::coroutine_handle<promise_type>::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(loop::StepResult r) { result = r; }
    void unhandled_exception() { std::terminate(); }

    struct FutureAwaiter {
      promise_type* p;
      loop::Future* f;
      bool await_ready() const { return f->done(); }
      void await_suspend(std::coroutine_handle<>) { p->yielded = loop::Value::object(f); }
      loop::StepResult await_resume() {
        if (p->hasThrow) {
          p->hasThrow = false;
          return loop::StepResult::raised(p->thrown);
        }
        return f->result();
      }
    };
    struct DelegateAwaiter {
      promise_type* p;
      loop::Coroutine* c;
      bool await_ready() const { return false; }
      bool await_suspend(std::coroutine_handle<>) {
        loop::StepResult r = c->send(loop::Value::none());
        if (r.kind != loop::StepResult::Yielded) {
          p->delegateResult = r;
          return false;
        }
        p->delegate = c;
        p->yielded = r.value;
        return true;
      }
      loop::StepResult await_resume() { return p->delegateResult; }
    };
    struct YieldAwaiter {
      promise_type* p;
      bool await_ready() const { return false; }
      void await_suspend(std::coroutine_handle<>) { p->yielded = loop::Value::none(); }
      loop::StepResult await_resume() {
        if (p->hasThrow) {
          p->hasThrow = false;
          return loop::StepResult::raised(p->thrown);
        }
        return loop::StepResult::returned();
      }
    };
    FutureAwaiter await_transform(loop::Future* f) { return {this, f}; }
    DelegateAwaiter await_transform(loop::Coroutine* c) { return {this, c}; }
    YieldAwaiter await_transform(Yield) { return {this}; }
  };

  Co(Co&& o) noexcept : h_(o.h_) { o.h_ = {}; }
  ~Co() {
    if (h_) h_.destroy();
  }
  std::coroutine_handle<promise_type> release() {
    auto h = h_;
    h_ = {};
    return h;
  }

 private:
  explicit Co(std::coroutine_handle<promise_type> h) : h_(h) {}
  std::coroutine_handle<promise_type> h_;
};

// The loop::Coroutine that drives a Co.
class CppCoroutine : public loop::Coroutine {
 public:
  CppCoroutine(Co co, std::string name) : h_(co.release()), name_(std::move(name)) {}
  ~CppCoroutine() override {
    if (h_) h_.destroy();
  }
  loop::StepResult send(loop::Value v) override;
  loop::StepResult throwIn(loop::Value exc) override;
  std::string_view name() const override { return name_; }
  int line() const override { return h_ ? h_.promise().line : 0; }
  bool finished() const override { return finished_; }
  void trace(loop::Tracer& t) override;
  // Values the coroutine's frame holds across suspensions, for the collector.
  std::vector<loop::Value> roots;

 private:
  loop::StepResult resume();
  loop::StepResult afterDelegate(loop::StepResult r);
  std::coroutine_handle<Co::promise_type> h_;
  std::string name_;
  bool started_ = false;
  bool finished_ = false;
};

}  // namespace testing
