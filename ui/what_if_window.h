// what_if_window.h: Learn ▸ What if…: two variants of a program side by side.
//
// A comparison is two real programs: the lesson and one of the variants its
// notes list (a textual edit), or the saved lesson and the student's own
// edit in the editor. Both run through the same ui::Runner as the main
// window (one after the other: a runner serves one run at a time), then the
// chart shows them on one virtual-time axis with one playhead, the two
// consoles show what each printed up to the playhead, and one sentence says
// what changed (compareRuns).
#pragma once

#include <QList>
#include <QWidget>

#include <QCoroTask>

#include <memory>

#include "core/trace/trace.h"
#include "scenarios/scenario_catalog.h"
#include "ui/runner.h"
#include "ui/what_if_chart.h"
#include "ui/what_if_comparison.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace ui {

struct WhatIfPair {
  QString labelA, labelB;
  QString sourceA, sourceB;
};

class WhatIfWindow : public QWidget {
  Q_OBJECT
 public:
  // `lesson` may be empty (the student's own program: then only "your edit"
  // has nothing to compare with, and the window says so).
  WhatIfWindow(Runner* runner, const scenarios::Scenario& lesson, const QString& editorText,
               const QString& fileName, QWidget* parent = nullptr);
  ~WhatIfWindow() override;

  // The comparisons on offer, in the chooser's order.
  static QList<WhatIfPair> pairsFor(const scenarios::Scenario& lesson, const QString& editorText);
  const QList<WhatIfPair>& pairs() const { return pairs_; }
  // Runs pair `index` (A, then B) and shows the result.
  QCoro::Task<> compare(int index);

  std::shared_ptr<const trace::Trace> traceA() const { return a_; }
  std::shared_ptr<const trace::Trace> traceB() const { return b_; }
  const WhatIfDifference& difference() const { return diff_; }
  QString sentence() const;
  WhatIfChart* chart() const { return chart_; }
  QString consoleA() const;
  QString consoleB() const;

 signals:
  void compared();

 private:
  void showAt(double t);

  Runner* runner_;
  QString fileName_;
  QList<WhatIfPair> pairs_;
  quint64 generation_ = 0;
  std::shared_ptr<const trace::Trace> a_, b_;
  WhatIfDifference diff_;
  RunSummary sumA_, sumB_;
  QComboBox* chooser_;
  QLabel* sentence_;
  WhatIfChart* chart_;
  QLabel *titleA_, *titleB_;
  QPlainTextEdit *consoleA_, *consoleB_;
  QPushButton* play_;
  QTimer* timer_;
};

}  // namespace ui
