// never_awaited.h: CPython's "coroutine 'NAME' was never awaited" warning.
//
// CPython warns when a coroutine object that never started is destroyed,
// i.e. when its reference count drops to zero. This VM has a tracing GC, so
// it warns at the earliest points it can know instead: when an expression
// statement discards a fresh coroutine (`save("x")` without await: the
// classic mistake, reported with CPython's file:line text), when a store
// overwrites the program's last reference to one (`data = coro()` then
// `data = other`; CPython's refcount drops to zero at that store) or an
// inline-called frame returns with one in a local (reported at the
// caller's line, the frame CPython's warning sees), and at the end of the
// run for every never-started coroutine left (CPython's interpreter
// shutdown, reported as `sys:1:`). Each warning also goes into the trace as
// a Diagnostic event so the UI can show it at that moment.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/loop/value.h"

namespace py {

using loop::Value;
class VM;
class GeneratorObj;
struct Frame;

class NeverAwaited {
 public:
  explicit NeverAwaited(VM& vm) : vm_(vm) {}
  ~NeverAwaited();
  NeverAwaited(const NeverAwaited&) = delete;
  NeverAwaited& operator=(const NeverAwaited&) = delete;

  // A coroutine object was made / is being freed by the GC.
  void created(GeneratorObj* coro);
  void destroyed(GeneratorObj* coro);
  // An expression statement in frame `f` discards `v` (POP_EXPR).
  void dropped(Value v, const Frame& f);
  // A store in frame `f` overwrote `old`, a coroutine (the interpreter tests
  // the kind): if it never started and the program can no longer reach it,
  // warn at the store's line. Costs a full mark, so only this rare case asks.
  void overwritten(Value old, const Frame& f);
  // A frame returning into `caller` held `v` in a local: noteDying() for
  // each such local, then checkDying() once the return value is on the
  // caller's stack (so that `return c` keeps c).
  void noteDying(Value v);
  bool hasDying() const { return !dying_.empty(); }
  void checkDying(const Frame& caller);
  // The program ended: warn about every coroutine that never started.
  void atExit();

 private:
  void warn(int line, std::string_view qualname);
  // Warn, at `line`, about the candidates nothing but bookkeeping reaches.
  void reportUnreachable(int line);

  VM& vm_;
  std::unordered_map<GeneratorObj*, std::uint64_t> live_;  // coroutine -> creation order
  std::vector<std::pair<std::uint64_t, std::string>> lost_;  // freed before starting
  std::set<std::pair<int, std::string>> shown_;  // CPython's warning registry: once per (line, text)
  std::uint64_t next_ = 0;
  std::vector<GeneratorObj*> dying_;  // candidates of the check in progress
  // Back-off for programs that keep many unstarted coroutines in variables
  // they rebind (see never_awaited.cpp): failed checks in a row, and how
  // many candidates to let pass unchecked (left to the report at exit).
  std::uint64_t checksFailed_ = 0;
  std::uint64_t checkWait_ = 0;
};

}  // namespace py
