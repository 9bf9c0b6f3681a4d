// text_cache.cpp: eliding, wrapping and laying out card texts once.
#include "ui/text_cache.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace ui {

namespace {

// Past this many distinct strings the cache starts afresh: a long run with
// ever-new captions ("t=3.141 …") must not grow it without bound.
constexpr qsizetype kMaxEntries = 8192;

}  // namespace

QStringList wrapElided(const QFontMetricsF& fm, const QString& text, double width, int lines) {
  QStringList out;
  QString line;
  const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  for (qsizetype i = 0; i < words.size(); ++i) {
    const QString candidate = line.isEmpty() ? words[i] : line + QLatin1Char(' ') + words[i];
    if (line.isEmpty() || fm.horizontalAdvance(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (static_cast<int>(out.size()) + 1 == lines) {
      line = candidate;  // the last line takes the rest, elided below
      continue;
    }
    out << fm.elidedText(line, Qt::ElideRight, width);
    line = words[i];
  }
  if (!line.isEmpty()) out << fm.elidedText(line, Qt::ElideRight, width);
  return out;
}

const TextCache::Entry& TextCache::entry(QPainter& p, double width, int lines, const QString& text) {
  // Widths are whole pixels in the key, as elision works in whole pixels.
  const int w = static_cast<int>(std::floor(width));
  if (lastFontKey_.isEmpty() || !(p.font() == lastFont_)) {
    lastFont_ = p.font();
    lastFontKey_ = lastFont_.key();
  }
  QString key = lastFontKey_;
  key += QLatin1Char('\x1f') + QString::number(w) + QLatin1Char('\x1f') + QString::number(lines) +
         QLatin1Char('\x1f') + text;
  if (auto it = entries_.constFind(key); it != entries_.constEnd()) return *it;
  if (entries_.size() >= kMaxEntries) entries_.clear();
  const QFontMetricsF fm(p.font());
  Entry e;
  e.lineHeight = fm.height();
  e.ascent = fm.ascent();
  const QStringList parts = lines <= 1 ? QStringList{fm.elidedText(text, Qt::ElideRight, w)}
                                       : wrapElided(fm, text, w, lines);
  for (const QString& part : parts) {
    Line l;
    l.text.setTextFormat(Qt::PlainText);
    l.text.setPerformanceHint(QStaticText::AggressiveCaching);
    l.text.setText(part);
    l.text.prepare(QTransform(), p.font());
    l.width = fm.horizontalAdvance(part);
    e.lines.push_back(std::move(l));
  }
  return *entries_.insert(key, std::move(e));
}

double TextCache::advance(QPainter& p, const QString& text) {
  if (text.isEmpty()) return 0;
  // Wider than any window: the one line is never elided.
  const Entry& e = entry(p, 1 << 20, 1, text);
  return e.lines.empty() ? 0 : e.lines.front().width;
}

void TextCache::draw(QPainter& p, const QRectF& rect, Qt::Alignment align, const QString& text, int lines) {
  if (text.isEmpty() || rect.width() <= 0) return;
  const Entry& e = entry(p, rect.width(), lines, text);
  const double total = e.lineHeight * static_cast<double>(e.lines.size());
  double y = rect.top();
  if (align & Qt::AlignVCenter) y = rect.top() + (rect.height() - total) / 2;
  else if (align & Qt::AlignBottom) y = rect.bottom() - total;
  for (const Line& l : e.lines) {
    double x = rect.left();
    if (align & Qt::AlignHCenter) x = rect.left() + (rect.width() - l.width) / 2;
    else if (align & Qt::AlignRight) x = rect.right() - l.width;
    p.drawStaticText(QPointF(x, y), l.text);
    y += e.lineHeight;
  }
}

}  // namespace ui
