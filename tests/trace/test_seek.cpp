// test_seek.cpp: Trace::stateAt() from keyframes equals replay from the start.
//
// The UI scrubs backward and forward; a keyframe that snapshots the wrong
// thing (or misses private bookkeeping like the timer sequence) would show
// a different picture depending on where the user came from.
#include <QtTest>

#include <random>
#include <thread>
#include <vector>

#include "core/trace/trace.h"
#include "support/fixtures.h"

using namespace trace;

class TestSeek : public QObject {
  Q_OBJECT

 private slots:
  // Keyframes every 64+ events (instead of 4096+) keep "every index" cheap.
  void everyIndexMatchesIncrementalReplay() {
    fixtures::SyntheticOptions o;
    o.events = 8000;
    o.maxTasks = 12;
    Recorder rec("synthetic.py");
    rec.setKeyframeInterval(64);
    fixtures::recordSynthetic(rec, o);
    auto t = rec.finish();
    QVERIFY(t->size() >= o.events);
    QVERIFY2(t->keyframeCount() >= 10, qPrintable(QString::number(t->keyframeCount())));
    State live;
    std::string why;
    for (std::size_t i = 0; i <= t->size(); ++i) {
      State seek = t->stateAt(i);
      if (!fixtures::sameState(seek, live, &why))
        QFAIL(qPrintable(QStringLiteral("index %1: %2").arg(i).arg(QString::fromStdString(why))));
      if (i < t->size()) live.apply((*t)[i]);
    }
  }

  // The default spacing: every keyframe boundary and a stride in between.
  void defaultSpacingMatchesIncrementalReplay() {
    fixtures::SyntheticOptions o;
    o.events = 5 * kKeyframeInterval + 123;
    auto t = fixtures::syntheticTrace(o);
    QVERIFY2(t->keyframeCount() >= 4, "the trace should span several keyframes");
    std::vector<bool> check(t->size() + 1, false);
    for (std::size_t i = 0; i <= t->size(); i += 97) check[i] = true;
    for (std::size_t k = 0; k < t->keyframeCount(); ++k)
      for (std::size_t i = t->keyframeIndex(k) - 2; i <= t->keyframeIndex(k) + 2; ++i) check[i] = true;
    check[t->size()] = true;
    State live;
    std::string why;
    for (std::size_t i = 0; i <= t->size(); ++i) {
      if (check[i] && !fixtures::sameState(t->stateAt(i), live, &why))
        QFAIL(qPrintable(QStringLiteral("index %1: %2").arg(i).arg(QString::fromStdString(why))));
      if (i < t->size()) live.apply((*t)[i]);
    }
  }

  void backwardAndForwardJumpsAgree() {
    fixtures::SyntheticOptions o;
    o.events = 6 * kKeyframeInterval;
    o.seed = 7;
    auto t = fixtures::syntheticTrace(o);
    const std::size_t n = t->size();
    const std::size_t targets[] = {n, 0, n / 2, 17, n - 1, kKeyframeInterval, kKeyframeInterval - 1,
                                   kKeyframeInterval + 1, n / 3, 2 * n / 3, n};
    std::string why;
    for (std::size_t target : targets) {
      State a = t->stateAt(target);
      State b;
      for (std::size_t i = 0; i < target; ++i) b.apply((*t)[i]);
      QVERIFY2(fixtures::sameState(a, b, &why), why.c_str());
      // A state from a keyframe keeps replaying correctly (its index was rebuilt).
      if (target + 50 <= n) {
        for (std::size_t i = target; i < target + 50; ++i) {
          a.apply((*t)[i]);
          b.apply((*t)[i]);
        }
        QVERIFY2(fixtures::sameState(a, b, &why), why.c_str());
      }
    }
    QCOMPARE(t->stateAt(n + 100).index, n);  // past the end: clamped
  }

  void keyframesAreSpacedAndOrdered() {
    fixtures::SyntheticOptions o;
    o.events = 8 * kKeyframeInterval;
    auto t = fixtures::syntheticTrace(o);
    for (std::size_t k = 0; k < t->keyframeCount(); ++k) {
      std::size_t prev = k ? t->keyframeIndex(k - 1) : 0;
      QVERIFY(t->keyframeIndex(k) - prev >= kKeyframeInterval);
    }
  }

  // With thousands of live tasks a state is big: keyframes get sparser so
  // that they cost about kKeyframeBytesPerEvent per event.
  void bigStatesGetSparserKeyframes() {
    fixtures::SyntheticOptions o;
    o.events = 400000;
    o.maxTasks = 3000;
    o.everyKind = false;
    auto t = fixtures::syntheticTrace(o);
    QVERIFY(t->stateAt(t->size()).tasks.size() >= 2000);
    QVERIFY(t->keyframeCount() >= 1);
    QVERIFY(t->keyframeCount() < t->size() / kKeyframeInterval);
    std::size_t keyframeBytes = t->memoryBytes() - t->size() * sizeof(Event);
    QVERIFY2(keyframeBytes / t->size() <= 2 * kKeyframeBytesPerEvent,
             qPrintable(QString::number(double(keyframeBytes) / double(t->size()))));
    // Keyframes share unchanged task chunks: states rebuilt from each of
    // them (and a little after) still equal plain replay.
    std::vector<bool> check(t->size() + 1, false);
    for (std::size_t k = 0; k < t->keyframeCount(); ++k) {
      check[t->keyframeIndex(k)] = true;
      check[std::min(t->size(), t->keyframeIndex(k) + 7)] = true;
    }
    check[t->size()] = true;
    std::string why;
    State live;
    for (std::size_t i = 0; i <= t->size(); ++i) {
      if (check[i] && !fixtures::sameState(t->stateAt(i), live, &why))
        QFAIL(qPrintable(QStringLiteral("index %1: %2").arg(i).arg(QString::fromStdString(why))));
      if (i < t->size()) live.apply((*t)[i]);
    }
  }

  // Recording only appends: keyframes are taken by the first seek past
  // them. Wherever the seeks go, in whatever order, the keyframes end up
  // where a trace keyframed in one go has them, and every seek agrees with
  // plain replay.
  void keyframesAreTakenOnDemand() {
    fixtures::SyntheticOptions o;
    o.events = 3000;
    o.seed = 11;
    auto record = [&] {
      Recorder rec("synthetic.py");
      rec.setKeyframeInterval(64);
      fixtures::recordSynthetic(rec, o);
      return rec.finish();
    };
    auto inOneGo = record();
    auto scattered = record();
    QCOMPARE(scattered->size(), inOneGo->size());
    const std::size_t n = scattered->size();
    // Nothing replayed yet: the trace holds its events and strings only.
    const std::size_t unseeked = scattered->memoryBytes();
    inOneGo->buildKeyframes();
    QVERIFY(inOneGo->memoryBytes() > unseeked);
    // Backward and forward jumps on the fresh trace, and some indices twice.
    std::mt19937 rng(5);
    std::vector<std::size_t> targets = {n / 2, 3, n / 2 + 1, n / 4, n, n / 3, 64, 63, 65, n / 2};
    for (int i = 0; i < 40; ++i) targets.push_back(rng() % (n + 1));
    std::string why;
    for (std::size_t target : targets) {
      State replayed;
      for (std::size_t i = 0; i < target; ++i) replayed.apply((*inOneGo)[i]);
      if (!fixtures::sameState(scattered->stateAt(target), replayed, &why))
        QFAIL(qPrintable(QStringLiteral("index %1: %2").arg(target).arg(QString::fromStdString(why))));
    }
    QVERIFY(inOneGo->keyframeCount() >= 10);
    QCOMPARE(scattered->keyframeCount(), inOneGo->keyframeCount());
    for (std::size_t k = 0; k < inOneGo->keyframeCount(); ++k)
      QCOMPARE(scattered->keyframeIndex(k), inOneGo->keyframeIndex(k));
    // Keyframed to the end, a finished trace keeps no replay state beyond them.
    QCOMPARE(scattered->memoryBytes(), inOneGo->memoryBytes());
  }

  // A seek into a trace still being recorded (Recorder::trace()) takes the
  // keyframes so far; recording then goes on, and later seeks carry on from
  // there, as if the trace had been keyframed after it was finished.
  void seekingWhileRecording() {
    fixtures::SyntheticOptions o;
    o.events = 2000;
    o.seed = 3;
    Recorder whole("synthetic.py");
    whole.setKeyframeInterval(64);
    fixtures::recordSynthetic(whole, o);
    auto reference = whole.finish();
    // The same events, with seeks in between.
    Recorder rec("synthetic.py");
    rec.setKeyframeInterval(64);
    std::string why;
    for (std::size_t i = 0; i < reference->size(); ++i) {
      rec.record((*reference)[i]);
      if (i % 500 == 250) {
        const State mid = rec.trace().stateAt(i + 1);
        QVERIFY2(fixtures::sameState(mid, reference->stateAt(i + 1), &why), why.c_str());
      }
    }
    auto t = rec.finish();
    QCOMPARE(t->keyframeCount(), reference->keyframeCount());
    for (std::size_t k = 0; k < t->keyframeCount(); ++k) QCOMPARE(t->keyframeIndex(k), reference->keyframeIndex(k));
    for (std::size_t i = 0; i <= t->size(); i += 37)
      QVERIFY2(fixtures::sameState(t->stateAt(i), reference->stateAt(i), &why), why.c_str());
  }

  // The UI shares one trace between views; the first seeks may come from
  // several threads at once, and the keyframes they take are taken once.
  void firstSeeksFromSeveralThreads() {
    fixtures::SyntheticOptions o;
    o.events = 4 * kKeyframeInterval;
    o.seed = 9;
    auto reference = fixtures::syntheticTrace(o);
    reference->buildKeyframes();
    auto t = fixtures::syntheticTrace(o);
    const std::size_t n = t->size();
    std::vector<State> got(8);
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < got.size(); ++k)
      threads.emplace_back([&, k] { got[k] = t->stateAt(n - k * (n / 8)); });
    for (std::thread& th : threads) th.join();
    std::string why;
    for (std::size_t k = 0; k < got.size(); ++k)
      QVERIFY2(fixtures::sameState(got[k], reference->stateAt(n - k * (n / 8)), &why), why.c_str());
    QCOMPARE(t->keyframeCount(), reference->keyframeCount());
    QCOMPARE(t->memoryBytes(), reference->memoryBytes());
  }
};

QTEST_GUILESS_MAIN(TestSeek)
#include "test_seek.moc"
