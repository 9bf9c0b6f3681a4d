// playback_controller.cpp: cursor, stepping, seeking, playback, breakpoints.
#include "ui/playback_controller.h"

#include <QCoroTimer>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace ui {

using trace::EventKind;

PlaybackController::PlaybackController(QObject* parent) : QObject(parent) {}

void PlaybackController::setTrace(std::shared_ptr<const trace::Trace> trace) {
  pause();
  trace_ = std::move(trace);
  cursor_ = 0;
  state_ = trace_ ? trace_->stateAt(0) : trace::State{};
  lastMove_ = Move::Seek;
  emit traceChanged();
  emit cursorChanged(cursor_, state_);
}

void PlaybackController::moveTo(std::size_t index, Move how) {
  index = std::min(index, size());
  if (!trace_) return;
  if (index == cursor_ + 1) {
    // Forward by one: applying the event is cheaper than a keyframe replay.
    state_.apply((*trace_)[cursor_]);
  } else if (index != cursor_) {
    state_ = trace_->stateAt(index);
  }
  cursor_ = index;
  lastMove_ = how;
  hold_ = 0;  // the views showing this step set it again
  emit cursorChanged(cursor_, state_);
}

void PlaybackController::seek(std::size_t index) { moveTo(index, Move::Seek); }

void PlaybackController::stepForward() {
  if (cursor_ < size()) moveTo(cursor_ + 1, Move::Step);
}

void PlaybackController::stepBack() {
  if (cursor_ > 0) moveTo(cursor_ - 1, Move::Step);
}

void PlaybackController::nextIteration() {
  if (!trace_) return;
  for (std::size_t j = cursor_; j < size(); ++j)
    if ((*trace_)[j].kind == EventKind::LoopIterationBegin) return moveTo(j + 1, Move::Seek);
  moveTo(size(), Move::Seek);
}

void PlaybackController::previousIteration() {
  if (!trace_ || cursor_ < 2) return moveTo(0, Move::Seek);
  // The current event is cursor_-1; look strictly before it so that pressing
  // twice keeps going back.
  for (std::size_t j = cursor_ - 1; j-- > 0;)
    if ((*trace_)[j].kind == EventKind::LoopIterationBegin) return moveTo(j + 1, Move::Seek);
  moveTo(0, Move::Seek);
}

void PlaybackController::nextClockAdvance() {
  if (!trace_) return;
  for (std::size_t j = cursor_; j < size(); ++j)
    if ((*trace_)[j].kind == EventKind::ClockAdvanced) return moveTo(j + 1, Move::Seek);
  moveTo(size(), Move::Seek);
}

void PlaybackController::toStart() { moveTo(0, Move::Seek); }
void PlaybackController::toEnd() { moveTo(size(), Move::Seek); }

void PlaybackController::play() {
  if (playing_ || !trace_) return;
  if (cursor_ >= size()) moveTo(0, Move::Seek);  // replay from the start
  playing_ = true;
  emit playingChanged(true);
  playLoop(++playGeneration_);
}

void PlaybackController::pause() {
  if (!playing_) return;
  playing_ = false;
  ++playGeneration_;  // a sleeping playLoop sees a stale generation and ends
  emit playingChanged(false);
}

void PlaybackController::togglePlay() { playing_ ? pause() : play(); }

void PlaybackController::setSpeed(double speed) {
  speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
  if (speed == speed_) return;
  speed_ = speed;
  emit speedChanged(speed_);
}

int PlaybackController::stepDelayMs(EventKind kind, double speed) {
  int base = 350;
  switch (kind) {
    // Bookkeeping a student need not dwell on.
    case EventKind::LoopIterationBegin:
    case EventKind::LoopIterationEnd:
    case EventKind::TaskCoroutine:
    case EventKind::FutureCallbackAdded:
    case EventKind::QueueUnfinished:
      base = 60;
      break;
    case EventKind::TaskLine:
      base = 220;
      break;
    // Idle virtual time: however long the jump, it plays as one short
    // fast-forward so a one-hour sleep does not stall the lesson.
    case EventKind::ClockAdvanced:
    case EventKind::LoopBlocked:
      base = 700;
      break;
    default:
      break;
  }
  return static_cast<int>(std::lround(base / std::clamp(speed, kMinSpeed, kMaxSpeed)));
}

int PlaybackController::nextStepDelayMs() const {
  if (instant_ || !trace_ || cursor_ >= size()) return 0;
  return std::max(stepDelayMs((*trace_)[cursor_].kind, speed_), hold_);
}

int PlaybackController::animationMs(double speed) {
  return static_cast<int>(std::lround(300.0 / std::clamp(speed, kMinSpeed, kMaxSpeed)));
}

QCoro::Task<> PlaybackController::playLoop(quint64 generation) {
  QPointer<PlaybackController> self(this);
  while (self && playing_ && generation == playGeneration_ && cursor_ < size()) {
    const int delay = nextStepDelayMs();
    // Even with no delay, yield to the event loop so the window repaints and
    // input (Space to pause) is handled between steps.
    QCoro::Task<> wait = QCoro::sleepFor(std::chrono::milliseconds(delay));
    co_await std::move(wait);  // a named task: see MainWindow::runSource on GCC 12
    if (!self || !playing_ || generation != playGeneration_) co_return;
    moveTo(cursor_ + 1, Move::Step);
    if (const int line = breakpointAt(cursor_ - 1)) {
      pause();
      emit breakpointHit(line);
      co_return;
    }
  }
  if (self && generation == playGeneration_ && playing_) {
    playing_ = false;
    emit playingChanged(false);
  }
}

void PlaybackController::toggleBreakpoint(int line) {
  if (!breakpoints_.remove(line)) breakpoints_.insert(line);
  emit breakpointsChanged();
}

void PlaybackController::setBreakpoints(const QSet<int>& lines) {
  breakpoints_ = lines;
  emit breakpointsChanged();
}

int PlaybackController::breakpointAt(std::size_t index) const {
  if (!trace_ || index >= size() || breakpoints_.isEmpty()) return 0;
  const trace::Event& e = (*trace_)[index];
  int line = 0;
  if (e.kind == EventKind::TaskLine) {
    line = static_cast<int>(e.b);
  } else if (e.kind == EventKind::LoopBlocked) {
    line = static_cast<int>(e.b);
  } else if (e.kind == EventKind::TaskSuspended) {
    line = static_cast<int>(e.d);
    // With line tracing on, the TaskLine for this line already stopped play
    // during this step: stopping again at the await would need two presses.
    for (std::size_t j = index; j-- > 0;) {
      const trace::Event& p = (*trace_)[j];
      if (p.a != e.a) continue;
      if (p.kind == EventKind::TaskStepBegin) break;
      if (p.kind == EventKind::TaskLine && static_cast<int>(p.b) == line) return 0;
    }
  }
  return line > 0 && breakpoints_.contains(line) ? line : 0;
}

}  // namespace ui
