// loop_view.cpp: painting the loop's areas and cards, and gliding between steps.
#include "ui/loop_view.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRegion>
#include <QPainterPath>
#include <QStringList>
#include <QMouseEvent>
#include <QResizeEvent>

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "ui/labels.h"
#include "ui/narration.h"
#include "ui/playback_controller.h"
#include "ui/task_palette.h"
#include "ui/text_cache.h"
#include "ui/theme.h"
#include "ui/why_not.h"

namespace ui {

namespace {

// Text on a task colour: black on light hues, white on dark ones.
QColor textOn(const QColor& bg) { return bg.lightnessF() > 0.55 ? Qt::black : Qt::white; }

QString areaTitle(LoopArea a) {
  switch (a) {
    case LoopArea::Running: return LoopView::tr("RUNNING");
    case LoopArea::Ready: return LoopView::tr("READY");
    case LoopArea::Timers: return LoopView::tr("TIMERS");
    case LoopArea::Waiting: return LoopView::tr("WAITING");
    case LoopArea::Done: return LoopView::tr("DONE");
    case LoopArea::Queues: return LoopView::tr("QUEUES");
    case LoopArea::Count: break;
  }
  return {};
}

QString handleKindWord(trace::HandleKind k) {
  switch (k) {
    case trace::HandleKind::TaskStep: return LoopView::tr("step");
    case trace::HandleKind::TaskWakeup: return LoopView::tr("wake-up");
    case trace::HandleKind::FutureCallback: return LoopView::tr("done callback");
    case trace::HandleKind::Callback: return LoopView::tr("callback");
    case trace::HandleKind::Timer: return LoopView::tr("timer callback");
  }
  return {};
}

}  // namespace

LoopView::LoopView(PlaybackController* controller, QWidget* parent)
    : QWidget(parent), controller_(controller) {
  setObjectName(QStringLiteral("loopView"));
  // paintEvent covers every pixel: no background fill first (a full-window
  // fill is a millisecond of a 1080p frame in software).
  setAttribute(Qt::WA_OpaquePaintEvent);
  anim_.setStartValue(0.0);
  anim_.setEndValue(1.0);
  anim_.setEasingCurve(QEasingCurve::InOutCubic);
  connect(&anim_, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
    progress_ = v.toDouble();
    update();
  });
  auto readTrace = [this] {
    const auto& t = controller_->trace();
    options_.axisSpan = t ? LoopLayout::longestTimer(*t) : 0.0;
    queueEvents_ = t ? LoopLayout::queueJoinEvents(*t) : decltype(queueEvents_){};
    folded_.clear();
    for (const auto& qe : queueEvents_) folded_.push_back(qe.second);
    std::sort(folded_.begin(), folded_.end());
    options_.folded = &folded_;
    causalChain_.clear();
    causal_ = {};
  };
  connect(controller_, &PlaybackController::traceChanged, this, readTrace);
  connect(controller_, &PlaybackController::cursorChanged, this, &LoopView::onCursorChanged);
  connect(Theme::instance(), &Theme::changed, this, qOverload<>(&QWidget::update));
  readTrace();
  onCursorChanged(controller_->cursor(), controller_->state());
}

void LoopView::setInternals(bool on) {
  options_.internals = on;
  relayout();
}

void LoopView::setFontScale(double scale) {
  options_.fontScale = scale;
  relayout();
}

void LoopView::setHighContrast(bool on) {
  highContrast_ = on;
  update();
}

double LoopView::stroke() const { return (highContrast_ ? 2.0 : 1.0) * options_.fontScale; }

QFont LoopView::cardFont(double scale, bool bold) const {
  const int px = std::max(8, static_cast<int>(std::lround(layout_.unit() * 0.95 * scale)));
  // QFont's == compares the shared data first: the widget's font is cheap
  // to check, and a changed one (zoom, system font) empties the cache.
  if (!(cardFontBase_ == font())) {
    cardFontBase_ = font();
    cardFonts_.clear();
  }
  for (const CardFont& c : cardFonts_)
    if (c.px == px && c.bold == bold) return c.font;
  QFont f = font();
  f.setPixelSize(px);
  f.setBold(bold);
  cardFonts_.push_back({px, bold, f});
  return f;
}

void LoopView::finishAnimation() {
  anim_.stop();
  progress_ = 1.0;
  motion_ = LoopMotion{};
  update();
}

void LoopView::setProgress(double t) {
  anim_.stop();
  progress_ = std::clamp(t, 0.0, 1.0);
  update();
}

void LoopView::relayout() {
  finishAnimation();
  layout_ = LoopLayout::compute(state_, size(), options_);
  if (!causalChain_.empty() && controller_->trace())
    causal_ = ui::causalGeometry(*controller_->trace(), causalChain_, size(), options_);
  prevLayout_ = layout_;
  update();
}

void LoopView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  relayout();
}

QRectF LoopView::shownRect(const CardGeometry& g) const {
  if (progress_ >= 1.0) return g.rect;
  return motion_.rectAt(g.key, g.rect, progress_);
}

// The cards the event just applied acted on: they pulse before anything moves.
std::vector<std::uint64_t> LoopView::changedKeys(std::size_t cursor) const {
  const auto& tr = controller_->trace();
  if (!tr || cursor == 0 || cursor > tr->size()) return {};
  const trace::Event& e = (*tr)[cursor - 1];
  using K = trace::EventKind;
  switch (e.kind) {
    case K::TimerDue:
    case K::TimerScheduled:
    case K::TimerCancelled: return {LoopLayout::timerKey(e.a)};
    case K::HandleScheduled: return {e.b ? LoopLayout::taskKey(e.b) : LoopLayout::handleKey(e.a)};
    case K::TaskCreated:
    case K::TaskStepBegin:
    case K::TaskSuspended:
    case K::TaskDone: return {LoopLayout::taskKey(e.a)};
    case K::QueuePut:
    case K::QueueGet:
    case K::QueueWaiter:
    case K::QueueWaiterGone: return {LoopLayout::queueKey(e.a)};
    case K::PrimitiveChanged:
    case K::PrimitiveWaiter:
    case K::PrimitiveWaiterGone: {
      for (const auto& qe : queueEvents_)
        if (qe.second == e.a) return {LoopLayout::queueKey(qe.first)};
      return {LoopLayout::primitiveKey(e.a)};
    }
    default: return {};
  }
}

void LoopView::onCursorChanged(std::size_t index, const trace::State& state) {
  const bool glide = controller_->lastMove() == PlaybackController::Move::Step && isVisible();
  // Where each card is on screen right now (mid-glide included) is where its
  // next glide starts.
  std::unordered_map<std::uint64_t, QRectF> now;
  if (glide)
    for (const auto& g : layout_.cards()) now[g.key] = shownRect(g);
  anim_.stop();
  prevState_ = std::move(state_);
  prevLayout_ = std::move(layout_);
  state_ = state;
  layout_ = LoopLayout::compute(state_, size(), options_);
  if (selected_ != 0 && state_.task(selected_) == nullptr) selected_ = 0;

  idleNote_.clear();
  const auto& tr = controller_->trace();
  if (tr && index > 0 && (*tr)[index - 1].kind == trace::EventKind::ClockAdvanced) {
    const double before = glide ? prevState_.clock : tr->stateAt(index - 1).clock;
    idleNote_ = LoopView::tr("idle: %1 → %2").arg(formatTime(before), formatTime(state.clock));
  }

  motion_ = glide ? LoopMotion::plan(now, layout_, changedKeys(index), controller_->speed(), state_.tasks.size())
                 : LoopMotion{};
  if (motion_.animated()) {
    // Cards leaving keep their last place while they fade out.
    for (auto& g : prevLayout_.cards()) {
      auto it = now.find(g.key);
      if (it != now.end()) const_cast<CardGeometry&>(g).rect = it->second;
    }
    progress_ = 0.0;
    anim_.setDuration(std::max(1, motion_.durationMs()));
    anim_.start();
    controller_->holdNextStep(motion_.durationMs());
  } else {
    motion_ = LoopMotion{};
    progress_ = 1.0;
  }
  // A chain drawn for an earlier step would point at cards that moved on.
  if (!causalChain_.empty() && causalChain_.back() + 1 != index) clearCausality();
  update();
}

void LoopView::paintEvent(QPaintEvent*) {
  look_ = spriteLook();
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  // The shaded bands paint their own background: fill only around them
  // (each pixel filled once; a 1080p fill is a millisecond in software).
  QRegion base(rect());
  for (int i = 0; i < static_cast<int>(LoopArea::Count); i += 2)
    if (const QRectF b = layout_.band(static_cast<LoopArea>(i)); !b.isEmpty()) base -= b.toAlignedRect();
  for (const QRect& r : base) p.fillRect(r, palette().base());
  paintClock(p);
  paintBands(p);
  paintAxis(p);
  // Under the cards, so a link crossing another card passes behind it.
  if (progress_ >= 1.0) paintPrimitiveLinks(p);
  std::unordered_set<std::uint64_t> keys;
  keys.reserve(layout_.cards().size());
  for (const auto& g : layout_.cards()) keys.insert(g.key);
  std::unordered_set<std::uint64_t> prevKeys;
  if (progress_ < 1.0) {
    for (const auto& g : prevLayout_.cards()) prevKeys.insert(g.key);
    for (const auto& g : prevLayout_.cards())
      if (!keys.count(g.key)) paintCard(p, g, g.rect, prevState_, 1.0 - progress_);
  }
  for (const auto& g : layout_.cards()) {
    // Cards that were there glide (or stay); new ones fade in.
    const double alpha = (progress_ >= 1.0 || prevKeys.count(g.key)) ? 1.0 : progress_;
    const QRectF r = shownRect(g);
    paintCard(p, g, r, state_, alpha);
    if (progress_ < 1.0) paintPulse(p, g, r);
  }
  sprites_.endFrame();
  if (progress_ >= 1.0) paintCausality(p);
  if (progress_ >= 1.0) paintCallout(p);
  if (!controller_->hasTrace()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.setFont(cardFont(1.2));
    p.drawText(rect(), Qt::AlignCenter, tr("Open a scenario or run a program to see its event loop."));
  }
}

void LoopView::paintClock(QPainter& p) const {
  const QRectF r = layout_.clockRect();
  p.setPen(palette().color(QPalette::Text));
  p.setFont(cardFont(1.9, true));
  const QString clock = tr("t = %1 s · iteration %2").arg(formatTime(state_.clock)).arg(state_.iteration);
  p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, clock);
  QString right = idleNote_;
  if (state_.exitStatus >= 0) right = tr("finished · exit status %1").arg(state_.exitStatus);
  if (!right.isEmpty()) {
    p.setFont(cardFont(1.2, true));
    p.setPen(highContrast_ ? palette().color(QPalette::Text) : Theme::instance()->colors().accent);
    p.drawText(r, Qt::AlignRight | Qt::AlignVCenter, right);
  }
}

// A ring that swells and fades around the card the step acted on.
void LoopView::paintPulse(QPainter& p, const CardGeometry& g, const QRectF& r) const {
  const double k = motion_.pulseAt(g.key, progress_);
  if (k <= 0.0) return;
  const double u = layout_.unit();
  p.save();
  QColor c = Theme::instance()->colors().accent;
  c.setAlphaF(0.85 * k);
  p.setPen(QPen(c, stroke() * (1.5 + 2.5 * k)));
  p.setBrush(Qt::NoBrush);
  const double grow = 0.5 * u * k;
  p.drawRoundedRect(r.adjusted(-grow, -grow, grow, grow), 7, 7);
  p.restore();
}

void LoopView::paintBands(QPainter& p) const {
  const QColor text = palette().color(QPalette::Text);
  QColor shade = palette().color(QPalette::AlternateBase);
  for (int i = 0; i < static_cast<int>(LoopArea::Count); ++i) {
    const auto a = static_cast<LoopArea>(i);
    const QRectF b = layout_.band(a);
    if (b.isEmpty()) continue;
    if (i % 2 == 0) p.fillRect(b.toAlignedRect(), shade);  // whole pixels: a plain fill, no edge blending
    const QRectF lr = layout_.labelRect(a).adjusted(layout_.unit() * 0.3, 0, 0, 0);
    p.setPen(text);
    p.setFont(cardFont(0.95, true));
    QString title = areaTitle(a);
    int count = 0;
    if (a == LoopArea::Ready) count = static_cast<int>(state_.ready.size());
    if (a == LoopArea::Timers) count = static_cast<int>(state_.timers.size());
    if (a == LoopArea::Waiting || a == LoopArea::Done)
      for (const auto& t : state_.tasks)
        count += (t.state == (a == LoopArea::Waiting ? trace::TaskState::Waiting : trace::TaskState::Done));
    p.drawText(lr.adjusted(0, layout_.unit() * 0.3, 0, 0), Qt::AlignLeft | Qt::AlignTop, title);
    if (count > 0) {
      p.setFont(cardFont(0.8));
      p.drawText(lr.adjusted(0, layout_.unit() * 1.5, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                 tr("%n item(s)", nullptr, count));
    }
    if (a == LoopArea::Ready && !state_.ready.empty()) {
      p.setFont(cardFont(0.75));
      p.setPen(palette().color(QPalette::PlaceholderText));
      p.drawText(lr.adjusted(0, layout_.unit() * 2.6, 0, 0), Qt::AlignLeft | Qt::AlignTop, tr("front ◀"));
    }
  }
  // The one-thread reminder beside the running slot.
  const QRectF rb = layout_.band(LoopArea::Running);
  p.setFont(cardFont(0.9));
  p.setPen(palette().color(QPalette::PlaceholderText));
  const double x = layout_.labelRect(LoopArea::Running).right() + 15.5 * layout_.unit();
  p.drawText(QRectF(x, rb.top(), std::max(0.0, rb.right() - x), rb.height()),
             Qt::AlignLeft | Qt::AlignVCenter,
             state_.running ? tr("one thread: one task at a time") : tr("nobody is running: the loop itself has the thread"));
}

void LoopView::paintAxis(QPainter& p) const {
  const QRectF ax = layout_.axisRect();
  const QColor text = palette().color(QPalette::Text);
  p.setPen(QPen(text, stroke() * 1.5));
  const double y = ax.center().y();
  p.drawLine(QPointF(ax.left(), y), QPointF(ax.right(), y));
  // Arrow head and the "t" at the end.
  const double u = layout_.unit();
  QPainterPath head;
  head.moveTo(ax.right() + 0.6 * u, y);
  head.lineTo(ax.right(), y - 0.3 * u);
  head.lineTo(ax.right(), y + 0.3 * u);
  head.closeSubpath();
  p.fillPath(head, text);
  // Ticks at round steps, labelled with absolute virtual time; the layout
  // chose how many fit.
  p.setFont(cardFont(0.8));
  for (std::size_t k = 0; k < layout_.ticks().size(); ++k) {
    const AxisTick& tick = layout_.ticks()[k];
    p.drawLine(QPointF(tick.x, y - 0.25 * u), QPointF(tick.x, y + 0.25 * u));
    const QString label = k == 0 ? tr("now %1").arg(formatTime(tick.t)) : formatTime(tick.t);
    const Qt::Alignment align = k == 0 ? Qt::AlignLeft : tick.label.center().x() < tick.x - 1 ? Qt::AlignRight
                                                     : tick.label.center().x() > tick.x + 1  ? Qt::AlignLeft
                                                                                             : Qt::AlignHCenter;
    p.drawText(tick.label, align | Qt::AlignTop, label);
  }
  // Every timer gets a tick, even those summarized: the density is the point.
  int drawn = 0;
  for (const auto& t : state_.timers) {
    if (++drawn > 2000) break;  // level of detail: beyond this, ticks are a solid band
    const int ord = taskOrdinal(state_, t.task);
    p.setPen(QPen(ord >= 0 ? taskColor(ord) : text, stroke() * 2));
    const double x = layout_.timeToX(t.when);
    p.drawLine(QPointF(x, y - 0.5 * u), QPointF(x, y + 0.1 * u));
  }
}

void LoopView::paintCard(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s,
                         double alpha) const {
  p.save();
  p.setOpacity(alpha);
  switch (g.kind) {
    case CardGeometry::Kind::Task: paintTaskCard(p, g, r, s); break;
    case CardGeometry::Kind::Handle: paintHandleCard(p, g, r, s); break;
    case CardGeometry::Kind::Timer: paintTimer(p, g, r, s); break;
    case CardGeometry::Kind::Queue: paintQueue(p, g, r, s); break;
    case CardGeometry::Kind::Primitive: paintPrimitive(p, g, r, s); break;
    case CardGeometry::Kind::More: {
      p.setPen(QPen(palette().color(QPalette::Text), stroke(), Qt::DotLine));
      p.setBrush(Qt::NoBrush);
      if (r.height() > layout_.unit()) p.drawRoundedRect(r, 4, 4);
      p.setFont(cardFont(0.9, true));
      text_.draw(p, r, Qt::AlignCenter, tr("+%1 more").arg(g.hidden));
      break;
    }
  }
  p.restore();
}

QString LoopView::spriteLook() const {
  // Everything a card body's pixels depend on besides its own key.
  return QStringLiteral("|%1|%2|%3|%4|%5")
      .arg(palette().cacheKey())
      .arg(font().key())
      .arg(options_.fontScale)
      .arg(highContrast_ ? 1 : 0)
      .arg(layout_.unit());
}

double LoopView::spriteMargin() const { return std::ceil(2.0 * stroke()) + 1.0; }

void LoopView::paintTaskCard(QPainter& p, const CardGeometry& g, const QRectF& r,
                             const trace::State& s) const {
  const trace::TaskView* t = s.task(g.id);
  const auto& tr_ = controller_->trace();
  if (!t || !tr_) return;
  const int ord = taskOrdinal(s, t->id);
  const QColor c = taskColor(ord);
  const QColor text = palette().color(QPalette::Text);
  const double u = layout_.unit();
  const QString title = taskTitle(*tr_, *t);
  QString caption;
  QColor captionPen = text;
  switch (g.area) {
    case LoopArea::Running:
      captionPen = textOn(c);
      caption = t->line ? tr("▶ running · line %1").arg(t->line) : tr("▶ running");
      break;
    case LoopArea::Waiting:
      caption = tr("◆ waiting at line %1").arg(t->line);
      break;
    case LoopArea::Done: {
      const QString res = traceString(*tr_, t->result);
      if (t->outcome == trace::FutureState::Failed) caption = tr("✗ %1").arg(res);
      else if (t->outcome == trace::FutureState::Cancelled) caption = tr("⊘ cancelled");
      else caption = tr("✓ %1").arg(res.isEmpty() ? QStringLiteral("None") : res);
      break;
    }
    default:
      break;
  }
  // The arrow to what a waiting task awaits, right of the card.
  if (g.area == LoopArea::Waiting && !g.extra.isEmpty()) paintAwaits(p, g, r, s, *t, c);

  const bool oneLine = layout_.compact() && g.area != LoopArea::Running;
  // Compact cards say who and what state in one line: the body holds it all.
  const QString bodyText = oneLine ? taskShortName(*tr_, *t) + QLatin1Char(' ') + caption.left(1) : title;
  const QString key = QStringLiteral("task|%1|%2|%3|").arg(static_cast<int>(g.area)).arg(c.rgba()).arg(oneLine) +
                      bodyText + look_;
  sprites_.draw(p, r, spriteMargin(), key, [&](QPainter& sp, const QRectF& sr) {
    paintTaskBody(sp, sr, g.area, c, oneLine, bodyText);
  });
  if (oneLine) return;
  const QRectF inner = r.adjusted(0.5 * u, 0.2 * u, -0.4 * u, -0.2 * u);
  const QRectF bottom(inner.left(), inner.center().y(), inner.width(), inner.height() / 2);
  p.save();
  if (g.area == LoopArea::Done) p.setOpacity(p.opacity() * 0.75);
  p.setPen(captionPen);
  p.setFont(cardFont(0.85));
  text_.draw(p, bottom, Qt::AlignLeft | Qt::AlignVCenter, caption);
  p.restore();
}

void LoopView::paintTaskBody(QPainter& p, const QRectF& r, LoopArea area, const QColor& c, bool oneLine,
                             const QString& bodyText) const {
  const QColor text = palette().color(QPalette::Text);
  const double u = layout_.unit();
  switch (area) {
    case LoopArea::Running:
      p.setPen(QPen(highContrast_ ? text : c.darker(160), stroke() * 3.5));
      p.setBrush(c);
      p.drawRoundedRect(r, 6, 6);
      p.setPen(textOn(c));
      break;
    case LoopArea::Waiting: {
      QColor fill = c;
      fill.setAlphaF(0.14);
      p.setBrush(fill);
      p.setPen(QPen(c.darker(120), stroke() * 2, Qt::DashLine));
      p.drawRoundedRect(r, 6, 6);
      p.setPen(text);
      break;
    }
    case LoopArea::Done:
      p.setOpacity(0.75);
      p.setBrush(palette().color(QPalette::Window));
      p.setPen(QPen(c, stroke() * 1.5));
      p.drawRoundedRect(r, 6, 6);
      p.setPen(text);
      break;
    default:
      p.setPen(QPen(c, stroke() * 2));
      p.setBrush(palette().color(QPalette::Base));
      p.drawRoundedRect(r, 6, 6);
      p.setPen(text);
      break;
  }
  // A colour stripe on the left: the task's colour even where the card is pale.
  if (area != LoopArea::Running) p.fillRect(QRectF(r.left() + 1, r.top() + 3, 0.3 * u, r.height() - 6), c);
  p.setFont(cardFont(oneLine ? 0.85 : 1.0, true));
  const QRectF inner = r.adjusted(0.5 * u, 0.2 * u, -0.4 * u, -0.2 * u);
  const QRectF line = oneLine ? inner : QRectF(inner.left(), inner.top(), inner.width(), inner.height() / 2);
  text_.draw(p, line, Qt::AlignLeft | Qt::AlignVCenter, bodyText);
}

void LoopView::paintAwaits(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s,
                           const trace::TaskView& t, const QColor& c) const {
  const auto& tr_ = controller_->trace();
  const double u = layout_.unit();
  QString what = traceString(*tr_, t.awaitingLabel);
  if (what.isEmpty()) what = futureCaption(*tr_, s, t.awaiting);
  for (const auto& tm : s.timers)
    if (tm.task == t.id && !tm.cancelled) {
      what += tr(" · timer %1").arg(formatTime(tm.when));
      break;
    }
  if (options_.internals) {
    if (const auto* f = s.future(t.awaiting); f && !f->callbacks.empty())
      what += tr(" · on done: %1").arg(traceString(*tr_, f->callbacks.front()));
  }
  const QRectF e = g.extra.translated(r.topLeft() - g.rect.topLeft());
  const double y = e.center().y();
  const double ax0 = e.left() + 0.3 * u, ax1 = e.left() + 2.2 * u;
  p.save();
  // Every arrow of a colour is the same picture: painted once (a path fill
  // per waiting task was a tenth of a frame with 1,000 tasks).
  const QRectF arrow(ax0, y - 0.3 * u, ax1 + 0.5 * u - ax0, 0.6 * u);
  sprites_.draw(p, arrow, spriteMargin(), QStringLiteral("awaits|%1").arg(c.rgba()) + look_,
                [&](QPainter& sp, const QRectF& a) {
                  const double ay = a.center().y(), tip = a.right(), base = tip - 0.5 * u;
                  sp.setPen(QPen(c.darker(130), stroke() * 1.6));
                  sp.drawLine(QPointF(a.left(), ay), QPointF(base, ay));
                  QPainterPath head;
                  head.moveTo(tip, ay);
                  head.lineTo(base, ay - 0.3 * u);
                  head.lineTo(base, ay + 0.3 * u);
                  head.closeSubpath();
                  sp.fillPath(head, c.darker(130));
                });
  p.setPen(palette().color(QPalette::Text));
  p.setFont(cardFont(layout_.compact() ? 0.8 : 0.9));
  const QRectF lr(ax1 + 0.8 * u, e.top(), std::max(0.0, e.right() - ax1 - 1.0 * u), e.height());
  text_.draw(p, lr, Qt::AlignLeft | Qt::AlignVCenter, tr("awaits %1").arg(what), layout_.compact() ? 1 : 2);
  p.restore();
}

void LoopView::paintHandleCard(QPainter& p, const CardGeometry& g, const QRectF& r,
                               const trace::State& s) const {
  const auto& tr_ = controller_->trace();
  const trace::HandleView* h = s.handle(g.id);
  if (!h || !tr_) return;
  const double u = layout_.unit();
  const int ord = h->task ? taskOrdinal(s, h->task) : -1;
  const QColor c = ord >= 0 ? taskColor(ord) : palette().color(QPalette::Mid);
  const QColor text = palette().color(QPalette::Text);
  // FIFO position, front first.
  int pos = 1;
  for (const auto& x : s.ready) {
    if (x.id == h->id) break;
    ++pos;
  }
  QString title, caption;
  const QString label = traceString(*tr_, h->label);
  if (h->task) {
    const trace::TaskView* t = s.task(h->task);
    title = t ? taskTitle(*tr_, *t) : label;
    caption = options_.internals ? label : handleKindWord(h->kind);
  } else {
    title = label;
    caption = handleKindWord(h->kind);
  }
  if (h->cancelled) caption = tr("cancelled: will be skipped");
  caption = QStringLiteral("#%1 · %2").arg(pos).arg(caption);
  const bool compact = layout_.compact();
  // The body (frame, stripe, title) stays while the handle moves up the
  // queue; the position changes every step, so it is drawn on top.
  const QString key = QStringLiteral("handle|%1|%2|%3|").arg(c.rgba()).arg(ord >= 0).arg(h->task ? 1 : 0) +
                      (compact ? QString() : title) + look_;
  sprites_.draw(p, r, spriteMargin(), key, [&](QPainter& sp, const QRectF& sr) {
    sp.setPen(QPen(ord >= 0 ? c : text, stroke() * 2, h->task ? Qt::SolidLine : Qt::DashDotLine));
    sp.setBrush(palette().color(QPalette::Base));
    sp.drawRoundedRect(sr, 6, 6);
    if (ord >= 0) sp.fillRect(QRectF(sr.left() + 1, sr.top() + 3, 0.3 * u, sr.height() - 6), c);
    if (compact) return;
    sp.setPen(text);
    sp.setFont(cardFont(1.0, true));
    const QRectF in = sr.adjusted(0.5 * u, 0.2 * u, -0.4 * u, -0.2 * u);
    text_.draw(sp, QRectF(in.left(), in.top(), in.width(), in.height() / 2), Qt::AlignLeft | Qt::AlignVCenter, title);
  });
  const QRectF inner = r.adjusted(0.5 * u, 0.2 * u, -0.4 * u, -0.2 * u);
  p.setPen(text);
  if (compact) {
    p.setFont(cardFont(0.85, true));
    text_.draw(p, inner, Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("%1 %2").arg(pos).arg(h->task ? taskShortName(*tr_, s, h->task) : label));
    return;
  }
  const QRectF bottom(inner.left(), inner.center().y(), inner.width(), inner.height() / 2);
  p.setFont(cardFont(0.85));
  text_.draw(p, bottom, Qt::AlignLeft | Qt::AlignVCenter, caption);
  if (h->cancelled) {
    p.setPen(QPen(text, stroke()));
    p.drawLine(r.topLeft(), r.bottomRight());
  }
}

void LoopView::paintTimer(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s) const {
  const auto& tr_ = controller_->trace();
  const trace::TimerView* t = s.timer(g.id);
  if (!t || !tr_) return;
  const double u = layout_.unit();
  const int ord = t->task ? taskOrdinal(s, t->task) : -1;
  const QColor c = ord >= 0 ? taskColor(ord) : palette().color(QPalette::Text);
  // Countdown bar: from now to the deadline, so it shrinks as the clock moves.
  if (!g.extra.isEmpty() && r == g.rect) {
    QColor bar = c;
    bar.setAlphaF(0.35);
    p.fillRect(g.extra, bar);
  }
  const double x = layout_.timeToX(t->when);
  if (r == g.rect && g.hidden == 0) {
    p.setPen(QPen(c.darker(120), stroke() * 1.5));
    p.drawLine(QPointF(x, r.bottom()), QPointF(x, layout_.axisRect().center().y()));
    p.setBrush(c);
    p.drawEllipse(QPointF(x, layout_.axisRect().center().y()), 0.35 * u, 0.35 * u);
  }
  p.setPen(QPen(c.darker(120), stroke() * 1.5));
  p.setBrush(palette().color(QPalette::Base));
  p.drawRoundedRect(r, 4, 4);
  p.setPen(palette().color(QPalette::Text));
  p.setFont(cardFont(0.85, true));
  const QString who = t->task ? taskShortName(*tr_, s, t->task) : traceString(*tr_, t->label);
  QString text = tr("%1 at %2").arg(who, formatTime(t->when));
  if (t->cancelled) text = tr("%1 (cancelled)").arg(text);
  if (g.hidden > 0) {
    // A cluster: how many, and the deadlines it spans, bracketed on the axis.
    // Short times: a cluster label has one line for count and span.
    text = g.from == g.to ? tr("%1 timers at %2").arg(g.hidden + 1).arg(QString::number(g.from, 'g', 4))
                          : tr("%1 timers %2–%3").arg(g.hidden + 1).arg(QString::number(g.from, 'g', 4),
                                                                        QString::number(g.to, 'g', 4));
    if (r == g.rect) {
      const double yb = layout_.axisRect().center().y() - 0.55 * u;
      const double x0 = layout_.timeToX(g.from), x1 = std::max(x0 + 2.0, layout_.timeToX(g.to));
      p.setPen(QPen(palette().color(QPalette::Text), stroke() * 1.2));
      p.drawLine(QPointF(x0, yb), QPointF(x1, yb));
      p.drawLine(QPointF(x0, yb), QPointF(x0, yb + 0.3 * u));
      p.drawLine(QPointF(x1, yb), QPointF(x1, yb + 0.3 * u));
      p.drawLine(QPointF(std::clamp((x0 + x1) / 2, r.left(), r.right()), r.bottom()), QPointF((x0 + x1) / 2, yb));
    }
  }
  text_.draw(p, r.adjusted(0.3 * u, 0, -0.2 * u, 0), Qt::AlignCenter, text);
}

void LoopView::paintQueue(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s) const {
  const auto& tr_ = controller_->trace();
  const trace::QueueView* q = s.queue(g.id);
  if (!q || !tr_) return;
  const double u = layout_.unit();
  const QColor text = palette().color(QPalette::Text);
  auto names = [&](const std::vector<trace::Id>& ids) {
    QStringList l;
    for (std::size_t i = 0; i < ids.size() && i < 3; ++i) l << taskShortName(*tr_, s, ids[i]);
    if (ids.size() > 3) l << tr("+%1").arg(ids.size() - 3);
    return l.join(QStringLiteral(", "));
  };
  const double side = std::min(12.0 * u, r.width() * 0.22);
  const QRectF getters(r.left(), r.top(), side, r.height());
  const QRectF putters(r.right() - side, r.top(), side, r.height());
  const QRectF pipe = r.adjusted(side + 0.5 * u, 0.3 * u, -side - 0.5 * u, -0.3 * u);
  p.setFont(cardFont(0.8));
  p.setPen(text);
  QString label = traceString(*tr_, q->label);
  if (label.isEmpty()) label = QStringLiteral("Queue");
  if (q->maxsize) label += tr(" (max %1)").arg(q->maxsize);
  p.drawText(getters, Qt::AlignLeft | Qt::AlignTop, label);
  if (!q->getters.empty()) p.drawText(getters, Qt::AlignLeft | Qt::AlignBottom, tr("get ◀ %1").arg(names(q->getters)));
  if (!q->putters.empty()) p.drawText(putters, Qt::AlignRight | Qt::AlignBottom, tr("%1 ▶ put").arg(names(q->putters)));
  if (options_.internals) {
    // The queue's own Event (join/task_done bookkeeping) lives here, not in
    // a box of its own: it is part of the queue.
    QString join = tr("unfinished %1").arg(q->unfinished);
    for (const auto& qe : queueEvents_)
      if (qe.first == q->id)
        if (const trace::PrimitiveView* ev = s.primitive(qe.second))
          join += ev->value ? tr(" · _finished set") : tr(" · _finished not set");
    if (!q->joiners.empty()) join += tr(" · join waiters: %1").arg(names(q->joiners));
    p.drawText(putters, Qt::AlignRight | Qt::AlignTop,
               p.fontMetrics().elidedText(join, Qt::ElideRight, static_cast<int>(side)));
  }
  // The pipe and the chips are the same pictures frame after frame: painted
  // once each (the pipe is a third of the window wide: a large antialiased
  // fill), then blitted.
  sprites_.draw(p, pipe, spriteMargin(), QStringLiteral("pipe") + look_, [&](QPainter& sp, const QRectF& pr) {
    sp.setPen(QPen(text, stroke() * 2));
    sp.setBrush(palette().color(QPalette::AlternateBase));
    sp.drawRoundedRect(pr, pr.height() / 2, pr.height() / 2);
  });
  // Items as chips, front (next get) on the left.
  p.setFont(cardFont(0.8, true));
  double x = pipe.left() + 0.6 * u;
  const double chipH = pipe.height() - 0.5 * u;
  // Room at the end for "+N more", however many digits N has.
  const double moreW = text_.advance(p, tr("+%1 more").arg(q->items.size())) + 0.6 * u;
  for (std::size_t i = 0; i < q->items.size(); ++i) {
    const QString item = traceString(*tr_, q->items[i]);
    // Whole pixels, so chips of one width share one picture.
    const double w = std::ceil(std::min(8.0 * u, text_.advance(p, item) + 1.0 * u));
    if (x + w > pipe.right() - std::max(4.0 * u, moreW)) {
      text_.draw(p, QRectF(x, pipe.top(), pipe.right() - x, pipe.height()), Qt::AlignVCenter | Qt::AlignLeft,
                 tr("+%1 more").arg(q->items.size() - i));
      break;
    }
    const QRectF chip(x, pipe.top() + 0.25 * u, w, chipH);
    sprites_.draw(p, chip, spriteMargin(), QStringLiteral("chip|") + item + look_, [&](QPainter& sp, const QRectF& cr) {
      sp.setPen(QPen(text, stroke() * 2));
      sp.setBrush(palette().color(QPalette::Base));
      sp.drawRoundedRect(cr, 3, 3);
      text_.draw(sp, cr.adjusted(0.2 * u, 0, -0.2 * u, 0), Qt::AlignCenter, item);
    });
    x += w + 0.3 * u;
  }
}

void LoopView::paintPrimitive(QPainter& p, const CardGeometry& g, const QRectF& r, const trace::State& s) const {
  const auto& tr_ = controller_->trace();
  const trace::PrimitiveView* pv = s.primitive(g.id);
  if (!pv || !tr_) return;
  const double u = layout_.unit();
  const QColor text = palette().color(QPalette::Text);
  QString kind;
  QString value;
  switch (pv->kind) {
    case trace::PrimitiveKind::Lock:
      kind = QStringLiteral("Lock");
      value = pv->value ? tr("locked") : tr("unlocked");
      if (pv->value) {
        if (const trace::Id holder = lockHolder(*tr_, s.index, pv->id))
          value = tr("held by %1").arg(taskShortName(*tr_, s, holder));
      }
      break;
    case trace::PrimitiveKind::Event:
      kind = QStringLiteral("Event");
      value = pv->value ? tr("set") : tr("not set");
      break;
    case trace::PrimitiveKind::Semaphore:
    case trace::PrimitiveKind::BoundedSemaphore:
      kind = pv->kind == trace::PrimitiveKind::Semaphore ? QStringLiteral("Semaphore") : QStringLiteral("BoundedSemaphore");
      value = tr("value %1").arg(pv->value);
      break;
    case trace::PrimitiveKind::Condition:
      kind = QStringLiteral("Condition");
      value = pv->value ? tr("locked") : tr("unlocked");
      break;
  }
  QString label = traceString(*tr_, pv->label);
  if (label.isEmpty()) label = kind;
  // Locked / no permits: a warm fill says "blocking" at a glance.
  const bool blocking = (pv->kind == trace::PrimitiveKind::Event) ? pv->value == 0
                        : (pv->kind == trace::PrimitiveKind::Semaphore ||
                           pv->kind == trace::PrimitiveKind::BoundedSemaphore)
                            ? pv->value == 0
                            : pv->value != 0;
  p.setPen(QPen(text, stroke() * 1.5));
  p.setBrush(blocking ? (highContrast_ ? palette().color(QPalette::Base) : Theme::instance()->colors().blockingFill)
                    : palette().color(QPalette::AlternateBase));
  p.drawRect(r);
  QStringList waiters;
  for (std::size_t i = 0; i < pv->waiters.size() && i < 3; ++i) waiters << taskShortName(*tr_, s, pv->waiters[i]);
  if (pv->waiters.size() > 3) waiters << tr("+%1").arg(pv->waiters.size() - 3);
  const QRectF inner = r.adjusted(0.4 * u, 0.1 * u, -0.3 * u, -0.1 * u);
  p.setPen(text);
  const QString top = QStringLiteral("%1 · %2").arg(label, value);
  const QString bottom = waiters.isEmpty() ? tr("no waiters") : tr("waiters: %1").arg(waiters.join(QStringLiteral(", ")));
  if (layout_.compact()) {
    p.setFont(cardFont(0.8, true));
    p.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(top + QStringLiteral(" · ") + bottom, Qt::ElideRight, static_cast<int>(inner.width())));
    return;
  }
  const QRectF a(inner.left(), inner.top(), inner.width(), inner.height() / 2);
  const QRectF b(inner.left(), inner.center().y(), inner.width(), inner.height() / 2);
  p.setFont(cardFont(0.85, true));
  p.drawText(a, Qt::AlignLeft | Qt::AlignVCenter, p.fontMetrics().elidedText(top, Qt::ElideRight, static_cast<int>(a.width())));
  p.setFont(cardFont(0.8));
  p.drawText(b, Qt::AlignLeft | Qt::AlignVCenter, p.fontMetrics().elidedText(bottom, Qt::ElideRight, static_cast<int>(b.width())));
}

// A dotted line from each waiting task's card to the primitive it waits on.
void LoopView::paintPrimitiveLinks(QPainter& p) const {
  p.save();
  for (const auto& g : layout_.cards()) {
    if (g.kind != CardGeometry::Kind::Primitive) continue;
    const trace::PrimitiveView* pv = state_.primitive(g.id);
    if (!pv) continue;
    for (trace::Id w : pv->waiters) {
      for (const auto& c : layout_.cards()) {
        if (c.kind != CardGeometry::Kind::Task || c.id != w || c.area != LoopArea::Waiting) continue;
        const QColor col = taskColor(taskOrdinal(state_, w)).darker(130);
        p.setPen(QPen(col, stroke() * 1.4, Qt::DotLine));
        // From the end of the card's "awaits ..." cell, so the line does not cross its words.
        const QRectF cell = c.extra.isEmpty() ? c.rect : c.rect.united(c.extra);
        const QPointF from(cell.right(), cell.center().y());
        const QPointF to(g.rect.left(), g.rect.center().y());
        QPainterPath path(from);
        path.cubicTo(QPointF((from.x() + to.x()) / 2, from.y()), QPointF((from.x() + to.x()) / 2, to.y()), to);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setBrush(col);
        p.drawEllipse(to, 0.18 * layout_.unit(), 0.18 * layout_.unit());
      }
    }
  }
  p.restore();
}

QString LoopView::selectedWhy() const {
  const auto& tr_ = controller_->trace();
  if (selected_ == 0 || !tr_) return {};
  return whyNotRunning(*tr_, state_, selected_);
}

void LoopView::selectTask(trace::Id task) {
  selected_ = task;
  update();
  if (task != 0) emit taskSelected(task, selectedWhy());
}

void LoopView::mousePressEvent(QMouseEvent* event) {
  const QPointF at = event->position();
  trace::Id hit = 0;
  for (const auto& g : layout_.cards()) {
    if (!g.rect.contains(at)) continue;
    if (g.kind == CardGeometry::Kind::Task) hit = g.id;
    // A task's handle in READY stands for the task too.
    if (g.kind == CardGeometry::Kind::Handle)
      if (const auto* h = state_.handle(g.id); h && h->task) hit = h->task;
  }
  selectTask(hit == selected_ ? 0 : hit);
  QWidget::mousePressEvent(event);
}

// The answer next to the selected card, so the eye need not leave the card.
void LoopView::paintCallout(QPainter& p) const {
  if (selected_ == 0) return;
  const QString why = selectedWhy();
  QRectF card;
  for (const auto& g : layout_.cards()) {
    if (g.kind == CardGeometry::Kind::Task && g.id == selected_) card = g.rect;
    if (card.isNull() && g.kind == CardGeometry::Kind::Handle)
      if (const auto* h = state_.handle(g.id); h && h->task == selected_) card = g.rect;
  }
  if (card.isNull() || why.isEmpty()) return;
  const double u = layout_.unit();
  p.save();
  p.setFont(cardFont(0.9));
  const double w = std::min(26.0 * u, width() - 2.0 * u);
  const QRectF bounds = p.fontMetrics().boundingRect(QRectF(0, 0, w - u, 1e4).toRect(), Qt::TextWordWrap, why);
  const double h = bounds.height() + 0.8 * u;
  double x = std::clamp(card.left(), 0.5 * u, width() - w - 0.5 * u);
  double y = card.bottom() + 0.4 * u;
  if (y + h > height()) y = std::max(0.0, card.top() - h - 0.4 * u);
  const QRectF box(x, y, w, h);
  p.setPen(QPen(palette().color(QPalette::ToolTipText), stroke() * 1.5));
  p.setBrush(palette().color(QPalette::ToolTipBase));
  p.drawRoundedRect(box, 5, 5);
  p.setPen(QPen(taskColor(taskOrdinal(state_, selected_)).darker(120), stroke() * 3));
  p.setBrush(Qt::NoBrush);
  p.drawRoundedRect(card.adjusted(-2, -2, 2, 2), 7, 7);
  p.setPen(palette().color(QPalette::ToolTipText));
  p.drawText(box.adjusted(0.5 * u, 0.4 * u, -0.5 * u, -0.4 * u), Qt::TextWordWrap, why);
  p.restore();
}

}  // namespace ui
