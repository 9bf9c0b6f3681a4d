// test_string_index.cpp: the string table's index gives each distinct
// string one id (its position), whatever the collisions and growth, and the
// Recorder interns through it with "" fixed at id 0.
#include <QtTest>

#include <string>
#include <vector>

#include "core/trace/string_index.h"
#include "core/trace/trace.h"

using trace::StringIndex;
using trace::StrId;

class TestStringIndex : public QObject {
  Q_OBJECT

 private slots:
  void oneIdPerDistinctString() {
    StringIndex index;
    trace::StringTable table;
    // Many strings that differ only at the end, through several growths.
    for (int round = 0; round < 2; ++round) {
      for (int i = 0; i < 5000; ++i) {
        std::string s = "Task.__wakeup(Task-" + std::to_string(i) + ")";
        StrId id = index.intern(s, table);
        QCOMPARE(id, StrId(i));
        QCOMPARE(table[id], std::string_view(s));
      }
    }
    QCOMPARE(table.size(), std::size_t(5000));
    QVERIFY(index.memoryBytes() > 0);
    index.clear();
    table.clear();
    QCOMPARE(index.intern("again", table), StrId(0));
  }

  void recorderKeepsEmptyAtZero() {
    trace::Recorder rec;
    QCOMPARE(rec.intern(""), StrId(0));
    StrId a = rec.intern("foo");
    StrId b = rec.intern("bar");
    QVERIFY(a != 0 && b != 0 && a != b);
    QCOMPARE(rec.intern("foo"), a);
    QCOMPARE(rec.trace().str(a), std::string_view("foo"));
    auto done = rec.finish();
    QCOMPARE(done->str(b), std::string_view("bar"));
    // A finished recorder starts a fresh table.
    QCOMPARE(rec.intern(""), StrId(0));
    QCOMPARE(rec.intern("bar"), StrId(1));
  }
};

QTEST_GUILESS_MAIN(TestStringIndex)
#include "test_string_index.moc"
