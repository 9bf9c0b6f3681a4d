// test_bench_render.cpp: `loopscope bench render --quick` runs to the end
// and prints its three tables. It checks the headings only: timings are
// for reading, never for asserting (HACKING.md: no timing in tests).
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include "app/bench_render.h"

class TestBenchRender : public QObject {
  Q_OBJECT

 private slots:
  void quickRunPrintsTheTables() {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LOOPSCOPE_BINARY_DIR "/app/loopscope"),
            {QStringLiteral("bench"), QStringLiteral("render"), QStringLiteral("--quick")});
    QVERIFY(p.waitForFinished(300000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, qPrintable(out + QString::fromUtf8(p.readAllStandardError())));
    for (const char* heading : {"view", "tasks", "events", "frames", "mean ms", "p99 ms", "seek", "startup",
                                "process start to window exposed"})
      QVERIFY2(out.contains(QLatin1String(heading)), heading);
    // One row per view and task count (10, 100, 1000).
    for (const char* row : {"loop", "timeline"}) {
      const QRegularExpression line(QStringLiteral("^%1 ").arg(QLatin1String(row)), QRegularExpression::MultilineOption);
      QCOMPARE(out.count(line), 3);
    }
  }

  // The synthetic trace really has live tasks in every state the views
  // draw, timers, ready handles and queue traffic in its second half (where
  // the benchmark renders).
  void busyTraceHasTasksInEveryState() {
    const auto t = app::makeBusyTrace(100, 8);
    QSet<int> states;
    bool timers = false, ready = false, items = false;
    for (int k = 0; k < 20; ++k) {
      const trace::State s = t->stateAt(t->size() / 2 + t->size() * std::size_t(k) / 40);
      QCOMPARE(s.tasks.size(), std::size_t{100});
      QCOMPARE(s.queues.size(), std::size_t{1});
      for (const auto& task : s.tasks) states.insert(int(task.state));
      timers = timers || !s.timers.empty();
      ready = ready || !s.ready.empty();
      items = items || !s.queues.front().items.empty() || !s.queues.front().getters.empty();
    }
    QVERIFY(states.contains(int(trace::TaskState::Waiting)));
    QVERIFY(states.contains(int(trace::TaskState::Scheduled)));
    QVERIFY(states.contains(int(trace::TaskState::Done)));
    QVERIFY(timers);
    QVERIFY(ready);
    QVERIFY(items);
  }
};

QTEST_GUILESS_MAIN(TestBenchRender)
#include "test_bench_render.moc"
