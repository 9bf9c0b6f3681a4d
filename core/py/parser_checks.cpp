// parser_checks.cpp: the syntax errors CPython finds after parsing.
//
// CPython raises some SyntaxErrors from its symbol table (nonlocal/global
// misuse, duplicate parameters, yield in a comprehension) and others from
// its compiler ('await' outside function, 'break' outside loop, starred
// targets, ...). A program with such an error never starts, so they belong
// to the front end. Order follows CPython: all symbol-table errors before
// compiler errors, each in source order. This pass also fills in
// FunctionDef::isGenerator / hasAwait.
#include <functional>
#include <memory>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/py/parser_internal.h"

namespace py {

namespace {

struct CheckFailure {
  FrontError error;
};

[[noreturn]] void failOn(const Span& s, const std::string& msg) {
  FrontError e;
  e.message = msg;
  e.line = s.line;
  e.offset = s.col + 1;
  e.endLine = s.endLine;
  e.endOffset = s.endCol + 1;
  throw CheckFailure{e};
}

// Calls f on every direct child expression of e, in evaluation order.
template <class F> void forEachChild(Expr* e, F&& f) {
  auto each = [&](std::vector<Expr*>& v) { for (Expr* x : v) if (x) f(x); };
  auto comp = [&](std::vector<Comprehension>& gens) {
    for (auto& g : gens) { f(g.iter); f(g.target); each(g.ifs); }
  };
  switch (e->kind) {
    case ExprKind::BoolOp: each(e->as<BoolOp>()->values); break;
    case ExprKind::BinOp: f(e->as<BinOp>()->left); f(e->as<BinOp>()->right); break;
    case ExprKind::UnaryOp: f(e->as<UnaryOp>()->operand); break;
    case ExprKind::Lambda: {
      auto* a = e->as<Lambda>()->args;
      each(a->defaults);
      each(a->kwDefaults);
      f(e->as<Lambda>()->body);
      break;
    }
    case ExprKind::IfExp: f(e->as<IfExp>()->test); f(e->as<IfExp>()->body); f(e->as<IfExp>()->orelse); break;
    case ExprKind::Dict: {
      auto* d = e->as<Dict>();
      for (std::size_t k = 0; k < d->values.size(); ++k) { if (d->keys[k]) f(d->keys[k]); f(d->values[k]); }
      break;
    }
    case ExprKind::Set: each(e->as<Set>()->elts); break;
    case ExprKind::List: each(e->as<List>()->elts); break;
    case ExprKind::Tuple: each(e->as<Tuple>()->elts); break;
    case ExprKind::ListComp: comp(e->as<ListComp>()->generators); f(e->as<ListComp>()->elt); break;
    case ExprKind::SetComp: comp(e->as<SetComp>()->generators); f(e->as<SetComp>()->elt); break;
    case ExprKind::DictComp:
      comp(e->as<DictComp>()->generators); f(e->as<DictComp>()->key); f(e->as<DictComp>()->value); break;
    case ExprKind::GeneratorExp: comp(e->as<GeneratorExp>()->generators); f(e->as<GeneratorExp>()->elt); break;
    case ExprKind::Await: f(e->as<Await>()->value); break;
    case ExprKind::Yield: if (e->as<Yield>()->value) f(e->as<Yield>()->value); break;
    case ExprKind::YieldFrom: f(e->as<YieldFrom>()->value); break;
    case ExprKind::Compare: f(e->as<Compare>()->left); each(e->as<Compare>()->comparators); break;
    case ExprKind::Call:
      f(e->as<Call>()->func);
      each(e->as<Call>()->args);
      for (auto& k : e->as<Call>()->keywords) f(k.value);
      break;
    case ExprKind::FormattedValue:
      f(e->as<FormattedValue>()->value);
      if (e->as<FormattedValue>()->formatSpec) f(e->as<FormattedValue>()->formatSpec);
      break;
    case ExprKind::JoinedStr: each(e->as<JoinedStr>()->values); break;
    case ExprKind::Attribute: f(e->as<Attribute>()->value); break;
    case ExprKind::Subscript: f(e->as<Subscript>()->value); f(e->as<Subscript>()->slice); break;
    case ExprKind::Starred: f(e->as<Starred>()->value); break;
    case ExprKind::Slice:
      if (e->as<Slice>()->lower) f(e->as<Slice>()->lower);
      if (e->as<Slice>()->upper) f(e->as<Slice>()->upper);
      if (e->as<Slice>()->step) f(e->as<Slice>()->step);
      break;
    case ExprKind::NamedExpr: f(e->as<NamedExpr>()->value); f(e->as<NamedExpr>()->target); break;
    case ExprKind::Constant: case ExprKind::Name: break;
  }
}

std::vector<const Arg*> allArgs(const Arguments* a) {
  std::vector<const Arg*> out;
  for (const Arg& x : a->posonlyargs) out.push_back(&x);
  for (const Arg& x : a->args) out.push_back(&x);
  if (a->vararg) out.push_back(a->vararg);
  for (const Arg& x : a->kwonlyargs) out.push_back(&x);
  if (a->kwarg) out.push_back(a->kwarg);
  return out;
}

// ---------------------------------------------------------------------------
// Pass 0: CPython's future.c, before the symbol table: the `from __future__`
// imports at the top of the file (after an optional docstring) must name
// features it knows. Returns the line of the last of them (0 if none); one
// anywhere else is a compiler error (CompileChecker).

bool isFutureImport(const Stmt* s) {
  return s->is<ImportFrom>() && s->as<ImportFrom>()->level == 0 && s->as<ImportFrom>()->module == "__future__";
}

int checkFutureImports(Module& m) {
  static const char* const kFeatures[] = {"nested_scopes",    "generators",     "division",
                                          "absolute_import",  "with_statement", "print_function",
                                          "unicode_literals", "barry_as_FLUFL", "generator_stop",
                                          "annotations"};
  auto caret = [](const Stmt& s, const std::string& msg, int offset) {
    FrontError e;
    e.message = msg;
    e.line = s.line;
    e.offset = offset;
    e.endLine = s.line;
    e.endOffset = -1;  // CPython gives no end: a single caret
    throw CheckFailure{e};
  };
  int futureLine = 0, prevLine = 0;
  bool done = false;
  for (std::size_t i = 0; i < m.body.size(); ++i) {
    const Stmt* s = m.body[i];
    // Statements sharing the line of the first other statement are still
    // looked at (`import os; from __future__ import x`).
    if (done && s->line > prevLine) break;
    prevLine = s->line;
    if (isFutureImport(s)) {
      // CPython gives this one the 0-based column as its offset.
      if (done) caret(*s, "from __future__ imports must occur at the beginning of the file", s->col);
      for (const Alias& a : s->as<ImportFrom>()->names) {
        bool known = false;
        for (const char* f : kFeatures) known = known || a.name == f;
        if (known) continue;
        if (a.name == "braces") caret(*s, "not a chance", s->col + 1);
        caret(*s, "future feature " + a.name + " is not defined", s->col + 1);
      }
      futureLine = s->line;
      continue;
    }
    bool docstring = i == 0 && s->is<ExprStmt>() && s->as<ExprStmt>()->value->is<Constant>() &&
                     s->as<ExprStmt>()->value->as<Constant>()->value == ConstantKind::Str;
    if (!docstring) done = true;
  }
  return futureLine;
}

// ---------------------------------------------------------------------------
// Pass 1: the symbol table's checks.

struct Scope {
  enum Kind { Module, Function, Class, Comprehension } kind = Module;
  Scope* parent = nullptr;
  std::set<std::string> params, bound, used, globals, nonlocals;
  std::set<std::string> annotated;  // `x: T` names (CPython's DEF_ANNOT)
  std::vector<std::pair<std::string, const Nonlocal*>> nonlocalDecls;
  std::map<std::string, const Stmt*> firstDirective;  // first global/nonlocal naming it
};

class SymbolChecker {
 public:
  void module(Module& m) {
    scopes_.push_back(std::make_unique<Scope>());
    cur_ = scopes_.back().get();
    body(m.body);
    // Analysis: every nonlocal must find a binding in an enclosing function.
    for (auto& s : scopes_) {
      for (auto& [name, stmt] : s->nonlocalDecls) {
        // Found in CPython's analysis pass, blamed on the first directive.
        if (s->globals.count(name)) failOn(*s->firstDirective[name], "name '" + name + "' is nonlocal and global");
        bool found = false;
        for (Scope* p = s->parent; p && p->kind != Scope::Module; p = p->parent) {
          if (p->kind == Scope::Class) continue;
          if (p->globals.count(name)) break;
          if (p->params.count(name) || p->bound.count(name) || p->nonlocals.count(name)) { found = true; break; }
        }
        if (!found) failOn(*stmt, "no binding for nonlocal '" + name + "' found");
      }
    }
  }

 private:
  std::vector<std::unique_ptr<Scope>> scopes_;
  Scope* cur_ = nullptr;

  Scope* push(Scope::Kind k) {
    scopes_.push_back(std::make_unique<Scope>());
    scopes_.back()->kind = k;
    Scope* s = scopes_.back().get();
    s->parent = cur_;
    cur_ = s;
    return s;
  }
  void pop() { cur_ = cur_->parent; }

  void bind(const std::string& n) { cur_->bound.insert(n); }

  void body(std::vector<Stmt*>& b) { for (Stmt* s : b) stmt(s); }

  void target(Expr* e) {
    if (e->is<Name>()) { bind(e->as<Name>()->id); return; }
    expr(e);
  }

  void params(Arguments* a) {
    for (const Arg* x : allArgs(a)) {
      if (cur_->params.count(x->name)) failOn(*x, "duplicate argument '" + x->name + "' in function definition");
      cur_->params.insert(x->name);
    }
  }

  void declare(Stmt* s, const std::vector<std::string>& names, bool global) {
    const char* what = global ? "global" : "nonlocal";
    if (!global && cur_->kind == Scope::Module) failOn(*s, "nonlocal declaration not allowed at module level");
    for (const std::string& n : names) {
      // CPython's order of checks: parameter, use, annotation, assignment.
      if (cur_->params.count(n)) failOn(*s, "name '" + n + "' is parameter and " + what);
      if (cur_->used.count(n)) failOn(*s, "name '" + n + "' is used prior to " + what + " declaration");
      if (cur_->annotated.count(n)) failOn(*s, "annotated name '" + n + "' can't be " + what);
      if (cur_->bound.count(n))
        failOn(*s, "name '" + n + "' is assigned to before " + what + " declaration");
      if (!cur_->firstDirective.count(n)) cur_->firstDirective[n] = s;
      if (global) cur_->globals.insert(n);
      else {
        cur_->nonlocals.insert(n);
        cur_->nonlocalDecls.emplace_back(n, static_cast<const Nonlocal*>(s));
      }
    }
  }

  void stmt(Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = s->as<FunctionDef>();
        bind(f->name);
        for (Expr* d : f->args->defaults) expr(d);
        for (Expr* d : f->args->kwDefaults) if (d) expr(d);
        for (Expr* d : f->decorators) expr(d);
        push(Scope::Function);
        params(f->args);
        body(f->body);
        pop();
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = s->as<ClassDef>();
        bind(c->name);
        for (Expr* b : c->bases) expr(b);
        for (auto& k : c->keywords) expr(k.value);
        for (Expr* d : c->decorators) expr(d);
        push(Scope::Class);
        body(c->body);
        pop();
        break;
      }
      case StmtKind::Return: if (s->as<Return>()->value) expr(s->as<Return>()->value); break;
      case StmtKind::Delete: for (Expr* t : s->as<Delete>()->targets) target(t); break;
      case StmtKind::Assign:
        expr(s->as<Assign>()->value);
        for (Expr* t : s->as<Assign>()->targets) target(t);
        break;
      case StmtKind::AugAssign: {
        auto* a = s->as<AugAssign>();
        target(a->target);
        expr(a->value);
        break;
      }
      case StmtKind::AnnAssign: annAssign(s->as<AnnAssign>()); break;
      case StmtKind::For: {
        auto* f = s->as<For>();
        target(f->target);
        expr(f->iter);
        body(f->body);
        body(f->orelse);
        break;
      }
      case StmtKind::While: expr(s->as<While>()->test); body(s->as<While>()->body); body(s->as<While>()->orelse); break;
      case StmtKind::If: expr(s->as<If>()->test); body(s->as<If>()->body); body(s->as<If>()->orelse); break;
      case StmtKind::With:
        for (auto& it : s->as<With>()->items) {
          expr(it.contextExpr);
          if (it.optionalVars) target(it.optionalVars);
        }
        body(s->as<With>()->body);
        break;
      case StmtKind::Raise:
        if (s->as<Raise>()->exc) expr(s->as<Raise>()->exc);
        if (s->as<Raise>()->cause) expr(s->as<Raise>()->cause);
        break;
      case StmtKind::Try: {
        auto* t = s->as<Try>();
        body(t->body);
        for (ExceptHandler* h : t->handlers) {
          if (h->type) expr(h->type);
          if (!h->name.empty()) bind(h->name);
          body(h->body);
        }
        body(t->orelse);
        body(t->finalbody);
        break;
      }
      case StmtKind::Assert:
        expr(s->as<Assert>()->test);
        if (s->as<Assert>()->msg) expr(s->as<Assert>()->msg);
        break;
      case StmtKind::Import:
        for (auto& a : s->as<Import>()->names) {
          std::string n = !a.asname.empty() ? a.asname : a.name.substr(0, a.name.find('.'));
          bind(n);
        }
        break;
      case StmtKind::ImportFrom:
        for (auto& a : s->as<ImportFrom>()->names) {
          if (a.name == "*") {
            if (cur_->kind != Scope::Module) failOn(a, "import * only allowed at module level");
            continue;
          }
          bind(!a.asname.empty() ? a.asname : a.name);
        }
        break;
      case StmtKind::Global: declare(s, s->as<Global>()->names, true); break;
      case StmtKind::Nonlocal: declare(s, s->as<Nonlocal>()->names, false); break;
      case StmtKind::Expr: expr(s->as<ExprStmt>()->value); break;
      case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue: break;
    }
  }

  // As CPython's symtable: a simple annotated name is local to the scope
  // (even without a value) and may not be declared global or nonlocal in a
  // function or class; the annotation's names count as used there, though
  // a function never evaluates them.
  void annAssign(AnnAssign* a) {
    if (a->target->is<Name>()) {
      const std::string& n = a->target->as<Name>()->id;
      bool declared = cur_->globals.count(n) || cur_->nonlocals.count(n);
      if (declared && cur_->kind != Scope::Module && a->simple)
        failOn(*a, "annotated name '" + n + "' can't be " + (cur_->globals.count(n) ? "global" : "nonlocal"));
      if (a->simple) {
        cur_->annotated.insert(n);
        bind(n);
      } else if (a->value) {
        bind(n);
      }
    } else {
      expr(a->target);
    }
    expr(a->annotation);
    if (a->value) expr(a->value);
  }

  void comprehension(Expr* e, std::vector<Comprehension>& gens, const char* what) {
    // The first iterable is evaluated outside the comprehension's scope.
    expr(gens[0].iter);
    push(Scope::Comprehension);
    comprehensionName_.push_back(what);
    for (std::size_t k = 0; k < gens.size(); ++k) {
      if (k > 0) expr(gens[k].iter);
      target(gens[k].target);
      for (Expr* c : gens[k].ifs) expr(c);
    }
    if (e->is<DictComp>()) { expr(e->as<DictComp>()->key); expr(e->as<DictComp>()->value); }
    else if (e->is<ListComp>()) expr(e->as<ListComp>()->elt);
    else if (e->is<SetComp>()) expr(e->as<SetComp>()->elt);
    else expr(e->as<GeneratorExp>()->elt);
    comprehensionName_.pop_back();
    pop();
  }
  std::vector<const char*> comprehensionName_;

  // PEP 572: in a comprehension, := binds in the nearest enclosing scope
  // that is not one, and may not rebind an iteration variable.
  void namedTarget(Expr* e, const std::string& id) {
    // CPython's symbol table points at the target name.
    const Span at = *e->as<NamedExpr>()->target;
    Scope* s = cur_;
    for (; s->kind == Scope::Comprehension; s = s->parent)
      if (s->bound.count(id))
        failOn(at, "assignment expression cannot rebind comprehension iteration variable '" + id + "'");
    if (s != cur_ && s->kind == Scope::Class)
      failOn(at, "assignment expression within a comprehension cannot be used in a class body");
    s->bound.insert(id);
  }

  void expr(Expr* e) {
    switch (e->kind) {
      case ExprKind::Name:
        if (e->as<Name>()->ctx == Ctx::Load) cur_->used.insert(e->as<Name>()->id);
        else bind(e->as<Name>()->id);
        return;
      case ExprKind::Lambda: {
        auto* l = e->as<Lambda>();
        for (Expr* d : l->args->defaults) expr(d);
        for (Expr* d : l->args->kwDefaults) if (d) expr(d);
        push(Scope::Function);
        params(l->args);
        expr(l->body);
        pop();
        return;
      }
      case ExprKind::ListComp: comprehension(e, e->as<ListComp>()->generators, "list comprehension"); return;
      case ExprKind::SetComp: comprehension(e, e->as<SetComp>()->generators, "set comprehension"); return;
      case ExprKind::DictComp: comprehension(e, e->as<DictComp>()->generators, "dict comprehension"); return;
      case ExprKind::GeneratorExp: comprehension(e, e->as<GeneratorExp>()->generators, "generator expression"); return;
      case ExprKind::Yield: case ExprKind::YieldFrom:
        if (cur_->kind == Scope::Comprehension) failOn(*e, std::string("'yield' inside ") + comprehensionName_.back());
        break;
      case ExprKind::NamedExpr: {
        auto* n = e->as<NamedExpr>();
        expr(n->value);
        namedTarget(e, n->target->as<Name>()->id);
        return;
      }
      default: break;
    }
    forEachChild(e, [&](Expr* c) { expr(c); });
  }
};

// ---------------------------------------------------------------------------
// Pass 2: the compiler's checks.

class CompileChecker {
 public:
  static void scanFactsModule(Module& m) { scanFacts(m.body, nullptr); }
  explicit CompileChecker(int futureLine) : futureLine_(futureLine) {}
  void module(Module& m) {
    Ctx c;
    body(m.body, c);
  }

 private:
  int futureLine_;  // the last `from __future__` import of the file's top
  enum class Kind { Module, Function, AsyncFunction, Lambda, Class, Comprehension };
  struct Ctx {
    Kind kind = Kind::Module;
    Kind outer = Kind::Module;  // for comprehensions: the enclosing code's kind
    int loops = 0;
    FunctionDef* fn = nullptr;
  };

  void body(std::vector<Stmt*>& b, Ctx& c) { for (Stmt* s : b) stmt(s, c); }

  static bool isFunctionKind(Kind k) { return k == Kind::Function || k == Kind::AsyncFunction || k == Kind::Lambda; }

  // Marks yield/await facts on every FunctionDef first (CPython knows them
  // from the symbol table before compiling).
  static void scanFacts(std::vector<Stmt*>& b, FunctionDef* fn);
  static void scanExpr(Expr* e, FunctionDef* fn);

  void targets(Expr* t, Ctx& c) {
    if (t->is<Starred>()) failOn(*t, "starred assignment target must be in a list or tuple");
    storeTarget(t, c);
  }
  void storeTarget(Expr* t, Ctx& c) {
    if (t->is<Tuple>() || t->is<List>()) {
      auto& elts = t->is<Tuple>() ? t->as<Tuple>()->elts : t->as<List>()->elts;
      int stars = 0;
      for (Expr* x : elts)
        if (x->is<Starred>() && ++stars > 1) failOn(*t, "multiple starred expressions in assignment");
      for (Expr* x : elts) storeTarget(x->is<Starred>() ? x->as<Starred>()->value : x, c);
      return;
    }
    expr(t, c);
  }

  void stmt(Stmt* s, Ctx& c) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = s->as<FunctionDef>();
        for (Expr* d : f->decorators) expr(d, c);
        for (Expr* d : f->args->defaults) expr(d, c);
        for (Expr* d : f->args->kwDefaults) if (d) expr(d, c);
        Ctx inner;
        inner.kind = f->isAsync ? Kind::AsyncFunction : Kind::Function;
        inner.fn = f;
        body(f->body, inner);
        return;
      }
      case StmtKind::ClassDef: {
        auto* k = s->as<ClassDef>();
        for (Expr* d : k->decorators) expr(d, c);
        Ctx inner;
        inner.kind = Kind::Class;
        body(k->body, inner);
        for (Expr* b : k->bases) expr(b, c);
        for (auto& kw : k->keywords) expr(kw.value, c);
        return;
      }
      case StmtKind::Return: {
        auto* r = s->as<Return>();
        if (!isFunctionKind(c.kind)) failOn(*s, "'return' outside function");
        if (r->value && c.fn && c.fn->isAsync && c.fn->isGenerator) failOn(*s, "'return' with value in async generator");
        if (r->value) expr(r->value, c);
        return;
      }
      case StmtKind::Delete: for (Expr* t : s->as<Delete>()->targets) expr(t, c); return;
      case StmtKind::Assign:
        expr(s->as<Assign>()->value, c);
        for (Expr* t : s->as<Assign>()->targets) targets(t, c);
        return;
      case StmtKind::AugAssign: expr(s->as<AugAssign>()->target, c); expr(s->as<AugAssign>()->value, c); return;
      case StmtKind::AnnAssign: {
        // CPython compiles the value and target, then (outside functions)
        // the annotation; a function never compiles its annotations.
        auto* a = s->as<AnnAssign>();
        if (a->value) {
          expr(a->value, c);
          expr(a->target, c);
        } else if (!a->target->is<Name>()) {
          forEachChild(a->target, [&](Expr* x) { expr(x, c); });
        }
        if (c.kind == Kind::Module || c.kind == Kind::Class) expr(a->annotation, c);
        return;
      }
      case StmtKind::For: {
        auto* f = s->as<For>();
        if (f->isAsync && c.kind != Kind::AsyncFunction) failOn(*s, "'async for' outside async function");
        expr(f->iter, c);
        targets(f->target, c);
        ++c.loops;
        body(f->body, c);
        --c.loops;
        body(f->orelse, c);
        return;
      }
      case StmtKind::While: {
        auto* w = s->as<While>();
        expr(w->test, c);
        ++c.loops;
        body(w->body, c);
        --c.loops;
        body(w->orelse, c);
        return;
      }
      case StmtKind::If: expr(s->as<If>()->test, c); body(s->as<If>()->body, c); body(s->as<If>()->orelse, c); return;
      case StmtKind::With: {
        auto* w = s->as<With>();
        if (w->isAsync && c.kind != Kind::AsyncFunction) failOn(*s, "'async with' outside async function");
        for (auto& it : w->items) {
          expr(it.contextExpr, c);
          if (it.optionalVars) targets(it.optionalVars, c);
        }
        body(w->body, c);
        return;
      }
      case StmtKind::Raise:
        if (s->as<Raise>()->exc) expr(s->as<Raise>()->exc, c);
        if (s->as<Raise>()->cause) expr(s->as<Raise>()->cause, c);
        return;
      case StmtKind::Try: {
        auto* t = s->as<Try>();
        body(t->body, c);
        for (ExceptHandler* h : t->handlers) {
          if (h->type) expr(h->type, c);
          if (t->isStar) {
            // break/continue/return cannot leave an except* block.
            Ctx inner = c;
            inner.loops = 0;
            starBody(h->body, inner);
          } else {
            body(h->body, c);
          }
        }
        body(t->orelse, c);
        body(t->finalbody, c);
        return;
      }
      case StmtKind::Assert:
        expr(s->as<Assert>()->test, c);
        if (s->as<Assert>()->msg) expr(s->as<Assert>()->msg, c);
        return;
      case StmtKind::ImportFrom:
        if (isFutureImport(s) && s->line > futureLine_)
          failOn(*s, "from __future__ imports must occur at the beginning of the file");
        return;
      case StmtKind::Import: case StmtKind::Global: case StmtKind::Nonlocal:
      case StmtKind::Pass:
        return;
      case StmtKind::Expr: expr(s->as<ExprStmt>()->value, c); return;
      case StmtKind::Break: if (c.loops == 0) failOn(*s, "'break' outside loop"); return;
      case StmtKind::Continue: if (c.loops == 0) failOn(*s, "'continue' not properly in loop"); return;
    }
  }

  // An except* body: CPython refuses break/continue/return that would leave it.
  void starBody(std::vector<Stmt*>& b, Ctx& c) {
    for (Stmt* s : b) {
      if (s->is<Break>() && c.loops == 0) failOn(*s, "'break', 'continue' and 'return' cannot appear in an except* block");
      if (s->is<Continue>() && c.loops == 0) failOn(*s, "'break', 'continue' and 'return' cannot appear in an except* block");
      if (s->is<Return>()) {
        // CPython blames the last node it compiled: the returned value.
        const Expr* v = s->as<Return>()->value;
        failOn(v ? static_cast<const Span&>(*v) : static_cast<const Span&>(*s),
               "'break', 'continue' and 'return' cannot appear in an except* block");
      }
      stmt(s, c);
    }
  }

  void comprehension(Expr* e, std::vector<Comprehension>& gens, Ctx& c) {
    bool genexp = e->is<GeneratorExp>();
    expr(gens[0].iter, c);
    Ctx inner;
    inner.kind = Kind::Comprehension;
    inner.outer = c.kind == Kind::Comprehension ? c.outer : c.kind;
    inner.fn = c.fn;
    bool isAsync = false;
    for (std::size_t k = 0; k < gens.size(); ++k) {
      if (gens[k].isAsync) isAsync = true;
      if (k > 0) expr(gens[k].iter, inner);
      expr(gens[k].target, inner);
      for (Expr* x : gens[k].ifs) expr(x, inner);
    }
    if (e->is<DictComp>()) { expr(e->as<DictComp>()->key, inner); expr(e->as<DictComp>()->value, inner); }
    else if (e->is<ListComp>()) expr(e->as<ListComp>()->elt, inner);
    else if (e->is<SetComp>()) expr(e->as<SetComp>()->elt, inner);
    else expr(e->as<GeneratorExp>()->elt, inner);
    bool hasAwait = isAsync || containsAwait(e);
    if (hasAwait && !genexp && c.kind != Kind::AsyncFunction && c.kind != Kind::Comprehension)
      failOn(*e, "asynchronous comprehension outside of an asynchronous function");
  }

  static bool containsAwait(Expr* e) {
    bool found = false;
    std::function<void(Expr*)> walk = [&](Expr* x) {
      if (found) return;
      if (x->is<Await>()) { found = true; return; }
      if (x->is<Lambda>()) return;
      forEachChild(x, walk);
    };
    forEachChild(e, walk);
    return found;
  }

  void expr(Expr* e, Ctx& c) {
    switch (e->kind) {
      case ExprKind::Await:
        if (c.kind == Kind::Module || c.kind == Kind::Class) failOn(*e, "'await' outside function");
        if (c.kind != Kind::AsyncFunction && c.kind != Kind::Comprehension)
          failOn(*e, "'await' outside async function");
        break;
      case ExprKind::Yield: case ExprKind::YieldFrom:
        if (c.kind == Kind::Module || c.kind == Kind::Class) failOn(*e, "'yield' outside function");
        if (e->is<YieldFrom>() && c.kind == Kind::AsyncFunction) failOn(*e, "'yield from' inside async function");
        break;
      case ExprKind::Lambda: {
        auto* l = e->as<Lambda>();
        for (Expr* d : l->args->defaults) expr(d, c);
        for (Expr* d : l->args->kwDefaults) if (d) expr(d, c);
        Ctx inner;
        inner.kind = Kind::Lambda;
        expr(l->body, inner);
        return;
      }
      case ExprKind::ListComp: comprehension(e, e->as<ListComp>()->generators, c); return;
      case ExprKind::SetComp: comprehension(e, e->as<SetComp>()->generators, c); return;
      case ExprKind::DictComp: comprehension(e, e->as<DictComp>()->generators, c); return;
      case ExprKind::GeneratorExp: comprehension(e, e->as<GeneratorExp>()->generators, c); return;
      case ExprKind::Starred:
        if (e->as<Starred>()->ctx == py::Ctx::Load) failOn(*e, "can't use starred expression here");
        break;
      case ExprKind::List: case ExprKind::Tuple: case ExprKind::Set: {
        auto& elts = e->is<List>() ? e->as<List>()->elts : e->is<Tuple>() ? e->as<Tuple>()->elts : e->as<Set>()->elts;
        for (Expr* x : elts) expr(x->is<Starred>() ? x->as<Starred>()->value : x, c);
        return;
      }
      case ExprKind::Call: {
        auto* call = e->as<Call>();
        expr(call->func, c);
        for (Expr* a : call->args) expr(a->is<Starred>() ? a->as<Starred>()->value : a, c);
        for (auto& k : call->keywords) expr(k.value, c);
        return;
      }
      case ExprKind::Subscript: {
        auto* s = e->as<Subscript>();
        expr(s->value, c);
        if (s->slice->is<Tuple>()) {
          for (Expr* x : s->slice->as<Tuple>()->elts) expr(x->is<Starred>() ? x->as<Starred>()->value : x, c);
        } else {
          expr(s->slice, c);
        }
        return;
      }
      default: break;
    }
    forEachChild(e, [&](Expr* x) { expr(x, c); });
  }
};

void CompileChecker::scanExpr(Expr* e, FunctionDef* fn) {
  switch (e->kind) {
    case ExprKind::Yield: case ExprKind::YieldFrom: if (fn) fn->isGenerator = true; break;
    case ExprKind::Await: if (fn) fn->hasAwait = true; break;
    case ExprKind::Lambda: scanExpr(e->as<Lambda>()->body, nullptr); return;
    case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp: case ExprKind::GeneratorExp: {
      // An async comprehension awaits in the enclosing function.
      std::vector<Comprehension>& g = e->is<ListComp>() ? e->as<ListComp>()->generators
                                      : e->is<SetComp>() ? e->as<SetComp>()->generators
                                      : e->is<DictComp>() ? e->as<DictComp>()->generators
                                                          : e->as<GeneratorExp>()->generators;
      for (auto& c : g)
        if (c.isAsync && fn && !e->is<GeneratorExp>()) fn->hasAwait = true;
      // yield inside a comprehension is refused by pass 1; await inside one
      // (not a generator expression) awaits in the enclosing function.
      forEachChild(e, [&](Expr* x) { scanExpr(x, e->is<GeneratorExp>() ? nullptr : fn); });
      return;
    }
    default: break;
  }
  forEachChild(e, [&](Expr* x) { scanExpr(x, fn); });
}

void CompileChecker::scanFacts(std::vector<Stmt*>& b, FunctionDef* fn) {
  for (Stmt* s : b) {
    auto ex = [&](Expr* e) { if (e) scanExpr(e, fn); };
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = s->as<FunctionDef>();
        for (Expr* d : f->decorators) ex(d);
        for (Expr* d : f->args->defaults) ex(d);
        for (Expr* d : f->args->kwDefaults) ex(d);
        scanFacts(f->body, f);
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = s->as<ClassDef>();
        for (Expr* d : c->decorators) ex(d);
        for (Expr* d : c->bases) ex(d);
        for (auto& k : c->keywords) ex(k.value);
        scanFacts(c->body, nullptr);
        break;
      }
      case StmtKind::Return: ex(s->as<Return>()->value); break;
      case StmtKind::Delete: for (Expr* t : s->as<Delete>()->targets) ex(t); break;
      case StmtKind::Assign: ex(s->as<Assign>()->value); for (Expr* t : s->as<Assign>()->targets) ex(t); break;
      case StmtKind::AugAssign: ex(s->as<AugAssign>()->target); ex(s->as<AugAssign>()->value); break;
      case StmtKind::AnnAssign: {
        // The symbol table sees the annotation even where it is never
        // evaluated: `x: (yield)` makes a generator, as in CPython.
        auto* a = s->as<AnnAssign>();
        ex(a->target); ex(a->annotation); ex(a->value);
        break;
      }
      case StmtKind::For: {
        auto* f = s->as<For>();
        if (f->isAsync && fn) fn->hasAwait = true;
        ex(f->target); ex(f->iter);
        scanFacts(f->body, fn); scanFacts(f->orelse, fn);
        break;
      }
      case StmtKind::While: ex(s->as<While>()->test); scanFacts(s->as<While>()->body, fn); scanFacts(s->as<While>()->orelse, fn); break;
      case StmtKind::If: ex(s->as<If>()->test); scanFacts(s->as<If>()->body, fn); scanFacts(s->as<If>()->orelse, fn); break;
      case StmtKind::With: {
        auto* w = s->as<With>();
        if (w->isAsync && fn) fn->hasAwait = true;
        for (auto& it : w->items) { ex(it.contextExpr); ex(it.optionalVars); }
        scanFacts(w->body, fn);
        break;
      }
      case StmtKind::Raise: ex(s->as<Raise>()->exc); ex(s->as<Raise>()->cause); break;
      case StmtKind::Try: {
        auto* t = s->as<Try>();
        scanFacts(t->body, fn);
        for (ExceptHandler* h : t->handlers) { ex(h->type); scanFacts(h->body, fn); }
        scanFacts(t->orelse, fn);
        scanFacts(t->finalbody, fn);
        break;
      }
      case StmtKind::Assert: ex(s->as<Assert>()->test); ex(s->as<Assert>()->msg); break;
      case StmtKind::Expr: ex(s->as<ExprStmt>()->value); break;
      default: break;
    }
  }
}

}  // namespace

bool checkModule(const Source& src, Module& m, FrontError& out) {
  (void)src;
  try {
    int futureLine = checkFutureImports(m);
    SymbolChecker().module(m);
    CompileChecker::scanFactsModule(m);
    CompileChecker(futureLine).module(m);
  } catch (const CheckFailure& f) {
    out = f.error;
    // CPython's symbol table and compiler errors carry no source text when
    // compiled from a string, but when run from a file the line is read
    // back; the caller fills sourceLine from the file as for other errors.
    return false;
  }
  return true;
}

}  // namespace py
