// what_if_comparison.cpp: finish times and printed lines of two traces.
#include "ui/what_if_comparison.h"

#include <QCoreApplication>

#include <algorithm>

#include "ui/labels.h"

namespace ui {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("ui::WhatIf", text); }
QString t2(double seconds) { return QString::number(seconds, 'f', 2); }
}  // namespace

QStringList printedLines(const trace::Trace& trace) {
  QString all;
  for (const auto& e : trace.events())
    if (e.kind == trace::EventKind::Output && static_cast<trace::Stream>(e.flags) == trace::Stream::Stdout)
      all += traceString(trace, e.c);
  if (all.endsWith(QLatin1Char('\n'))) all.chop(1);
  return all.isEmpty() ? QStringList{} : all.split(QLatin1Char('\n'));
}

double finishTime(const trace::Trace& trace) { return trace.stateAt(trace.size()).clock; }

WhatIfDifference compareRuns(const trace::Trace& a, const trace::Trace& b, const QString& labelA,
                             const QString& labelB) {
  WhatIfDifference d;
  d.finishA = finishTime(a);
  d.finishB = finishTime(b);
  const QStringList la = printedLines(a), lb = printedLines(b);
  const int common = static_cast<int>(std::min(la.size(), lb.size()));
  for (int i = 0; i < common && d.firstDifferentLine == 0; ++i)
    if (la[i] != lb[i]) d.firstDifferentLine = i + 1;
  if (d.firstDifferentLine == 0 && la.size() != lb.size()) d.firstDifferentLine = common + 1;
  if (d.firstDifferentLine > 0) {
    QStringList sa = la, sb = lb;
    sa.sort();
    sb.sort();
    d.sameLinesReordered = sa == sb;
  }

  // The times are compared as the sentence prints them (two decimals), so
  // the words never contradict the numbers shown.
  QString when;
  if (t2(d.finishA) == t2(d.finishB))
    when = tr("“%1” finishes at t=%2, the same time as “%3”").arg(labelB, t2(d.finishB), labelA);
  else
    when = tr("“%1” finishes at t=%2 instead of t=%3").arg(labelB, t2(d.finishB), t2(d.finishA));
  QString order;
  if (d.firstDifferentLine == 0)
    order = tr("it prints the same lines in the same order");
  else if (d.sameLinesReordered)
    order = tr("it prints the same lines in a different order from line %1").arg(d.firstDifferentLine);
  else
    order = tr("what it prints differs from line %1").arg(d.firstDifferentLine);
  d.sentence = when + QStringLiteral("; ") + order + QLatin1Char('.');
  return d;
}

}  // namespace ui
