// card_sprites.cpp: painting card bodies once, blitting them after.
#include "ui/card_sprites.h"

#include <QPainter>

#include <cmath>

namespace ui {

namespace {

// A 1080p view shows a few hundred cards (each some 20 to 60 KB at 1x) and
// a queue's pipe (a few hundred KB); past this many bodies or bytes, those
// not drawn in the last frames go.
constexpr qsizetype kKeep = 800;
constexpr qsizetype kKeepBytes = qsizetype{32} << 20;

}  // namespace

void CardSprites::draw(QPainter& p, const QRectF& rect, double margin, const QString& key,
                       const std::function<void(QPainter&, const QRectF&)>& paint) {
  const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
  // The size is part of the identity: cards of one area share a size, but a
  // resize or a compact layout makes new ones.
  const Key full{key, static_cast<int>(std::lround(rect.width() * 10)), static_cast<int>(std::lround(rect.height() * 10)),
                 static_cast<int>(std::lround(dpr * 100))};
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
    bytes_ += s.image.sizeInBytes();
    it = sprites_.insert(full, std::move(s));
  }
  it->lastUsed = frame_;
  // Whole pixels: a blit with no resampling (a glide moves in pixel steps).
  p.drawImage(QPointF(std::round(rect.left() - margin), std::round(rect.top() - margin)), it->image);
}

void CardSprites::endFrame() {
  ++frame_;
  if (sprites_.size() <= kKeep && bytes_ <= kKeepBytes) return;
  for (auto it = sprites_.begin(); it != sprites_.end();) {
    if (it->lastUsed + 2 < frame_) {
      bytes_ -= it->image.sizeInBytes();
      it = sprites_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace ui
