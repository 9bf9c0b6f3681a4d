// compiler.cpp: AST → bytecode, one CodeObj per scope.
//
// Shaped after CPython's compile.c: a stack of "frame blocks" (loops, try
// bodies, handlers, with bodies) so that return/break/continue can unwind
// exactly what they leave, and try/except/finally compiled to handler
// blocks (SETUP_EXCEPT) with the handled exception saved on the value stack.
#include "core/py/compiler.h"

#include <map>

#include "core/py/symtable.h"
#include "core/py/vm.h"

namespace py {

namespace {

enum class FB { For, AsyncFor, While, TryBody, FinallyBody, Handler, FinallyExc, With, AsyncWith };

struct FBlock {
  FB kind;
  int continueLabel = -1;
  int breakLabel = -1;
  const std::vector<Stmt*>* finalbody = nullptr;
  std::string name;  // Handler: the `as` name
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

  CodeObj* module(const Module& m) {
    enter(st_.of(&m), "<module>", "<module>", 1);
    u().code->isModule = true;
    stmts(m.body);
    emit(Op::LOAD_CONST, constant(Value::none()));
    emit(Op::RETURN_VALUE);
    return leave();
  }

  std::optional<CompileError> error;

 private:
  Unit& u() { return units_.back(); }

  void enter(Scope* s, std::string name, std::string qualname, int line) {
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

  CodeObj* leave() {
    Unit& un = u();
    CodeObj* c = un.code;
    for (auto& ins : c->code) {
      if (isJump(ins.op)) ins.arg = un.labels[static_cast<std::size_t>(ins.arg)];
    }
    c->maxStack = computeMaxStack(*c) + 4;
    units_.pop_back();
    return c;
  }

  static bool isJump(Op op) {
    switch (op) {
      case Op::JUMP: case Op::POP_JUMP_IF_FALSE: case Op::POP_JUMP_IF_TRUE:
      case Op::JUMP_IF_FALSE_OR_POP: case Op::JUMP_IF_TRUE_OR_POP: case Op::FOR_ITER:
      case Op::SETUP_EXCEPT: case Op::SEND:
        return true;
      default:
        return false;
    }
  }

  int addVar(const std::string& n) {
    auto it = u().varIndex.find(n);
    if (it != u().varIndex.end()) return it->second;
    int i = static_cast<int>(u().code->varnames.size());
    u().code->varnames.push_back(vm_.intern(n));
    u().varIndex[n] = i;
    return i;
  }

  [[noreturn]] void fail(int line, int col, std::string msg) {
    throw Failure{CompileError{line, col + 1, std::move(msg), true}};
  }

  void emit(Op op, int arg = 0) {
    u().code->code.push_back(Instr{op, arg});
    u().code->lines.push_back(u().line);
  }
  int newLabel() {
    u().labels.push_back(-1);
    return static_cast<int>(u().labels.size()) - 1;
  }
  void bindLabel(int l) { u().labels[static_cast<std::size_t>(l)] = static_cast<int>(u().code->code.size()); }

  int constant(Value v) {
    std::uint64_t key = v.bits();
    auto it = u().constIndex.find(key);
    if (it != u().constIndex.end()) return it->second;
    int i = static_cast<int>(u().code->consts.size());
    u().code->consts.push_back(v);
    u().constIndex[key] = i;
    return i;
  }
  int strConst(const std::string& s) { return constant(Value::object(vm_.intern(s))); }
  int name(const std::string& n) {
    auto it = u().nameIndex.find(n);
    if (it != u().nameIndex.end()) return it->second;
    int i = static_cast<int>(u().code->names.size());
    u().code->names.push_back(vm_.intern(n));
    u().nameIndex[n] = i;
    return i;
  }
  int cellIndex(const std::string& n) {
    const CodeObj* c = u().code;
    for (std::size_t i = 0; i < c->cellvars.size(); ++i)
      if (c->cellvars[i] == n) return static_cast<int>(i);
    for (std::size_t i = 0; i < c->freevars.size(); ++i)
      if (c->freevars[i] == n) return static_cast<int>(c->cellvars.size() + i);
    return -1;
  }

  // -- names ----------------------------------------------------------------
  void nameOp(const std::string& n, Ctx ctx) {
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

  // -- statements -----------------------------------------------------------
  void stmts(const std::vector<Stmt*>& body) {
    for (Stmt* s : body) stmt(s);
  }

  void stmt(Stmt* s) {
    u().line = s->line;
    switch (s->kind) {
      case StmtKind::FunctionDef: functionDef(s->as<FunctionDef>()); break;
      case StmtKind::ClassDef: classDef(s->as<ClassDef>()); break;
      case StmtKind::Return: {
        auto* r = s->as<Return>();
        if (r->value) expr(r->value);
        else emit(Op::LOAD_CONST, constant(Value::none()));
        unwindAll(true);
        u().line = s->line;
        emit(Op::RETURN_VALUE);
        break;
      }
      case StmtKind::Delete:
        for (Expr* t : s->as<Delete>()->targets) target(t, Ctx::Del);
        break;
      case StmtKind::Assign: {
        auto* a = s->as<Assign>();
        expr(a->value);
        for (std::size_t i = 0; i < a->targets.size(); ++i) {
          if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
          target(a->targets[i], Ctx::Store);
        }
        break;
      }
      case StmtKind::AugAssign: augAssign(s->as<AugAssign>()); break;
      case StmtKind::AnnAssign: {
        auto* a = s->as<AnnAssign>();
        if (a->value) {
          expr(a->value);
          target(a->target, Ctx::Store);
        }
        break;
      }
      case StmtKind::For: forStmt(s->as<For>()); break;
      case StmtKind::While: whileStmt(s->as<While>()); break;
      case StmtKind::If: {
        auto* i = s->as<If>();
        int orelse = newLabel(), end = newLabel();
        jumpIf(i->test, false, orelse);
        stmts(i->body);
        if (!i->orelse.empty()) emit(Op::JUMP, end);
        bindLabel(orelse);
        stmts(i->orelse);
        bindLabel(end);
        break;
      }
      case StmtKind::With: withStmt(s->as<With>(), 0); break;
      case StmtKind::Raise: {
        auto* r = s->as<Raise>();
        int n = 0;
        if (r->exc) {
          expr(r->exc);
          ++n;
          if (r->cause) {
            expr(r->cause);
            ++n;
          }
        }
        u().line = s->line;
        emit(Op::RAISE_VARARGS, n);
        break;
      }
      case StmtKind::Try: tryStmt(s->as<Try>()); break;
      case StmtKind::Assert: {
        auto* a = s->as<Assert>();
        int end = newLabel();
        jumpIf(a->test, true, end);
        emit(Op::LOAD_ASSERTION_ERROR);
        if (a->msg) {
          emit(Op::PUSH_NULL);
          expr(a->msg);
          emit(Op::CALL, 1);
        }
        emit(Op::RAISE_VARARGS, 1);
        bindLabel(end);
        break;
      }
      case StmtKind::Import:
        for (auto& al : s->as<Import>()->names) {
          emit(Op::IMPORT_NAME, name(al.name));
          if (al.name.find('.') != std::string::npos) {
            // As CPython's __import__: `import a.b` loads a.b but yields the top package a.
            emit(Op::POP_TOP);
            emit(Op::IMPORT_NAME, name(al.name.substr(0, al.name.find('.'))));
          }
          if (!al.asname.empty()) {
            // `import a.b as c` binds the submodule.
            std::size_t pos = 0;
            while ((pos = al.name.find('.', pos)) != std::string::npos) {
              std::size_t next = al.name.find('.', pos + 1);
              emit(Op::IMPORT_FROM, name(al.name.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1)));
              emit(Op::SWAP, 2);
              emit(Op::POP_TOP);
              pos = pos + 1;
            }
            nameOp(al.asname, Ctx::Store);
          } else {
            nameOp(al.name.substr(0, al.name.find('.')), Ctx::Store);
          }
        }
        break;
      case StmtKind::ImportFrom: {
        auto* im = s->as<ImportFrom>();
        if (im->level > 0) fail(s->line, s->col, "unsupported: relative import");
        emit(Op::IMPORT_NAME, name(im->module));
        for (auto& al : im->names) {
          if (al.name == "*") fail(s->line, s->col, "unsupported: import *");
          emit(Op::IMPORT_FROM, name(al.name));
          nameOp(al.asname.empty() ? al.name : al.asname, Ctx::Store);
        }
        emit(Op::POP_TOP);
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal:
      case StmtKind::Pass:
        break;
      case StmtKind::Expr: {
        // A call whose value is thrown away may be the forgotten `await`
        // (never_awaited.h); other values (names, ...) may still be held.
        Expr* value = s->as<ExprStmt>()->value;
        expr(value);
        u().line = s->line;
        emit(value->is<Call>() ? Op::POP_EXPR : Op::POP_TOP);
        break;
      }
      case StmtKind::Break: {
        int i = loopIndex(s);
        unwindTo(i + 1, false);
        FBlock& loop = u().fblocks[static_cast<std::size_t>(i)];
        if (loop.kind == FB::For || loop.kind == FB::AsyncFor) emit(Op::POP_TOP);
        emit(Op::JUMP, loop.breakLabel);
        break;
      }
      case StmtKind::Continue: {
        int i = loopIndex(s);
        unwindTo(i + 1, false);
        emit(Op::JUMP, u().fblocks[static_cast<std::size_t>(i)].continueLabel);
        break;
      }
    }
  }

  int loopIndex(Stmt* s) {
    for (int i = static_cast<int>(u().fblocks.size()) - 1; i >= 0; --i) {
      FB k = u().fblocks[static_cast<std::size_t>(i)].kind;
      if (k == FB::For || k == FB::AsyncFor || k == FB::While) return i;
    }
    fail(s->line, s->col, "'break' outside loop");
  }

  // Emits the code that leaves fblocks[from..] (innermost first).
  void unwindTo(int from, bool preserveTop) {
    for (int i = static_cast<int>(u().fblocks.size()) - 1; i >= from; --i) {
      FBlock fb = u().fblocks[static_cast<std::size_t>(i)];
      switch (fb.kind) {
        case FB::For:
        case FB::AsyncFor:
          if (preserveTop) emit(Op::SWAP, 2);
          emit(Op::POP_TOP);
          break;
        case FB::While:
          break;
        case FB::TryBody:
          emit(Op::POP_BLOCK);
          break;
        case FB::FinallyBody: {
          emit(Op::POP_BLOCK);
          // Compile the finally body outside of its own block.
          std::vector<FBlock> saved(u().fblocks.begin() + i, u().fblocks.end());
          u().fblocks.resize(static_cast<std::size_t>(i));
          stmts(*fb.finalbody);
          u().fblocks.insert(u().fblocks.end(), saved.begin(), saved.end());
          break;
        }
        case FB::Handler:
          emit(Op::POP_BLOCK);
          if (preserveTop) emit(Op::SWAP, 2);
          emit(Op::POP_EXCEPT);
          if (!fb.name.empty()) {
            emit(Op::LOAD_CONST, constant(Value::none()));
            nameOp(fb.name, Ctx::Store);
            nameOp(fb.name, Ctx::Del);
          }
          break;
        case FB::FinallyExc:
          emit(Op::POP_BLOCK);
          if (preserveTop) {
            emit(Op::SWAP, 2);
            emit(Op::POP_TOP);
            emit(Op::SWAP, 2);
          } else {
            emit(Op::POP_TOP);
          }
          emit(Op::POP_EXCEPT);
          break;
        case FB::With:
        case FB::AsyncWith:
          emit(Op::POP_BLOCK);
          if (preserveTop) emit(Op::SWAP, 2);
          callExitNone(fb.kind == FB::AsyncWith);
          break;
      }
    }
  }
  void unwindAll(bool preserveTop) { unwindTo(0, preserveTop); }

  void callExitNone(bool isAsync) {
    emit(Op::PUSH_NULL);
    int none = constant(Value::none());
    emit(Op::LOAD_CONST, none);
    emit(Op::LOAD_CONST, none);
    emit(Op::LOAD_CONST, none);
    emit(Op::CALL, 3);
    if (isAsync) {
      emit(Op::GET_AWAITABLE);
      emit(Op::AWAIT);
    }
    emit(Op::POP_TOP);
  }

  void augAssign(AugAssign* a) {
    int op = static_cast<int>(a->op) + 16;
    Expr* t = a->target;
    if (t->is<Name>()) {
      nameOp(t->as<Name>()->id, Ctx::Load);
      expr(a->value);
      u().line = a->line;
      emit(Op::BINARY_OP, op);
      nameOp(t->as<Name>()->id, Ctx::Store);
    } else if (t->is<Attribute>()) {
      expr(t->as<Attribute>()->value);
      emit(Op::COPY, 1);
      emit(Op::LOAD_ATTR, name(t->as<Attribute>()->attr));
      expr(a->value);
      u().line = a->line;
      emit(Op::BINARY_OP, op);
      emit(Op::SWAP, 2);
      emit(Op::STORE_ATTR, name(t->as<Attribute>()->attr));
    } else if (t->is<Subscript>()) {
      expr(t->as<Subscript>()->value);
      subscriptIndex(t->as<Subscript>()->slice);
      emit(Op::COPY, 2);
      emit(Op::COPY, 2);
      emit(Op::BINARY_SUBSCR);
      expr(a->value);
      u().line = a->line;
      emit(Op::BINARY_OP, op);
      emit(Op::SWAP, 3);
      emit(Op::SWAP, 2);
      emit(Op::STORE_SUBSCR);
    } else {
      fail(a->line, a->col, "illegal expression for augmented assignment");
    }
  }

  void forStmt(For* f) {
    int top = newLabel(), end = newLabel(), after = newLabel();
    expr(f->iter);
    if (f->isAsync) {
      emit(Op::GET_AITER);
      int handler = newLabel();
      bindLabel(top);
      emit(Op::SETUP_EXCEPT, handler);
      emit(Op::GET_ANEXT);
      emit(Op::GET_AWAITABLE);
      emit(Op::AWAIT);
      emit(Op::POP_BLOCK);
      target(f->target, Ctx::Store);
      u().fblocks.push_back(FBlock{FB::AsyncFor, top, after});
      stmts(f->body);
      u().fblocks.pop_back();
      emit(Op::JUMP, top);
      bindLabel(handler);
      emit(Op::END_ASYNC_FOR);
    } else {
      emit(Op::GET_ITER);
      bindLabel(top);
      emit(Op::FOR_ITER, end);
      target(f->target, Ctx::Store);
      u().fblocks.push_back(FBlock{FB::For, top, after});
      stmts(f->body);
      u().fblocks.pop_back();
      emit(Op::JUMP, top);
      bindLabel(end);
    }
    stmts(f->orelse);
    bindLabel(after);
  }

  void whileStmt(While* w) {
    int top = newLabel(), orelse = newLabel(), after = newLabel();
    bindLabel(top);
    bool forever = w->test->is<Constant>() && w->test->as<Constant>()->value == ConstantKind::True;
    if (!forever) jumpIf(w->test, false, orelse);
    u().fblocks.push_back(FBlock{FB::While, top, after});
    stmts(w->body);
    u().fblocks.pop_back();
    emit(Op::JUMP, top);
    bindLabel(orelse);
    stmts(w->orelse);
    bindLabel(after);
  }

  void withStmt(With* w, std::size_t item) {
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

  void tryStmt(Try* t) {
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

  void tryExcept(Try* t) {
    if (t->isStar) {
      tryExceptStar(t);
      return;
    }
    int handler = newLabel(), end = newLabel();
    emit(Op::SETUP_EXCEPT, handler);
    u().fblocks.push_back(FBlock{FB::TryBody});
    stmts(t->body);
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    stmts(t->orelse);
    emit(Op::JUMP, end);
    bindLabel(handler);
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
      if (!h->name.empty()) nameOp(h->name, Ctx::Store);
      else emit(Op::POP_TOP);
      emit(Op::SETUP_EXCEPT, cleanup);
      FBlock fb{FB::Handler};
      fb.name = h->name;
      u().fblocks.push_back(fb);
      stmts(h->body);
      u().fblocks.pop_back();
      emit(Op::POP_BLOCK);
      emit(Op::POP_EXCEPT);
      if (!h->name.empty()) {
        emit(Op::LOAD_CONST, constant(Value::none()));
        nameOp(h->name, Ctx::Store);
        nameOp(h->name, Ctx::Del);
      }
      emit(Op::JUMP, end);
      bindLabel(cleanup);  // [prev, new]
      if (!h->name.empty()) {
        emit(Op::LOAD_CONST, constant(Value::none()));
        nameOp(h->name, Ctx::Store);
        nameOp(h->name, Ctx::Del);
      }
      emit(Op::RERAISE, 2);
      bindLabel(next);
    }
    emit(Op::RERAISE, 2);
    bindLabel(end);
  }

  // except*: each handler takes the part of the (group) exception it matches;
  // what no handler matched is raised again at the end.
  void tryExceptStar(Try* t) {
    int handler = newLabel(), end = newLabel();
    emit(Op::SETUP_EXCEPT, handler);
    u().fblocks.push_back(FBlock{FB::TryBody});
    stmts(t->body);
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    stmts(t->orelse);
    emit(Op::JUMP, end);
    bindLabel(handler);
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
      if (!h->name.empty()) nameOp(h->name, Ctx::Store);
      else emit(Op::POP_TOP);
      emit(Op::SETUP_EXCEPT, cleanup);
      FBlock fb{FB::Handler};
      fb.name = h->name;
      u().fblocks.push_back(fb);
      stmts(h->body);
      u().fblocks.pop_back();
      emit(Op::POP_BLOCK);
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

  // -- functions and classes -----------------------------------------------
  std::string childQualname(const std::string& n) {
    Scope* s = u().scope;
    if (s->kind == ScopeKind::Module) return n;
    if (s->kind == ScopeKind::Class) return u().code->qualname + "." + n;
    return u().code->qualname + ".<locals>." + n;
  }

  // Pushes defaults/kwdefaults/closure/code and emits MAKE_FUNCTION.
  void makeFunction(CodeObj* code, Arguments* args) {
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

  void setArgCounts(CodeObj* c, Arguments* a) {
    c->posonlycount = static_cast<int>(a->posonlyargs.size());
    c->argcount = static_cast<int>(a->posonlyargs.size() + a->args.size());
    c->kwonlycount = static_cast<int>(a->kwonlyargs.size());
    c->varargs = a->vararg != nullptr;
    c->varkw = a->kwarg != nullptr;
  }

  void functionDef(FunctionDef* f) {
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

  void classDef(ClassDef* c) {
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

  // -- targets ----------------------------------------------------------------
  void target(Expr* e, Ctx ctx) {
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

  void subscriptIndex(Expr* s) {
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

  // -- expressions ------------------------------------------------------------
  void jumpIf(Expr* test, bool cond, int label) {
    expr(test);
    emit(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
  }

  Value intConstant(const std::string& digits, Expr* e) {
    if (digits.size() <= 14) return Value::smallInt(std::stoll(digits));
    Value v = vm_.parseInt(digits);
    if (v == kError) fail(e->line, e->col, "integer literal too large");
    return v;
  }

  void elements(const std::vector<Expr*>& elts, Op build, Op appendOne, Op extend) {
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

  void expr(Expr* e) {
    int saved = u().line;
    u().line = e->line;
    exprInner(e);
    u().line = saved;
  }

  void exprInner(Expr* e) {
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
      case ExprKind::Slice: {
        subscriptIndex(e);
        break;
      }
    }
  }

  void compare(Compare* c) {
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

  void call(Call* c) {
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
  void comprehension(Expr* e, const std::vector<Comprehension>& gens, int what) {
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

  void comprehensionLoop(Expr* e, const std::vector<Comprehension>& gens, std::size_t i, int what) {
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

  VM& vm_;
  const SymbolTable& st_;
  std::string file_;
  std::vector<Unit> units_;
};

}  // namespace

CompileResult compileModule(VM& vm, const Module& module, const std::string& fileName) {
  CompileResult r;
  auto st = buildSymbolTable(module);
  if (st->error) {
    r.error = CompileError{st->error->first, 1, st->error->second, false};
    return r;
  }
  Compiler c(vm, *st, fileName);
  try {
    r.code = c.module(module);
  } catch (Failure& f) {
    r.error = f.error;
  }
  return r;
}

}  // namespace py
