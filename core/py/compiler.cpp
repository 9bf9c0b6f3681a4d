// compiler.cpp: AST → bytecode, one CodeObj per scope: code units, labels,
// constants and names, and the entry point compileModule().
//
// Shaped after CPython's compile.c: a stack of "frame blocks" (loops, try
// bodies, handlers, with bodies) so that return/break/continue can unwind
// exactly what they leave, and try/except/finally compiled to handler
// blocks (SETUP_EXCEPT) with the handled exception saved on the value stack.
//
// The Compiler class is declared in compiler_internal.h; its statements,
// exception blocks, functions and expressions are compiled in the files
// named after them.
#include "core/py/compiler.h"

#include "core/py/compiler_internal.h"

namespace py {

namespace codegen {

CodeObj* Compiler::module(const Module& m) {
  enter(st_.of(&m), "<module>", "<module>", 1);
  u().code->isModule = true;
  futureAnnotations_ = hasFutureAnnotations(m);
  setupAnnotations(m.body);
  stmts(m.body);
  emit(Op::LOAD_CONST, constant(Value::none()));
  emit(Op::RETURN_VALUE);
  return leave();
}

void Compiler::enter(Scope* s, std::string name, std::string qualname, int line) {
  units_.emplace_back();
  Unit& un = u();
  un.scope = s;
  un.line = line;
  CodeObj* c = vm_.make<CodeObj>(vm_.t.code);
  vm_.addRoot(Value::object(c));
  un.code = c;
  c->name = std::move(name);
  c->qualname = std::move(qualname);
  c->firstLine = line;
  for (auto& p : s->params) addVar(p);
  if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension) {
    for (auto& n : s->localOrder) {
      auto k = s->kindOf(n);
      if (k == NameKind::Local || k == NameKind::Cell) addVar(n);
    }
  }
  c->cellvars = s->cellvars;
  c->freevars = s->freevars;
  for (auto& cv : c->cellvars) {
    int arg = -1;
    for (std::size_t i = 0; i < s->params.size(); ++i)
      if (s->params[i] == cv) arg = static_cast<int>(i);
    c->cellArgs.push_back(arg);
  }
  c->isGenerator = s->isGenerator && !s->isCoroutine;
  c->isCoroutine = s->isCoroutine && !s->isGenerator;
  c->isAsyncGenerator = s->isCoroutine && s->isGenerator;
}

CodeObj* Compiler::leave() {
  Unit& un = u();
  CodeObj* c = un.code;
  for (auto& ins : c->code) {
    if (isJump(ins.op)) ins.arg = un.labels[static_cast<std::size_t>(ins.arg)];
  }
  c->maxStack = computeMaxStack(*c) + 4;
  units_.pop_back();
  return c;
}

bool Compiler::isJump(Op op) {
  switch (op) {
    case Op::JUMP: case Op::POP_JUMP_IF_FALSE: case Op::POP_JUMP_IF_TRUE:
    case Op::JUMP_IF_FALSE_OR_POP: case Op::JUMP_IF_TRUE_OR_POP: case Op::FOR_ITER:
    case Op::SETUP_EXCEPT: case Op::SEND:
      return true;
    default:
      return false;
  }
}

int Compiler::addVar(const std::string& n) {
  auto it = u().varIndex.find(n);
  if (it != u().varIndex.end()) return it->second;
  int i = static_cast<int>(u().code->varnames.size());
  u().code->varnames.push_back(vm_.intern(n));
  u().varIndex[n] = i;
  return i;
}

void Compiler::fail(int line, int col, std::string msg) {
  throw Failure{CompileError{line, col + 1, std::move(msg), true}};
}

void Compiler::emit(Op op, int arg) {
  u().code->code.push_back(Instr{op, arg});
  u().code->lines.push_back(u().line);
}

int Compiler::newLabel() {
  u().labels.push_back(-1);
  return static_cast<int>(u().labels.size()) - 1;
}

int Compiler::constant(Value v) {
  std::uint64_t key = v.bits();
  auto it = u().constIndex.find(key);
  if (it != u().constIndex.end()) return it->second;
  int i = static_cast<int>(u().code->consts.size());
  u().code->consts.push_back(v);
  u().constIndex[key] = i;
  return i;
}

int Compiler::name(const std::string& n) {
  auto it = u().nameIndex.find(n);
  if (it != u().nameIndex.end()) return it->second;
  int i = static_cast<int>(u().code->names.size());
  u().code->names.push_back(vm_.intern(n));
  u().nameIndex[n] = i;
  return i;
}

int Compiler::cellIndex(const std::string& n) {
  const CodeObj* c = u().code;
  for (std::size_t i = 0; i < c->cellvars.size(); ++i)
    if (c->cellvars[i] == n) return static_cast<int>(i);
  for (std::size_t i = 0; i < c->freevars.size(); ++i)
    if (c->freevars[i] == n) return static_cast<int>(c->cellvars.size() + i);
  return -1;
}

void Compiler::nameOp(const std::string& n, Ctx ctx) {
  Scope* s = u().scope;
  NameKind k = s->kindOf(n);
  if (s->kind == ScopeKind::Class && k == NameKind::Free && cellIndex(n) < 0) k = NameKind::Name;
  switch (k) {
    case NameKind::Local:
      emit(ctx == Ctx::Load ? Op::LOAD_FAST : ctx == Ctx::Store ? Op::STORE_FAST : Op::DELETE_FAST, addVar(n));
      return;
    case NameKind::Cell:
    case NameKind::Free:
      emit(ctx == Ctx::Load ? Op::LOAD_DEREF : ctx == Ctx::Store ? Op::STORE_DEREF : Op::DELETE_DEREF, cellIndex(n));
      return;
    case NameKind::GlobalExplicit:
      emit(ctx == Ctx::Load ? Op::LOAD_GLOBAL : ctx == Ctx::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, name(n));
      return;
    case NameKind::GlobalImplicit:
      if (s->kind == ScopeKind::Class) {
        emit(ctx == Ctx::Load ? Op::LOAD_NAME : ctx == Ctx::Store ? Op::STORE_NAME : Op::DELETE_NAME, name(n));
      } else {
        emit(ctx == Ctx::Load ? Op::LOAD_GLOBAL : ctx == Ctx::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, name(n));
      }
      return;
    case NameKind::Name:
      emit(ctx == Ctx::Load ? Op::LOAD_NAME : ctx == Ctx::Store ? Op::STORE_NAME : Op::DELETE_NAME, name(n));
      return;
  }
}

}  // namespace codegen

CompileResult compileModule(VM& vm, const Module& module, const std::string& fileName) {
  CompileResult r;
  auto st = buildSymbolTable(module);
  if (st->error) {
    r.error = CompileError{st->error->first, 1, st->error->second, false};
    return r;
  }
  codegen::Compiler c(vm, *st, fileName);
  try {
    r.code = c.module(module);
  } catch (codegen::Failure& f) {
    r.error = f.error;
  }
  return r;
}

}  // namespace py

