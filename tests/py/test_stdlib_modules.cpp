// test_stdlib_modules.cpp: what the conformance suite cannot check because
// CPython behaves differently on purpose: importing a standard-library module
// the simulator lacks is refused before anything runs (CPython would import
// it), and the virtual clock's calendar (CPython's reference prints the real
// wall-clock time for time.strftime('%X')).  Module behaviour that CPython
// can judge lives in tests/conformance/cases/stdlib_*.py.
#include <QtTest>

#include <string>

#include "core/py/program.h"

namespace {

struct Run {
  int status = 0;
  std::string out, err;
};

Run run(const std::string& source) {
  Run r;
  py::RunOptions options;
  options.onOutput = [&](trace::Stream s, std::string_view text) {
    (s == trace::Stream::Stdout ? r.out : r.err).append(text);
  };
  r.status = py::runProgram(source, "prog.py", options).exitStatus;
  return r;
}

}  // namespace

class TestStdlibModules : public QObject {
  Q_OBJECT

 private slots:
  void refusedModules_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("import") << "import asyncio\nimport threading\nprint('never')\n"
                            << "prog.py:2:8: unsupported: module 'threading'\n";
    QTest::newRow("from, inside a function") << "def f():\n    from os import path\nprint('never')\n"
                                             << "prog.py:2:5: unsupported: module 'os'\n";
    QTest::newRow("dotted") << "x = 1\nimport os.path as p\n"
                            << "prog.py:2:8: unsupported: module 'os'\n";
    QTest::newRow("submodule of a provided module")
        << "from collections import abc\n"
        << "prog.py:1:25: unsupported: module 'collections.abc'\n";
    QTest::newRow("in a try") << "try:\n    import subprocess\nexcept ImportError:\n    pass\n"
                              << "prog.py:2:12: unsupported: module 'subprocess'\n";
  }
  void refusedModules() {
    QFETCH(QString, source);
    QFETCH(QString, expected);
    Run r = run(source.toStdString());
    QCOMPARE(r.status, 2);
    QCOMPARE(QString::fromStdString(r.out), QString());
    QCOMPARE(QString::fromStdString(r.err), expected);
  }

  // Not a standard-library name: CPython's own error, when the import runs.
  // CPython 3.11 on `print('first')\nimport numpyy` prints `first`, then a
  // traceback ending `ModuleNotFoundError: No module named 'numpyy'`, status 1.
  void unknownModuleIsModuleNotFoundError() {
    Run r = run("print('first')\nimport numpyy\n");
    QCOMPARE(r.status, 1);
    QCOMPARE(QString::fromStdString(r.out), QStringLiteral("first\n"));
    QVERIFY(QString::fromStdString(r.err).endsWith(
        QStringLiteral("ModuleNotFoundError: No module named 'numpyy'\n")));
  }

  void providedModulesImport() {
    Run r =
        run("from __future__ import annotations\n"
            "import asyncio, time, random, math, sys, functools, collections, logging, json, itertools\n"
            "import string, operator, contextlib, typing, dataclasses, enum\n"
            "print('ok')\n");
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(r.status, 0);
    QCOMPARE(QString::fromStdString(r.out), QStringLiteral("ok\n"));
  }

  // The Python docs' first asyncio example: the virtual clock's epoch is 0
  // and local time is UTC, so strftime('%X') shows the 3 virtual seconds.
  void strftimeReadsTheVirtualClock() {
    Run r = run(
        "import asyncio, time\n"
        "async def main():\n"
        "    print(f\"started at {time.strftime('%X')}\")\n"
        "    await asyncio.sleep(1)\n"
        "    await asyncio.sleep(2)\n"
        "    print(f\"finished at {time.strftime('%X')}\")\n"
        "    print(time.ctime(), time.localtime().tm_sec, time.time_ns(), time.mktime(time.localtime()))\n"
        "asyncio.run(main())\n");
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(QString::fromStdString(r.out),
             QStringLiteral(
                 "started at 00:00:00\nfinished at 00:00:03\nThu Jan  1 00:00:03 1970 3 3000000000 3.0\n"));
  }

  // Logging's default handler writes to stderr and leaves stdout alone.
  void loggingDefaultsToStderr() {
    Run r =
        run("import logging\n"
            "print('out')\n"
            "logging.warning('careful %d', 1)\n"
            "logging.getLogger('svc').error('bad')\n"
            "logging.info('dropped')\n");
    QCOMPARE(r.status, 0);
    QCOMPARE(QString::fromStdString(r.out), QStringLiteral("out\n"));
    QCOMPARE(QString::fromStdString(r.err), QStringLiteral("WARNING:root:careful 1\nERROR:svc:bad\n"));
  }
};

QTEST_GUILESS_MAIN(TestStdlibModules)
#include "test_stdlib_modules.moc"
