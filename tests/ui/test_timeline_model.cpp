// test_timeline_model.cpp: swimlane segments, idle gaps and the index <-> x
// mapping of the timeline, on the foo/bar story.
#include <QtTest>

#include "support/foo_bar_fixture.h"
#include "ui/playback_controller.h"
#include "ui/timeline_model.h"
#include "ui/timeline_view.h"

using trace::TaskState;

class TestTimelineModel : public QObject {
  Q_OBJECT
  std::shared_ptr<const trace::Trace> t_ = fixture::makeFooBarTrace();

 private slots:
  // Lanes are told apart as asyncio's repr tells tasks apart: a name the
  // program gave wins; a coroutine name alone when only one lane runs it;
  // otherwise "Task-N coro()" (aiohttp's handler tasks all run one coroutine).
  void laneLabels() {
    using M = ui::TimelineModel;
    QCOMPARE(M::laneLabel(QStringLiteral("Task-2"), QStringLiteral("foo"), 1), QStringLiteral("foo"));
    QCOMPARE(M::laneLabel(QStringLiteral("Task-7"), QStringLiteral("hello"), 3), QStringLiteral("Task-7 hello()"));
    QCOMPARE(M::laneLabel(QStringLiteral("Task-7"), QString(), 1), QStringLiteral("Task-7"));
    QCOMPARE(M::laneLabel(QStringLiteral("worker-1"), QStringLiteral("worker"), 4), QStringLiteral("worker-1"));
    // In a trace: the crowd's 5 workers share `worker`; main is unique.
    const ui::TimelineModel m = M::build(*fixture::makeCrowdTrace(5));
    QCOMPARE(m.lanes()[0].name, QStringLiteral("main"));
    QCOMPARE(m.lanes()[1].name, QStringLiteral("Task-2 worker()"));
    QCOMPARE(m.lanes()[5].name, QStringLiteral("Task-6 worker()"));
  }

  void lanesFollowEachTasksLife() {
    const ui::TimelineModel m = ui::TimelineModel::build(*t_);
    QCOMPARE(m.lanes().size(), 3u);
    QCOMPARE(m.lanes()[0].name, QStringLiteral("main"));
    QCOMPARE(m.lanes()[1].name, QStringLiteral("foo"));
    QCOMPARE(m.lanes()[2].name, QStringLiteral("bar"));
    // foo: queued, runs, sleeps, is woken, runs again, done.
    QList<TaskState> foo;
    for (const auto& s : m.lanes()[1].segments) foo << s.state;
    QCOMPARE(foo, (QList<TaskState>{TaskState::Scheduled, TaskState::Running, TaskState::Waiting,
                                    TaskState::Scheduled, TaskState::Running, TaskState::Done}));
    // Segments tile the lane without gaps or overlaps, up to the end.
    for (const auto& lane : m.lanes()) {
      for (std::size_t i = 1; i < lane.segments.size(); ++i)
        QCOMPARE(lane.segments[i].x0, lane.segments[i - 1].x1);
      QCOMPARE(lane.segments.back().x1, m.totalUnits());
      QCOMPARE(lane.segments.back().state, TaskState::Done);
      QCOMPARE(lane.segments.back().outcome, trace::FutureState::Finished);
    }
  }

  void idleGapsAndOutputs() {
    const ui::TimelineModel m = ui::TimelineModel::build(*t_);
    QCOMPARE(m.gaps().size(), 2u);
    QCOMPARE(m.gaps()[0].from, 0.0);
    QCOMPARE(m.gaps()[0].to, 1.0);
    QCOMPARE(m.gaps()[1].from, 1.0);
    QCOMPARE(m.gaps()[1].to, 2.0);
    QCOMPARE(m.gaps()[0].x1 - m.gaps()[0].x0, ui::TimelineModel::kIdleUnits);
    QCOMPARE(m.outputs().size(), 5u);
    QCOMPARE(m.outputs()[0].task, fixture::kFoo);
    QCOMPARE(m.outputs()[4].task, fixture::kMain);
    QCOMPARE(m.totalUnits(), static_cast<double>(t_->size()) + 2 * (ui::TimelineModel::kIdleUnits - 1));
  }

  void indexAndXAreInverse() {
    const ui::TimelineModel m = ui::TimelineModel::build(*t_);
    QCOMPARE(m.size(), t_->size());
    for (std::size_t i = 0; i <= t_->size(); ++i) QCOMPARE(m.indexAt(m.xOf(i)), i);
    QCOMPARE(m.indexAt(-5), 0u);
    QCOMPARE(m.indexAt(m.totalUnits() + 5), t_->size());
  }

  void aThousandLanes() {
    const auto crowd = fixture::makeCrowdTrace(1000);
    const ui::TimelineModel m = ui::TimelineModel::build(*crowd);
    QCOMPARE(m.lanes().size(), 1001u);
    for (const auto& lane : m.lanes()) QVERIFY(!lane.segments.empty());
  }

  // The view draws lanes only as small as a legible name: a thousand tasks
  // in a 160-pixel timeline give a few named lanes and a "+N more" row,
  // not a thousand 3-pixel stripes; a small program shows every lane.
  void crowdedLanesKeepTheirNames() {
    ui::PlaybackController controller;
    ui::TimelineView view(&controller);
    view.resize(900, 160);
    controller.setTrace(fixture::makeCrowdTrace(1000));
    const int shown = view.shownLanes();
    QVERIFY2(shown >= 3 && shown < 1001, qPrintable(QString::number(shown)));
    // At font scale 1 a unit is 13 px: no lane is thinner than kMinLaneUnits of it.
    QVERIFY(shown + 1 <= static_cast<int>(view.height() / (ui::TimelineView::kMinLaneUnits * 13.0)));
    // The last lane row follows the running task when its lane is left out.
    const auto& lanes = view.model().lanes();
    const std::size_t size = controller.trace()->size();
    std::size_t at = 0;
    for (; at < size; ++at) {
      controller.seek(at);
      const trace::Id running = controller.state().running;
      const auto it = std::find_if(lanes.begin(), lanes.end(), [&](const auto& l) { return l.task == running; });
      if (running && it - lanes.begin() >= shown) break;
    }
    QVERIFY(at < size);
    const int followed = view.followedLane();
    QVERIFY(followed >= shown);
    QCOMPARE(lanes[static_cast<std::size_t>(followed)].task, controller.state().running);
    controller.setTrace(t_);
    QCOMPARE(view.shownLanes(), 3);
    QCOMPARE(view.followedLane(), -1);  // everything fits
  }
};

QTEST_MAIN(TestTimelineModel)
#include "test_timeline_model.moc"
