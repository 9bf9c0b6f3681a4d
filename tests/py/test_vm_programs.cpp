// test_vm_programs.cpp: runs every tests/py/programs/*.py through
// py::runProgram and compares stdout and the exit status with what CPython
// 3.11 printed (the .out/.rc files written by tests/py/programs/regenerate).
//
// Debugging aid: LS_RUN_FILE=path runs one file and prints its output.
#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdio>
#include <string>

#include "core/py/program.h"

namespace {

struct Result {
  std::string out, err;
  int status = 0;
};

Result runFile(const QString& path) {
  QFile f(path);
  f.open(QIODevice::ReadOnly);
  std::string src = f.readAll().toStdString();
  Result r;
  py::RunOptions opts;
  opts.onOutput = [&](trace::Stream s, std::string_view text) {
    (s == trace::Stream::Stdout ? r.out : r.err).append(text);
  };
  auto outcome = py::runProgram(src, QFileInfo(path).fileName().toStdString(), opts);
  r.status = outcome.exitStatus;
  return r;
}

std::string readAll(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return "<missing>";
  return f.readAll().toStdString();
}

}  // namespace

class TestVmPrograms : public QObject {
  Q_OBJECT
 private slots:
  void programs_data() {
    QTest::addColumn<QString>("path");
    QDir dir(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/py/programs"));
    for (const QString& name : dir.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name))
      QTest::newRow(name.toUtf8().constData()) << dir.filePath(name);
  }
  void programs() {
    QFETCH(QString, path);
    Result r = runFile(path);
    QString base = path.left(path.size() - 3);
    std::string expected = readAll(base + ".out");
    std::string rc = readAll(base + ".rc");
    if (r.out != expected) {
      std::fprintf(stderr, "--- expected\n%s--- got\n%s--- stderr\n%s", expected.c_str(), r.out.c_str(), r.err.c_str());
    }
    QCOMPARE(QString::fromStdString(r.out), QString::fromStdString(expected));
    QCOMPARE(r.status, std::stoi(rc));
  }
  void initTestCase() {
    QByteArray file = qgetenv("LS_RUN_FILE");
    if (file.isEmpty()) return;
    Result r = runFile(QString::fromLocal8Bit(file));
    std::fputs(r.out.c_str(), stdout);
    std::fputs(r.err.c_str(), stderr);
    std::fprintf(stderr, "[exit %d]\n", r.status);
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(0);
  }
};

QTEST_GUILESS_MAIN(TestVmPrograms)
#include "test_vm_programs.moc"
