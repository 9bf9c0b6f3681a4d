// parser.h: source text → AST, the front end's one entry point.
//
// parseModule runs the lexer and the recursive-descent parser over a whole
// program and returns either the tree or the first error, worded as CPython
// 3.11 words it (or as an `unsupported:` refusal). It never throws for bad
// input and never overflows the stack: nesting is bounded as in CPython.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "core/py/ast.h"
#include "core/py/syntax_error.h"

namespace py {

struct ParseResult {
  std::unique_ptr<Module> module;       // set on success
  std::optional<SyntaxErrorInfo> error; // set on failure
  bool ok() const { return module != nullptr; }
};

// `source` is the raw file content (UTF-8, optional BOM). `fileName` is used
// only in messages.
ParseResult parseModule(std::string_view source, std::string_view fileName);

}  // namespace py
