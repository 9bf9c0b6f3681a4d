// labels.h: the words every view uses for the things in a trace.
//
// A task is called by its coroutine first ("foo · Task-2") because that is
// the name a student wrote; the asyncio name follows so it matches what
// CPython prints. Keeping this in one place keeps the code margin, loop view,
// timeline and narration consistent.
#pragma once

#include <QString>

#include "core/trace/state.h"
#include "core/trace/trace.h"

namespace ui {

QString traceString(const trace::Trace& trace, trace::StrId id);

// "foo · Task-2" (or "Task-2" when the coroutine is unknown).
QString taskTitle(const trace::Trace& trace, const trace::TaskView& task);
// "foo" (or "Task-2"): the short name used in sentences and swimlanes.
QString taskShortName(const trace::Trace& trace, const trace::TaskView& task);
// Same, by id; "task #id" if the task is not in the state.
QString taskShortName(const trace::Trace& trace, const trace::State& state, trace::Id id);

// Position of the task in creation order (its colour), or -1.
int taskOrdinal(const trace::State& state, trace::Id id);

// Virtual time as the views print it: "1.000".
QString formatTime(double seconds);

}  // namespace ui
