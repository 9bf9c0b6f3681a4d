// card_sprites.h: finished card bodies kept as images between frames.
//
// A card body (rounded frame, colour stripe, bold title) costs an
// antialiased path fill, a stroke (dashed for waiting tasks) and a line of
// shaped text: about a tenth of a millisecond, and a 1080p loop view with
// 1,000 tasks shows a few hundred cards. Between two frames of a glide, and
// between most steps, a card's body does not change; only where it is does.
// So each body is painted once into an image keyed by everything it shows,
// and a frame blits it. Captions that do change from step to step (a ready
// handle's queue position) are drawn on top, not baked in.
#pragma once

#include <QHash>
#include <QHashFunctions>
#include <QImage>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <functional>

class QPainter;

namespace ui {

class CardSprites {
 public:
  // Draws the body `key` names at `rect`: from the cache, or painted first
  // by `paint` (given a painter on a transparent image and where `rect` is
  // on it). `margin` is how far the body's strokes reach outside `rect`.
  // `key` must say everything `paint` draws, apart from the position.
  void draw(QPainter& p, const QRectF& rect, double margin, const QString& key,
            const std::function<void(QPainter&, const QRectF&)>& paint);

  // Called once per frame: drops bodies unused for a few frames once there
  // are more than a window needs, so memory stays bounded.
  void endFrame();
  void clear() {
    sprites_.clear();
    bytes_ = 0;
  }
  qsizetype size() const { return sprites_.size(); }
  qsizetype bytes() const { return bytes_; }  // of all the images kept

 private:
  struct Sprite {
    QImage image;
    std::uint64_t lastUsed = 0;
  };
  // The body's key plus its size (tenths of a pixel) and device pixel
  // ratio: numbers, not text, as a frame looks up a few hundred of them.
  struct Key {
    QString body;
    int w10 = 0, h10 = 0, dpr100 = 0;
    bool operator==(const Key&) const = default;
  };
  friend size_t qHash(const Key& k, size_t seed) { return qHashMulti(seed, k.body, k.w10, k.h10, k.dpr100); }
  QHash<Key, Sprite> sprites_;
  std::uint64_t frame_ = 0;
  qsizetype bytes_ = 0;
};

}  // namespace ui
