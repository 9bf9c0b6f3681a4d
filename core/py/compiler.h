// compiler.h: AST → bytecode (code objects), with CPython's scoping rules.
#pragma once

#include <optional>
#include <string>

#include "core/py/ast.h"
#include "core/py/code.h"

namespace py {

class VM;

struct CompileError {
  int line = 0;
  int col = 0;
  std::string message;  // "unsupported: ..." or a SyntaxError message
  bool unsupported = true;
};

struct CompileResult {
  CodeObj* code = nullptr;
  std::optional<CompileError> error;
};

// Compiles a whole module. Code objects are allocated on the VM's heap;
// the caller keeps the result reachable (it is not a GC root by itself).
CompileResult compileModule(VM& vm, const Module& module, const std::string& fileName);

}  // namespace py
