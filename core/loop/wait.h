// wait.h: asyncio.wait and asyncio.wait_for (tasks.py, 3.11).
//
// Both are `async def` in CPython, so both are native Coroutines here, with
// the same suspension points: wait always awaits a fresh waiter future;
// wait_for wraps its argument with ensure_future (a Task for a coroutine)
// and arms its own timeout handle (3.11, not asyncio.timeout). Where
// CPython iterates a set, we use argument (insertion) order.
#pragma once

#include <optional>
#include <span>

#include "core/loop/coroutine.h"

namespace loop {

class EventLoop;

enum class ReturnWhen : unsigned char { FirstCompleted, FirstException, AllCompleted };

// await asyncio.wait(fs, timeout=, return_when=): Returns the tuple
// (done, pending) of two Host sets. Raises ValueError for an empty fs.
// Each element must be a Future or a Coroutine object.
Coroutine* wait(EventLoop& loop, std::span<const Value> fs, std::optional<double> timeout,
                ReturnWhen returnWhen = ReturnWhen::AllCompleted);

// await asyncio.wait_for(aw, timeout): the result, or Raised TimeoutError.
Coroutine* waitFor(EventLoop& loop, Value aw, std::optional<double> timeout);

}  // namespace loop
