// symtable.h: the scope analysis pass before compilation.
//
// For every function, lambda, comprehension, class and the module it
// decides, as CPython's symtable.c does, whether each name is local, a cell
// (local and captured by an inner scope), free (captured from an enclosing
// function), global (declared or implicit) or, in class and module bodies,
// looked up by name in the namespace dict.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/py/ast.h"

namespace py {

enum class ScopeKind { Module, Function, Class, Comprehension };
enum class NameKind { Local, Cell, Free, GlobalExplicit, GlobalImplicit, Name };

struct Scope {
  ScopeKind kind = ScopeKind::Function;
  Scope* parent = nullptr;
  std::vector<std::string> params;     // in frame order
  std::set<std::string> assigned;
  std::set<std::string> used;
  std::set<std::string> globals;
  std::set<std::string> nonlocals;
  std::set<std::string> childFree;     // names some inner scope needs from here or above
  std::map<std::string, NameKind> resolved;
  std::vector<std::string> localOrder;  // locals in first-seen order (after params)
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  std::vector<Scope*> children;
  bool isGenerator = false;
  bool isCoroutine = false;
  bool hasAwait = false;
  int line = 0;

  NameKind kindOf(const std::string& name) const;
};

struct SymbolTable {
  std::vector<std::unique_ptr<Scope>> scopes;
  std::map<const void*, Scope*> byNode;  // FunctionDef*, Lambda*, ClassDef*, comprehension Expr*, Module*
  std::optional<std::pair<int, std::string>> error;  // line, message
  Scope* of(const void* node) const { return byNode.at(node); }
};

std::unique_ptr<SymbolTable> buildSymbolTable(const Module& module);

}  // namespace py
