// test_host.cpp: the core tests' stand-in language.
#include "test_host.h"

#include "core/loop/format.h"
#include "core/loop/task.h"

namespace testing {

using loop::StepResult;
using loop::Value;

TestExc* asExc(Value v) { return v.isObject() ? dynamic_cast<TestExc*>(v.asObject()) : nullptr; }
TestSeq* asSeq(Value v) { return v.isObject() ? dynamic_cast<TestSeq*>(v.asObject()) : nullptr; }

Value TestHost::exc(std::string type, std::string message) {
  return Value::object(heap_.make<TestExc>(std::move(type), std::move(message)));
}
Value TestHost::str(std::string s) { return Value::object(heap_.make<TestStr>(std::move(s))); }
Value TestHost::callable(std::string name, std::function<StepResult(std::span<const Value>)> fn) {
  return Value::object(heap_.make<TestCallable>(std::move(name), std::move(fn)));
}

Value TestHost::makeException(loop::ExcKind kind, std::string_view message) {
  static const char* names[] = {"CancelledError", "InvalidStateError", "TimeoutError", "QueueEmpty",
                                "QueueFull",      "RuntimeError",      "ValueError",   "TypeError",
                                "MemoryError"};
  return exc(names[static_cast<int>(kind)], std::string(message));
}

Value TestHost::makeCancelledError(Value msg) {
  return exc("CancelledError", msg.isNone() ? std::string() : str(msg));
}

Value TestHost::makeExceptionGroup(std::string_view message, std::span<const Value> excs) {
  Value v = exc("ExceptionGroup", std::string(message));
  asExc(v)->group.assign(excs.begin(), excs.end());
  return v;
}

void TestHost::setContext(Value e, Value context) {
  if (TestExc* x = asExc(e)) x->context = context;
}

bool TestHost::isCancelledError(Value e) {
  TestExc* x = asExc(e);
  return x != nullptr && x->type == "CancelledError";
}

bool TestHost::isException(Value e) {
  TestExc* x = asExc(e);
  return x != nullptr && x->type != "CancelledError" && x->type != "SystemExit" && x->type != "KeyboardInterrupt";
}

std::string TestHost::str(Value v) {
  if (v.isObject()) {
    if (auto* s = dynamic_cast<TestStr*>(v.asObject())) return s->s;
    if (TestExc* x = asExc(v)) return x->message;
  }
  return repr(v);
}

std::string TestHost::repr(Value v) {
  if (v.isNone()) return "None";
  if (v.isBool()) return v.asBool() ? "True" : "False";
  if (v.isSmallInt()) return std::to_string(v.asSmallInt());
  if (v.isNumber()) return loop::floatRepr(v.asNumber());
  loop::Object* o = v.asObject();
  if (auto* s = dynamic_cast<TestStr*>(o)) return "'" + s->s + "'";
  if (TestExc* x = asExc(v)) return x->type + "('" + x->message + "')";
  if (TestSeq* q = asSeq(v)) {
    std::string out = q->kind == "list" ? "[" : q->kind == "set" ? "{" : "(";
    for (std::size_t i = 0; i < q->items.size(); ++i) {
      if (i > 0) out += ", ";
      out += repr(q->items[i]);
    }
    if (q->kind == "tuple" && q->items.size() == 1) out += ",";
    out += q->kind == "list" ? "]" : q->kind == "set" ? "}" : ")";
    return out;
  }
  if (auto* c = dynamic_cast<TestCallable*>(o)) return c->name;
  if (auto* t = dynamic_cast<loop::Task*>(o)) return "<Task " + t->name() + ">";
  if (dynamic_cast<loop::Future*>(o) != nullptr) return "<Future>";
  return "<object>";
}

std::string TestHost::exceptionLabel(Value e) {
  TestExc* x = asExc(e);
  if (x == nullptr) return repr(e);
  return x->message.empty() ? x->type : x->type + ": " + x->message;
}

std::string TestHost::callableName(Value c) { return repr(c); }

StepResult TestHost::call(Value callable, std::span<const Value> args) {
  auto* c = dynamic_cast<TestCallable*>(callable.asObject());
  return c->fn(args);
}

StepResult TestHost::lessThan(Value a, Value b) {
  auto num = [](Value v) { return v.isSmallInt() ? static_cast<double>(v.asSmallInt()) : v.asNumber(); };
  if ((a.isSmallInt() || a.isNumber()) && (b.isSmallInt() || b.isNumber())) {
    return StepResult::returned(Value::boolean(num(a) < num(b)));
  }
  TestSeq* x = asSeq(a);
  TestSeq* y = asSeq(b);
  if (x != nullptr && y != nullptr) {
    // Tuples compare lexicographically.
    for (std::size_t i = 0; i < x->items.size() && i < y->items.size(); ++i) {
      StepResult lt = lessThan(x->items[i], y->items[i]);
      if (!lt.ok() || lt.value.asBool()) return lt;
      StepResult gt = lessThan(y->items[i], x->items[i]);
      if (!gt.ok()) return gt;
      if (gt.value.asBool()) return StepResult::returned(Value::boolean(false));
    }
    return StepResult::returned(Value::boolean(x->items.size() < y->items.size()));
  }
  if (a.isObject() && b.isObject()) {
    auto* s = dynamic_cast<TestStr*>(a.asObject());
    auto* t = dynamic_cast<TestStr*>(b.asObject());
    if (s != nullptr && t != nullptr) return StepResult::returned(Value::boolean(s->s < t->s));
  }
  return StepResult::raised(exc("TypeError", "'<' not supported"));
}

Value TestHost::makeList(std::span<const Value> items) {
  return Value::object(heap_.make<TestSeq>("list", std::vector<Value>(items.begin(), items.end())));
}
Value TestHost::makeSet(std::span<const Value> items) {
  return Value::object(heap_.make<TestSeq>("set", std::vector<Value>(items.begin(), items.end())));
}
Value TestHost::makeTuple(std::span<const Value> items) {
  return Value::object(heap_.make<TestSeq>("tuple", std::vector<Value>(items.begin(), items.end())));
}

void TestHost::handleError(const loop::ErrorContext& ctx) {
  std::string line = ctx.message;
  if (!ctx.exception.isNone()) line += " | " + exceptionLabel(ctx.exception);
  errors.push_back(line);
}

}  // namespace testing
