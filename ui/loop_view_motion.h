// loop_view_motion.h: how the loop view's cards move from one step to the next.
//
// A plan, computed once per step, that the view samples at a progress t in
// [0, 1] (the animation's eased clock): each card that changed place glides
// from where it was to where it goes; simultaneous moves are staggered in
// their destination's order (READY's FIFO left to right) so the eye can
// follow one at a time; the item that changed (the timer that fired, the
// task that woke) pulses first. Keeping this a value lets tests sample
// positions at t = 0, mid-way and 1 without any wall-clock timing.
#pragma once

#include <QRectF>

#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ui/loop_layout.h"

namespace ui {

class LoopMotion {
 public:
  // Beyond these, motion would be noise: the view jumps instead.
  static constexpr double kMaxAnimatedSpeed = 8.0;   // at 8x and faster
  static constexpr std::size_t kMaxAnimatedTasks = 1000;
  static constexpr std::size_t kMaxAnimatedCards = 400;

  // `from`: where each card (by key) is on screen now; `to`: the new layout;
  // `changed`: keys of the items the step acted on (they pulse); `speed`:
  // playback speed; `tasks`: how many tasks the state holds.
  static LoopMotion plan(const std::unordered_map<std::uint64_t, QRectF>& from, const LoopLayout& to,
                         const std::vector<std::uint64_t>& changed, double speed, std::size_t tasks);

  // False: show the new layout at once (fast playback, crowds, nothing moved).
  bool animated() const { return animated_; }
  // Wall-clock length at the playback speed: 250–400 ms at 1x.
  int durationMs() const { return durationMs_; }

  // Where the card with `key` is at progress t (its target when it does not move).
  QRectF rectAt(std::uint64_t key, const QRectF& target, double t) const;
  // 0..1: how strongly the card is pulsing at t (0 for cards that did not change).
  double pulseAt(std::uint64_t key, double t) const;
  bool moves(std::uint64_t key) const { return glides_.count(key) > 0; }
  // Start of the card's glide, as a fraction of the whole animation.
  double delayOf(std::uint64_t key) const;
  std::size_t moverCount() const { return glides_.size(); }

 private:
  struct Glide {
    QRectF from;
    double start = 0.0, end = 1.0;
  };
  std::unordered_map<std::uint64_t, Glide> glides_;
  std::unordered_set<std::uint64_t> pulsed_;
  double pulseEnd_ = 0.0;
  bool animated_ = false;
  int durationMs_ = 0;
};

}  // namespace ui
