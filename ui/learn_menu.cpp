// learn_menu.cpp: building the Learn menu and wiring its modes to the window.
#include "ui/learn_menu.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QPointer>
#include <QStatusBar>

#include "scenarios/scenario_catalog.h"
#include "ui/code_pane.h"
#include "ui/main_window.h"
#include "ui/narration_view.h"
#include "ui/network_knobs_dialog.h"
#include "ui/playback_controller.h"
#include "ui/quiz_panel.h"
#include "ui/tour.h"
#include "ui/what_if_window.h"

namespace ui {

LearnMenu::LearnMenu(MainWindow* window) : QObject(window), window_(window) {
  setObjectName(QStringLiteral("learnMenu"));
  menu_ = new QMenu(tr("&Learn"), window);
  menu_->setObjectName(QStringLiteral("learnMenu"));

  quiz_ = new QuizPanel(window->controller(), window);
  quizDock_ = new QDockWidget(tr("Quiz"), window);
  quizDock_->setObjectName(QStringLiteral("quizDock"));
  quizDock_->setWidget(quiz_);
  quizDock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                         QDockWidget::DockWidgetClosable);
  window->addDockWidget(Qt::RightDockWidgetArea, quizDock_);
  if (auto* loop = window->findChild<QDockWidget*>(QStringLiteral("loopDock")))
    window->splitDockWidget(loop, quizDock_, Qt::Horizontal);
  quizDock_->hide();

  // Ctrl+Q is Quit; Ctrl+Shift+Q keeps the Q of "quiz".
  quizAct_ = menu_->addAction(tr("&Quiz mode: predict the next step"));
  quizAct_->setObjectName(QStringLiteral("quizAction"));
  quizAct_->setCheckable(true);
  quizAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
  quizAct_->setShortcutContext(Qt::WindowShortcut);
  window->addAction(quizAct_);
  connect(quizAct_, &QAction::toggled, this, &LearnMenu::setQuizMode);
  // Closing the dock turns the mode off, so nothing pauses invisibly.
  connect(quizDock_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
    // A dock tabbed behind another is "not visible" too: only a closed one counts.
    if (!visible && quizDock_->isHidden() && quizAct_->isChecked()) quizAct_->setChecked(false);
  });
  menu_->addAction(tr("Reset the quiz score for this lesson"), this, [this] { quiz_->resetScore(); });
  menu_->addSeparator();
  QAction* whatIf = menu_->addAction(tr("&What if…"), this, [this] { openWhatIf(); });
  whatIf->setObjectName(QStringLiteral("whatIfAction"));
  whatIf->setToolTip(tr("Run two variants of this program side by side on one clock"));
  QAction* network = menu_->addAction(tr("&Network…"), this, [this] { openNetwork(); });
  network->setObjectName(QStringLiteral("networkAction"));
  network->setToolTip(tr("Change the simulated latency and status of each URL, then re-run"));

  // Scores are per lesson; a program that is not a lesson scores as "your program".
  connect(window, &MainWindow::programLoaded, this, [this](const QString& name) {
    const QString id = window_->currentScenario();
    const bool lesson = !id.isEmpty() && name == id + QStringLiteral(".py");
    quiz_->setScoreKey(lesson ? id : QString());
    moments_ = lesson ? scenarios::find(id).moments : QList<scenarios::Moment>{};
  });
  // After the narration pane's own refresh (connected when the docks were built).
  connect(window->controller(), &PlaybackController::cursorChanged, this, [this] {
    if (moments_.isEmpty()) return;
    NarrationView* narration = window_->narrationView();
    for (const auto& m : moments_)
      if (!m.match.isEmpty() && narration->sentence().contains(m.match))
        narration->setText(narration->text() + QStringLiteral("<br><b>%1</b>").arg(m.text.toHtmlEscaped()));
  });
  quiz_->setScoreKey(window->currentScenario());
}

void LearnMenu::setQuizMode(bool on) {
  if (quizAct_->isChecked() != on) quizAct_->setChecked(on);  // re-enters through toggled
  quiz_->setQuizMode(on);
  quizDock_->setVisible(on);
  if (on) quizDock_->raise();
}

WhatIfWindow* LearnMenu::openWhatIf() {
  if (whatIf_) whatIf_->close();  // a fresh comparison of the program as it is now
  const scenarios::Scenario lesson = scenarios::find(window_->currentScenario());
  whatIf_ = new WhatIfWindow(window_->runner(), lesson, window_->codePane()->text(),
                             window_->currentScenario().isEmpty()
                                 ? QStringLiteral("program.py")
                                 : window_->currentScenario() + QStringLiteral(".py"),
                             window_);
  whatIf_->setAttribute(Qt::WA_DeleteOnClose);
  whatIf_->show();
  if (!whatIf_->pairs().isEmpty()) whatIf_->compare(0);
  return whatIf_;
}

NetworkKnobsDialog* LearnMenu::openNetwork() {
  if (!network_) {
    network_ = new NetworkKnobsDialog(window_);
    network_->setAttribute(Qt::WA_DeleteOnClose);
    connect(network_, &NetworkKnobsDialog::applyRequested, this,
            [this](const QList<UrlSetting>& settings) { applyNetwork(settings); });
    networkFor_.clear();
  }
  const QString source = window_->codePane()->text();
  // Keep the student's edits while the program is the same one.
  if (source != networkFor_) {
    networkFor_ = source;
    network_->setSettings(discoverUrls(source, window_->controller()->trace().get()), source);
  }
  network_->show();
  network_->raise();
  return network_;
}

QCoro::Task<> LearnMenu::applyNetwork(QList<UrlSetting> settings) {
  Runner* runner = window_->runner();
  if (!runner) co_return;
  QPointer<LearnMenu> self(this);
  const quint64 generation = ++networkRun_;
  const QString source = withNetworkSettings(window_->codePane()->text(), settings);
  lastNetworkSource_ = source;
  window_->statusBar()->showMessage(tr("Running with the network settings…"));
  const QString file = window_->currentScenario().isEmpty()
                           ? QStringLiteral("program.py")
                           : window_->currentScenario() + QStringLiteral(".py");
  RunRequest request{source, file};
  QCoro::Task<RunResult> pending = runner->run(request);
  RunResult result = co_await std::move(pending);
  if (!self || generation != networkRun_) co_return;
  if (result.trace) {
    // The code pane follows a new trace's source; the student's text (the
    // program without the knobs' lines) goes straight back, and the appended
    // lines come after it, so every line number still matches.
    const QString written = window_->codePane()->text();
    window_->setTrace(result.trace, QString());
    if (window_->codePane()->text() != written) window_->codePane()->setText(written);
  }
  window_->statusBar()->showMessage(result.errorMessage.isEmpty()
                                        ? tr("Ran with the network settings. Press Space to play.")
                                        : result.errorMessage,
                                    8000);
}

Tour* LearnMenu::startTour() {
  if (tour_) tour_->close();
  tour_ = new Tour(window_);
  return tour_;
}

}  // namespace ui
