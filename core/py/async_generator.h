// async_generator.h: the async generator methods besides __anext__ (which
// builtins.cpp keeps next to anext()): asend(), athrow() and aclose(). Each
// returns an awaitable (AwaitableObj in frame.h); the interpreter drives the
// generator's frame when it is awaited (interpreter_await.inc, AWAIT's
// async generator cases), as CPython 3.11's async_gen_asend / athrow do.
#pragma once

namespace py {

class VM;

void installAsyncGenerator(VM& vm);

}  // namespace py
