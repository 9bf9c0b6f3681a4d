// runner.h: asyncio.run(main) (asyncio/runners.py, 3.11) on a fresh loop.
//
// Create the main task (Task-N), run until it is done, then shut down as
// Runner.close() does: cancel every remaining task (creation order), gather
// them, report their errors, and run shutdown_asyncgens and
// shutdown_default_executor, each as a task (they take Task-N names and
// loop iterations, which a later asyncio.run in the same program shows).
#pragma once

#include "core/loop/event_loop.h"

namespace loop {

// The main coroutine's outcome in RunResult::value (Completed), or
// Deadlock / Budget as the loop reported it (no shutdown then).
RunResult run(EventLoop& loop, Coroutine* main);

}  // namespace loop
