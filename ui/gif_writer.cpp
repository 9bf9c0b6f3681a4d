// gif_writer.cpp: palette mapping, LZW compression and the GIF89a blocks.
#include "ui/gif_writer.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <vector>

namespace ui {

namespace {

constexpr int kCubeR = 6, kCubeG = 7, kCubeB = 6;  // 252 colours; green gets the extra level (the eye's best)
constexpr int kGreys[] = {96, 160, 208, 240};      // light UI greys the cube would miss
constexpr int kMaxCodes = 4096;                    // GIF codes are at most 12 bits

int cubeLevel(int value, int levels) { return (value * (levels - 1) + 127) / 255; }
int levelValue(int level, int levels) { return (level * 255 + (levels - 1) / 2) / (levels - 1); }

std::array<QRgb, 256> buildPalette() {
  std::array<QRgb, 256> p{};
  int i = 0;
  for (int r = 0; r < kCubeR; ++r)
    for (int g = 0; g < kCubeG; ++g)
      for (int b = 0; b < kCubeB; ++b)
        p[i++] = qRgb(levelValue(r, kCubeR), levelValue(g, kCubeG), levelValue(b, kCubeB));
  for (int grey : kGreys) p[i++] = qRgb(grey, grey, grey);
  return p;
}

int distance2(QRgb a, QRgb b) {
  const int dr = qRed(a) - qRed(b), dg = qGreen(a) - qGreen(b), db = qBlue(a) - qBlue(b);
  return dr * dr + dg * dg + db * db;
}

// Packs variable-width codes least significant bit first into 255-byte sub-blocks.
class CodeWriter {
 public:
  explicit CodeWriter(QByteArray& out) : out_(out) {}
  void put(int code, int width) {
    bits_ |= static_cast<std::uint32_t>(code) << count_;
    count_ += width;
    while (count_ >= 8) {
      byte(static_cast<char>(bits_ & 0xff));
      bits_ >>= 8;
      count_ -= 8;
    }
  }
  void finish() {
    if (count_ > 0) byte(static_cast<char>(bits_ & 0xff));
    bits_ = 0;
    count_ = 0;
    flushBlock();
    out_.append('\0');  // block terminator
  }

 private:
  void byte(char c) {
    block_.append(c);
    if (block_.size() == 255) flushBlock();
  }
  void flushBlock() {
    if (block_.isEmpty()) return;
    out_.append(static_cast<char>(block_.size()));
    out_.append(block_);
    block_.clear();
  }
  QByteArray& out_;
  QByteArray block_;
  std::uint32_t bits_ = 0;
  int count_ = 0;
};

}  // namespace

const std::array<QRgb, 256>& GifWriter::palette() {
  static const std::array<QRgb, 256> p = buildPalette();
  return p;
}

std::uint8_t GifWriter::nearestIndex(QRgb c) {
  const auto& p = palette();
  const int r = cubeLevel(qRed(c), kCubeR), g = cubeLevel(qGreen(c), kCubeG), b = cubeLevel(qBlue(c), kCubeB);
  int best = (r * kCubeG + g) * kCubeB + b;
  int bestD = distance2(c, p[best]);
  for (int i = kCubeR * kCubeG * kCubeB; i < 256; ++i) {
    const int d = distance2(c, p[i]);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return static_cast<std::uint8_t>(best);
}

QByteArray gifLzwEncode(const QByteArray& indices) {
  constexpr int kMinCodeSize = 8;
  constexpr int kClear = 1 << kMinCodeSize, kEnd = kClear + 1;
  QByteArray out;
  out.append(static_cast<char>(kMinCodeSize));
  CodeWriter w(out);
  // children[code * 256 + byte]: the code for string(code) + byte, 0 = none
  // (real entries are always above kEnd, so 0 is free to mean "absent").
  std::vector<std::uint16_t> children(static_cast<std::size_t>(kMaxCodes) * 256, 0);
  int width = kMinCodeSize + 1;
  int last = kEnd;  // the highest code assigned so far
  w.put(kClear, width);
  if (indices.isEmpty()) {
    w.put(kEnd, width);
    w.finish();
    return out;
  }
  const auto* data = reinterpret_cast<const std::uint8_t*>(indices.constData());
  int prefix = data[0];
  for (qsizetype i = 1; i < indices.size(); ++i) {
    const int k = data[i];
    const std::uint16_t child = children[static_cast<std::size_t>(prefix) * 256 + k];
    if (child) {
      prefix = child;
      continue;
    }
    w.put(prefix, width);
    // The decoder adds each entry one code later than we do, and widens as
    // soon as its next free code needs another bit: widen at the same point.
    children[static_cast<std::size_t>(prefix) * 256 + k] = static_cast<std::uint16_t>(++last);
    if (last >= (1 << width) && width < 12) ++width;
    if (last == kMaxCodes - 1) {
      // Table full: start over so long frames keep compressing well.
      w.put(kClear, width);
      std::fill(children.begin(), children.end(), 0);
      width = kMinCodeSize + 1;
      last = kEnd;
    }
    prefix = k;
  }
  w.put(prefix, width);
  // The decoder adds one more entry on reading that last code; if that
  // entry fills the current width, the end code is already one bit wider.
  if (last != kEnd && last + 1 >= (1 << width) && width < 12) ++width;
  w.put(kEnd, width);
  w.finish();
  return out;
}

GifWriter::GifWriter(QSize size, int loops) : size_(size), loops_(loops) { writeHeader(); }

void GifWriter::put16(int v) {
  out_.append(static_cast<char>(v & 0xff));
  out_.append(static_cast<char>((v >> 8) & 0xff));
}

void GifWriter::writeHeader() {
  out_.append("GIF89a", 6);
  put16(size_.width());
  put16(size_.height());
  // Global colour table present, 8 bits of colour resolution, 2^(7+1) entries.
  out_.append(static_cast<char>(0xF7));
  out_.append('\0');  // background colour index
  out_.append('\0');  // square pixels
  for (QRgb c : palette()) {
    out_.append(static_cast<char>(qRed(c)));
    out_.append(static_cast<char>(qGreen(c)));
    out_.append(static_cast<char>(qBlue(c)));
  }
  // NETSCAPE2.0: repeat the animation `loops_` times (0 = forever).
  out_.append("\x21\xFF\x0B", 3);
  out_.append("NETSCAPE2.0", 11);
  out_.append("\x03\x01", 2);
  put16(loops_);
  out_.append('\0');
}

void GifWriter::addFrame(const QImage& image, int delayMs) {
  QImage frame = image.size() == size_ ? image : image.scaled(size_, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  frame = frame.convertToFormat(QImage::Format_RGB32);
  // Graphic control extension: leave the frame in place (disposal 1), its delay.
  out_.append("\x21\xF9\x04", 3);
  out_.append(static_cast<char>(0x04));
  put16(std::clamp((delayMs + 5) / 10, 0, 0xffff));
  out_.append('\0');  // transparent index (unused)
  out_.append('\0');
  // Image descriptor: the whole canvas, global palette, not interlaced.
  out_.append(static_cast<char>(0x2C));
  put16(0);
  put16(0);
  put16(size_.width());
  put16(size_.height());
  out_.append('\0');

  QByteArray indices;
  indices.resize(static_cast<qsizetype>(size_.width()) * size_.height());
  char* dst = indices.data();
  // Flat UI images repeat colours in long runs: remember the last lookup.
  QRgb lastColour = 0;
  std::uint8_t lastIndex = nearestIndex(0);
  for (int y = 0; y < size_.height(); ++y) {
    const auto* row = reinterpret_cast<const QRgb*>(frame.constScanLine(y));
    for (int x = 0; x < size_.width(); ++x) {
      const QRgb c = row[x] & 0xffffff;
      if (c != lastColour) {
        lastColour = c;
        lastIndex = nearestIndex(c);
      }
      *dst++ = static_cast<char>(lastIndex);
    }
  }
  out_.append(gifLzwEncode(indices));
  ++frames_;
}

QByteArray GifWriter::finish() {
  QByteArray all = out_;
  all.append(static_cast<char>(0x3B));
  return all;
}

bool GifWriter::save(const QString& path, QString* error) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(finish()) < 0 || !f.commit()) {
    if (error) *error = f.errorString();
    return false;
  }
  return true;
}

}  // namespace ui
