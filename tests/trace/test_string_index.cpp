// test_string_index.cpp: the string table's index gives each distinct
// string one id (its position), whatever the collisions and growth (huge-page
// tables included), and the Recorder interns through it with "" fixed at id 0
// and remembers keyed strings (internKeyed).
#include <QtTest>

#include <cstdint>
#include <string>
#include <utility>
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

  // Past 2 MiB of slots the index lives in huge pages; ids stay positions.
  void bigTablesKeepEveryString() {
    StringIndex index;
    trace::StringTable table;
    constexpr int kStrings = 140000;  // more than 2^17 slots' half: 2^18 slots, 2 MiB
    for (int i = 0; i < kStrings; ++i) QCOMPARE(index.intern(std::to_string(i), table), StrId(i));
    QVERIFY(index.memoryBytes() >= std::size_t{2} << 20);
    for (int i = kStrings - 1; i >= 0; i -= 7) QCOMPARE(index.intern(std::to_string(i), table), StrId(i));
    QCOMPARE(table.size(), std::size_t(kStrings));
    StringIndex copy = index;
    StringIndex moved = std::move(index);
    QCOMPARE(copy.intern("12345", table), StrId(12345));
    QCOMPARE(moved.intern("54321", table), StrId(54321));
    QCOMPARE(moved.intern("new", table), StrId(kStrings));
  }

  // internKeyed: the same key gives the id its first string got, without
  // asking for the string again; equal strings under other keys share it.
  void keyedInternsRememberTheirKey() {
    trace::Recorder rec;
    int made = 0;
    auto make = [&](std::string s) {
      return [&made, s] {
        ++made;
        return s;
      };
    };
    const StrId five = rec.internKeyed(5, make("5"));
    QCOMPARE(made, 1);
    QCOMPARE(rec.internKeyed(5, make("5")), five);
    QCOMPARE(made, 1);
    QCOMPARE(rec.intern("5"), five);
    QCOMPARE(rec.internKeyed(77, make("5")), five);  // another key, the same string
    QCOMPARE(made, 2);
    // Keys that share a cache slot evict each other and are interned again.
    for (std::uint64_t k = 1000; k < 5000; ++k) rec.internKeyed(k, make("k" + std::to_string(k)));
    QCOMPARE(rec.internKeyed(5, [] { return std::string("5"); }), five);
    QCOMPARE(rec.internKeyed(1234, make("k1234")), rec.intern("k1234"));
    // A finished recorder forgets its keys along with its strings.
    rec.finish();
    made = 0;
    const StrId again = rec.internKeyed(5, make("five"));
    QCOMPARE(made, 1);
    QCOMPARE(rec.trace().str(again), std::string_view("five"));
  }
};

QTEST_GUILESS_MAIN(TestStringIndex)
#include "test_string_index.moc"
