// test_timer_set.cpp: the chunked sorted list behind State::timers agrees
// with a std::set ordered by (when, seq) under a long random mix of
// inserts and erases, and keeps its chunks few (splits and merges).
#include <QtTest>

#include <iterator>
#include <set>
#include <utility>
#include <vector>

#include "core/trace/timer_set.h"

using trace::TimerSet;
using trace::TimerView;

namespace {

using Key = std::pair<double, std::uint64_t>;

TimerView timer(double when, std::uint64_t seq) {
  TimerView t;
  t.id = static_cast<trace::Id>(seq + 1);
  t.task = static_cast<trace::Id>(seq % 7);
  t.when = when;
  t.seq = seq;
  return t;
}

// The whole set, in iteration order, as keys.
std::vector<Key> keys(const TimerSet& s) {
  std::vector<Key> out;
  for (const TimerView& t : s) out.emplace_back(t.when, t.seq);
  return out;
}

}  // namespace

class TestTimerSet : public QObject {
  Q_OBJECT

 private slots:
  void ordersByWhenThenSeq() {
    TimerSet s;
    QVERIFY(s.empty());
    QVERIFY(s.begin() == s.end());
    s.insert(timer(2.0, 0));
    s.insert(timer(1.0, 1));
    s.insert(timer(2.0, 2));  // same when, later seq: after the first 2.0
    s.insert(timer(0.5, 3));
    QCOMPARE(s.size(), std::size_t(4));
    QCOMPARE(keys(s), (std::vector<Key>{{0.5, 3}, {1.0, 1}, {2.0, 0}, {2.0, 2}}));
    QCOMPARE(s.front().seq, std::uint64_t(3));
    QCOMPARE(s.back().seq, std::uint64_t(2));
    QCOMPARE(s[2].seq, std::uint64_t(0));
    QCOMPARE(std::distance(s.begin(), s.end()), std::ptrdiff_t(4));
  }

  void findMarksAndErases() {
    TimerSet s;
    for (std::uint64_t i = 0; i < 10; ++i) s.insert(timer(double(i % 3), i));
    TimerView* t = s.find(1.0, 4);
    QVERIFY(t != nullptr);
    QCOMPARE(t->id, trace::Id(5));
    t->cancelled = true;
    QVERIFY(s.find(1.0, 4)->cancelled);
    QVERIFY(s.find(1.0, 5) == nullptr);  // seq 5 has when 2.0
    QVERIFY(s.findId(6) != nullptr);
    QVERIFY(s.findId(99) == nullptr);
    QVERIFY(s.erase(1.0, 4));
    QVERIFY(!s.erase(1.0, 4));
    QVERIFY(!s.erase(7.0, 1));  // past every timer
    QCOMPARE(s.size(), std::size_t(9));
    s.clear();
    QVERIFY(s.empty());
    QCOMPARE(s.chunkCount(), std::size_t(0));
  }

  void agreesWithStdSet() {
    TimerSet s;
    std::set<Key> ref;
    std::vector<Key> live;  // to pick erase victims from
    std::uint64_t seq = 0;
    std::uint32_t x = 2463534242u;
    auto next = [&] {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      return x;
    };
    for (int step = 0; step < 60000; ++step) {
      const std::uint32_t r = next();
      // Three phases: growth, churn, drain; deadlines coarse so ties are common.
      const int insertPercent = step < 20000 ? 80 : step < 40000 ? 50 : 15;
      if (live.empty() || int(r % 100) < insertPercent) {
        Key k{double(next() % 500) / 4.0, seq++};
        s.insert(timer(k.first, k.second));
        ref.insert(k);
        live.push_back(k);
      } else {
        // Mostly the earliest (a timer coming due), sometimes anywhere (a drop).
        Key k = (r & 3) != 0 ? *ref.begin() : live[next() % live.size()];
        QVERIFY(s.erase(k.first, k.second));
        ref.erase(k);
        auto it = std::find(live.begin(), live.end(), k);
        *it = live.back();
        live.pop_back();
      }
      QCOMPARE(s.size(), ref.size());
      if (!ref.empty()) {
        QCOMPARE(s.front().when, ref.begin()->first);
        QCOMPARE(s.front().seq, ref.begin()->second);
      }
      if (step % 5000 == 0 || step == 59999) {
        QCOMPARE(keys(s), std::vector<Key>(ref.begin(), ref.end()));
        // Splits at kChunk and merges below a quarter of it keep chunks
        // at least about a quarter full on average.
        QVERIFY(s.chunkCount() <= 1 + 4 * s.size() / TimerSet::kChunk + 1);
      }
    }
  }

  void copiesAreIndependent() {
    TimerSet a;
    for (std::uint64_t i = 0; i < 1000; ++i) a.insert(timer(double(1000 - i), i));
    TimerSet b = a;
    QVERIFY(b.erase(1.0, 999));
    b.find(2.0, 998)->cancelled = true;
    QCOMPARE(a.size(), std::size_t(1000));
    QCOMPARE(b.size(), std::size_t(999));
    QVERIFY(!a.find(2.0, 998)->cancelled);
    QCOMPARE(a.front().when, 1.0);
    QCOMPARE(b.front().when, 2.0);
    QVERIFY(a.memoryBytes() >= 1000 * sizeof(TimerView));
  }
};

QTEST_GUILESS_MAIN(TestTimerSet)
#include "test_timer_set.moc"
