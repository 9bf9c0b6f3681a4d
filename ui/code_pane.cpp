// code_pane.cpp: markers, breakpoints and inline errors on a QsciScintilla.
#include "ui/code_pane.h"

#include <Qsci/qscilexerpython.h>
#include <Qsci/qscistyle.h>

#include <QFontDatabase>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <set>
#include <utility>

#include "ui/playback_controller.h"
#include "ui/task_palette.h"
#include "ui/theme.h"

namespace ui {

namespace {

constexpr int kErrorIndicator = 8;

// Marker images drawn here rather than Scintilla's stock symbols: a diamond
// (suspended) and an arrow (running) in a task's colour, with a dark outline
// so yellow and sky blue still read on white.
QImage markerImage(const QColor& c, bool running, int size) {
  QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
  img.fill(Qt::transparent);
  QPainter p(&img);
  p.setRenderHint(QPainter::Antialiasing);
  QPainterPath path;
  const double s = size, m = 1.5;
  if (running) {
    path.moveTo(m, m);
    path.lineTo(s - m, s / 2);
    path.lineTo(m, s - m);
  } else {
    path.moveTo(s / 2, m + 1);
    path.lineTo(s - m - 1, s / 2);
    path.lineTo(s / 2, s - m - 1);
    path.lineTo(m + 1, s / 2);
  }
  path.closeSubpath();
  p.fillPath(path, c);
  p.setPen(QPen(QColor(40, 40, 40), running ? 1.6 : 1.0));
  p.drawPath(path);
  return img;
}

}  // namespace

CodePane::CodePane(PlaybackController* controller, QWidget* parent)
    : QsciScintilla(parent), controller_(controller) {
  setObjectName(QStringLiteral("codePane"));
  lexer_ = new QsciLexerPython(this);
  QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  baseFontSize_ = std::max(10, mono.pointSize() + 1);
  mono.setPointSize(baseFontSize_);
  lexer_->setDefaultFont(mono);
  lexer_->setFont(mono);
  setLexer(lexer_);
  setUtf8(true);
  setIndentationsUseTabs(false);
  setTabWidth(4);
  setAutoIndent(true);

  setMarginType(0, QsciScintilla::NumberMargin);
  setMarginLineNumbers(0, true);
  setMarginWidth(0, QStringLiteral("0000"));
  setMarginMarkerMask(0, 0);
  setMarginType(kSymbolMargin, QsciScintilla::SymbolMargin);
  setMarginWidth(kSymbolMargin, 22);
  setMarginSensitivity(kSymbolMargin, true);
  setMarginMarkerMask(kSymbolMargin, (1 << kRunningLineMarker) - 1);
  defineMarkers();

  indicatorDefine(QsciScintilla::SquiggleIndicator, kErrorIndicator);
  setIndicatorForegroundColor(QColor(213, 94, 0), kErrorIndicator);
  setAnnotationDisplay(QsciScintilla::AnnotationBoxed);

  connect(this, &QsciScintilla::marginClicked, this, [this](int margin, int line, Qt::KeyboardModifiers) {
    if (margin == kSymbolMargin) controller_->toggleBreakpoint(line + 1);
  });
  connect(controller_, &PlaybackController::breakpointsChanged, this, &CodePane::updateBreakpointMarkers);
  connect(controller_, &PlaybackController::traceChanged, this, [this] {
    const auto& t = controller_->trace();
    if (!t) return;
    const QString src = QString::fromStdString(t->source());
    if (!src.isEmpty() && src != text()) setText(src);
    clearError();
  });
  connect(controller_, &PlaybackController::cursorChanged, this,
          [this](std::size_t, const trace::State& s) { updateTaskMarkers(s); });
  connect(Theme::instance(), &Theme::changed, this, &CodePane::applyTheme);
  applyTheme();
}

void CodePane::applyTheme() {
  const Theme* th = Theme::instance();
  const QPalette pal = th->palette();
  const QColor base = pal.color(QPalette::Base), text = pal.color(QPalette::Text);
  lexer_->setDefaultPaper(base);
  lexer_->setPaper(base, -1);
  lexer_->setDefaultColor(text);
  for (int style = 0; style <= 19; ++style) {
    QColor c = lexer_->defaultColor(style);
    // QsciLexerPython's colours are for white paper: on dark paper keep
    // each hue but make it light enough to read.
    if (th->dark() && c.lightnessF() < 0.6)
      c = QColor::fromHslF(std::max(0.0f, c.hslHueF()), std::min(0.7f, c.hslSaturationF()), 0.72f);
    lexer_->setColor(c, style);
  }
  setMarginsBackgroundColor(pal.color(QPalette::Window));
  setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
  setCaretForegroundColor(text);
  setIndicatorForegroundColor(th->colors().accent, kErrorIndicator);
  defineMarkers();
  recolor();
}

void CodePane::setCausalLines(const std::vector<int>& lines) {
  markerDeleteAll(kCausalLineMarker);
  for (int l : lines)
    if (l > 0) markerAdd(l - 1, kCausalLineMarker);
}

QSet<int> CodePane::causalLines() const {
  QSet<int> out;
  for (int l = 0; l < lines(); ++l)
    if (markersAtLine(l) & (1u << kCausalLineMarker)) out.insert(l + 1);
  return out;
}

void CodePane::defineMarkers() {
  const int px = 14;
  for (int i = 0; i < kPaletteSize; ++i) {
    markerDefine(markerImage(paletteColor(i), false, px), kSuspendedMarker + i);
    markerDefine(markerImage(paletteColor(i), true, px), kRunningMarker + i);
  }
  markerDefine(QsciScintilla::Circle, kBreakpointMarker);
  const ThemeColors& tc = Theme::instance()->colors();
  setMarkerBackgroundColor(tc.accent, kBreakpointMarker);
  setMarkerForegroundColor(tc.accent.darker(180), kBreakpointMarker);
  markerDefine(QsciScintilla::Background, kRunningLineMarker);
  setMarkerBackgroundColor(tc.runningLine, kRunningLineMarker);
  // An underline (not a background) so it shows on the running line too.
  markerDefine(QsciScintilla::Underline, kCausalLineMarker);
  setMarkerBackgroundColor(tc.causal, kCausalLineMarker);
  setMarkerForegroundColor(tc.causal, kCausalLineMarker);
}

void CodePane::setFontScale(double scale) {
  QFont mono = lexer_->defaultFont(0);
  mono.setPointSize(static_cast<int>(baseFontSize_ * scale));
  lexer_->setDefaultFont(mono);
  lexer_->setFont(mono);
  setMarginWidth(0, QStringLiteral("0000"));
  setMarginWidth(kSymbolMargin, static_cast<int>(22 * scale));
  recolor();
}

void CodePane::updateTaskMarkers(const trace::State& s) {
  for (int m = 0; m < kBreakpointMarker; ++m) markerDeleteAll(m);
  markerDeleteAll(kRunningLineMarker);
  // One marker per (line, colour): 1,000 tasks on one line cost one marker.
  std::set<std::pair<int, int>> placed;
  for (std::size_t i = 0; i < s.tasks.size(); ++i) {
    const trace::TaskView& t = s.tasks[i];
    if (t.state == trace::TaskState::Done || t.line <= 0 || t.id == s.running) continue;
    const int pal = taskPaletteIndex(static_cast<int>(i));
    if (placed.insert({t.line, pal}).second) markerAdd(t.line - 1, kSuspendedMarker + pal);
  }
  if (const trace::TaskView* r = s.running ? s.task(s.running) : nullptr) {
    const int line = r->line > 0 ? r->line : r->defLine;
    if (line > 0) {
      const int pal = taskPaletteIndex(static_cast<int>(r - s.tasks.data()));
      markerAdd(line - 1, kRunningMarker + pal);
      markerAdd(line - 1, kRunningLineMarker);
      ensureLineVisible(line - 1);
    }
  }
}

void CodePane::updateBreakpointMarkers() {
  markerDeleteAll(kBreakpointMarker);
  for (int line : controller_->breakpoints()) markerAdd(line - 1, kBreakpointMarker);
}

QSet<int> CodePane::taskMarkerLines() const {
  QSet<int> out;
  const unsigned mask = (1u << kBreakpointMarker) - 1;
  for (int l = 0; l < lines(); ++l)
    if (markersAtLine(l) & mask) out.insert(l + 1);
  return out;
}

int CodePane::runningLine() const {
  for (int l = 0; l < lines(); ++l)
    if (markersAtLine(l) & (1u << kRunningLineMarker)) return l + 1;
  return 0;
}

bool CodePane::hasBreakpointMarker(int line) const {
  return line > 0 && (markersAtLine(line - 1) & (1u << kBreakpointMarker));
}

void CodePane::showError(int line, int column, const QString& message) {
  clearError();
  if (line <= 0) line = 1;
  errorLine_ = line;
  QsciStyle style(-1, QStringLiteral("error"), Theme::instance()->colors().errorText,
                  Theme::instance()->colors().errorBack,
                  lexer_->defaultFont(0), true);
  annotate(line - 1, QStringLiteral("⚠ ") + message, style);
  const int len = lineLength(line - 1);
  const int from = column > 0 ? column - 1 : 0;
  if (len > from) fillIndicatorRange(line - 1, from, line - 1, std::max(from + 1, len - 1), kErrorIndicator);
  ensureLineVisible(line - 1);
}

void CodePane::clearError() {
  clearAnnotations();
  clearIndicatorRange(0, 0, std::max(0, lines() - 1), std::max(0, lineLength(lines() - 1)), kErrorIndicator);
  errorLine_ = 0;
}

}  // namespace ui
