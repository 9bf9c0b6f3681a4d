// quiz_questions.cpp: one forward walk over the trace, asking at each moment
// quiz mode cares about (see quiz_questions.h).
#include "ui/quiz_questions.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>
#include <map>
#include <vector>

#include "ui/labels.h"
#include "ui/narration.h"

namespace ui {

using trace::EventKind;

namespace {

QString tr(const char* text) { return QCoreApplication::translate("ui::Quiz", text); }

// A printed chunk as one choice: without its newline, lines joined by " ⏎ ".
QString outputChoice(const QString& text) {
  QString t = text;
  while (t.endsWith(QLatin1Char('\n'))) t.chop(1);
  return t.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
}

bool isStdout(const trace::Event& e) {
  return e.kind == EventKind::Output && static_cast<trace::Stream>(e.flags) == trace::Stream::Stdout;
}

// Adds `c` unless present; true when added.
bool addDistinct(QStringList& list, const QString& c) {
  if (c.isEmpty() || list.contains(c)) return false;
  list << c;
  return true;
}

// Puts the right answer among the distractors at a position that depends on
// the event index only: repeatable, yet not always first.
void placeAnswer(QuizQuestion& q, const QString& answer, const QStringList& distractors) {
  QStringList all = distractors.mid(0, kMaxQuizChoices - 1);
  const int at = static_cast<int>(q.askAt % static_cast<std::size_t>(all.size() + 1));
  all.insert(at, answer);
  q.choices = all;
  q.correct = at;
}

class Walker {
 public:
  Walker(const trace::Trace& t, QuizSelection which) : t_(t), which_(which) {
    for (std::size_t i = 0; i < t.size(); ++i)
      if (isStdout(t[i])) printed_.push_back({i, outputChoice(traceString(t, t[i].c))});
    for (std::size_t i = 0; i < t.size(); ++i)
      if (t[i].kind == EventKind::ClockAdvanced) clockJumps_.push_back(t[i].d);
  }

  QList<QuizQuestion> run() {
    trace::State s = t_.stateAt(0);
    for (std::size_t i = 0; i < t_.size(); ++i) {
      const trace::Event& e = t_[i];
      if (which_.nextTask) askNextTask(s, i);
      if (which_.nextOutput && isStdout(e)) askNextOutput(s, i);
      if (which_.nextClock && (e.kind == EventKind::ClockAdvanced || e.kind == EventKind::LoopBlocked))
        askNextClock(s, i);
      const auto waiting = needWhy_.find(i);
      if (waiting == needWhy_.end()) {
        s.apply(e);
        continue;
      }
      // The answer event: explain it with the narration's own sentence.
      const trace::State before = s;
      s.apply(e);
      for (int qi : waiting->second) {
        QuizQuestion& q = out_[qi];
        q.why = finishWhy(q, before, s);
      }
      needWhy_.erase(waiting);
    }
    return out_;
  }

 private:
  void add(QuizQuestion q) {
    needWhy_[q.answerAt].push_back(static_cast<int>(out_.size()));
    out_ << q;
  }

  QString finishWhy(const QuizQuestion& q, const trace::State& before, const trace::State& after) {
    const QString told = narrate(t_, q.answerAt + 1, before, after);
    if (q.kind == QuizKind::NextClock) {
      const trace::Event& e = t_[q.answerAt];
      if (e.kind == EventKind::LoopBlocked)
        return tr("A synchronous call held the only thread for %1 s, so the clock moved by exactly that "
                  "much while nothing else could run.")
            .arg(e.d);
      return tr("Nothing was ready, so the loop slept until the earliest pending timer, due at t=%1.")
          .arg(formatTime(e.d));
    }
    if (q.kind == QuizKind::NextTask) return pendingWhy_.value(q.askAt) + QLatin1Char(' ') + told;
    return told + QLatin1Char(' ') + tr("Output appears in the order the loop runs the tasks' steps.");
  }

  // Before each Task.__step: the HandleRun that pops it, or the step itself.
  void askNextTask(const trace::State& s, std::size_t i) {
    const trace::Event& e = t_[i];
    std::size_t stepAt = 0;
    if (e.kind == EventKind::HandleRun && i + 1 < t_.size() && t_[i + 1].kind == EventKind::TaskStepBegin) {
      stepAt = i + 1;
    } else if (e.kind == EventKind::TaskStepBegin && (i == 0 || t_[i - 1].kind != EventKind::HandleRun)) {
      stepAt = i;
    } else {
      return;
    }
    const trace::TaskView* next = s.task(t_[stepAt].a);
    if (!next) return;
    // Distractors: the other tasks that are alive now, those in the ready
    // queue first (the closest calls), then the waiting ones.
    QStringList distractors;
    for (const auto& h : s.ready)
      if (h.task != next->id)
        if (const trace::TaskView* other = s.task(h.task); other && other->state != trace::TaskState::Done)
          addDistinct(distractors, taskTitle(t_, *other));
    for (const auto& task : s.tasks)
      if (task.id != next->id && task.state != trace::TaskState::Done)
        addDistinct(distractors, taskTitle(t_, task));
    const QString answer = taskTitle(t_, *next);
    distractors.removeAll(answer);
    if (distractors.isEmpty()) return;
    QuizQuestion q;
    q.kind = QuizKind::NextTask;
    q.askAt = i;
    q.answerAt = stepAt;
    q.prompt = tr("Which task does the loop run next?");
    placeAnswer(q, answer, distractors);
    if (const trace::HandleView* h = stepAt == i + 1 ? s.handle(e.a) : nullptr)
      pendingWhy_[i] = tr("%1 was at the front of the ready queue, and the loop runs it first in, first out.")
                           .arg(handleCaption(t_, s, *h));
    add(q);
  }

  void askNextOutput(const trace::State& s, std::size_t i) {
    const QString answer = outputChoice(traceString(t_, t_[i].c));
    if (answer.trimmed().isEmpty()) return;
    // Plausible lines: those printed later (not seen yet), nearest first.
    // Only when none is left (the last line) do lines already printed stand in.
    QStringList distractors;
    const auto here =
        std::find_if(printed_.begin(), printed_.end(), [i](const auto& p) { return p.first == i; });
    for (auto it = here; it != printed_.end(); ++it)
      if (it->second != answer) addDistinct(distractors, it->second);
    for (auto it = here; distractors.isEmpty() && it != printed_.begin();) {
      --it;
      if (it->second != answer) addDistinct(distractors, it->second);
    }
    if (distractors.isEmpty()) return;
    QuizQuestion q;
    q.kind = QuizKind::NextOutput;
    q.askAt = i;
    q.answerAt = i;
    q.prompt =
        s.running
            ? tr("%1 is running. What does the program print next?").arg(taskShortName(t_, s, s.running))
            : tr("What does the program print next?");
    placeAnswer(q, answer, distractors);
    add(q);
  }

  void askNextClock(const trace::State& s, std::size_t i) {
    const trace::Event& e = t_[i];
    trace::State after = s;
    after.apply(e);
    const QString answer = formatTime(after.clock) + QStringLiteral(" s");
    // Every deadline pending now, the clock as it reads now (a blocked
    // loop surprises: "surely it stays"), and the program's other jumps.
    std::vector<double> candidates;
    for (const auto& timer : s.timers)
      if (!timer.cancelled) candidates.push_back(timer.when);
    candidates.push_back(s.clock);
    // The clock never runs backwards: only later jumps are plausible.
    for (double jump : clockJumps_)
      if (jump > s.clock) candidates.push_back(jump);
    std::vector<double> picked{after.clock};
    QStringList seen{answer};
    for (double c : candidates) {
      if (picked.size() >= static_cast<std::size_t>(kMaxQuizChoices)) break;
      if (addDistinct(seen, formatTime(c) + QStringLiteral(" s"))) picked.push_back(c);
    }
    if (picked.size() < 2) return;
    // Times read best in order: sort the choices by value.
    std::sort(picked.begin(), picked.end());
    QuizQuestion q;
    q.kind = QuizKind::NextClock;
    q.askAt = i;
    q.answerAt = i;
    q.prompt = tr("The clock reads %1 s. What will it read next?").arg(formatTime(s.clock));
    for (double p : picked) q.choices << formatTime(p) + QStringLiteral(" s");
    q.correct = static_cast<int>(q.choices.indexOf(answer));
    add(q);
  }

  const trace::Trace& t_;
  QuizSelection which_;
  std::vector<std::pair<std::size_t, QString>> printed_;  // (event index, choice text)
  std::vector<double> clockJumps_;
  QList<QuizQuestion> out_;
  std::map<std::size_t, std::vector<int>> needWhy_;  // answerAt -> questions
  QMap<std::size_t, QString> pendingWhy_;            // askAt -> the ready-queue reason
};

}  // namespace

QList<QuizQuestion> generateQuizQuestions(const trace::Trace& trace, QuizSelection which) {
  return Walker(trace, which).run();
}

}  // namespace ui
