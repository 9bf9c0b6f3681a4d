// test_desktop.cpp: the window as a desktop citizen: menus and their
// shortcuts, the F1 list generated from the actions, opening and saving
// .py files, recent files, the unsaved-changes prompt, drag and drop, and
// settings surviving a new window. QStandardPaths test mode keeps every
// setting and file away from the user's real configuration.
#include <QComboBox>
#include <QCoroTask>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "scenarios/scenario_catalog.h"
#include "support/fake_runner.h"
#include "support/foo_bar_fixture.h"
#include "ui/autosave.h"
#include "ui/code_pane.h"
#include "ui/file_actions.h"
#include "ui/keyboard_help.h"
#include "ui/loop_view.h"
#include "ui/main_window.h"
#include "ui/playback_controller.h"

namespace {

QString plain(const QAction* a) {
  QString t = a->text();
  t.remove(QLatin1Char('&'));
  t.remove(QStringLiteral("…"));
  return t;
}

QMenu* menu(ui::MainWindow& w, const char* name) { return w.menuBar()->findChild<QMenu*>(QLatin1String(name)); }

// The action called `text` in `m` or its submenus.
QAction* action(QMenu* m, const QString& text) {
  if (!m) return nullptr;
  for (QAction* a : m->actions()) {
    if (a->menu())
      if (QAction* found = action(a->menu(), text)) return found;
    if (plain(a) == text) return a;
  }
  return nullptr;
}

QKeySequence keys(const char* text) { return QKeySequence(QString::fromLatin1(text)); }

void writeFile(const QString& path, const QString& text) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(text.toUtf8());
}

QString readFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("<unreadable>");
  return QString::fromUtf8(f.readAll());
}

}  // namespace

class TestDesktop : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  QString program(const QString& name, const QString& text) {
    const QString path = dir_.filePath(name);
    writeFile(path, text);
    return path;
  }

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_desktop"));
    QVERIFY(dir_.isValid());
  }

  void init() {
    QSettings().clear();
    QDir(ui::Autosave::directory()).removeRecursively();
  }

  void menusFollowPlatformConventions() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    struct Expect {
      const char* menu;
      const char* text;
      const char* key;
    };
    const Expect expected[] = {
        {"fileMenu", "Open", "Ctrl+O"},          {"fileMenu", "Save", "Ctrl+S"},
        {"fileMenu", "Save As", "Ctrl+Shift+S"}, {"fileMenu", "Quit", "Ctrl+Q"},
        {"editMenu", "Run", "Ctrl+R"},           {"viewMenu", "Zoom in", "Ctrl+="},
        {"viewMenu", "Zoom out", "Ctrl+-"},      {"playbackMenu", "Play", "Space"},
        {"playbackMenu", "Step", "Right"},       {"playbackMenu", "Back", "Left"},
        {"playbackMenu", "Next iteration", "Shift+Right"},
        {"playbackMenu", "Previous iteration", "Shift+Left"},
        {"playbackMenu", "Next clock jump", "T"}, {"playbackMenu", "Start", "Home"},
        {"playbackMenu", "End", "End"},          {"playbackMenu", "1×", "3"},
        {"playbackMenu", "16×", "7"},            {"helpMenu", "Keyboard shortcuts", "F1"},
    };
    for (const Expect& e : expected) {
      QAction* a = action(menu(w, e.menu), QString::fromUtf8(e.text));
      QVERIFY2(a, e.text);
      QVERIFY2(a->shortcuts().contains(keys(e.key)), e.text);
    }
    for (const char* text : {"Undo", "Redo", "Cut", "Copy", "Paste", "Select All"})
      QVERIFY2(action(menu(w, "editMenu"), QString::fromLatin1(text)), text);
    QCOMPARE(action(menu(w, "editMenu"), QStringLiteral("Undo"))->shortcut(), QKeySequence(QKeySequence::Undo));
    QVERIFY(action(menu(w, "viewMenu"), QStringLiteral("Presenter mode")));
    QVERIFY(action(menu(w, "viewMenu"), QStringLiteral("Internals")));
    QVERIFY(action(menu(w, "helpMenu"), QStringLiteral("About Loopscope")));
    QVERIFY(menu(w, "recentMenu"));
  }

  void menuCommandsActOnTheWindow() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    const auto t = fixture::makeFooBarTrace();
    w.setTrace(t, QString::fromStdString(t->source()));
    action(menu(w, "playbackMenu"), QStringLiteral("Step"))->trigger();
    QCOMPARE(w.cursor(), 1u);
    action(menu(w, "playbackMenu"), QStringLiteral("End"))->trigger();
    QCOMPARE(w.cursor(), t->size());
    action(menu(w, "playbackMenu"), QStringLiteral("4×"))->trigger();
    QCOMPARE(w.controller()->speed(), 4.0);
    w.controller()->setSpeed(0.5);  // the menu follows the toolbar and keys
    QVERIFY(action(menu(w, "playbackMenu"), QStringLiteral("0.5×"))->isChecked());
    action(menu(w, "viewMenu"), QStringLiteral("Internals"))->trigger();
    QVERIFY(w.internals());
    // Undo in the Edit menu works on the code pane.
    const QString before = w.codePane()->text();
    w.codePane()->setCursorPosition(0, 0);
    w.codePane()->insert(QStringLiteral("# note\n"));
    QVERIFY(w.codePane()->text() != before);
    action(menu(w, "editMenu"), QStringLiteral("Undo"))->trigger();
    QCOMPARE(w.codePane()->text(), before);
  }

  void playbackKeysStayWithTheEditor() {
    // The menus show Right for Step, but the editor still moves its caret.
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    const auto t = fixture::makeFooBarTrace();
    w.setTrace(t, QString::fromStdString(t->source()));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w) || true);
    w.codePane()->setFocus();
    w.codePane()->setCursorPosition(0, 0);
    QTest::keyClick(w.codePane(), Qt::Key_Right);
    QCOMPARE(w.cursor(), 0u);
    int line = -1, col = -1;
    w.codePane()->getCursorPosition(&line, &col);
    QCOMPARE(col, 1);
    QTest::keyClick(w.loopView(), Qt::Key_Right);
    QCOMPARE(w.cursor(), 1u);
  }

  void keyboardDialogListsEveryShortcut() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    ui::KeyboardHelpDialog d(&w);
    QCOMPARE(d.table()->rowCount(), static_cast<int>(d.rows().size()));
    int withKeys = 0;
    for (const QAction* a : w.findChildren<QAction*>()) {
      if (a->shortcut().isEmpty()) continue;
      ++withKeys;
      bool listed = false;
      for (int i = 0; i < d.table()->rowCount(); ++i)
        listed = listed || (d.rows()[i].action == a &&
                            d.table()->item(i, 2)->text().contains(a->shortcut().toString(QKeySequence::NativeText)));
      QVERIFY2(listed, qPrintable(a->text()));
    }
    QCOMPARE(static_cast<int>(d.rows().size()), withKeys);
    QVERIFY(withKeys >= 25);
    // A shortcut added later shows up without touching the dialog's code.
    auto* extra = new QAction(QStringLiteral("Extra"), &w);
    extra->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    const auto rows = ui::shortcutRows(&w);
    QVERIFY(std::any_of(rows.begin(), rows.end(), [extra](const ui::ShortcutRow& r) { return r.action == extra; }));
  }

  void openAndSaveRoundTrip() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    ui::FileActions* files = w.fileActions();
    const QString text = QStringLiteral("import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n");
    const QString a = program(QStringLiteral("alpha.py"), text);
    QVERIFY(files->openFile(a, false));
    QCOMPARE(w.codePane()->text(), text);
    QCOMPARE(w.windowTitle(), QStringLiteral("alpha.py[*] — Loopscope"));
    QVERIFY(!w.isWindowModified());
    QCOMPARE(runner.runs, 0);

    w.codePane()->setText(text + QStringLiteral("# edited\n"));
    QVERIFY(w.isWindowModified());
    QVERIFY(files->isModified());
    const QString b = dir_.filePath(QStringLiteral("beta.py"));
    QVERIFY(files->saveTo(b));
    QCOMPARE(readFile(b), text + QStringLiteral("# edited\n"));
    QCOMPARE(files->filePath(), QFileInfo(b).absoluteFilePath());
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.windowTitle(), QStringLiteral("beta.py[*] — Loopscope"));
    // Ctrl+S with a path writes there without asking.
    w.codePane()->setText(QStringLiteral("print('again')\n"));
    QVERIFY(files->save());
    QCOMPARE(readFile(b), QStringLiteral("print('again')\n"));

    // Opening runs the program under its own name.
    QVERIFY(files->openFile(a));
    QTRY_COMPARE(runner.runs, 1);
    QCOMPARE(runner.last.fileName, QStringLiteral("alpha.py"));
    QCOMPARE(runner.last.source, text);
    QCOMPARE(w.findChild<QComboBox*>(QStringLiteral("scenarioChooser"))->currentData().toString(), QString());
  }

  void recentFilesKeepTheLastEight() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    QStringList opened;
    for (int i = 0; i < 10; ++i) {
      opened << program(QStringLiteral("p%1.py").arg(i), QStringLiteral("print(%1)\n").arg(i));
      QVERIFY(w.fileActions()->openFile(opened.last(), false));
    }
    QStringList recent = ui::FileActions::recentFiles();
    QCOMPARE(recent.size(), ui::FileActions::kMaxRecent);
    QCOMPARE(recent.first(), QFileInfo(opened[9]).absoluteFilePath());
    QCOMPARE(recent.last(), QFileInfo(opened[2]).absoluteFilePath());
    // Reopening moves a file to the top without duplicating it.
    QVERIFY(w.fileActions()->openFile(opened[5], false));
    recent = ui::FileActions::recentFiles();
    QCOMPARE(recent.size(), ui::FileActions::kMaxRecent);
    QCOMPARE(recent.first(), QFileInfo(opened[5]).absoluteFilePath());
    QCOMPARE(recent.count(QFileInfo(opened[5]).absoluteFilePath()), 1);
    // The submenu lists them in that order and opens them.
    QMenu* m = menu(w, "recentMenu");
    QCOMPARE(m->actions().first()->data().toString(), recent.first());
    QCOMPARE(m->actions().at(1)->data().toString(), recent.at(1));
    m->actions().at(1)->trigger();
    QCOMPARE(w.codePane()->text(), readFile(recent.at(1)));
    // A new window (a new start) sees the same list.
    ui::MainWindow again(&runner);
    QCOMPARE(menu(again, "recentMenu")->actions().first()->data().toString(), ui::FileActions::recentFiles().first());
  }

  void unsavedEditsAreNotLostSilently() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    ui::FileActions* files = w.fileActions();
    const QString a = program(QStringLiteral("first.py"), QStringLiteral("print('first')\n"));
    const QString b = program(QStringLiteral("second.py"), QStringLiteral("print('second')\n"));
    QVERIFY(files->openFile(a, false));
    w.codePane()->setText(QStringLiteral("print('mine')\n"));
    int asked = 0;
    files->setPromptHandler([&asked] {
      ++asked;
      return QMessageBox::Cancel;
    });
    QVERIFY(!files->openFile(b, false));
    QCOMPARE(asked, 1);
    QCOMPARE(w.codePane()->text(), QStringLiteral("print('mine')\n"));
    // Closing a session window asks too, and Cancel keeps it open.
    w.restoreSession();
    w.show();
    QVERIFY(!w.close());
    QCOMPARE(asked, 2);
    QVERIFY(w.isVisible());
    // Save writes the edits, then the other file opens.
    files->setPromptHandler([&asked] {
      ++asked;
      return QMessageBox::Save;
    });
    QVERIFY(files->openFile(b, false));
    QCOMPARE(readFile(a), QStringLiteral("print('mine')\n"));
    QCOMPARE(w.codePane()->text(), QStringLiteral("print('second')\n"));
    // Discard throws the edits away and the window closes.
    w.codePane()->setText(QStringLiteral("print('scratch')\n"));
    files->setPromptHandler([] { return QMessageBox::Discard; });
    QVERIFY(w.close());
    QCOMPARE(readFile(b), QStringLiteral("print('second')\n"));
    QVERIFY(!QFile::exists(ui::Autosave::codePath()));
  }

  void droppingAPythonFileOpensAndRunsIt() {
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    QVERIFY(w.acceptDrops());
    const QString path = program(QStringLiteral("dropped.py"), QStringLiteral("print('dropped')\n"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QCOMPARE(w.codePane()->text(), QStringLiteral("print('dropped')\n"));
    QTRY_COMPARE(runner.runs, 1);
    QCOMPARE(runner.last.fileName, QStringLiteral("dropped.py"));
    // Anything but a .py is refused.
    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(dir_.filePath(QStringLiteral("notes.txt")))});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    refused.ignore();
    QApplication::sendEvent(&w, &refused);
    QVERIFY(!refused.isAccepted());
  }

  void settingsSurviveANewWindow() {
    fixture::FakeRunner runner;
    const QString lesson = scenarios::defaultId();
    {
      ui::MainWindow w(&runner);
      QVERIFY(!w.restoreSession());
      QCOMPARE(ui::MainWindow::lastScenario(), QString());
      w.resize(900, 640);
      w.controller()->setSpeed(4.0);
      w.setInternals(true);
      w.setPresenterMode(true);
      w.setZoomFactor(1.21);
      w.openScenario(lesson);
      QTRY_VERIFY(!w.isRunning());
      w.show();
      QVERIFY(w.close());  // closing saves the session
    }
    QCOMPARE(ui::MainWindow::lastScenario(), lesson);
    ui::MainWindow w(&runner);
    QCOMPARE(w.controller()->speed(), 1.0);
    QVERIFY(!w.restoreSession());
    QCOMPARE(w.controller()->speed(), 4.0);
    QVERIFY(w.internals());
    QVERIFY(w.presenterMode());
    QCOMPARE(w.zoomFactor(), 1.21);
    QCOMPARE(w.size(), QSize(900, 640));
  }
};

QTEST_MAIN(TestDesktop)
#include "test_desktop.moc"
