// test_never_awaited.cpp: "coroutine 'NAME' was never awaited", as CPython
// 3.11 reports it. For each tests/py/data/never_awaited/NAME.py the run must
// write CPython's standard error (NAME.err), interleave it with standard
// output as CPython did (NAME.log: both streams through one pipe, so each
// warning comes out at the moment CPython gave it), and record one
// Diagnostic(NeverAwaited) event per warning, with its line (0 at exit),
// just before the warning's text in the trace. The cases cover each drop
// point: an expression statement, a store overwriting the last reference
// (local, global, attribute, list item), a frame returning with one in a
// local, and interpreter exit. The data files come from
// tests/py/data/gen_never_awaited.py (CPython), never by hand.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <string>
#include <utility>
#include <vector>

#include "core/py/program.h"

namespace {

std::string readAll(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return "<missing " + path.toStdString() + ">";
  return f.readAll().toStdString();
}

// (line, message) of each warning in CPython's stderr text; line 0 for "sys:1".
std::vector<std::pair<int, std::string>> warningsIn(const std::string& err) {
  std::vector<std::pair<int, std::string>> out;
  static const QRegularExpression re(QStringLiteral("^(\\S+):(\\d+): RuntimeWarning: (.*)$"),
                                     QRegularExpression::MultilineOption);
  auto it = re.globalMatch(QString::fromStdString(err));
  while (it.hasNext()) {
    auto m = it.next();
    int line = m.captured(1) == QStringLiteral("sys") ? 0 : m.captured(2).toInt();
    out.emplace_back(line, m.captured(3).toStdString());
  }
  return out;
}

}  // namespace

class TestNeverAwaited : public QObject {
  Q_OBJECT
 private slots:
  void programs_data() {
    QTest::addColumn<QString>("path");
    QDir dir(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/py/data/never_awaited"));
    for (const QString& name : dir.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name))
      QTest::newRow(name.toUtf8().constData()) << dir.filePath(name);
  }

  void programs() {
    QFETCH(QString, path);
    std::string source = readAll(path);
    std::string err, log;
    py::RunOptions opts;
    opts.onOutput = [&](trace::Stream s, std::string_view text) {
      if (s == trace::Stream::Stderr) err.append(text);
      if (s != trace::Stream::ClientLog) log.append(text);
    };
    py::RunOutcome outcome = py::runProgram(source, QFileInfo(path).fileName().toStdString(), opts);
    QCOMPARE(outcome.exitStatus, 0);

    QString stem = path.left(path.size() - 3);
    std::string wantErr = readAll(stem + ".err");
    QCOMPARE(QString::fromStdString(err), QString::fromStdString(wantErr));
    QCOMPARE(QString::fromStdString(log), QString::fromStdString(readAll(stem + ".log")));

    // The trace: a Diagnostic per warning, followed by the warning's text.
    std::vector<std::pair<int, std::string>> seen;
    const trace::Trace& t = *outcome.trace;
    for (std::size_t i = 0; i < t.size(); ++i) {
      const trace::Event& e = t[i];
      if (e.kind != trace::EventKind::Diagnostic ||
          e.flags != static_cast<std::uint8_t>(trace::DiagnosticKind::NeverAwaited))
        continue;
      seen.emplace_back(static_cast<int>(e.b), std::string(t.str(e.c)));
      QVERIFY(i + 1 < t.size());
      const trace::Event& next = t[i + 1];
      QCOMPARE(next.kind, trace::EventKind::Output);
      QVERIFY(std::string(t.str(next.c)).find(std::string(t.str(e.c))) != std::string::npos);
    }
    auto want = warningsIn(wantErr);
    QVERIFY(!want.empty());
    QCOMPARE(seen.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      QCOMPARE(seen[i].first, want[i].first);
      QCOMPARE(QString::fromStdString(seen[i].second), QString::fromStdString(want[i].second));
    }
  }

  // A coroutine that is awaited, or handed to a task, is never reported: CPython 3.11 runs this
  // program (under tests/conformance/reference.py) with nothing on standard error.
  void awaitedIsQuiet() {
    std::string err;
    py::RunOptions opts;
    opts.onOutput = [&](trace::Stream s, std::string_view text) {
      if (s == trace::Stream::Stderr) err.append(text);
    };
    py::runProgram(
        "import asyncio\n"
        "async def job():\n"
        "    return 1\n"
        "async def main():\n"
        "    await job()\n"
        "    t = asyncio.create_task(job())\n"
        "    await asyncio.gather(job(), t)\n"
        "    asyncio.ensure_future(job())\n"
        "asyncio.run(main())\n",
        "quiet.py", opts);
    QCOMPARE(QString::fromStdString(err), QString());
  }
};

QTEST_GUILESS_MAIN(TestNeverAwaited)
#include "test_never_awaited.moc"
