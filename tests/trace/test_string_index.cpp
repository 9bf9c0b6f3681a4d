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

  // Every short string over a small alphabet (NUL included), so that each
  // tail length the hash reads in its own way (one to three bytes, four to
  // seven, whole words) and strings that differ only in their last byte,
  // which the hash places side by side, all get ids of their own.
  void shortStringsThatDifferByOneByte() {
    StringIndex index;
    trace::StringTable table;
    const char alphabet[] = {'a', 'b', '\0', '\xff'};
    std::vector<std::string> all = {std::string()};
    for (std::size_t at = 0; at < all.size() && all.size() < 5500; ++at)
      if (all[at].size() < 6)
        for (char c : alphabet) all.push_back(all[at] + c);
    for (const char* s : {"xxxxxxxxx", "yyyyyyyyyyyyyyyy1", "yyyyyyyyyyyyyyyy2"}) all.push_back(s);
    for (std::size_t i = 0; i < all.size(); ++i) QCOMPARE(index.intern(all[i], table), StrId(i));
    for (std::size_t i = all.size(); i-- > 0;) QCOMPARE(index.intern(all[i], table), StrId(i));
    QCOMPARE(table.size(), all.size());
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
  // (Not plain numbers: those have an array of their own, below.)
  void bigTablesKeepEveryString() {
    StringIndex index;
    trace::StringTable table;
    constexpr int kStrings = 140000;  // more than 2^17 slots' half: 2^18 slots, 2 MiB
    auto nth = [](int i) { return "v" + std::to_string(i); };
    for (int i = 0; i < kStrings; ++i) QCOMPARE(index.intern(nth(i), table), StrId(i));
    QVERIFY(index.memoryBytes() >= std::size_t{2} << 20);
    for (int i = kStrings - 1; i >= 0; i -= 7) QCOMPARE(index.intern(nth(i), table), StrId(i));
    QCOMPARE(table.size(), std::size_t(kStrings));
    StringIndex copy = index;
    StringIndex moved = std::move(index);
    QCOMPARE(copy.intern(nth(12345), table), StrId(12345));
    QCOMPARE(moved.intern(nth(54321), table), StrId(54321));
    QCOMPARE(moved.intern("new", table), StrId(kStrings));
  }

  // Decimal numbers as repr spells them (a queue's items) skip the hash
  // table, but equal strings still share one id whichever way they come,
  // and near-misses ("007", "+7", "7x", past the array) are strings of their own.
  void numbersKeepOneIdEach() {
    StringIndex index;
    trace::StringTable table;
    std::vector<std::string> all;
    for (int i = 0; i < 3000; ++i) {
      all.push_back(std::to_string(i * 37));
      all.push_back("0" + std::to_string(i));
      all.push_back("+" + std::to_string(i));
      all.push_back(std::to_string(i) + "x");
    }
    for (const char* s : {"1048575", "1048576", "9999999", "10000000", "-1", "1.5", "1e3"}) all.push_back(s);
    for (std::size_t i = 0; i < all.size(); ++i) QCOMPARE(index.intern(all[i], table), StrId(i));
    for (std::size_t i = all.size(); i-- > 0;) QCOMPARE(index.intern(all[i], table), StrId(i));
    QCOMPARE(table.size(), all.size());
    StringIndex copy = index;
    StringIndex moved = std::move(index);
    QCOMPARE(copy.intern("37", table), StrId(4));
    QCOMPARE(moved.intern("1048575", table), StrId(all.size() - 7));
    QCOMPARE(moved.intern("36", table), StrId(all.size()));  // new, and a number
    moved.clear();
    trace::StringTable fresh;
    QCOMPARE(moved.intern("36", fresh), StrId(0));
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
