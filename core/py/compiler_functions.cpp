// compiler_functions.cpp: def, async def and class statements to bytecode:
// a code object per body, then MAKE_FUNCTION with defaults and closure
// cells, or BUILD_CLASS running the class body.
#include "core/py/compiler_internal.h"

namespace py::codegen {

std::string Compiler::childQualname(const std::string& n) {
  Scope* s = u().scope;
  if (s->kind == ScopeKind::Module) return n;
  if (s->kind == ScopeKind::Class) return u().code->qualname + "." + n;
  return u().code->qualname + ".<locals>." + n;
}

// Pushes defaults/kwdefaults/closure/code and emits MAKE_FUNCTION.
void Compiler::makeFunction(CodeObj* code, Arguments* args) {
  int flags = 0;
  if (args && !args->defaults.empty()) {
    for (Expr* d : args->defaults) expr(d);
    emit(Op::BUILD_TUPLE, static_cast<int>(args->defaults.size()));
    flags |= 1;
  }
  if (args) {
    int n = 0;
    for (std::size_t i = 0; i < args->kwonlyargs.size(); ++i) {
      if (!args->kwDefaults[i]) continue;
      emit(Op::LOAD_CONST, strConst(args->kwonlyargs[i].name));
      expr(args->kwDefaults[i]);
      ++n;
    }
    if (n > 0) {
      emit(Op::BUILD_MAP, n);
      flags |= 2;
    }
  }
  if (!code->freevars.empty()) {
    for (auto& fv : code->freevars) emit(Op::LOAD_CLOSURE, cellIndex(fv));
    emit(Op::BUILD_TUPLE, static_cast<int>(code->freevars.size()));
    flags |= 8;
  }
  emit(Op::LOAD_CONST, constant(Value::object(code)));
  emit(Op::MAKE_FUNCTION, flags);
}

void Compiler::setArgCounts(CodeObj* c, Arguments* a) {
  c->posonlycount = static_cast<int>(a->posonlyargs.size());
  c->argcount = static_cast<int>(a->posonlyargs.size() + a->args.size());
  c->kwonlycount = static_cast<int>(a->kwonlyargs.size());
  c->varargs = a->vararg != nullptr;
  c->varkw = a->kwarg != nullptr;
}

void Compiler::functionDef(FunctionDef* f) {
  for (Expr* d : f->decorators) {
    expr(d);
    emit(Op::PUSH_NULL);
  }
  Scope* fs = st_.of(f);
  enter(fs, f->name, childQualname(f->name), f->line);
  setArgCounts(u().code, f->args);
  stmts(f->body);
  emit(Op::LOAD_CONST, constant(Value::none()));
  emit(Op::RETURN_VALUE);
  CodeObj* code = leave();
  u().line = f->line;
  makeFunction(code, f->args);
  for (std::size_t i = 0; i < f->decorators.size(); ++i) emit(Op::CALL, 1);
  nameOp(f->name, Ctx::Store);
}

void Compiler::classDef(ClassDef* c) {
  for (Expr* d : c->decorators) {
    expr(d);
    emit(Op::PUSH_NULL);
  }
  if (!c->keywords.empty()) fail(c->line, c->col, "unsupported: class keyword arguments");
  Scope* cs = st_.of(c);
  enter(cs, c->name, childQualname(c->name), c->line);
  u().code->isModule = true;
  u().code->isClassBody = true;
  emit(Op::LOAD_NAME, name("__name__"));
  emit(Op::STORE_NAME, name("__module__"));
  emit(Op::LOAD_CONST, strConst(u().code->qualname));
  emit(Op::STORE_NAME, name("__qualname__"));
  setupAnnotations(c->body);
  stmts(c->body);
  emit(Op::LOAD_CONST, constant(Value::none()));
  emit(Op::RETURN_VALUE);
  CodeObj* code = leave();
  u().line = c->line;
  makeFunction(code, nullptr);
  emit(Op::LOAD_CONST, strConst(c->name));
  for (Expr* b : c->bases) expr(b);
  emit(Op::BUILD_CLASS, static_cast<int>(c->bases.size()));
  for (std::size_t i = 0; i < c->decorators.size(); ++i) emit(Op::CALL, 1);
  nameOp(c->name, Ctx::Store);
}

}  // namespace py::codegen
