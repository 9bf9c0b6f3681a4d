// compiler_exceptions.cpp: try/except/else/finally, except* and with /
// async with to bytecode: handler blocks (SETUP_EXCEPT) with the handled
// exception saved on the value stack, as CPython's compile.c lays them out.
#include "core/py/compiler_internal.h"

namespace py::codegen {

void Compiler::withStmt(With* w, std::size_t item) {
  if (item == w->items.size()) {
    stmts(w->body);
    return;
  }
  const WithItem& it = w->items[item];
  int handler = newLabel(), cleanup = newLabel(), suppress = newLabel(), end = newLabel();
  expr(it.contextExpr);
  u().line = w->line;
  if (w->isAsync) {
    emit(Op::BEFORE_ASYNC_WITH);
    emit(Op::GET_AWAITABLE);
    emit(Op::AWAIT);
  } else {
    emit(Op::BEFORE_WITH);
  }
  if (it.optionalVars) target(it.optionalVars, Ctx::Store);
  else emit(Op::POP_TOP);
  emit(Op::SETUP_EXCEPT, handler);
  u().fblocks.push_back(FBlock{w->isAsync ? FB::AsyncWith : FB::With});
  withStmt(w, item + 1);
  u().fblocks.pop_back();
  u().line = w->line;
  emit(Op::POP_BLOCK);
  callExitNone(w->isAsync);
  emit(Op::JUMP, end);
  // [exit, exc]
  bindLabel(handler);
  emit(Op::PUSH_EXC_INFO);  // [exit, prev, exc]
  emit(Op::SETUP_EXCEPT, cleanup);
  emit(Op::COPY, 3);
  emit(Op::PUSH_NULL);
  emit(Op::COPY, 3);
  emit(Op::WITH_EXC_ARGS);
  emit(Op::CALL, 3);
  if (w->isAsync) {
    emit(Op::GET_AWAITABLE);
    emit(Op::AWAIT);
  }
  emit(Op::POP_BLOCK);
  emit(Op::POP_JUMP_IF_TRUE, suppress);
  emit(Op::RERAISE, 2);
  bindLabel(suppress);  // [exit, prev, exc]
  emit(Op::POP_TOP);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  emit(Op::JUMP, end);
  bindLabel(cleanup);  // [exit, prev, exc, new]
  emit(Op::RERAISE, 3);
  bindLabel(end);
}

void Compiler::tryStmt(Try* t) {
  if (!t->finalbody.empty()) {
    int handler = newLabel(), cleanup = newLabel(), end = newLabel();
    emit(Op::SETUP_EXCEPT, handler);
    FBlock fb{FB::FinallyBody};
    fb.finalbody = &t->finalbody;
    u().fblocks.push_back(fb);
    if (!t->handlers.empty()) tryExcept(t);
    else stmts(t->body);
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    stmts(t->finalbody);
    emit(Op::JUMP, end);
    bindLabel(handler);
    emit(Op::PUSH_EXC_INFO);
    emit(Op::SETUP_EXCEPT, cleanup);
    u().fblocks.push_back(FBlock{FB::FinallyExc});
    stmts(t->finalbody);
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    emit(Op::RERAISE, 2);
    bindLabel(cleanup);
    emit(Op::RERAISE, 3);
    bindLabel(end);
  } else {
    tryExcept(t);
  }
}

// The guarded body (its exceptions go to `handler`), then the else
// clause, which runs only when the body raised nothing; `handler` is bound
// after them.
void Compiler::tryBodyAndElse(Try* t, int handler, int end) {
  emit(Op::SETUP_EXCEPT, handler);
  u().fblocks.push_back(FBlock{FB::TryBody});
  stmts(t->body);
  u().fblocks.pop_back();
  emit(Op::POP_BLOCK);
  stmts(t->orelse);
  emit(Op::JUMP, end);
  bindLabel(handler);
}

// An except (or except*) handler's body, its matched exception on the
// stack: bound to the `as` name or dropped, run under a Handler block whose
// exceptions go to `cleanup`.
void Compiler::handlerBody(ExceptHandler* h, int cleanup) {
  if (!h->name.empty()) nameOp(h->name, Ctx::Store);
  else emit(Op::POP_TOP);
  emit(Op::SETUP_EXCEPT, cleanup);
  FBlock fb{FB::Handler};
  fb.name = h->name;
  u().fblocks.push_back(fb);
  stmts(h->body);
  u().fblocks.pop_back();
  emit(Op::POP_BLOCK);
}

// `except E as e` ends with `e = None; del e`, as CPython compiles it, so the
// exception (and its traceback's frames) do not outlive the handler.
void Compiler::clearHandlerName(ExceptHandler* h) {
  if (h->name.empty()) return;
  emit(Op::LOAD_CONST, constant(Value::none()));
  nameOp(h->name, Ctx::Store);
  nameOp(h->name, Ctx::Del);
}

void Compiler::tryExcept(Try* t) {
  if (t->isStar) {
    tryExceptStar(t);
    return;
  }
  int handler = newLabel(), end = newLabel();
  tryBodyAndElse(t, handler, end);
  u().line = t->handlers.empty() ? t->line : t->handlers[0]->line;
  emit(Op::PUSH_EXC_INFO);  // [prev, exc]
  for (ExceptHandler* h : t->handlers) {
    u().line = h->line;
    int next = newLabel(), cleanup = newLabel();
    if (h->type) {
      expr(h->type);
      emit(Op::CHECK_EXC_MATCH);
      emit(Op::POP_JUMP_IF_FALSE, next);
    }
    handlerBody(h, cleanup);
    emit(Op::POP_EXCEPT);
    clearHandlerName(h);
    emit(Op::JUMP, end);
    bindLabel(cleanup);  // [prev, new]
    clearHandlerName(h);
    emit(Op::RERAISE, 2);
    bindLabel(next);
  }
  emit(Op::RERAISE, 2);
  bindLabel(end);
}

// except*: each handler takes the part of the (group) exception it matches;
// what no handler matched is raised again at the end.
void Compiler::tryExceptStar(Try* t) {
  int handler = newLabel(), end = newLabel();
  tryBodyAndElse(t, handler, end);
  emit(Op::PUSH_EXC_INFO);  // [prev, exc]
  int none = constant(Value::none());
  for (ExceptHandler* h : t->handlers) {
    u().line = h->line;
    int nomatch = newLabel(), next = newLabel(), cleanup = newLabel();
    expr(h->type);
    emit(Op::CHECK_EG_MATCH);  // [prev, rest, match]
    emit(Op::COPY, 1);
    emit(Op::LOAD_CONST, none);
    emit(Op::IS_OP, 0);
    emit(Op::POP_JUMP_IF_TRUE, nomatch);
    handlerBody(h, cleanup);
    emit(Op::JUMP, next);
    bindLabel(cleanup);  // [prev, rest, new]
    emit(Op::RERAISE, 3);
    bindLabel(nomatch);
    emit(Op::POP_TOP);
    bindLabel(next);
  }
  int done = newLabel();
  emit(Op::COPY, 1);
  emit(Op::LOAD_CONST, none);
  emit(Op::IS_OP, 0);
  emit(Op::POP_JUMP_IF_TRUE, done);
  emit(Op::RERAISE, 2);
  bindLabel(done);
  emit(Op::POP_TOP);
  emit(Op::POP_EXCEPT);
  bindLabel(end);
}

}  // namespace py::codegen
