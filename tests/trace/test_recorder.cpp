// test_recorder.cpp: string interning, ids, recording switches, names.
#include <QtTest>

#include <set>
#include <string>

#include "core/trace/event_fields.h"
#include "core/trace/trace.h"

using namespace trace;

class TestRecorder : public QObject {
  Q_OBJECT

 private slots:
  void internsOnce() {
    Recorder r;
    QCOMPARE(r.intern(""), StrId(0));
    StrId a = r.intern("sleep(1)");
    StrId b = r.intern("Task-2");
    QVERIFY(a != 0 && b != 0 && a != b);
    std::string again = "sleep(";
    again += "1)";
    QCOMPARE(r.intern(again), a);  // equal text, different buffer
    QCOMPARE(r.intern(std::string_view("sleep(1)xyz", 8)), a);
    QCOMPARE(r.trace().stringCount(), std::size_t(3));
    QCOMPARE(r.trace().str(0), std::string_view(""));
    QCOMPARE(r.trace().str(a), std::string_view("sleep(1)"));
    // Embedded NUL bytes are part of a string.
    StrId nul = r.intern(std::string_view("a\0b", 3));
    QVERIFY(nul != r.intern("a"));
    QCOMPARE(r.trace().str(nul).size(), std::size_t(3));
  }

  void idsStartAtOne() {
    Recorder r;
    QCOMPARE(r.newId(), Id(1));
    QCOMPARE(r.newId(), Id(2));
  }

  void disabledRecordsNothing() {
    Recorder r;
    r.setEnabled(false);
    QVERIFY(!r.enabled());
    r.record(EventKind::RunBegin);
    r.record(Event{EventKind::RunEnd});
    QCOMPARE(r.trace().size(), std::size_t(0));
    r.setEnabled(true);
    r.record(EventKind::RunEnd, 3);
    QCOMPARE(r.trace().size(), std::size_t(1));
    QCOMPARE(r.trace().stateAt(1).exitStatus, 3);
  }

  void finishHandsOverTheTrace() {
    Recorder r("a.py", "print(1)\n");
    StrId s = r.intern("x");
    r.record(EventKind::Output, 0, 0, s);
    auto t = r.finish();
    QCOMPARE(t->fileName(), std::string("a.py"));
    QCOMPARE(t->source(), std::string("print(1)\n"));
    QCOMPARE(t->size(), std::size_t(1));
    QCOMPARE(t->str((*t)[0].c), std::string_view("x"));
    QCOMPARE(t->events().capacity(), t->size());  // no growth slack left
    // The recorder starts afresh.
    QCOMPARE(r.trace().size(), std::size_t(0));
    QCOMPARE(r.intern("y"), StrId(1));
  }

  void memoryCountsEventsAndStrings() {
    Recorder r;
    for (int i = 0; i < 1000; ++i) r.record(EventKind::TaskLine, 1, std::uint32_t(i));
    auto small = r.finish();
    QVERIFY(small->memoryBytes() >= 1000 * sizeof(Event));
    Recorder r2;
    for (int i = 0; i < 1000; ++i) r2.record(EventKind::TaskLine, 1, std::uint32_t(i));
    r2.intern(std::string(10000, 'x'));
    QVERIFY(r2.finish()->memoryBytes() >= small->memoryBytes() + 10000);
  }

  void everyKindIsNamed() {
    std::set<std::string> names;
    for (int k = 0; k < kEventKindCount; ++k) {
      auto kind = static_cast<EventKind>(k);
      std::string name = eventKindName(kind);
      QVERIFY2(name != "?", qPrintable(QString::number(k)));
      names.insert(name);
      QCOMPARE(eventKindFromName(name), std::optional<EventKind>(kind));
      // Field names of one kind are distinct and never the reserved keys.
      const EventFields& f = eventFields(kind);
      std::set<std::string> fields{"i", "kind"};
      for (const char* field : {f.a, f.b, f.c, f.d, f.flags})
        if (field) QVERIFY2(fields.insert(field).second, field);
      QCOMPARE(f.flags != nullptr, f.flagEnum != FlagEnum::None);
    }
    QCOMPARE(names.size(), std::size_t(kEventKindCount));
    QCOMPARE(std::string(eventKindName(EventKind::TimerScheduled)), std::string("TimerScheduled"));
    QCOMPARE(std::string(eventKindName(static_cast<EventKind>(200))), std::string("?"));
    QVERIFY(!eventKindFromName("Bogus"));
    QCOMPARE(std::string(handleKindName(HandleKind::TaskWakeup)), std::string("TaskWakeup"));
    QCOMPARE(std::string(diagnosticKindName(DiagnosticKind::CallbackError)), std::string("CallbackError"));
    QCOMPARE(std::string(primitiveKindName(PrimitiveKind::Condition)), std::string("Condition"));
    QCOMPARE(flagFromName(FlagEnum::Stream, "ClientLog"), std::optional<std::uint8_t>(2));
    QVERIFY(!flagName(FlagEnum::QueueKind, 3));
  }
};

QTEST_GUILESS_MAIN(TestRecorder)
#include "test_recorder.moc"
