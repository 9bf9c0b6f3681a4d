// test_vm_budgets.cpp: what py::runProgram does at the edges the contract
// defines and CPython cannot show (it would hang): instruction, output and
// recursion budgets, refused programs, deadlocks; plus the trace events the
// VM records (Output, TaskLine), and what standard error says of a failing
// callback and of a traceback through a built-in module's Python source.
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

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
    QVERIFY2(contains(r.err, "prog.py:5: instruction budget: task Task-1 blocked the event loop for 100000 instructions"),
             r.err.c_str());
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

  void memoryErrorIsCatchable() {
    // Growing past the memory budget raises MemoryError in the program
    // (at a safe point), which may catch it and go on.
    py::Budgets b;
    b.memoryBytes = 4u << 20;
    Run r = run(
        "x = []\n"
        "try:\n"
        "    while True:\n"
        "        x.append('y' * 1000)\n"
        "except MemoryError as e:\n"
        "    x = None\n"
        "    print('caught', repr(e))\n"
        "print('still running')\n",
        b);
    QCOMPARE(r.outcome.exitStatus, 0);
    QCOMPARE(r.out, std::string("caught MemoryError()\nstill running\n"));
  }

  void uncaughtMemoryErrorInATaskIsStatus1() {
    py::Budgets b;
    b.memoryBytes = 4u << 20;
    Run r = run(
        "import asyncio\n"
        "async def hoard(store):\n"
        "    while True:\n"
        "        store.append('z' * 1000)\n"
        "        await asyncio.sleep(0)\n"
        "asyncio.run(hoard([]))\n",
        b);
    QCOMPARE(r.outcome.exitStatus, 1);
    QVERIFY2(r.err.ends_with("\nMemoryError\n"), r.err.c_str());
    QVERIFY2(contains(r.err, "Traceback (most recent call last):"), r.err.c_str());
  }

  void hugeAllocationRaisesAtOnce() {
    Run r = run("try:\n    x = [0] * 10**10\nexcept MemoryError:\n    print('list')\n"
                "try:\n    s = 'x' * 10**12\nexcept MemoryError:\n    print('str')\n");
    QCOMPARE(r.outcome.exitStatus, 0);
    QCOMPARE(r.out, std::string("list\nstr\n"));
  }

  // The GUI's Stop: RunOptions::cancel set from another thread ends a
  // runaway program (module code, then a task) with status 2, "stopped".
  // The run signals it has started through its first output; no timing.
  void cancelStopsARunawayProgram_data() {
    QTest::addColumn<QString>("source");
    QTest::newRow("module") << QStringLiteral("print('started')\nwhile True:\n    pass\n");
    QTest::newRow("task") << QStringLiteral(
        "import asyncio\nasync def spin():\n    print('started')\n    while True:\n        pass\n"
        "asyncio.run(spin())\n");
    QTest::newRow("loop") << QStringLiteral(
        "import asyncio\nasync def spin():\n    print('started')\n    while True:\n        await asyncio.sleep(0)\n"
        "asyncio.run(spin())\n");
  }

  void cancelStopsARunawayProgram() {
    QFETCH(QString, source);
    std::atomic<bool> cancel{false};
    std::mutex m;
    std::condition_variable cv;
    bool started = false;
    std::string err;
    py::RunOptions opts;
    opts.cancel = &cancel;
    opts.onOutput = [&](trace::Stream s, std::string_view text) {
      if (s == trace::Stream::Stderr) err.append(text);
      std::lock_guard<std::mutex> lock(m);
      started = true;
      cv.notify_all();
    };
    py::RunOutcome outcome;
    const std::string src = source.toStdString();
    std::thread worker([&] { outcome = py::runProgram(src, "prog.py", opts); });
    {
      std::unique_lock<std::mutex> lock(m);
      cv.wait(lock, [&] { return started; });
    }
    cancel.store(true);
    worker.join();
    QCOMPARE(outcome.exitStatus, 2);
    QCOMPARE(err, std::string("stopped\n"));
  }

  void unretrievedTaskIsReportedWhenDropped() {
    // scenarios/unretrieved_exception.py: the report (a Diagnostic, and
    // stderr) comes when the failed task is dropped, before main's print.
    py::RunOptions opts;
    std::string all;
    opts.onOutput = [&](trace::Stream, std::string_view text) { all.append(text); };
    py::RunOutcome outcome = py::runProgram(
        "import asyncio\n"
        "async def risky():\n"
        "    await asyncio.sleep(0.5)\n"
        "    raise RuntimeError('sensor unplugged')\n"
        "async def main():\n"
        "    asyncio.create_task(risky())\n"
        "    await asyncio.sleep(1)\n"
        "    print('main finished')\n"
        "asyncio.run(main())\n",
        "prog.py", opts);
    QCOMPARE(outcome.exitStatus, 0);
    QVERIFY2(all.starts_with("Task exception was never retrieved\nfuture: <Task finished name='Task-2' "
                             "coro=<risky() done, defined at prog.py:2> exception=RuntimeError('sensor unplugged')>\n"),
             all.c_str());
    QVERIFY2(all.ends_with("RuntimeError: sensor unplugged\nmain finished\n"), all.c_str());
    int diagnostic = -1, printed = -1, i = 0;
    for (const trace::Event& e : outcome.trace->events()) {
      if (e.kind == trace::EventKind::Diagnostic &&
          e.flags == static_cast<std::uint8_t>(trace::DiagnosticKind::UnretrievedException))
        diagnostic = i;
      if (e.kind == trace::EventKind::Output && e.flags == static_cast<std::uint8_t>(trace::Stream::Stdout)) printed = i;
      ++i;
    }
    QVERIFY(diagnostic >= 0);
    QVERIFY(diagnostic < printed);
  }

  void blockingSleepIsADiagnostic() {
    Run r = run(
        "import asyncio, time\n"
        "async def main():\n"
        "    time.sleep(1.5)\n"
        "    print('done')\n"
        "asyncio.run(main())\n");
    QCOMPARE(r.outcome.exitStatus, 0);
    QCOMPARE(r.out, std::string("done\n"));
    QCOMPARE(r.err, std::string("loopscope: the event loop was blocked for 1.50 s by time.sleep() at prog.py:3 "
                                "(no other task could run)\n"));
    bool found = false;
    for (const trace::Event& e : r.outcome.trace->events())
      if (e.kind == trace::EventKind::Diagnostic &&
          e.flags == static_cast<std::uint8_t>(trace::DiagnosticKind::LoopBlocked) && e.b == 3)
        found = true;
    QVERIFY(found);
  }

  void callbackErrorHeaderIsCPythons() {
    // /usr/bin/python3 tests/conformance/reference.py on this program
    // printed these header lines (its timer class is _SeqTimerHandle, the
    // reference runner's; CPython's own is TimerHandle).
    Run r = run(
        "import asyncio\n"
        "\n"
        "def on_tick(n, label):\n"
        "    raise ValueError(f'tick {n}')\n"
        "\n"
        "async def main():\n"
        "    loop = asyncio.get_running_loop()\n"
        "    loop.call_soon(on_tick, 1, 'soon')\n"
        "    loop.call_later(0.5, on_tick, 2, 'x' * 40)\n"
        "    await asyncio.sleep(1)\n"
        "\n"
        "asyncio.run(main())\n");
    QCOMPARE(r.outcome.exitStatus, 0);
    QVERIFY2(r.err.starts_with("Exception in callback on_tick(1, 'soon') at prog.py:3\n"
                               "handle: <Handle on_tick(1, 'soon') at prog.py:3>\n"
                               "Traceback (most recent call last):\n"),
             r.err.c_str());
    QVERIFY2(contains(r.err, "ValueError: tick 1\n"
                             "Exception in callback on_tick(2, 'xxxxxxxxxxxx...xxxxxxxxxxxxx') at prog.py:3\n"
                             "handle: <TimerHandle when=0.5 on_tick(2, 'xxxxxxxxxxxx...xxxxxxxxxxxxx') at prog.py:3>\n"),
             r.err.c_str());
  }

  void tracebackThroughBuiltinSourceNamesItsModule() {
    // CPython 3.11 ends with "  File \".../asyncio/locks.py\", line 518, in
    // _block" and its source line, then the exception's line. Loopscope's
    // Barrier is Python source of its own: its frames name the module and
    // show no line of the program.
    Run r = run(
        "import asyncio\n"
        "async def main():\n"
        "    b = asyncio.Barrier(2)\n"
        "    await b.abort()\n"
        "    await b.wait()\n"
        "asyncio.run(main())\n");
    QCOMPARE(r.outcome.exitStatus, 1);
    QVERIFY2(contains(r.err, "  File \"prog.py\", line 5, in main\n    await b.wait()\n"
                             "  File \"<built-in asyncio.locks>\", line "),
             r.err.c_str());
    QVERIFY2(r.err.ends_with(", in wait\nasyncio.exceptions.BrokenBarrierError: Barrier aborted\n"), r.err.c_str());
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
