// fuzz_program.cpp: arbitrary bytes as a program. Whatever comes in, the
// Python layer must answer with output, an error or a budget stop: never a
// crash, a hang or a sanitizer report. Budgets are small so that each input
// finishes in milliseconds.
//
// No budget bounds how many loop iterations a program may take: a task that
// sleeps 1e-9 s forever never stalls the clock and needs 1e12 iterations to
// reach the horizon, just as CPython would run it for ever. The GUI's Stop
// button covers that case in the app (RunOptions::cancel); here a watchdog
// presses it after two seconds, so libFuzzer's own timeout reports only what
// Stop cannot interrupt.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <thread>

#include "core/py/program.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  py::RunOptions options;
  options.budgets.instructionsPerStep = 20'000;
  options.budgets.recursionLimit = 200;
  options.budgets.memoryBytes = 64ull << 20;
  options.budgets.outputBytes = 64 << 10;
  options.budgets.timeHorizon = 1000.0;
  options.budgets.stallIterations = 2'000;
  options.lineTracing = true;
  options.onOutput = [](trace::Stream, std::string_view) {};
  const std::string_view source(reinterpret_cast<const char*>(data), size);

  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  std::thread watchdog([&] {
    std::unique_lock lock(mutex);
    if (!finished.wait_for(lock, std::chrono::seconds(2), [&] { return done; })) stop = true;
  });
  options.cancel = &stop;
  (void)py::runProgram(source, "fuzz.py", options);
  {
    std::lock_guard lock(mutex);
    done = true;
  }
  finished.notify_one();
  watchdog.join();
  return 0;
}
