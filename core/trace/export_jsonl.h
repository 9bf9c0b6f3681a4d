// export_jsonl.h: the trace as JSON Lines, and back.
//
// The durable, tool-friendly form of a trace (docs/trace-format.md): a
// header line, then one self-describing object per event with its fields
// named per kind and its strings spelled out. readJsonLines() rebuilds the
// exact same trace (events, string ids, keyframes), so a saved run can be
// replayed in the UI or diffed with ordinary tools.
#pragma once

#include <istream>
#include <memory>
#include <ostream>
#include <string>

#include "core/trace/trace.h"

namespace trace {

void writeJsonLines(const Trace& trace, std::ostream& out);

// Returns null and says why (with the line number) in *error when the input
// is not a loopscope trace of a version this build reads.
std::shared_ptr<const Trace> readJsonLines(std::istream& in, std::string* error);

}  // namespace trace
