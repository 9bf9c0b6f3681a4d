// test_render_caches.cpp: the caches that keep the loop view and timeline
// fast with 1,000 tasks draw what uncached painting draws, reuse their
// entries, stay within bounds, never paint outside where they are told, and
// are dropped when what they show changes.
#include <QApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QtTest>

#include "support/foo_bar_fixture.h"
#include "ui/card_sprites.h"
#include "ui/playback_controller.h"
#include "ui/text_cache.h"
#include "ui/timeline_view.h"

namespace {

QImage blank(int w, int h) {
  QImage img(w, h, QImage::Format_ARGB32_Premultiplied);
  img.fill(Qt::white);
  return img;
}

// The columns of `img` in which some pixel is not white.
std::pair<int, int> inkColumns(const QImage& img) {
  int first = img.width(), last = -1;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x)
      if (img.pixel(x, y) != qRgb(255, 255, 255)) {
        first = std::min(first, x);
        last = std::max(last, x);
      }
  return {first, last};
}

}  // namespace

class TestRenderCaches : public QObject {
  Q_OBJECT

 private slots:
  void textIsLaidOutOncePerTextFontAndWidth() {
    ui::TextCache cache;
    QImage img = blank(400, 40);
    QPainter p(&img);
    p.setPen(Qt::black);
    cache.draw(p, QRectF(0, 0, 300, 40), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("worker · Task-7"));
    cache.draw(p, QRectF(50, 0, 300, 40), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("worker · Task-7"));
    QCOMPARE(cache.size(), 1);  // moved, not new
    cache.draw(p, QRectF(0, 0, 120, 40), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("worker · Task-7"));
    QCOMPARE(cache.size(), 2);  // another width elides differently
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    cache.draw(p, QRectF(0, 0, 300, 40), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("worker · Task-7"));
    QCOMPARE(cache.size(), 3);
  }

  void advanceIsTheFontsAndMeasuredOnce() {
    ui::TextCache cache;
    QImage img = blank(40, 40);
    QPainter p(&img);
    const QString item = QStringLiteral("item-12 (a long queue item)");
    QCOMPARE(cache.advance(p, item), QFontMetricsF(p.font()).horizontalAdvance(item));
    QCOMPARE(cache.advance(p, item), QFontMetricsF(p.font()).horizontalAdvance(item));
    QCOMPARE(cache.size(), 1);
    // The font changed between calls: measured again, in the new font.
    QFont big = p.font();
    big.setPixelSize(40);
    p.setFont(big);
    QCOMPARE(cache.advance(p, item), QFontMetricsF(big).horizontalAdvance(item));
    QCOMPARE(cache.size(), 2);
  }

  void textIsElidedToTheRectangle() {
    ui::TextCache cache;
    QImage img = blank(400, 40);
    QPainter p(&img);
    p.setPen(Qt::black);
    const QString longText = QStringLiteral("awaits Semaphore.acquire() of a crawler with a very long name");
    cache.draw(p, QRectF(100, 0, 150, 40), Qt::AlignLeft | Qt::AlignVCenter, longText);
    p.end();
    const auto [first, last] = inkColumns(img);
    QVERIFY(first >= 100);
    QVERIFY2(last < 250, qPrintable(QString::number(last)));
  }

  void textIsAlignedAsAsked() {
    ui::TextCache cache;
    QImage left = blank(400, 40), right = blank(400, 40), centre = blank(400, 40);
    for (auto [img, align] : {std::pair{&left, Qt::AlignLeft}, std::pair{&right, Qt::AlignRight},
                              std::pair{&centre, Qt::AlignHCenter}}) {
      QPainter p(img);
      p.setPen(Qt::black);
      cache.draw(p, QRectF(0, 0, 400, 40), align | Qt::AlignVCenter, QStringLiteral("t = 1.000"));
    }
    const auto l = inkColumns(left), r = inkColumns(right), c = inkColumns(centre);
    QVERIFY(l.first < 5);
    QVERIFY(r.second > 394);
    QVERIFY(std::abs((c.first + c.second) / 2 - 200) < 5);
  }

  void wrappingKeepsToTheLinesAndWidth() {
    const QFontMetricsF fm(QApplication::font());
    const QString text = QStringLiteral("awaits gather(worker(1), worker(2), worker(3)) · timer 4.000");
    const double width = fm.horizontalAdvance(QStringLiteral("awaits gather(worker(1),")) + 2;
    const QStringList lines = ui::wrapElided(fm, text, width, 2);
    QCOMPARE(lines.size(), 2);
    for (const QString& l : lines) QVERIFY2(fm.horizontalAdvance(l) <= width + 0.5, qPrintable(l));
    QVERIFY(lines.first().startsWith(QStringLiteral("awaits")));
    QVERIFY2(lines.last().endsWith(QChar(0x2026)), qPrintable(lines.last()));  // the rest did not fit
    QCOMPARE(ui::wrapElided(fm, QStringLiteral("short"), width, 2), QStringList{QStringLiteral("short")});
  }

  void aBodyIsPaintedOnceAndBlittedWhereverTheCardIs() {
    ui::CardSprites sprites;
    int painted = 0;
    auto paint = [&](QPainter& p, const QRectF& r) {
      ++painted;
      p.setPen(QPen(Qt::black, 2));
      p.setBrush(Qt::yellow);
      p.drawRoundedRect(r, 6, 6);
    };
    QImage img = blank(400, 100);
    QPainter p(&img);
    sprites.draw(p, QRectF(10, 10, 100, 40), 3, QStringLiteral("task|a"), paint);
    sprites.draw(p, QRectF(200, 50, 100, 40), 3, QStringLiteral("task|a"), paint);
    QCOMPARE(painted, 1);
    sprites.draw(p, QRectF(10, 10, 120, 40), 3, QStringLiteral("task|a"), paint);  // another size
    sprites.draw(p, QRectF(10, 10, 100, 40), 3, QStringLiteral("task|b"), paint);  // another body
    QCOMPARE(painted, 3);
    QCOMPARE(sprites.size(), 3);
    p.end();
    // Both blits landed where their cards are: yellow inside each.
    QCOMPARE(QColor(img.pixel(60, 30)), QColor(Qt::yellow));
    QCOMPARE(QColor(img.pixel(250, 70)), QColor(Qt::yellow));
    QCOMPARE(QColor(img.pixel(250, 20)), QColor(Qt::white));
  }

  void aSpriteLooksLikeDirectPainting() {
    auto paint = [](QPainter& p, const QRectF& r) {
      p.setPen(QPen(Qt::darkBlue, 3, Qt::DashLine));
      p.setBrush(QColor(255, 200, 0));
      p.drawRoundedRect(r, 6, 6);
    };
    const QRectF card(20, 15, 140, 50);
    QImage direct = blank(200, 80), cached = blank(200, 80);
    {
      QPainter p(&direct);
      p.setRenderHint(QPainter::Antialiasing);
      paint(p, card);
    }
    {
      ui::CardSprites sprites;
      QPainter p(&cached);
      sprites.draw(p, card, 3, QStringLiteral("k"), paint);
    }
    // Same pixels up to antialiasing rounding at the edges.
    int differ = 0;
    for (int y = 0; y < direct.height(); ++y)
      for (int x = 0; x < direct.width(); ++x) {
        const QColor a(direct.pixel(x, y)), b(cached.pixel(x, y));
        if (std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) > 24) ++differ;
      }
    QVERIFY2(differ < 20, qPrintable(QString::number(differ)));
  }

  void unusedBodiesAreDroppedOnceThereAreMany() {
    ui::CardSprites sprites;
    QImage img = blank(50, 50);
    QPainter p(&img);
    auto paint = [](QPainter& q, const QRectF& r) { q.fillRect(r, Qt::red); };
    for (int i = 0; i < 2000; ++i) sprites.draw(p, QRectF(0, 0, 10, 10), 1, QString::number(i), paint);
    sprites.endFrame();
    QCOMPARE(sprites.size(), 2000);  // all drawn in this frame: kept
    for (int f = 0; f < 3; ++f) {
      sprites.draw(p, QRectF(0, 0, 10, 10), 1, QStringLiteral("7"), paint);
      sprites.endFrame();
    }
    QCOMPARE(sprites.size(), 1);  // only the one still drawn
  }

  void fewButLargeBodiesAreDroppedToo() {
    ui::CardSprites sprites;
    QImage img = blank(50, 50);
    QPainter p(&img);
    auto paint = [](QPainter& q, const QRectF& r) { q.fillRect(r, Qt::red); };
    // Twelve 4 MB pictures: few, but 48 MB.
    for (int i = 0; i < 12; ++i) sprites.draw(p, QRectF(0, 0, 1022, 1022), 1, QString::number(i), paint);
    sprites.endFrame();
    QCOMPARE(sprites.size(), 12);  // all drawn in this frame: kept
    QCOMPARE(sprites.bytes(), 12 * 1024 * 1024 * 4);
    for (int f = 0; f < 3; ++f) {
      sprites.draw(p, QRectF(0, 0, 1022, 1022), 1, QStringLiteral("7"), paint);
      sprites.endFrame();
    }
    QCOMPARE(sprites.size(), 1);
    QCOMPARE(sprites.bytes(), 1024 * 1024 * 4);
  }

  // The timeline paints its lanes once per trace and look: the playhead
  // still follows the cursor, and a new palette still repaints the lanes.
  void timelineLanesFollowTheLookAndThePlayheadTheCursor() {
    ui::PlaybackController controller;
    ui::TimelineView view(&controller);
    view.resize(600, 160);
    controller.setTrace(fixture::makeFooBarTrace());
    auto grab = [&] {
      QImage img(view.size(), QImage::Format_ARGB32_Premultiplied);
      view.render(&img);
      return img;
    };
    controller.seek(0);
    const QImage start = grab();
    controller.seek(controller.trace()->size() - 1);
    const QImage end = grab();
    const int atStart = static_cast<int>(view.xForIndex(0));
    const int atEnd = static_cast<int>(view.xForIndex(controller.trace()->size() - 1));
    // The playhead column differs between the two frames at both places.
    auto column = [](const QImage& img, int x) {
      QList<QRgb> c;
      for (int y = 0; y < img.height(); ++y) c << img.pixel(x, y);
      return c;
    };
    QVERIFY(column(start, atStart) != column(end, atStart));
    QVERIFY(column(start, atEnd) != column(end, atEnd));
    // A new base colour reaches the lanes' background.
    QPalette pal = view.palette();
    pal.setColor(QPalette::Base, QColor(10, 200, 30));
    view.setPalette(pal);
    QCOMPARE(QColor(grab().pixel(2, view.height() - 2)), QColor(10, 200, 30));
  }
};

QTEST_MAIN(TestRenderCaches)
#include "test_render_caches.moc"
