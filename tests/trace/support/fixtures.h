// fixtures.h: traces the trace tests share, and a State comparison.
//
// The foo/bar trace is hand-built, event by event, after the story in
// shared/spec/ui.md: it tests replay mechanics, not asyncio's order, which
// the conformance suite checks against CPython. The synthetic trace comes
// from a tiny deterministic loop model so that long traces (many keyframes,
// thousands of tasks) are cheap to make.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/trace/trace.h"

namespace fixtures {

// Source of the foo/bar program the hand-built trace follows.
extern const char* const kFooBarSource;

// Ids used by the foo/bar trace.
struct FooBarIds {
  trace::Id main = 0, foo = 0, bar = 0, gather = 0, fooSleep = 0, barSleep = 0, fooTimer = 0, barTimer = 0;
};

std::shared_ptr<const trace::Trace> fooBarTrace(FooBarIds* ids = nullptr);

struct SyntheticOptions {
  std::size_t events = 20000;     // stop once at least this many are recorded
  std::size_t maxTasks = 40;      // tasks alive at once (never done: a worst case for state size)
  std::uint32_t seed = 1;
  bool everyKind = true;          // also queues, primitives, cancellations, blocking
};

void recordSynthetic(trace::Recorder& rec, const SyntheticOptions& options);
std::shared_ptr<const trace::Trace> syntheticTrace(const SyntheticOptions& options);

// Field-by-field equality; on a difference, *why names the first one.
bool sameState(const trace::State& x, const trace::State& y, std::string* why);

}  // namespace fixtures
