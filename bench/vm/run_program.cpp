// run_program.cpp: `bench_run run FILE.py [--trace]` runs one program as
// `loopscope run` does (default budgets, output straight to stdout and
// stderr, the program's exit status), without the Qt application, so a
// profiler sees only the VM and the loop. --trace records the full trace
// (line events included), as the window does, and reports its size on stderr.
// The conformance driver accepts it in place of loopscope:
//   tests/conformance/check_case.py build/bench/vm/bench_run CASE.py CASE.out CASE.rc
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/py/program.h"

int main(int argc, char** argv) {
  if (argc < 3 || std::string(argv[1]) != "run") {
    std::fputs("usage: bench_run run FILE.py [--trace]\n", stderr);
    return 2;
  }
  const bool tracing = argc > 3 && std::string(argv[3]) == "--trace";
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench_run: cannot read %s\n", argv[2]);
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  py::RunOptions options;
  options.tracing = tracing;
  options.lineTracing = tracing;
  options.onOutput = [](trace::Stream s, std::string_view text) {
    std::FILE* f = s == trace::Stream::Stdout ? stdout : stderr;
    std::fwrite(text.data(), 1, text.size(), f);
    if (s != trace::Stream::Stdout) std::fflush(f);
  };
  const py::RunOutcome outcome = py::runProgram(ss.str(), argv[2], options);
  std::fflush(stdout);
  if (tracing && outcome.trace)
    std::fprintf(stderr, "bench_run: %zu events, %zu bytes\n", outcome.trace->size(), outcome.trace->memoryBytes());
  return outcome.exitStatus;
}
