// test_tour.cpp: the guided tour's steps point at visible panes, Next/Back
// /Esc drive it, it shows on a session's first launch only, and Help ▸ Tour
// replays it; and lesson moments in the narration.
#include <QtTest>

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>

#include "support/fake_runner.h"
#include "support/recorded_traces.h"
#include "ui/learn_menu.h"
#include "ui/main_window.h"
#include "ui/narration_view.h"
#include "ui/playback_controller.h"
#include "ui/tour.h"

class TestTour : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_tour"));
    QSettings().clear();
  }

  void stepsPointAtVisibleWidgets() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w) || true);
    const auto steps = ui::Tour::steps();
    QVERIFY(steps.size() >= 5 && steps.size() <= 6);
    QSet<QString> targets;
    for (const auto& s : steps) {
      QWidget* target = w.findChild<QWidget*>(s.target);
      QVERIFY2(target, qPrintable(s.target));
      QVERIFY2(target->isVisible(), qPrintable(s.target));
      QVERIFY(!s.text.isEmpty());
      targets.insert(s.target);
    }
    QCOMPARE(targets.size(), steps.size());  // each step shows a different pane
  }

  void nextBackAndEscape() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.show();
    ui::Tour* tour = w.learnMenu()->startTour();
    QVERIFY(tour->isVisible());
    QCOMPARE(tour->step(), 0);
    QCOMPARE(tour->target(0), w.findChild<QWidget*>(ui::Tour::steps()[0].target));
    QCOMPARE(tour->text(), ui::Tour::steps()[0].text);
    QTest::keyClick(tour, Qt::Key_Right);
    QCOMPARE(tour->step(), 1);
    tour->next();
    QCOMPARE(tour->step(), 2);
    QTest::keyClick(tour, Qt::Key_Left);
    QCOMPARE(tour->step(), 1);
    QPointer<ui::Tour> alive(tour);
    QSignalSpy finished(tour, &ui::Tour::finished);
    QTest::keyClick(tour, Qt::Key_Escape);
    QCOMPARE(finished.size(), 1);
    QTRY_VERIFY(!alive);  // closed and deleted
    // Next past the last step finishes too.
    tour = w.learnMenu()->startTour();
    QSignalSpy done(tour, &ui::Tour::finished);
    for (int i = 0; i < tour->stepCount(); ++i) tour->next();
    QCOMPARE(done.size(), 1);
  }

  // Skipping the tour gives the keyboard back to the loop view, so → steps
  // at once (closing the overlay used to hand it to the code editor).
  void skippingGivesTheKeysBack() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.show();
    QApplication::setActiveWindow(&w);
    QWidget* loop = w.findChild<QWidget*>(QStringLiteral("loopView"));
    QVERIFY(loop);
    loop->setFocus();
    ui::Tour* tour = w.learnMenu()->startTour();
    QCOMPARE(w.focusWidget(), tour);
    QTest::keyClick(tour, Qt::Key_Escape);
    QCOMPARE(w.focusWidget(), loop);
  }

  void firstLaunchOnly() {
    ui::Tour::setSeen(false);
    {
      fixture::FakeRunner runner;
      ui::MainWindow w(&runner);
      w.restoreSession();
      w.show();
      QTRY_VERIFY(w.learnMenu()->tour());
      QVERIFY(ui::Tour::seen());
      w.learnMenu()->tour()->finish();
    }
    {
      fixture::FakeRunner runner;
      ui::MainWindow w(&runner);
      w.restoreSession();
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w) || true);
      QCoreApplication::processEvents();
      QVERIFY(!w.learnMenu()->tour());  // the flag suppresses it
      // Help ▸ Tour replays it.
      QAction* replay = w.findChild<QAction*>(QStringLiteral("tourAction"));
      QVERIFY(replay);
      replay->trigger();
      QVERIFY(w.learnMenu()->tour());
      QVERIFY(w.learnMenu()->tour()->isVisible());
    }
  }

  // A lesson's moments add their sentence to the narration when reached.
  void lessonMomentsJoinTheNarration() {
    auto t = fixture::loadRecordedTrace(QStringLiteral("foo_bar"));
    QVERIFY(t);
    fixture::FakeRunner runner;
    runner.next = ui::RunResult{t, 0, 0, 0, {}};
    ui::MainWindow w(&runner);
    w.openScenario(QStringLiteral("foo_bar"));
    QTRY_COMPARE(w.controller()->trace(), t);
    const auto moments = w.learnMenu()->moments();
    QVERIFY(!moments.isEmpty());
    std::size_t at = t->size();
    for (std::size_t i = 0; i < t->size() && at == t->size(); ++i) {
      w.seek(i + 1);
      if (w.narrationView()->sentence().contains(moments.first().match)) at = i + 1;
    }
    QVERIFY(at < t->size());
    QVERIFY(w.narrationView()->text().contains(moments.first().text.toHtmlEscaped()));
    w.seek(at - 1);
    QVERIFY(!w.narrationView()->text().contains(moments.first().text.toHtmlEscaped()));
  }

  void learnMenuSitsBetweenPlaybackAndHelp() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    QStringList titles;
    for (QAction* a : w.menuBar()->actions()) titles << a->text().remove(QLatin1Char('&'));
    const int learn = static_cast<int>(titles.indexOf(QStringLiteral("Learn")));
    QVERIFY(learn > 0);
    QCOMPARE(titles[learn - 1], QStringLiteral("Playback"));
    QCOMPARE(titles[learn + 1], QStringLiteral("Help"));
  }
};

QTEST_MAIN(TestTour)
#include "test_tour.moc"
