// trace.cpp: the Recorder that appends events and the Trace that seeks.
//
// Seeking copies the nearest keyframe at or before the target and replays
// the rest. Keyframes are the only memory a trace spends beyond its 24-byte
// events, so their spacing adapts to the state's size (see
// kKeyframeBytesPerEvent): a run with thousands of live tasks keeps fewer,
// bigger snapshots, a small run keeps one every kKeyframeInterval events.
#include "core/trace/trace.h"

#include <algorithm>
#include <utility>

namespace trace {

// ---- Trace -----------------------------------------------------------------

Trace::Trace() { strings_.push_back({}); }

State Trace::stateAt(std::size_t index) const {
  index = std::min(index, events_.size());
  // The last keyframe taken after at most `index` events.
  auto it = std::upper_bound(keyframes_.begin(), keyframes_.end(), index,
                             [](std::size_t i, const Keyframe& k) { return i < k.rest.index; });
  State s;
  if (it != keyframes_.begin()) {
    const Keyframe& k = *std::prev(it);
    s = k.rest;
    std::size_t n = 0;
    for (const auto& chunk : k.taskChunks) n += chunk->size();
    s.tasks.reserve(n);
    for (const auto& chunk : k.taskChunks) s.tasks.insert(s.tasks.end(), chunk->begin(), chunk->end());
    s.rebuildIndex();
  }
  for (std::size_t i = s.index; i < index;) {
    // Replay chunk by chunk: a plain array walk, no index arithmetic per event.
    std::span<const Event> c = events_.chunk(i / EventLog::kChunkEvents);
    const std::size_t from = i % EventLog::kChunkEvents;
    const std::size_t to = std::min(c.size(), from + (index - i));
    for (std::size_t j = from; j < to; ++j) s.apply(c[j]);
    i += to - from;
  }
  return s;
}

std::size_t Trace::memoryBytes() const {
  std::size_t n = sizeof(Trace) + events_.memoryBytes();
  n += strings_.memoryBytes();
  n += source_.capacity() + fileName_.capacity();
  n += keyframes_.capacity() * sizeof(Keyframe) + keyframeBytes_;
  return n;
}

// ---- Recorder --------------------------------------------------------------

Recorder::Recorder(std::string fileName, std::string source) : trace_(std::make_shared<Trace>()) {
  trace_->fileName_ = std::move(fileName);
  trace_->source_ = std::move(source);
  setKeyframeInterval(kKeyframeInterval);
}

void Recorder::setKeyframeInterval(std::size_t events) {
  keyframeInterval_ = std::max<std::size_t>(1, events);
  std::size_t last = trace_->keyframes_.empty() ? 0 : trace_->keyframes_.back().rest.index;
  nextKeyframeCheck_ = last + keyframeInterval_;
}

StrId Recorder::intern(std::string_view s) {
  // The table starts with "" (id 0), which the index has not seen yet.
  if (s.empty()) return 0;
  return interned_.intern(s, trace_->strings_);
}

void Recorder::record(const Event& e) {
  if (!enabled_) return;
  trace_->events_.push_back(e);
  live_.apply(e);
  if (trace_->events_.size() >= nextKeyframeCheck_) maybeKeyframe();
}

void Recorder::recordFields(EventKind kind, std::uint8_t flags, Id a, std::uint32_t b, StrId c, double d) {
  trace_->events_.push(kind, flags, 0, a, b, c, d);
  const Event e{kind, flags, 0, a, b, c, d};
  live_.apply(e);
  if (trace_->events_.size() >= nextKeyframeCheck_) maybeKeyframe();
}

void Recorder::recordTaskLine(Id task, std::uint32_t line) {
  if (!enabled_) return;
  trace_->events_.push(EventKind::TaskLine, 0, 0, task, line, 0, 0.0);
  live_.applyTaskLine(task, line);
  if (trace_->events_.size() >= nextKeyframeCheck_) maybeKeyframe();
}

void Recorder::maybeKeyframe() {
  const std::size_t now = trace_->events_.size();
  // Building a keyframe walks the whole state (to find the task chunks
  // that changed); spacing keyframes by their size keeps that O(1) per
  // event on average.
  Trace::Keyframe k;
  // Copy all but the tasks and the id index (stateAt() rebuilds it).
  State::Index index = std::move(live_.index_);
  std::vector<TaskView> tasks = std::move(live_.tasks);
  live_.index_ = State::Index{};
  live_.tasks = {};
  k.rest = live_;
  live_.tasks = std::move(tasks);
  live_.index_ = std::move(index);
  std::size_t added = k.rest.memoryBytes();
  added += shareTaskChunks(k);
  trace_->keyframeBytes_ += added;
  trace_->keyframes_.push_back(std::move(k));
  // The next one comes when the events since cost as much as this one did.
  nextKeyframeCheck_ = now + std::max(keyframeInterval_, added / kKeyframeBytesPerEvent);
}

namespace {

bool sameTask(const TaskView& x, const TaskView& y) {
  return x.id == y.id && x.parent == y.parent && x.name == y.name && x.coroutine == y.coroutine &&
         x.state == y.state && x.outcome == y.outcome && x.awaiting == y.awaiting &&
         x.awaitingLabel == y.awaitingLabel && x.line == y.line && x.defLine == y.defLine &&
         x.result == y.result && x.cancelRequested == y.cancelRequested;
}

}  // namespace

std::size_t Recorder::shareTaskChunks(Trace::Keyframe& k) const {
  const auto* prev = trace_->keyframes_.empty() ? nullptr : &trace_->keyframes_.back().taskChunks;
  const std::vector<TaskView>& tasks = live_.tasks;
  std::size_t added = 0;
  for (std::size_t at = 0, c = 0; at < tasks.size(); at += kKeyframeTaskChunk, ++c) {
    std::size_t end = std::min(tasks.size(), at + kKeyframeTaskChunk);
    auto first = tasks.begin() + static_cast<std::ptrdiff_t>(at);
    auto last = tasks.begin() + static_cast<std::ptrdiff_t>(end);
    if (prev && c < prev->size()) {
      const std::vector<TaskView>& old = *(*prev)[c];
      if (old.size() == end - at && std::equal(first, last, old.begin(), sameTask)) {
        k.taskChunks.push_back((*prev)[c]);
        continue;
      }
    }
    k.taskChunks.push_back(std::make_shared<const std::vector<TaskView>>(first, last));
    // The chunk's elements, and the make_shared block holding the vector and its counts.
    added += (end - at) * sizeof(TaskView) + 16 + sizeof(std::vector<TaskView>) + 32;
  }
  added += k.taskChunks.capacity() * sizeof(k.taskChunks[0]);
  return added;
}

std::shared_ptr<const Trace> Recorder::finish() {
  EventLog::fence();
  std::shared_ptr<Trace> done = std::move(trace_);
  // The last chunk of events is mostly unused: give it back.
  done->events_.shrink_to_fit();
  done->strings_.shrink_to_fit();
  done->keyframes_.shrink_to_fit();
  trace_ = std::make_shared<Trace>();
  interned_.clear();
  keyed_.clear();
  live_ = State{};
  nextKeyframeCheck_ = keyframeInterval_;
  return done;
}

}  // namespace trace
