// tour.cpp: the steps, the dimmed overlay with a hole, and the bubble.
#include "ui/tour.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {
const QString kSeen = QStringLiteral("tour/seen");
}

QList<TourStep> Tour::steps() {
  return {
      {QStringLiteral("playbackToolbar"), tr("Pick a lesson here, then play it (Space) or step with ← and →; "
                                             "Learn ▸ Quiz mode asks you to predict "
                                             "each next step.")},
      {QStringLiteral("codeDock"), tr("The program: ▶ marks the line the running task is on, ◆ where each "
                                      "waiting task is suspended; edit it "
                                      "and press Ctrl+R to run your version.")},
      {QStringLiteral("loopDock"),
       tr("The event loop: one task runs at a time, the rest wait in the ready queue, on a timer, or on a "
          "future.")},
      {QStringLiteral("timelineDock"),
       tr("The timeline: one lane per task for the whole run; click or drag anywhere to jump there.")},
      {QStringLiteral("consoleDock"),
       tr("The console: what the program printed, with the virtual time of each line.")},
      {QStringLiteral("narrationDock"), tr("The narration says in words what just happened, and why.")},
  };
}

bool Tour::seen() { return QSettings().value(kSeen, false).toBool(); }
void Tour::setSeen(bool seen) { QSettings().setValue(kSeen, seen); }

Tour::Tour(QWidget* window) : QWidget(window), steps_(steps()) {
  setObjectName(QStringLiteral("tour"));
  setAttribute(Qt::WA_DeleteOnClose);
  setFocusPolicy(Qt::StrongFocus);
  bubble_ = new QFrame(this);
  bubble_->setObjectName(QStringLiteral("tourBubble"));
  bubble_->setFrameShape(QFrame::StyledPanel);
  bubble_->setAutoFillBackground(true);
  auto* layout = new QVBoxLayout(bubble_);
  counter_ = new QLabel(bubble_);
  text_ = new QLabel(bubble_);
  text_->setWordWrap(true);
  text_->setMinimumWidth(320);
  auto* buttons = new QHBoxLayout;
  skip_ = new QPushButton(tr("Skip tour"), bubble_);
  back_ = new QPushButton(tr("Back"), bubble_);
  next_ = new QPushButton(tr("Next"), bubble_);
  for (QPushButton* b : {skip_, back_, next_}) b->setFocusPolicy(Qt::NoFocus);  // keys go to the overlay
  buttons->addWidget(skip_);
  buttons->addStretch(1);
  buttons->addWidget(back_);
  buttons->addWidget(next_);
  layout->addWidget(counter_);
  layout->addWidget(text_);
  layout->addLayout(buttons);
  connect(skip_, &QPushButton::clicked, this, &Tour::finish);
  connect(back_, &QPushButton::clicked, this, &Tour::back);
  connect(next_, &QPushButton::clicked, this, &Tour::next);
  previousFocus_ = window->focusWidget();
  window->installEventFilter(this);
  setGeometry(window->rect());
  setSeen(true);
  QWidget::show();
  raise();
  setFocus();
  showStep(0);
}

QWidget* Tour::target(int i) const {
  if (i < 0 || i >= steps_.size() || !parentWidget()) return nullptr;
  return parentWidget()->findChild<QWidget*>(steps_[i].target);
}

QString Tour::text() const { return text_->text(); }

void Tour::showStep(int i) {
  step_ = std::clamp(i, 0, stepCount() - 1);
  counter_->setText(tr("Tour %1 of %2").arg(step_ + 1).arg(stepCount()));
  text_->setText(steps_[step_].text);
  back_->setEnabled(step_ > 0);
  next_->setText(step_ + 1 == stepCount() ? tr("Done") : tr("Next"));
  placeBubble();
  update();
}

void Tour::next() {
  if (step_ + 1 >= stepCount())
    finish();
  else
    showStep(step_ + 1);
}

void Tour::back() {
  if (step_ > 0) showStep(step_ - 1);
}

void Tour::finish() {
  if (previousFocus_) previousFocus_->setFocus(Qt::OtherFocusReason);
  emit finished();
  close();
}

QRect Tour::targetRect() const {
  QWidget* w = target(step_);
  if (!w || !w->isVisible()) return {};
  return QRect(w->mapTo(parentWidget(), QPoint(0, 0)), w->size()).adjusted(-3, -3, 3, 3);
}

void Tour::placeBubble() {
  bubble_->adjustSize();
  const QRect t = targetRect();
  const QSize b = bubble_->size();
  QPoint at = rect().center() - QPoint(b.width() / 2, b.height() / 2);
  if (!t.isEmpty()) {
    // Below the pane if it fits, else above, else inside its top-left corner.
    if (t.bottom() + 12 + b.height() < height())
      at = QPoint(t.left() + 12, t.bottom() + 12);
    else if (t.top() - 12 - b.height() > 0)
      at = QPoint(t.left() + 12, t.top() - 12 - b.height());
    else
      at = t.topLeft() + QPoint(24, 24);
  }
  at.setX(std::clamp(at.x(), 4, std::max(4, width() - b.width() - 4)));
  at.setY(std::clamp(at.y(), 4, std::max(4, height() - b.height() - 4)));
  bubble_->move(at);
  bubble_->raise();
}

void Tour::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  QPainterPath dim;
  dim.addRect(rect());
  const QRect t = targetRect();
  if (!t.isEmpty()) {
    QPainterPath hole;
    hole.addRoundedRect(t, 6, 6);
    dim = dim.subtracted(hole);
  }
  p.fillPath(dim, QColor(0, 0, 0, 110));
  if (!t.isEmpty()) {
    p.setPen(QPen(QColor(230, 159, 0), 3));
    p.drawRoundedRect(t, 6, 6);
  }
}

void Tour::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_Escape:
      finish();
      return;
    case Qt::Key_Right:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
      next();
      return;
    case Qt::Key_Left:
      back();
      return;
    default:
      QWidget::keyPressEvent(event);
  }
}

bool Tour::event(QEvent* event) {
  // Esc is also the window's "stop run" shortcut: while the tour has focus
  // it closes the tour instead.
  if (event->type() == QEvent::ShortcutOverride) {
    const int key = static_cast<QKeyEvent*>(event)->key();
    if (key == Qt::Key_Escape || key == Qt::Key_Space || key == Qt::Key_Left || key == Qt::Key_Right) {
      event->accept();
      return true;
    }
  }
  return QWidget::event(event);
}

bool Tour::eventFilter(QObject* watched, QEvent* event) {
  if (watched == parentWidget() &&
      (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest)) {
    setGeometry(parentWidget()->rect());
    placeBubble();
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace ui
