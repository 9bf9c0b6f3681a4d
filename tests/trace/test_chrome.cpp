// test_chrome.cpp: the Chrome Trace Event export is valid JSON that
// Perfetto can lay out: one named track per task, steps at virtual time.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <map>
#include <sstream>

#include "core/trace/export_chrome.h"
#include "core/trace/trace.h"
#include "support/fixtures.h"

using namespace trace;

namespace {

QJsonObject exportChrome(const Trace& t) {
  std::ostringstream out;
  writeChromeTrace(t, out);
  QJsonParseError error{};
  QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(out.str()), &error);
  if (error.error != QJsonParseError::NoError) qWarning() << error.errorString() << error.offset;
  return doc.object();
}

// tid -> thread name, from the metadata events; fails on a duplicate.
std::map<int, QString> threadNames(const QJsonArray& events, int* duplicates) {
  std::map<int, QString> names;
  *duplicates = 0;
  for (const QJsonValue& v : events) {
    QJsonObject e = v.toObject();
    if (e["ph"].toString() != "M" || e["name"].toString() != "thread_name") continue;
    int tid = e["tid"].toInt();
    if (names.count(tid)) ++*duplicates;
    names[tid] = e["args"].toObject()["name"].toString();
  }
  return names;
}

std::vector<QJsonObject> slicesOn(const QJsonArray& events, int tid, const QString& cat) {
  std::vector<QJsonObject> out;
  for (const QJsonValue& v : events) {
    QJsonObject e = v.toObject();
    if (e["ph"].toString() == "X" && e["tid"].toInt() == tid && e["cat"].toString() == cat) out.push_back(e);
  }
  return out;
}

int tidNamed(const std::map<int, QString>& names, const QString& name) {
  for (const auto& [tid, n] : names)
    if (n == name) return tid;
  return -1;
}

}  // namespace

class TestChrome : public QObject {
  Q_OBJECT

 private slots:
  void fooBarTracks() {
    auto t = fixtures::fooBarTrace();
    QJsonObject root = exportChrome(*t);
    QVERIFY(root.contains("traceEvents"));
    QCOMPARE(root["displayTimeUnit"].toString(), QStringLiteral("ms"));
    QJsonArray events = root["traceEvents"].toArray();
    int duplicates = 0;
    auto names = threadNames(events, &duplicates);
    QCOMPARE(duplicates, 0);
    QCOMPARE(names.size(), std::size_t(4));  // the loop and three tasks
    int loop = tidNamed(names, "loop");
    int main = tidNamed(names, "Task-1 main");
    int foo = tidNamed(names, "Task-2 foo");
    int bar = tidNamed(names, "Task-3 bar");
    QVERIFY(loop >= 0 && main >= 0 && foo >= 0 && bar >= 0);

    // Two steps each; foo's second runs at virtual t = 1 s, bar's at 2 s.
    auto fooSteps = slicesOn(events, foo, "step");
    auto barSteps = slicesOn(events, bar, "step");
    auto mainSteps = slicesOn(events, main, "step");
    QCOMPARE(fooSteps.size(), std::size_t(2));
    QCOMPARE(barSteps.size(), std::size_t(2));
    QCOMPARE(mainSteps.size(), std::size_t(2));
    QCOMPARE(fooSteps[0]["name"].toString(), QStringLiteral("foo"));
    QVERIFY(fooSteps[0]["ts"].toDouble() < 1e6);
    QCOMPARE(fooSteps[1]["ts"].toDouble(), 1e6);
    QCOMPARE(fooSteps[1]["args"].toObject()["t"].toDouble(), 1.0);
    QCOMPARE(barSteps[1]["ts"].toDouble(), 2e6);
    // Steps at the same instant sit side by side, never overlapping.
    QCOMPARE(mainSteps[0]["ts"].toDouble(), 0.0);
    double mainEnd = mainSteps[0]["ts"].toDouble() + mainSteps[0]["dur"].toDouble();
    QCOMPARE(fooSteps[0]["ts"].toDouble(), mainEnd);
    QVERIFY(barSteps[0]["ts"].toDouble() >= fooSteps[0]["ts"].toDouble() + fooSteps[0]["dur"].toDouble());
    QVERIFY(fooSteps[0]["dur"].toDouble() > 0);
    QCOMPARE(fooSteps[0]["args"].toObject()["ended"].toString(), QStringLiteral("awaits sleep(1)"));
    QCOMPARE(fooSteps[1]["args"].toObject()["ended"].toString(), QStringLiteral("Finished: None"));

    // The loop's idle periods, and output on the task that printed it.
    auto idle = slicesOn(events, loop, "loop");
    QCOMPARE(idle.size(), std::size_t(2));
    QCOMPARE(idle[1]["ts"].toDouble() + idle[1]["dur"].toDouble(), 2e6);
    bool printed = false;
    for (const QJsonValue& v : events) {
      QJsonObject e = v.toObject();
      if (e["ph"].toString() == "i" && e["cat"].toString() == "output" && e["tid"].toInt() == foo)
        printed = e["name"].toString() == "Running foo" && e["args"].toObject()["text"] == "Running foo\n";
    }
    QVERIFY(printed);
  }

  void everyTaskHasOneTrackAndStepsDoNotOverlap() {
    fixtures::SyntheticOptions o;
    o.events = 20000;
    o.maxTasks = 60;
    auto t = fixtures::syntheticTrace(o);
    QJsonArray events = exportChrome(*t)["traceEvents"].toArray();
    QVERIFY(!events.isEmpty());
    int duplicates = 0;
    auto names = threadNames(events, &duplicates);
    QCOMPARE(duplicates, 0);
    State end = t->stateAt(t->size());
    QCOMPARE(names.size(), end.tasks.size() + 1);
    for (const TaskView& task : end.tasks) {
      QString name = QString::fromUtf8(t->str(task.name).data(), qsizetype(t->str(task.name).size())) + " " +
                     QString::fromUtf8(t->str(task.coroutine).data(), qsizetype(t->str(task.coroutine).size()));
      QVERIFY2(tidNamed(names, name) >= 0, qPrintable(name));
    }
    // Across all tracks, steps never overlap (one thread: one step at a time)
    // and blocked periods last their virtual duration.
    std::vector<std::pair<double, double>> steps;
    int blocked = 0;
    for (const QJsonValue& v : events) {
      QJsonObject e = v.toObject();
      if (e["ph"].toString() != "X") continue;
      if (e["cat"].toString() == "step") steps.emplace_back(e["ts"].toDouble(), e["dur"].toDouble());
      if (e["name"].toString().startsWith("blocked")) {
        ++blocked;
        QCOMPARE(e["dur"].toDouble(), 0.25e6);
      }
    }
    QVERIFY(blocked > 0);
    std::sort(steps.begin(), steps.end());
    for (std::size_t i = 1; i < steps.size(); ++i)
      QVERIFY(steps[i].first >= steps[i - 1].first + steps[i - 1].second - 1e-6);
  }
};

QTEST_GUILESS_MAIN(TestChrome)
#include "test_chrome.moc"
