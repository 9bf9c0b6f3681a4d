// code_pane.h: the program's source with a marker per task and breakpoints.
//
// Each task's colour marks the line it is suspended at (◆), the running
// task gets a heavier arrow (▶) and a highlighted line; clicking the symbol
// margin toggles a breakpoint through the controller. The text is editable:
// the window re-runs it (Ctrl+R) and showError() puts the error under its
// line as an annotation with a squiggle at the column.
#pragma once

#include <vector>

#include <Qsci/qsciscintilla.h>

#include <QSet>

#include "core/trace/state.h"

class QsciLexerPython;

namespace ui {

class PlaybackController;

class CodePane : public QsciScintilla {
  Q_OBJECT
 public:
  // Marker numbers: one "suspended" and one "running" marker per palette
  // colour, then the breakpoint and the running line's background.
  static constexpr int kSuspendedMarker = 0;  // + palette index (0..6)
  static constexpr int kRunningMarker = 7;    // + palette index
  static constexpr int kBreakpointMarker = 14;
  static constexpr int kRunningLineMarker = 15;
  static constexpr int kCausalLineMarker = 16;  // lines of the "why did this happen?" chain
  static constexpr int kSymbolMargin = 1;

  explicit CodePane(PlaybackController* controller, QWidget* parent = nullptr);

  // Lines (1-based) that carry a task marker / the running marker now.
  QSet<int> taskMarkerLines() const;
  int runningLine() const;  // 0 when nobody runs
  bool hasBreakpointMarker(int line) const;

  void showError(int line, int column, const QString& message);
  void clearError();
  bool hasError() const { return errorLine_ > 0; }
  int errorLine() const { return errorLine_; }

  void setFontScale(double scale);
  // Highlights the lines (1-based) the causal chain passed through; empty clears.
  void setCausalLines(const std::vector<int>& lines);
  QSet<int> causalLines() const;
  // Paper, text, syntax and marker colours from ui::Theme (called on changes).
  void applyTheme();

 private:
  void defineMarkers();
  void updateTaskMarkers(const trace::State& state);
  void updateBreakpointMarkers();

  PlaybackController* controller_;
  QsciLexerPython* lexer_;
  int errorLine_ = 0;
  int baseFontSize_ = 11;
};

}  // namespace ui
