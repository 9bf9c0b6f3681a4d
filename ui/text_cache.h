// text_cache.h: card texts laid out once and drawn many times.
//
// Shaping a string (QFontMetrics::elidedText, QPainter::drawText into a
// rectangle) costs more than drawing its glyphs, and the loop view draws the
// same few hundred captions in every frame of a glide and in most steps: with
// 1,000 tasks, shaping was half of a frame. The cache keeps each (font, width,
// lines, text) elided, wrapped and laid out as QStaticText, so a frame only
// blits glyphs. The pen, opacity and position come from the painter at draw
// time, so one entry serves every colour and every point of a glide.
#pragma once

#include <QFont>
#include <QHash>
#include <QRectF>
#include <QStaticText>
#include <QString>

#include <vector>

class QPainter;
class QFontMetricsF;

namespace ui {

// `text` broken at spaces into at most `lines` lines of `width`, the last
// one elided: a word longer than the cell ("Semaphore.acquire()") ends in
// "…" instead of being cut off by the next column.
QStringList wrapElided(const QFontMetricsF& fm, const QString& text, double width, int lines);

class TextCache {
 public:
  // Draws `text` with the painter's font and pen inside `rect`: wrapped at
  // spaces into at most `lines` lines, each elided at the right to the
  // rectangle's width, and aligned as `align` says (left, right or hcenter;
  // top, vcenter or bottom). Nothing is drawn outside the rectangle's width.
  void draw(QPainter& p, const QRectF& rect, Qt::Alignment align, const QString& text, int lines = 1);

  // The width of `text` on one line in the painter's font, as laid out for
  // drawing (measuring shapes the text: this measures once).
  double advance(QPainter& p, const QString& text);

  // Forget everything (the font or theme changed wholesale).
  void clear() { entries_.clear(); }
  qsizetype size() const { return entries_.size(); }

 private:
  struct Line {
    QStaticText text;
    double width = 0;
  };
  struct Entry {
    std::vector<Line> lines;
    double lineHeight = 0, ascent = 0;
  };
  const Entry& entry(QPainter& p, double width, int lines, const QString& text);

  QHash<QString, Entry> entries_;
  // QFont::key() formats every property of the font; a frame draws a few
  // hundred texts in a handful of fonts, so the last one's key is kept.
  QFont lastFont_;
  QString lastFontKey_;
};

}  // namespace ui
