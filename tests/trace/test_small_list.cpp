// test_small_list.cpp: the inline-first list behind FutureView::callbacks
// behaves as a std::vector would, inline and after spilling to the heap.
#include <QtTest>

#include <vector>

#include "core/trace/small_list.h"

using List = trace::SmallList<std::uint32_t, 4>;

namespace {
std::vector<std::uint32_t> asVector(const List& l) { return {l.begin(), l.end()}; }
}  // namespace

class TestSmallList : public QObject {
  Q_OBJECT

 private slots:
  void inlineThenHeap() {
    List l;
    QVERIFY(l.empty());
    QCOMPARE(sizeof(List), sizeof(std::vector<std::uint32_t>));
    std::vector<std::uint32_t> ref;
    for (std::uint32_t i = 0; i < 40; ++i) {
      l.push_back(i * 7);
      ref.push_back(i * 7);
      QCOMPARE(asVector(l), ref);
      QCOMPARE(l.size(), ref.size());
      QCOMPARE(l.front(), ref.front());
      QCOMPARE(l.back(), ref.back());
      QCOMPARE(l.at(i), ref[i]);
      QCOMPARE(l.heapCapacityBytes() == 0, ref.size() <= 4);
      QVERIFY(l == ref);
    }
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, l.at(40));
    l.clear();
    QVERIFY(l.empty());
    QCOMPARE(l.heapCapacityBytes(), std::size_t(0));
    l.push_back(3);
    QCOMPARE(asVector(l), std::vector<std::uint32_t>{3});
  }

  void copyAndMove() {
    for (std::uint32_t n : {0u, 1u, 4u, 5u, 17u}) {
      List a;
      for (std::uint32_t i = 0; i < n; ++i) a.push_back(i + 1);
      List b(a);
      QVERIFY(a == b);
      List c;
      c.push_back(99);
      c = a;
      QVERIFY(c == a);
      List d(std::move(b));
      QVERIFY(d == a);
      QVERIFY(b.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
      List e;
      for (int i = 0; i < 9; ++i) e.push_back(5);
      e = std::move(d);
      QVERIFY(e == a);
      e.push_back(100);
      QCOMPARE(e.size(), std::size_t(n + 1));
      QCOMPARE(a.size(), std::size_t(n));  // copies do not share storage
    }
  }
};

QTEST_GUILESS_MAIN(TestSmallList)
#include "test_small_list.moc"
