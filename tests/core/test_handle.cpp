// test_handle.cpp: a language callable's arguments live out of line
// (HandleArgs): they must stay alive while the handle waits in `ready` or
// in the timer heap, through collections, and reach the call intact.
#include <QtTest>

#include <string>
#include <vector>

#include "support/env.h"

using loop::StepResult;
using loop::Value;

class TestHandle : public QObject {
  Q_OBJECT

 private slots:
  void argumentsSurviveCollection() {
    testing::Env env;
    std::vector<std::string> seen;
    auto cb = env.host.callable("cb", [&](std::span<const Value> args) {
      std::string s;
      for (Value v : args) s += env.host.repr(v) + ",";
      seen.push_back(s);
      return StepResult::returned();
    });
    // The callable and the arguments are reachable only from the loop's handles.
    env.loop.callSoon(cb, {env.host.str("a"), Value::smallInt(1)});
    env.loop.callLater(1, cb, {env.host.str("b"), Value::smallInt(2), Value::smallInt(3)});
    loop::Handle* dropped = env.loop.callSoon(cb, {env.host.str("c")});
    env.loop.cancelHandle(dropped);
    env.heap.collect();
    // Fresh allocations would reuse any block the collection wrongly freed.
    for (int i = 0; i < 1000; ++i) env.host.str("filler " + std::to_string(i));
    env.loop.runOnce();
    env.loop.runOnce();
    QCOMPARE(seen, (std::vector<std::string>{"'a',1,", "'b',2,3,"}));
  }

  void handlesAreSmall() {
    // A million call_soon handles are alive at once in bench/loop; the
    // one-byte fields sit in Object's tail padding (Itanium C++ ABI).
    QVERIFY(sizeof(loop::Handle) <= 56);
    QVERIFY(sizeof(loop::TimerHandle) <= 72);
  }
};

QTEST_GUILESS_MAIN(TestHandle)
#include "test_handle.moc"
