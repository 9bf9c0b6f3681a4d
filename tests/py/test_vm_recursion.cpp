// test_vm_recursion.cpp: runaway recursion ends as in CPython 3.11.
//
// Every tests/py/data/recursion/NAME.py runs through py::runProgram; its
// standard output, standard error and exit status must equal NAME.out,
// NAME.err and NAME.rc, written by tests/py/data/gen_recursion.py from
// CPython run directly (see there for the three things it normalises in
// standard error: the path, the ^^^ markers, asyncio's own frames). That
// covers the depth at which RecursionError is raised (module level, tasks,
// callbacks, run_until_complete, run_forever, setrecursionlimit) and the
// traceback's "[Previous line repeated N more times]" folding.
//
// Beyond CPython: a recursion through built-in code with a huge recursion
// limit crashes CPython (C stack overflow); here it raises RecursionError.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <string>

#include "core/py/program.h"

namespace {

QString dataDir() { return QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/py/data/recursion"); }

struct Result {
  std::string out, err;
  int status = 0;
};

Result runSource(const std::string& source, const std::string& fileName) {
  Result r;
  py::RunOptions opts;
  opts.onOutput = [&](trace::Stream s, std::string_view text) {
    if (s == trace::Stream::Stdout)
      r.out.append(text);
    else if (s == trace::Stream::Stderr)
      r.err.append(text);
  };
  r.status = py::runProgram(source, fileName, opts).exitStatus;
  return r;
}

std::string readAll(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return "<missing " + path.toStdString() + ">";
  return f.readAll().toStdString();
}

}  // namespace

class TestVmRecursion : public QObject {
  Q_OBJECT
 private slots:
  void programs_data() {
    QTest::addColumn<QString>("name");
    const QStringList files = QDir(dataDir()).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 8);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << f;
  }

  void programs() {
    QFETCH(QString, name);
    const QString base = dataDir() + '/' + QFileInfo(name).completeBaseName();
    Result r = runSource(readAll(dataDir() + '/' + name), name.toStdString());
    QCOMPARE(QString::fromStdString(r.out), QString::fromStdString(readAll(base + ".out")));
    QCOMPARE(QString::fromStdString(r.err), QString::fromStdString(readAll(base + ".err")));
    QCOMPARE(r.status, QString::fromStdString(readAll(base + ".rc")).trimmed().toInt());
  }

  // CPython 3.11 dies of a segmentation fault on this program; the stack
  // guard (core/py/stack_guard.h) turns it into a RecursionError.
  void nativeRecursionWithHugeLimitRaises() {
    const std::string source =
        "import sys\n"
        "sys.setrecursionlimit(1000000)\n"
        "class R:\n"
        "    def __repr__(self):\n"
        "        return repr(self)\n"
        "def drain():\n"
        "    yield list(drain())\n"
        "for case in (lambda: repr(R()), lambda: list(drain())):\n"
        "    try:\n"
        "        case()\n"
        "    except RecursionError as e:\n"
        "        print(type(e).__name__, e)\n";
    Result r = runSource(source, "huge_limit.py");
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(QString::fromStdString(r.out),
             QStringLiteral("RecursionError maximum recursion depth exceeded\n"
                            "RecursionError maximum recursion depth exceeded\n"));
    QCOMPARE(r.status, 0);
  }

  // A plain Python recursion never nests the C++ stack, so a raised limit is
  // honoured in full (CPython reaches the same depth: 49999 frames of f).
  void pythonRecursionHonoursRaisedLimit() {
    const std::string source =
        "import sys\n"
        "sys.setrecursionlimit(50000)\n"
        "n = 0\n"
        "def f():\n"
        "    global n\n"
        "    n += 1\n"
        "    f()\n"
        "try:\n"
        "    f()\n"
        "except RecursionError:\n"
        "    print(n)\n";
    Result r = runSource(source, "raised_limit.py");
    QCOMPARE(QString::fromStdString(r.out), QStringLiteral("49999\n"));
  }
};

QTEST_GUILESS_MAIN(TestVmRecursion)
#include "test_vm_recursion.moc"
