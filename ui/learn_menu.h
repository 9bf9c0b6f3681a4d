// learn_menu.h: the Learn menu and the modes behind it.
//
// Quiz mode (a dock that asks before each task switch, print and clock
// jump), What if… (two variants side by side), Network… (the simulated
// network's knobs) and the guided tour. Kept out of main_window*.cpp so the
// window only creates it and places its menu between Playback and Help.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <QCoroTask>

#include "scenarios/scenario_catalog.h"
#include "ui/network_knobs.h"
#include "ui/network_knobs_dialog.h"
#include "ui/tour.h"
#include "ui/what_if_window.h"

class QAction;
class QDockWidget;
class QMenu;

namespace ui {

class MainWindow;
class QuizPanel;

class LearnMenu : public QObject {
  Q_OBJECT
 public:
  explicit LearnMenu(MainWindow* window);

  QMenu* menu() const { return menu_; }
  QAction* quizAction() const { return quizAct_; }
  QuizPanel* quizPanel() const { return quiz_; }
  QDockWidget* quizDock() const { return quizDock_; }

  void setQuizMode(bool on);
  // Opens (or raises) the comparison window for the current program and
  // starts its first comparison.
  WhatIfWindow* openWhatIf();
  NetworkKnobsDialog* openNetwork();
  // Re-runs the program in the editor with `settings`; the editor keeps its text.
  QCoro::Task<> applyNetwork(QList<ui::UrlSetting> settings);
  // The source the last network run was given ("" before any).
  QString lastNetworkSource() const { return lastNetworkSource_; }
  Tour* startTour();
  Tour* tour() const { return tour_; }
  // The open lesson's moments (notes key "moments"), added to the narration
  // when the sentence at the cursor contains their `match`.
  const QList<scenarios::Moment>& moments() const { return moments_; }

 private:
  MainWindow* window_;
  QMenu* menu_;
  QAction* quizAct_;
  QuizPanel* quiz_;
  QDockWidget* quizDock_;
  QPointer<WhatIfWindow> whatIf_;
  QPointer<NetworkKnobsDialog> network_;
  QString networkFor_;  // the program text the dialog's rows belong to
  QString lastNetworkSource_;
  QPointer<Tour> tour_;
  quint64 networkRun_ = 0;
  QList<scenarios::Moment> moments_;
};

}  // namespace ui
