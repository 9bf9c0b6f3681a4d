// loop_view_motion.cpp: staggered, eased glides and pulses (see loop_view_motion.h).
#include "ui/loop_view_motion.h"

#include <QEasingCurve>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

QRectF lerp(const QRectF& a, const QRectF& b, double t) {
  return QRectF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t,
                a.width() + (b.width() - a.width()) * t, a.height() + (b.height() - a.height()) * t);
}

bool samePlace(const QRectF& a, const QRectF& b) {
  return std::abs(a.x() - b.x()) < 0.5 && std::abs(a.y() - b.y()) < 0.5 && std::abs(a.width() - b.width()) < 0.5 &&
         std::abs(a.height() - b.height()) < 0.5;
}

}  // namespace

LoopMotion LoopMotion::plan(const std::unordered_map<std::uint64_t, QRectF>& from, const LoopLayout& to,
                            const std::vector<std::uint64_t>& changed, double speed, std::size_t tasks) {
  LoopMotion m;
  if (speed >= kMaxAnimatedSpeed || tasks >= kMaxAnimatedTasks || to.cards().size() > kMaxAnimatedCards) return m;
  // Movers in destination order: area (RUNNING first), then rows, then FIFO
  // position left to right.
  std::vector<const CardGeometry*> movers;
  for (const auto& g : to.cards()) {
    auto it = from.find(g.key);
    if (it != from.end() && !samePlace(it->second, g.rect)) movers.push_back(&g);
  }
  std::stable_sort(movers.begin(), movers.end(), [](const CardGeometry* a, const CardGeometry* b) {
    if (a->area != b->area) return a->area < b->area;
    if (std::abs(a->rect.top() - b->rect.top()) > 0.5) return a->rect.top() < b->rect.top();
    return a->rect.left() < b->rect.left();
  });
  std::unordered_set<std::uint64_t> present;
  for (const auto& g : to.cards()) present.insert(g.key);
  for (std::uint64_t k : changed)
    if (present.count(k)) m.pulsed_.insert(k);
  if (movers.empty() && m.pulsed_.empty() && from.empty()) return m;

  // The waking thing pulses first; then the moves, one after another.
  m.pulseEnd_ = m.pulsed_.empty() ? 0.0 : 0.3;
  const double lead = movers.empty() ? 0.0 : m.pulseEnd_ * 0.6;
  const std::size_t n = movers.size();
  const double stagger = n > 1 ? std::min(0.12, 0.45 / static_cast<double>(n - 1)) : 0.0;
  const double span = 1.0 - lead - stagger * static_cast<double>(n > 0 ? n - 1 : 0);
  for (std::size_t i = 0; i < n; ++i) {
    Glide g;
    g.from = from.at(movers[i]->key);
    g.start = lead + stagger * static_cast<double>(i);
    g.end = g.start + span;
    m.glides_[movers[i]->key] = g;
  }
  m.animated_ = true;
  // 300 ms at 1x for one move, a little longer when several are staggered
  // (capped at 400 ms), scaled by the playback speed.
  const double base = std::min(400.0, 300.0 + 25.0 * static_cast<double>(n > 1 ? n - 1 : 0));
  m.durationMs_ = static_cast<int>(std::lround(base / std::clamp(speed, 0.25, 16.0)));
  return m;
}

double LoopMotion::delayOf(std::uint64_t key) const {
  auto it = glides_.find(key);
  return it == glides_.end() ? 0.0 : it->second.start;
}

QRectF LoopMotion::rectAt(std::uint64_t key, const QRectF& target, double t) const {
  auto it = glides_.find(key);
  if (it == glides_.end() || t >= 1.0) return target;
  const Glide& g = it->second;
  const double local = std::clamp((t - g.start) / std::max(1e-9, g.end - g.start), 0.0, 1.0);
  static const QEasingCurve ease(QEasingCurve::InOutCubic);
  return lerp(g.from, target, ease.valueForProgress(local));
}

double LoopMotion::pulseAt(std::uint64_t key, double t) const {
  if (pulseEnd_ <= 0.0 || t >= pulseEnd_ || t < 0.0 || !pulsed_.count(key)) return 0.0;
  // One swell and fade: sin over the pulse window.
  return std::sin(t / pulseEnd_ * 3.14159265358979);
}

}  // namespace ui
