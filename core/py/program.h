// program.h: the one entry point from the outside into the Python layer.
//
// The app (CLI and the UI's worker thread) hands over a source text and gets
// back what CPython would have printed, the exit status the contract gives,
// and the recorded trace. Everything else in core/py is internal to it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/trace/event.h"
#include "core/trace/trace.h"

namespace py {

// Contract section 8. Every budget has a default and a command-line flag.
struct Budgets {
  std::uint64_t instructionsPerStep = 10'000'000;  // one task step without an await
  int recursionLimit = 1000;                         // Python frames deep (RecursionError)
  std::uint64_t memoryBytes = 1ull << 30;            // heap bytes (MemoryError)
  std::uint64_t outputBytes = 16ull << 20;           // bytes printed in all
  double timeHorizon = 1e7;                          // virtual seconds
  std::uint64_t stallIterations = 1'000'000;         // iterations with the clock stuck and
                                                     // callbacks ready while a timer waits
  // Events recorded (when tracing: the window, `loopscope trace`). A ticker
  // that sleeps 1 s forever runs ten million iterations to the horizon:
  // this keeps its trace near half a gigabyte instead of growing unbounded.
  std::uint64_t traceEvents = 10'000'000;
};

struct RunOptions {
  Budgets budgets;
  bool lineTracing = true;      // record TaskLine events (off for benchmarks)
  bool tracing = true;          // record the trace at all (off for benchmarks)
  // Called for each piece of output as it is produced (stdout, stderr, client log).
  std::function<void(trace::Stream, std::string_view)> onOutput;
  // Polled now and then; when it becomes true the run stops (status 2, "stopped").
  const std::atomic<bool>* cancel = nullptr;
};

struct RunOutcome {
  int exitStatus = 0;  // 0; 1 uncaught exception or deadlock; 2 refused or budget
  // For a refused program: where and why (file:line:col: message), also on stderr.
  int errorLine = 0;
  int errorColumn = 0;
  std::string errorMessage;
  std::shared_ptr<const trace::Trace> trace;
};

RunOutcome runProgram(std::string_view source, const std::string& fileName, const RunOptions& options);

}  // namespace py
