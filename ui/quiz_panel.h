// quiz_panel.h: quiz mode's non-modal panel: "predict the next step".
//
// While quiz mode is on, stepping or playing forward stops just before an
// event a question is about (generateQuizQuestions), shows 2-4 choices
// (keys 1-4 or a click), then plays on to the event so the real answer is
// animated, and says right or wrong with the reason. Seeking (clicks on the
// timeline, Home/End) never asks: only moving forward one event at a time
// does, as a student following along would. The score (x of y) is kept per
// lesson in QSettings for self-study.
#pragma once

#include <QList>
#include <QWidget>

#include <cstddef>
#include <limits>

#include "ui/quiz_questions.h"

class QAction;
class QLabel;
class QPushButton;

namespace ui {

class PlaybackController;

class QuizPanel : public QWidget {
  Q_OBJECT
 public:
  explicit QuizPanel(PlaybackController* controller, QWidget* parent = nullptr);

  void setQuizMode(bool on);
  bool quizMode() const { return on_; }
  // Whose score this is: a lesson id, or "" for the student's own program.
  void setScoreKey(const QString& key);
  int right() const { return right_; }
  int asked() const { return asked_; }
  void resetScore();

  // The current trace's questions (generated while quiz mode is on).
  const QList<QuizQuestion>& questions() const { return questions_; }
  // The question waiting for an answer, or null.
  const QuizQuestion* openQuestion() const;
  // Answers the open question with choice `index` (0-based). Returns false
  // when no question is open or the index is out of range.
  bool answer(int index);
  // The last verdict ("Right: ..." / "Not quite: ..."), empty before any.
  QString verdict() const;
  // True while playback runs on to reveal an answered question's event.
  bool revealing() const { return target_ != kNone; }

 signals:
  void questionAsked(const ui::QuizQuestion& question);
  void answered(bool right);

 private:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  void rebuild();
  void onCursor(std::size_t index);
  void showIdle();
  void showQuestion();
  void updateScore();

  PlaybackController* controller_;
  bool on_ = false;
  QList<QuizQuestion> questions_;
  int open_ = -1;  // index into questions_ of the question on screen
  int last_ = -1;  // the question last answered (for its verdict)
  int chosen_ = -1;
  bool wasRight_ = false;
  bool resume_ = false;  // playing when the question stopped playback
  std::size_t target_ = kNone;
  std::size_t lastCursor_ = 0;
  QString key_;
  int right_ = 0, asked_ = 0;

  QLabel* score_;
  QLabel* prompt_;
  QList<QPushButton*> buttons_;
  QList<QAction*> keys_;
  QLabel* verdict_;
};

}  // namespace ui
