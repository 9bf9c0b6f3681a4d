// asyncio_extras.h: the parts of the `asyncio` module that live beside
// asyncio_module.cpp (which binds core/loop's primitives one to one):
// Barrier (Python source on asyncio.Condition), Runner and isfuture, the
// names Loopscope refuses with a NotImplementedError (threads, executors,
// sockets, subprocesses), and the text of "Exception in callback".
#pragma once

#include "core/loop/coroutine.h"
#include "core/loop/event_loop.h"
#include "core/py/vm.h"

namespace py {

class Runtime;

// The loop's face of a coroutine object (an `async def` one, or one of
// asyncio's own); nullptr with TypeError raised for anything else.
loop::Coroutine* coroutineOf(VM& vm, Value v);
// What asyncio.run and Runner.run accept as `main` (coroutines.iscoroutine:
// an `async def` coroutine, one of asyncio's, or asyncio.sleep(0) made
// outside a loop), and that value as a coroutine of loop `l`.
bool isMainCoroutine(Value v);
loop::Coroutine* mainCoroutine(VM& vm, loop::EventLoop& l, Value v);

// Each adds its names to the asyncio module dict `d` (the loop type's
// methods too, for the refusals). Barrier runs Python source: kError with
// an exception pending if that failed, else None.
Value installAsyncioBarrier(Runtime& rt, DictObj* d);
void installAsyncioRunner(Runtime& rt, DictObj* d);
void installAsyncioUnsupported(Runtime& rt, DictObj* d);

}  // namespace py
