// bench_vm.cpp: times each bench/vm/programs/*.py under py::runProgram
// (tracing off) and under CPython, and prints the ratio (ours / CPython;
// below 1.0 is faster than CPython).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/py/program.h"

namespace {

double seconds(auto&& fn) {
  auto t0 = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path dir = argc > 1 ? argv[1] : LOOPSCOPE_SOURCE_DIR "/bench/vm/programs";
  std::printf("%-20s %10s %10s %8s\n", "program", "ours (s)", "cpython", "ratio");
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".py") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string src = ss.str();
    py::RunOptions opts;
    opts.tracing = false;
    opts.lineTracing = false;
    std::string out;
    opts.onOutput = [&](trace::Stream, std::string_view t) { out.append(t); };
    int status = 0;
    double ours = seconds([&] { status = py::runProgram(src, entry.path().filename().string(), opts).exitStatus; });
    std::string cmd = "/usr/bin/python3 '" + entry.path().string() + "' > /dev/null";
    double theirs = seconds([&] { (void)std::system(cmd.c_str()); });
    std::printf("%-20s %10.3f %10.3f %8.2f%s\n", entry.path().filename().c_str(), ours, theirs, ours / theirs,
                status == 0 ? "" : "  (failed)");
  }
  return 0;
}
