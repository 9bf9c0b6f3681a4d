// coroutine_methods.h: send(), throw() and close() of coroutine objects.
//
// Tutorials step a coroutine by hand to show what the event loop does
// (`coro.send(None)` until StopIteration carries the return value); these
// drive the coroutine's frames with VM::stepCoroutine, the same entry the
// loop's Task uses, so a hand-stepped coroutine can also be resumed later.
#pragma once

namespace py {

class VM;

void installCoroutineMethods(VM& vm);

}  // namespace py
