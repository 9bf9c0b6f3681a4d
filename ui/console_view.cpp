// console_view.cpp: collecting and showing output and diagnostics.
#include "ui/console_view.h"

#include <QFontDatabase>
#include <QTextBlock>

#include <algorithm>

#include "ui/labels.h"
#include "ui/playback_controller.h"
#include "ui/theme.h"

namespace ui {

std::vector<ConsoleEntry> consoleEntries(const trace::Trace& trace) {
  std::vector<ConsoleEntry> out;
  double clock = 0.0;
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const trace::Event& e = trace[i];
    if (e.kind == trace::EventKind::ClockAdvanced) clock = e.d;
    if (e.kind == trace::EventKind::LoopBlocked) clock += e.d;
    if (e.kind != trace::EventKind::Output && e.kind != trace::EventKind::Diagnostic) continue;
    // One entry per line, so the timestamps line up.
    QString text = traceString(trace, e.c);
    if (text.endsWith(QLatin1Char('\n'))) text.chop(1);
    const QStringList lines = e.kind == trace::EventKind::Output ? text.split(QLatin1Char('\n')) : QStringList{text};
    for (const QString& l : lines) {
      ConsoleEntry c;
      c.index = i;
      c.time = clock;
      c.text = l;
      c.diagnostic = e.kind == trace::EventKind::Diagnostic;
      if (c.diagnostic) {
        c.diagnosticKind = static_cast<trace::DiagnosticKind>(e.flags);
        c.line = static_cast<int>(e.b);
      } else {
        c.stream = static_cast<trace::Stream>(e.flags);
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

ConsoleView::ConsoleView(PlaybackController* controller, QWidget* parent)
    : QPlainTextEdit(parent), controller_(controller) {
  setObjectName(QStringLiteral("console"));
  setReadOnly(true);
  setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  setLineWrapMode(QPlainTextEdit::WidgetWidth);
  setPlaceholderText(tr("The program's output appears here as it is printed."));
  connect(controller_, &PlaybackController::traceChanged, this, [this] {
    entries_ = controller_->trace() ? consoleEntries(*controller_->trace()) : std::vector<ConsoleEntry>{};
    clear();
    shown_ = 0;
  });
  connect(controller_, &PlaybackController::cursorChanged, this,
          [this](std::size_t index, const trace::State&) { showUpTo(index); });
  // Colours are baked into the text: write it again in the new ones.
  connect(Theme::instance(), &Theme::changed, this, [this] {
    clear();
    shown_ = 0;
    showUpTo(controller_->cursor());
  });
  if (controller_->trace()) {
    entries_ = consoleEntries(*controller_->trace());
    showUpTo(controller_->cursor());
  }
}

void ConsoleView::setFontScale(double scale) {
  QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  f.setPointSizeF(f.pointSizeF() * scale);
  setFont(f);
}

void ConsoleView::appendEntry(const ConsoleEntry& e) {
  const ThemeColors& tc = Theme::instance()->colors();
  const QString time =
      QStringLiteral("<span style='color:%1'>%2</span>&nbsp;&nbsp;").arg(tc.dim.name(), formatTime(e.time));
  const QString body = e.text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
  if (e.diagnostic) {
    // A callout: marked, bold, in vermillion (and a ⚠ so colour is not alone).
    QString where = e.line > 0 ? tr("line %1: ").arg(e.line) : QString();
    appendHtml(time + QStringLiteral("<b style='color:%1'>⚠ %2%3</b>").arg(tc.accent.name(), where.toHtmlEscaped(), body));
  } else if (e.stream == trace::Stream::Stderr) {
    appendHtml(time + QStringLiteral("<span style='color:%1'>%2</span>").arg(tc.accent.name(), body));
  } else if (e.stream == trace::Stream::ClientLog) {
    appendHtml(time + QStringLiteral("<i style='color:%1'>%2</i>").arg(tc.info.name(), body));
  } else {
    appendHtml(time + body);
  }
}

void ConsoleView::showUpTo(std::size_t cursor) {
  const auto end = std::partition_point(entries_.begin(), entries_.end(),
                                        [cursor](const ConsoleEntry& e) { return e.index < cursor; });
  const auto target = static_cast<std::size_t>(end - entries_.begin());
  if (target < shown_) {  // backwards: rebuild the prefix
    clear();
    shown_ = 0;
  }
  for (; shown_ < target; ++shown_) appendEntry(entries_[shown_]);
}

}  // namespace ui
