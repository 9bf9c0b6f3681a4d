// compiler_expressions.cpp: expressions to bytecode: operators, comparison
// chains, calls, displays, comprehensions (each its own code object, as in
// CPython 3.11) and assignment targets.
#include "core/py/compiler_internal.h"

namespace py::codegen {

void Compiler::target(Expr* e, Ctx ctx) {
  int saved = u().line;
  u().line = e->line;
  switch (e->kind) {
    case ExprKind::Name: nameOp(e->as<Name>()->id, ctx); break;
    case ExprKind::Attribute:
      expr(e->as<Attribute>()->value);
      emit(ctx == Ctx::Del ? Op::DELETE_ATTR : Op::STORE_ATTR, name(e->as<Attribute>()->attr));
      break;
    case ExprKind::Subscript:
      expr(e->as<Subscript>()->value);
      subscriptIndex(e->as<Subscript>()->slice);
      emit(ctx == Ctx::Del ? Op::DELETE_SUBSCR : Op::STORE_SUBSCR);
      break;
    case ExprKind::Tuple:
    case ExprKind::List: {
      const auto& elts = e->is<Tuple>() ? e->as<Tuple>()->elts : e->as<List>()->elts;
      if (ctx == Ctx::Del) {
        for (Expr* x : elts) target(x, ctx);
        break;
      }
      int star = -1;
      for (std::size_t i = 0; i < elts.size(); ++i)
        if (elts[i]->is<Starred>()) star = static_cast<int>(i);
      if (star < 0) {
        emit(Op::UNPACK_SEQUENCE, static_cast<int>(elts.size()));
      } else {
        int after = static_cast<int>(elts.size()) - star - 1;
        emit(Op::UNPACK_EX, star | (after << 8));
      }
      for (Expr* x : elts) target(x->is<Starred>() ? x->as<Starred>()->value : x, ctx);
      break;
    }
    default:
      fail(e->line, e->col, "cannot assign to expression");
  }
  u().line = saved;
}

void Compiler::subscriptIndex(Expr* s) {
  if (s->is<Slice>()) {
    auto* sl = s->as<Slice>();
    int none = constant(Value::none());
    if (sl->lower) expr(sl->lower); else emit(Op::LOAD_CONST, none);
    if (sl->upper) expr(sl->upper); else emit(Op::LOAD_CONST, none);
    if (sl->step) {
      expr(sl->step);
      emit(Op::BUILD_SLICE, 3);
    } else {
      emit(Op::BUILD_SLICE, 2);
    }
  } else {
    expr(s);
  }
}

void Compiler::jumpIf(Expr* test, bool cond, int label) {
  expr(test);
  emit(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
}

Value Compiler::intConstant(const std::string& digits, Expr* e) {
  if (digits.size() <= 14) return Value::smallInt(std::stoll(digits));
  Value v = vm_.parseInt(digits);
  if (v == kError) fail(e->line, e->col, "integer literal too large");
  return v;
}

void Compiler::elements(const std::vector<Expr*>& elts, Op build, Op appendOne, Op extend) {
  bool starred = false;
  for (Expr* x : elts) starred |= x->is<Starred>();
  if (!starred) {
    for (Expr* x : elts) expr(x);
    emit(build, static_cast<int>(elts.size()));
    return;
  }
  emit(build == Op::BUILD_SET ? Op::BUILD_SET : Op::BUILD_LIST, 0);
  for (Expr* x : elts) {
    if (x->is<Starred>()) {
      expr(x->as<Starred>()->value);
      emit(extend, 1);
    } else {
      expr(x);
      emit(appendOne, 1);
    }
  }
  if (build == Op::BUILD_TUPLE) emit(Op::LIST_TO_TUPLE);
}

void Compiler::expr(Expr* e) {
  int saved = u().line;
  u().line = e->line;
  exprInner(e);
  u().line = saved;
}

void Compiler::exprInner(Expr* e) {
  switch (e->kind) {
    case ExprKind::BoolOp: {
      auto* b = e->as<BoolOp>();
      int end = newLabel();
      for (std::size_t i = 0; i < b->values.size(); ++i) {
        expr(b->values[i]);
        if (i + 1 < b->values.size())
          emit(b->op == BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP, end);
      }
      bindLabel(end);
      break;
    }
    case ExprKind::BinOp:
      expr(e->as<BinOp>()->left);
      expr(e->as<BinOp>()->right);
      emit(Op::BINARY_OP, static_cast<int>(e->as<BinOp>()->op));
      break;
    case ExprKind::UnaryOp:
      expr(e->as<UnaryOp>()->operand);
      emit(Op::UNARY_OP, static_cast<int>(e->as<UnaryOp>()->op));
      break;
    case ExprKind::Lambda: {
      auto* l = e->as<Lambda>();
      enter(st_.of(l), "<lambda>", childQualname("<lambda>"), l->line);
      setArgCounts(u().code, l->args);
      expr(l->body);
      emit(Op::RETURN_VALUE);
      CodeObj* code = leave();
      makeFunction(code, l->args);
      break;
    }
    case ExprKind::IfExp: {
      auto* i = e->as<IfExp>();
      int orelse = newLabel(), end = newLabel();
      jumpIf(i->test, false, orelse);
      expr(i->body);
      emit(Op::JUMP, end);
      bindLabel(orelse);
      expr(i->orelse);
      bindLabel(end);
      break;
    }
    case ExprKind::Dict: {
      auto* d = e->as<Dict>();
      bool unpack = false;
      for (Expr* k : d->keys) unpack |= (k == nullptr);
      if (!unpack) {
        for (std::size_t i = 0; i < d->keys.size(); ++i) {
          expr(d->keys[i]);
          expr(d->values[i]);
        }
        emit(Op::BUILD_MAP, static_cast<int>(d->keys.size()));
      } else {
        emit(Op::BUILD_MAP, 0);
        for (std::size_t i = 0; i < d->keys.size(); ++i) {
          if (d->keys[i]) {
            expr(d->keys[i]);
            expr(d->values[i]);
            emit(Op::MAP_ADD, 1);
          } else {
            expr(d->values[i]);
            emit(Op::DICT_UPDATE, 1);
          }
        }
      }
      break;
    }
    case ExprKind::Set: elements(e->as<Set>()->elts, Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE); break;
    case ExprKind::List: elements(e->as<List>()->elts, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND); break;
    case ExprKind::Tuple: elements(e->as<Tuple>()->elts, Op::BUILD_TUPLE, Op::LIST_APPEND, Op::LIST_EXTEND); break;
    case ExprKind::ListComp: comprehension(e, e->as<ListComp>()->generators, 0); break;
    case ExprKind::SetComp: comprehension(e, e->as<SetComp>()->generators, 1); break;
    case ExprKind::DictComp: comprehension(e, e->as<DictComp>()->generators, 2); break;
    case ExprKind::GeneratorExp: comprehension(e, e->as<GeneratorExp>()->generators, 3); break;
    case ExprKind::Await:
      expr(e->as<Await>()->value);
      emit(Op::GET_AWAITABLE);
      emit(Op::AWAIT);
      break;
    case ExprKind::Yield:
      if (e->as<Yield>()->value) expr(e->as<Yield>()->value);
      else emit(Op::LOAD_CONST, constant(Value::none()));
      emit(Op::YIELD_VALUE);
      break;
    case ExprKind::YieldFrom: {
      // CPython 3.11's shape: SEND loops until the iterator returns; the
      // YIELD_VALUE in between (arg 1) lets throw() reach the iterator.
      expr(e->as<YieldFrom>()->value);
      emit(Op::GET_YIELD_FROM_ITER);
      emit(Op::LOAD_CONST, constant(Value::none()));
      int loop = newLabel(), exit = newLabel();
      bindLabel(loop);
      emit(Op::SEND, exit);
      emit(Op::YIELD_VALUE, 1);
      emit(Op::JUMP, loop);
      bindLabel(exit);
      break;
    }
    case ExprKind::Compare: compare(e->as<Compare>()); break;
    case ExprKind::Call: call(e->as<Call>()); break;
    case ExprKind::FormattedValue: {
      auto* f = e->as<FormattedValue>();
      expr(f->value);
      int flags = f->conversion == 's' ? 1 : f->conversion == 'r' ? 2 : f->conversion == 'a' ? 3 : 0;
      if (f->formatSpec) {
        expr(f->formatSpec);
        flags |= 4;
      }
      emit(Op::FORMAT_VALUE, flags);
      break;
    }
    case ExprKind::JoinedStr: {
      auto* j = e->as<JoinedStr>();
      for (Expr* v : j->values) expr(v);
      if (j->values.size() != 1 || !j->values[0]->is<Constant>())
        emit(Op::BUILD_STRING, static_cast<int>(j->values.size()));
      break;
    }
    case ExprKind::Constant: {
      auto* c = e->as<Constant>();
      Value v;
      switch (c->value) {
        case ConstantKind::None: v = Value::none(); break;
        case ConstantKind::True: v = Value::boolean(true); break;
        case ConstantKind::False: v = Value::boolean(false); break;
        case ConstantKind::Ellipsis: v = vm_.ellipsis; break;
        case ConstantKind::Int: v = intConstant(c->intDigits, e); break;
        case ConstantKind::Float: v = Value::number(c->floatValue); break;
        case ConstantKind::Str: v = Value::object(vm_.intern(c->str)); break;
        case ConstantKind::Bytes: v = vm_.newBytes(c->str); break;
        default: fail(e->line, e->col, "unsupported: this literal");
      }
      emit(Op::LOAD_CONST, constant(v));
      break;
    }
    case ExprKind::Attribute:
      expr(e->as<Attribute>()->value);
      u().line = e->endLine;
      emit(Op::LOAD_ATTR, name(e->as<Attribute>()->attr));
      break;
    case ExprKind::Subscript:
      expr(e->as<Subscript>()->value);
      subscriptIndex(e->as<Subscript>()->slice);
      emit(Op::BINARY_SUBSCR);
      break;
    case ExprKind::Starred:
      fail(e->line, e->col, "can't use starred expression here");
    case ExprKind::Name: nameOp(e->as<Name>()->id, Ctx::Load); break;
    case ExprKind::NamedExpr:
      expr(e->as<NamedExpr>()->value);
      emit(Op::COPY, 1);  // the value is both stored and the expression's result
      nameOp(e->as<NamedExpr>()->target->as<Name>()->id, Ctx::Store);
      break;
    case ExprKind::Slice: {
      subscriptIndex(e);
      break;
    }
  }
}

void Compiler::compare(Compare* c) {
  expr(c->left);
  auto cmp = [&](CmpOpKind k) {
    switch (k) {
      case CmpOpKind::Is: emit(Op::IS_OP, 0); break;
      case CmpOpKind::IsNot: emit(Op::IS_OP, 1); break;
      case CmpOpKind::In: emit(Op::CONTAINS_OP, 0); break;
      case CmpOpKind::NotIn: emit(Op::CONTAINS_OP, 1); break;
      default: emit(Op::COMPARE_OP, static_cast<int>(k)); break;
    }
  };
  if (c->ops.size() == 1) {
    expr(c->comparators[0]);
    cmp(c->ops[0]);
    return;
  }
  int cleanup = newLabel(), end = newLabel();
  for (std::size_t i = 0; i + 1 < c->ops.size(); ++i) {
    expr(c->comparators[i]);
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    cmp(c->ops[i]);
    emit(Op::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  expr(c->comparators.back());
  cmp(c->ops.back());
  emit(Op::JUMP, end);
  bindLabel(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_TOP);
  bindLabel(end);
}

void Compiler::call(Call* c) {
  bool complex = false;
  for (Expr* a : c->args) complex |= a->is<Starred>();
  for (auto& k : c->keywords) complex |= k.arg.empty();
  bool method = c->func->is<Attribute>() && !complex;
  if (method) {
    expr(c->func->as<Attribute>()->value);
    u().line = c->func->endLine;
    emit(Op::LOAD_METHOD, name(c->func->as<Attribute>()->attr));
  } else {
    expr(c->func);
    emit(Op::PUSH_NULL);
  }
  if (complex) {
    elements(c->args, Op::BUILD_TUPLE, Op::LIST_APPEND, Op::LIST_EXTEND);
    if (c->args.empty() || !c->args[0]->is<Starred>()) {
      // elements() built a tuple directly when nothing was starred.
    }
    int flags = 0;
    if (!c->keywords.empty()) {
      emit(Op::BUILD_MAP, 0);
      for (auto& k : c->keywords) {
        if (k.arg.empty()) {
          expr(k.value);
          emit(Op::DICT_UPDATE, 1);
        } else {
          emit(Op::LOAD_CONST, strConst(k.arg));
          expr(k.value);
          emit(Op::MAP_ADD, 1);
        }
      }
      flags = 1;
    }
    u().line = c->line;
    emit(Op::CALL_EX, flags);
    return;
  }
  for (Expr* a : c->args) expr(a);
  if (!c->keywords.empty()) {
    std::vector<Value> names;
    for (auto& k : c->keywords) {
      expr(k.value);
      names.push_back(Value::object(vm_.intern(k.arg)));
    }
    Value tup = vm_.newTuple(std::move(names));
    vm_.addRoot(tup);
    emit(Op::LOAD_CONST, constant(tup));
    u().line = c->line;
    emit(Op::CALL_KW, static_cast<int>(c->args.size() + c->keywords.size()));
  } else {
    u().line = c->line;
    emit(Op::CALL, static_cast<int>(c->args.size()));
  }
}

// what: 0 list, 1 set, 2 dict, 3 generator.
void Compiler::comprehension(Expr* e, const std::vector<Comprehension>& gens, int what) {
  Scope* cs = st_.of(e);
  static const char* names[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
  enter(cs, names[what], childQualname(names[what]), e->line);
  u().code->argcount = 1;
  bool isAsync = cs->hasAwait;
  if (isAsync && what == 3) fail(e->line, e->col, "unsupported: asynchronous generator expression");
  u().code->isCoroutine = isAsync;
  u().code->isGenerator = what == 3;
  if (what == 0) emit(Op::BUILD_LIST, 0);
  if (what == 1) emit(Op::BUILD_SET, 0);
  if (what == 2) emit(Op::BUILD_MAP, 0);
  comprehensionLoop(e, gens, 0, what);
  if (what == 3) emit(Op::LOAD_CONST, constant(Value::none()));
  emit(Op::RETURN_VALUE);
  CodeObj* code = leave();
  makeFunction(code, nullptr);
  expr(gens[0].iter);
  emit(gens[0].isAsync ? Op::GET_AITER : Op::GET_ITER);
  emit(Op::PUSH_NULL);
  emit(Op::SWAP, 2);
  emit(Op::CALL, 1);
  if (isAsync) {
    emit(Op::GET_AWAITABLE);
    emit(Op::AWAIT);
  }
}

void Compiler::comprehensionLoop(Expr* e, const std::vector<Comprehension>& gens, std::size_t i, int what) {
  const Comprehension& g = gens[i];
  int top = newLabel(), end = newLabel();
  if (i == 0) {
    emit(Op::LOAD_FAST, 0);
  } else {
    expr(g.iter);
    emit(g.isAsync ? Op::GET_AITER : Op::GET_ITER);
  }
  bindLabel(top);
  if (g.isAsync) {
    emit(Op::SETUP_EXCEPT, end);
    emit(Op::GET_ANEXT);
    emit(Op::GET_AWAITABLE);
    emit(Op::AWAIT);
    emit(Op::POP_BLOCK);
  } else {
    emit(Op::FOR_ITER, end);
  }
  target(g.target, Ctx::Store);
  for (Expr* cond : g.ifs) jumpIf(cond, false, top);
  if (i + 1 < gens.size()) {
    comprehensionLoop(e, gens, i + 1, what);
  } else {
    int depth = static_cast<int>(gens.size()) + 1;
    switch (what) {
      case 0: expr(e->as<ListComp>()->elt); emit(Op::LIST_APPEND, depth); break;
      case 1: expr(e->as<SetComp>()->elt); emit(Op::SET_ADD, depth); break;
      case 2:
        expr(e->as<DictComp>()->key);
        expr(e->as<DictComp>()->value);
        emit(Op::MAP_ADD, depth);
        break;
      default:
        expr(e->as<GeneratorExp>()->elt);
        emit(Op::YIELD_VALUE);
        emit(Op::POP_TOP);
        break;
    }
  }
  emit(Op::JUMP, top);
  bindLabel(end);
  if (g.isAsync) emit(Op::END_ASYNC_FOR);
}

}  // namespace py::codegen
