// ast_dump.h: a compact S-expression rendering of the AST.
//
// Tests compare parser output against these strings, and the compiler's
// engineer can print a tree while debugging. Format, by example:
//   x = a + 1        →  (Module (Assign [(Name x Store)] (BinOp + (Name a) 1)))
// Lists are [..]; absent children are `_`; strings are Python-repr quoted;
// Name ctx is shown only when not Load. With positions=true every node is
// followed by @line:col-endLine:endCol (CPython's byte columns).
#pragma once

#include <string>

#include "core/py/ast.h"

namespace py {

std::string dumpAst(const Module& module, bool positions = false);
std::string dumpExpr(const Expr* e, bool positions = false);
std::string dumpStmt(const Stmt* s, bool positions = false);

}  // namespace py
