// trace.h: a recorded run: its events, its string table, and seeking.
//
// The simulator appends through Recorder while the program runs; afterwards
// the Trace is immutable and shared read-only (the UI holds it in a
// shared_ptr<const Trace>). stateAt(i) rebuilds the loop's state after the
// first i events from the nearest keyframe (O(log n + k)).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/trace/event.h"
#include "core/trace/state.h"

namespace trace {

class Trace {
 public:
  Trace();

  const std::vector<Event>& events() const { return events_; }
  std::size_t size() const { return events_.size(); }
  const Event& operator[](std::size_t i) const { return events_[i]; }

  std::string_view str(StrId id) const { return strings_[id]; }
  std::size_t stringCount() const { return strings_.size(); }

  // The source the run executed and its file name (for the code view).
  const std::string& source() const { return source_; }
  const std::string& fileName() const { return fileName_; }

  // State after applying events [0, index). index may equal size().
  State stateAt(std::size_t index) const;

  // Approximate bytes held (events, strings, keyframes), for the budget and benchmarks.
  std::size_t memoryBytes() const;

 private:
  friend class Recorder;
  std::vector<Event> events_;
  std::vector<std::string> strings_;
  std::string source_;
  std::string fileName_;
  // keyframes_[k] is the state after kKeyframeInterval * (k + 1) events.
  std::vector<State> keyframes_;
};

// Appends events and interns strings; builds keyframes as it goes.
class Recorder {
 public:
  explicit Recorder(std::string fileName = {}, std::string source = {});

  // Tracing can be switched off (benchmarks): then record() does nothing.
  void setEnabled(bool on) { enabled_ = on; }
  bool enabled() const { return enabled_; }

  StrId intern(std::string_view s);
  void record(const Event& e);
  // Convenience for the common shape.
  void record(EventKind kind, Id a = 0, std::uint32_t b = 0, StrId c = 0, double d = 0.0,
              std::uint8_t flags = 0) {
    if (enabled_) record(Event{kind, flags, 0, a, b, c, d});
  }
  Id newId() { return ++lastId_; }

  const Trace& trace() const { return *trace_; }
  // Ends recording and hands the immutable trace over.
  std::shared_ptr<const Trace> finish();

 private:
  std::shared_ptr<Trace> trace_;
  std::unordered_map<std::string, StrId> interned_;
  State live_;  // state after every recorded event, for keyframes
  bool enabled_ = true;
  Id lastId_ = 0;
};

inline constexpr std::size_t kKeyframeInterval = 4096;

}  // namespace trace
