// console_view.h: the program's output up to the cursor, with virtual times.
//
// Output and diagnostics are collected from the trace once (consoleEntries);
// the view shows the prefix the cursor has reached, appending while playing
// forward and rebuilding only on a backward seek. Diagnostics (deadlock,
// never-awaited coroutine, traceback) appear as callouts, not as output.
#pragma once

#include <QPlainTextEdit>

#include <cstddef>
#include <vector>

#include "core/trace/trace.h"

namespace ui {

class PlaybackController;

struct ConsoleEntry {
  std::size_t index = 0;  // event index
  double time = 0.0;      // virtual clock when written
  QString text;           // without the trailing newline
  trace::Stream stream = trace::Stream::Stdout;
  bool diagnostic = false;
  trace::DiagnosticKind diagnosticKind = trace::DiagnosticKind::Traceback;
  int line = 0;
};

std::vector<ConsoleEntry> consoleEntries(const trace::Trace& trace);

class ConsoleView : public QPlainTextEdit {
  Q_OBJECT
 public:
  explicit ConsoleView(PlaybackController* controller, QWidget* parent = nullptr);

  // How many entries are visible at the cursor (for tests).
  std::size_t shownEntries() const { return shown_; }
  const std::vector<ConsoleEntry>& entries() const { return entries_; }
  void setFontScale(double scale);

 private:
  void showUpTo(std::size_t cursor);
  void appendEntry(const ConsoleEntry& e);

  PlaybackController* controller_;
  std::vector<ConsoleEntry> entries_;
  std::size_t shown_ = 0;
};

}  // namespace ui
