// sleep.h: asyncio.sleep(delay, result=None) (tasks.py, 3.11).
//
// Returned as a native Coroutine so that `await asyncio.sleep(d)` delegates
// like CPython's `async def sleep`: delay <= 0 yields None once (a bare
// yield, no future, no timer); delay > 0 creates a future and a timer
// (call_later(_set_result_unless_cancelled)) and cancels the timer however
// the await ends.
#pragma once

#include "core/loop/coroutine.h"

namespace loop {

class EventLoop;

Coroutine* sleep(EventLoop& loop, double delay, Value result = Value::none());

}  // namespace loop
