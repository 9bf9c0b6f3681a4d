// test_vm_budgets.cpp: what py::runProgram does at the edges the contract
// defines and CPython cannot show (it would hang): instruction, output and
// recursion budgets, refused programs, deadlocks; plus the trace events the
// VM records (Output, TaskLine).
#include <QTest>

#include <string>

#include "core/py/program.h"

namespace {

struct Run {
  std::string out, err;
  py::RunOutcome outcome;
};

Run run(const std::string& src, py::Budgets budgets = {}) {
  Run r;
  py::RunOptions opts;
  opts.budgets = budgets;
  opts.onOutput = [&](trace::Stream s, std::string_view text) {
    (s == trace::Stream::Stdout ? r.out : r.err).append(text);
  };
  r.outcome = py::runProgram(src, "prog.py", opts);
  return r;
}

bool contains(const std::string& hay, const char* needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

class TestVmBudgets : public QObject {
  Q_OBJECT
 private slots:
  void busyTaskStopsWithStatus2() {
    py::Budgets b;
    b.instructionsPerStep = 100000;
    Run r = run(
        "import asyncio\n"
        "async def spin():\n"
        "    print('start')\n"
        "    while True:\n"
        "        pass\n"
        "asyncio.run(spin())\n",
        b);
    QCOMPARE(r.outcome.exitStatus, 2);
    QCOMPARE(r.out, std::string("start\n"));
    QVERIFY2(contains(r.err, "task Task-1 blocked the event loop for 100000 instructions at line"), r.err.c_str());
  }

  void busyModuleStopsWithStatus2() {
    py::Budgets b;
    b.instructionsPerStep = 5000;  // module code gets 100 times a task step's budget
    Run r = run("x = 0\nwhile True:\n    x += 1\n", b);
    QCOMPARE(r.outcome.exitStatus, 2);
    QVERIFY(!r.err.empty());
  }

  void outputBudget() {
    py::Budgets b;
    b.outputBytes = 100;
    Run r = run("for i in range(1000):\n    print('line', i)\n", b);
    QCOMPARE(r.outcome.exitStatus, 2);
    QVERIFY(r.out.size() <= 100);
    QVERIFY2(contains(r.err, "output budget"), r.err.c_str());
  }

  void recursionLimit() {
    Run r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    QCOMPARE(r.outcome.exitStatus, 1);
    QVERIFY2(contains(r.err, "RecursionError: maximum recursion depth exceeded\n"), r.err.c_str());
  }

  void recursionIsCatchable() {
    Run r = run("def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n");
    QCOMPARE(r.outcome.exitStatus, 0);
    QCOMPARE(r.out, std::string("caught maximum recursion depth exceeded\n"));
  }

  void syntaxErrorIsRefused() {
    Run r = run("x = (1,\nprint(x)\n");
    QCOMPARE(r.outcome.exitStatus, 2);
    QVERIFY(r.outcome.errorLine > 0);
    QVERIFY(contains(r.err, "SyntaxError"));
  }

  void deadlockIsStatus1() {
    Run r = run(
        "import asyncio\n"
        "async def main():\n"
        "    q = asyncio.Queue()\n"
        "    print('waiting')\n"
        "    await q.get()\n"
        "asyncio.run(main())\n");
    QCOMPARE(r.outcome.exitStatus, 1);
    QCOMPARE(r.out, std::string("waiting\n"));
    QVERIFY(!r.err.empty());
  }

  void sysExitStatus() {
    Run r = run("import sys\nprint('bye')\nsys.exit(3)\nprint('never')\n");
    QCOMPARE(r.outcome.exitStatus, 3);
    QCOMPARE(r.out, std::string("bye\n"));
  }

  void traceRecordsOutputAndLines() {
    Run r = run(
        "import asyncio\n"
        "async def main():\n"
        "    print('a')\n"
        "    await asyncio.sleep(1)\n"
        "    print('b')\n"
        "asyncio.run(main())\n");
    QCOMPARE(r.outcome.exitStatus, 0);
    QVERIFY(r.outcome.trace);
    const trace::Trace& t = *r.outcome.trace;
    int outputs = 0;
    bool sawLine5 = false;
    for (const trace::Event& e : t.events()) {
      if (e.kind == trace::EventKind::Output && e.flags == static_cast<std::uint8_t>(trace::Stream::Stdout)) ++outputs;
      if (e.kind == trace::EventKind::TaskLine && e.b == 5) sawLine5 = true;
    }
    QCOMPARE(outputs, 2);
    QVERIFY(sawLine5);
  }

  void malformedSimLineIsRefused() {
    Run r = run("# sim: latency https://x.example\nprint('hi')\n");
    QCOMPARE(r.outcome.exitStatus, 2);
    QCOMPARE(r.outcome.errorLine, 1);
    QVERIFY(r.out.empty());
  }
};

QTEST_GUILESS_MAIN(TestVmBudgets)
#include "test_vm_budgets.moc"
