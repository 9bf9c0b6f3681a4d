// what_if_chart.h: two runs drawn on one virtual-time axis with one playhead.
//
// Virtual time is what differs between two variants (a step takes no
// virtual time at all), so each run is summarised by time: a lane per task
// from its creation to its end with a dot at each moment it ran, the spans
// where a synchronous call blocked the loop, and when each line was printed.
// RunSummary is that summary as plain data (tested); WhatIfChart paints two
// of them on a shared scale and lets a click or drag move the playhead.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

#include "core/trace/trace.h"

namespace ui {

struct RunSummary {
  struct Lane {
    QString name;  // "foo · Task-2"
    double start = 0.0;
    double end = 0.0;     // when it finished, or the run's end
    QList<double> steps;  // the times at which it ran
  };
  QString label;
  QList<Lane> lanes;                      // creation order
  QList<QPair<double, double>> blocked;   // [from, to] while time.sleep held the thread
  QList<QPair<double, QString>> printed;  // (time, line) for each line on standard output
  double finish = 0.0;

  static RunSummary of(const trace::Trace& trace, const QString& label);
  // The lines printed up to and including time t, each prefixed by its time.
  QString outputUntil(double t) const;
};

class WhatIfChart : public QWidget {
  Q_OBJECT
 public:
  explicit WhatIfChart(QWidget* parent = nullptr);

  void setRuns(const RunSummary& a, const RunSummary& b);
  double timeSpan() const;  // the later finish of the two (at least a small epsilon)
  double playhead() const { return playhead_; }
  void setPlayhead(double t);
  double timeAtX(double x) const;
  double xForTime(double t) const;

  QSize sizeHint() const override { return {900, 320}; }
  QSize minimumSizeHint() const override { return {400, 200}; }

 signals:
  void playheadMoved(double t);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;

 private:
  void paintRun(QPainter& p, const RunSummary& run, const QRectF& band);
  QRectF plotRect() const;

  RunSummary a_, b_;
  bool hasRuns_ = false;
  double playhead_ = 0.0;
};

}  // namespace ui
