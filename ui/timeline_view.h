// timeline_view.h: one swimlane per task, a playhead, click or drag to seek.
//
// States are told apart by fill pattern as well as colour (solid = running,
// hatched = ready, thin dashed line = waiting, a ✓/✗/⊘ tick = done) so the
// lanes read in greyscale and for colour-blind viewers.
#pragma once

#include <QPixmap>
#include <QWidget>

#include <unordered_map>
#include <vector>

#include "ui/timeline_model.h"

namespace ui {

class PlaybackController;

class TimelineView : public QWidget {
  Q_OBJECT
 public:
  explicit TimelineView(PlaybackController* controller, QWidget* parent = nullptr);

  const TimelineModel& model() const { return model_; }
  void setFontScale(double scale);
  void setHighContrast(bool on);
  // The cursor a click at widget x would seek to.
  std::size_t indexAtX(double x) const;
  double xForIndex(std::size_t index) const;
  // Lanes drawn, each with its task's name; the rest are one "+N more" row.
  int shownLanes() const;
  // With lanes left out, the last lane row shows this lane (an index into
  // model().lanes()): the running task's, else the one shown before; -1
  // when every lane fits.
  int followedLane() const;
  // The smallest lane, in font units: a name in it is still legible.
  static constexpr double kMinLaneUnits = 0.75;
  // "Why did this happen?": marks the chain's events (trace indexes) on the
  // timeline, numbered as the narration numbers them; empty clears.
  void setCausalChain(std::vector<std::size_t> chain);
  const std::vector<std::size_t>& causalChain() const { return chain_; }

  QSize sizeHint() const override { return {900, 160}; }
  QSize minimumSizeHint() const override { return {300, 80}; }

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QRectF plotRect() const;
  double laneHeight() const;
  double unit() const;
  double labelWidth() const;  // the lane-name column: as wide as the longest name needs
  void paintLanes(QPainter& p) const;  // everything that does not move with the cursor
  void paintLane(QPainter& p, const TimelineLane& lane, double y, const QString& prefix) const;
  void indexLanes();
  void invalidateLanes();

  PlaybackController* controller_;
  TimelineModel model_;
  double fontScale_ = 1.0;
  bool highContrast_ = false;
  std::vector<std::size_t> chain_;
  std::unordered_map<trace::Id, int> laneIndex_;  // task -> lane
  mutable int follow_ = -1;                        // followedLane()'s last answer
  QPixmap lanes_;  // paintLanes() for the current trace, size and look; null: repaint
};

}  // namespace ui
