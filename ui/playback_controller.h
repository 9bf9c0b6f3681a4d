// playback_controller.h: the one object that owns "where are we in the trace".
//
// Views never move the cursor themselves: they call the controller and redraw
// on cursorChanged (style.md: commands go through one controller and come
// back as signals). The cursor counts applied events, 0..size(); the event
// being explained is the last applied one (cursor - 1). Playback is a QCoro
// coroutine on the GUI thread that waits between steps; wall-clock waiting
// never feeds the virtual clock.
#pragma once

#include <algorithm>

#include <QObject>
#include <QPointer>
#include <QSet>

#include <QCoroTask>

#include <cstddef>
#include <memory>

#include "core/trace/state.h"
#include "core/trace/trace.h"

namespace ui {

class PlaybackController : public QObject {
  Q_OBJECT
 public:
  // How the cursor got where it is: views animate steps and jump on seeks.
  enum class Move { Step, Seek };

  static constexpr double kMinSpeed = 0.25;
  static constexpr double kMaxSpeed = 16.0;

  explicit PlaybackController(QObject* parent = nullptr);

  void setTrace(std::shared_ptr<const trace::Trace> trace);
  const std::shared_ptr<const trace::Trace>& trace() const { return trace_; }
  bool hasTrace() const { return trace_ != nullptr; }

  std::size_t cursor() const { return cursor_; }
  std::size_t size() const { return trace_ ? trace_->size() : 0; }
  const trace::State& state() const { return state_; }
  Move lastMove() const { return lastMove_; }

  // Navigation. All clamp to 0..size().
  void seek(std::size_t index);
  void stepForward();
  void stepBack();
  void nextIteration();
  void previousIteration();
  void nextClockAdvance();
  void toStart();
  void toEnd();

  // Playback.
  bool isPlaying() const { return playing_; }
  void play();
  void pause();
  void togglePlay();
  double speed() const { return speed_; }
  void setSpeed(double speed);  // clamped to 0.25..16
  // Tests and headless rendering: play without waiting between steps.
  void setInstantPlayback(bool on) { instant_ = on; }
  // Wall-clock pause before showing `kind` at `speed` (idle clock jumps are
  // compressed to a fixed short fast-forward).
  static int stepDelayMs(trace::EventKind kind, double speed);
  // How long a card takes to glide at `speed`.
  static int animationMs(double speed);
  // A view animating the step just shown asks play to wait this long before
  // the next one, so a glide is never cut short by a quick bookkeeping step
  // (a card restarted every 60 ms would creep and cover its neighbours).
  // Every move resets it.
  void holdNextStep(int ms) { hold_ = std::max(hold_, ms); }
  // What play waits before showing the next event: its own pause, or the
  // hold, whichever is longer (0 with instant playback).
  int nextStepDelayMs() const;

  // Breakpoints on source lines (1-based).
  void toggleBreakpoint(int line);
  void setBreakpoints(const QSet<int>& lines);
  const QSet<int>& breakpoints() const { return breakpoints_; }
  // The breakpoint line that event `index` reaches, or 0.
  int breakpointAt(std::size_t index) const;

 signals:
  void traceChanged();
  void cursorChanged(std::size_t index, const trace::State& state);
  void playingChanged(bool playing);
  void speedChanged(double speed);
  void breakpointsChanged();
  void breakpointHit(int line);

 private:
  void moveTo(std::size_t index, Move how);
  void advanceOne();
  QCoro::Task<> playLoop(quint64 generation);

  std::shared_ptr<const trace::Trace> trace_;
  trace::State state_;
  std::size_t cursor_ = 0;
  Move lastMove_ = Move::Seek;
  bool playing_ = false;
  bool instant_ = false;
  double speed_ = 1.0;
  int hold_ = 0;
  quint64 playGeneration_ = 0;
  QSet<int> breakpoints_;
};

}  // namespace ui
