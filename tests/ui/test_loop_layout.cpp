// test_loop_layout.cpp: LoopLayout geometry for many states and window sizes:
// nothing overlaps, nothing leaves the view, crowds are summarized.
#include <QtTest>

#include "support/foo_bar_fixture.h"
#include "ui/loop_layout.h"

using ui::CardGeometry;
using ui::LoopArea;
using ui::LoopLayout;

Q_DECLARE_METATYPE(std::shared_ptr<const trace::Trace>)

class TestLoopLayout : public QObject {
  Q_OBJECT

  static void checkNoOverlap(const LoopLayout& L, QSizeF size) {
    const QRectF view(QPointF(0, 0), size);
    const auto& cards = L.cards();
    for (std::size_t i = 0; i < cards.size(); ++i) {
      QVERIFY2(view.contains(cards[i].rect), qPrintable(QStringLiteral("card %1 outside the view").arg(i)));
      if (!cards[i].extra.isEmpty() && cards[i].area == LoopArea::Waiting)
        QVERIFY(view.contains(cards[i].extra));
      for (std::size_t j = i + 1; j < cards.size(); ++j) {
        // Waiting cards' arrow areas belong to their card's cell.
        const QRectF a = cards[i].area == LoopArea::Waiting ? cards[i].rect.united(cards[i].extra) : cards[i].rect;
        const QRectF b = cards[j].area == LoopArea::Waiting ? cards[j].rect.united(cards[j].extra) : cards[j].rect;
        QVERIFY2(!a.intersects(b), qPrintable(QStringLiteral("cards %1 and %2 overlap").arg(i).arg(j)));
      }
    }
    for (int a = 0; a < static_cast<int>(LoopArea::Count); ++a)
      for (int b = a + 1; b < static_cast<int>(LoopArea::Count); ++b)
        QVERIFY(!L.band(static_cast<LoopArea>(a)).intersects(L.band(static_cast<LoopArea>(b))));
    QVERIFY(!L.clockRect().intersects(L.band(LoopArea::Running)));
    checkAxisLabels(L, size);
  }

  // Timer labels and tick labels: inside the view, and no two intersect.
  static void checkAxisLabels(const LoopLayout& L, QSizeF size) {
    const QRectF view(QPointF(0, 0), size);
    std::vector<QRectF> labels;
    for (const auto& c : L.cards())
      if (c.area == LoopArea::Timers) labels.push_back(c.rect);
    for (const auto& t : L.ticks()) {
      QVERIFY2(view.contains(t.label), "tick label outside the view");
      QVERIFY(L.band(LoopArea::Timers).contains(t.label));
      labels.push_back(t.label);
    }
    for (std::size_t i = 0; i < labels.size(); ++i)
      for (std::size_t j = i + 1; j < labels.size(); ++j)
        QVERIFY2(!labels[i].intersects(labels[j]), qPrintable(QStringLiteral("axis labels %1 and %2 overlap").arg(i).arg(j)));
  }

  static int countIn(const LoopLayout& L, LoopArea area) {
    int n = 0;
    for (const auto& c : L.cards())
      if (c.area == area)
        n += c.kind == CardGeometry::Kind::More ? c.hidden : c.kind == CardGeometry::Kind::Timer ? 1 + c.hidden : 1;
    return n;
  }

 private slots:
  void fooBarFits_data() {
    QTest::addColumn<int>("event");
    QTest::addColumn<QSizeF>("size");
    QTest::addColumn<double>("fontScale");
    const auto t = fixture::makeFooBarTrace();
    for (QSizeF size : {QSizeF(1300, 600), QSizeF(860, 460), QSizeF(640, 420)})
      for (double scale : {1.0, 1.6})
        for (std::size_t i = 0; i <= t->size(); i += 7)
          QTest::addRow("%dx%d@%.1f/%zu", int(size.width()), int(size.height()), scale, i)
              << static_cast<int>(i) << size << scale;
  }
  void fooBarFits() {
    QFETCH(int, event);
    QFETCH(QSizeF, size);
    QFETCH(double, fontScale);
    const auto t = fixture::makeFooBarTrace();
    const trace::State s = t->stateAt(static_cast<std::size_t>(event));
    ui::LoopLayoutOptions o;
    o.fontScale = fontScale;
    const LoopLayout L = LoopLayout::compute(s, size, o);
    checkNoOverlap(L, size);
    // Every item is shown or counted.
    QCOMPARE(countIn(L, LoopArea::Ready), static_cast<int>(s.ready.size()));
    int waiting = 0, done = 0, running = 0;
    for (const auto& task : s.tasks) {
      waiting += task.state == trace::TaskState::Waiting;
      done += task.state == trace::TaskState::Done;
      running += task.state == trace::TaskState::Running;
    }
    QCOMPARE(countIn(L, LoopArea::Waiting), waiting);
    QCOMPARE(countIn(L, LoopArea::Done), done);
    QCOMPARE(countIn(L, LoopArea::Running), running);
    QCOMPARE(countIn(L, LoopArea::Timers), static_cast<int>(s.timers.size()));
  }

  void storyPositions() {
    // After main awaits gather: foo and bar are queued, front first.
    const auto t = fixture::makeFooBarTrace();
    const std::size_t afterMain = fixture::findEvent(*t, trace::EventKind::TaskSuspended, fixture::kMain) + 1;
    const LoopLayout L = LoopLayout::compute(t->stateAt(afterMain), QSizeF(1200, 600), {});
    const CardGeometry* foo = nullptr;
    const CardGeometry* bar = nullptr;
    const CardGeometry* main = nullptr;
    for (const auto& c : L.cards()) {
      if (c.key == LoopLayout::taskKey(fixture::kFoo)) foo = &c;
      if (c.key == LoopLayout::taskKey(fixture::kBar)) bar = &c;
      if (c.key == LoopLayout::taskKey(fixture::kMain)) main = &c;
    }
    QVERIFY(foo && bar && main);
    QCOMPARE(foo->area, LoopArea::Ready);
    QCOMPARE(bar->area, LoopArea::Ready);
    QVERIFY(foo->rect.left() < bar->rect.left());  // FIFO: front on the left
    QCOMPARE(main->area, LoopArea::Waiting);
    QVERIFY(!main->extra.isEmpty());  // room for "awaits gather(foo, bar)"
  }

  void timersSitOnTheAxisInDeadlineOrder() {
    const auto t = fixture::makeFooBarTrace();
    const std::size_t bothWait = fixture::findEvent(*t, trace::EventKind::TaskSuspended, fixture::kBar) + 1;
    const trace::State s = t->stateAt(bothWait);
    ui::LoopLayoutOptions o;
    o.axisSpan = LoopLayout::longestTimer(*t);
    QCOMPARE(o.axisSpan, 2.0);
    const LoopLayout L = LoopLayout::compute(s, QSizeF(1200, 600), o);
    QCOMPARE(L.axisStart(), 0.0);
    QVERIFY(L.axisEnd() >= 2.0);
    QVERIFY(L.timeToX(1.0) < L.timeToX(2.0));
    QCOMPARE(L.timeToX(0.0), L.axisRect().left());
    // Countdown bars shrink as the clock moves: at t=1 bar's bar is shorter.
    const std::size_t atOne = fixture::findEvent(*t, trace::EventKind::ClockAdvanced) + 1;
    const LoopLayout L1 = LoopLayout::compute(t->stateAt(atOne), QSizeF(1200, 600), o);
    auto barOf = [](const LoopLayout& l, trace::Id id) {
      for (const auto& c : l.cards())
        if (c.kind == CardGeometry::Kind::Timer && c.id == id) return c.extra.width();
      return -1.0;
    };
    QVERIFY(barOf(L1, fixture::kBarTimer) >= 0);
    QVERIFY(barOf(L1, fixture::kBarTimer) < barOf(L, fixture::kBarTimer));
  }

  void thousandTasksAreSummarized_data() {
    QTest::addColumn<QSizeF>("size");
    QTest::newRow("1920x1080 pane") << QSizeF(1300, 600);
    QTest::newRow("1280x720 pane") << QSizeF(860, 400);
  }
  void thousandTasksAreSummarized() {
    QFETCH(QSizeF, size);
    const auto t = fixture::makeCrowdTrace(1000);
    // Mid-way: main waits, 1000 workers queued.
    const std::size_t queued = fixture::findEvent(*t, trace::EventKind::TaskSuspended, 1) + 1;
    const trace::State s = t->stateAt(queued);
    QCOMPARE(s.ready.size(), 1000u);
    const LoopLayout L = LoopLayout::compute(s, size, {});
    QVERIFY(L.compact());
    QVERIFY(L.hiddenCount(LoopArea::Ready) > 0);
    QVERIFY(L.cards().size() < 300u);  // painting stays bounded
    QCOMPARE(countIn(L, LoopArea::Ready), 1000);
    checkNoOverlap(L, size);
    // At the end: 1000 waiting tasks and 1000 timers.
    const trace::State e = t->stateAt(t->size());
    const LoopLayout E = LoopLayout::compute(e, size, {});
    QCOMPARE(countIn(E, LoopArea::Waiting), 1001);
    QCOMPARE(countIn(E, LoopArea::Timers), 1000);
    checkNoOverlap(E, size);
  }


  // The timer axis stays legible for any number of timers: labels merge
  // into clusters instead of overlapping, every timer is in exactly one
  // label, and at least the first tick ("now") keeps its label.
  void timerLabelsNeverOverlap_data() {
    QTest::addColumn<int>("timers");
    QTest::addColumn<QSizeF>("size");
    QTest::addColumn<double>("fontScale");
    for (int n : {1, 5, 50, 1000})
      for (QSizeF size : {QSizeF(1300, 700), QSizeF(860, 460)})
        for (double scale : {1.0, 1.6})
          QTest::addRow("%d timers %dx%d@%.1f", n, int(size.width()), int(size.height()), scale) << n << size << scale;
  }
  void timerLabelsNeverOverlap() {
    QFETCH(int, timers);
    QFETCH(QSizeF, size);
    QFETCH(double, fontScale);
    const auto t = fixture::makeCrowdTrace(timers);
    const trace::State s = t->stateAt(t->size());
    QCOMPARE(static_cast<int>(s.timers.size()), timers);
    ui::LoopLayoutOptions o;
    o.fontScale = fontScale;
    o.axisSpan = LoopLayout::longestTimer(*t);
    const LoopLayout L = LoopLayout::compute(s, size, o);
    checkNoOverlap(L, size);
    QCOMPARE(countIn(L, LoopArea::Timers), timers);
    QVERIFY(!L.ticks().empty());
    QCOMPARE(L.ticks().front().t, s.clock);
    int clusters = 0;
    for (const auto& c : L.cards()) {
      if (c.area != LoopArea::Timers) continue;
      QCOMPARE(c.kind, CardGeometry::Kind::Timer);  // no "+N more" on the axis
      QVERIFY(c.from <= c.to);
      clusters += c.hidden > 0;
    }
    if (timers >= 50) QVERIFY(clusters > 0);
    if (timers == 1) QCOMPARE(clusters, 0);
  }

  // asyncio.Queue's join Event is part of the queue: it gets no box of its
  // own, while an Event the program made still does.
  void queueJoinEventIsFolded() {
    trace::Recorder rec("q.py", "import asyncio\n");
    using trace::EventKind;
    rec.record(EventKind::TaskCreated, 1, 0, rec.intern("Task-1"));
    rec.record(EventKind::TaskCoroutine, 1, 1, rec.intern("main"));
    rec.record(EventKind::QueueCreated, 2, 0, rec.intern("Queue"));
    rec.record(EventKind::PrimitiveCreated, 3, 1, rec.intern("Event"), 0.0,
               static_cast<std::uint8_t>(trace::PrimitiveKind::Event));
    rec.record(EventKind::PrimitiveCreated, 4, 0, rec.intern("Event"), 0.0,
               static_cast<std::uint8_t>(trace::PrimitiveKind::Event));
    const auto t = rec.finish();
    const auto pairs = LoopLayout::queueJoinEvents(*t);
    QCOMPARE(pairs.size(), 1u);
    QCOMPARE(pairs[0].first, trace::Id(2));
    QCOMPARE(pairs[0].second, trace::Id(3));
    const std::vector<trace::Id> folded{3};
    ui::LoopLayoutOptions o;
    o.folded = &folded;
    const LoopLayout L = LoopLayout::compute(t->stateAt(t->size()), QSizeF(1200, 600), o);
    QVERIFY(L.primitiveCard(3) == nullptr);
    QVERIFY(L.primitiveCard(4) != nullptr);
    bool queue = false;
    for (const auto& c : L.cards()) queue |= c.kind == CardGeometry::Kind::Queue && c.id == 2;
    QVERIFY(queue);
  }

  // Locks, Events, Semaphores and Conditions: boxes in a column at the right
  // of WAITING, every one shown or counted, clear of the waiting cards.
  static std::shared_ptr<const trace::Trace> primitivesTrace(int primitives, int tasks) {
    trace::Recorder rec("prims.py", "import asyncio\n");
    using trace::EventKind;
    for (int i = 0; i < tasks; ++i) {
      const trace::Id id = static_cast<trace::Id>(1 + i);
      rec.record(EventKind::TaskCreated, id, 0, rec.intern("Task-" + std::to_string(i + 1)));
      rec.record(EventKind::TaskCoroutine, id, 1, rec.intern("worker"));
    }
    for (int k = 0; k < primitives; ++k) {
      const trace::Id pid = static_cast<trace::Id>(100 + k);
      rec.record(EventKind::PrimitiveCreated, pid, 0, rec.intern("Lock"), 0.0,
                 static_cast<std::uint8_t>(static_cast<trace::PrimitiveKind>(k % 5)));
    }
    for (int i = 0; i < tasks; ++i) {
      const trace::Id id = static_cast<trace::Id>(1 + i);
      rec.record(EventKind::TaskStepBegin, id);
      if (primitives > 0) rec.record(EventKind::PrimitiveWaiter, static_cast<trace::Id>(100 + i % primitives), id);
      rec.record(EventKind::TaskSuspended, id, static_cast<trace::Id>(200 + i), rec.intern("Lock.acquire()"), 3.0);
    }
    return rec.finish();
  }

  void primitivesInTheWaitingBand_data() {
    QTest::addColumn<int>("primitives");
    QTest::addColumn<int>("tasks");
    QTest::addColumn<QSizeF>("size");
    for (QSizeF size : {QSizeF(1300, 600), QSizeF(860, 460), QSizeF(640, 420)})
      for (auto [p, n] : {std::pair{1, 1}, std::pair{4, 6}, std::pair{7, 3}, std::pair{3, 40}})
        QTest::addRow("%d prims %d tasks %dx%d", p, n, int(size.width()), int(size.height())) << p << n << size;
  }
  void primitivesInTheWaitingBand() {
    QFETCH(int, primitives);
    QFETCH(int, tasks);
    QFETCH(QSizeF, size);
    const auto t = primitivesTrace(primitives, tasks);
    const trace::State s = t->stateAt(t->size());
    QCOMPARE(static_cast<int>(s.primitives.size()), primitives);
    const LoopLayout L = LoopLayout::compute(s, size, {});
    checkNoOverlap(L, size);
    int shown = 0, counted = 0;
    double leftmostPrim = 1e9, rightmostTask = -1e9;
    for (const auto& c : L.cards()) {
      if (c.area != LoopArea::Waiting) continue;
      if (c.kind == CardGeometry::Kind::Primitive) {
        ++shown;
        QVERIFY(L.band(LoopArea::Waiting).contains(c.rect));
        QCOMPARE(L.primitiveCard(c.id), &c);
        leftmostPrim = std::min(leftmostPrim, c.rect.left());
      } else if (c.key == ((7ull << 32) | 1u)) {
        counted += c.hidden;
        leftmostPrim = std::min(leftmostPrim, c.rect.left());
      } else {
        rightmostTask = std::max(rightmostTask, c.rect.united(c.extra).right());
      }
    }
    QVERIFY(shown >= 1);
    QCOMPARE(shown + counted, primitives);
    QVERIFY(rightmostTask < leftmostPrim);  // the column is clear of the task cells
    // Tasks are all still shown or counted beside the column.
    QCOMPARE(countIn(L, LoopArea::Waiting) - shown - counted, tasks);
  }
};

QTEST_MAIN(TestLoopLayout)
#include "test_loop_layout.moc"
