// trace.cpp: the Recorder that appends events and the Trace that seeks.
//
// Seeking copies the nearest keyframe at or before the target and replays
// the rest. Keyframes are taken lazily: the recorder only appends, and the
// first seek past the last keyframe replays the events from there (the
// "frontier") once, snapshotting as it goes. A traced run used to keep a
// live State and apply every event to it while the program ran, which was a
// third of the cost of tracing; now that replay happens once, on the first
// deep seek (Trace::buildKeyframes does all of it at once). Keyframes are
// the only memory a trace spends beyond its 24-byte events, so their
// spacing adapts to the state's size (see kKeyframeBytesPerEvent): a run
// with thousands of live tasks keeps fewer, bigger snapshots, a small run
// keeps one every kKeyframeInterval events.
#include "core/trace/trace.h"

#include <algorithm>
#include <utility>

namespace trace {

// ---- Trace -----------------------------------------------------------------

Trace::Trace() { strings_.push_back({}); }

namespace {

// Applies the events [s.index, to) to s, chunk by chunk: a plain array walk,
// no index arithmetic per event.
void replay(const EventLog& events, State& s, std::size_t to) {
  for (std::size_t i = s.index; i < to;) {
    std::span<const Event> c = events.chunk(i / EventLog::kChunkEvents);
    const std::size_t from = i % EventLog::kChunkEvents;
    const std::size_t end = std::min(c.size(), from + (to - i));
    for (std::size_t j = from; j < end; ++j) s.apply(c[j]);
    i += end - from;
  }
}

}  // namespace

State Trace::stateAt(std::size_t index) const {
  index = std::min(index, events_.size());
  State s;
  bool fromKeyframe = false;
  {
    std::lock_guard<std::mutex> lock(seekMutex_);
    if (index > frontier_.index && !keyframed_) advanceFrontier(index);
    // The last keyframe taken after at most `index` events.
    auto it = std::upper_bound(keyframes_.begin(), keyframes_.end(), index,
                               [](std::size_t i, const Keyframe& k) { return i < k.rest.index; });
    if (it != keyframes_.begin()) {
      const Keyframe& k = *std::prev(it);
      s = k.rest;
      std::size_t n = 0;
      for (const auto& chunk : k.taskChunks) n += chunk->size();
      s.tasks.reserve(n);
      for (const auto& chunk : k.taskChunks) s.tasks.insert(s.tasks.end(), chunk->begin(), chunk->end());
      fromKeyframe = true;
    }
  }
  // Appended events never change: the replay needs no lock.
  if (fromKeyframe) s.rebuildIndex();
  replay(events_, s, index);
  return s;
}

void Trace::buildKeyframes() const {
  std::lock_guard<std::mutex> lock(seekMutex_);
  if (!keyframed_) advanceFrontier(events_.size());
}

std::size_t Trace::keyframeCount() const {
  buildKeyframes();
  std::lock_guard<std::mutex> lock(seekMutex_);
  return keyframes_.size();
}

std::size_t Trace::keyframeIndex(std::size_t k) const {
  buildKeyframes();
  std::lock_guard<std::mutex> lock(seekMutex_);
  return keyframes_[k].rest.index;
}

void Trace::advanceFrontier(std::size_t index) const {
  while (frontier_.index < index) {
    replay(events_, frontier_, std::min(index, nextKeyframe_));
    if (frontier_.index == nextKeyframe_) {
      // The next one comes when the events since cost as much as this one did.
      nextKeyframe_ = frontier_.index + std::max(keyframeInterval_, takeKeyframe() / kKeyframeBytesPerEvent);
    }
  }
  if (finished_ && frontier_.index == events_.size()) {
    // Nothing is left to replay: the frontier's memory is not needed again.
    keyframed_ = true;
    frontier_ = State{};
    keyframes_.shrink_to_fit();
  }
}

std::size_t Trace::takeKeyframe() const {
  // Building a keyframe walks the whole state (to find the task chunks
  // that changed); spacing keyframes by their size keeps that O(1) per
  // event on average.
  Keyframe k;
  // Copy all but the tasks and the id index (stateAt() rebuilds it).
  State::Index index = std::move(frontier_.index_);
  std::vector<TaskView> tasks = std::move(frontier_.tasks);
  frontier_.index_ = State::Index{};
  frontier_.tasks = {};
  k.rest = frontier_;
  frontier_.tasks = std::move(tasks);
  frontier_.index_ = std::move(index);
  std::size_t added = k.rest.memoryBytes();
  added += shareTaskChunks(k);
  keyframeBytes_ += added;
  keyframes_.push_back(std::move(k));
  return added;
}

std::size_t Trace::memoryBytes() const {
  std::size_t n = sizeof(Trace) + events_.memoryBytes();
  n += strings_.memoryBytes();
  n += source_.capacity() + fileName_.capacity();
  std::lock_guard<std::mutex> lock(seekMutex_);
  n += keyframes_.capacity() * sizeof(Keyframe) + keyframeBytes_;
  if (frontier_.index != 0) n += frontier_.memoryBytes();
  return n;
}

namespace {

bool sameTask(const TaskView& x, const TaskView& y) {
  return x.id == y.id && x.parent == y.parent && x.name == y.name && x.coroutine == y.coroutine &&
         x.state == y.state && x.outcome == y.outcome && x.awaiting == y.awaiting &&
         x.awaitingLabel == y.awaitingLabel && x.line == y.line && x.defLine == y.defLine &&
         x.result == y.result && x.cancelRequested == y.cancelRequested;
}

}  // namespace

std::size_t Trace::shareTaskChunks(Keyframe& k) const {
  const auto* prev = keyframes_.empty() ? nullptr : &keyframes_.back().taskChunks;
  const std::vector<TaskView>& tasks = frontier_.tasks;
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

// ---- Recorder --------------------------------------------------------------

Recorder::Recorder(std::string fileName, std::string source) : trace_(std::make_shared<Trace>()) {
  trace_->fileName_ = std::move(fileName);
  trace_->source_ = std::move(source);
}

void Recorder::setKeyframeInterval(std::size_t events) {
  keyframeInterval_ = std::max<std::size_t>(1, events);
  Trace& t = *trace_;
  std::lock_guard<std::mutex> lock(t.seekMutex_);
  t.keyframeInterval_ = keyframeInterval_;
  const std::size_t last = t.keyframes_.empty() ? 0 : t.keyframes_.back().rest.index;
  t.nextKeyframe_ = std::max(t.frontier_.index, last + keyframeInterval_);
}

StrId Recorder::intern(std::string_view s) {
  // The table starts with "" (id 0), which the index has not seen yet.
  if (s.empty()) return 0;
  return interned_.intern(s, trace_->strings_);
}

std::shared_ptr<const Trace> Recorder::finish() {
  EventLog::fence();
  std::shared_ptr<Trace> done = std::move(trace_);
  // The last chunk of events is mostly unused: give it back.
  done->events_.shrink_to_fit();
  done->strings_.shrink_to_fit();
  {
    std::lock_guard<std::mutex> lock(done->seekMutex_);
    done->finished_ = true;
  }
  trace_ = std::make_shared<Trace>();
  trace_->keyframeInterval_ = keyframeInterval_;
  trace_->nextKeyframe_ = keyframeInterval_;
  interned_.clear();
  keyed_.clear();
  return done;
}

}  // namespace trace
