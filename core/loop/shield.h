// shield.h: asyncio.shield(arg) (tasks.py, 3.11).
//
// Returns inner itself when it is already done, else an outer future that
// mirrors inner but whose cancellation does not reach inner.
#pragma once

#include "core/loop/future.h"

namespace loop {

Future* shield(EventLoop& loop, Value arg);

}  // namespace loop
