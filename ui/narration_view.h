// narration_view.h: the pane that reads the current event out in words.
//
// Shows narrate() for the cursor, and before the first event the lesson's
// notes (what it teaches, what to watch), so a class knows what to look for
// before pressing play.
#pragma once

#include <QLabel>

namespace ui {

class PlaybackController;

class NarrationView : public QLabel {
  Q_OBJECT
 public:
  explicit NarrationView(PlaybackController* controller, QWidget* parent = nullptr);

  // Lesson notes shown at cursor 0 (empty for a user's own program).
  void setLesson(const QString& title, const QString& concept_, const QString& watch);
  // The sentence for the cursor, without the event counter (for tests).
  const QString& sentence() const { return sentence_; }
  void setFontScale(double scale);

 private:
  void refresh();

  PlaybackController* controller_;
  QString title_, concept_, watch_;
  QString sentence_;
  int basePixelSize_ = 16;
};

}  // namespace ui
