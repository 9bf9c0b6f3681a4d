// main_window_session.cpp: what the window remembers between runs.
//
// Geometry and dock layout, playback speed, detail level, presenter mode,
// zoom and the open lesson go to QSettings on close; restoreSession() puts
// them back and restores autosaved edits. Kept apart from main_window.cpp
// so the window's building and its persistence can change independently.
#include <QSettings>

#include <algorithm>

#include "ui/file_actions.h"
#include "ui/main_window.h"
#include "ui/playback_controller.h"

namespace ui {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSpeed = QStringLiteral("view/speed");
const QString kInternals = QStringLiteral("view/internals");
const QString kPresenter = QStringLiteral("view/presenter");
const QString kZoom = QStringLiteral("view/zoom");
const QString kScenario = QStringLiteral("session/scenario");
// Bumped when the docks change so an old layout is not forced onto new docks.
constexpr int kStateVersion = 1;
}  // namespace

bool MainWindow::internals() const { return internalsAct_->isChecked(); }

void MainWindow::setZoomFactor(double factor) {
  zoom_ = std::clamp(factor, 0.5, 3.0);
  applyScale();
}

QString MainWindow::lastScenario() { return QSettings().value(kScenario).toString(); }

void MainWindow::saveSession() const {
  QSettings s;
  s.setValue(kGeometry, saveGeometry());
  s.setValue(kState, saveState(kStateVersion));
  s.setValue(kSpeed, controller_->speed());
  s.setValue(kInternals, internals());
  s.setValue(kPresenter, presenter_);
  s.setValue(kZoom, zoom_);
  s.setValue(kScenario, scenarioId_);
}

bool MainWindow::restoreSession() {
  sessionEnabled_ = true;
  QSettings s;
  if (s.contains(kGeometry)) restoreGeometry(s.value(kGeometry).toByteArray());
  // A restored dock layout replaces the default one applied on first show.
  if (s.contains(kState) && restoreState(s.value(kState).toByteArray(), kStateVersion)) layoutApplied_ = true;
  if (s.contains(kSpeed)) controller_->setSpeed(s.value(kSpeed).toDouble());
  setInternals(s.value(kInternals, false).toBool());
  if (s.value(kPresenter, false).toBool() != presenter_) setPresenterMode(!presenter_);
  if (s.contains(kZoom)) setZoomFactor(s.value(kZoom).toDouble());
  files_->autosave()->setEnabled(true);
  return files_->restoreAutosave();
}

}  // namespace ui
