// interpreter.cpp: the dispatch loop (computed goto), frame switching for
// calls, generators and inline awaits, and exception unwinding.
//
// Python-to-Python calls never recurse in C++: a call pushes a frame and
// the same loop continues in it. A coroutine awaited inline is entered the
// same way (mode Await); when the innermost frame awaits a pending future
// the whole chain suspends and run() returns Suspended with the leaf.
//
// The opcode handlers are labels of this one function (computed goto); the
// families that are not about frames, names or unwinding live in
// interpreter_*.inc fragments (calls, operators, displays, iteration, await,
// exceptions), included where the handlers stood.
#include <cmath>

#include "core/loop/future.h"
#include "core/py/ast.h"
#include "core/py/int_object.h"
#include "core/py/never_awaited.h"
#include "core/py/stack_guard.h"
#include "core/py/vm.h"

// The dispatch is a computed goto over a table of label addresses, a GNU
// extension GCC and Clang share; -Wpedantic flags every use of it in this
// file (and the .inc fragments included into VM::run), and only that.
#pragma GCC diagnostic ignored "-Wpedantic"

namespace py {

namespace {

void addTraceback(Frame* f, Value exc) {
  if (!isKind(exc, Kind::Exception)) return;
  auto* e = as<ExceptionObj>(exc);
  e->traceback.push_back(TracebackEntry{f->code, f->line()});
}

Value handledInChain(Frame* f) {
  for (; f; f = f->parent)
    if (!f->handledExc.isNone()) return f->handledExc;
  return Value::none();
}

void setContext(Value exc, Value handled) {
  if (handled.isNone() || exc == handled || !isKind(exc, Kind::Exception)) return;
  auto* e = as<ExceptionObj>(exc);
  if (!e->context.isNone()) return;
  // Avoid cycles: handled must not already chain to exc.
  for (Value c = handled; isKind(c, Kind::Exception); c = as<ExceptionObj>(c)->context)
    if (c == exc) return;
  e->context = handled;
}

}  // namespace

RunResult VM::run(Frame* start, Frame* entry, Value resumeValue, bool resumeThrow, Frame** leafOut) {
  static void* const kLabels[] = {
#define LS_OP_LABEL(name, effect, doc) &&L_##name,
      LS_OPCODES(LS_OP_LABEL)
#undef LS_OP_LABEL
  };

  if (nativeDepth == 0) {
    markNativeStackBase();
  } else if (start == entry && (depth >= recursionLimit || nativeStackExhausted())) {
    // A native calling back into Python (repr() calling __repr__, list()
    // draining a generator) nests this function on the C++ stack: the limit
    // holds here too, and the stack itself is guarded (stack_guard.h). The
    // frame never starts, as when CPython's check at frame entry fails; a
    // generator whose frame failed to start is finished.
    raise(t.RecursionError, "maximum recursion depth exceeded");
    if (start->gen) start->gen->state = GeneratorObj::State::Done;
    else releaseFrame(start);
    return {RunResult::Raised, pending};
  }
  Frame* saveLeaf = currentFrame;
  if (saveLeaf) runningLeaves.push_back(saveLeaf);
  ++nativeDepth;
  const bool topLevel = nativeDepth == 1;

  Frame* f = start;
  currentFrame = f;
  for (Frame* p = start; p; p = p->parent) {
    ++depth;
    if (p == entry) break;
  }
  Value* sp = f->sp;
  const Instr* ip = f->ip;
  Value* locals = f->locals;
  const Value* consts = f->code->consts.data();
  Value exc = kNull;
  Value throwPending = kNull;
  bool reraise = false;
  RunResult result{RunResult::Returned, Value::none()};
  int lastLine = -1;
  // Call state, declared here so that computed gotos never skip their construction.
  Value* base = nullptr;
  Value callable;
  Value* args = nullptr;
  int argc = 0;
  CallArgs kwargs;
  CallArgs* kw = nullptr;
  std::vector<StrObj*> kwnames;
  std::vector<Value> exArgs;
  // Scratch storage for handlers. Handlers leave through a computed goto,
  // which does not run destructors, so they must not own vectors or strings.
  std::vector<Value> initArgs;
  std::vector<Value> scratch;
  std::string sbuf;
  const bool tracingLines = static_cast<bool>(onLine);
  // The running frame's line table, or null when its lines are not traced
  // (tracing off, or a helper module's code): DISPATCH's per-instruction
  // check is then one test of a register. Kept current by LOAD().
  const std::int32_t* lineOf = nullptr;
  const Instr* codeBase = nullptr;
  auto lineTableOf = [tracingLines](const Frame* fr) -> const std::int32_t* {
    return tracingLines && !fr->code->builtinSource ? fr->code->lines.data() : nullptr;
  };
  lineOf = lineTableOf(f);
  codeBase = f->code->code.data();
  DictObj* namespaceDict = nullptr;  // STORE_GLOBAL / STORE_NAME's target
  Instr ins{};

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define SAVE() (f->sp = sp, f->ip = ip)
#define LOAD()                       \
  do {                               \
    sp = f->sp;                      \
    ip = f->ip;                      \
    locals = f->locals;              \
    consts = f->code->consts.data(); \
    currentFrame = f;                \
    lineOf = lineTableOf(f);         \
    codeBase = f->code->code.data(); \
  } while (0)
#define DISPATCH()                                  \
  do {                                              \
    if ((--budgetLeft_ & 0xFFFF) == 0) goto budget; \
    if (lineOf != nullptr) {                        \
      int ln_ = lineOf[ip - codeBase];              \
      if (ln_ != lastLine) {                        \
        lastLine = ln_;                             \
        SAVE();                                     \
        onLine(ln_);                                \
      }                                             \
    }                                               \
    ins = *ip++;                                    \
    goto* kLabels[static_cast<int>(ins.op)];        \
  } while (0)
#define ERROR()     \
  do {              \
    exc = pending;  \
    goto error;     \
  } while (0)
#define CHECK(v)             \
  do {                       \
    if ((v) == kError) ERROR(); \
  } while (0)

  // Resume a suspended frame.
  if (f->resume == 1) {
    f->resume = 0;
    if (resumeThrow && ip[-1].op == Op::YIELD_VALUE && ip[-1].arg == 1) goto throwIntoDelegate;
    if (resumeThrow) {
      exc = resumeValue;
      goto error;
    }
    PUSH(resumeValue);
  } else if (f->resume == 2) {
    f->resume = 0;
    if (resumeThrow) throwPending = resumeValue;
  } else if (resumeThrow) {
    exc = resumeValue;
    goto error;
  }
  DISPATCH();

L_NOP:
L_LINE:
  DISPATCH();

// throw() into a generator suspended in `yield from`: the exception goes to
// the iterator it delegates to (close() for GeneratorExit), as in CPython.
throwIntoDelegate: {
  Value it = TOP();
  if (!isKind(it, Kind::Generator)) {
    exc = resumeValue;
    goto error;
  }
  SAVE();
  if (isInstance(resumeValue, t.GeneratorExit)) {
    Value closed = callMethod(it, "close", {});
    exc = closed == kError ? pending : resumeValue;
    goto error;
  }
  auto* sub = as<GeneratorObj>(it);
  if (sub->state == GeneratorObj::State::Created) sub->state = GeneratorObj::State::Done;
  RunResult r = resumeGenerator(sub, resumeValue, true);
  if (r.kind == RunResult::Raised) {
    exc = r.value;
    goto error;
  }
  if (r.kind == RunResult::Yielded) {
    PUSH(r.value);
    --ip;  // yield it from here again
    DISPATCH();
  }
  TOP() = r.value;
  ip = f->code->code.data() + ip[-2].arg;  // the SEND's exit
  DISPATCH();
}
L_POP_TOP:
  --sp;
  DISPATCH();
L_POP_EXPR: {
  Value v = POP();
  if (v.isObject() && (asPy(v)->kind == Kind::Coroutine || asPy(v)->kind == Kind::LoopObject)) {
    SAVE();
    neverAwaited->dropped(v, *f);
  }
  DISPATCH();
}
L_COPY: {
  Value v = PEEK(ins.arg);
  PUSH(v);
  DISPATCH();
}
L_SWAP: {
  Value v = TOP();
  TOP() = PEEK(ins.arg);
  PEEK(ins.arg) = v;
  DISPATCH();
}
L_PUSH_NULL:
  PUSH(kNull);
  DISPATCH();
L_LOAD_CONST:
  PUSH(consts[ins.arg]);
  DISPATCH();
L_LOAD_FAST: {
  Value v = locals[ins.arg];
  if (v == kNull) {
    raise(t.UnboundLocalError, "cannot access local variable '" + f->code->varnames[static_cast<std::size_t>(ins.arg)]->s +
                                   "' where it is not associated with a value");
    ERROR();
  }
  PUSH(v);
  DISPATCH();
}
L_STORE_FAST: {
  // The overwritten value may have been the last reference to an unstarted
  // coroutine (never_awaited.h): objects pay one more well-predicted test.
  Value old = locals[ins.arg];
  locals[ins.arg] = POP();
  if (old.isObject() && asPy(old)->kind == Kind::Coroutine) [[unlikely]] {
    SAVE();
    neverAwaited->overwritten(old, *f);
  }
  DISPATCH();
}
L_DELETE_FAST:
  if (locals[ins.arg] == kNull) {
    raise(t.UnboundLocalError, "cannot access local variable '" + f->code->varnames[static_cast<std::size_t>(ins.arg)]->s +
                                   "' where it is not associated with a value");
    ERROR();
  }
  locals[ins.arg] = kNull;
  DISPATCH();
L_LOAD_DEREF: {
  auto* cell = as<CellObj>(locals[f->code->nlocals() + ins.arg]);
  if (cell->value == kNull) {
    std::size_t i = static_cast<std::size_t>(ins.arg);
    const std::string& n = i < f->code->cellvars.size() ? f->code->cellvars[i] : f->code->freevars[i - f->code->cellvars.size()];
    raise(t.NameError, "cannot access free variable '" + n + "' where it is not associated with a value in enclosing scope");
    ERROR();
  }
  PUSH(cell->value);
  DISPATCH();
}
L_STORE_DEREF: {
  Value& slot = as<CellObj>(locals[f->code->nlocals() + ins.arg])->value;
  Value old = slot;
  slot = POP();
  if (old.isObject() && asPy(old)->kind == Kind::Coroutine) [[unlikely]] {
    SAVE();
    neverAwaited->overwritten(old, *f);
  }
  DISPATCH();
}
L_DELETE_DEREF:
  as<CellObj>(locals[f->code->nlocals() + ins.arg])->value = kNull;
  DISPATCH();
L_LOAD_CLOSURE:
  PUSH(locals[f->code->nlocals() + ins.arg]);
  DISPATCH();
L_LOAD_GLOBAL: {
  StrObj* name = f->code->names[static_cast<std::size_t>(ins.arg)];
  Value key = Value::object(name);
  std::int64_t i = f->globals->table.findHashed(*this, key, name->hash());
  if (i >= 0) {
    PUSH(f->globals->table.entries()[static_cast<std::size_t>(i)].value);
    DISPATCH();
  }
  i = builtins->table.findHashed(*this, key, name->hash());
  if (i >= 0) {
    PUSH(builtins->table.entries()[static_cast<std::size_t>(i)].value);
    DISPATCH();
  }
  raise(t.NameError, "name '" + name->s + "' is not defined");
  ERROR();
}
L_STORE_GLOBAL:
  namespaceDict = f->globals;
  goto storeInDict;
L_DELETE_GLOBAL: {
  StrObj* name = f->code->names[static_cast<std::size_t>(ins.arg)];
  if (f->globals->table.remove(*this, Value::object(name)) != 1) {
    raise(t.NameError, "name '" + name->s + "' is not defined");
    ERROR();
  }
  DISPATCH();
}
L_LOAD_NAME: {
  StrObj* name = f->code->names[static_cast<std::size_t>(ins.arg)];
  Value key = Value::object(name);
  for (DictObj* d : {f->localsDict, f->globals, builtins}) {
    if (!d) continue;
    std::int64_t i = d->table.findHashed(*this, key, name->hash());
    if (i >= 0) {
      PUSH(d->table.entries()[static_cast<std::size_t>(i)].value);
      DISPATCH();
    }
  }
  raise(t.NameError, "name '" + name->s + "' is not defined");
  ERROR();
}
L_STORE_NAME:
  namespaceDict = f->localsDict ? f->localsDict : f->globals;
  goto storeInDict;
// STORE_GLOBAL and STORE_NAME: one lookup finds the slot and the value it
// overwrites, which may be the last reference to an unstarted coroutine.
storeInDict: {
  StrObj* name = f->code->names[static_cast<std::size_t>(ins.arg)];
  HashTable& table = namespaceDict->table;
  std::int64_t i = table.findHashed(*this, Value::object(name), name->hash());
  if (i == HashTable::kFailed) ERROR();
  Value old = i >= 0 ? table.entries()[static_cast<std::size_t>(i)].value : kNull;
  table.setHashed(*this, Value::object(name), POP(), name->hash(), i);
  if (old.isObject() && asPy(old)->kind == Kind::Coroutine) [[unlikely]] {
    SAVE();
    neverAwaited->overwritten(old, *f);
  }
  DISPATCH();
}
L_DELETE_NAME: {
  StrObj* name = f->code->names[static_cast<std::size_t>(ins.arg)];
  if ((f->localsDict ? f->localsDict : f->globals)->table.remove(*this, Value::object(name)) != 1) {
    raise(t.NameError, "name '" + name->s + "' is not defined");
    ERROR();
  }
  DISPATCH();
}
L_LOAD_ATTR: {
  SAVE();
  Value v = getAttr(TOP(), f->code->names[static_cast<std::size_t>(ins.arg)]);
  CHECK(v);
  TOP() = v;
  DISPATCH();
}
L_STORE_ATTR: {
  SAVE();
  Value obj = POP();
  Value v = POP();
  StrObj* name = f->code->names[static_cast<std::size_t>(ins.arg)];
  // An instance attribute it overwrites (found in the instance's dict; other
  // objects' attributes are left to the report at exit).
  Value old = kNull;
  if (obj.isObject() && asPy(obj)->kind == Kind::Instance && as<InstanceObj>(obj)->dict) {
    HashTable& table = as<InstanceObj>(obj)->dict->table;
    std::int64_t i = table.findHashed(*this, Value::object(name), name->hash());
    if (i >= 0) old = table.entries()[static_cast<std::size_t>(i)].value;
  }
  if (!setAttr(obj, name, v)) ERROR();
  if (old.isObject() && asPy(old)->kind == Kind::Coroutine) [[unlikely]] {
    SAVE();  // the popped operands are no longer held
    neverAwaited->overwritten(old, *f);
  }
  DISPATCH();
}
L_DELETE_ATTR: {
  SAVE();
  Value obj = POP();
  if (!delAttr(obj, f->code->names[static_cast<std::size_t>(ins.arg)])) ERROR();
  DISPATCH();
}
L_LOAD_METHOD: {
  Value obj = TOP();
  StrObj* name = f->code->names[static_cast<std::size_t>(ins.arg)];
  TypeObj* ty = typeOf(obj);
  // Methods defined on the type (and not shadowed by an instance attribute).
  bool instanceDict = obj.isObject() && (asPy(obj)->kind == Kind::Instance || asPy(obj)->kind == Kind::Exception);
  if (!instanceDict || as<InstanceObj>(obj)->dict == nullptr ||
      as<InstanceObj>(obj)->dict->table.findHashed(*this, Value::object(name), name->hash()) < 0) {
    Value m = lookupType(ty, name);
    // Not for a class (its own attributes come first) nor super() (which
    // looks past the class, not at its own type).
    if (m.isObject() && (asPy(m)->kind == Kind::Function || asPy(m)->kind == Kind::Native) &&
        !(obj.isObject() && (asPy(obj)->kind == Kind::Type || asPy(obj)->kind == Kind::Super))) {
      TOP() = m;
      PUSH(obj);
      DISPATCH();
    }
  }
  SAVE();
  Value v = getAttr(obj, name);
  CHECK(v);
  TOP() = v;
  PUSH(kNull);
  DISPATCH();
}

#include "core/py/interpreter_calls.inc"
#include "core/py/interpreter_operators.inc"
#include "core/py/interpreter_displays.inc"

  // -- control flow ---------------------------------------------------------------
L_JUMP: {
  const Instr* target = f->code->code.data() + ins.arg;
  if (target < ip && topLevel) {
    if (heap.wantsCollection()) {
      SAVE();
      collectNow();
    }
  }
  ip = target;
  DISPATCH();
}
L_POP_JUMP_IF_FALSE: {
  Value v = POP();
  int tr = v.isBool() ? v.asBool() : (SAVE(), truthy(v));
  if (tr < 0) ERROR();
  if (!tr) ip = f->code->code.data() + ins.arg;
  DISPATCH();
}
L_POP_JUMP_IF_TRUE: {
  Value v = POP();
  int tr = v.isBool() ? v.asBool() : (SAVE(), truthy(v));
  if (tr < 0) ERROR();
  if (tr) ip = f->code->code.data() + ins.arg;
  DISPATCH();
}
L_JUMP_IF_FALSE_OR_POP: {
  SAVE();
  int tr = truthy(TOP());
  if (tr < 0) ERROR();
  if (!tr) ip = f->code->code.data() + ins.arg;
  else --sp;
  DISPATCH();
}
L_JUMP_IF_TRUE_OR_POP: {
  SAVE();
  int tr = truthy(TOP());
  if (tr < 0) ERROR();
  if (tr) ip = f->code->code.data() + ins.arg;
  else --sp;
  DISPATCH();
}
#include "core/py/interpreter_iteration.inc"

L_RETURN_VALUE: {
  Value v = POP();
  if (f->gen) f->gen->state = GeneratorObj::State::Done;
  if (f == entry || f->mode == FrameMode::Top) {
    SAVE();
    if (f->gen && (f->code->isGenerator || f->code->isAsyncGenerator)) {
      result = {RunResult::Returned, v};
    } else {
      result = {RunResult::Returned, v};
    }
    if (!f->gen) releaseFrame(f);
    --depth;
    goto done;
  }
  Frame* parent = f->parent;
  FrameMode mode = f->mode;
  std::int32_t exitTarget = f->exitTarget;
  Value extra = f->extra;
  // Its locals die with it: an unstarted coroutine only they held is
  // dropped here, reported at the caller's line (never_awaited.h).
  for (const Value *p = f->locals, *end = p + f->code->nlocals(); p < end; ++p)
    if (p->isObject() && asPy(*p)->kind == Kind::Coroutine) [[unlikely]]
      neverAwaited->noteDying(*p);
  f->sp = f->locals;  // a finished frame holds nothing
  releaseFrame(f);
  --depth;
  f = parent;
  LOAD();
  if (neverAwaited->hasDying()) [[unlikely]] {
    PUSH(v);  // `return c` keeps c alive
    SAVE();
    neverAwaited->checkDying(*f);
    --sp;
  }
  switch (mode) {
    case FrameMode::Call:
      PUSH(v);
      break;
    case FrameMode::Await:
      TOP() = v;  // replaces the awaited coroutine
      break;
    case FrameMode::Init:
      if (!v.isNone()) {
        raise(t.TypeError, "__init__() should return None, not '" + typeName(v) + "'");
        ERROR();
      }
      PUSH(extra);
      break;
    case FrameMode::ClassBody: {
      Value cls = buildClass(extra, v);
      CHECK(cls);
      PUSH(cls);
      break;
    }
    case FrameMode::GenIter:
      --sp;  // the generator
      ip = f->code->code.data() + exitTarget;
      break;
    case FrameMode::ANext:
      raise(t.StopAsyncIteration, "");
      ERROR();
    case FrameMode::AClose:
      TOP() = Value::none();  // replaces the aclose() awaitable
      break;
    case FrameMode::Top:
      break;
  }
  DISPATCH();
}
#include "core/py/interpreter_await.inc"

L_IMPORT_NAME: {
  SAVE();
  Value m = importModule(f->code->names[static_cast<std::size_t>(ins.arg)]->s);
  CHECK(m);
  PUSH(m);
  DISPATCH();
}
L_IMPORT_FROM: {
  SAVE();
  StrObj* name = f->code->names[static_cast<std::size_t>(ins.arg)];
  Value v = getAttrOpt(TOP(), name);
  if (v == kError) ERROR();
  if (v == kNull) {
    std::string mod = isKind(TOP(), Kind::Module) ? as<ModuleObj>(TOP())->name : "?";
    raise(t.ImportError, "cannot import name '" + name->s + "' from '" + mod + "' (unknown location)");
    ERROR();
  }
  PUSH(v);
  DISPATCH();
}

#include "core/py/interpreter_exceptions.inc"

budget:
  if (budgetLeft_ != 0) {
    // Not the end of the budget: every 65536 instructions, a safe point
    // (the GUI's Stop, the memory budget's MemoryError).
    SAVE();
    if (onSafePoint && !onSafePoint()) ERROR();
    DISPATCH();
  }
  // The instruction budget of this task step ran out.
  budgetLeft_ = 1;
  if (!budgetExceeded) {
    budgetExceeded = true;
    // The line of the instruction about to run (f->line() is the last one's).
    budgetLine = f->code->lines.empty() ? f->line()
                                        : f->code->lines[static_cast<std::size_t>(ip - f->code->code.data())];
  }
  raise(t.BaseException, "instruction budget exceeded");
  exc = pending;
  goto error;

error:
  // `exc` is being raised in frame f at ip-1.
  if (!reraise) {
    if (exc != kNull) setContext(exc, handledInChain(f));
    addTraceback(f, exc);
  }
  reraise = false;
  for (;;) {
    if (budgetExceeded || exitRequested != kNull) {
      // Budgets and sys.exit unwind everything; no handler runs.
      f->blockCount = 0;
      if (exitRequested != kNull && !budgetExceeded) {
        // sys.exit raises SystemExit: handlers may still see it.
      }
    }
    if (f->blockCount > 0 && !budgetExceeded) {
      Block b = f->blocks[--f->blockCount];
      sp = f->stack + b.depth;
      PUSH(exc);
      ip = f->code->code.data() + b.handler;
      exc = kNull;
      DISPATCH();
    }
    if (f->gen) f->gen->state = GeneratorObj::State::Done;
    if (f == entry || f->mode == FrameMode::Top) {
      SAVE();
      result = {RunResult::Raised, exc};
      if (!f->gen) releaseFrame(f);
      --depth;
      goto done;
    }
    Frame* parent = f->parent;
    FrameMode mode = f->mode;
    f->sp = f->locals;
    releaseFrame(f);
    --depth;
    f = parent;
    LOAD();
    if (mode == FrameMode::AClose && (isInstance(exc, t.GeneratorExit) || isInstance(exc, t.StopAsyncIteration))) {
      TOP() = Value::none();  // closed as asked: aclose() gives None
      exc = kNull;
      DISPATCH();
    }
    if ((mode == FrameMode::GenIter || mode == FrameMode::Await || mode == FrameMode::ANext ||
         mode == FrameMode::AClose) &&
        isInstance(exc, t.StopIteration)) {
      Value old = exc;
      raise(t.RuntimeError, mode == FrameMode::GenIter ? "generator raised StopIteration"
                            : mode == FrameMode::Await ? "coroutine raised StopIteration"
                                                       : "async generator raised StopIteration");
      exc = pending;
      as<ExceptionObj>(exc)->cause = old;
      as<ExceptionObj>(exc)->context = old;
    }
    if (mode == FrameMode::GenIter) --sp;  // the generator on the parent's stack
    addTraceback(f, exc);
  }

suspend:
  if (leafOut) *leafOut = f;
  // Frames between the leaf and the entry stay linked; depth counts them again on resume.
  for (Frame* p = f; p; p = p->parent) {
    --depth;
    if (p == entry) break;
  }
  goto done;

done:
  --nativeDepth;
  currentFrame = saveLeaf;
  if (saveLeaf) runningLeaves.pop_back();
  return result;

#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef SAVE
#undef LOAD
#undef DISPATCH
#undef ERROR
#undef CHECK
}

}  // namespace py
