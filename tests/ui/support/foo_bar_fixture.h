// foo_bar_fixture.h: hand-recorded traces for the UI tests.
//
// makeFooBarTrace() mirrors the foo/bar story of shared/spec/ui.md event by
// event (Task-1 main, Task-2 foo, Task-3 bar, timers at 1.0 and 2.0, clock
// 0 -> 1 -> 2) as the simulator records scenarios/foo_bar.py, so the views
// can be tested before, and independently of, core/py.
#pragma once

#include <cstddef>
#include <memory>

#include "core/trace/trace.h"

namespace fixture {

// Ids the foo/bar trace uses (one id space, as in event.h).
inline constexpr trace::Id kMain = 1, kFoo = 3, kBar = 5, kGather = 7, kFooTimer = 9,
                           kBarTimer = 11;

std::shared_ptr<const trace::Trace> makeFooBarTrace();

// The first index of an event of `kind` (optionally with field a == id) at or
// after `from`; size() when there is none.
std::size_t findEvent(const trace::Trace& t, trace::EventKind kind, trace::Id a = 0,
                      std::size_t from = 0);

// `tasks` tasks that each sleep(i * 0.01) once, all started from main: a
// crowded scene for level-of-detail tests.
std::shared_ptr<const trace::Trace> makeCrowdTrace(int tasks);

// Field-by-field equality of two states (State has no operator==).
bool sameState(const trace::State& x, const trace::State& y);

}  // namespace fixture
