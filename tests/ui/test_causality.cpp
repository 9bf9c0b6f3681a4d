// test_causality.cpp: the causal chains of the foo/bar story.
#include <QtTest>

#include "support/foo_bar_fixture.h"
#include "support/recorded_traces.h"
#include "ui/causality.h"
#include "ui/causality_arrows.h"
#include "ui/loop_layout.h"

using trace::EventKind;

static std::size_t find2(const trace::Trace& t, EventKind kind, trace::Id a, std::size_t from = 0) {
  return fixture::findEvent(t, kind, a, from);
}

class TestCausality : public QObject {
  Q_OBJECT
  std::shared_ptr<const trace::Trace> t_ = fixture::makeFooBarTrace();

  std::size_t find(EventKind kind, trace::Id a = 0, std::size_t from = 0) {
    return fixture::findEvent(*t_, kind, a, from);
  }

 private slots:
  // "Why did foo resume?" drawn in the loop view: the clock, the timer's
  // handle in READY, foo waiting, foo's wake-up in its READY slot, foo in
  // RUNNING; every outline is a real card of the layout at its moment, and
  // every arrow joins the edges of two consecutive outlines.
  void chainMapsToCardRects() {
    const std::size_t firstStep = find(EventKind::TaskStepBegin, fixture::kFoo);
    const std::size_t step = find(EventKind::TaskStepBegin, fixture::kFoo, firstStep + 1);
    const std::vector<std::size_t> chain = ui::causalChain(*t_, step);
    const QSizeF size(1200, 600);
    const ui::CausalGeometry g = ui::causalGeometry(*t_, chain, size, {});
    QVERIFY(g.steps.size() >= 4);
    QCOMPARE(g.arrows.size(), g.steps.size() - 1);
    QCOMPARE((*t_)[g.steps.front().event].kind, EventKind::ClockAdvanced);
    using ui::LoopLayout;
    auto cardRect = [&](std::size_t cursor, std::uint64_t key) {
      const LoopLayout L = LoopLayout::compute(t_->stateAt(cursor), size, {});
      if (key == 0) return L.clockRect();
      for (const auto& c : L.cards())
        if (c.key == key) return c.rect;
      return QRectF();
    };
    for (const auto& s : g.steps) {
      const QRectF after = cardRect(s.event + 1, s.key), before = cardRect(s.event, s.key);
      QVERIFY2(s.rect == after || s.rect == before, qPrintable(QStringLiteral("step at event %1").arg(s.event)));
    }
    // The chain passes through the timer, foo's READY slot and RUNNING.
    bool timer = false, ready = false;
    for (const auto& s : g.steps) {
      timer |= s.key == LoopLayout::timerKey(fixture::kFooTimer);
      ready |= (*t_)[s.event].kind == EventKind::HandleScheduled && s.key == LoopLayout::taskKey(fixture::kFoo);
    }
    QVERIFY(timer);
    QVERIFY(ready);
    const LoopLayout atStep = LoopLayout::compute(t_->stateAt(step + 1), size, {});
    QCOMPARE(g.steps.back().key, LoopLayout::taskKey(fixture::kFoo));
    for (const auto& c : atStep.cards())
      if (c.key == g.steps.back().key) QCOMPARE(c.area, ui::LoopArea::Running);
    auto onEdge = [](const QRectF& r, QPointF p) {
      const bool inside = r.adjusted(-1, -1, 1, 1).contains(p);
      const bool edge = std::abs(p.x() - r.left()) < 1 || std::abs(p.x() - r.right()) < 1 ||
                        std::abs(p.y() - r.top()) < 1 || std::abs(p.y() - r.bottom()) < 1;
      return inside && edge;
    };
    for (const auto& a : g.arrows) {
      QCOMPARE(a.to, a.from + 1);
      QVERIFY(onEdge(g.steps[a.from].rect, a.start));
      QVERIFY(onEdge(g.steps[a.to].rect, a.end));
    }
    // Numbered as the narration's sentence: the last number is its last phrase.
    const QString words = ui::describeCausality(*t_, step + 1);
    QVERIFY(words.contains(QStringLiteral("%1. ").arg(g.steps.back().number)));
    QVERIFY(!words.contains(QStringLiteral("%1. ").arg(g.steps.back().number + 1)));
    QCOMPARE(ui::narratedChain(*t_, chain).size(), static_cast<std::size_t>(words.count(QStringLiteral(" → ")) + 1));
    // The code lines: foo's sleep line and where it resumes.
    const std::vector<int> lines = ui::causalLines(*t_, chain);
    QVERIFY(std::find(lines.begin(), lines.end(), 10) != lines.end());
  }

  // bar's second step: the clock jumped to 2, its timer fired, the sleep
  // future completed, its wakeup was queued, and the loop ran it.
  void barResumes() {
    const std::size_t firstStep = find(EventKind::TaskStepBegin, fixture::kBar);
    const std::size_t step = find(EventKind::TaskStepBegin, fixture::kBar, firstStep + 1);
    const std::size_t clock = find(EventKind::ClockAdvanced, 0, find(EventKind::TaskDone, fixture::kFoo));
    const std::vector<std::size_t> expected{
        clock,                                          // clock jumps to 2.0
        find(EventKind::TimerDue, fixture::kBarTimer),  // bar's timer is due
        find(EventKind::HandleRun, fixture::kBarTimer), // the loop runs it
        find(EventKind::FutureDone, 10),                // sleep(2) future done
        find(EventKind::HandleScheduled, 14),           // Task.__wakeup queued
        find(EventKind::HandleRun, 14),                 // the loop runs it
        step};
    QCOMPARE(ui::causalChain(*t_, step), expected);
    QCOMPARE(ui::describeCausality(*t_, step + 1),
             QStringLiteral("1. clock jumps to t=2.000 → 2. timer fires at t=2.000 → 3. loop runs "
                            "bar · futures._set_result_unless_cancelled → 4. sleep(2) future done → "
                            "5. Task.__wakeup (bar) queued at position 1 → 6. bar resumes at line 17"));
  }

  // gather completes because bar's task finished: its done-callback ran.
  void gatherCompletes() {
    const std::size_t done = find(EventKind::FutureDone, fixture::kGather);
    const std::vector<std::size_t> chain = ui::causalChain(*t_, done);
    QCOMPARE(chain.back(), done);
    QCOMPARE(chain[chain.size() - 2], find(EventKind::HandleRun, 15));
    QCOMPARE(chain[chain.size() - 3], find(EventKind::HandleScheduled, 15));
    QCOMPARE(chain[chain.size() - 4], find(EventKind::TaskDone, fixture::kBar));
    QCOMPARE(chain.size(), ui::kMaxCausalLinks);
  }

  // The first event and roots have no cause; a task's first step follows
  // from its creation.
  void roots() {
    QVERIFY(ui::describeCausality(*t_, 0).isEmpty());
    QCOMPARE(ui::causalChain(*t_, 0), std::vector<std::size_t>{0});
    const std::size_t fooFirst = find(EventKind::TaskStepBegin, fixture::kFoo);
    const std::vector<std::size_t> chain = ui::causalChain(*t_, fooFirst);
    QCOMPARE(chain.front(), find(EventKind::TaskCreated, fixture::kMain));
    QVERIFY(std::find(chain.begin(), chain.end(), find(EventKind::TaskStepBegin, fixture::kMain)) != chain.end());
    QVERIFY(std::find(chain.begin(), chain.end(), find(EventKind::TaskCreated, fixture::kFoo)) != chain.end());
  }

  // Every event's chain ends at it, goes strictly back in time and is bounded.
  void everyChainIsWellFormed() {
    for (std::size_t i = 0; i < t_->size(); ++i) {
      const auto chain = ui::causalChain(*t_, i);
      QCOMPARE(chain.back(), i);
      QVERIFY(chain.size() <= ui::kMaxCausalLinks);
      for (std::size_t k = 1; k < chain.size(); ++k) QVERIFY(chain[k - 1] < chain[k]);
    }
  }

  // A real trace (tests/ui/data/foo_bar.jsonl, recorded by the app): there the
  // clock jump is recorded just before the iteration begins; bar's second
  // step still traces back to it.
  void realFooBarTrace() {
    auto t = fixture::loadRecordedTrace(QStringLiteral("foo_bar"));
    QVERIFY(t);
    // bar is the task whose coroutine is "bar": its second TaskStepBegin.
    trace::Id bar = 0;
    for (const auto& e : t->events())
      if (e.kind == EventKind::TaskCoroutine && t->str(e.c) == "bar") bar = e.a;
    QVERIFY(bar != 0);
    const std::size_t step = find2(*t, EventKind::TaskStepBegin, bar, find2(*t, EventKind::TaskStepBegin, bar) + 1);
    QVERIFY(step < t->size());
    const auto chain = ui::causalChain(*t, step);
    QCOMPARE(t->events()[chain.front()].kind, EventKind::ClockAdvanced);
    QCOMPARE(t->events()[chain.front()].d, 2.0);
    QVERIFY2(ui::describeCausality(*t, step + 1).startsWith(QStringLiteral("1. clock jumps to t=2.000 → 2. timer fires at t=2.000")),
             qPrintable(ui::describeCausality(*t, step + 1)));
  }
};

QTEST_GUILESS_MAIN(TestCausality)
#include "test_causality.moc"
