// seek_bench.cpp: memory per event and seek time for large synthetic traces.
//
// Not a test (it measures time): build the seek_bench target in a Release
// build and run it by hand:
//   ./bench/trace/seek_bench [events] [maxTasks]
// It prints bytes per event (events + strings + keyframes) and the time of
// Trace::stateAt() at random indices and at the worst place, the event
// just before a keyframe.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include "core/trace/trace.h"
#include "support/fixtures.h"

using Clock = std::chrono::steady_clock;

static double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// CPU time of this thread: on a shared, loaded machine wall time mostly
// measures the neighbours.
static double cpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

int main(int argc, char** argv) {
  fixtures::SyntheticOptions o;
  o.events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000;
  o.maxTasks = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2000;
  auto t0 = Clock::now();
  auto trace = fixtures::syntheticTrace(o);
  double recordMs = msSince(t0);
  const std::size_t n = trace->size();
  trace::State end = trace->stateAt(n);
  std::printf("events %zu, tasks %zu, futures in state %zu, timers %zu, recorded in %.0f ms\n", n,
              end.tasks.size(), end.futures.size(), end.timers.size(), recordMs);
  std::size_t items = 0, live = 0;
  for (const auto& q : end.queues) items += q.items.size();
  for (const auto& task : end.tasks) live += task.state != trace::TaskState::Done;
  std::printf("live tasks %zu, queue items %zu, ready %zu\n", live, items, end.ready.size());
  std::printf("final state %.1f KB; keyframes %zu\n", double(end.memoryBytes()) / 1024.0, trace->keyframeCount());
  std::printf("memory %.1f MB = %.2f bytes/event (events alone %.0f)\n", double(trace->memoryBytes()) / 1e6,
              double(trace->memoryBytes()) / double(n), double(sizeof(trace::Event)));

  // Worst case: just before each keyframe (and the end), the longest replay.
  std::vector<std::size_t> targets;
  for (std::size_t k = 0; k < trace->keyframeCount(); ++k) targets.push_back(trace->keyframeIndex(k) - 1);
  targets.push_back(n);
  std::uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 200; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    targets.push_back(x % (n + 1));
  }
  double worst = 0, total = 0, worstCpu = 0, totalCpu = 0;
  std::size_t worstAt = 0, maxGap = 0;
  for (std::size_t k = 1; k < trace->keyframeCount(); ++k)
    maxGap = std::max(maxGap, trace->keyframeIndex(k) - trace->keyframeIndex(k - 1));
  for (std::size_t target : targets) {
    auto s0 = Clock::now();
    double c0 = cpuMs();
    trace::State s = trace->stateAt(target);
    double ms = msSince(s0);
    double cpu = cpuMs() - c0;
    total += ms;
    totalCpu += cpu;
    worstCpu = std::max(worstCpu, cpu);
    if (ms > worst) {
      worst = ms;
      worstAt = target;
    }
    if (s.index != target) return 1;
  }
  std::printf("seek: %zu seeks, mean %.3f ms, worst %.3f ms (at %zu); largest keyframe gap %zu events\n",
              targets.size(), total / double(targets.size()), worst, worstAt, maxGap);
  std::printf("seek CPU time: mean %.3f ms, worst %.3f ms\n", totalCpu / double(targets.size()), worstCpu);
  // The worst seek again, split into the keyframe copy and the replay.
  std::size_t k = 0;
  while (k < trace->keyframeCount() && trace->keyframeIndex(k) <= worstAt) ++k;
  std::size_t from = k ? trace->keyframeIndex(k - 1) : 0;
  auto c0 = Clock::now();
  trace::State atKey = trace->stateAt(from);
  double copyMs = msSince(c0);
  auto a0 = Clock::now();
  trace::State again = trace->stateAt(worstAt);
  double againMs = msSince(a0);
  std::printf("worst again: %.3f ms = keyframe copy %.3f ms + replay of %zu events\n", againMs, copyMs,
              worstAt - from);
  return 0;
}
