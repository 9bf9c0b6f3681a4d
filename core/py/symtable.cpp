// symtable.cpp: scope analysis (see symtable.h), in two passes: collect the
// names each scope binds and uses, then resolve them from the outside in.
#include "core/py/symtable.h"

#include <algorithm>

namespace py {

NameKind Scope::kindOf(const std::string& name) const {
  auto it = resolved.find(name);
  if (it != resolved.end()) return it->second;
  if (kind == ScopeKind::Module) return NameKind::GlobalImplicit;
  if (kind == ScopeKind::Class) return NameKind::Name;
  return NameKind::GlobalImplicit;
}

namespace {

class Collector {
 public:
  explicit Collector(SymbolTable& st) : st_(st) {}

  Scope* newScope(ScopeKind k, const void* node, Scope* parent, int line) {
    st_.scopes.push_back(std::make_unique<Scope>());
    Scope* s = st_.scopes.back().get();
    s->kind = k;
    s->parent = parent;
    s->line = line;
    st_.byNode[node] = s;
    if (parent) parent->children.push_back(s);
    return s;
  }

  void bind(Scope* s, const std::string& name) {
    if (s->assigned.insert(name).second) {
      if (std::find(s->params.begin(), s->params.end(), name) == s->params.end())
        s->localOrder.push_back(name);
    }
  }

  void stmts(Scope* s, const std::vector<Stmt*>& body) {
    for (Stmt* st : body) stmt(s, st);
  }

  void args(Scope* outer, Scope* s, Arguments* a) {
    for (Expr* d : a->defaults) expr(outer, d);
    for (Expr* d : a->kwDefaults)
      if (d) expr(outer, d);
    auto add = [&](const std::string& n) {
      s->params.push_back(n);
      s->assigned.insert(n);
    };
    for (auto& p : a->posonlyargs) add(p.name);
    for (auto& p : a->args) add(p.name);
    for (auto& p : a->kwonlyargs) add(p.name);
    if (a->vararg) add(a->vararg->name);
    if (a->kwarg) add(a->kwarg->name);
  }

  void stmt(Scope* s, Stmt* st) {
    switch (st->kind) {
      case StmtKind::FunctionDef: {
        auto* f = st->as<FunctionDef>();
        for (Expr* d : f->decorators) expr(s, d);
        bind(s, f->name);
        Scope* fs = newScope(ScopeKind::Function, f, s, f->line);
        fs->isGenerator = f->isGenerator;
        fs->isCoroutine = f->isAsync;
        args(s, fs, f->args);
        stmts(fs, f->body);
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = st->as<ClassDef>();
        for (Expr* d : c->decorators) expr(s, d);
        for (Expr* b : c->bases) expr(s, b);
        for (auto& k : c->keywords) expr(s, k.value);
        bind(s, c->name);
        Scope* cs = newScope(ScopeKind::Class, c, s, c->line);
        stmts(cs, c->body);
        break;
      }
      case StmtKind::Return:
        if (auto* r = st->as<Return>(); r->value) expr(s, r->value);
        break;
      case StmtKind::Delete:
        for (Expr* e : st->as<Delete>()->targets) expr(s, e);
        break;
      case StmtKind::Assign: {
        auto* a = st->as<Assign>();
        expr(s, a->value);
        for (Expr* e : a->targets) expr(s, e);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = st->as<AugAssign>();
        expr(s, a->value);
        expr(s, a->target);
        if (a->target->is<Name>()) s->used.insert(a->target->as<Name>()->id);
        break;
      }
      case StmtKind::AnnAssign: {
        // A simple annotated name is bound here even without a value (a
        // local of a function, as in CPython); the annotation's names are
        // uses, though only module and class bodies evaluate them.
        auto* a = st->as<AnnAssign>();
        if (a->target->is<Name>()) {
          if (a->simple || a->value) bind(s, a->target->as<Name>()->id);
        } else {
          expr(s, a->target);
        }
        expr(s, a->annotation);
        if (a->value) expr(s, a->value);
        break;
      }
      case StmtKind::For: {
        auto* f = st->as<For>();
        expr(s, f->iter);
        expr(s, f->target);
        stmts(s, f->body);
        stmts(s, f->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = st->as<While>();
        expr(s, w->test);
        stmts(s, w->body);
        stmts(s, w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* i = st->as<If>();
        expr(s, i->test);
        stmts(s, i->body);
        stmts(s, i->orelse);
        break;
      }
      case StmtKind::With: {
        auto* w = st->as<With>();
        for (auto& it : w->items) {
          expr(s, it.contextExpr);
          if (it.optionalVars) expr(s, it.optionalVars);
        }
        stmts(s, w->body);
        break;
      }
      case StmtKind::Raise: {
        auto* r = st->as<Raise>();
        if (r->exc) expr(s, r->exc);
        if (r->cause) expr(s, r->cause);
        break;
      }
      case StmtKind::Try: {
        auto* t = st->as<Try>();
        stmts(s, t->body);
        for (ExceptHandler* h : t->handlers) {
          if (h->type) expr(s, h->type);
          if (!h->name.empty()) bind(s, h->name);
          stmts(s, h->body);
        }
        stmts(s, t->orelse);
        stmts(s, t->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* a = st->as<Assert>();
        expr(s, a->test);
        if (a->msg) expr(s, a->msg);
        break;
      }
      case StmtKind::Import:
        for (auto& al : st->as<Import>()->names) {
          std::string n = al.asname.empty() ? al.name.substr(0, al.name.find('.')) : al.asname;
          bind(s, n);
        }
        break;
      case StmtKind::ImportFrom:
        for (auto& al : st->as<ImportFrom>()->names) {
          if (al.name == "*") continue;
          bind(s, al.asname.empty() ? al.name : al.asname);
        }
        break;
      case StmtKind::Global:
        for (auto& n : st->as<Global>()->names) s->globals.insert(n);
        break;
      case StmtKind::Nonlocal:
        for (auto& n : st->as<Nonlocal>()->names) s->nonlocals.insert(n);
        break;
      case StmtKind::Expr:
        expr(s, st->as<ExprStmt>()->value);
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
    }
  }

  void comprehension(Scope* s, Expr* node, const std::vector<Comprehension>& gens,
                     std::initializer_list<Expr*> elts, bool isGen) {
    // The first iterable is evaluated in the enclosing scope.
    expr(s, gens[0].iter);
    Scope* cs = newScope(ScopeKind::Comprehension, node, s, node->line);
    cs->params.push_back(".0");
    cs->assigned.insert(".0");
    cs->isGenerator = isGen;
    for (std::size_t i = 0; i < gens.size(); ++i) {
      if (i > 0) expr(cs, gens[i].iter);
      if (gens[i].isAsync) cs->hasAwait = true;
      expr(cs, gens[i].target);
      for (Expr* c : gens[i].ifs) expr(cs, c);
    }
    for (Expr* e : elts) expr(cs, e);
  }

  void expr(Scope* s, Expr* e) {
    if (!e) return;
    switch (e->kind) {
      case ExprKind::BoolOp:
        for (Expr* v : e->as<BoolOp>()->values) expr(s, v);
        break;
      case ExprKind::BinOp:
        expr(s, e->as<BinOp>()->left);
        expr(s, e->as<BinOp>()->right);
        break;
      case ExprKind::UnaryOp:
        expr(s, e->as<UnaryOp>()->operand);
        break;
      case ExprKind::Lambda: {
        auto* l = e->as<Lambda>();
        Scope* ls = newScope(ScopeKind::Function, l, s, l->line);
        args(s, ls, l->args);
        expr(ls, l->body);
        break;
      }
      case ExprKind::IfExp:
        expr(s, e->as<IfExp>()->test);
        expr(s, e->as<IfExp>()->body);
        expr(s, e->as<IfExp>()->orelse);
        break;
      case ExprKind::Dict:
        for (Expr* k : e->as<Dict>()->keys) expr(s, k);
        for (Expr* v : e->as<Dict>()->values) expr(s, v);
        break;
      case ExprKind::Set:
        for (Expr* v : e->as<Set>()->elts) expr(s, v);
        break;
      case ExprKind::List:
        for (Expr* v : e->as<List>()->elts) expr(s, v);
        break;
      case ExprKind::Tuple:
        for (Expr* v : e->as<Tuple>()->elts) expr(s, v);
        break;
      case ExprKind::ListComp:
        comprehension(s, e, e->as<ListComp>()->generators, {e->as<ListComp>()->elt}, false);
        break;
      case ExprKind::SetComp:
        comprehension(s, e, e->as<SetComp>()->generators, {e->as<SetComp>()->elt}, false);
        break;
      case ExprKind::DictComp:
        comprehension(s, e, e->as<DictComp>()->generators,
                      {e->as<DictComp>()->key, e->as<DictComp>()->value}, false);
        break;
      case ExprKind::GeneratorExp:
        comprehension(s, e, e->as<GeneratorExp>()->generators, {e->as<GeneratorExp>()->elt}, true);
        break;
      case ExprKind::Await:
        s->hasAwait = true;
        expr(s, e->as<Await>()->value);
        break;
      case ExprKind::Yield:
        s->isGenerator = true;
        expr(s, e->as<Yield>()->value);
        break;
      case ExprKind::YieldFrom:
        s->isGenerator = true;
        expr(s, e->as<YieldFrom>()->value);
        break;
      case ExprKind::Compare:
        expr(s, e->as<Compare>()->left);
        for (Expr* c : e->as<Compare>()->comparators) expr(s, c);
        break;
      case ExprKind::Call:
        expr(s, e->as<Call>()->func);
        for (Expr* a : e->as<Call>()->args) expr(s, a);
        for (auto& k : e->as<Call>()->keywords) expr(s, k.value);
        break;
      case ExprKind::FormattedValue:
        expr(s, e->as<FormattedValue>()->value);
        expr(s, e->as<FormattedValue>()->formatSpec);
        break;
      case ExprKind::JoinedStr:
        for (Expr* v : e->as<JoinedStr>()->values) expr(s, v);
        break;
      case ExprKind::Constant:
        break;
      case ExprKind::Attribute:
        expr(s, e->as<Attribute>()->value);
        break;
      case ExprKind::Subscript:
        expr(s, e->as<Subscript>()->value);
        expr(s, e->as<Subscript>()->slice);
        break;
      case ExprKind::Starred:
        expr(s, e->as<Starred>()->value);
        break;
      case ExprKind::Name: {
        auto* n = e->as<Name>();
        if (n->ctx == Ctx::Load) s->used.insert(n->id);
        else bind(s, n->id);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = e->as<NamedExpr>();
        expr(s, n->value);
        const std::string& id = n->target->as<Name>()->id;
        // In a comprehension the name belongs to the enclosing function (a
        // cell the comprehension reaches as nonlocal) or module (global).
        Scope* owner = s;
        while (owner->kind == ScopeKind::Comprehension) owner = owner->parent;
        for (Scope* c = s; c != owner; c = c->parent) {
          if (owner->kind == ScopeKind::Module) c->globals.insert(id);
          else c->nonlocals.insert(id);
        }
        bind(owner, id);
        break;
      }
      case ExprKind::Slice:
        expr(s, e->as<Slice>()->lower);
        expr(s, e->as<Slice>()->upper);
        expr(s, e->as<Slice>()->step);
        break;
    }
  }

 private:
  SymbolTable& st_;
};

bool bindsLocally(const Scope* s, const std::string& n) {
  return s->assigned.count(n) && !s->globals.count(n) && !s->nonlocals.count(n);
}

// Is `name` a local of some enclosing function scope of s (class scopes skipped)?
Scope* findEnclosingBinder(Scope* s, const std::string& name) {
  for (Scope* p = s->parent; p; p = p->parent) {
    if (p->kind == ScopeKind::Module) return nullptr;
    if (p->kind == ScopeKind::Class) continue;
    if (p->globals.count(name)) return nullptr;
    if (bindsLocally(p, name) || (p->nonlocals.count(name))) return p;
  }
  return nullptr;
}

void addUnique(std::vector<std::string>& v, const std::string& n) {
  if (std::find(v.begin(), v.end(), n) == v.end()) v.push_back(n);
}

// Marks `name` free in every scope between `from` (inclusive) and `binder`.
void markFree(Scope* from, Scope* binder, const std::string& name) {
  for (Scope* p = from; p && p != binder; p = p->parent) {
    if (p->kind == ScopeKind::Class) {
      // A class body passes the cell through without owning the name.
      if (!bindsLocally(p, name)) {
        p->resolved[name] = NameKind::Free;
        addUnique(p->freevars, name);
      }
      continue;
    }
    p->resolved[name] = NameKind::Free;
    addUnique(p->freevars, name);
  }
  if (binder && binder->resolved[name] != NameKind::Free) {
    binder->resolved[name] = NameKind::Cell;
    addUnique(binder->cellvars, name);
  }
}

void resolve(Scope* s, SymbolTable& st) {
  for (auto& n : s->globals) s->resolved[n] = NameKind::GlobalExplicit;
  if (s->kind == ScopeKind::Module) {
    // Module names are globals.
  } else if (s->kind == ScopeKind::Class) {
    for (auto& n : s->assigned)
      if (!s->globals.count(n)) s->resolved[n] = NameKind::Name;
  } else {
    for (auto& n : s->params) s->resolved[n] = NameKind::Local;
    for (auto& n : s->assigned)
      if (!s->globals.count(n) && !s->nonlocals.count(n)) s->resolved[n] = NameKind::Local;
  }
  // Free names: nonlocals and uses of names bound in an enclosing function.
  std::set<std::string> wanted(s->used.begin(), s->used.end());
  wanted.insert(s->nonlocals.begin(), s->nonlocals.end());
  if (s->kind != ScopeKind::Module) {
    for (auto& n : wanted) {
      if (s->globals.count(n)) continue;
      if (s->nonlocals.count(n) == 0 && s->assigned.count(n)) continue;
      Scope* binder = findEnclosingBinder(s, n);
      if (binder) {
        markFree(s, binder, n);
      } else if (s->nonlocals.count(n)) {
        if (!st.error) st.error = std::make_pair(s->line, "no binding for nonlocal '" + n + "' found");
      }
    }
  }
  for (Scope* c : s->children) resolve(c, st);
}

void walkOrder(Scope* s, SymbolTable& st) {
  // Children may add cells to parents; resolve parents first, then children.
  resolve(s, st);
}

}  // namespace

std::unique_ptr<SymbolTable> buildSymbolTable(const Module& module) {
  auto st = std::make_unique<SymbolTable>();
  Collector c(*st);
  Scope* top = c.newScope(ScopeKind::Module, &module, nullptr, 1);
  c.stmts(top, module.body);
  walkOrder(top, *st);
  return st;
}

}  // namespace py
