// test_main_window.cpp: the whole window on the foo/bar trace: keyboard
// stepping moves every pane, seeking back restores them, breakpoints stop
// play, runs go through the Runner, and renderShot draws the window.
#include <QCoroTask>
#include <QtTest>

#include "support/fake_runner.h"
#include "support/foo_bar_fixture.h"
#include "ui/code_pane.h"
#include "ui/console_view.h"
#include "ui/loop_view.h"
#include "ui/main_window.h"
#include "ui/narration.h"
#include "ui/narration_view.h"
#include "ui/playback_controller.h"
#include "ui/shot.h"
#include "ui/timeline_view.h"

using trace::EventKind;

namespace {

// What every pane shows, reduced to comparable values.
struct PaneSnapshot {
  std::size_t cursor = 0;
  QSet<int> markerLines;
  int runningLine = 0;
  std::size_t consoleEntries = 0;
  QString narration;
  QString status;
  QList<QPair<quint64, int>> cards;  // key, area

  bool operator==(const PaneSnapshot& o) const {
    return cursor == o.cursor && markerLines == o.markerLines && runningLine == o.runningLine &&
           consoleEntries == o.consoleEntries && narration == o.narration && status == o.status &&
           cards == o.cards;
  }
};

PaneSnapshot snapshot(ui::MainWindow& w) {
  PaneSnapshot s;
  s.cursor = w.cursor();
  s.markerLines = w.codePane()->taskMarkerLines();
  s.runningLine = w.codePane()->runningLine();
  s.consoleEntries = w.consoleView()->shownEntries();
  s.narration = w.narrationView()->sentence();
  s.status = w.statusText();
  for (const auto& c : w.loopView()->currentLayout().cards())
    s.cards.append({static_cast<quint64>(c.key), static_cast<int>(c.area)});
  return s;
}

int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT
  std::shared_ptr<const trace::Trace> t_ = fixture::makeFooBarTrace();
  QString source() const { return QString::fromStdString(t_->source()); }

 private slots:
  void keyboardSteppingMovesEveryPane() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.setTrace(t_, source());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w) || true);
    QCOMPARE(w.cursor(), 0u);
    QTest::keyClick(w.loopView(), Qt::Key_Right);
    QCOMPARE(w.cursor(), 1u);
    QTest::keyClick(w.loopView(), Qt::Key_End);
    QCOMPARE(w.cursor(), t_->size());
    QTest::keyClick(w.loopView(), Qt::Key_Home);
    QCOMPARE(w.cursor(), 0u);

    // Step with → until foo prints its first line.
    const std::size_t firstOutput = fixture::findEvent(*t_, EventKind::Output);
    while (w.cursor() <= firstOutput) QTest::keyClick(w.loopView(), Qt::Key_Right);
    const trace::State& s = w.controller()->state();
    QCOMPARE(s.running, fixture::kFoo);
    QCOMPARE(w.codePane()->runningLine(), 9);               // foo's print
    QVERIFY(w.codePane()->taskMarkerLines().contains(26));  // main waits at gather
    QCOMPARE(w.consoleView()->shownEntries(), 1u);
    QVERIFY(w.consoleView()->toPlainText().contains(QStringLiteral("0.000  0.00 foo: start, napping 1 s")));
    QCOMPARE(w.narrationView()->sentence(), ui::narrate(*t_, w.cursor(), s));
    QVERIFY(fixture::sameState(w.loopView()->shownState(), s));
    QCOMPARE(w.statusText(), QStringLiteral("t = 0.000 s · iteration 2"));
    // The loop view has foo in RUNNING and main in WAITING.
    bool fooRunning = false, mainWaiting = false;
    for (const auto& c : w.loopView()->currentLayout().cards()) {
      fooRunning |= c.key == ui::LoopLayout::taskKey(fixture::kFoo) && c.area == ui::LoopArea::Running;
      mainWaiting |= c.key == ui::LoopLayout::taskKey(fixture::kMain) && c.area == ui::LoopArea::Waiting;
    }
    QVERIFY(fooRunning && mainWaiting);
    // Stepping animates; finishing it lands on the same layout.
    QVERIFY(w.loopView()->isAnimating());
    w.finishAnimations();
    QVERIFY(!w.loopView()->isAnimating());

    // Shift+→ jumps by loop iteration; T to the next clock jump.
    QTest::keyClick(w.loopView(), Qt::Key_T);
    QCOMPARE(w.controller()->state().clock, 1.0);
    QCOMPARE(w.statusText(), QStringLiteral("t = 1.000 s · iteration 3"));
    QTest::keyClick(w.loopView(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(w.controller()->state().iteration, 4u);
  }

  // Play waits for a step's glide to end before the next step: otherwise a
  // quick bookkeeping step restarts the glide, the card creeps, and it sits
  // over the RUNNING band's text while the class watches.
  void playNeverCutsAGlideShort() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.setTrace(t_, source());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w) || true);
    auto* c = w.controller();
    int animated = 0;
    for (double speed : {1.0, 0.5, 4.0}) {
      c->setSpeed(speed);
      c->seek(0);
      while (c->cursor() < c->size()) {
        c->stepForward();
        if (!w.loopView()->isAnimating()) continue;
        const int glide = w.loopView()->motion().durationMs();
        w.finishAnimations();  // (not waited for: no timing in a test)
        if (c->cursor() == c->size()) break;  // the end: no next step to wait for
        ++animated;
        QVERIFY2(glide > 0 && c->nextStepDelayMs() >= glide,
                 qPrintable(QStringLiteral("event %1 at %2x").arg(c->cursor()).arg(speed)));
      }
    }
    QVERIFY(animated > 20);
    // A seek animates nothing and holds nothing.
    c->setSpeed(1.0);
    c->seek(3);
    QCOMPARE(c->nextStepDelayMs(), ui::PlaybackController::stepDelayMs((*t_)[3].kind, 1.0));
  }

  void seekingBackwardRestoresTheForwardState() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.setTrace(t_, source());
    w.show();
    std::vector<PaneSnapshot> forward;
    forward.push_back(snapshot(w));
    while (w.cursor() < t_->size()) {
      QTest::keyClick(w.loopView(), Qt::Key_Right);
      forward.push_back(snapshot(w));
    }
    // Step back one by one, and also jump (seek) to each position.
    for (std::size_t i = t_->size(); i-- > 0;) {
      QTest::keyClick(w.loopView(), Qt::Key_Left);
      QVERIFY2(snapshot(w) == forward[i], qPrintable(QStringLiteral("step back to %1").arg(i)));
    }
    for (std::size_t i : {t_->size(), std::size_t{5}, t_->size() / 2, std::size_t{0}}) {
      w.seek(i);
      QVERIFY2(snapshot(w) == forward[i], qPrintable(QStringLiteral("seek to %1").arg(i)));
    }
    // A click on the timeline seeks too.
    auto* tl = w.timelineView();
    const std::size_t target = fixture::findEvent(*t_, EventKind::ClockAdvanced) + 1;
    QTest::mouseClick(tl, Qt::LeftButton, {}, QPoint(static_cast<int>(tl->xForIndex(target)), tl->height() / 2));
    QCOMPARE(w.cursor(), target);
    QVERIFY(snapshot(w) == forward[target]);
  }

  void spacePlaysAndBreakpointsStop() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.setTrace(t_, source());
    w.show();
    w.controller()->setInstantPlayback(true);
    // Clicking the symbol margin at line 11 (0-based 10) sets a breakpoint.
    emit w.codePane()->marginClicked(ui::CodePane::kSymbolMargin, 10, Qt::NoModifier);
    QVERIFY(w.controller()->breakpoints().contains(11));
    QVERIFY(w.codePane()->hasBreakpointMarker(11));
    QTest::keyClick(w.loopView(), Qt::Key_Space);
    QVERIFY(w.controller()->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!w.controller()->isPlaying(), 5000);
    QCOMPARE(w.codePane()->runningLine(), 11);
    QCOMPARE((*t_)[w.cursor() - 1].kind, EventKind::TaskLine);
    QCOMPARE(w.controller()->state().clock, 1.0);
    // Space again plays on to the end (no other breakpoint).
    QTest::keyClick(w.loopView(), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!w.controller()->isPlaying(), 5000);
    QCOMPARE(w.cursor(), t_->size());
    QCOMPARE(w.consoleView()->shownEntries(), 5u);  // five prints
    // Number keys set the speed: 7 is 16x.
    QTest::keyClick(w.loopView(), Qt::Key_7);
    QCOMPARE(w.controller()->speed(), 16.0);
  }

  void runsGoThroughTheRunner() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.show();
    // An error is shown inline at its line, and no trace replaces the last.
    runner.next = ui::RunResult{nullptr, 2, 3, 5, QStringLiteral("foo.py:3:5: unsupported: lambda")};
    QCoro::waitFor(w.runSource(QStringLiteral("import asyncio\n\nx = lambda: 1\n"), QStringLiteral("foo.py")));
    QCOMPARE(runner.runs, 1);
    QCOMPARE(runner.last.fileName, QStringLiteral("foo.py"));
    QVERIFY(w.codePane()->hasError());
    QCOMPARE(w.codePane()->errorLine(), 3);
    QVERIFY(!w.controller()->hasTrace());
    QVERIFY(!w.isRunning());
    // Ctrl+R runs the edited code; a good run shows its trace from the start.
    runner.next = ui::RunResult{t_, 0, 0, 0, {}};
    w.codePane()->setText(source());
    QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(runner.runs, 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(w.controller()->hasTrace(), 5000);
    QCOMPARE(runner.last.source, source());
    QVERIFY(!w.codePane()->hasError());
    QCOMPARE(w.cursor(), 0u);
  }

  void opensAScenario() {
    fixture::FakeRunner runner;
    runner.next = ui::RunResult{t_, 0, 0, 0, {}};
    ui::MainWindow w(&runner);
    QCoro::waitFor(w.openScenario(QStringLiteral("foo_bar")));
    QCOMPARE(runner.last.fileName, QStringLiteral("foo_bar.py"));
    QVERIFY(runner.last.source.contains(QStringLiteral("async def foo")));
    QCOMPARE(w.currentScenario(), QStringLiteral("foo_bar"));
    QVERIFY(w.controller()->hasTrace());
    QVERIFY(w.narrationView()->text().contains(QStringLiteral("Sleeping tasks")));
  }

  void renderShotDrawsTheWindow_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presenter");
    QTest::addColumn<bool>("internals");
    QTest::newRow("1280x720") << QSize(1280, 720) << false << false;
    QTest::newRow("1920x1080") << QSize(1920, 1080) << false << false;
    QTest::newRow("1920x1080-internals") << QSize(1920, 1080) << false << true;
    QTest::newRow("1920x1080-presenter") << QSize(1920, 1080) << true << false;
    QTest::newRow("1280x720-presenter") << QSize(1280, 720) << true << false;
  }
  void renderShotDrawsTheWindow() {
    QFETCH(QSize, size);
    QFETCH(bool, presenter);
    QFETCH(bool, internals);
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.setTrace(t_, source());
    w.setPresenterMode(presenter);
    w.setInternals(internals);
    // Mid-way: both tasks asleep, timers at 1 and 2.
    const std::size_t index = fixture::findEvent(*t_, EventKind::TaskSuspended, fixture::kBar) + 1;
    const QImage img = ui::renderShot(w, index, size);
    QCOMPARE(img.size(), size);
    QCOMPARE(w.cursor(), index);
    QVERIFY(!w.loopView()->isAnimating());
    QVERIFY(distinctColours(img) > 12);
    // Every pane got a real share of the window.
    for (QWidget* pane : {static_cast<QWidget*>(w.codePane()), static_cast<QWidget*>(w.loopView()),
                          static_cast<QWidget*>(w.timelineView()), static_cast<QWidget*>(w.consoleView()),
                          static_cast<QWidget*>(w.narrationView())}) {
      QVERIFY2(pane->isVisible() && pane->width() > size.width() / 5 && pane->height() > 60,
               qPrintable(pane->objectName()));
    }
    if (presenter) {
      // The narration's larger sentence is read without scrolling: its row
      // makes room for the event line, two lines of sentence and the chain.
      const int shown = w.narrationView()->parentWidget()->height();
      const int line = QFontMetrics(w.narrationView()->font()).lineSpacing();
      QVERIFY2(shown >= 4 * line, qPrintable(QStringLiteral("%1 < 4 x %2").arg(shown).arg(line)));
    }
    const QString out = QStringLiteral("/tmp/loopscope_shot_%1.png").arg(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(img.save(out));
    // A second shot of another position works on the same window.
    const QImage end = ui::renderShot(w, t_->size(), size);
    QCOMPARE(end.size(), size);
    QVERIFY(end != img);
  }

  void presenterModeSwitchedOnMakesRoomForTheNarration() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.setTrace(t_, source());
    ui::prepareShot(w, 1, QSize(1280, 720));  // shown, with the default layout
    w.setPresenterMode(true);                 // then switched on, as the toolbar does
    QCoreApplication::sendPostedEvents();
    if (w.layout()) w.layout()->activate();
    const int shown = w.narrationView()->parentWidget()->height();
    const int line = QFontMetrics(w.narrationView()->font()).lineSpacing();
    QVERIFY2(shown >= 4 * line, qPrintable(QStringLiteral("%1 < 4 x %2").arg(shown).arg(line)));
    QVERIFY(w.timelineView()->height() > 60);  // the room came from the panes above
  }

  void aThousandTasksStayReadable() {
    // Level of detail: the crowd is summarized, the shot still renders.
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    const auto crowd = fixture::makeCrowdTrace(1000);
    w.setTrace(crowd, QString::fromStdString(crowd->source()));
    const std::size_t queued = fixture::findEvent(*crowd, EventKind::TaskSuspended, 1) + 1;
    const QImage img = ui::renderShot(w, queued, QSize(1920, 1080));
    QCOMPARE(img.size(), QSize(1920, 1080));
    QVERIFY(w.loopView()->currentLayout().hiddenCount(ui::LoopArea::Ready) > 500);  // most of the 1000 are one "+N more" card
    QVERIFY(img.save(QStringLiteral("/tmp/loopscope_shot_crowd.png")));
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
