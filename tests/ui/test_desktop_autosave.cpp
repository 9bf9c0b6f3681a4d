// test_desktop_autosave.cpp: edits survive a window that dies without a
// clean shutdown. The window is deleted with its autosave still on disk
// (no close event, no save), as after a crash, and a new window over the
// same settings location must bring the edited code back. The autosave is
// awaited by its file appearing, never by sleeping a fixed time.
#include <QCoroTask>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "scenarios/scenario_catalog.h"
#include "support/fake_runner.h"
#include "ui/autosave.h"
#include "ui/code_pane.h"
#include "ui/file_actions.h"
#include "ui/main_window.h"

class TestDesktopAutosave : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_desktop_autosave"));
    QVERIFY(dir_.isValid());
  }

  void init() {
    QSettings().clear();
    QDir(ui::Autosave::directory()).removeRecursively();
  }

  void editsOfAFileSurviveACrash() {
    fixture::FakeRunner runner;
    const QString path = dir_.filePath(QStringLiteral("work.py"));
    {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("print('saved')\n");
    }
    const QString edited = QStringLiteral("print('saved')\nprint('not yet saved')\n");
    auto w = std::make_unique<ui::MainWindow>(&runner);
    QVERIFY(!w->restoreSession());
    QVERIFY(w->fileActions()->openFile(path, false));
    QVERIFY(!QFile::exists(ui::Autosave::codePath()));
    w->codePane()->setText(edited);
    QVERIFY(w->fileActions()->autosave()->isPending());
    QTRY_VERIFY(QFile::exists(ui::Autosave::codePath()));
    w.reset();  // no close(), no save: the process might as well have died
    QVERIFY(QFile::exists(ui::Autosave::codePath()));

    ui::MainWindow again(&runner);
    QVERIFY(again.restoreSession());
    QCOMPARE(again.codePane()->text(), edited);
    QVERIFY(again.isWindowModified());
    QCOMPARE(again.fileActions()->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(again.windowTitle(), QStringLiteral("work.py[*] — Loopscope"));
    QVERIFY(again.statusBar()->currentMessage().contains(QStringLiteral("Restored")));
    // Saving makes the autosave obsolete: the next start restores nothing.
    QVERIFY(again.fileActions()->save());
    QVERIFY(!QFile::exists(ui::Autosave::codePath()));
    ui::MainWindow third(&runner);
    QVERIFY(!third.restoreSession());
  }

  void editsOfALessonSurviveAndDiscardClearsThem() {
    fixture::FakeRunner runner;
    const scenarios::Scenario lesson = scenarios::find(scenarios::defaultId());
    auto w = std::make_unique<ui::MainWindow>(&runner);
    w->restoreSession();
    w->openScenario(lesson.id);
    QTRY_VERIFY(!w->isRunning());
    QVERIFY(!w->isWindowModified());
    w->codePane()->setCursorPosition(0, 0);
    w->codePane()->insert(QStringLiteral("# my note\n"));
    QTRY_VERIFY(QFile::exists(ui::Autosave::codePath()));
    w.reset();

    ui::MainWindow again(&runner);
    QVERIFY(again.restoreSession());
    QCOMPARE(again.codePane()->text(), QStringLiteral("# my note\n") + lesson.source);
    QCOMPARE(again.windowTitle(), lesson.id + QStringLiteral(".py[*] — Loopscope"));
    QVERIFY(again.isWindowModified());
    again.fileActions()->setPromptHandler([] { return QMessageBox::Discard; });
    QVERIFY(again.fileActions()->confirmDiscard());
    QVERIFY(!QFile::exists(ui::Autosave::codePath()));
  }

  void undoingBackToTheSavedTextLeavesNothingToRestore() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.restoreSession();
    w.codePane()->setText(QStringLiteral("print(1)\n"));
    QTRY_VERIFY(QFile::exists(ui::Autosave::codePath()));
    w.codePane()->setText(QString());  // back to the clean (empty) text
    QVERIFY(!QFile::exists(ui::Autosave::codePath()));
    QVERIFY(!w.fileActions()->autosave()->isPending());
  }
};

QTEST_MAIN(TestDesktopAutosave)
#include "test_desktop_autosave.moc"
