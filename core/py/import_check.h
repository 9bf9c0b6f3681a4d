// import_check.h: refuses, before anything runs, a program that imports a
// module of CPython's standard library that Loopscope does not provide
// (contract section 1: `prog.py:3:8: unsupported: module 'threading'`).
//
// A name outside the standard library is left alone: importing it raises
// CPython's own ModuleNotFoundError when (and if) the import runs.
#pragma once

#include "core/py/parser.h"

namespace py {

// On a refused import, replaces the parse result by the refusal (so
// `parsed.ok()` becomes false and `parsed.error` says where and why).
void checkImports(ParseResult& parsed);

}  // namespace py
