// test_network_knobs.cpp: finding the URLs a program fetches, the extra
// `# sim:` lines the Network dialog sends, and that a changed latency
// changes the run's timing (tests/ui/data/gather_fetch.network.jsonl is the
// lesson run with news at 2.5 s, recorded by regenerate-learning).
#include <QtTest>

#include <QAction>
#include <QTableWidget>

#include "scenarios/scenario_catalog.h"
#include "support/fake_runner.h"
#include "support/recorded_traces.h"
#include "ui/code_pane.h"
#include "ui/learn_menu.h"
#include "ui/main_window.h"
#include "ui/network_knobs.h"
#include "ui/network_knobs_dialog.h"
#include "ui/playback_controller.h"
#include "ui/what_if_comparison.h"

namespace {

const QString kNews = QStringLiteral("https://api.example.com/news");

int indexOf(const QList<ui::UrlSetting>& settings, const QString& url) {
  for (int i = 0; i < settings.size(); ++i)
    if (settings[i].url == url) return i;
  return -1;
}

}  // namespace

class TestNetworkKnobs : public QObject {
  Q_OBJECT

 private slots:
  void urlsComeFromSimLinesLiteralsAndOutput() {
    const QString source = scenarios::find(QStringLiteral("gather_fetch")).source;
    const auto urls = ui::discoverUrls(source);
    QCOMPARE(urls.size(), 3);
    const int news = indexOf(urls, kNews);
    QVERIFY(news >= 0);
    QCOMPARE(urls[news].latency, 0.5);  // its `# sim: latency` line
    QCOMPARE(urls[news].status, 200);
    // URLs built at run time are found in what the run printed.
    const QString crawler = scenarios::find(QStringLiteral("semaphore_crawler")).source;
    QCOMPARE(ui::discoverUrls(crawler).size(), 6);
    const QString program = QStringLiteral(
        "import asyncio, aiohttp\n"
        "async def main():\n"
        "    async with aiohttp.ClientSession() as s:\n"
        "        async with s.get('https://httpbin.org/delay/3') as r:\n"
        "            print('got', r.status)\n");
    const auto found = ui::discoverUrls(program);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].latency, 3.0);  // the contract's /delay/N default
    QCOMPARE(ui::declaredSetting(program, QStringLiteral("https://x.org/a")).latency, 1.0);
    auto t = fixture::loadRecordedTrace(QStringLiteral("gather_fetch"));
    QVERIFY(t);
    const auto withTrace = ui::discoverUrls(QStringLiteral("print('nothing here')\n"), t.get());
    QVERIFY(indexOf(withTrace, kNews) >= 0);  // "start  https://api.example.com/news"
  }

  void onlyChangedValuesAreAppended() {
    const QString source = scenarios::find(QStringLiteral("gather_fetch")).source;
    auto urls = ui::discoverUrls(source);
    QCOMPARE(ui::withNetworkSettings(source, urls), source);  // nothing changed, nothing added
    urls[indexOf(urls, kNews)].fail = true;
    const QString failing = ui::withNetworkSettings(source, urls);
    QVERIFY(failing.startsWith(source));  // every line of the program keeps its number
    QCOMPARE(failing.mid(source.size()),
             QStringLiteral("# sim: status %1 %2\n").arg(kNews).arg(ui::kFailStatus));
  }

  // The dialog's edit reaches the run, and the run's timing changes.
  void aLatencyChangeChangesTheTiming() {
    const QString source = scenarios::find(QStringLiteral("gather_fetch")).source;
    auto urls = ui::discoverUrls(source);
    urls[indexOf(urls, kNews)].latency = 2.5;
    const QString edited = ui::withNetworkSettings(source, urls);
    auto before = fixture::loadRecordedTrace(QStringLiteral("gather_fetch"));
    auto after = fixture::loadRecordedTrace(QStringLiteral("gather_fetch.network"));
    QVERIFY(before && after);
    QCOMPARE(QString::fromStdString(before->source()), source);
    QCOMPARE(QString::fromStdString(after->source()), edited);  // else: regenerate-learning
    // news was the fastest (0.5 s); at 2.5 s it is the slowest, and gather
    // waits for the slowest, so the run now ends when news answers.
    QVERIFY(ui::finishTime(*after) != ui::finishTime(*before));
    QCOMPARE(ui::finishTime(*after), 2.5);
    const QStringList a = ui::printedLines(*before), b = ui::printedLines(*after);
    QVERIFY(a.indexOf(QStringLiteral("finish ") + kNews) <
            a.indexOf(QStringLiteral("finish https://api.example.com/weather")));
    QVERIFY(b.indexOf(QStringLiteral("finish ") + kNews) >
            b.indexOf(QStringLiteral("finish https://api.example.com/weather")));
  }

  // Through the window: the runner gets the extra line, the editor does not.
  void applyingKeepsTheCode() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    const QString source = scenarios::find(QStringLiteral("gather_fetch")).source;
    auto before = fixture::loadRecordedTrace(QStringLiteral("gather_fetch"));
    w.setTrace(before, source);
    ui::NetworkKnobsDialog* dialog = w.learnMenu()->openNetwork();
    QVERIFY(dialog->isVisible());
    const int row = indexOf(dialog->settings(), kNews);
    QVERIFY(row >= 0);
    QCOMPARE(dialog->settings()[row].latency, 0.5);
    dialog->setLatency(row, 2.5);
    runner.next = ui::RunResult{fixture::loadRecordedTrace(QStringLiteral("gather_fetch.network")), 0, 0, 0, {}};
    dialog->apply();
    QTRY_COMPARE(w.controller()->trace(), runner.next.trace);
    QCOMPARE(runner.runs, 1);
    QCOMPARE(runner.last.source, source + QStringLiteral("# sim: latency %1 2.5\n").arg(kNews));
    QCOMPARE(w.codePane()->text(), source);  // the code stays what the student wrote
    // Reopening keeps the edit while the program is the same; Reset restores it.
    QCOMPARE(w.learnMenu()->openNetwork()->settings()[row].latency, 2.5);
    dialog->reset();
    QCOMPARE(dialog->settings()[row].latency, 0.5);
  }
};

QTEST_MAIN(TestNetworkKnobs)
#include "test_network_knobs.moc"
