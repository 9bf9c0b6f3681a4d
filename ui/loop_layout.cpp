// loop_layout.cpp: band heights, card rows and the timer axis (see loop_layout.h).
#include "ui/loop_layout.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

struct Item {
  CardGeometry::Kind kind;
  trace::Id id;
  std::uint64_t key;
};

// Lays `items` out in rows of `perRow` cells inside `area`; when they do not
// fit, the last visible cell becomes a "+N more" card.
void placeRows(std::vector<CardGeometry>& out, LoopArea area, const std::vector<Item>& items,
               const QRectF& box, double cellW, double cardW, double cardH, double gap,
               bool withExtra) {
  if (items.empty() || box.width() <= 0 || box.height() <= 0) return;
  const int perRow = std::max(1, static_cast<int>((box.width() + gap) / (cellW + gap)));
  const int rows = std::max(1, static_cast<int>((box.height() + gap) / (cardH + gap)));
  const std::size_t capacity = static_cast<std::size_t>(perRow) * static_cast<std::size_t>(rows);
  const bool overflow = items.size() > capacity;
  const std::size_t shown = overflow ? capacity - 1 : items.size();
  auto cell = [&](std::size_t i) {
    const int r = static_cast<int>(i) / perRow, c = static_cast<int>(i) % perRow;
    return QPointF(box.left() + c * (cellW + gap), box.top() + r * (cardH + gap));
  };
  for (std::size_t i = 0; i < shown; ++i) {
    CardGeometry g;
    g.kind = items[i].kind;
    g.area = area;
    g.id = items[i].id;
    g.key = items[i].key;
    const QPointF p = cell(i);
    g.rect = QRectF(p, QSizeF(cardW, cardH));
    if (withExtra) g.extra = QRectF(p.x() + cardW, p.y(), cellW - cardW, cardH);
    out.push_back(g);
  }
  if (overflow) {
    CardGeometry g;
    g.kind = CardGeometry::Kind::More;
    g.area = area;
    g.hidden = static_cast<int>(items.size() - shown);
    g.key = LoopLayout::moreKey(area);
    g.rect = QRectF(cell(shown), QSizeF(cardW, cardH));
    out.push_back(g);
  }
}

int rowsFor(std::size_t n, double width, double cellW, double gap) {
  if (n == 0) return 1;
  const int perRow = std::max(1, static_cast<int>((width + gap) / (cellW + gap)));
  return static_cast<int>((n + static_cast<std::size_t>(perRow) - 1) / static_cast<std::size_t>(perRow));
}

// A round axis end: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k.
double niceCeil(double x) {
  if (x <= 0) return 1.0;
  const double p = std::pow(10.0, std::floor(std::log10(x)));
  for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
    if (m * p >= x - 1e-12) return m * p;
  return 10.0 * p;
}

}  // namespace

double LoopLayout::longestTimer(const trace::Trace& trace) {
  double clock = 0.0, longest = 0.0;
  for (const trace::Event& e : trace.events()) {
    if (e.kind == trace::EventKind::ClockAdvanced) clock = e.d;
    else if (e.kind == trace::EventKind::LoopBlocked) clock += e.d;
    else if (e.kind == trace::EventKind::TimerScheduled) longest = std::max(longest, e.d - clock);
  }
  return longest;
}

std::vector<std::pair<trace::Id, trace::Id>> LoopLayout::queueJoinEvents(const trace::Trace& trace) {
  std::vector<std::pair<trace::Id, trace::Id>> out;
  const std::size_t n = trace.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const trace::Event& q = trace[i];
    const trace::Event& e = trace[i + 1];
    if (q.kind == trace::EventKind::QueueCreated && e.kind == trace::EventKind::PrimitiveCreated &&
        static_cast<trace::PrimitiveKind>(e.flags) == trace::PrimitiveKind::Event)
      out.emplace_back(q.a, e.a);
  }
  return out;
}

QRectF LoopLayout::labelRect(LoopArea area) const {
  const QRectF b = band(area);
  return QRectF(b.left(), b.top(), labelWidth_, b.height());
}

const CardGeometry* LoopLayout::primitiveCard(trace::Id id) const {
  for (const auto& c : cards_)
    if (c.kind == CardGeometry::Kind::Primitive && c.id == id) return &c;
  return nullptr;
}

int LoopLayout::hiddenCount(LoopArea area) const {
  int n = 0;
  for (const auto& c : cards_)
    if (c.area == area && c.kind == CardGeometry::Kind::More) n += c.hidden;
  return n;
}

double LoopLayout::timeToX(double t) const {
  if (t1_ <= t0_) return axis_.left();
  const double f = std::clamp((t - t0_) / (t1_ - t0_), 0.0, 1.0);
  return axis_.left() + f * axis_.width();
}

LoopLayout LoopLayout::compute(const trace::State& s, QSizeF size, const LoopLayoutOptions& o) {
  // Presenter fonts in a small pane may not fit: shrink the unit until every
  // band and card is inside the view (a few tries; each is O(items)).
  // A big pane (1920x1080, a projector) gets bigger text and cards rather
  // than empty space: the unit grows with the pane, up to 1.6x.
  const double grow = std::clamp(std::min(size.width() / 900.0, size.height() / 470.0), 1.0, 1.6);
  double u = o.unit * o.fontScale * grow;
  const QRectF view(QPointF(0, 0), size);
  LoopLayout L;
  for (int attempt = 0; attempt < 8; ++attempt, u *= 0.85) {
    L = computeWithUnit(s, size, o, u);
    bool fits = true;
    for (int a = 0; a < static_cast<int>(LoopArea::Count) && fits; ++a)
      fits = L.bands_[a].isEmpty() || L.bands_[a].bottom() <= size.height() + 0.01;
    for (const auto& c : L.cards_) {
      if (!fits) break;
      fits = view.contains(c.rect) && (c.extra.isEmpty() || view.contains(c.extra));
    }
    if (fits) break;
  }
  return L;
}

// Timer labels in two lanes above the axis, tick labels under it. A label
// that fits in no lane joins the label placed last (the nearest deadline
// before it, as timers go in deadline order): labels never move once placed,
// so none can overlap, and every timer is in exactly one label.
void LoopLayout::placeTimers(LoopLayout& L, const trace::State& s, const QRectF& timerBox, double gap) {
  const double u = L.unit_;
  const double labelW = (L.compact_ ? 8.5 : 9.5) * u, labelH = 1.4 * u;
  std::vector<const trace::TimerView*> order;
  order.reserve(s.timers.size());
  for (const auto& t : s.timers) order.push_back(&t);
  std::stable_sort(order.begin(), order.end(),
                   [](const trace::TimerView* a, const trace::TimerView* b) { return a->when < b->when; });
  double laneEnd[2] = {-1e300, -1e300};
  std::size_t lastPlaced = L.cards_.size();
  for (const trace::TimerView* t : order) {
    const double x = L.timeToX(t->when);
    const double lx = std::clamp(x - labelW / 2, timerBox.left(), timerBox.right() - labelW);
    int lane = -1;
    for (int k = 0; k < 2; ++k)
      if (lx >= laneEnd[k] + gap / 2) {
        lane = k;
        break;
      }
    if (lane < 0 && lastPlaced < L.cards_.size()) {
      CardGeometry& c = L.cards_[lastPlaced];
      ++c.hidden;
      c.to = std::max(c.to, t->when);
      continue;
    }
    if (lane < 0) lane = 0;  // unreachable: the first label always fits
    laneEnd[lane] = lx + labelW;
    CardGeometry g;
    g.kind = CardGeometry::Kind::Timer;
    g.area = LoopArea::Timers;
    g.id = t->id;
    g.key = timerKey(t->id);
    g.from = g.to = t->when;
    g.rect = QRectF(lx, timerBox.top() + lane * (labelH + 0.2 * u), labelW, labelH);
    g.extra = QRectF(L.axis_.left(), L.axis_.top() - 0.25 * u, std::max(0.0, x - L.axis_.left()), 0.5 * u);
    lastPlaced = L.cards_.size();
    L.cards_.push_back(g);
  }
  // Ticks: as many round steps as their labels have room for (at most 5).
  const double tickW = 5.0 * u;
  const int steps = std::clamp(static_cast<int>(L.axis_.width() / (tickW + gap)), 1, 5);
  const double step = (L.t1_ - L.t0_) / steps;
  const double top = L.axis_.center().y() + 0.3 * u;
  const double h = std::min(0.95 * u, timerBox.bottom() + gap / 2 - top);
  for (int k = 0; k <= steps; ++k) {
    AxisTick tick;
    tick.t = L.t0_ + k * step;
    tick.x = L.timeToX(tick.t);
    const double w = k == 0 ? 1.4 * tickW : tickW;  // "now 12.000"
    const double lx = k == 0 ? tick.x : std::clamp(tick.x - w / 2, L.axis_.left(), L.axis_.right() - w);
    tick.label = QRectF(lx, top, w, h);
    if (!L.ticks_.empty() && tick.label.left() < L.ticks_.back().label.right() + gap / 2) continue;
    L.ticks_.push_back(tick);
  }
}

LoopLayout LoopLayout::computeWithUnit(const trace::State& s, QSizeF size, const LoopLayoutOptions& o,
                                       double u) {
  LoopLayout L;
  L.size_ = size;
  L.unit_ = u;
  const double margin = 0.6 * u;
  const double gap = 0.5 * u;
  L.labelWidth_ = 7.0 * u;

  // What goes where.
  std::vector<Item> ready, waiting, done;
  std::vector<Item> running;
  for (const auto& h : s.ready) {
    std::uint64_t key = handleKey(h.id);
    if (h.kind == trace::HandleKind::Timer) key = timerKey(h.id);
    else if (h.task && (h.kind == trace::HandleKind::TaskStep || h.kind == trace::HandleKind::TaskWakeup))
      key = taskKey(h.task);
    ready.push_back({CardGeometry::Kind::Handle, h.id, key});
  }
  for (const auto& t : s.tasks) {
    if (t.state == trace::TaskState::Running) running.push_back({CardGeometry::Kind::Task, t.id, taskKey(t.id)});
    else if (t.state == trace::TaskState::Waiting) waiting.push_back({CardGeometry::Kind::Task, t.id, taskKey(t.id)});
    else if (t.state == trace::TaskState::Done) done.push_back({CardGeometry::Kind::Task, t.id, taskKey(t.id)});
  }

  const double left = margin + L.labelWidth_;
  const double contentW = std::max(1.0, size.width() - left - margin);
  L.clockRect_ = QRectF(margin, margin, size.width() - 2 * margin, 2.4 * u);
  double y = L.clockRect_.bottom() + 0.4 * u;
  const double availH = std::max(0.0, size.height() - y - margin);

  // Cards: full size first; compact (one line, narrower) when the rows we
  // would need do not fit.
  const double timersH = 5.0 * u;
  const std::size_t shownQueues = std::min<std::size_t>(s.queues.size(), 3);
  const double queueRowH = 2.4 * u;
  const double queuesH = shownQueues ? shownQueues * (queueRowH + gap) + gap : 0.0;
  double cardW = 0, cardH = 0, waitCellW = 0, doneW = 0;
  int rowsReady = 1, rowsWait = 1, rowsDone = 1, rowsAvail = 0;
  double runningH = 0, rowH = 0;
  // Primitives take a column at the right of WAITING, one box per row.
  std::vector<Item> primItems;
  for (const auto& p : s.primitives)
    if (!o.folded || !std::binary_search(o.folded->begin(), o.folded->end(), p.id))
      primItems.push_back({CardGeometry::Kind::Primitive, p.id, primitiveKey(p.id)});
  const std::size_t prims = primItems.size();
  const double primColW = prims ? 15.0 * u : 0.0;
  const double waitW = std::max(1.0, contentW - (prims ? primColW + gap : 0.0));
  const double emptyH = 1.8 * u;
  auto areaH = [&](int rows) { return rows ? rows * rowH + gap : emptyH; };
  for (int pass = 0; pass < 2; ++pass) {
    L.compact_ = pass == 1;
    cardW = (L.compact_ ? 8.5 : 12.0) * u;
    cardH = (L.compact_ ? 1.6 : 2.8) * u;
    waitCellW = cardW + 11.0 * u;  // "awaits ..." stays readable even when compact
    doneW = L.compact_ ? cardW : 12.0 * u;
    rowH = cardH + gap;
    runningH = 2.8 * u + 2 * gap;  // the running card is never compact
    // An empty area keeps a thin band with its title; the rows go to the rest.
    const int empties = ready.empty() + (waiting.empty() && prims == 0) + done.empty();
    const double flex = availH - runningH - timersH - queuesH - 3 * gap - empties * emptyH;
    rowsAvail = std::max(3 - empties, static_cast<int>(flex / rowH));  // too few: compute() shrinks the unit
    rowsReady = ready.empty() ? 0 : rowsFor(ready.size(), contentW, cardW, gap);
    // Beside the primitives' column a cell may have to give up arrow room.
    waitCellW = std::min(waitCellW, waitW);
    rowsWait = waiting.empty() ? 0 : rowsFor(waiting.size(), waitW, waitCellW, gap);
    rowsWait = std::max(rowsWait, static_cast<int>(std::min<std::size_t>(prims, 4)));
    rowsDone = done.empty() ? 0 : rowsFor(done.size(), contentW, doneW, gap);
    if (rowsReady + rowsWait + rowsDone <= rowsAvail) break;
  }
  // Share the rows: one each, then by demand, waiting and ready first
  // (they are the lesson), done last.
  const int want[3] = {rowsReady, rowsWait, rowsDone};
  int give[3] = {want[0] ? 1 : 0, want[1] ? 1 : 0, want[2] ? 1 : 0};
  int left_rows = rowsAvail - give[0] - give[1] - give[2];
  bool progress = true;
  while (left_rows > 0 && progress) {
    progress = false;
    for (int k : {1, 0, 2}) {
      if (left_rows > 0 && give[k] < want[k]) {
        ++give[k];
        --left_rows;
        progress = true;
      }
    }
  }

  auto bandAt = [&](LoopArea a, double h) {
    L.bands_[static_cast<int>(a)] = QRectF(margin, y, size.width() - 2 * margin, h);
    y += h + gap;
    return QRectF(left, L.bands_[static_cast<int>(a)].top() + gap / 2, contentW, h - gap);
  };

  // RUNNING: one card (a second running task would be a simulator bug; the
  // rest would be summarized).
  const QRectF runBox = bandAt(LoopArea::Running, runningH);
  placeRows(L.cards_, LoopArea::Running, running, runBox.adjusted(0, gap / 2, 0, 0), 14.0 * u,
            14.0 * u, 2.8 * u, gap, false);

  const QRectF readyBox = bandAt(LoopArea::Ready, areaH(give[0]));
  placeRows(L.cards_, LoopArea::Ready, ready, readyBox, cardW, cardW, cardH, gap, false);

  // TIMERS: pins on an axis anchored at the clock; labels in two lanes above
  // it, a label that would overlap both lanes is summarized.
  const QRectF timerBox = bandAt(LoopArea::Timers, timersH);
  L.axis_ = QRectF(timerBox.left() + 0.5 * u, timerBox.bottom() - 1.3 * u, timerBox.width() - 1.5 * u, 0.1 * u);
  L.t0_ = s.clock;
  double last = s.clock;
  for (const auto& t : s.timers) last = std::max(last, t.when);
  // A span fixed for the whole trace keeps the scale still, so countdown
  // bars really shrink as the clock advances; without one, fit the state.
  const double span = o.axisSpan > 0 ? o.axisSpan : std::max(last - s.clock, 1.0);
  L.t1_ = s.clock + niceCeil(span * 1.05);
  placeTimers(L, s, timerBox, gap);

  const QRectF waitBox = bandAt(LoopArea::Waiting, areaH(give[1]));
  placeRows(L.cards_, LoopArea::Waiting, waiting, QRectF(waitBox.left(), waitBox.top(), waitW, waitBox.height()),
            waitCellW, std::min(cardW, waitCellW), cardH, gap, true);
  if (prims) {
    const std::vector<Item>& items = primItems;
    const QRectF col(waitBox.right() - primColW, waitBox.top(), primColW, waitBox.height());
    const std::size_t first = L.cards_.size();
    placeRows(L.cards_, LoopArea::Waiting, items, col, primColW, primColW, cardH, gap, false);
    // Their "+N more" must not share its key with the waiting tasks' one.
    for (std::size_t i = first; i < L.cards_.size(); ++i)
      if (L.cards_[i].kind == CardGeometry::Kind::More) L.cards_[i].key = (7ull << 32) | 1u;
  }

  const QRectF doneBox = bandAt(LoopArea::Done, areaH(give[2]));
  placeRows(L.cards_, LoopArea::Done, done, doneBox, doneW, doneW, cardH, gap, false);

  if (shownQueues) {
    const QRectF qBox = bandAt(LoopArea::Queues, queuesH);
    for (std::size_t i = 0; i < shownQueues; ++i) {
      CardGeometry g;
      g.kind = CardGeometry::Kind::Queue;
      g.area = LoopArea::Queues;
      g.id = s.queues[i].id;
      g.key = queueKey(g.id);
      g.rect = QRectF(qBox.left(), qBox.top() + gap / 2 + i * (queueRowH + gap), qBox.width(), queueRowH);
      L.cards_.push_back(g);
    }
  }
  return L;
}

}  // namespace ui
