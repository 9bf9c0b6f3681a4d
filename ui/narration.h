// narration.h: one or two plain-English sentences for the event at a cursor.
//
// The narration pane is where a student reads *why* the picture changed. It
// is a pure function of the trace and the cursor, so stepping back reads the
// same words as stepping forward. Every EventKind has a sentence.
#pragma once

#include <QString>

#include <cstddef>

#include "core/trace/state.h"
#include "core/trace/trace.h"

namespace ui {

// Explains event cursor-1 (the one that produced `after`); `before` is the
// state ahead of it. cursor == 0 gives the "press play" introduction.
QString narrate(const trace::Trace& trace, std::size_t cursor, const trace::State& before,
                const trace::State& after);

// Convenience: rebuilds `before` from the trace.
QString narrate(const trace::Trace& trace, std::size_t cursor, const trace::State& after);

// The words for a handle in the ready queue: "foo · Task.__wakeup" or a
// callback's label.
QString handleCaption(const trace::Trace& trace, const trace::State& state,
                      const trace::HandleView& handle);

// A future by what a student would call it: a task's name, or its label.
QString futureCaption(const trace::Trace& trace, const trace::State& state, trace::Id id);

}  // namespace ui
