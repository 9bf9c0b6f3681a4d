// stack_guard.h: how much C++ stack the interpreter may use for natives that
// call back into Python.
//
// Python-to-Python calls never nest on the C++ stack (interpreter.cpp runs
// them in one loop), but a native calling Python (repr() calling __repr__,
// a sort key, list() draining a generator) nests VM::run. The recursion
// limit bounds that nesting, yet sys.setrecursionlimit(100000) would let a
// runaway `def __repr__(self): return repr(self)` overflow the stack: where
// CPython crashes, Loopscope must raise RecursionError instead.
#pragma once

namespace py {

// Remembers the current stack position as where the outermost VM::run of
// this thread starts.
void markNativeStackBase();

// True once the stack used since markNativeStackBase() passes half of this
// thread's stack (of 1 MiB where the size cannot be read; at most 64 MiB).
bool nativeStackExhausted();

}  // namespace py
