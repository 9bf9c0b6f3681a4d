// test_playback_controller.cpp: the cursor, stepping, seeking, playback and
// breakpoints of ui::PlaybackController on the foo/bar trace.
#include <QSignalSpy>
#include <QtTest>

#include "support/foo_bar_fixture.h"
#include "ui/playback_controller.h"

using trace::EventKind;

class TestPlaybackController : public QObject {
  Q_OBJECT
  std::shared_ptr<const trace::Trace> trace_ = fixture::makeFooBarTrace();

 private slots:
  void stepsForwardThroughEveryEvent() {
    ui::PlaybackController c;
    c.setTrace(trace_);
    QCOMPARE(c.cursor(), 0u);
    QSignalSpy moved(&c, &ui::PlaybackController::cursorChanged);
    for (std::size_t i = 1; i <= trace_->size(); ++i) {
      c.stepForward();
      QCOMPARE(c.cursor(), i);
      QVERIFY2(fixture::sameState(c.state(), trace_->stateAt(i)), qPrintable(QString::number(i)));
      QCOMPARE(c.lastMove(), ui::PlaybackController::Move::Step);
    }
    QCOMPARE(moved.count(), static_cast<int>(trace_->size()));
    c.stepForward();  // at the end: nothing moves
    QCOMPARE(c.cursor(), trace_->size());
    QCOMPARE(moved.count(), static_cast<int>(trace_->size()));
  }

  void steppingBackRestoresTheForwardState() {
    ui::PlaybackController forward, back;
    forward.setTrace(trace_);
    back.setTrace(trace_);
    back.toEnd();
    std::vector<trace::State> seen;
    seen.push_back(forward.state());
    while (forward.cursor() < forward.size()) {
      forward.stepForward();
      seen.push_back(forward.state());
    }
    for (std::size_t i = trace_->size(); i-- > 0;) {
      back.stepBack();
      QCOMPARE(back.cursor(), i);
      QVERIFY2(fixture::sameState(back.state(), seen[i]), qPrintable(QString::number(i)));
    }
  }

  void iterationAndClockJumps() {
    ui::PlaybackController c;
    c.setTrace(trace_);
    c.nextIteration();
    QCOMPARE((*trace_)[c.cursor() - 1].kind, EventKind::LoopIterationBegin);
    QCOMPARE(c.state().iteration, 1u);
    c.nextIteration();
    QCOMPARE(c.state().iteration, 2u);
    c.previousIteration();
    QCOMPARE(c.state().iteration, 1u);
    QCOMPARE(c.lastMove(), ui::PlaybackController::Move::Seek);

    c.toStart();
    c.nextClockAdvance();
    QCOMPARE(c.state().clock, 1.0);
    c.nextClockAdvance();
    QCOMPARE(c.state().clock, 2.0);
    c.nextClockAdvance();  // no further jump: the end
    QCOMPARE(c.cursor(), c.size());
    QCOMPARE(c.state().exitStatus, 0);
  }

  void playRunsToTheEnd() {
    ui::PlaybackController c;
    c.setTrace(trace_);
    c.setInstantPlayback(true);
    QSignalSpy playing(&c, &ui::PlaybackController::playingChanged);
    c.play();
    QVERIFY(c.isPlaying());
    QVERIFY(playing.wait(5000) || !c.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying(), 5000);
    QCOMPARE(c.cursor(), c.size());
  }

  void pauseStopsPlayback() {
    ui::PlaybackController c;
    c.setTrace(trace_);
    c.setInstantPlayback(true);
    c.play();
    c.pause();
    QVERIFY(!c.isPlaying());
    const auto at = c.cursor();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(c.cursor(), at);  // the sleeping play loop saw the pause and ended
  }

  void breakpointStopsPlayback() {
    ui::PlaybackController c;
    c.setTrace(trace_);
    c.setInstantPlayback(true);
    c.toggleBreakpoint(11);  // foo: print(... awake again)
    QVERIFY(c.breakpoints().contains(11));
    QSignalSpy hit(&c, &ui::PlaybackController::breakpointHit);
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying(), 5000);
    QCOMPARE(hit.count(), 1);
    QCOMPARE(hit.at(0).at(0).toInt(), 11);
    const trace::Event& e = (*trace_)[c.cursor() - 1];
    QCOMPARE(e.kind, EventKind::TaskLine);
    QCOMPARE(e.a, fixture::kFoo);
    QCOMPARE(c.state().clock, 1.0);
    QCOMPARE(c.state().running, fixture::kFoo);
  }

  void aBreakpointOnAnAwaitStopsOnce() {
    ui::PlaybackController c;
    c.setTrace(trace_);
    c.setInstantPlayback(true);
    c.toggleBreakpoint(10);  // foo: await asyncio.sleep(1)
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying(), 5000);
    QCOMPARE((*trace_)[c.cursor() - 1].kind, EventKind::TaskLine);
    // The TaskSuspended at the same line in the same step does not stop again.
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying(), 5000);
    QCOMPARE(c.cursor(), c.size());
    c.toggleBreakpoint(10);
    QVERIFY(c.breakpoints().isEmpty());
  }

  void speedIsClamped() {
    ui::PlaybackController c;
    c.setSpeed(100);
    QCOMPARE(c.speed(), 16.0);
    c.setSpeed(0.01);
    QCOMPARE(c.speed(), 0.25);
    QVERIFY(ui::PlaybackController::stepDelayMs(EventKind::TaskSuspended, 1.0) >
            ui::PlaybackController::stepDelayMs(EventKind::TaskSuspended, 4.0));
    // Any idle jump plays as the same short fast-forward.
    QVERIFY(ui::PlaybackController::stepDelayMs(EventKind::ClockAdvanced, 1.0) <= 1000);
  }
};

QTEST_MAIN(TestPlaybackController)
#include "test_playback_controller.moc"
