// card_sprites.cpp: painting card bodies once, blitting them after.
#include "ui/card_sprites.h"

#include <QPainter>

#include <cmath>

namespace ui {

namespace {

// A 1080p view shows a few hundred cards; past this many bodies, those not
// drawn in the last frames go (each is some 20 to 60 KB at 1x).
constexpr qsizetype kKeep = 800;

}  // namespace

void CardSprites::draw(QPainter& p, const QRectF& rect, double margin, const QString& key,
                       const std::function<void(QPainter&, const QRectF&)>& paint) {
  const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
  // The size is part of the identity: cards of one area share a size, but a
  // resize or a compact layout makes new ones.
  const QString full = key + QLatin1Char('\x1f') + QString::number(rect.width(), 'f', 1) + QLatin1Char('x') +
                       QString::number(rect.height(), 'f', 1) + QLatin1Char('@') + QString::number(dpr);
  auto it = sprites_.find(full);
  if (it == sprites_.end()) {
    const QSizeF logical(std::ceil(rect.width() + 2 * margin), std::ceil(rect.height() + 2 * margin));
    Sprite s;
    s.image = QImage((logical * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    s.image.setDevicePixelRatio(dpr);
    s.image.fill(Qt::transparent);
    QPainter sp(&s.image);
    sp.setRenderHint(QPainter::Antialiasing);
    sp.setFont(p.font());
    paint(sp, QRectF(QPointF(margin, margin), rect.size()));
    sp.end();
    it = sprites_.insert(full, std::move(s));
  }
  it->lastUsed = frame_;
  // Whole pixels: a blit with no resampling (a glide moves in pixel steps).
  p.drawImage(QPointF(std::round(rect.left() - margin), std::round(rect.top() - margin)), it->image);
}

void CardSprites::endFrame() {
  ++frame_;
  if (sprites_.size() <= kKeep) return;
  for (auto it = sprites_.begin(); it != sprites_.end();) {
    if (it->lastUsed + 2 < frame_) it = sprites_.erase(it);
    else ++it;
  }
}

}  // namespace ui
