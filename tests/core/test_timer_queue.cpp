// test_timer_queue.cpp: the loop's timer queue (heap plus sorted run) pops
// timers in exactly (when, seq) order, the order of CPython's heapq, under a
// random mix of pushes and pops, with equal deadlines, and after removeIf.
#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <utility>

#include "core/loop/timer_queue.h"

using loop::TimerHandle;
using loop::TimerQueue;
using loop::TimerSlot;

namespace {

// The queue never dereferences its TimerHandles: stand-ins carry the seq.
TimerHandle* fake(std::uint64_t seq) {
  return reinterpret_cast<TimerHandle*>(static_cast<std::uintptr_t>(seq + 1) << 4);
}
std::uint64_t seqOf(TimerHandle* t) { return (reinterpret_cast<std::uintptr_t>(t) >> 4) - 1; }

using Key = std::pair<double, std::uint64_t>;

}  // namespace

class TestTimerQueue : public QObject {
  Q_OBJECT

 private slots:
  void randomMixPopsInOrder() {
    for (unsigned seed = 1; seed <= 5; ++seed) {
      std::mt19937_64 rng(seed);
      TimerQueue q;
      std::set<Key> ref;
      std::uint64_t seq = 0;
      double now = 0;
      for (int step = 0; step < 40000; ++step) {
        // Bursts of pushes (a gather of sleepers) and runs of pops.
        const bool pushy = (step / 500) % 2 == 0;
        const bool push = ref.empty() || (pushy ? rng() % 4 != 0 : rng() % 4 == 0);
        if (push) {
          // Few distinct deadlines, so ties are common.
          double when = now + static_cast<double>(rng() % 50) / 8;
          q.push(TimerSlot{when, seq, fake(seq)});
          ref.insert({when, seq});
          ++seq;
        } else {
          QCOMPARE(q.top().when, ref.begin()->first);
          QCOMPARE(q.top().seq, ref.begin()->second);
          TimerHandle* t = q.pop();
          QCOMPARE(seqOf(t), ref.begin()->second);
          now = ref.begin()->first;
          ref.erase(ref.begin());
        }
        QCOMPARE(q.size(), ref.size());
        QCOMPARE(q.empty(), ref.empty());
      }
      std::size_t seen = 0;
      q.forEach([&](const TimerSlot& s) {
        QVERIFY(ref.count({s.when, s.seq}) == 1);
        ++seen;
      });
      QCOMPARE(seen, ref.size());
      while (!q.empty()) {
        QCOMPARE(seqOf(q.pop()), ref.begin()->second);
        ref.erase(ref.begin());
      }
      QVERIFY(ref.empty());
    }
  }

  void removeIfKeepsOrder() {
    std::mt19937_64 rng(7);
    TimerQueue q;
    std::set<Key> ref;
    for (std::uint64_t seq = 0; seq < 5000; ++seq) {
      double when = static_cast<double>(rng() % 1000);
      q.push(TimerSlot{when, seq, fake(seq)});
      ref.insert({when, seq});
      // Pop now and then, so part of the timers sit in the sorted run.
      if (seq % 100 == 99) {
        QCOMPARE(seqOf(q.pop()), ref.begin()->second);
        ref.erase(ref.begin());
      }
    }
    std::size_t asked = 0;
    q.removeIf([&](const TimerSlot& s) {
      ++asked;
      return s.seq % 3 == 0;
    });
    QCOMPARE(asked, ref.size());
    std::erase_if(ref, [](const Key& k) { return k.second % 3 == 0; });
    QCOMPARE(q.size(), ref.size());
    while (!q.empty()) {
      QCOMPARE(seqOf(q.pop()), ref.begin()->second);
      ref.erase(ref.begin());
    }
  }
};

QTEST_GUILESS_MAIN(TestTimerQueue)
#include "test_timer_queue.moc"
