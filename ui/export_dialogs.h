// export_dialogs.h: the two export dialogs that need more than a file name.
//
// StoryboardDialog lists every candidate step (clock jumps, output lines)
// with its narration, checkable, the default selection ticked; GifDialog
// asks for the range of trace positions, the frame step, size and delay.
// Both only collect choices: the exporting is in ui/storyboard.h and
// ui/export_view.h, testable without a dialog.
#pragma once

#include <QDialog>

#include <cstddef>
#include <vector>

#include "core/trace/trace.h"
#include "ui/export_view.h"

class QListWidget;
class QSpinBox;

namespace ui {

class StoryboardDialog : public QDialog {
  Q_OBJECT
 public:
  StoryboardDialog(const trace::Trace& trace, QWidget* parent = nullptr);
  std::vector<std::size_t> selectedSteps() const;
  QSize imageSize() const;
  QListWidget* list() const { return list_; }

 private:
  QListWidget* list_;
  QSpinBox *width_, *height_;
};

class GifDialog : public QDialog {
  Q_OBJECT
 public:
  GifDialog(std::size_t traceSize, std::size_t cursor, QSize windowSize, QWidget* parent = nullptr);
  GifOptions options() const;

 private:
  QSpinBox *from_, *to_, *step_, *width_, *height_, *delay_;
};

}  // namespace ui
