// narration_view.cpp: formatting the narration with the event counter.
#include "ui/narration_view.h"

#include "core/trace/event.h"
#include "ui/narration.h"
#include "ui/playback_controller.h"
#include "ui/theme.h"

namespace ui {

NarrationView::NarrationView(PlaybackController* controller, QWidget* parent)
    : QLabel(parent), controller_(controller) {
  setObjectName(QStringLiteral("narration"));
  setWordWrap(true);
  setTextFormat(Qt::RichText);
  setAlignment(Qt::AlignLeft | Qt::AlignTop);
  setMargin(10);
  setBackgroundRole(QPalette::Base);
  setAutoFillBackground(true);
  // The "Why did this happen?" link (added by the window) is activated here.
  setTextInteractionFlags(Qt::LinksAccessibleByMouse);
  setOpenExternalLinks(false);
  basePixelSize_ = std::max(15, QFontInfo(font()).pixelSize() + 3);
  setFontScale(1.0);
  connect(controller_, &PlaybackController::cursorChanged, this, &NarrationView::refresh);
  connect(controller_, &PlaybackController::traceChanged, this, &NarrationView::refresh);
  connect(Theme::instance(), &Theme::changed, this, &NarrationView::refresh);
  refresh();
}

void NarrationView::setLesson(const QString& title, const QString& concept_text, const QString& watch) {
  title_ = title;
  concept_ = concept_text;
  watch_ = watch;
  refresh();
}

void NarrationView::setFontScale(double scale) {
  QFont f = font();
  f.setPixelSize(static_cast<int>(basePixelSize_ * scale));
  setFont(f);
}

void NarrationView::refresh() {
  const auto& t = controller_->trace();
  if (!t) {
    sentence_.clear();
    setText(tr("Choose a scenario, or write a program and press Ctrl+R to run it."));
    return;
  }
  const std::size_t cursor = controller_->cursor();
  sentence_ = narrate(*t, cursor, controller_->state());
  QString html;
  if (cursor == 0 && !title_.isEmpty()) {
    html = QStringLiteral("<b>%1</b><br>%2").arg(title_.toHtmlEscaped(), concept_.toHtmlEscaped());
    if (!watch_.isEmpty()) html += QStringLiteral("<br><i>%1</i> %2").arg(tr("Watch:"), watch_.toHtmlEscaped());
    html += QStringLiteral("<br>") + sentence_.toHtmlEscaped();
  } else {
    const QString kind = cursor > 0 ? QString::fromLatin1(trace::eventKindName((*t)[cursor - 1].kind)) : QString();
    html = QStringLiteral("<span style='color:%1; font-size:small'>%2</span><br>%3")
               .arg(Theme::instance()->colors().dim.name(),
                    tr("event %1 of %2 · %3").arg(cursor).arg(t->size()).arg(kind).toHtmlEscaped(),
                    sentence_.toHtmlEscaped());
  }
  setText(html);
}

}  // namespace ui
