// why_not.h: "Why isn't this task running?" answered from the trace.
//
// A student who clicks a task card wants one sentence that names what the
// task is stuck behind right now: the callbacks ahead of it in the ready
// queue, the timer it sleeps on, the queue, lock or task it waits for, or how
// it ended. The answer is a pure function of the trace and the state at the
// cursor, so it reads the same when stepping backwards.
#pragma once

#include <QString>
#include <QStringList>

#include "core/trace/state.h"
#include "core/trace/trace.h"

namespace ui {

// The sentence for `task` at the moment `state` shows (state.index events applied).
QString whyNotRunning(const trace::Trace& trace, const trace::State& state, trace::Id task);

// The tasks a gather future (created by FutureCreated with a "gather(" label)
// collects, found from the "gather._done_callback" callbacks added in the same
// task step. In the order they were added.
std::vector<trace::Id> gatherChildren(const trace::Trace& trace, std::size_t upTo, trace::Id gather);

// The task that holds the Lock `lock` after the first `upTo` events (the task
// whose step set it to locked), or 0.
trace::Id lockHolder(const trace::Trace& trace, std::size_t upTo, trace::Id lock);

}  // namespace ui
