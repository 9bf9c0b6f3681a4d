// causality_arrows.h: where a causal chain's events sit in the loop view.
//
// "Why did this happen?" is answered in words by causalChain() and drawn by
// the loop view as numbered outlines joined by arrows: the timer on its
// axis, the wake-up in its READY slot, the task in RUNNING. Each event of a
// chain is placed on the card it acted on in the layout of the moment just
// after it (so a timer that has since fired is shown where it was); events
// that touch no card (a line, a future nobody shows) are skipped, and
// neighbours on the same card merge. Plain geometry, so tests can check
// that every arrow joins two real card rects.
#pragma once

#include <QRectF>
#include <QSizeF>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/trace/trace.h"
#include "ui/loop_layout.h"

namespace ui {

struct CausalStep {
  std::size_t event = 0;       // the trace index it stands for (the first, when merged)
  std::uint64_t key = 0;       // the card's key (0: the clock)
  QRectF rect;                 // the card (or clock) in the layout just after the event
  int number = 0;              // 1-based position in causalChain(), as the narration numbers it
};

struct CausalArrow {
  std::size_t from = 0, to = 0;  // indexes into the steps
  QPointF start, end;            // on the edges of the two rects
};

struct CausalGeometry {
  std::vector<CausalStep> steps;
  std::vector<CausalArrow> arrows;
};

// The card key an event acts on, or 0 when it has none (ClockAdvanced maps
// to the clock; see causalGeometry).
std::uint64_t causalKey(const trace::Trace& trace, std::size_t index);

// The chain as describeCausality() numbers it: a HandleRun right before the
// step it starts is dropped (it says the same thing twice).
std::vector<std::size_t> narratedChain(const trace::Trace& trace, const std::vector<std::size_t>& chain);

// The code lines (1-based, distinct, in chain order) the chain's events
// happened at: where each task involved was in its code at that moment.
std::vector<int> causalLines(const trace::Trace& trace, const std::vector<std::size_t>& chain);

CausalGeometry causalGeometry(const trace::Trace& trace, const std::vector<std::size_t>& chain, QSizeF size,
                              const LoopLayoutOptions& options);

}  // namespace ui
