// clock.h: what one program run keeps across event loops.
//
// Contract section 2: one virtual clock per run, 0.0 at the start; a
// second event loop created later carries on from the current value. The
// task-name counter (Task-N) and the iteration count are per run too
// (tasks.py's counter is per process), so they live here; every EventLoop of
// the run shares one Clock, which the run owns.
#pragma once

#include <cstdint>

namespace loop {

struct Clock {
  double now = 0.0;
  std::uint32_t iterations = 0;      // loop iterations so far, all loops
  std::uint64_t timerSeq = 0;        // scheduling order of timers (tie break)
  std::uint64_t taskCounter = 0;     // last N used for "Task-N"
};

}  // namespace loop
