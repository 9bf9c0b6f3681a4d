// tour.h: the guided tour: each pane highlighted in turn with one sentence.
//
// Shown once on first launch (a QSettings flag) and again from Help ▸ Tour.
// It is an overlay over the main window, not a dialog: the window stays
// visible around the highlighted pane, which is the point. Next/Back/Skip
// and the keys → ← Enter Esc drive it.
#pragma once

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QFrame;

namespace ui {

struct TourStep {
  QString target;  // objectName of a widget in the window (a dock, the toolbar)
  QString text;
};

class Tour : public QWidget {
  Q_OBJECT
 public:
  static QList<TourStep> steps();
  // The first-launch flag.
  static bool seen();
  static void setSeen(bool seen);

  // Covers `window` (its child) and starts at the first step; marks the tour seen.
  explicit Tour(QWidget* window);

  int step() const { return step_; }
  int stepCount() const { return static_cast<int>(steps_.size()); }
  // The widget step `i` highlights (null if the window has none by that name).
  QWidget* target(int i) const;
  QString text() const;

 public slots:
  void next();
  void back();
  void finish();

 signals:
  void finished();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  bool event(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void showStep(int i);
  QRect targetRect() const;
  void placeBubble();

  QList<TourStep> steps_;
  int step_ = 0;
  QFrame* bubble_;
  QLabel* counter_;
  QLabel* text_;
  QPushButton *back_, *next_, *skip_;
  // Where the keyboard was before the tour took it: given back at the end,
  // so → steps again (closing the overlay would pass it to the editor).
  QPointer<QWidget> previousFocus_;
};

}  // namespace ui
