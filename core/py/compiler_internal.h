// compiler_internal.h: the Compiler class shared by the compiler's files
// (compiler.cpp: code units, constants, names; compiler_statements.cpp;
// compiler_exceptions.cpp: try/except/finally and with; compiler_functions.cpp:
// def and class; compiler_expressions.cpp: expressions, targets,
// comprehensions; compiler_annotations.cpp: variable annotations).
// Internal to core/py: only compiler.h is the interface.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/py/compiler.h"
#include "core/py/symtable.h"
#include "core/py/vm.h"

namespace py::codegen {

enum class FB { For, AsyncFor, While, TryBody, FinallyBody, Handler, FinallyExc, With, AsyncWith };

struct FBlock {
  FB kind;
  int continueLabel = -1;
  int breakLabel = -1;
  const std::vector<Stmt*>* finalbody = nullptr;
  std::string name{};  // Handler: the `as` name
  // AsyncFor over a fresh iterator (a call): leaving early drops it (POP_AITER).
  bool dropsIterator = false;
};

struct Unit {
  CodeObj* code = nullptr;
  Scope* scope = nullptr;
  std::vector<int> labels;  // label → instruction index (-1 unbound)
  std::map<std::uint64_t, int> constIndex;
  std::map<std::string, int> nameIndex;
  std::map<std::string, int> varIndex;
  std::vector<FBlock> fblocks;
  int line = 1;
};

struct Failure {
  CompileError error;
};

class Compiler {
 public:
  Compiler(VM& vm, const SymbolTable& st, std::string fileName) : vm_(vm), st_(st), file_(std::move(fileName)) {}

  CodeObj* module(const Module& m);
  std::optional<CompileError> error;

 private:
  Unit& u() { return units_.back(); }

  void enter(Scope* s, std::string name, std::string qualname, int line);
  CodeObj* leave();
  static bool isJump(Op op);
  int addVar(const std::string& n);
  [[noreturn]] void fail(int line, int col, std::string msg);
  void emit(Op op, int arg = 0);
  int newLabel();
  void bindLabel(int l) { u().labels[static_cast<std::size_t>(l)] = static_cast<int>(u().code->code.size()); }

  int constant(Value v);
  int strConst(const std::string& s) { return constant(Value::object(vm_.intern(s))); }
  int name(const std::string& n);
  int cellIndex(const std::string& n);

  // -- names ----------------------------------------------------------------
  void nameOp(const std::string& n, Ctx ctx);

  // -- statements -----------------------------------------------------------
  void stmts(const std::vector<Stmt*>& body);
  void stmt(Stmt* s);
  int loopIndex(Stmt* s);
  void unwindTo(int from, bool preserveTop);
  void unwindAll(bool preserveTop) { unwindTo(0, preserveTop); }

  void callExitNone(bool isAsync);
  void augAssign(AugAssign* a);
  void forStmt(For* f);
  void whileStmt(While* w);
  void withStmt(With* w, std::size_t item);
  void tryStmt(Try* t);
  void tryExcept(Try* t);
  void tryBodyAndElse(Try* t, int handler, int end);
  void handlerBody(ExceptHandler* h, int cleanup);
  void clearHandlerName(ExceptHandler* h);
  void tryExceptStar(Try* t);

  // -- variable annotations (compiler_annotations.cpp) ----------------------
  void setupAnnotations(const std::vector<Stmt*>& body);
  static bool hasFutureAnnotations(const Module& m);
  void annAssign(AnnAssign* a);
  void evaluateAndDrop(Expr* e);
  void evaluateIndexAndDrop(Expr* e);
  std::string unparse(const Expr* e, int level);

  // -- functions and classes -----------------------------------------------
  std::string childQualname(const std::string& n);
  void makeFunction(CodeObj* code, Arguments* args);
  void setArgCounts(CodeObj* c, Arguments* a);
  void functionDef(FunctionDef* f);
  void classDef(ClassDef* c);

  // -- targets ----------------------------------------------------------------
  void target(Expr* e, Ctx ctx);
  void subscriptIndex(Expr* s);

  // -- expressions ------------------------------------------------------------
  void jumpIf(Expr* test, bool cond, int label);
  Value intConstant(const std::string& digits, Expr* e);
  void elements(const std::vector<Expr*>& elts, Op build, Op appendOne, Op extend);
  void expr(Expr* e);
  void exprInner(Expr* e);
  void compare(Compare* c);
  void call(Call* c);
  void comprehension(Expr* e, const std::vector<Comprehension>& gens, int what);
  void comprehensionLoop(Expr* e, const std::vector<Comprehension>& gens, std::size_t i, int what);

  VM& vm_;
  const SymbolTable& st_;
  std::string file_;
  std::vector<Unit> units_;
  bool futureAnnotations_ = false;  // `from __future__ import annotations`
};

}  // namespace py::codegen
