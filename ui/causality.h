// causality.h: the chain of earlier events that made an event happen.
//
// "Why did bar resume now?" has a mechanical answer in asyncio: the clock
// jumped, a timer came due, it resolved a sleep future, whose done-callback
// queued Task.__wakeup, which the loop ran. causalChain() walks that chain
// backwards through the trace alone (one rule per event kind: which earlier
// event it follows from), and describeCausality() reads it out as a short
// numbered chain for the narration pane.
#pragma once

#include <QString>

#include <cstddef>
#include <vector>

#include "core/trace/trace.h"

namespace ui {

// Longest chain we report: beyond this the story stops helping.
inline constexpr std::size_t kMaxCausalLinks = 8;

// The event that directly caused event `index`, or trace.size() for none
// (a root such as RunBegin or a clock jump).
std::size_t causeOf(const trace::Trace& trace, std::size_t index);

// Indexes of the chain ending at event `index`, earliest first (the last
// element is `index`). At most kMaxCausalLinks.
std::vector<std::size_t> causalChain(const trace::Trace& trace, std::size_t index);

// A short phrase for one event of a chain: "timer fires at t=2.000".
QString causalPhrase(const trace::Trace& trace, std::size_t index);

// "1. … → 2. … → 3. …" for the event at the cursor (event cursor-1); empty
// at cursor 0 or when the event has no earlier cause.
QString describeCausality(const trace::Trace& trace, std::size_t cursor);

}  // namespace ui
