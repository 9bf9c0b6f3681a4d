// hidden_frames.h: the recursion depth CPython's asyncio machinery takes up
// beneath the code it runs.
//
// In CPython 3.11 a task's coroutine runs under asyncio's own Python frames
// (asyncio.run, Runner.run, run_until_complete, run_forever, _run_once,
// Handle._run) and levels taken by C code (the Task's step sending into the
// coroutine), all counted against sys.getrecursionlimit(). Loopscope's loop
// is C++ and has none of them, so without this count a runaway recursion
// inside a task would reach 8 frames deeper than in CPython and its traceback
// would say "[Previous line repeated N more times]" with a different N. The
// numbers are measured with /usr/bin/python3, not derived: the test data
// tests/py/data/recursion/depths.py and the conformance case recursion_depths
// check every one of them.
#pragma once

#include "core/py/vm.h"

namespace py {

// Counted while the loop runs, for every task step and callback.
inline constexpr int kHiddenUnderAsyncioRun = 8;        // run, Runner.run, run_until_complete, ...
inline constexpr int kHiddenUnderRunUntilComplete = 6;  // run_until_complete, run_forever, ...
inline constexpr int kHiddenUnderRunForever = 5;        // run_forever, _run_once, Handle._run
// A plain callback (call_soon, a done callback) runs one level higher than a
// task's coroutine: Handle._run calls it directly, with no Task.__step between.
inline constexpr int kCallbackLevelsSaved = 1;

// Adds `levels` to the VM's depth for the lifetime of the object.
class HiddenFrames {
 public:
  HiddenFrames(VM& vm, int levels) : vm_(vm), levels_(levels) { vm_.depth += levels_; }
  ~HiddenFrames() { vm_.depth -= levels_; }
  HiddenFrames(const HiddenFrames&) = delete;
  HiddenFrames& operator=(const HiddenFrames&) = delete;

 private:
  VM& vm_;
  int levels_;
};

}  // namespace py
