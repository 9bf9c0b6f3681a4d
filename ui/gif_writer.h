// gif_writer.h: a small animated GIF89a encoder for exporting playback.
//
// Qt reads GIFs but cannot write them, and an animation of a lesson is the
// easiest thing to drop into slides or a chat. Frames are reduced to one
// fixed global palette (a 6x7x6 colour cube plus four greys: 256 entries),
// which keeps every frame's colours stable — no flicker between frames as a
// per-frame palette would give — and suits flat UI colours well. Pixel data
// is LZW-compressed as the GIF89a specification describes; a NETSCAPE2.0
// application extension makes the animation loop.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

#include <array>
#include <cstdint>

namespace ui {

class GifWriter {
 public:
  // `loops` = 0 repeats forever (the NETSCAPE2.0 convention).
  explicit GifWriter(QSize size, int loops = 0);

  // Appends a frame shown for `delayMs` (GIF counts hundredths of a second,
  // so the delay is rounded to 10 ms). The image is scaled to the size if
  // it differs.
  void addFrame(const QImage& image, int delayMs);
  int frameCount() const { return frames_; }

  // The whole file, trailer included. Call once, after the last frame.
  QByteArray finish();
  // finish() written to `path`; false (and *error) when the disk refuses.
  bool save(const QString& path, QString* error = nullptr);

  // The palette every frame uses, and the index nearest to a colour.
  static const std::array<QRgb, 256>& palette();
  static std::uint8_t nearestIndex(QRgb colour);

 private:
  void writeHeader();
  void put16(int v);

  QSize size_;
  int loops_;
  int frames_ = 0;
  QByteArray out_;
};

// GIF's LZW variant over 8-bit indices, including the leading minimum code
// size byte and the data sub-blocks with their zero terminator. Exposed for tests.
QByteArray gifLzwEncode(const QByteArray& indices);

}  // namespace ui
