// test_cli.cpp: the walking skeleton end to end. `loopscope run` prints what
// CPython prints for the foo/bar tutorial, the recorded trace has the task
// states and timers the story needs at t = 0, 1 and 2, and `shot` writes a
// real picture of the requested size.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "core/py/program.h"
#include "core/trace/trace.h"

namespace {

const QString kBinary = QStringLiteral(LOOPSCOPE_BINARY_DIR "/app/loopscope");
const QString kSource = QStringLiteral(LOOPSCOPE_SOURCE_DIR);

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const trace::TaskView* taskRunning(const trace::Trace& t, const trace::State& s, std::string_view coroutine) {
  for (const auto& task : s.tasks)
    if (t.str(task.coroutine) == coroutine) return &task;
  return nullptr;
}

}  // namespace

class TestCli : public QObject {
  Q_OBJECT

 private slots:
  // Expected output: what CPython printed for the tutorial, stored by
  // tests/conformance/regenerate (never typed in).
  void runPrintsWhatCPythonPrintsForFooBar() {
    const QString program = kSource + QStringLiteral("/../shared/tutorials/foo_bar.py");
    const QString expected = kSource + QStringLiteral("/tests/conformance/cases/tutorials/foo_bar.out");
    if (!QFile::exists(program)) QSKIP("../shared/tutorials is not beside this checkout");
    QVERIFY(QFile::exists(expected));
    QProcess p;
    p.start(kBinary, {QStringLiteral("run"), program});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(p.readAllStandardOutput(), readAll(expected));
  }

  void traceHasTheStoryAtZeroOneAndTwo() {
    const QByteArray source = readAll(kSource + QStringLiteral("/scenarios/foo_bar.py"));
    QVERIFY(!source.isEmpty());
    py::RunOptions options;
    options.onOutput = [](trace::Stream, std::string_view) {};
    const auto outcome = py::runProgram(source.toStdString(), "foo_bar.py", options);
    QCOMPARE(outcome.exitStatus, 0);
    QVERIFY(outcome.trace);
    const trace::Trace& t = *outcome.trace;

    std::vector<std::size_t> advances;
    for (std::size_t i = 0; i < t.size(); ++i)
      if (t[i].kind == trace::EventKind::ClockAdvanced) advances.push_back(i);
    QCOMPARE(advances.size(), std::size_t{2});

    // t = 0, when nothing is ready any more: both sleeps wait on timers.
    const trace::State atZero = t.stateAt(advances[0]);
    QCOMPARE(atZero.clock, 0.0);
    QVERIFY(atZero.ready.empty());
    QCOMPARE(atZero.timers.size(), std::size_t{2});
    QCOMPARE(atZero.timers[0].when, 1.0);
    QCOMPARE(atZero.timers[1].when, 2.0);
    for (const char* name : {"main", "foo", "bar"}) {
      const auto* task = taskRunning(t, atZero, name);
      QVERIFY2(task, name);
      QCOMPARE(int(task->state), int(trace::TaskState::Waiting));
    }

    // t = 1: foo has finished; bar still waits on the timer for t = 2.
    const trace::State atOne = t.stateAt(advances[1]);
    QCOMPARE(atOne.clock, 1.0);
    QCOMPARE(atOne.timers.size(), std::size_t{1});
    QCOMPARE(atOne.timers[0].when, 2.0);
    QCOMPARE(int(taskRunning(t, atOne, "foo")->state), int(trace::TaskState::Done));
    QCOMPARE(int(taskRunning(t, atOne, "bar")->state), int(trace::TaskState::Waiting));

    // The end, t = 2: everything done, no timer left, exit status 0.
    const trace::State atEnd = t.stateAt(t.size());
    QCOMPARE(atEnd.clock, 2.0);
    QVERIFY(atEnd.timers.empty());
    for (const char* name : {"main", "foo", "bar"})
      QCOMPARE(int(taskRunning(t, atEnd, name)->state), int(trace::TaskState::Done));
    QCOMPARE(atEnd.exitStatus, 0);
  }

  void shotWritesAPictureOfTheRequestedSize() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("foo_bar.png"));
    QProcess p;
    p.start(kBinary, {QStringLiteral("shot"), QStringLiteral("foo_bar"), QStringLiteral("--size"),
                      QStringLiteral("1280x720"), QStringLiteral("-o"), out});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const QImage image(out);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 720));
    // Not blank: many distinct colours (text, cards, markers), not one fill.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
      for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
  }

  void shotTakesThePresenterAndInternalsViews() {
    QTemporaryDir dir;
    auto shot = [&](const QString& name, const QStringList& extra) {
      const QString out = dir.filePath(name);
      QProcess p;
      p.start(kBinary, QStringList{QStringLiteral("shot"), QStringLiteral("foo_bar"), QStringLiteral("--at"),
                                   QStringLiteral("20"), QStringLiteral("--size"), QStringLiteral("1280x720"),
                                   QStringLiteral("-o"), out} +
                           extra);
      if (!p.waitForFinished(120000) || p.exitCode() != 0) return QImage();
      return QImage(out);
    };
    const QImage plain = shot(QStringLiteral("plain.png"), {});
    const QImage presenter = shot(QStringLiteral("presenter.png"), {QStringLiteral("--presenter")});
    const QImage internals = shot(QStringLiteral("internals.png"), {QStringLiteral("--internals")});
    for (const QImage* img : {&plain, &presenter, &internals}) QCOMPARE(img->size(), QSize(1280, 720));
    QVERIFY(presenter != plain);
    QVERIFY(internals != plain);
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
