// compiler_annotations.cpp: variable annotations (`x: int = 5`) to bytecode,
// with CPython 3.11's semantics, compiled to existing opcodes only.
//
// A module or class body holding any annotated assignment starts by making
// its `__annotations__` dict (CPython's SETUP_ANNOTATIONS: BUILD_MAP 0 then
// STORE_NAME). The statement assigns the value first; then, in a module or
// class body, a simple name's annotation is evaluated and stored under the
// name (STORE_SUBSCR into `__annotations__`), while a complex target's
// annotation is evaluated and dropped. A function never evaluates its
// annotations. Under `from __future__ import annotations` the stored
// annotation is its source text as CPython's C unparser writes it, so that
// forward references (`next: Node | None`) never run.
#include <cmath>

#include "core/py/bytes_object.h"
#include "core/py/compiler_internal.h"
#include "core/py/runtime/float_format.h"

namespace py::codegen {

namespace {

// CPython's find_ann: an annotated assignment anywhere in the body, nested
// blocks included, but not inside nested functions or classes.
bool anyAnnotation(const std::vector<Stmt*>& body);

bool anyAnnotationIn(const Stmt* s) {
  switch (s->kind) {
    case StmtKind::AnnAssign:
      return true;
    case StmtKind::For:
      return anyAnnotation(s->as<For>()->body) || anyAnnotation(s->as<For>()->orelse);
    case StmtKind::While:
      return anyAnnotation(s->as<While>()->body) || anyAnnotation(s->as<While>()->orelse);
    case StmtKind::If:
      return anyAnnotation(s->as<If>()->body) || anyAnnotation(s->as<If>()->orelse);
    case StmtKind::With:
      return anyAnnotation(s->as<With>()->body);
    case StmtKind::Try: {
      const auto* t = s->as<Try>();
      for (const ExceptHandler* h : t->handlers)
        if (anyAnnotation(h->body)) return true;
      return anyAnnotation(t->body) || anyAnnotation(t->orelse) || anyAnnotation(t->finalbody);
    }
    default:
      return false;
  }
}

bool anyAnnotation(const std::vector<Stmt*>& body) {
  for (const Stmt* s : body)
    if (anyAnnotationIn(s)) return true;
  return false;
}

// Binding strength in CPython's unparser, loosest first.
enum Prec {
  kTuple,
  kTest,
  kOr,
  kAnd,
  kNot,
  kCmp,
  kBor,
  kBxor,
  kBand,
  kShift,
  kArith,
  kTerm,
  kFactor,
  kPower,
  kAwait,
  kAtom
};

Prec binOpPrec(BinOpKind op) {
  switch (op) {
    case BinOpKind::Add:
    case BinOpKind::Sub:
      return kArith;
    case BinOpKind::Mult:
    case BinOpKind::MatMult:
    case BinOpKind::Div:
    case BinOpKind::Mod:
    case BinOpKind::FloorDiv:
      return kTerm;
    case BinOpKind::LShift:
    case BinOpKind::RShift:
      return kShift;
    case BinOpKind::BitOr:
      return kBor;
    case BinOpKind::BitXor:
      return kBxor;
    case BinOpKind::BitAnd:
      return kBand;
    case BinOpKind::Pow:
      return kPower;
  }
  return kAtom;
}

}  // namespace

void Compiler::setupAnnotations(const std::vector<Stmt*>& body) {
  if (!anyAnnotation(body)) return;
  emit(Op::BUILD_MAP, 0);
  emit(Op::STORE_NAME, name("__annotations__"));
}

bool Compiler::hasFutureAnnotations(const Module& m) {
  // The front end has already refused a `from __future__` import anywhere
  // but at the top, so any top-level one counts.
  for (const Stmt* s : m.body) {
    if (!s->is<ImportFrom>() || s->as<ImportFrom>()->module != "__future__") continue;
    for (const Alias& a : s->as<ImportFrom>()->names)
      if (a.name == "annotations") return true;
  }
  return false;
}

void Compiler::annAssign(AnnAssign* a) {
  if (a->value) {
    expr(a->value);
    target(a->target, Ctx::Store);
  }
  ScopeKind k = u().scope->kind;
  bool evaluates = k == ScopeKind::Module || k == ScopeKind::Class;
  u().line = a->line;
  if (a->target->is<Name>()) {
    if (a->simple && evaluates) {
      if (futureAnnotations_)
        emit(Op::LOAD_CONST, strConst(unparse(a->annotation, kTest)));
      else
        expr(a->annotation);
      u().line = a->line;
      emit(Op::LOAD_NAME, name("__annotations__"));
      emit(Op::LOAD_CONST, strConst(a->target->as<Name>()->id));
      emit(Op::STORE_SUBSCR);
    }
  } else if (!a->value) {
    // `obj.attr: T` / `d[k]: T` still evaluate the object (and the index).
    if (a->target->is<Attribute>()) {
      evaluateAndDrop(a->target->as<Attribute>()->value);
    } else {
      evaluateAndDrop(a->target->as<Subscript>()->value);
      evaluateIndexAndDrop(a->target->as<Subscript>()->slice);
    }
  }
  if (!a->simple && evaluates && !futureAnnotations_) evaluateAndDrop(a->annotation);
}

void Compiler::evaluateAndDrop(Expr* e) {
  expr(e);
  emit(Op::POP_TOP);
}

void Compiler::evaluateIndexAndDrop(Expr* e) {
  if (e->is<Slice>()) {
    for (Expr* part : {e->as<Slice>()->lower, e->as<Slice>()->upper, e->as<Slice>()->step})
      if (part) evaluateAndDrop(part);
  } else if (e->is<Tuple>()) {
    for (Expr* x : e->as<Tuple>()->elts) evaluateIndexAndDrop(x);
  } else {
    evaluateAndDrop(e);
  }
}

// The source text of an annotation as CPython 3.11's C unparser writes it
// (ast_unparse.c: minimal parentheses, normalized literals). `level` is the
// binding strength the context needs: looser expressions get parentheses.
std::string Compiler::unparse(const Expr* e, int level) {
  auto paren = [&](int prec, const std::string& s) { return level > prec ? "(" + s + ")" : s; };
  auto join = [&](const std::vector<Expr*>& xs, int lv) {
    std::string out;
    for (std::size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + unparse(xs[i], lv);
    return out;
  };
  auto refuse = [&](const char* what) -> std::string {
    fail(
        e->line, e->col,
        std::string("unsupported: ") + what + " in an annotation under 'from __future__ import annotations'");
  };
  switch (e->kind) {
    case ExprKind::Name:
      return e->as<Name>()->id;
    case ExprKind::Constant: {
      const auto* c = e->as<Constant>();
      switch (c->value) {
        case ConstantKind::None:
          return "None";
        case ConstantKind::True:
          return "True";
        case ConstantKind::False:
          return "False";
        case ConstantKind::Ellipsis:
          return "...";
        case ConstantKind::Int:
          return c->intDigits;
        case ConstantKind::Float:
          return std::isinf(c->floatValue) ? "1e309" : rt::floatRepr(c->floatValue);
        case ConstantKind::Str:
          return (c->uPrefix ? "u" : "") + strRepr(c->str);
        case ConstantKind::Bytes:
          return bytesRepr(c->str);
        case ConstantKind::Complex:
          return refuse("a complex literal");
      }
      return {};
    }
    case ExprKind::Attribute: {
      const Expr* v = e->as<Attribute>()->value;
      // `1 .real`: an int needs the space to stay an int.
      bool intValue = v->is<Constant>() && v->as<Constant>()->value == ConstantKind::Int;
      return unparse(v, kAtom) + (intValue ? " ." : ".") + e->as<Attribute>()->attr;
    }
    case ExprKind::Subscript:
      return unparse(e->as<Subscript>()->value, kAtom) + "[" + unparse(e->as<Subscript>()->slice, kTuple) +
             "]";
    case ExprKind::Slice: {
      const auto* s = e->as<Slice>();
      std::string out =
          (s->lower ? unparse(s->lower, kTest) : "") + ":" + (s->upper ? unparse(s->upper, kTest) : "");
      if (s->step) out += ":" + unparse(s->step, kTest);
      return out;
    }
    case ExprKind::Tuple: {
      const auto& elts = e->as<Tuple>()->elts;
      if (elts.empty()) return "()";
      return paren(kTuple, join(elts, kTest) + (elts.size() == 1 ? "," : ""));
    }
    case ExprKind::List:
      return "[" + join(e->as<List>()->elts, kTest) + "]";
    case ExprKind::Set:
      return "{" + join(e->as<Set>()->elts, kTest) + "}";
    case ExprKind::Dict: {
      const auto* d = e->as<Dict>();
      std::string out = "{";
      for (std::size_t i = 0; i < d->values.size(); ++i) {
        if (i) out += ", ";
        if (d->keys[i])
          out += unparse(d->keys[i], kTest) + ": " + unparse(d->values[i], kTest);
        else
          out += "**" + unparse(d->values[i], kBor);
      }
      return out + "}";
    }
    case ExprKind::Starred:
      return "*" + unparse(e->as<Starred>()->value, kBor);
    case ExprKind::BinOp: {
      const auto* b = e->as<BinOp>();
      int prec = binOpPrec(b->op);
      bool right = b->op == BinOpKind::Pow;  // right-associative
      return paren(prec, unparse(b->left, prec + (right ? 1 : 0)) + " " + binOpSymbol(b->op) + " " +
                             unparse(b->right, prec + (right ? 0 : 1)));
    }
    case ExprKind::UnaryOp: {
      const auto* u = e->as<UnaryOp>();
      int prec = u->op == UnaryOpKind::Not ? kNot : kFactor;
      std::string op = u->op == UnaryOpKind::Not ? "not " : unaryOpSymbol(u->op);
      return paren(prec, op + unparse(u->operand, prec));
    }
    case ExprKind::BoolOp: {
      const auto* b = e->as<BoolOp>();
      int prec = b->op == BoolOpKind::And ? kAnd : kOr;
      std::string out;
      for (std::size_t i = 0; i < b->values.size(); ++i)
        out += (i ? (b->op == BoolOpKind::And ? " and " : " or ") : "") + unparse(b->values[i], prec + 1);
      return paren(prec, out);
    }
    case ExprKind::Compare: {
      const auto* c = e->as<Compare>();
      std::string out = unparse(c->left, kCmp + 1);
      for (std::size_t i = 0; i < c->ops.size(); ++i)
        out += std::string(" ") + cmpOpSymbol(c->ops[i]) + " " + unparse(c->comparators[i], kCmp + 1);
      return paren(kCmp, out);
    }
    case ExprKind::IfExp: {
      const auto* i = e->as<IfExp>();
      return paren(kTest, unparse(i->body, kTest + 1) + " if " + unparse(i->test, kTest + 1) + " else " +
                              unparse(i->orelse, kTest));
    }
    case ExprKind::Call: {
      const auto* c = e->as<Call>();
      std::string out = unparse(c->func, kAtom) + "(";
      bool first = true;
      for (Expr* a : c->args) {
        out += (first ? "" : ", ") + unparse(a, kTest);
        first = false;
      }
      for (const Keyword& k : c->keywords) {
        out += (first ? "" : ", ") + (k.arg.empty() ? "**" : k.arg + "=") + unparse(k.value, kTest);
        first = false;
      }
      return out + ")";
    }
    case ExprKind::Lambda:
      return refuse("lambda");
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp:
      return refuse("a comprehension");
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      return refuse("an f-string");
    case ExprKind::Await:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return refuse("await or yield");
    case ExprKind::NamedExpr:  // CPython: "'named expression' can not be used within an annotation"
      return refuse("an assignment expression");
  }
  return {};
}

}  // namespace py::codegen
