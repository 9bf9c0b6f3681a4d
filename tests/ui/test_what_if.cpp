// test_what_if.cpp: lesson variants against real runs of both programs
// (tests/ui/data/<id>.jsonl and <id>.variant.jsonl, recorded by
// `loopscope trace`, see regenerate-learning), and the What if… window
// running a pair through a Runner.
#include <QtTest>

#include <QComboBox>
#include <QPlainTextEdit>

#include "scenarios/scenario_catalog.h"
#include "support/recorded_traces.h"
#include "ui/labels.h"
#include "ui/what_if_chart.h"
#include "ui/what_if_comparison.h"
#include "ui/what_if_window.h"

using trace::EventKind;

namespace {

// The clock at the end, replayed by hand from the events that move it.
double endClock(const trace::Trace& t) {
  double clock = 0.0;
  for (const auto& e : t.events()) {
    if (e.kind == EventKind::ClockAdvanced) clock = e.d;
    if (e.kind == EventKind::LoopBlocked) clock += e.d;
  }
  return clock;
}

int exitStatus(const trace::Trace& t) {
  for (const auto& e : t.events())
    if (e.kind == EventKind::RunEnd) return static_cast<int>(e.a);
  return -1;
}

QStringList stdoutLines(const trace::Trace& t) {
  QString all;
  for (const auto& e : t.events())
    if (e.kind == EventKind::Output && static_cast<trace::Stream>(e.flags) == trace::Stream::Stdout)
      all += ui::traceString(t, e.c);
  return all.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// A runner that answers each run() with the next prepared result and
// remembers every request.
class ScriptedRunner : public ui::Runner {
 public:
  QList<ui::RunResult> results;
  QList<ui::RunRequest> requests;
  QCoro::Task<ui::RunResult> run(ui::RunRequest request) override {
    requests << request;
    ui::RunResult r = results.isEmpty() ? ui::RunResult{} : results.takeFirst();
    co_return r;
  }
  void cancel() override {}
};

}  // namespace

class TestWhatIf : public QObject {
  Q_OBJECT

 private slots:
  void variantsRunAndTheSentenceMatches_data() {
    QTest::addColumn<QString>("id");
    // Each lesson's claim about its first variant, as a relation between
    // the two end times: -1 earlier, 0 same, +1 later.
    QTest::addColumn<int>("finish");
    QTest::newRow("sequential_vs_gather") << QStringLiteral("sequential_vs_gather") << -1;
    QTest::newRow("blocking_sleep") << QStringLiteral("blocking_sleep") << -1;
    QTest::newRow("queue_backpressure") << QStringLiteral("queue_backpressure") << 0;
    QTest::newRow("producer_consumer") << QStringLiteral("producer_consumer") << -1;
    QTest::newRow("semaphore_crawler") << QStringLiteral("semaphore_crawler") << +1;
    QTest::newRow("forgotten_await") << QStringLiteral("forgotten_await") << +1;
    QTest::newRow("foo_bar") << QStringLiteral("foo_bar") << -1;
  }

  void variantsRunAndTheSentenceMatches() {
    QFETCH(QString, id);
    QFETCH(int, finish);
    const scenarios::Scenario s = scenarios::find(id);
    QVERIFY(!s.variants.isEmpty());
    QString error;
    const QString variantSource = scenarios::applyVariant(s.source, s.variants.first(), &error);
    QVERIFY2(!variantSource.isEmpty(), qPrintable(error));
    QVERIFY(variantSource != s.source);
    auto a = fixture::loadRecordedTrace(id);
    auto b = fixture::loadRecordedTrace(id + QStringLiteral(".variant"));
    QVERIFY(a && b);
    // Both traces are runs of exactly these programs (else: regenerate-learning).
    QCOMPARE(QString::fromStdString(a->source()), s.source);
    QCOMPARE(QString::fromStdString(b->source()), variantSource);
    QCOMPARE(exitStatus(*a), 0);
    QCOMPARE(exitStatus(*b), 0);

    const ui::WhatIfDifference d =
        ui::compareRuns(*a, *b, QStringLiteral("The lesson"), s.variants.first().label);
    QCOMPARE(d.finishA, endClock(*a));
    QCOMPARE(d.finishB, endClock(*b));
    const QString fa = QString::number(d.finishA, 'f', 2), fb = QString::number(d.finishB, 'f', 2);
    QVERIFY2(d.sentence.startsWith(QStringLiteral("“%1” finishes at t=%2").arg(s.variants.first().label, fb)),
             qPrintable(d.sentence));
    if (fa == fb)
      QVERIFY2(d.sentence.contains(QStringLiteral("the same time")), qPrintable(d.sentence));
    else
      QVERIFY2(d.sentence.contains(QStringLiteral("instead of t=") + fa), qPrintable(d.sentence));
    QCOMPARE(d.finishB < d.finishA ? -1 : d.finishB > d.finishA ? 1 : 0, finish);

    // The first differing printed line, checked line by line.
    const QStringList la = stdoutLines(*a), lb = stdoutLines(*b);
    int first = 0;
    for (int i = 0; i < std::max(la.size(), lb.size()) && first == 0; ++i)
      if (i >= la.size() || i >= lb.size() || la[i] != lb[i]) first = i + 1;
    QCOMPARE(d.firstDifferentLine, first);
    if (first == 0) {
      QVERIFY2(d.sentence.contains(QStringLiteral("the same lines in the same order")),
               qPrintable(d.sentence));
    } else {
      QVERIFY2(d.sentence.contains(QStringLiteral("from line %1").arg(first)), qPrintable(d.sentence));
      QStringList sa = la, sb = lb;
      sa.sort();
      sb.sort();
      QCOMPARE(d.sameLinesReordered, sa == sb);
    }

    // The chart's summary agrees: same finish, every printed line, a lane per task.
    const ui::RunSummary sum = ui::RunSummary::of(*b, QStringLiteral("B"));
    QCOMPARE(sum.finish, d.finishB);
    QCOMPARE(sum.printed.size(), lb.size());
    int tasks = 0;
    for (const auto& e : b->events()) tasks += e.kind == EventKind::TaskCreated;
    QCOMPARE(sum.lanes.size(), tasks);
    QCOMPARE(sum.outputUntil(sum.finish).count(QLatin1Char('\n')), lb.size());
  }

  // The lesson's own claim, told by the sentence: the forgotten save runs
  // once awaited, so the variant prints a line the lesson never does.
  void forgottenAwaitPrintsMore() {
    auto a = fixture::loadRecordedTrace(QStringLiteral("forgotten_await"));
    auto b = fixture::loadRecordedTrace(QStringLiteral("forgotten_await.variant"));
    QVERIFY(a && b);
    const auto d = ui::compareRuns(*a, *b, QStringLiteral("A"), QStringLiteral("B"));
    QVERIFY(!d.sameLinesReordered);
    QVERIFY(stdoutLines(*b).size() > stdoutLines(*a).size());
  }

  void aMissingEditIsRefused() {
    scenarios::Variant v{QStringLiteral("nothing"), {{QStringLiteral("no such text"), QStringLiteral("x")}}};
    QString error;
    QVERIFY(scenarios::applyVariant(QStringLiteral("print(1)\n"), v, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("no such text")));
  }

  void pairsOfferVariantsAndTheEdit() {
    const scenarios::Scenario s = scenarios::find(QStringLiteral("queue_backpressure"));
    auto pairs = ui::WhatIfWindow::pairsFor(s, s.source);
    QCOMPARE(pairs.size(), s.variants.size());
    pairs = ui::WhatIfWindow::pairsFor(s, s.source + QStringLiteral("# mine\n"));
    QCOMPARE(pairs.size(), s.variants.size() + 1);
    QCOMPARE(pairs.last().sourceB, s.source + QStringLiteral("# mine\n"));
    QVERIFY(ui::WhatIfWindow::pairsFor(scenarios::Scenario{}, QStringLiteral("x")).isEmpty());
  }

  // The window runs A then B through the runner and shows both on one clock.
  void windowComparesThroughTheRunner() {
    const scenarios::Scenario s = scenarios::find(QStringLiteral("sequential_vs_gather"));
    ScriptedRunner runner;
    runner.results << ui::RunResult{fixture::loadRecordedTrace(QStringLiteral("sequential_vs_gather")), 0, 0, 0, {}}
                   << ui::RunResult{fixture::loadRecordedTrace(QStringLiteral("sequential_vs_gather.variant")), 0, 0, 0, {}};
    ui::WhatIfWindow w(&runner, s, s.source, QStringLiteral("sequential_vs_gather.py"));
    QSignalSpy done(&w, &ui::WhatIfWindow::compared);
    w.compare(0);
    QTRY_COMPARE(done.size(), 1);
    QCOMPARE(runner.requests.size(), 2);
    QCOMPARE(runner.requests[0].source, s.source);
    QCOMPARE(runner.requests[1].source, scenarios::applyVariant(s.source, s.variants.first()));
    QCOMPARE(w.sentence(), w.difference().sentence);
    QCOMPARE(w.chart()->timeSpan(), std::max(w.difference().finishA, w.difference().finishB));
    // One playhead: moving it shows each run's output up to that moment.
    w.chart()->setPlayhead(0.0);
    const ui::RunSummary a = ui::RunSummary::of(*w.traceA(), QString());
    QCOMPARE(w.consoleA(), a.outputUntil(0.0));
    w.chart()->setPlayhead(w.chart()->timeSpan());
    QCOMPARE(w.consoleB().count(QLatin1Char('\n')), stdoutLines(*w.traceB()).size());
    QCOMPARE(w.chart()->timeAtX(w.chart()->xForTime(1.0)), 1.0);
  }

  void aRefusedVariantSaysSo() {
    const scenarios::Scenario s = scenarios::find(QStringLiteral("foo_bar"));
    ScriptedRunner runner;
    runner.results << ui::RunResult{fixture::loadRecordedTrace(QStringLiteral("foo_bar")), 0, 0, 0, {}}
                   << ui::RunResult{nullptr, 2, 3, 1, QStringLiteral("unsupported: something")};
    ui::WhatIfWindow w(&runner, s, s.source, QStringLiteral("foo_bar.py"));
    QCoro::Task<> run = w.compare(0);
    QTRY_VERIFY(w.sentence().contains(QStringLiteral("unsupported: something")));
    QVERIFY(!w.traceB());
  }
};

QTEST_MAIN(TestWhatIf)
#include "test_what_if.moc"
