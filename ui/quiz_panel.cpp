// quiz_panel.cpp: asking, pausing, revealing and scoring (see quiz_panel.h).
#include "ui/quiz_panel.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "ui/playback_controller.h"

namespace ui {

namespace {
QString settingsKey(const QString& key, const char* what) {
  return QStringLiteral("quiz/%1/%2").arg(key.isEmpty() ? QStringLiteral("_own") : key, QLatin1String(what));
}
}  // namespace

QuizPanel::QuizPanel(PlaybackController* controller, QWidget* parent)
    : QWidget(parent), controller_(controller) {
  setObjectName(QStringLiteral("quizPanel"));
  auto* layout = new QVBoxLayout(this);
  score_ = new QLabel(this);
  score_->setObjectName(QStringLiteral("quizScore"));
  prompt_ = new QLabel(this);
  prompt_->setObjectName(QStringLiteral("quizPrompt"));
  prompt_->setWordWrap(true);
  QFont bold = prompt_->font();
  bold.setBold(true);
  prompt_->setFont(bold);
  layout->addWidget(score_);
  layout->addWidget(prompt_);
  for (int i = 0; i < kMaxQuizChoices; ++i) {
    auto* b = new QPushButton(this);
    b->setObjectName(QStringLiteral("quizChoice%1").arg(i + 1));
    b->setFocusPolicy(Qt::NoFocus);  // the keys 1-4 answer; focus stays on the panes
    b->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 8px;"));
    connect(b, &QPushButton::clicked, this, [this, i] { answer(i); });
    layout->addWidget(b);
    buttons_ << b;
    // Window-wide keys, enabled only while a question waits, so the digits
    // keep choosing a playback speed the rest of the time.
    auto* key = new QAction(this);
    key->setShortcut(QKeySequence(Qt::Key_1 + i));
    key->setShortcutContext(Qt::WindowShortcut);
    key->setEnabled(false);
    connect(key, &QAction::triggered, this, [this, i] { answer(i); });
    addAction(key);
    keys_ << key;
  }
  verdict_ = new QLabel(this);
  verdict_->setObjectName(QStringLiteral("quizVerdict"));
  verdict_->setWordWrap(true);
  verdict_->setTextFormat(Qt::RichText);
  layout->addWidget(verdict_);
  layout->addStretch(1);

  connect(controller_, &PlaybackController::traceChanged, this, &QuizPanel::rebuild);
  connect(controller_, &PlaybackController::cursorChanged, this,
          [this](std::size_t index) { onCursor(index); });
  rebuild();
  updateScore();
}

void QuizPanel::setQuizMode(bool on) {
  if (on == on_) return;
  on_ = on;
  rebuild();
}

void QuizPanel::setScoreKey(const QString& key) {
  key_ = key;
  QSettings s;
  right_ = s.value(settingsKey(key_, "right"), 0).toInt();
  asked_ = s.value(settingsKey(key_, "asked"), 0).toInt();
  updateScore();
}

void QuizPanel::resetScore() {
  right_ = asked_ = 0;
  QSettings s;
  s.remove(settingsKey(key_, "right"));
  s.remove(settingsKey(key_, "asked"));
  updateScore();
}

const QuizQuestion* QuizPanel::openQuestion() const { return open_ >= 0 ? &questions_[open_] : nullptr; }

QString QuizPanel::verdict() const { return verdict_->text(); }

void QuizPanel::rebuild() {
  // Only in quiz mode: a long trace should not pay for questions nobody asks.
  questions_ =
      on_ && controller_->trace() ? generateQuizQuestions(*controller_->trace()) : QList<QuizQuestion>{};
  open_ = last_ = -1;
  target_ = kNone;
  lastCursor_ = controller_->cursor();
  verdict_->clear();
  showIdle();
}

void QuizPanel::onCursor(std::size_t index) {
  const std::size_t previous = lastCursor_;
  lastCursor_ = index;
  if (!on_) return;
  if (target_ != kNone) {
    // Revealing: play on until the answer's event is shown.
    const QuizQuestion& q = questions_[last_];
    if (index < q.askAt || controller_->lastMove() == PlaybackController::Move::Seek) {
      target_ = kNone;  // the student went elsewhere
    } else if (index >= target_) {
      target_ = kNone;
      if (!resume_) controller_->pause();
    }
    return;
  }
  if (open_ >= 0) {
    // Moving on without answering drops the question, unscored.
    open_ = -1;
    showIdle();
  }
  if (index != previous + 1 || controller_->lastMove() != PlaybackController::Move::Step) return;
  for (int i = 0; i < questions_.size(); ++i) {
    if (questions_[i].askAt != index) continue;
    resume_ = controller_->isPlaying();
    controller_->pause();
    open_ = i;
    showQuestion();
    emit questionAsked(questions_[i]);
    return;
  }
}

bool QuizPanel::answer(int index) {
  if (open_ < 0 || index < 0 || index >= questions_[open_].choices.size()) return false;
  const QuizQuestion& q = questions_[open_];
  last_ = open_;
  open_ = -1;
  chosen_ = index;
  wasRight_ = index == q.correct;
  ++asked_;
  if (wasRight_) ++right_;
  QSettings s;
  s.setValue(settingsKey(key_, "right"), right_);
  s.setValue(settingsKey(key_, "asked"), asked_);
  updateScore();
  for (QAction* k : keys_) k->setEnabled(false);
  for (int i = 0; i < buttons_.size(); ++i) {
    QPushButton* b = buttons_[i];
    b->setEnabled(false);
    if (i == q.correct)
      b->setText(b->text() + QStringLiteral("  ✓"));
    else if (i == index)
      b->setText(b->text() + QStringLiteral("  ✗"));
  }
  const QString head = wasRight_
                           ? tr("<b>Right.</b>")
                           : tr("<b>Not quite:</b> it was “%1”.").arg(q.choices[q.correct].toHtmlEscaped());
  verdict_->setText(head + QLatin1Char(' ') + q.why.toHtmlEscaped());
  emit answered(wasRight_);
  // Show the real answer happen: play on to just after its event.
  target_ = q.answerAt + 1;
  lastCursor_ = controller_->cursor();
  if (controller_->cursor() >= target_) {
    target_ = kNone;
    if (resume_) controller_->play();
  } else {
    controller_->play();
  }
  return true;
}

void QuizPanel::showIdle() {
  prompt_->setText(on_ ? tr("Play or step forward: before the next task switch, print or clock jump, the "
                            "quiz stops and asks you to predict it.")
                       : tr("Quiz mode is off (Learn ▸ Quiz mode)."));
  // A verdict stays until the next question, so it can be read while playing.
  for (QPushButton* b : buttons_) b->hide();
  for (QAction* k : keys_) k->setEnabled(false);
  if (last_ < 0) verdict_->clear();
}

void QuizPanel::showQuestion() {
  const QuizQuestion& q = questions_[open_];
  prompt_->setText(q.prompt);
  for (int i = 0; i < buttons_.size(); ++i) {
    QPushButton* b = buttons_[i];
    const bool used = i < q.choices.size();
    b->setVisible(used);
    b->setEnabled(used);
    keys_[i]->setEnabled(used);
    if (used) b->setText(QStringLiteral("%1   %2").arg(i + 1).arg(q.choices[i]));
  }
  verdict_->setText(tr("Press 1–%1, or click your answer.").arg(q.choices.size()));
}

void QuizPanel::updateScore() { score_->setText(tr("Score: %1 of %2").arg(right_).arg(asked_)); }

}  // namespace ui
