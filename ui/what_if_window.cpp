// what_if_window.cpp: choosing a pair, running both, showing the difference.
#include "ui/what_if_window.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "ui/what_if_chart.h"

namespace ui {

namespace {
// The playhead sweeps the whole span in this many wall-clock milliseconds
// (presentation only: it never feeds a virtual clock).
constexpr int kSweepMs = 5000;
constexpr int kFrameMs = 40;
}  // namespace

QList<WhatIfPair> WhatIfWindow::pairsFor(const scenarios::Scenario& lesson, const QString& editorText) {
  QList<WhatIfPair> out;
  if (lesson.id.isEmpty()) return out;
  for (const auto& v : lesson.variants) {
    const QString changed = scenarios::applyVariant(lesson.source, v);
    if (changed.isEmpty()) continue;  // notes out of step with the program: skip, never run a half edit
    out.append({tr("The lesson"), v.label, lesson.source, changed});
  }
  if (!editorText.isEmpty() && editorText != lesson.source)
    out.append({tr("The saved lesson"), tr("Your edit"), lesson.source, editorText});
  return out;
}

WhatIfWindow::WhatIfWindow(Runner* runner, const scenarios::Scenario& lesson, const QString& editorText,
                           const QString& fileName, QWidget* parent)
    : QWidget(parent, Qt::Window), runner_(runner), fileName_(fileName) {
  setObjectName(QStringLiteral("whatIfWindow"));
  setWindowTitle(lesson.title.isEmpty() ? tr("What if…") : tr("What if… — %1").arg(lesson.title));
  pairs_ = pairsFor(lesson, editorText);

  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Compare:"), this));
  chooser_ = new QComboBox(this);
  chooser_->setObjectName(QStringLiteral("whatIfChooser"));
  for (const auto& p : pairs_) chooser_->addItem(tr("%1  vs  %2").arg(p.labelA, p.labelB));
  top->addWidget(chooser_, 1);
  play_ = new QPushButton(tr("Play both"), this);
  play_->setObjectName(QStringLiteral("whatIfPlay"));
  top->addWidget(play_);
  layout->addLayout(top);

  sentence_ = new QLabel(this);
  sentence_->setObjectName(QStringLiteral("whatIfSentence"));
  sentence_->setWordWrap(true);
  QFont f = sentence_->font();
  f.setBold(true);
  f.setPointSizeF(f.pointSizeF() * 1.15);
  sentence_->setFont(f);
  layout->addWidget(sentence_);

  chart_ = new WhatIfChart(this);
  layout->addWidget(chart_, 3);

  auto* consoles = new QHBoxLayout;
  for (auto [title, console] : {std::pair{&titleA_, &consoleA_}, std::pair{&titleB_, &consoleB_}}) {
    auto* column = new QVBoxLayout;
    *title = new QLabel(this);
    *console = new QPlainTextEdit(this);
    (*console)->setReadOnly(true);
    (*console)->setFont(QFont(QStringLiteral("monospace")));
    column->addWidget(*title);
    column->addWidget(*console);
    consoles->addLayout(column);
  }
  consoleA_->setObjectName(QStringLiteral("whatIfConsoleA"));
  consoleB_->setObjectName(QStringLiteral("whatIfConsoleB"));
  layout->addLayout(consoles, 2);

  timer_ = new QTimer(this);
  timer_->setInterval(kFrameMs);
  connect(timer_, &QTimer::timeout, this, [this] {
    const double step = chart_->timeSpan() * kFrameMs / kSweepMs;
    if (chart_->playhead() >= chart_->timeSpan()) {
      timer_->stop();
      play_->setText(tr("Play both"));
      return;
    }
    chart_->setPlayhead(chart_->playhead() + step);
  });
  connect(play_, &QPushButton::clicked, this, [this] {
    if (timer_->isActive()) {
      timer_->stop();
      play_->setText(tr("Play both"));
      return;
    }
    if (chart_->playhead() >= chart_->timeSpan()) chart_->setPlayhead(0);
    timer_->start();
    play_->setText(tr("Pause"));
  });
  connect(chart_, &WhatIfChart::playheadMoved, this, [this](double t) { showAt(t); });
  connect(chooser_, &QComboBox::activated, this, [this](int i) { compare(i); });

  if (pairs_.isEmpty()) {
    sentence_->setText(lesson.id.isEmpty()
                           ? tr("What if… compares a lesson with a variant of it, or with your edit of it. "
                                "Open a lesson first.")
                           : tr("This lesson lists no variants. Edit its code, then open What if… again to "
                                "compare your edit with the saved lesson."));
    chooser_->setEnabled(false);
    play_->setEnabled(false);
  }
  resize(1100, 720);
}

WhatIfWindow::~WhatIfWindow() { ++generation_; }

QString WhatIfWindow::sentence() const { return sentence_->text(); }
QString WhatIfWindow::consoleA() const { return consoleA_->toPlainText(); }
QString WhatIfWindow::consoleB() const { return consoleB_->toPlainText(); }

QCoro::Task<> WhatIfWindow::compare(int index) {
  if (index < 0 || index >= pairs_.size() || !runner_) co_return;
  QPointer<WhatIfWindow> self(this);
  const quint64 generation = ++generation_;
  const WhatIfPair pair = pairs_[index];
  timer_->stop();
  sentence_->setText(tr("Running “%1” and “%2”…").arg(pair.labelA, pair.labelB));
  // One run at a time: a Runner cancels the run in flight when asked again.
  RunRequest first{pair.sourceA, fileName_};
  QCoro::Task<RunResult> pendingA = runner_->run(first);
  RunResult a = co_await std::move(pendingA);
  if (!self || generation != generation_) co_return;
  RunRequest second{pair.sourceB, fileName_};
  QCoro::Task<RunResult> pendingB = runner_->run(second);
  RunResult b = co_await std::move(pendingB);
  if (!self || generation != generation_) co_return;
  if (!a.trace || !b.trace) {
    const RunResult& bad = a.trace ? b : a;
    sentence_->setText(tr("“%1” did not run: %2").arg(a.trace ? pair.labelB : pair.labelA, bad.errorMessage));
    co_return;
  }
  a_ = a.trace;
  b_ = b.trace;
  diff_ = compareRuns(*a_, *b_, pair.labelA, pair.labelB);
  sentence_->setText(diff_.sentence);
  sumA_ = RunSummary::of(*a_, pair.labelA);
  sumB_ = RunSummary::of(*b_, pair.labelB);
  chart_->setRuns(sumA_, sumB_);
  titleA_->setText(QStringLiteral("<b>%1</b> — ends at t=%2")
                       .arg(pair.labelA.toHtmlEscaped(), QString::number(diff_.finishA, 'f', 2)));
  titleB_->setText(QStringLiteral("<b>%1</b> — ends at t=%2")
                       .arg(pair.labelB.toHtmlEscaped(), QString::number(diff_.finishB, 'f', 2)));
  chart_->setPlayhead(chart_->timeSpan());
  showAt(chart_->playhead());
  emit compared();
}

void WhatIfWindow::showAt(double t) {
  if (!a_ || !b_) return;
  consoleA_->setPlainText(sumA_.outputUntil(t));
  consoleB_->setPlainText(sumB_.outputUntil(t));
}

}  // namespace ui
