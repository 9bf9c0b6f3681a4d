// loop_view_causality.cpp: the loop view's "Why did this happen?" overlay.
//
// The chain from causalChain() is drawn over the cards as numbered dashed
// outlines (where each item was when it acted) joined by arrows, numbered as
// the narration's "Why now" sentence numbers them, so words and picture
// can be read together.
#include <QPainter>
#include <QPainterPath>

#include <cmath>

#include "ui/causality.h"
#include "ui/loop_view.h"
#include "ui/playback_controller.h"
#include "ui/theme.h"

namespace ui {

void LoopView::showCausality(std::size_t index) {
  const auto& t = controller_->trace();
  if (!t || index >= t->size()) {
    clearCausality();
    return;
  }
  causalChain_ = ui::causalChain(*t, index);
  causal_ = ui::causalGeometry(*t, causalChain_, size(), options_);
  update();
}

void LoopView::clearCausality() {
  causalChain_.clear();
  causal_ = {};
  update();
}

void LoopView::paintCausality(QPainter& p) const {
  if (causal_.steps.empty()) return;
  const double u = layout_.unit();
  const QColor c = highContrast_ ? palette().color(QPalette::Text) : Theme::instance()->colors().causal;
  p.save();
  p.setRenderHint(QPainter::Antialiasing);
  for (const auto& s : causal_.steps) {
    p.setPen(QPen(c, stroke() * 2.2, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(s.rect.adjusted(-3, -3, 3, 3), 7, 7);
  }
  for (const auto& a : causal_.arrows) {
    p.setPen(QPen(c, stroke() * 2.4));
    const QLineF line(a.start, a.end);
    // A gentle curve, so arrows between cards of one row do not run along it.
    QPainterPath path(a.start);
    const QPointF mid = (a.start + a.end) / 2 + QPointF(-line.dy(), line.dx()) * 0.12;
    path.quadTo(mid, a.end);
    p.drawPath(path);
    const QLineF tail(mid, a.end);
    const double ang = std::atan2(tail.dy(), tail.dx());
    const double len = 0.8 * u;
    QPainterPath head;
    head.moveTo(a.end);
    head.lineTo(a.end - QPointF(std::cos(ang - 0.45), std::sin(ang - 0.45)) * len);
    head.lineTo(a.end - QPointF(std::cos(ang + 0.45), std::sin(ang + 0.45)) * len);
    head.closeSubpath();
    p.fillPath(head, c);
  }
  // Number badges at each outline's top-left corner.
  QFont f = font();
  f.setPixelSize(std::max(9, static_cast<int>(std::lround(0.85 * u))));
  f.setBold(true);
  p.setFont(f);
  const double r = 0.65 * u;
  for (const auto& s : causal_.steps) {
    const QPointF at = s.rect.topLeft() + QPointF(-0.2 * u, -0.2 * u);
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawEllipse(at, r, r);
    p.setPen(palette().color(QPalette::Base));
    p.drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QString::number(s.number));
  }
  p.restore();
}

}  // namespace ui
