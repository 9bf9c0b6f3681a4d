// test_quiz.cpp: quiz questions drawn from real traces of seven lessons
// (tests/ui/data/*.jsonl, recorded by `loopscope trace`, see
// regenerate-learning), and the quiz panel asking, pausing and scoring.
#include <QtTest>

#include <QAction>
#include <QDockWidget>
#include <QSettings>

#include <set>

#include "scenarios/scenario_catalog.h"
#include "support/fake_runner.h"
#include "support/recorded_traces.h"
#include "ui/labels.h"
#include "ui/learn_menu.h"
#include "ui/loop_view.h"
#include "ui/main_window.h"
#include "ui/playback_controller.h"
#include "ui/quiz_panel.h"
#include "ui/quiz_questions.h"

using trace::EventKind;

namespace {

QString stdoutChoice(const trace::Trace& t, std::size_t i) {
  QString s = ui::traceString(t, t[i].c);
  while (s.endsWith(QLatin1Char('\n'))) s.chop(1);
  return s.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
}

}  // namespace

class TestQuiz : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_quiz"));
    QSettings().clear();
  }

  void questionsMatchTheTrace_data() {
    QTest::addColumn<QString>("id");
    for (const char* id : {"foo_bar", "gather_fetch", "blocking_sleep", "queue_backpressure",
                           "producer_consumer", "semaphore_crawler", "sequential_vs_gather"})
      QTest::newRow(id) << QString::fromLatin1(id);
  }

  void questionsMatchTheTrace() {
    QFETCH(QString, id);
    auto t = fixture::loadRecordedTrace(id);
    QVERIFY(t);
    // The recorded run is of the lesson as shipped (else: regenerate-learning).
    QCOMPARE(QString::fromStdString(t->source()), scenarios::find(id).source);
    const auto questions = ui::generateQuizQuestions(*t);
    QVERIFY(!questions.isEmpty());
    std::set<ui::QuizKind> kinds;
    std::size_t lastAsk = 0;
    for (const auto& q : questions) {
      const QString where = QStringLiteral("%1 at %2: %3").arg(id).arg(q.askAt).arg(q.prompt);
      kinds.insert(q.kind);
      QVERIFY2(q.askAt >= lastAsk, qPrintable(where));  // in trace order
      lastAsk = q.askAt;
      QVERIFY2(q.choices.size() >= 2 && q.choices.size() <= ui::kMaxQuizChoices, qPrintable(where));
      QVERIFY2(q.choices.size() == QSet<QString>(q.choices.begin(), q.choices.end()).size(),
               qPrintable(where));
      QVERIFY2(q.correct >= 0 && q.correct < q.choices.size(), qPrintable(where));
      QVERIFY2(!q.why.isEmpty(), qPrintable(where));
      QVERIFY2(q.answerAt < t->size() && q.answerAt >= q.askAt, qPrintable(where));
      const QString right = q.choices[q.correct];
      const trace::Event& e = (*t)[q.answerAt];
      switch (q.kind) {
        case ui::QuizKind::NextTask: {
          // The task whose step begins at answerAt, and nothing else runs between.
          QCOMPARE(e.kind, EventKind::TaskStepBegin);
          QVERIFY(q.answerAt == q.askAt ||
                  (q.answerAt == q.askAt + 1 && (*t)[q.askAt].kind == EventKind::HandleRun));
          const trace::State at = t->stateAt(q.answerAt);
          QCOMPARE(right, ui::taskTitle(*t, *at.task(e.a)));
          // Distractors are other tasks alive at the moment of asking.
          const trace::State asked = t->stateAt(q.askAt);
          QStringList alive;
          for (const auto& task : asked.tasks)
            if (task.state != trace::TaskState::Done) alive << ui::taskTitle(*t, task);
          for (const auto& c : q.choices)
            QVERIFY2(alive.contains(c), qPrintable(where + QStringLiteral(" / ") + c));
          break;
        }
        case ui::QuizKind::NextOutput: {
          QCOMPARE(e.kind, EventKind::Output);
          QCOMPARE(static_cast<trace::Stream>(e.flags), trace::Stream::Stdout);
          QCOMPARE(right, stdoutChoice(*t, q.answerAt));
          // Every distractor is a line this run really prints somewhere else.
          QStringList printed;
          for (std::size_t i = 0; i < t->size(); ++i)
            if ((*t)[i].kind == EventKind::Output) printed << stdoutChoice(*t, i);
          for (const auto& c : q.choices)
            QVERIFY2(printed.contains(c), qPrintable(where + QStringLiteral(" / ") + c));
          break;
        }
        case ui::QuizKind::NextClock: {
          QVERIFY(e.kind == EventKind::ClockAdvanced || e.kind == EventKind::LoopBlocked);
          QCOMPARE(right, ui::formatTime(t->stateAt(q.answerAt + 1).clock) + QStringLiteral(" s"));
          const trace::State asked = t->stateAt(q.askAt);
          if (e.kind == EventKind::ClockAdvanced) {
            // The clock jumps to exactly the earliest pending timer.
            double earliest = 1e300;
            for (const auto& timer : asked.timers)
              if (!timer.cancelled) earliest = std::min(earliest, timer.when);
            QCOMPARE(right, ui::formatTime(earliest) + QStringLiteral(" s"));
          }
          // The clock never runs backwards: no choice is earlier than now.
          for (const auto& c : q.choices)
            QVERIFY2(c.chopped(2).toDouble() >= asked.clock, qPrintable(where + QStringLiteral(" / ") + c));
          break;
        }
      }
    }
    // foo/bar asks all three kinds.
    if (id == QLatin1String("foo_bar")) QCOMPARE(kinds.size(), std::size_t{3});
  }

  // time.sleep blocks: the question before the block offers the heartbeat's
  // pending deadline (earlier than the answer) as the tempting wrong answer.
  void blockedLoopOffersTheHeartbeat() {
    auto t = fixture::loadRecordedTrace(QStringLiteral("blocking_sleep"));
    QVERIFY(t);
    const auto questions = ui::generateQuizQuestions(*t, {false, false, true});
    auto it = std::find_if(questions.begin(), questions.end(), [&](const ui::QuizQuestion& q) {
      return (*t)[q.answerAt].kind == EventKind::LoopBlocked;
    });
    QVERIFY(it != questions.end());
    const trace::State asked = t->stateAt(it->askAt);
    QVERIFY(!asked.timers.empty());
    const QString heartbeat = ui::formatTime(asked.timers.front().when) + QStringLiteral(" s");
    QVERIFY(it->choices.contains(heartbeat));
    QVERIFY(it->choices[it->correct] != heartbeat);
    QVERIFY(it->why.contains(QStringLiteral("synchronous")));
  }

  void selectionPicksKinds() {
    auto t = fixture::loadRecordedTrace(QStringLiteral("foo_bar"));
    QVERIFY(t);
    for (const auto& q : ui::generateQuizQuestions(*t, {false, true, false}))
      QCOMPARE(q.kind, ui::QuizKind::NextOutput);
    const auto all = ui::generateQuizQuestions(*t);
    const auto again = ui::generateQuizQuestions(*t);
    QCOMPARE(all.size(), again.size());
    for (int i = 0; i < all.size(); ++i) QCOMPARE(all[i].choices, again[i].choices);  // repeatable
  }

  // Stepping stops before a question, 1-4 answer it (not the speed keys),
  // the answer's event is then shown, and the score persists per lesson.
  void panelAsksPausesAndScores() {
    auto t = fixture::loadRecordedTrace(QStringLiteral("foo_bar"));
    QVERIFY(t);
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.controller()->setInstantPlayback(true);
    w.setTrace(t, QString::fromStdString(t->source()));
    ui::QuizPanel* quiz = w.learnMenu()->quizPanel();
    quiz->setScoreKey(QStringLiteral("foo_bar"));
    quiz->resetScore();
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w) || true);
    w.learnMenu()->quizAction()->trigger();
    QVERIFY(quiz->quizMode());
    QVERIFY(w.learnMenu()->quizDock()->isVisible());
    const double speed = w.controller()->speed();

    auto stepToQuestion = [&] {
      while (!quiz->openQuestion() && w.cursor() < t->size()) QTest::keyClick(w.loopView(), Qt::Key_Right);
      return quiz->openQuestion();
    };
    const ui::QuizQuestion* q = stepToQuestion();
    QVERIFY(q);
    QCOMPARE(w.cursor(), q->askAt);
    const std::size_t revealAt = q->answerAt + 1;
    QTest::keyClick(w.loopView(), static_cast<Qt::Key>(Qt::Key_1 + q->correct));
    QCOMPARE(w.controller()->speed(), speed);  // the digit answered, it did not pick a speed
    QCOMPARE(quiz->asked(), 1);
    QCOMPARE(quiz->right(), 1);
    QVERIFY(quiz->verdict().contains(QStringLiteral("Right")));
    QTRY_COMPARE(w.cursor(), revealAt);  // the real answer is played to
    QVERIFY(!w.controller()->isPlaying());

    q = stepToQuestion();
    QVERIFY(q);
    const int wrong = (q->correct + 1) % static_cast<int>(q->choices.size());
    QVERIFY(quiz->answer(wrong));
    QCOMPARE(quiz->asked(), 2);
    QCOMPARE(quiz->right(), 1);
    QVERIFY(quiz->verdict().contains(QStringLiteral("Not quite")));
    QVERIFY(!quiz->answer(0));  // nothing open any more

    // Seeking never asks.
    const std::size_t askAt = quiz->questions().first().askAt;
    w.seek(askAt);
    QVERIFY(!quiz->openQuestion());

    // Playing stops at the next question and resumes after the answer.
    w.seek(0);
    w.controller()->play();
    QTRY_VERIFY(quiz->openQuestion());
    QVERIFY(!w.controller()->isPlaying());
    QCOMPARE(w.cursor(), quiz->openQuestion()->askAt);
    QVERIFY(quiz->answer(quiz->openQuestion()->correct));
    QTRY_VERIFY(quiz->openQuestion() || w.cursor() == t->size());

    // The score is kept per lesson.
    ui::QuizPanel other(w.controller());
    other.setScoreKey(QStringLiteral("foo_bar"));
    QCOMPARE(other.asked(), quiz->asked());
    QCOMPARE(other.right(), quiz->right());
    other.setScoreKey(QStringLiteral("gather_fetch"));
    QCOMPARE(other.asked(), 0);

    // Quiz mode off: stepping never stops.
    w.learnMenu()->quizAction()->trigger();
    QVERIFY(!quiz->quizMode());
    w.seek(0);
    while (w.cursor() < t->size()) {
      QTest::keyClick(w.loopView(), Qt::Key_Right);
      QVERIFY(!quiz->openQuestion());
    }
  }
};

QTEST_MAIN(TestQuiz)
#include "test_quiz.moc"
