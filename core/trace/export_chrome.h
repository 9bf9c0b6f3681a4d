// export_chrome.h: the trace in Chrome's Trace Event Format, for Perfetto.
//
// A second opinion on a run: open the file in ui.perfetto.dev (or
// chrome://tracing) and see each task as a track of its steps on the
// virtual time axis, with the loop's idle and blocked periods, output lines,
// timers and diagnostics. The mapping is described in docs/trace-format.md.
#pragma once

#include <ostream>

#include "core/trace/trace.h"

namespace trace {

// Display width, in microseconds, given to each task step: steps take no
// virtual time, so without a width they would collapse to nothing. Steps
// that share a virtual instant are laid side by side from that instant.
inline constexpr double kChromeStepWidthUs = 1.0;

void writeChromeTrace(const Trace& trace, std::ostream& out);

}  // namespace trace
