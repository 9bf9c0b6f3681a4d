// loop_view.h: the event loop drawn as areas with cards, animated per step.
//
// RUNNING, READY (FIFO, front left), TIMERS (pins on an axis from the
// clock), WAITING (with what each task awaits), DONE and queues. The view
// only paints: geometry comes from LoopLayout, content from the State, and
// motion from the difference between the previous and the new layout (a
// card keeps its key while it moves between areas). Seeking jumps; stepping
// glides (LoopMotion: staggered, eased, with a pulse on what changed).
// Wall-clock animation never touches the virtual clock.
#pragma once

#include <QVariantAnimation>
#include <QWidget>

#include <unordered_map>

#include "core/trace/state.h"
#include "ui/causality_arrows.h"
#include "ui/loop_layout.h"
#include "ui/loop_view_motion.h"
#include "ui/card_sprites.h"
#include "ui/text_cache.h"

namespace ui {

class PlaybackController;

class LoopView : public QWidget {
  Q_OBJECT
 public:
  explicit LoopView(PlaybackController* controller, QWidget* parent = nullptr);

  void setInternals(bool on);
  bool internals() const { return options_.internals; }
  void setFontScale(double scale);
  void setHighContrast(bool on);

  // Jump to the end of a running glide (renderShot, seeks, tests).
  void finishAnimation();
  bool isAnimating() const { return anim_.state() == QAbstractAnimation::Running; }

  // What is on screen, for tests: the target layout and the state it shows.
  const LoopLayout& currentLayout() const { return layout_; }
  const trace::State& shownState() const { return state_; }

  // The motion of the last step (tests sample it at any progress).
  const LoopMotion& motion() const { return motion_; }
  // Sets the glide's progress by hand (tests, shots): 1 is the end.
  void setProgress(double t);

  // "Why did this happen?": the causal chain of event `index` (an index into
  // the trace, not a cursor) drawn as arrows between the items it touched.
  // trace size or beyond clears it.
  void showCausality(std::size_t index);
  void clearCausality();
  bool showsCausality() const { return !causalChain_.empty(); }
  const std::vector<std::size_t>& causalChain() const { return causalChain_; }
  const CausalGeometry& causalGeometry() const { return causal_; }

  // The task whose "why isn't it running?" callout is shown (0: none).
  trace::Id selectedTask() const { return selected_; }
  // Select a task as a click on its card does (0 clears); emits taskSelected.
  void selectTask(trace::Id task);
  // The callout's sentence for the selected task at the shown state.
  QString selectedWhy() const;

  QSize sizeHint() const override { return {900, 520}; }
  QSize minimumSizeHint() const override { return {360, 260}; }

 signals:
  // A task card was clicked: `why` is whyNotRunning() for it now.
  void taskSelected(trace::Id task, const QString& why);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void onCursorChanged(std::size_t index, const trace::State& state);
  void relayout();
  QRectF shownRect(const CardGeometry& g) const;
  std::vector<std::uint64_t> changedKeys(std::size_t cursor) const;
  void paintPulse(QPainter& p, const CardGeometry& g, const QRectF& r) const;
  void paintCausality(QPainter& p) const;  // ui/loop_view_causality.cpp
  void paintCard(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s,
                 double alpha) const;
  void paintTaskCard(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s) const;
  void paintTaskBody(QPainter& p, const QRectF& r, LoopArea area, const QColor& c, bool oneLine,
                     const QString& bodyText) const;
  void paintAwaits(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s,
                   const trace::TaskView& t, const QColor& c) const;
  void paintHandleCard(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s) const;
  QString spriteLook() const;
  double spriteMargin() const;
  void paintTimer(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s) const;
  void paintQueue(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s) const;
  void paintPrimitive(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s) const;
  void paintPrimitiveLinks(QPainter& p) const;
  void paintCallout(QPainter& p) const;
  void paintBands(QPainter& p) const;
  void paintAxis(QPainter& p) const;
  void paintClock(QPainter& p) const;
  QFont cardFont(double scale = 1.0, bool bold = false) const;
  double stroke() const;

  PlaybackController* controller_;
  LoopLayoutOptions options_;
  bool highContrast_ = false;
  trace::State state_, prevState_;
  LoopLayout layout_, prevLayout_;
  LoopMotion motion_;
  std::vector<trace::Id> folded_;  // queues' join Events (sorted): drawn in their queue
  std::vector<std::pair<trace::Id, trace::Id>> queueEvents_;  // (queue, join Event)
  std::vector<std::size_t> causalChain_;
  CausalGeometry causal_;  // causalChain_ placed for the current size
  QVariantAnimation anim_;
  double progress_ = 1.0;
  trace::Id selected_ = 0;
  QString idleNote_;  // "idle: 1.000 → 2.000" after a clock jump
  mutable TextCache text_;       // laid-out card texts: painting fills it
  mutable CardSprites sprites_;  // painted card bodies: painting fills it
  // A frame makes a few hundred cards: their fonts and the part of every
  // sprite key that is the same for all of them are made once, not per card.
  struct CardFont {
    int px;
    bool bold;
    QFont font;
  };
  mutable QFont cardFontBase_;
  mutable std::vector<CardFont> cardFonts_;
  mutable QString look_;  // spriteLook() for the frame being painted
};

}  // namespace ui
