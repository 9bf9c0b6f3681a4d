// never_awaited.cpp: the "was never awaited" warnings (see never_awaited.h).
//
// Texts follow CPython 3.11's warnings module: at a statement,
//   FILE:LINE: RuntimeWarning: coroutine 'QUALNAME' was never awaited
//     <the source line, stripped>
//   RuntimeWarning: Enable tracemalloc to get the object allocation traceback
// and at interpreter shutdown, where no frame is running,
//   sys:1: RuntimeWarning: coroutine 'QUALNAME' was never awaited
// each shown once per location and text, as the default warning filter does.
#include "core/py/never_awaited.h"

#include <algorithm>

#include "core/loop/task.h"
#include "core/py/runtime.h"
#include "core/py/vm.h"

namespace py {

namespace {

// A reachability check costs a full mark. A program that rebinds a variable
// holding an unstarted coroutine it also keeps elsewhere (a list it gathers
// later) fails the check every time: after this many failures in a row the
// checks thin out with doubling gaps, so n such stores cost O(log n) marks.
// A coroutine dropped during a gap is reported at exit instead.
constexpr std::uint64_t kEagerChecks = 64;
constexpr std::uint64_t kMaxGapShift = 20;

bool neverStarted(const GeneratorObj* c) {
  return c->state == GeneratorObj::State::Created && !c->awaited && !c->reported;
}

std::string stripped(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t\f\r\n\v");
  if (a == std::string::npos) return "";
  std::size_t b = s.find_last_not_of(" \t\f\r\n\v");
  return s.substr(a, b - a + 1);
}

}  // namespace

NeverAwaited::~NeverAwaited() {
  for (auto& [coro, serial] : live_) coro->watcher = nullptr;
}

void NeverAwaited::created(GeneratorObj* coro) {
  coro->watcher = this;
  live_.emplace(coro, next_++);
}

void NeverAwaited::destroyed(GeneratorObj* coro) {
  auto it = live_.find(coro);
  if (it == live_.end()) return;
  if (neverStarted(coro)) lost_.emplace_back(it->second, coro->qualname);
  live_.erase(it);
}

void NeverAwaited::dropped(Value v, const Frame& f) {
  if (!v.isObject()) return;
  PyObj* o = asPy(v);
  if (o->kind == Kind::Coroutine) {
    auto* c = static_cast<GeneratorObj*>(o);
    if (!neverStarted(c)) return;
    c->reported = true;
    warn(f.line(), c->qualname);
  } else if (o->kind == Kind::LoopObject && static_cast<LoopObj*>(o)->what == LoopObj::What::NativeCoroutine) {
    // asyncio.sleep(1), queue.get(), ... made by a call and dropped at once.
    warn(f.line(), std::string(static_cast<loop::Coroutine*>(static_cast<LoopObj*>(o)->obj)->name()));
  }
}

void NeverAwaited::overwritten(Value old, const Frame& f) {
  noteDying(old);
  if (!dying_.empty()) reportUnreachable(f.line());
}

void NeverAwaited::noteDying(Value v) {
  if (!isKind(v, Kind::Coroutine)) return;
  auto* c = static_cast<GeneratorObj*>(asPy(v));
  if (neverStarted(c) && std::find(dying_.begin(), dying_.end(), c) == dying_.end()) dying_.push_back(c);
}

void NeverAwaited::checkDying(const Frame& caller) {
  if (!dying_.empty()) reportUnreachable(caller.line());
}

void NeverAwaited::reportUnreachable(int line) {
  std::vector<GeneratorObj*> candidates;
  candidates.swap(dying_);
  if (checkWait_ > 0) {
    --checkWait_;
    return;
  }
  std::vector<loop::Object*> objects(candidates.begin(), candidates.end());
  std::vector<loop::Object*> gone = vm_.heap.unreachable(objects);
  if (gone.empty()) {
    if (++checksFailed_ > kEagerChecks)
      checkWait_ = std::uint64_t{1} << std::min(checksFailed_ - kEagerChecks, kMaxGapShift);
    return;
  }
  checksFailed_ = 0;
  // In the order the locals held them, as CPython clears a frame's locals.
  for (GeneratorObj* c : candidates) {
    if (std::find(gone.begin(), gone.end(), static_cast<loop::Object*>(c)) == gone.end()) continue;
    c->reported = true;
    warn(line, c->qualname);
  }
}

void NeverAwaited::atExit() {
  std::vector<std::pair<std::uint64_t, std::string>> left = lost_;
  for (auto& [coro, serial] : live_)
    if (neverStarted(coro)) {
      left.emplace_back(serial, coro->qualname);
      coro->reported = true;
    }
  lost_.clear();
  std::sort(left.begin(), left.end());
  for (auto& [serial, name] : left) warn(0, name);
}

void NeverAwaited::warn(int line, std::string_view qualname) {
  std::string message = "coroutine '" + std::string(qualname) + "' was never awaited";
  // line 0: at shutdown, where CPython reports from "sys", line 1 (its own registry).
  if (!shown_.emplace(line == 0 ? -1 : line, message).second) return;
  std::string text;
  if (line == 0) {
    text = "sys:1: RuntimeWarning: " + message + "\n";
  } else {
    text = vm_.fileName + ":" + std::to_string(line) + ": RuntimeWarning: " + message + "\n";
    if (line <= static_cast<int>(vm_.sourceLines.size())) {
      std::string src = stripped(vm_.sourceLines[static_cast<std::size_t>(line - 1)]);
      if (!src.empty()) text += "  " + src + "\n";
    }
    text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
  }
  if (Runtime* rt = vm_.runtime; rt && rt->recorder.enabled()) {
    loop::EventLoop* l = rt->runningLoop;
    trace::Id task = l && l->currentTask() ? l->currentTask()->id() : 0;
    rt->recorder.record(trace::EventKind::Diagnostic, task, static_cast<std::uint32_t>(line),
                        rt->recorder.intern(message), 0.0,
                        static_cast<std::uint8_t>(trace::DiagnosticKind::NeverAwaited));
  }
  if (vm_.onStderr) vm_.onStderr(text);
}

}  // namespace py
