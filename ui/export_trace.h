// export_trace.h: File ▸ Export ▸ Trace as JSON Lines / Chrome JSON.
//
// Thin, testable wrappers over core/trace's exporters that write a file
// atomically (QSaveFile: an interrupted export never leaves half a trace
// where a good one was) and say why when the disk refuses.
#pragma once

#include <QString>

#include "core/trace/trace.h"

namespace ui {

bool exportTraceJsonLines(const trace::Trace& trace, const QString& path, QString* error = nullptr);
bool exportTraceChrome(const trace::Trace& trace, const QString& path, QString* error = nullptr);

}  // namespace ui
