// bench_render.cpp: synthetic traces, timed renders and seeks, the table.
#include "app/bench_render.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/cli.h"
#include "app/command_application.h"
#include "ui/loop_view.h"
#include "ui/playback_controller.h"
#include "ui/timeline_view.h"

namespace app {

using trace::EventKind;
using trace::Id;

namespace {

const char* kBusySource =
    "import asyncio\n\nqueue = asyncio.Queue()\n\nasync def worker(i):\n    while True:\n"
    "        await asyncio.sleep(0.5)\n        await asyncio.sleep(0)\n        print(i)\n"
    "        queue.put_nowait(i)\n        await queue.get()\n";

// Builds the busy trace, tracking just enough of the loop to stay consistent.
class BusyTraceBuilder {
 public:
  BusyTraceBuilder(int tasks, int rounds) : rec_("busy.py", kBusySource), tasks_(tasks), rounds_(rounds) {}

  std::shared_ptr<const trace::Trace> build() {
    rec_.record(EventKind::RunBegin, 0, 0, rec_.intern("busy.py"));
    queue_ = rec_.newId();
    rec_.record(EventKind::QueueCreated, queue_, 0, rec_.intern("Queue"), 0.0,
                static_cast<std::uint8_t>(trace::QueueKind::Fifo));
    const trace::StrId worker = rec_.intern("worker");
    for (int i = 0; i < tasks_; ++i) {
      const Id t = rec_.newId();
      ids_.push_back(t);
      rec_.record(EventKind::TaskCreated, t, 0, rec_.intern("Task-" + std::to_string(i + 1)));
      rec_.record(EventKind::TaskCoroutine, t, 5, worker);
      schedule(i, "Task.__step", trace::HandleKind::TaskStep);
    }
    for (int r = 0; r < rounds_; ++r) round(r);
    rec_.record(EventKind::RunEnd, 0);
    return rec_.finish();
  }

 private:
  struct Ready {
    Id handle;
    int task;
  };

  void schedule(int task, const char* label, trace::HandleKind kind) {
    const Id h = rec_.newId();
    rec_.record(EventKind::HandleScheduled, h, ids_[task], rec_.intern(label), 0.0, static_cast<std::uint8_t>(kind));
    next_.push_back({h, task});
  }

  void round(int r) {
    rec_.record(EventKind::LoopIterationBegin, static_cast<Id>(r + 1));
    std::vector<Ready> ready;
    ready.swap(next_);
    // Timers set last round come due: the clock jumps and they join the
    // end of the ready queue (run below, after the handles ahead of them).
    std::vector<std::pair<Id, int>> due;
    due.swap(timers_);
    if (!due.empty()) {
      clock_ += 0.5;
      rec_.record(EventKind::ClockAdvanced, 0, 0, 0, clock_);
      for (const auto& [timer, task] : due) rec_.record(EventKind::TimerDue, timer);
    }
    // Getters take what was put last round.
    while (!getters_.empty() && items_ > 0) {
      const int task = getters_.front();
      getters_.erase(getters_.begin());
      --items_;
      rec_.record(EventKind::QueueGet, queue_, 0, rec_.intern(std::to_string(task)));
      rec_.record(EventKind::QueueWaiterGone, queue_, ids_[task], 0, 0.0,
                  static_cast<std::uint8_t>(trace::WaiterRole::Getter));
      schedule(task, "Task.__wakeup", trace::HandleKind::TaskWakeup);
    }
    for (const Ready& h : ready) step(h, r);
    for (const auto& [timer, task] : due) {
      rec_.record(EventKind::HandleRun, timer);
      rec_.record(EventKind::FutureDone, futures_[task], 0, 0, 0.0,
                  static_cast<std::uint8_t>(trace::FutureState::Finished));
      schedule(task, "Task.__wakeup", trace::HandleKind::TaskWakeup);
    }
    rec_.record(EventKind::LoopIterationEnd, static_cast<Id>(r + 1));
  }

  void step(const Ready& h, int r) {
    const int i = h.task;
    const Id t = ids_[i];
    rec_.record(EventKind::HandleRun, h.handle);
    rec_.record(EventKind::TaskStepBegin, t);
    if (i % 10 == 9 && r >= 2) {
      rec_.record(EventKind::TaskDone, t, 0, rec_.intern("None"), 0.0,
                  static_cast<std::uint8_t>(trace::FutureState::Finished));
      return;
    }
    // Each task keeps one role, so every state stays populated all run long.
    switch (i % 4) {
      case 0: {  // await asyncio.sleep(0.5)
        rec_.record(EventKind::TaskLine, t, 7);
        const Id f = rec_.newId(), timer = rec_.newId();
        futures_[i] = f;
        rec_.record(EventKind::FutureCreated, f, t, rec_.intern("sleep(0.5) future"));
        rec_.record(EventKind::TimerScheduled, timer, t, rec_.intern("futures._set_result_unless_cancelled"),
                    clock_ + 0.5);
        rec_.record(EventKind::FutureCallbackAdded, f, 0, rec_.intern("Task.__wakeup(Task-" + std::to_string(i + 1) + ")"));
        rec_.record(EventKind::TaskSuspended, t, f, rec_.intern("sleep(0.5)"), 7.0);
        timers_.push_back({timer, i});
        break;
      }
      case 1:  // await asyncio.sleep(0)
        rec_.record(EventKind::TaskLine, t, 8);
        rec_.record(EventKind::TaskSuspended, t, 0, rec_.intern("sleep(0)"), 8.0);
        schedule(i, "Task.__step", trace::HandleKind::TaskStep);
        break;
      case 2:  // print(i); queue.put_nowait(i), while the queue is short
        rec_.record(EventKind::TaskLine, t, 9);
        rec_.record(EventKind::Output, 0, 0, rec_.intern(std::to_string(i) + "\n"));
        if (items_ < static_cast<std::size_t>(tasks_ / 8 + 2))
          rec_.record(EventKind::QueuePut, queue_, static_cast<std::uint32_t>(items_++), rec_.intern(std::to_string(i)));
        rec_.record(EventKind::TaskSuspended, t, 0, rec_.intern("sleep(0)"), 10.0);
        schedule(i, "Task.__step", trace::HandleKind::TaskStep);
        break;
      default: {  // await queue.get()
        rec_.record(EventKind::TaskLine, t, 11);
        const Id f = rec_.newId();
        rec_.record(EventKind::QueueWaiter, queue_, t, 0, 0.0, static_cast<std::uint8_t>(trace::WaiterRole::Getter));
        rec_.record(EventKind::FutureCreated, f, t, rec_.intern("Queue.get() future"));
        rec_.record(EventKind::TaskSuspended, t, f, rec_.intern("Queue.get()"), 11.0);
        getters_.push_back(i);
        break;
      }
    }
  }

  trace::Recorder rec_;
  int tasks_, rounds_;
  std::vector<Id> ids_;
  std::vector<Ready> next_;
  std::vector<std::pair<Id, int>> timers_;
  std::unordered_map<int, Id> futures_;
  std::vector<int> getters_;
  Id queue_ = 0;
  std::size_t items_ = 0;
  double clock_ = 0.0;
};

struct Stats {
  double mean = 0, p99 = 0, max = 0;
};

Stats stats(std::vector<double> ms) {
  Stats s;
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  for (double m : ms) s.mean += m;
  s.mean /= static_cast<double>(ms.size());
  // Nearest-rank 99th percentile.
  const std::size_t rank = (ms.size() * 99 + 99) / 100;
  s.p99 = ms[std::min(ms.size(), std::max<std::size_t>(rank, 1)) - 1];
  s.max = ms.back();
  return s;
}

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// CPU time of the whole process (Qt's fill threads included), in ms. On a
// shared machine, wall time also counts the neighbours' turns on the CPU.
double cpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct FrameStats {
  Stats wall, cpu;
};

// Renders `view` into a 1920x1080 image at `frames` positions spread over
// the second half of the trace (where every task is alive and busy).
template <typename View>
FrameStats timeFrames(const std::shared_ptr<const trace::Trace>& t, int frames) {
  ui::PlaybackController controller;
  View view(&controller);
  view.setAttribute(Qt::WA_DontShowOnScreen, true);
  view.resize(1920, 1080);
  view.show();
  controller.setTrace(t);
  QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
  std::vector<double> ms, cpu;
  for (int k = 0; k < frames; ++k) {
    const std::size_t at = t->size() / 2 + (t->size() / 2) * static_cast<std::size_t>(k) / std::max(1, frames);
    controller.seek(at);
    QCoreApplication::sendPostedEvents();
    const double cpuStart = cpuMs();
    const auto start = std::chrono::steady_clock::now();
    view.render(&image);
    ms.push_back(msSince(start));
    cpu.push_back(cpuMs() - cpuStart);
  }
  return {stats(ms), stats(cpu)};
}

struct SeekResult {
  std::size_t events = 0;
  double buildMs = 0, loadMs = 0;
  Stats seek;
};

// Seeks a controller with a loop view and a timeline attached (hidden, so
// only their models update) to `positions` random positions.
SeekResult timeSeeks(int tasks, int rounds, int positions) {
  SeekResult r;
  auto start = std::chrono::steady_clock::now();
  const auto t = makeBusyTrace(tasks, rounds);
  // As the app's worker thread does after a run: the seeks then measure
  // what a user's scrubbing costs, not the one-time keyframing.
  t->buildKeyframes();
  r.buildMs = msSince(start);
  r.events = t->size();
  ui::PlaybackController controller;
  ui::LoopView loop(&controller);
  ui::TimelineView timeline(&controller);
  loop.resize(1920, 1080);
  timeline.resize(1920, 1080);
  start = std::chrono::steady_clock::now();
  controller.setTrace(t);
  r.loadMs = msSince(start);
  std::mt19937_64 random(20261122);
  std::uniform_int_distribution<std::size_t> pick(0, t->size());
  std::vector<double> ms;
  for (int k = 0; k < positions; ++k) {
    const std::size_t at = pick(random);
    start = std::chrono::steady_clock::now();
    controller.seek(at);
    ms.push_back(msSince(start));
  }
  r.seek = stats(ms);
  return r;
}

// Launches this very binary's GUI once and reads its startup report.
// Returns the reported ms (process start to first expose), or -1.
double timeStartup(double* launcherMs) {
  QTemporaryDir home;
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("LOOPSCOPE_REPORT_STARTUP"), QStringLiteral("1"));
  if (!env.contains(QStringLiteral("QT_QPA_PLATFORM"))) env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  // A fresh profile: no restored session, no autosave, the default lesson.
  env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
  env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
  p.setProcessEnvironment(env);
  p.setProcessChannelMode(QProcess::MergedChannels);  // the report is on stderr
  QElapsedTimer clock;
  clock.start();
  p.start(QCoreApplication::applicationFilePath(), {});
  const QRegularExpression line(QStringLiteral("startup: ([0-9.]+) ms"));
  QByteArray err;
  double reported = -1;
  while (reported < 0 && p.waitForReadyRead(30000)) {
    err += p.readAll();
    const auto m = line.match(QString::fromUtf8(err));
    if (m.hasMatch()) {
      reported = m.captured(1).toDouble();
      *launcherMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    }
  }
  p.kill();
  p.waitForFinished(10000);
  return reported;
}

}  // namespace

std::shared_ptr<const trace::Trace> makeBusyTrace(int tasks, int rounds) {
  return BusyTraceBuilder(tasks, rounds).build();
}

int benchCommand(const QStringList& args) {
  if (args.value(0) != QLatin1String("render")) {
    std::fputs("Usage: loopscope bench render [--quick]\n", stderr);
    return 2;
  }
  CommandApplication app(Display::Offscreen);
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Measure software rendering, seeking and startup."));
  parser.addHelpOption();
  parser.addOption({QStringLiteral("quick"), QStringLiteral("Few frames and a small trace (a smoke test).")});
  parser.addOption({QStringLiteral("frames"), QStringLiteral("Frames per view and task count."), QStringLiteral("n")});
  parser.addOption({QStringLiteral("tasks"), QStringLiteral("Only this many live tasks (for profiling)."),
                    QStringLiteral("n")});
  parser.process(QStringList{QStringLiteral("loopscope bench render")} + args.mid(1));
  const bool quick = parser.isSet(QStringLiteral("quick"));

  // 300 frames make the 99th percentile the third-worst frame, not the worst.
  const int frames = parser.isSet(QStringLiteral("frames"))
                         ? std::max(1, parser.value(QStringLiteral("frames")).toInt())
                         : (quick ? 5 : 300);
  std::vector<int> counts{10, 100, 1000};
  if (parser.isSet(QStringLiteral("tasks"))) counts = {std::max(1, parser.value(QStringLiteral("tasks")).toInt())};
  std::printf("loopscope bench render%s: software rendering into a 1920x1080 QImage, offscreen\n\n",
              quick ? " --quick" : "");
  std::printf("%-10s %6s %8s %7s %9s %9s %9s %9s %9s\n", "view", "tasks", "events", "frames", "mean ms", "p99 ms",
              "cpu mean", "cpu p99", "cpu max");
  auto row = [&](const char* view, int tasks, std::size_t events, const FrameStats& f) {
    std::printf("%-10s %6d %8zu %7d %9.2f %9.2f %9.2f %9.2f %9.2f\n", view, tasks, events, frames, f.wall.mean,
                f.wall.p99, f.cpu.mean, f.cpu.p99, f.cpu.max);
  };
  for (int tasks : counts) {
    // Enough rounds that every task has been through each of its states.
    const auto t = makeBusyTrace(tasks, quick ? 8 : 16);
    row("loop", tasks, t->size(), timeFrames<ui::LoopView>(t, frames));
    row("timeline", tasks, t->size(), timeFrames<ui::TimelineView>(t, frames));
    std::fflush(stdout);
  }

  if (parser.isSet(QStringLiteral("tasks"))) return 0;  // frames only, for a profiler

  // ~5,000 events per round with 1,000 tasks: 200 rounds make a million.
  const int positions = quick ? 100 : 1000;
  const SeekResult s = timeSeeks(1000, quick ? 4 : 200, positions);
  std::printf("\n%-34s %9s %9s\n", "seek", "mean ms", "p99 ms");
  std::printf("%-34s %9.3f %9.3f\n",
              qPrintable(QStringLiteral("%1 random of %2 events").arg(positions).arg(s.events)), s.seek.mean,
              s.seek.p99);
  std::printf("(trace built in %.0f ms; loaded into the views in %.0f ms)\n", s.buildMs, s.loadMs);

  double launcher = -1;
  const double startup = timeStartup(&launcher);
  std::printf("\n%-34s %9s\n", "startup", "ms");
  if (startup >= 0) {
    std::printf("%-34s %9.1f\n", "process start to window exposed", startup);
    std::printf("%-34s %9.1f\n", "launch to report (as a user sees)", launcher);
  } else {
    std::printf("%-34s %9s\n", "process start to window exposed", "failed");
  }
  std::fflush(stdout);
  return startup >= 0 ? 0 : 1;
}

}  // namespace app
