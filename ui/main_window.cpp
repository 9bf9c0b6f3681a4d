// main_window.cpp: building the window and wiring commands to the controller.
#include "ui/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFontMetrics>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>

#include "scenarios/scenario_catalog.h"
#include "ui/causality.h"
#include "ui/causality_link.h"
#include "ui/code_pane.h"
#include "ui/console_view.h"
#include "ui/file_actions.h"
#include "ui/labels.h"
#include "ui/learn_menu.h"
#include "ui/loop_view.h"
#include "ui/narration_view.h"
#include "ui/playback_controller.h"
#include "ui/theme.h"
#include "ui/timeline_view.h"
#include "ui/tour.h"

namespace ui {

namespace {
constexpr double kPresenterScale = 1.6;
const double kSpeeds[] = {0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0};

}  // namespace

MainWindow::MainWindow(Runner* runner, QWidget* parent)
    : QMainWindow(parent), runner_(runner), controller_(new PlaybackController(this)) {
  setObjectName(QStringLiteral("loopscopeMainWindow"));
  setWindowTitle(tr("Loopscope"));
  // Light or dark (ui/theme.h): the window carries the palette, never qApp,
  // so the system's own palette changes stay visible to the theme.
  normalPalette_ = Theme::instance()->palette();
  setPalette(normalPalette_);
  setDockNestingEnabled(true);
  buildDocks();
  buildActions();
  linkCausality(whyAct_, controller_, loop_, timeline_, code_);
  connect(Theme::instance(), &Theme::changed, this, [this] {
    normalPalette_ = Theme::instance()->palette();
    setPresenterMode(presenter_);
    updateToolbarIcons();
  });
  buildToolbar();
  files_ = new FileActions(this);
  buildMenus();
  connect(controller_, &PlaybackController::cursorChanged, this, [this] { updateStatus(); });
  connect(controller_, &PlaybackController::playingChanged, this, [this](bool playing) {
    playAct_->setText(playing ? tr("Pause") : tr("Play"));
    updateToolbarIcons();
    playAct_->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
  });
  connect(controller_, &PlaybackController::breakpointHit, this, [this](int line) {
    statusBar()->showMessage(tr("Stopped at the breakpoint on line %1.").arg(line), 5000);
  });
  resize(1280, 720);
  updateStatus();
  loop_->setFocus();
}

MainWindow::~MainWindow() {
  // A run still in flight must not call back into a destroyed window.
  ++runGeneration_;
  if (running_ && runner_) runner_->cancel();
}

QDockWidget* MainWindow::dock(const QString& title, const QString& name, QWidget* w) {
  auto* d = new QDockWidget(title, this);
  d->setObjectName(name);
  d->setWidget(w);
  d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
  return d;
}

void MainWindow::buildDocks() {
  code_ = new CodePane(controller_, this);
  loop_ = new LoopView(controller_, this);
  loop_->setFocusPolicy(Qt::StrongFocus);
  timeline_ = new TimelineView(controller_, this);
  timeline_->setFocusPolicy(Qt::ClickFocus);
  console_ = new ConsoleView(controller_, this);
  narration_ = new NarrationView(controller_, this);
  // Explanations in the narration pane: a clicked task card answers "why
  // isn't it running?", and every step shows the chain of events that caused
  // it (after NarrationView's own refresh, which was connected first).
  connect(narration_, &QLabel::linkActivated, this, [this](const QString& link) {
    if (link == QLatin1String("why:") && whyAct_) whyAct_->setChecked(!whyAct_->isChecked());
  });
  connect(loop_, &LoopView::taskSelected, this, [this](trace::Id, const QString& why) {
    narration_->setText(QStringLiteral("<b>%1</b><br>%2").arg(tr("Why isn't it running?"), why.toHtmlEscaped()));
  });
  connect(controller_, &PlaybackController::cursorChanged, this, [this] {
    if (!controller_->trace()) return;
    const QString chain = describeCausality(*controller_->trace(), controller_->cursor());
    if (!chain.isEmpty())
      narration_->setText(narration_->text() + QStringLiteral("<br><span style='color:%1; font-size:small'>"
                                                              "<a href='why:' style='color:%4'>%2</a> %3</span>")
                                                   .arg(Theme::instance()->colors().dim.name(),
                                                        tr("Why did this happen?"), chain.toHtmlEscaped(),
                                                        narration_->palette().color(QPalette::Link).name()));
  });
  codeDock_ = dock(tr("Code"), QStringLiteral("codeDock"), code_);
  loopDock_ = dock(tr("Event loop"), QStringLiteral("loopDock"), loop_);
  timelineDock_ = dock(tr("Timeline"), QStringLiteral("timelineDock"), timeline_);
  consoleDock_ = dock(tr("Console"), QStringLiteral("consoleDock"), console_);
  // The narration can outgrow a short dock (a long causality chain at 720p):
  // scroll it rather than cut its last line off.
  auto* narrationScroll = new QScrollArea(this);
  narrationScroll->setWidget(narration_);
  narrationScroll->setWidgetResizable(true);
  narrationScroll->setFrameShape(QFrame::NoFrame);
  narrationScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  narrationDock_ = dock(tr("Narration"), QStringLiteral("narrationDock"), narrationScroll);
  // Every pane is a dock (users rearrange them); the bottom row spans the
  // full width as in the sketch.
  setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
  setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
  addDockWidget(Qt::LeftDockWidgetArea, codeDock_);
  addDockWidget(Qt::RightDockWidgetArea, loopDock_);
  addDockWidget(Qt::BottomDockWidgetArea, timelineDock_);
  addDockWidget(Qt::BottomDockWidgetArea, consoleDock_);
  splitDockWidget(timelineDock_, consoleDock_, Qt::Vertical);
  splitDockWidget(consoleDock_, narrationDock_, Qt::Horizontal);
}

void MainWindow::applyDefaultLayout() {
  const int w = width(), h = height();
  resizeDocks({codeDock_, loopDock_}, {static_cast<int>(w * 0.32), static_cast<int>(w * 0.68)}, Qt::Horizontal);
  resizeDocks({consoleDock_, narrationDock_}, {static_cast<int>(w * 0.4), static_cast<int>(w * 0.6)}, Qt::Horizontal);
  const int top = static_cast<int>(h * 0.56), bottom = static_cast<int>(h * 0.14);
  // In presenter mode the narration row takes what its larger text needs
  // from the row above (the timeline keeps its lanes).
  const int grow = presenter_ ? std::max(0, narrationNeed() - bottom) : 0;
  resizeDocks({codeDock_, timelineDock_, consoleDock_}, {top - grow, static_cast<int>(h * 0.2), bottom + grow},
              Qt::Vertical);
  resizeDocks({loopDock_}, {top - grow}, Qt::Vertical);
  layoutApplied_ = true;
}

int MainWindow::narrationNeed() const {
  // The sentence at presenter size, with the event line above it and the
  // "why" chain below, readable without scrolling: some five lines of the
  // narration's font, and the dock's title bar.
  const int chrome = narrationDock_->height() - narrationDock_->widget()->height();
  return QFontMetrics(narration_->font()).lineSpacing() * 5 + std::max(0, chrome);
}

void MainWindow::fitNarration() {
  const int short_ = narrationNeed() - narrationDock_->height();
  if (short_ <= 0) return;
  resizeDocks({codeDock_, timelineDock_, consoleDock_},
              {codeDock_->height() - short_, timelineDock_->height(), narrationDock_->height() + short_}, Qt::Vertical);
  resizeDocks({loopDock_}, {loopDock_->height() - short_}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (!layoutApplied_) applyDefaultLayout();
  // The guided tour, once: on the first launch of a real session.
  if (sessionEnabled_ && learn_ && !Tour::seen())
    QTimer::singleShot(0, this, [this] {
      if (!Tour::seen()) learn_->startTour();
    });
}

void MainWindow::buildActions() {
  auto make = [this](const QString& text, const QString& tip, auto slot) {
    auto* a = new QAction(text, this);
    a->setToolTip(tip);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  // Standard media icons: the ⏮/⏭ glyphs are missing from many fonts.
  startAct_ = make(tr("Start"), tr("Go to the start (Home)"), [this] { controller_->toStart(); });
  backAct_ = make(tr("Back"), tr("Step back one event (←)"), [this] { controller_->stepBack(); });
  playAct_ = make(tr("Play"), tr("Play (Space)"), [this] { controller_->togglePlay(); });
  stepAct_ = make(tr("Step"), tr("Step forward one event (→)"), [this] { controller_->stepForward(); });
  endAct_ = make(tr("End"), tr("Go to the end (End)"), [this] { controller_->toEnd(); });
  updateToolbarIcons();
  runAct_ = make(tr("Run"), tr("Run the code in the editor (Ctrl+R)"), [this] {
    runSource(code_->text(), fileName_);
  });
  runAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  runAct_->setShortcutContext(Qt::WindowShortcut);
  addAction(runAct_);
  auto* zoomIn = zoomInAct_ = make(tr("Zoom in"), tr("Larger text (Ctrl++)"), [this] { zoom(1); });
  zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
  addAction(zoomIn);
  auto* zoomOut = zoomOutAct_ = make(tr("Zoom out"), tr("Smaller text (Ctrl+-)"), [this] { zoom(-1); });
  zoomOut->setShortcut(QKeySequence::ZoomOut);
  addAction(zoomOut);
  auto* cancel = cancelAct_ = make(tr("Stop run"), tr("Cancel a run in progress (Esc)"), [this] {
    if (running_ && runner_) runner_->cancel();
  });
  cancel->setShortcut(QKeySequence(Qt::Key_Escape));
  addAction(cancel);

  auto* detail = new QActionGroup(this);
  tasksAct_ = make(tr("Tasks"), tr("Show tasks and the ready queue"), [this] { setInternals(false); });
  internalsAct_ = make(tr("Internals"), tr("Also show every handle by its asyncio name and each future's callbacks"),
                       [this] { setInternals(true); });
  for (QAction* a : {tasksAct_, internalsAct_}) {
    a->setCheckable(true);
    detail->addAction(a);
  }
  tasksAct_->setChecked(true);
  presenterAct_ = make(tr("Presenter"), tr("Large, high-contrast view for a projector"),
                       [this](bool on) { setPresenterMode(on); });
  presenterAct_->setCheckable(true);
  whyAct_ = make(tr("Why?"), tr("Why did this happen? Show the chain of events behind this step (W)"), [] {});
  whyAct_->setCheckable(true);
  whyAct_->setObjectName(QStringLiteral("whyAction"));
}

void MainWindow::updateToolbarIcons() {
  if (!startAct_) return;  // before buildToolbar()
  const QColor ink = palette().color(QPalette::ButtonText);
  const bool playing = controller_->isPlaying();
  startAct_->setIcon(tintedIcon(style(), QStyle::SP_MediaSkipBackward, ink));
  backAct_->setIcon(tintedIcon(style(), QStyle::SP_MediaSeekBackward, ink));
  playAct_->setIcon(tintedIcon(style(), playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay, ink));
  stepAct_->setIcon(tintedIcon(style(), QStyle::SP_MediaSeekForward, ink));
  endAct_->setIcon(tintedIcon(style(), QStyle::SP_MediaSkipForward, ink));
}

void MainWindow::buildToolbar() {
  auto* bar = addToolBar(tr("Playback"));
  bar->setObjectName(QStringLiteral("playbackToolbar"));
  bar->setMovable(false);
  scenarioBox_ = new QComboBox(bar);
  scenarioBox_->setObjectName(QStringLiteral("scenarioChooser"));
  scenarioBox_->setToolTip(tr("Lessons"));
  scenarioBox_->setFocusPolicy(Qt::NoFocus);
  scenarioBox_->addItem(tr("Your program"), QString());
  QString level;
  const auto all = scenarios::all();
  for (const auto& s : all) {
    if (s.level != level) {
      scenarioBox_->insertSeparator(scenarioBox_->count());
      level = s.level;
    }
    scenarioBox_->addItem(s.title.isEmpty() ? s.id : s.title, s.id);
    scenarioBox_->setItemData(scenarioBox_->count() - 1, s.level, Qt::ToolTipRole);
  }
  connect(scenarioBox_, &QComboBox::activated, this, [this](int i) {
    const QString id = scenarioBox_->itemData(i).toString();
    if (id.isEmpty()) return;
    if (files_->confirmDiscard()) openScenario(id);
    else scenarioBox_->setCurrentIndex(std::max(0, scenarioBox_->findData(scenarioId_)));
  });
  bar->addWidget(scenarioBox_);
  bar->addSeparator();
  for (QAction* a : {startAct_, backAct_, playAct_, stepAct_, endAct_}) bar->addAction(a);
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  bar->addSeparator();
  bar->addWidget(new QLabel(tr(" speed "), bar));
  speedBox_ = new QComboBox(bar);
  speedBox_->setObjectName(QStringLiteral("speedChooser"));
  speedBox_->setFocusPolicy(Qt::NoFocus);
  for (double s : kSpeeds) speedBox_->addItem(QStringLiteral("%1×").arg(s), s);
  speedBox_->setCurrentIndex(2);
  connect(speedBox_, &QComboBox::currentIndexChanged, this,
          [this](int i) { controller_->setSpeed(speedBox_->itemData(i).toDouble()); });
  connect(controller_, &PlaybackController::speedChanged, this, [this](double s) {
    const int i = speedBox_->findData(s);
    if (i >= 0 && i != speedBox_->currentIndex()) speedBox_->setCurrentIndex(i);
  });
  bar->addWidget(speedBox_);
  bar->addSeparator();
  bar->addWidget(new QLabel(tr(" detail "), bar));
  bar->addAction(tasksAct_);
  bar->addAction(internalsAct_);
  bar->addSeparator();
  bar->addAction(presenterAct_);
  bar->addAction(whyAct_);
  bar->addAction(runAct_);
  auto* spacer = new QWidget(bar);
  spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  bar->addWidget(spacer);
  clockLabel_ = new QLabel(bar);
  clockLabel_->setObjectName(QStringLiteral("clockLabel"));
  QFont f = clockLabel_->font();
  f.setBold(true);
  clockLabel_->setFont(f);
  bar->addWidget(clockLabel_);
  for (QWidget* w : bar->findChildren<QWidget*>()) w->setFocusPolicy(Qt::NoFocus);
}

QString MainWindow::statusText() const {
  const auto& s = controller_->state();
  return tr("t = %1 s · iteration %2").arg(formatTime(s.clock)).arg(s.iteration);
}

void MainWindow::updateStatus() {
  clockLabel_->setText(statusText() + QStringLiteral("  "));
  const bool has = controller_->hasTrace();
  const bool atStart = controller_->cursor() == 0, atEnd = controller_->cursor() >= controller_->size();
  startAct_->setEnabled(has && !atStart);
  backAct_->setEnabled(has && !atStart);
  stepAct_->setEnabled(has && !atEnd);
  endAct_->setEnabled(has && !atEnd);
  playAct_->setEnabled(has);
}

void MainWindow::keyPressEvent(QKeyEvent* event) {
  // Reached only when the focused pane did not take the key (the editor
  // keeps its arrows and spaces).
  switch (event->key()) {
    case Qt::Key_Space: controller_->togglePlay(); return;
    case Qt::Key_Right:
      if (event->modifiers() & Qt::ShiftModifier) controller_->nextIteration();
      else controller_->stepForward();
      return;
    case Qt::Key_Left:
      if (event->modifiers() & Qt::ShiftModifier) controller_->previousIteration();
      else controller_->stepBack();
      return;
    case Qt::Key_Home: controller_->toStart(); return;
    case Qt::Key_End: controller_->toEnd(); return;
    case Qt::Key_T: controller_->nextClockAdvance(); return;
    case Qt::Key_W: whyAct_->toggle(); return;  // here, not a shortcut: the editor types w
    default: break;
  }
  // 1..7 pick a speed: 1 = 0.25×, 3 = 1×, 7 = 16×.
  if (event->key() >= Qt::Key_1 && event->key() <= Qt::Key_7 && event->modifiers() == Qt::NoModifier) {
    controller_->setSpeed(kSpeeds[event->key() - Qt::Key_1]);
    return;
  }
  QMainWindow::keyPressEvent(event);
}

void MainWindow::setTrace(std::shared_ptr<const trace::Trace> trace, const QString& source) {
  const bool replaced = !source.isEmpty() && source != code_->text();
  if (replaced) code_->setText(source);
  if (trace && !trace->fileName().empty()) fileName_ = QString::fromStdString(trace->fileName());
  if (replaced) emit programLoaded(fileName_);
  controller_->setTrace(std::move(trace));
  finishAnimations();
}

void MainWindow::seek(std::size_t index) { controller_->seek(index); }

std::size_t MainWindow::cursor() const { return controller_->cursor(); }

QCoro::Task<> MainWindow::openScenario(const QString& id) {
  const scenarios::Scenario s = scenarios::find(id);
  if (s.id.isEmpty()) {
    statusBar()->showMessage(tr("No lesson called %1.").arg(id), 5000);
    co_return;
  }
  scenarioId_ = s.id;
  const int i = scenarioBox_->findData(s.id);
  if (i >= 0) scenarioBox_->setCurrentIndex(i);
  narration_->setLesson(s.title, s.idea, s.watch);
  code_->setText(s.source);
  const QString file = s.id + QStringLiteral(".py");  // not a temporary: see runSource
  emit programLoaded(file);
  QCoro::Task<> run = runSource(s.source, file);
  co_await std::move(run);
}

QCoro::Task<> MainWindow::runSource(QString source, QString fileName) {
  QPointer<MainWindow> self(this);
  if (!runner_) {
    statusBar()->showMessage(tr("No runner: this window can only replay traces."), 5000);
    co_return;
  }
  if (running_) runner_->cancel();  // a newer request replaces the one in flight
  const quint64 generation = ++runGeneration_;
  running_ = true;
  fileName_ = fileName;
  controller_->pause();
  code_->clearError();
  runAct_->setEnabled(false);
  statusBar()->showMessage(tr("Running %1…").arg(fileName));
  // Arguments are built outside the co_await expression: GCC 12 destroys
  // temporaries of a co_await full-expression twice.
  RunRequest request{source, fileName};
  QCoro::Task<RunResult> pending = runner_->run(request);
  RunResult result = co_await std::move(pending);
  if (!self || generation != runGeneration_) co_return;  // closed, or superseded
  running_ = false;
  runAct_->setEnabled(true);
  if (result.trace) setTrace(result.trace, source);
  if (!result.errorMessage.isEmpty()) {
    if (result.errorLine > 0) code_->showError(result.errorLine, result.errorColumn, result.errorMessage);
    statusBar()->showMessage(result.errorMessage, 10000);
  } else {
    statusBar()->showMessage(tr("Ran %1: %n event(s). Press Space to play.", nullptr,
                                result.trace ? static_cast<int>(result.trace->size()) : 0)
                                 .arg(fileName),
                             5000);
  }
  emit runFinished(result.exitStatus, result.errorMessage);
}

void MainWindow::setInternals(bool on) {
  loop_->setInternals(on);
  (on ? internalsAct_ : tasksAct_)->setChecked(true);
}

void MainWindow::zoom(int steps) {
  for (int i = 0; i < std::abs(steps); ++i) zoom_ *= steps > 0 ? 1.1 : 1 / 1.1;
  zoom_ = std::clamp(zoom_, 0.5, 3.0);
  applyScale();
}

void MainWindow::applyScale() {
  const double s = zoom_ * (presenter_ ? kPresenterScale : 1.0);
  loop_->setFontScale(s);
  timeline_->setFontScale(s);
  console_->setFontScale(s);
  narration_->setFontScale(s);
  code_->setFontScale(s);
}

void MainWindow::setPresenterMode(bool on) {
  presenter_ = on;
  presenterAct_->setChecked(on);
  const QPalette pal = on ? Theme::instance()->highContrastPalette() : normalPalette_;
  setPalette(pal);
  for (QWidget* w : {static_cast<QWidget*>(loop_), static_cast<QWidget*>(timeline_),
                     static_cast<QWidget*>(narration_), static_cast<QWidget*>(console_)})
    w->setPalette(pal);
  loop_->setHighContrast(on);
  timeline_->setHighContrast(on);
  statusBar()->setVisible(!on);  // chrome hidden: the toolbar stays for control
  QFont f = QApplication::font();
  if (on) f.setPointSizeF(f.pointSizeF() * kPresenterScale);
  for (QToolBar* t : findChildren<QToolBar*>()) {
    t->setFont(f);
    for (QWidget* w : t->findChildren<QWidget*>()) w->setFont(f);
  }
  for (QDockWidget* d : {codeDock_, loopDock_, timelineDock_, consoleDock_, narrationDock_}) d->setFont(f);
  applyScale();
  if (on && isVisible()) fitNarration();
}

void MainWindow::finishAnimations() { loop_->finishAnimation(); }

}  // namespace ui
