// what_if_chart.cpp: summarising a run by virtual time, and painting two.
#include "ui/what_if_chart.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <map>

#include "ui/labels.h"
#include "ui/task_palette.h"

namespace ui {

using trace::EventKind;

RunSummary RunSummary::of(const trace::Trace& t, const QString& label) {
  RunSummary r;
  r.label = label;
  std::map<trace::Id, int> lane;  // task id -> index into lanes
  std::map<trace::Id, QString> taskName;
  double clock = 0.0;
  QString pending;  // a printed line not finished yet
  for (const auto& e : t.events()) {
    switch (e.kind) {
      case EventKind::ClockAdvanced:
        clock = e.d;
        break;
      case EventKind::LoopBlocked:
        r.blocked.append({clock, clock + e.d});
        clock += e.d;
        break;
      case EventKind::TaskCreated:
        lane[e.a] = static_cast<int>(r.lanes.size());
        taskName[e.a] = traceString(t, e.c);
        r.lanes.append({taskName[e.a], clock, clock, {}});
        break;
      case EventKind::TaskCoroutine:
        if (auto it = lane.find(e.a); it != lane.end())
          r.lanes[it->second].name = traceString(t, e.c) + QStringLiteral(" · ") + taskName[e.a];
        break;
      case EventKind::TaskStepBegin:
        if (auto it = lane.find(e.a); it != lane.end()) r.lanes[it->second].steps << clock;
        break;
      case EventKind::TaskDone:
        if (auto it = lane.find(e.a); it != lane.end()) {
          r.lanes[it->second].end = clock;
          lane.erase(it);  // done: its lane no longer grows
        }
        break;
      case EventKind::Output:
        if (static_cast<trace::Stream>(e.flags) != trace::Stream::Stdout) break;
        pending += traceString(t, e.c);
        while (pending.contains(QLatin1Char('\n'))) {
          const qsizetype nl = pending.indexOf(QLatin1Char('\n'));
          r.printed.append({clock, pending.left(nl)});
          pending.remove(0, nl + 1);
        }
        break;
      default:
        break;
    }
  }
  if (!pending.isEmpty()) r.printed.append({clock, pending});
  r.finish = clock;
  for (const auto& [id, index] : lane) r.lanes[index].end = clock;  // still alive at the end
  return r;
}

QString RunSummary::outputUntil(double t) const {
  QString out;
  for (const auto& [when, line] : printed)
    if (when <= t + 1e-9) out += QStringLiteral("%1  %2\n").arg(QString::number(when, 'f', 2), line);
  return out;
}

WhatIfChart::WhatIfChart(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("whatIfChart"));
  setMouseTracking(false);
}

void WhatIfChart::setRuns(const RunSummary& a, const RunSummary& b) {
  a_ = a;
  b_ = b;
  hasRuns_ = true;
  playhead_ = std::clamp(playhead_, 0.0, timeSpan());
  update();
}

double WhatIfChart::timeSpan() const { return std::max({a_.finish, b_.finish, 1e-3}); }

void WhatIfChart::setPlayhead(double t) {
  t = std::clamp(t, 0.0, timeSpan());
  if (t == playhead_) return;
  playhead_ = t;
  update();
  emit playheadMoved(t);
}

QRectF WhatIfChart::plotRect() const {
  const QFontMetricsF fm(font());
  const double left = fm.horizontalAdvance(QStringLiteral("producer · Task-10")) + 16;
  return QRectF(left, fm.height() + 6, std::max(10.0, width() - left - 16),
                std::max(10.0, height() - 2 * fm.height() - 16));
}

double WhatIfChart::xForTime(double t) const {
  const QRectF r = plotRect();
  return r.left() + r.width() * (t / timeSpan());
}

double WhatIfChart::timeAtX(double x) const {
  const QRectF r = plotRect();
  return std::clamp((x - r.left()) / r.width(), 0.0, 1.0) * timeSpan();
}

void WhatIfChart::mousePressEvent(QMouseEvent* event) { setPlayhead(timeAtX(event->position().x())); }

void WhatIfChart::mouseMoveEvent(QMouseEvent* event) {
  if (event->buttons() & Qt::LeftButton) setPlayhead(timeAtX(event->position().x()));
}

void WhatIfChart::paintRun(QPainter& p, const RunSummary& run, const QRectF& band) {
  const QFontMetricsF fm(font());
  p.setPen(palette().color(QPalette::WindowText));
  QFont bold = font();
  bold.setBold(true);
  p.setFont(bold);
  p.drawText(QPointF(4, band.top() + fm.ascent()), run.label);
  p.setFont(font());
  // Blocked spans: hatched across the whole band, the loop could run nothing.
  for (const auto& [from, to] : run.blocked) {
    const QRectF r(QPointF(xForTime(from), band.top()), QPointF(xForTime(to), band.bottom()));
    p.fillRect(r, QBrush(QColor(213, 94, 0, 90), Qt::BDiagPattern));
    p.setPen(QColor(213, 94, 0));
    p.drawText(r.adjusted(2, 0, 0, 0), Qt::AlignLeft | Qt::AlignBottom, tr("blocked"));
  }
  const int n = std::max<int>(1, static_cast<int>(run.lanes.size()));
  const double top = band.top() + fm.height() + 2;
  const double laneH = std::max(3.0, (band.bottom() - top) / n);
  for (int i = 0; i < run.lanes.size(); ++i) {
    const auto& lane = run.lanes[i];
    const double y = top + laneH * (i + 0.5);
    const QColor c = taskColor(i);
    if (laneH >= fm.height() * 0.8) {
      p.setPen(palette().color(QPalette::WindowText));
      p.drawText(QRectF(4, y - laneH / 2, plotRect().left() - 8, laneH), Qt::AlignRight | Qt::AlignVCenter,
                 fm.elidedText(lane.name, Qt::ElideRight, plotRect().left() - 8));
    }
    p.setPen(QPen(c, 2, Qt::DashLine));
    p.drawLine(QPointF(xForTime(lane.start), y), QPointF(xForTime(lane.end), y));
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    const double r = std::clamp(laneH * 0.3, 2.0, 5.0);
    for (double s : lane.steps) p.drawEllipse(QPointF(xForTime(s), y), r, r);
    p.setBrush(Qt::NoBrush);
  }
  // Where the run ends.
  p.setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DotLine));
  const double fx = xForTime(run.finish);
  p.drawLine(QPointF(fx, band.top()), QPointF(fx, band.bottom()));
  p.drawText(QPointF(fx + 3, band.top() + fm.ascent()),
             QStringLiteral("t=%1").arg(QString::number(run.finish, 'f', 2)));
}

void WhatIfChart::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), palette().color(QPalette::Base));
  if (!hasRuns_) {
    p.drawText(rect(), Qt::AlignCenter, tr("Running both variants…"));
    return;
  }
  const QRectF plot = plotRect();
  const QRectF bandA(plot.left(), plot.top(), plot.width(), plot.height() / 2 - 4);
  const QRectF bandB(plot.left(), plot.top() + plot.height() / 2 + 4, plot.width(), plot.height() / 2 - 4);
  paintRun(p, a_, bandA);
  p.setPen(palette().color(QPalette::Mid));
  p.drawLine(QPointF(0, plot.center().y()), QPointF(width(), plot.center().y()));
  paintRun(p, b_, bandB);
  // The shared axis, in whole or half seconds.
  const QFontMetricsF fm(font());
  p.setPen(palette().color(QPalette::WindowText));
  p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()));
  const double span = timeSpan();
  double tick = 0.1;
  for (double t : {0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0})
    if (span / tick > 12) tick = t;
  for (double t = 0; t <= span + 1e-9; t += tick) {
    const double x = xForTime(t);
    p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4));
    p.drawText(QPointF(x - 8, plot.bottom() + 4 + fm.ascent()), QString::number(t, 'g', 4));
  }
  // One playhead across both runs: the same virtual moment.
  const double x = xForTime(playhead_);
  p.setPen(QPen(QColor(0, 114, 178), 2));
  p.drawLine(QPointF(x, 0), QPointF(x, plot.bottom()));
  p.drawText(QPointF(x + 4, fm.ascent()), QStringLiteral("t=%1").arg(formatTime(playhead_)));
}

}  // namespace ui
