// causality_arrows.cpp: chain events to card rects (see causality_arrows.h).
#include "ui/causality_arrows.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

namespace ui {

using trace::EventKind;

namespace {

// The task a handle belongs to, from the HandleScheduled that queued it.
trace::Id handleTask(const trace::Trace& t, std::size_t index, trace::Id handle) {
  for (std::size_t i = index; i-- > 0;)
    if (t[i].kind == EventKind::HandleScheduled && t[i].a == handle) return t[i].b;
  return 0;
}

// The task that awaited `future` (a sleep's future, a gather), if any.
trace::Id awaiter(const trace::Trace& t, std::size_t index, trace::Id future) {
  for (std::size_t i = index; i-- > 0;)
    if (t[i].kind == EventKind::TaskSuspended && t[i].b == future) return t[i].a;
  return 0;
}

// Where a line from the centre of `r` towards `towards` leaves `r`.
QPointF edgePoint(const QRectF& r, const QPointF& towards) {
  const QPointF c = r.center();
  const double dx = towards.x() - c.x(), dy = towards.y() - c.y();
  if (std::abs(dx) < 1e-9 && std::abs(dy) < 1e-9) return c;
  const double sx = std::abs(dx) > 1e-9 ? (r.width() / 2) / std::abs(dx) : 1e300;
  const double sy = std::abs(dy) > 1e-9 ? (r.height() / 2) / std::abs(dy) : 1e300;
  const double s = std::min(sx, sy);
  return {c.x() + dx * s, c.y() + dy * s};
}

}  // namespace

std::uint64_t causalKey(const trace::Trace& t, std::size_t index) {
  if (index >= t.size()) return 0;
  const trace::Event& e = t[index];
  switch (e.kind) {
    case EventKind::TimerScheduled:
    case EventKind::TimerDue:
    case EventKind::TimerCancelled: return LoopLayout::timerKey(e.a);
    case EventKind::HandleScheduled: return e.b ? LoopLayout::taskKey(e.b) : LoopLayout::handleKey(e.a);
    case EventKind::HandleRun: {
      const trace::Id task = handleTask(t, index, e.a);
      return task ? LoopLayout::taskKey(task) : 0;
    }
    case EventKind::TaskCreated:
    case EventKind::TaskStepBegin:
    case EventKind::TaskSuspended:
    case EventKind::TaskDone:
    case EventKind::TaskCancelRequested: return LoopLayout::taskKey(e.a);
    case EventKind::FutureDone: {
      const trace::Id task = awaiter(t, index, e.a);
      return task ? LoopLayout::taskKey(task) : 0;
    }
    case EventKind::QueuePut:
    case EventKind::QueueGet:
    case EventKind::QueueWaiter:
    case EventKind::QueueWaiterGone: return LoopLayout::queueKey(e.a);
    case EventKind::PrimitiveChanged:
    case EventKind::PrimitiveWaiter:
    case EventKind::PrimitiveWaiterGone: return LoopLayout::primitiveKey(e.a);
    default: return 0;
  }
}

std::vector<std::size_t> narratedChain(const trace::Trace& t, const std::vector<std::size_t>& chain) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < chain.size(); ++k) {
    if (chain[k] < t.size() && t[chain[k]].kind == EventKind::HandleRun && k + 1 < chain.size() &&
        chain[k + 1] < t.size() && t[chain[k + 1]].kind == EventKind::TaskStepBegin)
      continue;
    out.push_back(chain[k]);
  }
  return out;
}

std::vector<int> causalLines(const trace::Trace& t, const std::vector<std::size_t>& chain) {
  std::vector<int> lines;
  for (std::size_t i : chain) {
    if (i >= t.size()) continue;
    const std::uint64_t key = causalKey(t, i);
    trace::Id task = 0;
    if ((key >> 32) == 1) task = static_cast<trace::Id>(key & 0xffffffffu);
    if (t[i].kind == EventKind::TimerScheduled) task = t[i].b;
    if (task == 0) continue;
    const trace::State s = t.stateAt(i + 1);
    const trace::TaskView* v = s.task(task);
    const int line = v ? (v->line > 0 ? v->line : v->defLine) : 0;
    if (line > 0 && std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
  }
  return lines;
}

CausalGeometry causalGeometry(const trace::Trace& t, const std::vector<std::size_t>& chain, QSizeF size,
                              const LoopLayoutOptions& options) {
  CausalGeometry g;
  // Numbered as describeCausality() numbers its phrases: a HandleRun right
  // before the step it starts is not a phrase of its own (it takes the
  // step's number).
  std::vector<int> numbers(chain.size(), 0);
  int counter = 0;
  for (std::size_t k = 0; k < chain.size(); ++k) {
    const bool folded = chain[k] < t.size() && t[chain[k]].kind == EventKind::HandleRun && k + 1 < chain.size() &&
                        chain[k + 1] < t.size() && t[chain[k + 1]].kind == EventKind::TaskStepBegin;
    numbers[k] = folded ? counter + 1 : ++counter;
  }
  for (std::size_t n = 0; n < chain.size(); ++n) {
    const std::size_t i = chain[n];
    if (i >= t.size()) continue;
    const bool clock = t[i].kind == EventKind::ClockAdvanced;
    const std::uint64_t key = clock ? 0 : causalKey(t, i);
    if (!clock && key == 0) continue;
    const LoopLayout L = LoopLayout::compute(t.stateAt(i + 1), size, options);
    QRectF rect;
    if (clock) {
      rect = L.clockRect();
    } else {
      for (const auto& c : L.cards())
        if (c.key == key) rect = c.rect;
      if (rect.isNull()) {  // gone by then (a timer that fired): where it was before
        const LoopLayout B = LoopLayout::compute(t.stateAt(i), size, options);
        for (const auto& c : B.cards())
          if (c.key == key) rect = c.rect;
      }
    }
    if (rect.isNull()) continue;
    // The same card in the same place (a handle run, then the step it starts): one outline.
    if (!g.steps.empty() && g.steps.back().key == key && g.steps.back().rect == rect) continue;
    g.steps.push_back({i, key, rect, numbers[n]});
  }
  for (std::size_t k = 1; k < g.steps.size(); ++k) {
    const QRectF& a = g.steps[k - 1].rect;
    const QRectF& b = g.steps[k].rect;
    if (a == b) continue;
    g.arrows.push_back({k - 1, k, edgePoint(a, b.center()), edgePoint(b, a.center())});
  }
  return g;
}

}  // namespace ui
