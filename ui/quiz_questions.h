// quiz_questions.h: multiple-choice "predict the next step" questions drawn
// from a recorded trace.
//
// Quiz mode pauses before an event and asks the student to predict it. The
// questions are a pure function of the trace (no widgets, no settings), so
// they can be tested on real runs: the right answer is what the trace says
// happens, and every distractor is something the same trace makes plausible
// at that moment (another live task, another printed line, another timer's
// deadline).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <cstddef>

#include "core/trace/trace.h"

namespace ui {

enum class QuizKind {
  NextTask,    // which task does the loop run next? (before each Task.__step runs)
  NextOutput,  // what is printed next? (before each line on standard output)
  NextClock,   // what will the clock read next? (before each clock advance)
};

struct QuizQuestion {
  QuizKind kind = QuizKind::NextTask;
  // The cursor at which the question is asked: events [0, askAt) are shown.
  std::size_t askAt = 0;
  // The event that reveals the answer; playback continues to answerAt + 1.
  std::size_t answerAt = 0;
  QString prompt;
  QStringList choices;  // 2..4, all distinct
  int correct = 0;      // index into choices
  QString why;          // one sentence, shown after answering
};

// Which kinds to ask; all three by default.
struct QuizSelection {
  bool nextTask = true;
  bool nextOutput = true;
  bool nextClock = true;
};

inline constexpr int kMaxQuizChoices = 4;

// Every question the trace allows, in trace order (by askAt). A moment with
// only one plausible answer (a single live task, a single distinct printed
// line) asks nothing: a question with one choice teaches nothing.
QList<QuizQuestion> generateQuizQuestions(const trace::Trace& trace, QuizSelection which = {});

}  // namespace ui
