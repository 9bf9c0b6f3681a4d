// test_motion.cpp: LoopMotion, the plan the loop view animates by: where a
// card is at the start, mid-way and end of a step; FIFO stagger; the pulse
// on what changed; no motion at high speed or with a crowd. No timing: the
// plan is sampled at chosen progress values.
#include <QtTest>

#include "support/foo_bar_fixture.h"
#include "ui/loop_layout.h"
#include "ui/loop_view_motion.h"

using ui::CardGeometry;
using ui::LoopLayout;
using ui::LoopMotion;

namespace {

std::unordered_map<std::uint64_t, QRectF> rectsOf(const LoopLayout& L) {
  std::unordered_map<std::uint64_t, QRectF> out;
  for (const auto& c : L.cards()) out[c.key] = c.rect;
  return out;
}

const CardGeometry* cardOf(const LoopLayout& L, std::uint64_t key) {
  for (const auto& c : L.cards())
    if (c.key == key) return &c;
  return nullptr;
}

}  // namespace

class TestMotion : public QObject {
  Q_OBJECT

 private slots:
  // main awaits gather: its card glides from RUNNING to WAITING.
  void cardGlidesFromStartToEnd() {
    const auto t = fixture::makeFooBarTrace();
    const std::size_t step = fixture::findEvent(*t, trace::EventKind::TaskSuspended, fixture::kMain);
    const QSizeF size(1200, 600);
    const LoopLayout before = LoopLayout::compute(t->stateAt(step), size, {});
    const LoopLayout after = LoopLayout::compute(t->stateAt(step + 1), size, {});
    const auto key = LoopLayout::taskKey(fixture::kMain);
    const CardGeometry* from = cardOf(before, key);
    const CardGeometry* to = cardOf(after, key);
    QVERIFY(from && to);
    QCOMPARE(from->area, ui::LoopArea::Running);
    QCOMPARE(to->area, ui::LoopArea::Waiting);
    const LoopMotion m = LoopMotion::plan(rectsOf(before), after, {key}, 1.0, 3);
    QVERIFY(m.animated());
    QVERIFY(m.moves(key));
    QCOMPARE(m.rectAt(key, to->rect, 0.0), from->rect);
    QCOMPARE(m.rectAt(key, to->rect, 1.0), to->rect);
    const QRectF mid = m.rectAt(key, to->rect, 0.6);
    QVERIFY(mid != from->rect && mid != to->rect);
    // Mid-way lies between the two places.
    QVERIFY(mid.top() > std::min(from->rect.top(), to->rect.top()) - 0.5);
    QVERIFY(mid.top() < std::max(from->rect.top(), to->rect.top()) + 0.5);
    // 250–400 ms at 1x, half that at 2x.
    QVERIFY(m.durationMs() >= 250 && m.durationMs() <= 400);
    const LoopMotion fast = LoopMotion::plan(rectsOf(before), after, {key}, 2.0, 3);
    QCOMPARE(fast.durationMs(), (m.durationMs() + 1) / 2);
  }

  // Two cards moving at once go one after the other, in FIFO order, and the
  // thing that changed pulses before the moves.
  void simultaneousMovesAreStaggered() {
    const auto t = fixture::makeFooBarTrace();
    const std::size_t step = fixture::findEvent(*t, trace::EventKind::TaskSuspended, fixture::kMain);
    const QSizeF size(1200, 600);
    const LoopLayout after = LoopLayout::compute(t->stateAt(step + 1), size, {});
    // Pretend every card came from the top-left corner: all move.
    std::unordered_map<std::uint64_t, QRectF> from;
    for (const auto& c : after.cards()) from[c.key] = QRectF(0, 0, c.rect.width(), c.rect.height());
    QVERIFY(from.size() >= 2);
    const auto changed = LoopLayout::taskKey(fixture::kMain);
    const LoopMotion m = LoopMotion::plan(from, after, {changed}, 1.0, 3);
    QCOMPARE(m.moverCount(), from.size());
    std::vector<double> delays;
    for (const auto& c : after.cards()) delays.push_back(m.delayOf(c.key));
    std::vector<double> sorted = delays;
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());  // all distinct
    // The last mover has not left yet when the first is already under way.
    const CardGeometry* first = nullptr;
    const CardGeometry* last = nullptr;
    for (const auto& c : after.cards()) {
      if (!first || m.delayOf(c.key) < m.delayOf(first->key)) first = &c;
      if (!last || m.delayOf(c.key) > m.delayOf(last->key)) last = &c;
    }
    const double t1 = (m.delayOf(first->key) + m.delayOf(last->key)) / 2;
    QCOMPARE(m.rectAt(last->key, last->rect, t1), from[last->key]);
    QVERIFY(m.rectAt(first->key, first->rect, t1) != from[first->key]);
    // Pulse: strong early, gone by the end; none on cards that did not change.
    QVERIFY(m.pulseAt(changed, 0.15) > 0.5);
    QCOMPARE(m.pulseAt(changed, 1.0), 0.0);
    QCOMPARE(m.pulseAt(LoopLayout::timerKey(12345), 0.15), 0.0);
    for (const auto& c : after.cards()) QCOMPARE(m.rectAt(c.key, c.rect, 1.0), c.rect);
  }

  void noMotionWhenFastOrCrowded() {
    const auto t = fixture::makeFooBarTrace();
    const std::size_t step = fixture::findEvent(*t, trace::EventKind::TaskSuspended, fixture::kMain);
    const QSizeF size(1200, 600);
    const LoopLayout before = LoopLayout::compute(t->stateAt(step), size, {});
    const LoopLayout after = LoopLayout::compute(t->stateAt(step + 1), size, {});
    QVERIFY(LoopMotion::plan(rectsOf(before), after, {}, 4.0, 3).animated());
    QVERIFY(!LoopMotion::plan(rectsOf(before), after, {}, 8.0, 3).animated());
    QVERIFY(!LoopMotion::plan(rectsOf(before), after, {}, 16.0, 3).animated());
    QVERIFY(!LoopMotion::plan(rectsOf(before), after, {}, 1.0, 1000).animated());
    // A crowd's real layouts: 1000 tasks, no glide.
    const auto crowd = fixture::makeCrowdTrace(1000);
    const std::size_t queued = fixture::findEvent(*crowd, trace::EventKind::TaskSuspended, 1) + 1;
    const trace::State s = crowd->stateAt(queued + 2);
    const LoopLayout cb = LoopLayout::compute(crowd->stateAt(queued), size, {});
    const LoopLayout ca = LoopLayout::compute(s, size, {});
    QVERIFY(!LoopMotion::plan(rectsOf(cb), ca, {}, 1.0, s.tasks.size()).animated());
    // Not animated: every card is at its target at any t.
    const LoopMotion none = LoopMotion::plan(rectsOf(before), after, {}, 8.0, 3);
    for (const auto& c : after.cards()) QCOMPARE(none.rectAt(c.key, c.rect, 0.0), c.rect);
  }
};

QTEST_GUILESS_MAIN(TestMotion)
#include "test_motion.moc"
