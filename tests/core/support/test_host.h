// test_host.h: a tiny Host for the core tests: exceptions, strings, lists and
// callables as small heap objects, errors collected into a list.
//
// core/loop must be testable without the Python VM, so this stands in for
// core/py: just enough of a language to build the values the loop hands back.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/loop/host.h"
#include "core/loop/object.h"

namespace testing {

// An exception: its class name, message and __context__.
class TestExc : public loop::Object {
 public:
  TestExc(std::string type, std::string message) : type(std::move(type)), message(std::move(message)) {}
  void trace(loop::Tracer& t) override { t.visit(context); }
  std::string type;
  std::string message;
  loop::Value context;
  std::vector<loop::Value> group;  // ExceptionGroup members
};

class TestStr : public loop::Object {
 public:
  explicit TestStr(std::string s) : s(std::move(s)) {}
  void trace(loop::Tracer&) override {}
  std::string s;
};

// list, set (insertion order) or tuple.
class TestSeq : public loop::Object {
 public:
  TestSeq(std::string kind, std::vector<loop::Value> items) : kind(std::move(kind)), items(std::move(items)) {}
  void trace(loop::Tracer& t) override {
    for (loop::Value v : items) t.visit(v);
  }
  std::string kind;
  std::vector<loop::Value> items;
};

class TestCallable : public loop::Object {
 public:
  TestCallable(std::string name, std::function<loop::StepResult(std::span<const loop::Value>)> fn)
      : name(std::move(name)), fn(std::move(fn)) {}
  void trace(loop::Tracer&) override {}
  std::string name;
  std::function<loop::StepResult(std::span<const loop::Value>)> fn;
};

class TestHost : public loop::Host {
 public:
  explicit TestHost(loop::Heap& heap) : heap_(heap) {}

  loop::Value makeException(loop::ExcKind kind, std::string_view message) override;
  loop::Value makeCancelledError(loop::Value msg) override;
  loop::Value makeExceptionGroup(std::string_view message, std::span<const loop::Value> excs) override;
  void setContext(loop::Value exc, loop::Value context) override;
  bool isCancelledError(loop::Value exc) override;
  bool isException(loop::Value exc) override;
  std::string repr(loop::Value v) override;
  std::string exceptionLabel(loop::Value exc) override;
  std::string callableName(loop::Value callable) override;
  loop::StepResult call(loop::Value callable, std::span<const loop::Value> args) override;
  loop::StepResult lessThan(loop::Value a, loop::Value b) override;
  loop::Value makeList(std::span<const loop::Value> items) override;
  loop::Value makeSet(std::span<const loop::Value> items) override;
  loop::Value makeTuple(std::span<const loop::Value> items) override;
  void handleError(const loop::ErrorContext& ctx) override;

  // Helpers for tests.
  loop::Value exc(std::string type, std::string message = {});
  loop::Value str(std::string s);
  loop::Value callable(std::string name, std::function<loop::StepResult(std::span<const loop::Value>)> fn);
  // str(v) as Python prints it (print(v)).
  std::string str(loop::Value v);

  std::vector<std::string> errors;  // "message | exception label" per handleError

 private:
  loop::Heap& heap_;
};

TestExc* asExc(loop::Value v);
TestSeq* asSeq(loop::Value v);

}  // namespace testing
