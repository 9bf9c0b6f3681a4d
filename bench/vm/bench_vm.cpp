// bench_vm.cpp: each bench/vm/programs/*.py run by our VM (tracing off,
// then full tracing with line events, as the app records) and by CPython
// 3.11 under the conformance suite's virtual clock (reference.py, so
// asyncio.sleep takes no real time), in the same run. Prints CPU seconds
// and the ratio CPython / ours (above 1: we are faster), and checks that
// both printed the same thing. "seek s" is the traced run's first seek to
// its end (Trace::stateAt(size())): recording only appends, and that seek
// is where the replay that takes the keyframes now happens, once; bytes per
// event are counted after it, keyframes included.
//
//   bench_vm [--no-peer] [programs dir]
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/py/program.h"

namespace {

double cpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// CPU seconds used by children that have been waited for.
double childCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Ours {
  double seconds = 0;
  std::string out;
  int status = 0;
  std::size_t events = 0;
  std::size_t traceBytes = 0;
  double seekSeconds = 0;  // the first seek to the end, after the run
};

Ours runOurs(const std::string& src, const std::string& name, bool tracing) {
  py::RunOptions opts;
  opts.tracing = tracing;
  opts.lineTracing = tracing;
  Ours r;
  opts.onOutput = [&](trace::Stream s, std::string_view t) {
    if (s == trace::Stream::Stdout) r.out.append(t);
  };
  double t0 = cpuSeconds();
  py::RunOutcome o = py::runProgram(src, name, opts);
  r.seconds = cpuSeconds() - t0;
  r.status = o.exitStatus;
  if (o.trace) {
    r.events = o.trace->size();
    const double s0 = cpuSeconds();
    const trace::State end = o.trace->stateAt(o.trace->size());
    r.seekSeconds = cpuSeconds() - s0;
    r.traceBytes = o.trace->memoryBytes();
  }
  return r;
}

// CPython's CPU time and standard output for the program.
double runCPython(const std::filesystem::path& program, std::string* out) {
  std::string cmd = "/usr/bin/python3 '" LOOPSCOPE_SOURCE_DIR "/tests/conformance/reference.py' '" +
                    program.string() + "'";
  double c0 = childCpuSeconds();
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return 0;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  pclose(p);
  return childCpuSeconds() - c0;
}

}  // namespace

int main(int argc, char** argv) {
  bool withPeer = true;
  std::filesystem::path dir = LOOPSCOPE_SOURCE_DIR "/bench/vm/programs";
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--no-peer")
      withPeer = false;
    else
      dir = argv[i];
  }
  std::vector<std::filesystem::path> programs;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".py") programs.push_back(entry.path());
  std::sort(programs.begin(), programs.end());

  std::printf("%-18s %9s %9s %9s %8s %8s %10s %8s %8s\n", "program", "cpython s", "off s", "on s", "x (off)",
              "x (on)", "events", "B/event", "seek s");
  for (const auto& path : programs) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string src = ss.str();
    const std::string name = path.filename().string();
    std::string theirsOut;
    double theirs = withPeer ? runCPython(path, &theirsOut) : 0.0;
    Ours off = runOurs(src, name, false);
    Ours on = runOurs(src, name, true);
    std::string note;
    if (off.status != 0 || on.status != 0) note = "  (failed)";
    else if (withPeer && (off.out != theirsOut || on.out != theirsOut)) note = "  (output differs from CPython)";
    std::printf("%-18s %9.3f %9.3f %9.3f %8.2f %8.2f %10zu %8.1f %8.3f%s\n", name.c_str(), theirs, off.seconds,
                on.seconds, theirs / off.seconds, theirs / on.seconds, on.events,
                on.events ? double(on.traceBytes) / double(on.events) : 0.0, on.seekSeconds, note.c_str());
    std::fflush(stdout);
  }
  return 0;
}
