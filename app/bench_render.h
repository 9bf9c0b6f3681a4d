// bench_render.h: `loopscope bench render`, issue 6's speed numbers.
//
// Software rendering (QImage targets, offscreen) of the loop view and the
// timeline at 1920x1080 with 10, 100 and 1,000 live tasks; seeking 1,000
// random positions of a 1,000,000-event trace (state rebuild plus the views'
// model update); and the time from process start to the window shown.
// Traces are synthetic, built through trace::Recorder, so the numbers do
// not depend on the interpreter's speed. A benchmark, not a test: it prints
// a table and asserts nothing.
#pragma once

#include <QStringList>

#include <cstddef>
#include <memory>

#include "core/trace/trace.h"

namespace app {

// A run of `tasks` tasks over `rounds` loop iterations; by i % 4 each task
// sleeps on a timer, yields, prints and puts to a queue, or waits on
// Queue.get(); every tenth task finishes early. Roughly 5 * tasks events
// per round.
std::shared_ptr<const trace::Trace> makeBusyTrace(int tasks, int rounds);

// `args` follow "bench": "render [--quick]". Returns the exit status.
int benchCommand(const QStringList& args);

}  // namespace app
