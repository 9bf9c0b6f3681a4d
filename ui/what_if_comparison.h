// what_if_comparison.h: what changed between two runs of (nearly) the same
// program, in one sentence.
//
// The What if… window runs two variants and states the difference in total
// virtual time and in what was printed. Kept free of widgets so the
// sentence can be checked against real traces.
#pragma once

#include <QString>
#include <QStringList>

#include "core/trace/trace.h"

namespace ui {

// The program's standard output split into lines (a final newline does not
// make an empty last line).
QStringList printedLines(const trace::Trace& trace);

// The virtual time at which the run ended (the clock after its last event).
double finishTime(const trace::Trace& trace);

struct WhatIfDifference {
  double finishA = 0.0;
  double finishB = 0.0;
  // 1-based number of the first printed line that differs (0: none).
  int firstDifferentLine = 0;
  // True when both printed the same lines, only in another order.
  bool sameLinesReordered = false;
  QString sentence;  // "“Semaphore(1)” finishes at t=5.00 instead of t=2.50; ..."
};

// Compares run `a` (labelled `labelA`) with run `b`: the sentence names B
// first because B is the change the student is asking about.
WhatIfDifference compareRuns(const trace::Trace& a, const trace::Trace& b, const QString& labelA,
                             const QString& labelB);

}  // namespace ui
