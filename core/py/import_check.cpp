// import_check.cpp: the static walk over every import statement of a
// program (module level, functions, classes, every nested block), refusing
// standard-library modules the simulator does not provide.
#include "core/py/import_check.h"

#include "core/py/stdlib_modules.h"

namespace py {

namespace {

// The refusal for `name` imported at `at`, or nothing when it is allowed.
std::optional<SyntaxErrorInfo> refusal(const std::string& name, const Span& at) {
  std::string top = name.substr(0, name.find('.'));
  if (!isCPythonStdlibModule(top) || isProvidedModule(name)) return std::nullopt;
  SyntaxErrorInfo e;
  e.unsupported = true;
  e.message = "module '" + (isProvidedModule(top) ? name : top) + "'";  // `import os.path`: 'os'
  e.line = at.line;
  e.col = at.col + 1;
  return e;
}

std::optional<SyntaxErrorInfo> walk(const std::vector<Stmt*>& body);

std::optional<SyntaxErrorInfo> walkStmt(const Stmt* s) {
  switch (s->kind) {
    case StmtKind::Import:
      for (const Alias& a : s->as<Import>()->names)
        if (auto e = refusal(a.name, a)) return e;
      return std::nullopt;
    case StmtKind::ImportFrom: {
      const auto* f = s->as<ImportFrom>();
      if (f->level > 0 || f->module.empty()) return std::nullopt;
      if (auto e = refusal(f->module, *f)) return e;
      // `from os import path` is refused above; `from collections import abc` names a submodule.
      for (const Alias& a : f->names)
        if (a.name != "*" && isCPythonStdlibModule(f->module.substr(0, f->module.find('.'))) &&
            isStdlibSubmodule(f->module + "." + a.name))
          if (auto e = refusal(f->module + "." + a.name, a)) return e;
      return std::nullopt;
    }
    case StmtKind::FunctionDef:
      return walk(s->as<FunctionDef>()->body);
    case StmtKind::ClassDef:
      return walk(s->as<ClassDef>()->body);
    case StmtKind::For: {
      const auto* f = s->as<For>();
      if (auto e = walk(f->body)) return e;
      return walk(f->orelse);
    }
    case StmtKind::While: {
      const auto* w = s->as<While>();
      if (auto e = walk(w->body)) return e;
      return walk(w->orelse);
    }
    case StmtKind::If: {
      const auto* i = s->as<If>();
      if (auto e = walk(i->body)) return e;
      return walk(i->orelse);
    }
    case StmtKind::With:
      return walk(s->as<With>()->body);
    case StmtKind::Try: {
      const auto* t = s->as<Try>();
      if (auto e = walk(t->body)) return e;
      for (const ExceptHandler* h : t->handlers)
        if (auto e = walk(h->body)) return e;
      if (auto e = walk(t->orelse)) return e;
      return walk(t->finalbody);
    }
    default:
      return std::nullopt;
  }
}

std::optional<SyntaxErrorInfo> walk(const std::vector<Stmt*>& body) {
  for (const Stmt* s : body)
    if (auto e = walkStmt(s)) return e;
  return std::nullopt;
}

}  // namespace

void checkImports(ParseResult& parsed) {
  if (!parsed.ok()) return;
  if (auto e = walk(parsed.module->body)) {
    parsed.error = std::move(e);
    parsed.module.reset();
  }
}

}  // namespace py
