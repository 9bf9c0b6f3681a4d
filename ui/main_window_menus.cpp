// main_window_menus.cpp: the menu bar (File, Edit, View, Playback, Learn, Help).
//
// Menus reuse the window's toolbar actions so a command has one QAction,
// one enabled state and one shortcut everywhere. Playback keys that a text
// editor also needs (Space, arrows, Home, End, digits, T) are handled by
// MainWindow::keyPressEvent only when the focused pane leaves them alone, so
// their actions carry the key for display (menus, F1 dialog) with a
// widget-local context that never steals it from the editor.
#include <QActionGroup>
#include <QApplication>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

#include "ui/code_pane.h"
#include "ui/export_menu.h"
#include "ui/file_actions.h"
#include "ui/keyboard_help.h"
#include "ui/learn_menu.h"
#include "ui/main_window.h"
#include "ui/theme.h"
#include "ui/playback_controller.h"

namespace ui {

namespace {
// Shows `key` next to the action without making it a window shortcut.
void displayKey(QAction* a, const QKeySequence& key) {
  a->setShortcut(key);
  a->setShortcutContext(Qt::WidgetShortcut);
}

const double kMenuSpeeds[] = {0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0};
}  // namespace

void MainWindow::buildMenus() {
  QMenuBar* bar = menuBar();
  bar->setObjectName(QStringLiteral("menuBar"));

  // File
  QMenu* file = bar->addMenu(tr("&File"));
  file->setObjectName(QStringLiteral("fileMenu"));
  QAction* open = file->addAction(tr("&Open…"), this, [this] { files_->openDialog(); });
  open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
  QAction* save = file->addAction(tr("&Save"), this, [this] { files_->save(); });
  save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
  QAction* saveAs = file->addAction(tr("Save &As…"), this, [this] { files_->saveAs(); });
  saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  QMenu* recent = file->addMenu(tr("Open &Recent"));
  recent->setObjectName(QStringLiteral("recentMenu"));
  auto refreshRecent = [this, recent] {
    recent->clear();
    const QStringList paths = FileActions::recentFiles();
    for (int i = 0; i < paths.size(); ++i) {
      const QString path = paths[i];
      QAction* a = recent->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
                                     [this, path] { files_->openFile(path); });
      a->setToolTip(path);
      a->setData(path);
    }
    if (!paths.isEmpty()) recent->addSeparator();
    QAction* clear = recent->addAction(tr("&Clear list"), this, [] { FileActions::clearRecentFiles(); });
    clear->setEnabled(!paths.isEmpty());
    connect(clear, &QAction::triggered, recent, [recent] { recent->clear(); }, Qt::QueuedConnection);
  };
  refreshRecent();
  connect(files_, &FileActions::recentFilesChanged, recent, refreshRecent);
  connect(recent, &QMenu::aboutToShow, recent, refreshRecent);
  file->addSeparator();
  addExportMenu(this, file);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, [this] { close(); });
  quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quit->setMenuRole(QAction::QuitRole);

  // Edit: the code pane's own editing commands, plus Run.
  QMenu* edit = bar->addMenu(tr("&Edit"));
  edit->setObjectName(QStringLiteral("editMenu"));
  auto editAction = [this, edit](const QString& text, QKeySequence::StandardKey key, auto call) {
    QAction* a = edit->addAction(text, code_, [this, call] { call(code_); });
    a->setShortcut(key);
    // Active only while the editor has focus: the console keeps its own Copy.
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    code_->addAction(a);
    return a;
  };
  editAction(tr("&Undo"), QKeySequence::Undo, [](CodePane* c) { c->undo(); });
  editAction(tr("&Redo"), QKeySequence::Redo, [](CodePane* c) { c->redo(); });
  edit->addSeparator();
  editAction(tr("Cu&t"), QKeySequence::Cut, [](CodePane* c) { c->cut(); });
  editAction(tr("&Copy"), QKeySequence::Copy, [](CodePane* c) { c->copy(); });
  editAction(tr("&Paste"), QKeySequence::Paste, [](CodePane* c) { c->paste(); });
  editAction(tr("Select &All"), QKeySequence::SelectAll, [](CodePane* c) { c->selectAll(true); });
  edit->addSeparator();
  edit->addAction(runAct_);

  // View
  QMenu* view = bar->addMenu(tr("&View"));
  view->setObjectName(QStringLiteral("viewMenu"));
  presenterAct_->setIconText(presenterAct_->text());  // the toolbar keeps its short label
  presenterAct_->setText(tr("&Presenter mode"));
  view->addAction(presenterAct_);
  view->addSeparator();
  view->addAction(tasksAct_);
  view->addAction(internalsAct_);
  view->addAction(whyAct_);
  addThemeMenu(view);
  view->addSeparator();
  view->addAction(zoomInAct_);
  view->addAction(zoomOutAct_);

  // Playback
  QMenu* play = bar->addMenu(tr("&Playback"));
  play->setObjectName(QStringLiteral("playbackMenu"));
  displayKey(playAct_, QKeySequence(Qt::Key_Space));
  displayKey(stepAct_, QKeySequence(Qt::Key_Right));
  displayKey(backAct_, QKeySequence(Qt::Key_Left));
  displayKey(startAct_, QKeySequence(Qt::Key_Home));
  displayKey(endAct_, QKeySequence(Qt::Key_End));
  play->addAction(playAct_);
  play->addSeparator();
  play->addAction(stepAct_);
  play->addAction(backAct_);
  QAction* nextIt = play->addAction(tr("Next &iteration"), this, [this] { controller_->nextIteration(); });
  displayKey(nextIt, QKeySequence(Qt::SHIFT | Qt::Key_Right));
  QAction* prevIt = play->addAction(tr("P&revious iteration"), this, [this] { controller_->previousIteration(); });
  displayKey(prevIt, QKeySequence(Qt::SHIFT | Qt::Key_Left));
  QAction* clock = play->addAction(tr("Next &clock jump"), this, [this] { controller_->nextClockAdvance(); });
  displayKey(clock, QKeySequence(Qt::Key_T));
  play->addSeparator();
  play->addAction(startAct_);
  play->addAction(endAct_);
  play->addSeparator();
  QMenu* speeds = play->addMenu(tr("&Speed"));
  speeds->setObjectName(QStringLiteral("speedMenu"));
  auto* speedGroup = new QActionGroup(this);
  for (int i = 0; i < 7; ++i) {
    const double s = kMenuSpeeds[i];
    QAction* a = speeds->addAction(QStringLiteral("%1×").arg(s), this, [this, s] { controller_->setSpeed(s); });
    a->setCheckable(true);
    a->setChecked(s == controller_->speed());
    a->setData(s);
    displayKey(a, QKeySequence(Qt::Key_1 + i));
    speedGroup->addAction(a);
  }
  connect(controller_, &PlaybackController::speedChanged, speedGroup, [speedGroup](double s) {
    for (QAction* a : speedGroup->actions())
      if (a->data().toDouble() == s) a->setChecked(true);
  });
  play->addSeparator();
  play->addAction(cancelAct_);

  // Learn: quiz mode, what if, network knobs (ui/learn_menu.h).
  learn_ = new LearnMenu(this);
  bar->addMenu(learn_->menu());

  // Help
  QMenu* help = bar->addMenu(tr("&Help"));
  help->setObjectName(QStringLiteral("helpMenu"));
  QAction* keys = help->addAction(tr("&Keyboard shortcuts"), this, [this] {
    auto* d = new KeyboardHelpDialog(this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
  });
  keys->setShortcut(QKeySequence(Qt::Key_F1));
  QAction* tour = help->addAction(tr("&Tour"), this, [this] { learn_->startTour(); });
  tour->setObjectName(QStringLiteral("tourAction"));
  QAction* about = help->addAction(tr("&About Loopscope"), this, [this] {
    QMessageBox::about(this, tr("About Loopscope"),
                       tr("<b>Loopscope</b><p>Watch Python's asyncio event loop run your program, step by "
                          "step, in virtual time.</p>"));
  });
  about->setMenuRole(QAction::AboutRole);
}

}  // namespace ui
