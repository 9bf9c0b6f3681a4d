// timeline_view.cpp: painting swimlanes with level of detail, and seeking.
#include "ui/timeline_view.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "ui/labels.h"
#include "ui/playback_controller.h"
#include "ui/task_palette.h"
#include "ui/theme.h"

namespace ui {

TimelineView::TimelineView(PlaybackController* controller, QWidget* parent)
    : QWidget(parent), controller_(controller) {
  setObjectName(QStringLiteral("timelineView"));
  setAttribute(Qt::WA_OpaquePaintEvent);  // paintEvent covers every pixel
  setMouseTracking(false);
  setCursor(Qt::PointingHandCursor);
  connect(controller_, &PlaybackController::traceChanged, this, [this] {
    model_ = controller_->trace() ? TimelineModel::build(*controller_->trace()) : TimelineModel{};
    indexLanes();
    invalidateLanes();
  });
  connect(controller_, &PlaybackController::cursorChanged, this, [this] { update(); });
  connect(Theme::instance(), &Theme::changed, this, &TimelineView::invalidateLanes);
  if (controller_->trace()) model_ = TimelineModel::build(*controller_->trace());
  indexLanes();
}

void TimelineView::indexLanes() {
  laneIndex_.clear();
  for (std::size_t i = 0; i < model_.lanes().size(); ++i) laneIndex_.emplace(model_.lanes()[i].task, static_cast<int>(i));
  follow_ = -1;
}

void TimelineView::setFontScale(double scale) {
  fontScale_ = scale;
  invalidateLanes();
}

void TimelineView::invalidateLanes() {
  lanes_ = QPixmap();
  update();
}

void TimelineView::changeEvent(QEvent* event) {
  // What the lanes were painted with: colours and fonts.
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
      event->type() == QEvent::StyleChange)
    invalidateLanes();
  QWidget::changeEvent(event);
}

void TimelineView::setCausalChain(std::vector<std::size_t> chain) {
  chain_ = std::move(chain);
  update();
}

void TimelineView::setHighContrast(bool on) {
  highContrast_ = on;
  invalidateLanes();
}

double TimelineView::unit() const { return 13.0 * fontScale_; }

double TimelineView::labelWidth() const {
  const double u = unit();
  QFont f = font();
  f.setPixelSize(static_cast<int>(std::lround(u * 0.9)));
  const QFontMetricsF fm(f);
  double w = 0;
  std::size_t n = 0;
  for (const auto& lane : model_.lanes()) {
    if (++n > 200) break;  // only so many lanes are ever shown
    w = std::max(w, fm.horizontalAdvance(lane.name));
  }
  return std::clamp(w + 0.9 * u, 6.5 * u, std::max(6.5 * u, std::min(13.0 * u, width() * 0.2)));
}

QRectF TimelineView::plotRect() const {
  const double u = unit();
  const double left = labelWidth() + 0.5 * u;
  return QRectF(left, 1.6 * u, std::max(10.0, width() - left - 0.6 * u), std::max(10.0, height() - 2.0 * u));
}

// Lanes never shrink below a height that still carries a legible name: with
// a thousand tasks, 3-pixel lanes read as texture, not as tasks. The lanes
// that do not fit are counted in the last row instead.
double TimelineView::laneHeight() const {
  const std::size_t lanes = std::max<std::size_t>(1, model_.lanes().size());
  return std::clamp(plotRect().height() / static_cast<double>(lanes), kMinLaneUnits * unit(), 2.2 * unit());
}

int TimelineView::shownLanes() const {
  const int fit = std::max(1, static_cast<int>(plotRect().height() / laneHeight()));
  const int lanes = static_cast<int>(model_.lanes().size());
  return lanes > fit ? std::max(1, fit - 1) : lanes;
}

// When lanes are left out, the last lane row follows the task the cursor is
// on: the running task, else the one it last showed. Lanes in creation order
// alone would hide Task-771 while it runs.
int TimelineView::followedLane() const {
  const int fixed = shownLanes() - 1;
  if (fixed + 1 >= static_cast<int>(model_.lanes().size())) return -1;  // everything fits
  const auto it = laneIndex_.find(controller_->state().running);
  if (it != laneIndex_.end() && it->second >= fixed) follow_ = it->second;
  if (follow_ < fixed || follow_ >= static_cast<int>(model_.lanes().size())) follow_ = fixed;
  return follow_;
}

double TimelineView::xForIndex(std::size_t index) const {
  const QRectF pr = plotRect();
  const double total = std::max(1.0, model_.totalUnits());
  return pr.left() + model_.xOf(index) / total * pr.width();
}

std::size_t TimelineView::indexAtX(double x) const {
  const QRectF pr = plotRect();
  const double total = std::max(1.0, model_.totalUnits());
  return model_.indexAt((x - pr.left()) / pr.width() * total);
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && controller_->hasTrace())
    controller_->seek(indexAtX(event->position().x()));
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
  if ((event->buttons() & Qt::LeftButton) && controller_->hasTrace())
    controller_->seek(indexAtX(event->position().x()));
}

void TimelineView::paintLanes(QPainter& p) const {
  p.fillRect(rect(), palette().base());
  const QColor text = palette().color(QPalette::Text);
  const double u = unit();
  QFont f = font();
  f.setPixelSize(static_cast<int>(std::lround(u * 0.9)));
  p.setFont(f);
  if (!controller_->hasTrace()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect(), Qt::AlignCenter, tr("No trace yet."));
    return;
  }
  const QRectF pr = plotRect();
  const double total = std::max(1.0, model_.totalUnits());
  auto X = [&](double units) { return pr.left() + units / total * pr.width(); };

  // Idle gaps: hatched columns labelled with the clock jump.
  for (const auto& g : model_.gaps()) {
    const QRectF col(X(g.x0), pr.top(), std::max(1.0, X(g.x1) - X(g.x0)), pr.height());
    p.fillRect(col, QBrush(palette().color(QPalette::Mid), Qt::Dense6Pattern));
    p.setPen(text);
    const QString label = tr("idle → %1").arg(formatTime(g.to));
    const double w = p.fontMetrics().horizontalAdvance(label);
    // At the bottom of the column: the top edge belongs to the playhead's time.
    p.drawText(QPointF(col.center().x() - w / 2, std::min<double>(height() - 0.3 * u, pr.bottom() + 0.1 * u)), label);
  }
  // Output marks along the top edge.
  std::unordered_map<trace::Id, int> laneOf;
  for (const auto& lane : model_.lanes()) laneOf.emplace(lane.task, lane.ordinal);
  p.setPen(Qt::NoPen);
  for (const auto& o : model_.outputs()) {
    // The lane's colour, not the cursor's state: a mark drawn before its task
    // exists at the cursor must not change colour as the playhead passes.
    const auto lane = o.task ? laneOf.find(o.task) : laneOf.end();
    const int ord = lane != laneOf.end() ? lane->second : -1;
    p.setBrush(ord >= 0 ? taskColor(ord) : text);
    const double x = X(o.x);
    const QPointF tri[3] = {{x - 0.3 * u, pr.top() - 0.3 * u}, {x + 0.3 * u, pr.top() - 0.3 * u}, {x, pr.top() + 0.1 * u}};
    p.drawPolygon(tri, 3);
  }

  // Lanes, with level of detail: when they do not fit, the last lane row
  // follows the cursor (painted per frame in paintEvent) and the row below
  // says how many are left out.
  const double lh = laneHeight();
  const int lanes = static_cast<int>(model_.lanes().size());
  const int shown = shownLanes();
  const int fixed = shown < lanes ? shown - 1 : shown;  // the last row of a crowd follows the cursor
  for (int i = 0; i < fixed; ++i)
    paintLane(p, model_.lanes()[static_cast<std::size_t>(i)], pr.top() + i * lh, QString());
  if (shown < lanes) {
    p.setPen(text);
    p.drawText(QRectF(0.3 * u, pr.top() + shown * lh, pr.width(), std::max(lh, u)), Qt::AlignLeft | Qt::AlignVCenter,
               tr("+%1 more tasks").arg(lanes - shown));
  }
}

// One lane at y: its name (after `prefix`) and its segments.
void TimelineView::paintLane(QPainter& p, const TimelineLane& lane, double y, const QString& prefix) const {
  const QColor text = palette().color(QPalette::Text);
  const double u = unit();
  const double lh = laneHeight();
  const QRectF pr = plotRect();
  const double total = std::max(1.0, model_.totalUnits());
  auto X = [&](double units) { return pr.left() + units / total * pr.width(); };
  const QFont f = p.font();
  QFont laneFont = f;
  laneFont.setPixelSize(static_cast<int>(std::lround(std::min(0.9 * u, lh * 0.92))));
  const QColor c = taskColor(lane.ordinal);
  const double bandH = std::max(2.0, lh * 0.7);
  const double yc = y + lh / 2;
  {  // The name: every shown lane is tall enough for it (laneHeight()).
    p.setPen(text);
    p.setFont(laneFont);
    const double lw = pr.left() - 0.6 * u;
    // Not clipped to the lane: a tight lane would cut off descenders and "_".
    p.drawText(QRectF(0.3 * u, y, lw, lh), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip,
               p.fontMetrics().elidedText(prefix + lane.name, Qt::ElideRight, static_cast<int>(lw)));
    p.setFont(f);
  }
  double lastX = -1e9;
  for (const auto& s : lane.segments) {
    const double x0 = X(s.x0), x1 = std::max(X(s.x1), x0 + 1.0);
    if (x1 < lastX + 0.5 && s.state != trace::TaskState::Running) continue;  // sub-pixel
    lastX = x1;
    const QRectF r(x0, yc - bandH / 2, x1 - x0, bandH);
    switch (s.state) {
      case trace::TaskState::Running:
        p.fillRect(r, c);
        if (highContrast_) p.fillRect(QRectF(r.left(), r.top(), r.width(), 2), Qt::black);
        break;
      case trace::TaskState::Scheduled:
        p.fillRect(r, QBrush(c, Qt::BDiagPattern));
        p.setPen(QPen(c, 1));
        p.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()));
        break;
      case trace::TaskState::Waiting:
        p.setPen(QPen(c, std::max(1.0, bandH * 0.18), Qt::DashLine));
        p.drawLine(QPointF(r.left(), yc), QPointF(r.right(), yc));
        break;
      case trace::TaskState::Done: {
        p.setPen(text);
        const QString mark = s.outcome == trace::FutureState::Failed      ? QStringLiteral("✗")
                             : s.outcome == trace::FutureState::Cancelled ? QStringLiteral("⊘")
                                                                          : QStringLiteral("✓");
        p.drawText(QRectF(x0 + 2, y, 1.5 * u, lh), Qt::AlignLeft | Qt::AlignVCenter, mark);
        break;
      }
    }
  }
}

void TimelineView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  // The lanes are the whole trace: only the playhead and the chain move with
  // the cursor, so the lanes are painted once into a pixmap and blitted (with
  // 1,000 tasks, painting them took longer than a frame).
  const qreal dpr = devicePixelRatioF();
  if (lanes_.isNull() || lanes_.size() != size() * dpr) {
    lanes_ = QPixmap(size() * dpr);
    lanes_.setDevicePixelRatio(dpr);
    QPainter lp(&lanes_);
    lp.setFont(font());
    paintLanes(lp);
  }
  p.drawPixmap(0, 0, lanes_);
  if (!controller_->hasTrace()) return;
  if (const int lane = followedLane(); lane >= 0) {
    QFont lf = font();
    lf.setPixelSize(static_cast<int>(std::lround(unit() * 0.9)));
    p.setFont(lf);
    const TimelineLane& l = model_.lanes()[static_cast<std::size_t>(lane)];
    const bool running = l.task == controller_->state().running;
    paintLane(p, l, plotRect().top() + (shownLanes() - 1) * laneHeight(), running ? QStringLiteral("▶ ") : QString());
  }
  const QColor text = palette().color(QPalette::Text);
  const double u = unit();
  QFont f = font();
  f.setPixelSize(static_cast<int>(std::lround(u * 0.9)));
  p.setFont(f);
  const QRectF pr = plotRect();
  const double total = std::max(1.0, model_.totalUnits());
  auto X = [&](double units) { return pr.left() + units / total * pr.width(); };
  // The playhead.
  const double x = xForIndex(controller_->cursor());
  // The chain behind the current event: numbered ticks across every lane.
  if (!chain_.empty()) {
    const QColor cc = highContrast_ ? text : Theme::instance()->colors().causal;
    QFont bold = p.font();
    bold.setBold(true);
    p.save();
    p.setFont(bold);
    for (std::size_t k = 0; k < chain_.size(); ++k) {
      const double cx = X(model_.xOf(chain_[k]) + 0.5);
      p.setPen(QPen(cc, 1.5 * fontScale_, Qt::DashLine));
      p.drawLine(QPointF(cx, pr.top()), QPointF(cx, pr.bottom()));
      p.setPen(cc);
      p.drawText(QRectF(cx - u, pr.bottom() - 1.1 * u, 2 * u, 1.1 * u), Qt::AlignCenter, QString::number(k + 1));
    }
    p.restore();
  }
  p.setPen(QPen(highContrast_ ? text : Theme::instance()->colors().accent, 2.0 * fontScale_));
  p.drawLine(QPointF(x, 0), QPointF(x, height()));
  p.setPen(text);
  const QString now = tr("t = %1").arg(formatTime(controller_->state().clock));
  const double w = p.fontMetrics().horizontalAdvance(now) + 4;
  p.drawText(QPointF(std::min(x + 3, width() - w), 0.95 * u), now);
}

}  // namespace ui
