// compiler_statements.cpp: statements to bytecode: simple statements,
// assignments, loops, and the unwinding (frame blocks) that return, break and
// continue emit for what they leave, as CPython's compile.c does.
#include "core/py/compiler_internal.h"

namespace py::codegen {

void Compiler::stmts(const std::vector<Stmt*>& body) {
  for (Stmt* s : body) stmt(s);
}

void Compiler::stmt(Stmt* s) {
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
    case StmtKind::AnnAssign: annAssign(s->as<AnnAssign>()); break;
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
      if (loop.kind == FB::For || loop.kind == FB::AsyncFor) emit(loop.dropsIterator ? Op::POP_AITER : Op::POP_TOP);
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

int Compiler::loopIndex(Stmt* s) {
  for (int i = static_cast<int>(u().fblocks.size()) - 1; i >= 0; --i) {
    FB k = u().fblocks[static_cast<std::size_t>(i)].kind;
    if (k == FB::For || k == FB::AsyncFor || k == FB::While) return i;
  }
  fail(s->line, s->col, "'break' outside loop");
}

// Emits the code that leaves fblocks[from..] (innermost first).
void Compiler::unwindTo(int from, bool preserveTop) {
  for (int i = static_cast<int>(u().fblocks.size()) - 1; i >= from; --i) {
    FBlock fb = u().fblocks[static_cast<std::size_t>(i)];
    switch (fb.kind) {
      case FB::For:
      case FB::AsyncFor:
        if (preserveTop) emit(Op::SWAP, 2);
        emit(fb.dropsIterator ? Op::POP_AITER : Op::POP_TOP);
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

void Compiler::callExitNone(bool isAsync) {
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

void Compiler::augAssign(AugAssign* a) {
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

void Compiler::forStmt(For* f) {
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
    // Only the loop holds what a call made (`async for x in ticker():`).
    u().fblocks.back().dropsIterator = f->iter->is<Call>();
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

void Compiler::whileStmt(While* w) {
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

}  // namespace py::codegen
