// test_id_map.cpp: the flat id -> value map behind State's O(1) lookups
// agrees with std::unordered_map under a long random mix of operations
// (erase by backward shift is the easy part to get wrong).
#include <QtTest>

#include <unordered_map>

#include "core/trace/id_map.h"
#include "support/map_agreement.h"

using trace::Id;
using trace::IdMap;

class TestIdMap : public QObject {
  Q_OBJECT

 private slots:
  void basics() {
    IdMap<std::uint32_t> m;
    QVERIFY(!m.find(1));
    m.set(1, 10);
    m.set(2, 20);
    m.set(1, 11);
    QCOMPARE(m.size(), std::size_t(2));
    QCOMPARE(*m.find(1), 11u);
    QVERIFY(m.erase(1));
    QVERIFY(!m.erase(1));
    QVERIFY(!m.find(1));
    QCOMPARE(*m.find(2), 20u);
    m.set(0, 5);  // 0 means "none": never stored
    QVERIFY(!m.find(0));
    m.set(0xffffffffu, 7);
    QCOMPARE(*m.find(0xffffffffu), 7u);
    m.clear();
    QCOMPARE(m.size(), std::size_t(0));
    QVERIFY(!m.find(2));
  }

  void agreesWithUnorderedMap() {
    IdMap<std::uint32_t> m;
    std::unordered_map<Id, std::uint32_t> ref;
    std::uint32_t x = 12345;
    for (int step = 0; step < 200000; ++step) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      // Small key range so inserts, overwrites and erases collide a lot;
      // every 1024th key also multiplies into the same home slots.
      Id key = 1 + (x % 3000) * ((x & 1) ? 1 : 1024);
      const auto op = static_cast<fixtures::MapOp>((x >> 20) % 3);
      fixtures::applyAndCompare(m, ref, op, key, static_cast<std::uint32_t>(step));
      if (QTest::currentTestFailed()) return;
    }
    for (const auto& [k, v] : ref) QCOMPARE(*m.find(k), v);
  }
};

QTEST_GUILESS_MAIN(TestIdMap)
#include "test_id_map.moc"
