// main_window.h: the Loopscope window: toolbar, five panes, keyboard.
//
// The window owns one PlaybackController and the panes that listen to it
// (code, loop, timeline, console, narration). It asks app/'s Runner for a
// trace (a scenario, or the edited code on Ctrl+R) and awaits it with QCoro,
// so a long run never blocks the GUI. The entry points the app calls
// (constructor, openScenario, runSource, setTrace, seek, cursor) stay stable.
#pragma once

#include <QMainWindow>
#include <QPointer>

#include <QCoroTask>

#include <cstddef>
#include <memory>

#include "core/trace/trace.h"
#include "ui/runner.h"

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;

namespace ui {

class CodePane;
class ConsoleView;
class FileActions;
class LearnMenu;
class LoopView;
class NarrationView;
class PlaybackController;
class TimelineView;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(Runner* runner, QWidget* parent = nullptr);
  ~MainWindow() override;

  // Loads a shipped lesson: its code, notes, and a run of it.
  QCoro::Task<> openScenario(const QString& id);
  // Runs `source` through the Runner and shows the result (or its error).
  QCoro::Task<> runSource(QString source, QString fileName);
  // Shows a trace recorded elsewhere (the app's `shot`, tests).
  void setTrace(std::shared_ptr<const trace::Trace> trace, const QString& source);
  void seek(std::size_t index);
  std::size_t cursor() const;

  // Presentation.
  void setPresenterMode(bool on);
  bool presenterMode() const { return presenter_; }
  void setInternals(bool on);
  QAction* whyAction() const { return whyAct_; }
  void zoom(int steps);  // Ctrl +/-: 1.1x per step
  // Ends running glides at once (shots and tests).
  void finishAnimations();
  // The default dock sizes for the current window size.
  void applyDefaultLayout();

  bool isRunning() const { return running_; }
  QString currentScenario() const { return scenarioId_; }
  QString statusText() const;

  PlaybackController* controller() const { return controller_; }
  CodePane* codePane() const { return code_; }
  LoopView* loopView() const { return loop_; }
  TimelineView* timelineView() const { return timeline_; }
  ConsoleView* consoleView() const { return console_; }
  NarrationView* narrationView() const { return narration_; }

  // Desktop citizenship (ui/main_window_session.cpp, ui/file_actions.h).
  // restoreSession() reads the saved settings and any autosaved edits and
  // turns on saving them (close, autosave); the app calls it once at start.
  // Returns true when unsaved edits were restored into the editor.
  bool restoreSession();
  void saveSession() const;
  bool sessionEnabled() const { return sessionEnabled_; }
  // The lesson that was open when the session was last saved ("" if none).
  static QString lastScenario();
  FileActions* fileActions() const { return files_; }
  // The Learn menu's modes: quiz, what if, network, tour (ui/learn_menu.h).
  LearnMenu* learnMenu() const { return learn_; }
  Runner* runner() const { return runner_; }
  double zoomFactor() const { return zoom_; }
  void setZoomFactor(double factor);
  bool internals() const;

 signals:
  void runFinished(int exitStatus, const QString& errorMessage);
  // The editor's text was replaced by a program (a lesson, a trace's
  // source), not edited: `name` is its file name.
  void programLoaded(const QString& name);

 protected:
  void keyPressEvent(QKeyEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void buildActions();
  void buildToolbar();
  void updateToolbarIcons();  // the media icons in the theme's text colour
  void buildMenus();  // ui/main_window_menus.cpp
  void buildDocks();
  void updateStatus();
  void applyScale();
  void fitNarration();  // presenter mode: the narration row tall enough to read
  int narrationNeed() const;
  QDockWidget* dock(const QString& title, const QString& name, QWidget* w);

  Runner* runner_;
  PlaybackController* controller_;
  CodePane* code_ = nullptr;
  LoopView* loop_ = nullptr;
  TimelineView* timeline_ = nullptr;
  ConsoleView* console_ = nullptr;
  NarrationView* narration_ = nullptr;
  QDockWidget *codeDock_ = nullptr, *loopDock_ = nullptr, *timelineDock_ = nullptr,
              *consoleDock_ = nullptr, *narrationDock_ = nullptr;
  QComboBox* scenarioBox_ = nullptr;
  QComboBox* speedBox_ = nullptr;
  QLabel* clockLabel_ = nullptr;
  QAction *startAct_ = nullptr, *backAct_ = nullptr, *playAct_ = nullptr, *stepAct_ = nullptr,
          *endAct_ = nullptr, *runAct_ = nullptr, *presenterAct_ = nullptr, *tasksAct_ = nullptr,
          *internalsAct_ = nullptr;
  QAction *zoomInAct_ = nullptr, *zoomOutAct_ = nullptr, *cancelAct_ = nullptr;
  QAction* whyAct_ = nullptr;  // "Why did this happen?" (ui/causality_link.h)
  FileActions* files_ = nullptr;
  LearnMenu* learn_ = nullptr;
  bool sessionEnabled_ = false;
  QString scenarioId_;
  QString fileName_ = QStringLiteral("program.py");
  bool presenter_ = false;
  bool running_ = false;
  bool layoutApplied_ = false;
  quint64 runGeneration_ = 0;
  double zoom_ = 1.0;
  QPalette normalPalette_;
};

}  // namespace ui
