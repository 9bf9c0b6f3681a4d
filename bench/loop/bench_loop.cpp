// bench_loop.cpp: four loop workloads, with tracing on and off, against
// CPython running the same workloads (peer.py) in the same run; prints the
// ratio CPython time / our time. The tasks are native state machines, so
// this measures the loop and its primitives, not a language.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <malloc.h>
#include <time.h>

#include "core/loop/event_loop.h"
#include "core/loop/gather.h"
#include "core/loop/queues.h"
#include "core/loop/runner.h"
#include "core/loop/sleep.h"

using loop::Coroutine;
using loop::StepResult;
using loop::Value;

namespace {

// CPU time of the process: the machine is shared, and wall time would
// mostly measure the neighbours (peer.py uses time.process_time too).
struct CpuClock {
  using duration = std::chrono::nanoseconds;
  using rep = duration::rep;
  using period = duration::period;
  using time_point = std::chrono::time_point<CpuClock>;
  static constexpr bool is_steady = true;
  static time_point now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return time_point(duration(std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec));
  }
};

// Just enough of a language: exceptions are integers, nothing is printed.
class BenchHost : public loop::Host {
 public:
  Value makeException(loop::ExcKind kind, std::string_view) override { return Value::smallInt(static_cast<int>(kind)); }
  Value makeCancelledError(Value) override { return Value::smallInt(0); }
  Value makeExceptionGroup(std::string_view, std::span<const Value>) override { return Value::smallInt(99); }
  bool isCancelledError(Value v) override { return v == Value::smallInt(0); }
  std::string repr(Value) override { return "v"; }
  std::string exceptionLabel(Value) override { return "E"; }
  StepResult call(Value, std::span<const Value>) override { return StepResult::returned(); }
  StepResult lessThan(Value a, Value b) override { return StepResult::returned(Value::boolean(a.asSmallInt() < b.asSmallInt())); }
  Value makeList(std::span<const Value>) override { return Value::none(); }
  Value makeSet(std::span<const Value>) override { return Value::none(); }
  Value makeTuple(std::span<const Value>) override { return Value::none(); }
  void handleError(const loop::ErrorContext&) override {}
};

// A coroutine that awaits a sequence of sub-coroutines produced by next().
class Driver : public Coroutine {
 public:
  StepResult send(Value) override {
    for (;;) {
      if (sub_ == nullptr) {
        sub_ = next();
        if (sub_ == nullptr) return StepResult::returned();
      }
      StepResult r = sub_->send(Value::none());
      if (r.kind == StepResult::Yielded) return r;
      sub_ = nullptr;
    }
  }
  StepResult throwIn(Value exc) override { return StepResult::raised(exc); }
  void trace(loop::Tracer& t) override { t.visit(sub_); }

 protected:
  virtual Coroutine* next() = 0;
  Coroutine* sub_ = nullptr;
};

class Sleeper : public Driver {
 public:
  Sleeper(loop::EventLoop& l, double d) : loop_(l), d_(d) {}
  Coroutine* next() override { return done_++ ? nullptr : loop::sleep(loop_, d_); }
  loop::EventLoop& loop_;
  double d_;
  int done_ = 0;
};

class Switcher : public Driver {
 public:
  Switcher(loop::EventLoop& l, int n) : loop_(l), n_(n) {}
  Coroutine* next() override { return n_-- > 0 ? loop::sleep(loop_, 0) : nullptr; }
  loop::EventLoop& loop_;
  int n_;
};

class Producer : public Driver {
 public:
  Producer(loop::Queue* q, int n) : q_(q), n_(n) {}
  Coroutine* next() override { return i_ < n_ ? q_->put(Value::smallInt(i_++)) : nullptr; }
  void trace(loop::Tracer& t) override { Driver::trace(t); t.visit(q_); }
  loop::Queue* q_;
  int n_;
  int i_ = 0;
};

class Consumer : public Driver {
 public:
  Consumer(loop::Queue* q, int n) : q_(q), n_(n) {}
  Coroutine* next() override { return n_-- > 0 ? q_->get() : nullptr; }
  void trace(loop::Tracer& t) override { Driver::trace(t); t.visit(q_); }
  loop::Queue* q_;
  int n_;
};

// Awaits one future (a gather) and returns.
class AwaitOne : public Coroutine {
 public:
  explicit AwaitOne(loop::Future* f) : f_(f) {}
  StepResult send(Value) override {
    if (yielded_ || f_->done()) return StepResult::returned();
    yielded_ = true;
    return StepResult::yielded(Value::object(f_));
  }
  StepResult throwIn(Value exc) override { return StepResult::raised(exc); }
  void trace(loop::Tracer& t) override { t.visit(f_); }
  loop::Future* f_;
  bool yielded_ = false;
};

struct Run {
  loop::Heap heap;
  BenchHost host;
  trace::Recorder recorder;
  loop::Clock clock;
  loop::EventLoop loop{heap, host, recorder, clock};
  explicit Run(bool tracing) {
    recorder.setEnabled(tracing);
    loop.setAutoCollect(true);
  }
};

void countCb(loop::EventLoop& l, loop::Object*, Value) {
  static int n = 0;
  if (++n % 1'000'000 == 0) l.stop();
}

double callSoon(bool tracing) {
  Run r(tracing);
  auto t0 = CpuClock::now();
  for (int i = 0; i < 1'000'000; ++i) r.loop.callSoon(&countCb, nullptr, Value::none(), trace::HandleKind::Callback, "cb");
  r.loop.runForever();
  return std::chrono::duration<double>(CpuClock::now() - t0).count();
}

double gatherAll(Run& r, std::vector<Value>& args) {
  loop::Future* g = loop::gather(r.loop, args, false);
  args.clear();
  // Everything is reachable from the loop now: collect as the VM does,
  // rather than keeping every dead handle and future to the end.
  r.loop.setAutoCollect(true);
  loop::run(r.loop, r.heap.make<AwaitOne>(g));
  return 0;
}

double sleepers(bool tracing) {
  Run r(tracing);
  r.loop.setAutoCollect(false);  // the args vector below is not a root (until gatherAll)
  auto t0 = CpuClock::now();
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> dist(0.0, 1.0);
  std::vector<Value> args;
  for (int i = 0; i < 100'000; ++i) args.push_back(Value::object(r.heap.make<Sleeper>(r.loop, dist(rng))));
  gatherAll(r, args);
  return std::chrono::duration<double>(CpuClock::now() - t0).count();
}

double switches(bool tracing) {
  Run r(tracing);
  r.loop.setAutoCollect(false);
  auto t0 = CpuClock::now();
  std::vector<Value> args{Value::object(r.heap.make<Switcher>(r.loop, 500'000)),
                          Value::object(r.heap.make<Switcher>(r.loop, 500'000))};
  gatherAll(r, args);
  return std::chrono::duration<double>(CpuClock::now() - t0).count();
}

double queue(bool tracing) {
  Run r(tracing);
  r.loop.setAutoCollect(false);
  auto t0 = CpuClock::now();
  auto* q = r.heap.make<loop::Queue>(r.loop, 100);
  std::vector<Value> args{Value::object(r.heap.make<Producer>(q, 1'000'000)),
                          Value::object(r.heap.make<Consumer>(q, 1'000'000))};
  gatherAll(r, args);
  return std::chrono::duration<double>(CpuClock::now() - t0).count();
}

std::map<std::string, double> runPeer() {
  std::map<std::string, double> out;
  std::string cmd = std::string("/usr/bin/python3 ") + LOOPSCOPE_SOURCE_DIR + "/bench/loop/peer.py";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char name[64];
  double secs = 0;
  while (std::fscanf(p, "%63s %lf", name, &secs) == 2) out[name] = secs;
  pclose(p);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  // bench_loop [--no-peer] [--off|--on] [workload...]: a subset, without
  // CPython, one tracing mode: for profiling.
  bool withPeer = true, runOff = true, runOn = true;
  std::vector<std::string> only;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--no-peer")
      withPeer = false;
    else if (std::string(argv[i]) == "--off")
      runOn = false;
    else if (std::string(argv[i]) == "--on")
      runOff = false;
    else
      only.emplace_back(argv[i]);
  }
  std::map<std::string, double> peer = withPeer ? runPeer() : std::map<std::string, double>{};
  struct Row {
    const char* name;
    double (*fn)(bool);
  } rows[] = {{"call_soon", callSoon}, {"sleepers", sleepers}, {"switches", switches}, {"queue", queue}};
  std::printf("%-10s %10s %10s %10s %9s %9s\n", "workload", "cpython s", "off s", "on s", "x (off)", "x (on)");
  for (const Row& row : rows) {
    if (!only.empty() && std::find(only.begin(), only.end(), row.name) == only.end()) continue;
    // Each measurement starts from a trimmed allocator, as in a fresh
    // process (heap objects come from each Run's own pool, but the trace
    // and the loop's containers still use malloc).
    malloc_trim(0);
    double off = runOff ? row.fn(false) : 0.0;
    malloc_trim(0);
    double on = runOn ? row.fn(true) : 0.0;
    double py = peer.count(row.name) ? peer[row.name] : 0.0;
    std::printf("%-10s %10.3f %10.3f %10.3f %9.1f %9.1f\n", row.name, py, off, on, py / off, py / on);
    std::fflush(stdout);
  }
  return 0;
}
