// test_lesson_moments.cpp: every lesson's "moments" (scenarios/*.json) must
// really fire. A moment is shown when the narration at the cursor contains its
// `match`, so a match that no event's narration contains is a silent no-op:
// this runs each scenario as the GUI does, narrates every cursor position and
// checks each match against those sentences.
//
// Writing moments: LOOPSCOPE_PRINT_NARRATION=<scenario id> makes this test
// print the narration of every event of that scenario, to pick match strings
// (add -maxwarnings 0 for long traces).
#include <QtTest>

#include <algorithm>
#include <memory>

#include "core/py/program.h"
#include "core/trace/trace.h"
#include "scenarios/scenario_catalog.h"
#include "ui/narration.h"

namespace {

struct Narrated {
  std::shared_ptr<const trace::Trace> trace;
  QStringList sentences;  // what the narration pane shows at cursors 0 .. size, in order
};

Narrated runAndNarrate(const scenarios::Scenario& lesson) {
  py::RunOptions options;  // the GUI's defaults (app/thread_runner.cpp)
  options.onOutput = [](trace::Stream, std::string_view) {};
  const std::string fileName = (lesson.id + QStringLiteral(".py")).toStdString();
  Narrated n{py::runProgram(lesson.source.toStdString(), fileName, options).trace, {}};
  if (!n.trace) return n;
  const trace::Trace& t = *n.trace;
  // One forward walk: stateAt per cursor would be quadratic on the long
  // cpu_starvation trace. The test checks a sample against the pane's way.
  trace::State after = t.stateAt(0);
  n.sentences << ui::narrate(t, 0, after, after);
  for (std::size_t cursor = 1; cursor <= t.size(); ++cursor) {
    const trace::State before = after;
    after.apply(t[cursor - 1]);
    n.sentences << ui::narrate(t, cursor, before, after);
  }
  return n;
}

}  // namespace

class TestLessonMoments : public QObject {
  Q_OBJECT

 private slots:
  void everyMomentMatchesSomeNarration_data() {
    QTest::addColumn<QString>("id");
    const auto lessons = scenarios::all();
    QVERIFY(!lessons.isEmpty());
    for (const auto& s : lessons) QTest::newRow(qPrintable(s.id)) << s.id;
  }

  void everyMomentMatchesSomeNarration() {
    QFETCH(QString, id);
    const scenarios::Scenario lesson = scenarios::find(id);
    QCOMPARE(lesson.id, id);
    const Narrated n = runAndNarrate(lesson);
    QVERIFY2(n.trace && n.sentences.size() > 1, "the scenario produced no trace");
    const QStringList& sentences = n.sentences;
    if (qEnvironmentVariable("LOOPSCOPE_PRINT_NARRATION") == id)
      for (int i = 0; i < sentences.size(); ++i) qInfo().noquote() << i << sentences[i];
    // The walk reads what the pane reads (narrate from the trace's own states).
    const std::size_t stride = std::max<std::size_t>(1, n.trace->size() / 200);
    for (std::size_t cursor = 0; cursor <= n.trace->size(); cursor += stride)
      QCOMPARE(sentences[qsizetype(cursor)], ui::narrate(*n.trace, cursor, n.trace->stateAt(cursor)));

    QVERIFY2(lesson.moments.size() >= 2,
             qPrintable(QStringLiteral("%1 has %2 moment(s); a lesson needs at least two")
                            .arg(id)
                            .arg(lesson.moments.size())));
    for (const auto& m : lesson.moments) {
      QVERIFY2(!m.match.isEmpty() && !m.text.isEmpty(),
               qPrintable(id + QStringLiteral(": a moment without match or text")));
      bool found = false;
      for (const auto& s : sentences) found = found || s.contains(m.match);
      QVERIFY2(found, qPrintable(QStringLiteral("%1: no narration contains \"%2\"").arg(id, m.match)));
    }
  }
};

QTEST_GUILESS_MAIN(TestLessonMoments)
#include "test_lesson_moments.moc"
