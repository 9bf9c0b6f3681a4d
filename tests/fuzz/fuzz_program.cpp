// fuzz_program.cpp: arbitrary bytes as a program. Whatever comes in, the
// Python layer must answer with output, an error or a budget stop: never a
// crash, a hang or a sanitizer report. Budgets are small so that each input
// finishes in milliseconds.
#include <cstddef>
#include <cstdint>
#include <string_view>

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
  (void)py::runProgram(source, "fuzz.py", options);
  return 0;
}
