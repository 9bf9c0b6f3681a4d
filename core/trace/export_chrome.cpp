// export_chrome.cpp: Chrome Trace Event Format writer.
//
// Time: ts is virtual time in microseconds, except that everything that
// happens at one virtual instant (many steps, often) needs room to be seen.
// A display cursor walks forward: a step starts at max(virtual time, end of
// the previous step) and lasts kChromeStepWidthUs, so steps at the same
// instant sit side by side in execution order and the cursor rejoins true
// virtual time at the next clock jump. Every slice also carries the exact
// virtual time and iteration in its args, so nothing is lost to the layout.
#include "core/trace/export_chrome.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/trace/json.h"

namespace trace {

namespace {

constexpr int kPid = 1;
constexpr int kLoopTid = 1;
constexpr std::size_t kMaxNameChars = 60;

struct TaskTrack {
  Id id = 0;
  int tid = 0;
  StrId name = 0;
  StrId coroutine = 0;
};

// An instant's short name: the first line of text, clipped.
std::string shortName(std::string_view text) {
  std::string_view first = text.substr(0, text.find('\n'));
  if (first.empty() && !text.empty()) first = text.substr(0, std::min(text.size(), kMaxNameChars));
  std::string s(first.substr(0, kMaxNameChars));
  if (first.size() > kMaxNameChars) s += "...";
  return s;
}

class ChromeWriter {
 public:
  ChromeWriter(const Trace& t, std::ostream& out) : t_(t), out_(out) {}

  void write() {
    out_ << "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n";
    meta(kLoopTid, "process_name", t_.fileName().empty() ? "loopscope" : "loopscope " + t_.fileName());
    meta(kLoopTid, "thread_name", "loop");
    sortIndex(kLoopTid, 0);
    for (std::size_t i = 0; i < t_.size(); ++i) event(t_[i]);
    closeStep("");
    for (const TaskTrack& task : tasks_) {
      std::string name(t_.str(task.name));
      if (task.coroutine) name += " " + std::string(t_.str(task.coroutine));
      meta(task.tid, "thread_name", name);
      sortIndex(task.tid, task.tid);
    }
    out_ << "\n]}\n";
  }

 private:
  double now() const { return std::max(cursor_, std::isfinite(clock_) ? clock_ * 1e6 : 0.0); }

  void begin() {
    if (!first_) out_ << ",\n";
    first_ = false;
  }
  void common(const char* ph, const std::string& name, int tid, double ts) {
    begin();
    out_ << "{\"ph\":\"" << ph << "\",\"name\":";
    json::writeString(out_, name);
    out_ << ",\"pid\":" << kPid << ",\"tid\":" << tid << ",\"ts\":";
    json::writeDouble(out_, ts);
  }
  void argsBegin() {
    out_ << ",\"args\":{\"t\":";
    json::writeDouble(out_, clock_);
    out_ << ",\"iteration\":" << iteration_;
  }
  void arg(const char* key, std::string_view value) {
    out_ << ",\"" << key << "\":";
    json::writeString(out_, value);
  }

  void meta(int tid, const char* what, const std::string& name) {
    begin();
    out_ << "{\"ph\":\"M\",\"name\":\"" << what << "\",\"pid\":" << kPid << ",\"tid\":" << tid
         << ",\"args\":{\"name\":";
    json::writeString(out_, name);
    out_ << "}}";
  }
  void sortIndex(int tid, int index) {
    begin();
    out_ << "{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":" << kPid << ",\"tid\":" << tid
         << ",\"args\":{\"sort_index\":" << index << "}}";
  }

  void slice(const std::string& name, int tid, double start, double end, const char* cat) {
    common("X", name, tid, start);
    out_ << ",\"dur\":";
    json::writeDouble(out_, end - start);
    out_ << ",\"cat\":\"" << cat << "\"";
    argsBegin();
    out_ << "}}";
  }
  void instant(const std::string& name, int tid, const char* cat, std::string_view detailKey,
               std::string_view detail, bool global = false) {
    common("i", name, tid, now());
    out_ << ",\"s\":\"" << (global ? 'g' : 't') << "\",\"cat\":\"" << cat << "\"";
    argsBegin();
    if (!detailKey.empty()) arg(std::string(detailKey).c_str(), detail);
    out_ << "}}";
  }

  TaskTrack* track(Id id) {
    auto it = byId_.find(id);
    return it == byId_.end() ? nullptr : &tasks_[it->second];
  }
  int tidOf(Id task) {
    TaskTrack* tr = track(task);
    return tr ? tr->tid : kLoopTid;
  }
  std::string stepName(const TaskTrack& tr) const {
    return std::string(t_.str(tr.coroutine ? tr.coroutine : tr.name));
  }

  // Ends the running step (if any); `how` says how it ended, for its args.
  void closeStep(std::string_view how) {
    if (!stepTask_) return;
    TaskTrack* tr = track(stepTask_);
    double end = std::max(now(), stepStart_ + kChromeStepWidthUs);
    if (tr) {
      common("X", stepName(*tr), tr->tid, stepStart_);
      out_ << ",\"dur\":";
      json::writeDouble(out_, end - stepStart_);
      out_ << ",\"cat\":\"step\"";
      argsBegin();
      arg("task", t_.str(tr->name));
      if (!how.empty()) arg("ended", how);
      out_ << "}}";
    }
    cursor_ = end;
    stepTask_ = 0;
  }

  void event(const Event& e) {
    switch (e.kind) {
      case EventKind::LoopIterationBegin:
      case EventKind::LoopIterationEnd:
        iteration_ = e.a;
        break;
      case EventKind::ClockAdvanced: {
        double start = now();
        clock_ = e.d;
        double end = now();
        if (end > start) slice("idle", kLoopTid, start, end, "loop");
        break;
      }
      case EventKind::LoopBlocked: {
        double start = now();
        clock_ += e.d;
        double end = std::max(now(), start + e.d * 1e6);
        std::string name = "blocked";
        if (TaskTrack* tr = track(e.a)) name += " by " + std::string(t_.str(tr->name));
        slice(name, kLoopTid, start, end, "loop");
        // The blocking task's step spans the blocked time; other tracks resume after it.
        cursor_ = end;
        break;
      }
      case EventKind::TaskCreated:
        if (!track(e.a)) {
          byId_.emplace(e.a, tasks_.size());
          tasks_.push_back(TaskTrack{e.a, static_cast<int>(tasks_.size()) + 2, e.c, 0});
        }
        break;
      case EventKind::TaskCoroutine:
        if (TaskTrack* tr = track(e.a)) tr->coroutine = e.c;
        break;
      case EventKind::TaskStepBegin:
        closeStep("");
        stepTask_ = e.a;
        stepStart_ = now();
        break;
      case EventKind::TaskSuspended:
        if (stepTask_ == e.a)
          closeStep(e.b ? "awaits " + std::string(t_.str(e.c)) : std::string("yields"));
        break;
      case EventKind::TaskDone:
        if (stepTask_ == e.a)
          closeStep(std::string(futureStateName(static_cast<FutureState>(e.flags))) + ": " +
                    std::string(t_.str(e.c)));
        break;
      case EventKind::TimerScheduled: {
        std::string label(t_.str(e.c));
        std::string when;
        {
          std::ostringstream w;
          json::writeDouble(w, e.d);
          when = w.str();
        }
        instant("timer " + label + " at " + when, e.b ? tidOf(e.b) : kLoopTid, "timer", "label", label);
        break;
      }
      case EventKind::TimerDue:
        instant("timer due", kLoopTid, "timer", "timer", std::to_string(e.a));
        break;
      case EventKind::Output:
        instant(shortName(t_.str(e.c)), stepTask_ ? tidOf(stepTask_) : kLoopTid, "output", "text",
                t_.str(e.c));
        break;
      case EventKind::Diagnostic:
        instant(std::string(diagnosticKindName(static_cast<DiagnosticKind>(e.flags))) + ": " +
                    shortName(t_.str(e.c)),
                e.a ? tidOf(e.a) : kLoopTid, "diagnostic", "message", t_.str(e.c), e.a == 0);
        break;
      case EventKind::RunEnd:
        closeStep("run ended");
        instant("run end, status " + std::to_string(e.a), kLoopTid, "loop", "", "");
        break;
      default:
        break;
    }
  }

  const Trace& t_;
  std::ostream& out_;
  bool first_ = true;
  double clock_ = 0.0;
  double cursor_ = 0.0;  // end of the last step drawn, in display microseconds
  std::uint32_t iteration_ = 0;
  std::vector<TaskTrack> tasks_;
  std::unordered_map<Id, std::size_t> byId_;
  Id stepTask_ = 0;
  double stepStart_ = 0.0;
};

}  // namespace

void writeChromeTrace(const Trace& trace, std::ostream& out) { ChromeWriter(trace, out).write(); }

}  // namespace trace
