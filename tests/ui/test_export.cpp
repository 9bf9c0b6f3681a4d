// test_export.cpp: every File ▸ Export format is read back by an
// independent reader. JSON Lines round-trips through trace::readJsonLines,
// the Chrome trace parses as JSON with a track per task and the loop's
// blocked time, PNG and SVG open at the requested size, the GIF opens in
// Qt's own decoder with the right frames, delays and (within palette
// quantisation) pixels, and a storyboard's index.html names every picture
// and caption.
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMovie>
#include <QPainter>
#include <QRandomGenerator>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <set>

#include "core/trace/export_jsonl.h"
#include "support/fake_runner.h"
#include "support/foo_bar_fixture.h"
#include "ui/export_dialogs.h"
#include "ui/export_trace.h"
#include "ui/export_view.h"
#include "ui/gif_writer.h"
#include "ui/main_window.h"
#include "ui/narration.h"
#include "ui/playback_controller.h"
#include "ui/storyboard.h"

using trace::EventKind;

namespace {

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A run where Task-1 blocks the loop with time.sleep(0.25) between two awaits.
std::shared_ptr<const trace::Trace> makeBlockingTrace() {
  trace::Recorder rec("blocking.py", "import asyncio, time\n");
  rec.record(EventKind::RunBegin, 0, 0, rec.intern("blocking.py"));
  rec.record(EventKind::TaskCreated, 1, 0, rec.intern("Task-1"));
  rec.record(EventKind::TaskCoroutine, 1, 3, rec.intern("main"));
  rec.record(EventKind::TaskCreated, 3, 1, rec.intern("Task-2"));
  rec.record(EventKind::TaskCoroutine, 3, 7, rec.intern("worker"));
  rec.record(EventKind::LoopIterationBegin, 1);
  rec.record(EventKind::TaskStepBegin, 1);
  rec.record(EventKind::LoopBlocked, 1, 4, 0, 0.25);
  rec.record(EventKind::TaskDone, 1, 0, rec.intern("None"), 0.0,
             static_cast<std::uint8_t>(trace::FutureState::Finished));
  rec.record(EventKind::TaskStepBegin, 3);
  rec.record(EventKind::TaskDone, 3, 0, rec.intern("None"), 0.0,
             static_cast<std::uint8_t>(trace::FutureState::Finished));
  rec.record(EventKind::LoopIterationEnd, 1);
  rec.record(EventKind::RunEnd, 0);
  return rec.finish();
}

// Fraction of pixels whose channels all lie within `tolerance` of the reference.
double closeFraction(const QImage& a, const QImage& b, int tolerance) {
  if (a.size() != b.size()) return 0.0;
  qint64 close = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) {
      const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
      if (std::abs(qRed(p) - qRed(q)) <= tolerance && std::abs(qGreen(p) - qGreen(q)) <= tolerance &&
          std::abs(qBlue(p) - qBlue(q)) <= tolerance)
        ++close;
    }
  return double(close) / (double(a.width()) * a.height());
}

QAction* findAction(QMenu* m, const QString& name) {
  return m ? m->findChild<QAction*>(name) : nullptr;
}

}  // namespace

class TestExport : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::shared_ptr<const trace::Trace> t_ = fixture::makeFooBarTrace();

  QString path(const QString& name) const { return dir_.filePath(name); }

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void jsonLinesRoundTripsToTheSameEvents() {
    QString error;
    QVERIFY2(ui::exportTraceJsonLines(*t_, path(QStringLiteral("t.jsonl")), &error), qPrintable(error));
    std::ifstream in(path(QStringLiteral("t.jsonl")).toStdString(), std::ios::binary);
    std::string why;
    const auto back = trace::readJsonLines(in, &why);
    QVERIFY2(back, why.c_str());
    QCOMPARE(back->size(), t_->size());
    QCOMPARE(back->source(), t_->source());
    QCOMPARE(back->fileName(), t_->fileName());
    for (std::size_t i = 0; i < t_->size(); ++i) {
      const trace::Event &x = (*t_)[i], &y = (*back)[i];
      QCOMPARE(int(y.kind), int(x.kind));
      QCOMPARE(y.flags, x.flags);
      QCOMPARE(y.a, x.a);
      QCOMPARE(y.b, x.b);
      QCOMPARE(back->str(y.c), t_->str(x.c));
      QCOMPARE(y.d, x.d);
    }
    QVERIFY(fixture::sameState(back->stateAt(back->size()), t_->stateAt(t_->size())));
  }

  void chromeTraceHasATrackPerTaskAndMarksBlockedTime() {
    const auto blocking = makeBlockingTrace();
    QString error;
    QVERIFY2(ui::exportTraceChrome(*blocking, path(QStringLiteral("t.json")), &error), qPrintable(error));
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(path(QStringLiteral("t.json"))), &parse);
    QVERIFY2(parse.error == QJsonParseError::NoError, qPrintable(parse.errorString()));
    const QJsonArray events = doc.object().value(QStringLiteral("traceEvents")).toArray();
    QVERIFY(!events.isEmpty());
    QMap<int, QString> threads;  // tid -> thread name
    for (const auto& v : events) {
      const QJsonObject e = v.toObject();
      if (e.value(QStringLiteral("ph")).toString() == QLatin1String("M") &&
          e.value(QStringLiteral("name")).toString() == QLatin1String("thread_name"))
        threads.insert(e.value(QStringLiteral("tid")).toInt(),
                       e.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString());
    }
    // The loop, plus one track per task named after the task (and its coroutine).
    QCOMPARE(threads.size(), 3);
    QStringList names = threads.values();
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("Task-1 main"), QStringLiteral("Task-2 worker"), QStringLiteral("loop")}));
    const int loopTid = threads.key(QStringLiteral("loop"));
    bool blocked = false;
    QSet<int> stepTracks;
    for (const auto& v : events) {
      const QJsonObject e = v.toObject();
      if (e.value(QStringLiteral("ph")).toString() != QLatin1String("X")) continue;
      if (e.value(QStringLiteral("cat")).toString() == QLatin1String("step"))
        stepTracks.insert(e.value(QStringLiteral("tid")).toInt());
      if (e.value(QStringLiteral("name")).toString().startsWith(QStringLiteral("blocked"))) {
        blocked = true;
        QCOMPARE(e.value(QStringLiteral("tid")).toInt(), loopTid);
        QCOMPARE(e.value(QStringLiteral("dur")).toDouble(), 0.25e6);  // microseconds
        QVERIFY(e.value(QStringLiteral("name")).toString().contains(QStringLiteral("Task-1")));
      }
    }
    QVERIFY(blocked);
    QCOMPARE(stepTracks.size(), 2);  // each task's steps on its own track
    QVERIFY(!stepTracks.contains(loopTid));
  }

  void pngAndSvgOpenAtTheRequestedSize() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.setTrace(t_, QString::fromStdString(t_->source()));
    const std::size_t mid = fixture::findEvent(*t_, EventKind::TaskSuspended, fixture::kBar) + 1;
    w.seek(3);
    QString error;
    QVERIFY2(ui::exportViewPng(w, mid, QSize(1280, 720), path(QStringLiteral("v.png")), &error), qPrintable(error));
    QCOMPARE(w.cursor(), std::size_t{3});  // the export put the cursor back
    QImageReader png(path(QStringLiteral("v.png")));
    QCOMPARE(png.format(), QByteArray("png"));
    QCOMPARE(png.size(), QSize(1280, 720));
    QVERIFY(!png.read().isNull());

    QVERIFY2(ui::exportViewSvg(w, mid, QSize(1600, 900), path(QStringLiteral("v.svg")), &error), qPrintable(error));
    QSvgRenderer svg(path(QStringLiteral("v.svg")));
    QVERIFY(svg.isValid());
    QCOMPARE(svg.defaultSize(), QSize(1600, 900));
    QCOMPARE(svg.viewBox(), QRect(0, 0, 1600, 900));
    // Vector text: the lesson's code is in the file as text, not pixels.
    QVERIFY(readAll(path(QStringLiteral("v.svg"))).contains("napping"));
    // It draws something: rasterised, it is not one flat colour.
    QImage raster(400, 225, QImage::Format_RGB32);
    raster.fill(Qt::white);
    QPainter p(&raster);
    svg.render(&p);
    p.end();
    QSet<QRgb> colours;
    for (int y = 0; y < raster.height(); y += 3)
      for (int x = 0; x < raster.width(); x += 3) colours.insert(raster.pixel(x, y));
    QVERIFY(colours.size() > 10);
  }

  void gifFramePositionsEndWhereAsked() {
    QCOMPARE(ui::gifFramePositions(0, 20, 10), (std::vector<std::size_t>{0, 10, 20}));
    QCOMPARE(ui::gifFramePositions(0, 21, 10), (std::vector<std::size_t>{0, 10, 20, 21}));
    QCOMPARE(ui::gifFramePositions(5, 5, 3), (std::vector<std::size_t>{5}));
    QCOMPARE(ui::gifFramePositions(2, 4, 0), (std::vector<std::size_t>{2, 3, 4}));  // step 0 means 1
    QVERIFY(ui::gifFramePositions(4, 2, 1).empty());
  }

  // Exactly palette-coloured noise survives the encoder bit for bit: this
  // crosses every code width and several full-table resets.
  void gifEncoderIsLosslessOnPaletteColours_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1x1") << QSize(1, 1);
    QTest::newRow("17x3") << QSize(17, 3);
    QTest::newRow("noise 320x200") << QSize(320, 200);
    QTest::newRow("noise 1000x700") << QSize(1000, 700);
  }
  void gifEncoderIsLosslessOnPaletteColours() {
    QFETCH(QSize, size);
    const auto& palette = ui::GifWriter::palette();
    QRandomGenerator random(7);
    QImage frames[2] = {QImage(size, QImage::Format_RGB32), QImage(size, QImage::Format_RGB32)};
    for (int f = 0; f < 2; ++f)
      for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x) {
          // Frame 0: noise over few colours (long matches); frame 1: all 256.
          const int index = f == 0 ? int(random.bounded(4)) * 60 + (x / 50) : int(random.bounded(256));
          frames[f].setPixel(x, y, palette[std::size_t(index)]);
        }
    ui::GifWriter gif(size);
    gif.addFrame(frames[0], 100);
    gif.addFrame(frames[1], 250);
    QVERIFY(gif.save(path(QStringLiteral("noise.gif"))));
    QImageReader reader(path(QStringLiteral("noise.gif")));
    QCOMPARE(reader.format(), QByteArray("gif"));
    QVERIFY(reader.supportsAnimation());
    QCOMPARE(reader.imageCount(), 2);
    for (int f = 0; f < 2; ++f) {
      const QImage back = reader.read().convertToFormat(QImage::Format_RGB32);
      QCOMPARE(reader.nextImageDelay(), f == 0 ? 100 : 250);  // Qt reports the frame just read
      QVERIFY2(!back.isNull(), qPrintable(reader.errorString()));
      QCOMPARE(back.size(), size);
      QCOMPARE(back, frames[f]);
    }
  }

  void gifOfARangeHasOneFramePerPositionAndMatchesTheView() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.setTrace(t_, QString::fromStdString(t_->source()));
    ui::GifOptions options;
    options.from = 0;
    options.to = 20;
    options.step = 10;
    options.size = QSize(480, 300);
    options.delayMs = 300;
    QString error;
    QVERIFY2(ui::exportGif(w, options, path(QStringLiteral("run.gif")), &error), qPrintable(error));
    QMovie movie(path(QStringLiteral("run.gif")));
    QVERIFY(movie.isValid());
    QCOMPARE(movie.frameCount(), 3);  // positions 0, 10, 20
    QImageReader reader(path(QStringLiteral("run.gif")));
    QCOMPARE(reader.imageCount(), 3);
    QCOMPARE(reader.loopCount(), -1);  // NETSCAPE2.0 loop count 0: forever
    QImage frames[3];
    for (QImage& f : frames) {
      f = reader.read().convertToFormat(QImage::Format_RGB32);
      QCOMPARE(reader.nextImageDelay(), 300);
      QCOMPARE(f.size(), options.size);
    }
    // The middle frame is the window at position 10, up to palette rounding
    // (at most ~26 per channel for the 6x7x6 cube; smooth scaling adds a little).
    // The editor's scroll position depends on the path the cursor took: a
    // fresh window reaches position 10 the way the export did, from 0.
    ui::MainWindow fresh(&runner);
    fresh.setTrace(t_, QString::fromStdString(t_->source()));
    ui::renderView(fresh, 0, options.size);
    const QImage expected = ui::renderView(fresh, 10, options.size);
    const double close = closeFraction(frames[1], expected, 28);
    QVERIFY2(close > 0.99, qPrintable(QString::number(close)));
    QVERIFY(closeFraction(frames[0], frames[2], 0) < 1.0);  // the run moved on
  }

  void storyboardNamesEveryPictureAndCaption() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.setTrace(t_, QString::fromStdString(t_->source()));
    // foo/bar prints five lines and jumps the clock twice: seven steps.
    const auto steps = ui::defaultStoryboardSteps(*t_);
    QCOMPARE(steps.size(), std::size_t{7});
    for (std::size_t at : steps) {
      const EventKind k = (*t_)[at - 1].kind;
      QVERIFY(k == EventKind::Output || k == EventKind::ClockAdvanced);
    }
    const QString out = path(QStringLiteral("story"));
    QString error;
    QVERIFY2(ui::writeStoryboard(w, steps, QSize(800, 500), out, QStringLiteral("Sleeping <tasks> & co"), &error),
             qPrintable(error));
    const QString html = QString::fromUtf8(readAll(out + QStringLiteral("/index.html")));
    QVERIFY(html.contains(QStringLiteral("<title>Sleeping &lt;tasks&gt; &amp; co</title>")));
    int from = 0;
    for (std::size_t k = 0; k < steps.size(); ++k) {
      const QString image = QStringLiteral("%1.png").arg(k + 1, 2, 10, QLatin1Char('0'));
      QImageReader reader(out + QLatin1Char('/') + image);
      QCOMPARE(reader.size(), QSize(800, 500));
      const int at = html.indexOf(QStringLiteral("src=\"%1\"").arg(image), from);
      QVERIFY2(at > from, qPrintable(image));
      const QString caption = ui::storyboardCaption(*t_, steps[k]);
      QVERIFY(!caption.isEmpty());
      QVERIFY2(html.indexOf(caption.toHtmlEscaped(), at) > at, qPrintable(caption));
      from = at;
    }
    QCOMPARE(QDir(out).entryList({QStringLiteral("*.png")}).size(), int(steps.size()));
  }

  void defaultStepsAreCappedEvenly() {
    trace::Recorder rec("chatty.py");
    rec.record(EventKind::RunBegin);
    for (int i = 0; i < 100; ++i) {
      rec.record(EventKind::Output, 0, 0, rec.intern(std::to_string(i) + "\n"));
      rec.record(EventKind::LoopIterationBegin, static_cast<trace::Id>(i + 1));
    }
    const auto chatty = rec.finish();
    const auto all = ui::storyboardCandidates(*chatty);
    QCOMPARE(all.size(), std::size_t{100});
    const auto picked = ui::defaultStoryboardSteps(*chatty);
    QCOMPARE(picked.size(), ui::kStoryboardDefaultCap);
    QCOMPARE(picked.front(), all.front());
    QCOMPARE(picked.back(), all.back());
    QVERIFY(std::is_sorted(picked.begin(), picked.end()));
    QCOMPARE(std::set<std::size_t>(picked.begin(), picked.end()).size(), picked.size());
  }

  void dialogsOfferTheDefaults() {
    ui::StoryboardDialog story(*t_);
    QCOMPARE(story.list()->count(), 7);
    QCOMPARE(story.selectedSteps(), ui::defaultStoryboardSteps(*t_));
    story.list()->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(story.selectedSteps().size(), std::size_t{6});
    QVERIFY(story.list()->item(1)->text().contains(ui::storyboardCaption(*t_, story.selectedSteps()[0]).simplified()));

    ui::GifDialog gif(t_->size(), 12, QSize(1280, 720));
    const ui::GifOptions o = gif.options();
    QCOMPARE(o.from, std::size_t{0});
    QCOMPARE(o.to, std::size_t{12});  // up to where the user is
    QVERIFY(o.step >= 1);
    QCOMPARE(o.size, QSize(1280, 720));
  }

  void exportMenuHasEveryFormatOnceThereIsATrace() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    QMenu* menu = w.menuBar()->findChild<QMenu*>(QStringLiteral("exportMenu"));
    QVERIFY(menu);
    const char* names[] = {"exportJsonl", "exportChrome", "exportPng", "exportSvg", "exportStoryboard", "exportGif"};
    for (const char* n : names) {
      QAction* a = findAction(menu, QLatin1String(n));
      QVERIFY2(a, n);
      QVERIFY2(!a->isEnabled(), n);  // nothing to export yet
    }
    w.setTrace(t_, QString::fromStdString(t_->source()));
    for (const char* n : names) QVERIFY2(findAction(menu, QLatin1String(n))->isEnabled(), n);
  }
};

QTEST_MAIN(TestExport)
#include "test_export.moc"
