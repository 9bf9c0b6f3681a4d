// test_dense_id_map.cpp: the array-or-hash id -> position map behind
// State's task and future lookups agrees with std::unordered_map, both for
// counter-like ids (the array) and for far ones (the hash fallback), and
// when the array grows over ids that had gone to the fallback.
#include <QtTest>

#include <unordered_map>

#include "core/trace/dense_id_map.h"
#include "support/map_agreement.h"

using trace::DenseIdMap;
using trace::Id;

class TestDenseIdMap : public QObject {
  Q_OBJECT

 private slots:
  void basics() {
    DenseIdMap m;
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
    QCOMPARE(m.size(), std::size_t(1));
    m.clear();
    QCOMPARE(m.size(), std::size_t(0));
    QVERIFY(!m.find(2));
  }

  // An id far beyond the stored ones goes to the hash map, so the array
  // stays small; once enough ids are stored the array reaches it.
  void farIdsThenGrowthOverThem() {
    DenseIdMap m;
    m.set(0xffffffffu, 7);
    m.set(1000000, 8);
    QCOMPARE(*m.find(0xffffffffu), 7u);
    QCOMPARE(*m.find(1000000), 8u);
    QVERIFY(m.memoryBytes() < 1000000);  // not an array up to those ids
    for (Id id = 1; id <= 200000; ++id) m.set(id * 5, id);
    QCOMPARE(m.size(), std::size_t(200001));
    QCOMPARE(*m.find(1000000), 200000u);  // overwritten where it lived, counted once
    QCOMPARE(*m.find(0xffffffffu), 7u);
    QCOMPARE(*m.find(5), 1u);
    QVERIFY(!m.find(6));
    QVERIFY(m.erase(1000000));
    QVERIFY(!m.find(1000000));
    QVERIFY(!m.erase(1000000));
    QCOMPARE(m.size(), std::size_t(200000));
  }

  // A seek reserves for the ids it is about to refill: far-apart ids must
  // not make a huge array, and either kind of reservation keeps every entry.
  void reserveForDenseOrSparseIds() {
    DenseIdMap sparse;
    sparse.reserve(1000, 50000000);
    QVERIFY(sparse.memoryBytes() < 100000);
    for (Id i = 1; i <= 1000; ++i) sparse.set(i * 50000, i);
    DenseIdMap dense;
    dense.reserve(1000, 3000);
    for (Id i = 1; i <= 1000; ++i) dense.set(i * 3, i);
    QCOMPARE(sparse.size(), std::size_t(1000));
    QCOMPARE(dense.size(), std::size_t(1000));
    for (Id i = 1; i <= 1000; ++i) {
      QCOMPARE(*sparse.find(i * 50000), i);
      QCOMPARE(*dense.find(i * 3), i);
      QVERIFY(!dense.find(i * 3 + 1));
    }
  }

  void agreesWithUnorderedMap() {
    DenseIdMap m;
    std::unordered_map<Id, std::uint32_t> ref;
    std::uint32_t x = 12345;
    Id counter = 1;
    for (int step = 0; step < 300000; ++step) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      // Mostly ids near a growing counter, as a recorder hands them out;
      // some far ahead of it, which the array reaches later or never.
      Id key;
      switch (x % 8) {
        case 0:
          key = counter + 50000 + (x >> 8) % 100000;
          break;
        case 1:
          key = 0xf0000000u + (x >> 8) % 1000;
          break;
        default:
          key = 1 + (x >> 8) % counter;
          break;
      }
      if (x % 3 == 0) counter += 1 + (x >> 12) % 4;
      // Sets twice as often as erases or finds, so the map keeps growing.
      const std::uint32_t pick = (x >> 20) % 4;
      const auto op = pick <= 1 ? fixtures::MapOp::Set : pick == 2 ? fixtures::MapOp::Erase : fixtures::MapOp::Find;
      fixtures::applyAndCompare(m, ref, op, key, static_cast<std::uint32_t>(step));
      if (QTest::currentTestFailed()) return;
    }
    for (const auto& [k, v] : ref) QCOMPARE(*m.find(k), v);
    m.clear();
    for (const auto& [k, v] : ref) QVERIFY(!m.find(k));
    QCOMPARE(m.size(), std::size_t(0));
  }
};

QTEST_GUILESS_MAIN(TestDenseIdMap)
#include "test_dense_id_map.moc"
