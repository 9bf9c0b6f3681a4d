// interpreter.cpp: the dispatch loop (computed goto), frame switching for
// calls, generators and inline awaits, and exception unwinding.
//
// Python-to-Python calls never recurse in C++: a call pushes a frame and
// the same loop continues in it. A coroutine awaited inline is entered the
// same way (mode Await); when the innermost frame awaits a pending future
// the whole chain suspends and run() returns Suspended with the leaf.
#include <cmath>

#include "core/loop/future.h"
#include "core/py/ast.h"
#include "core/py/int_object.h"
#include "core/py/never_awaited.h"
#include "core/py/stack_guard.h"
#include "core/py/vm.h"

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
  DictObj* namespaceDict = nullptr;  // STORE_GLOBAL / STORE_NAME's target
  Instr ins{};

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define SAVE() (f->sp = sp, f->ip = ip)
#define LOAD()                                  \
  do {                                          \
    sp = f->sp;                                 \
    ip = f->ip;                                 \
    locals = f->locals;                         \
    consts = f->code->consts.data();            \
    currentFrame = f;                           \
  } while (0)
#define DISPATCH()                                                                      \
  do {                                                                                  \
    if ((--budgetLeft_ & 0xFFFF) == 0) goto budget;                                     \
    if (tracingLines && !f->code->builtinSource) {                                      \
      int ln_ = f->code->lines[static_cast<std::size_t>(ip - f->code->code.data())];    \
      if (ln_ != lastLine) {                                                            \
        lastLine = ln_;                                                                 \
        SAVE();                                                                         \
        onLine(ln_);                                                                    \
      }                                                                                 \
    }                                                                                   \
    ins = *ip++;                                                                        \
    goto* kLabels[static_cast<int>(ins.op)];                                            \
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
    if (m.isObject() && (asPy(m)->kind == Kind::Function || asPy(m)->kind == Kind::Native) &&
        !(obj.isObject() && asPy(obj)->kind == Kind::Type)) {
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

  // -- calls ------------------------------------------------------------------
  {
  L_CALL:
    base = sp - ins.arg - 2;
    kw = nullptr;
    goto do_call_positional;
  L_CALL_KW: {
    auto* names = as<TupleObj>(POP());
    base = sp - ins.arg - 2;
    kwnames.clear();
    for (Value v : names->items) kwnames.push_back(as<StrObj>(v));
    int nkw = static_cast<int>(kwnames.size());
    kwargs.kwnames = &kwnames;
    kwargs.kwvalues = sp - nkw;
    kw = &kwargs;
    ins.arg -= nkw;
    goto do_call_positional;
  }
  L_CALL_EX: {
    Value kwd = (ins.arg & 1) ? POP() : kNull;
    Value argt = POP();
    base = sp - 2;
    exArgs.clear();
    kwnames.clear();
    if (isKind(argt, Kind::Tuple)) {
      exArgs = as<TupleObj>(argt)->items;
    } else if (!toVector(argt, exArgs)) {
      ERROR();
    }
    std::size_t npos = exArgs.size();
    if (kwd != kNull) {
      for (auto& e : as<DictObj>(kwd)->table.entries()) {
        if (e.key == kNull) continue;
        if (!isKind(e.key, Kind::Str)) {
          raise(t.TypeError, "keywords must be strings");
          ERROR();
        }
        kwnames.push_back(intern(as<StrObj>(e.key)->s));
        exArgs.push_back(e.value);
      }
    }
    callable = base[0];
    if (base[1] != kNull) exArgs.insert(exArgs.begin(), base[1]);
    args = exArgs.data();
    argc = static_cast<int>(npos) + (base[1] != kNull ? 1 : 0);
    if (!kwnames.empty()) {
      kwargs.kwnames = &kwnames;
      kwargs.kwvalues = args + argc;
      kw = &kwargs;
    } else {
      kw = nullptr;
    }
    goto do_call;
  }
  do_call_positional:
    callable = base[0];
    if (base[1] == kNull) {
      if (isKind(callable, Kind::BoundMethod)) {
        base[1] = as<BoundMethodObj>(callable)->self;
        callable = as<BoundMethodObj>(callable)->func;
        args = base + 1;
        argc = ins.arg + 1;
      } else {
        args = base + 2;
        argc = ins.arg;
      }
    } else {
      args = base + 1;
      argc = ins.arg + 1;
    }
  do_call:
    if (callable.isObject()) {
      PyObj* o = asPy(callable);
      if (o->kind == Kind::Function) {
        auto* fn = static_cast<FunctionObj*>(o);
        CodeObj* code = fn->code;
        if (!(code->isGenerator || code->isCoroutine || code->isAsyncGenerator)) {
          if (depth >= recursionLimit) {
            raise(t.RecursionError, "maximum recursion depth exceeded");
            ERROR();
          }
          Frame* nf = newFrame(fn, args, argc, kw);
          if (!nf) ERROR();
          sp = base;
          SAVE();
          nf->parent = f;
          nf->mode = FrameMode::Call;
          ++depth;
          f = nf;
          LOAD();
          if (topLevel && heap.wantsCollection()) collectNow();
          DISPATCH();
        }
      } else if (o->kind == Kind::Type && static_cast<TypeObj*>(o)->isUser &&
                 static_cast<TypeObj*>(o)->instanceKind == Kind::Instance) {
        auto* ty = static_cast<TypeObj*>(o);
        Value init = lookupType(ty, s_init);
        if (init.isObject() && asPy(init)->kind == Kind::Function) {
          Value inst = Value::object(make<InstanceObj>(ty, newDict()));
          std::vector<Value>& all = initArgs;
          all.clear();
          all.reserve(static_cast<std::size_t>(argc) + 1);
          all.push_back(inst);
          all.insert(all.end(), args, args + argc + (kw ? kw->nkw() : 0));
          if (kw) kw->kwvalues = all.data() + 1 + argc;
          if (depth >= recursionLimit) {
            raise(t.RecursionError, "maximum recursion depth exceeded");
            ERROR();
          }
          Frame* nf = newFrame(as<FunctionObj>(init), all.data(), argc + 1, kw);
          if (!nf) ERROR();
          sp = base;
          SAVE();
          nf->parent = f;
          nf->mode = FrameMode::Init;
          nf->extra = inst;
          ++depth;
          f = nf;
          LOAD();
          DISPATCH();
        }
      }
    }
    {
      SAVE();
      // Keep the arguments on the stack (GC-visible) while the native runs.
      Value r = call(callable, args, argc, kw);
      sp = base;
      CHECK(r);
      PUSH(r);
      if (budgetExceeded) {
        exc = pending;
        goto error;
      }
      DISPATCH();
    }
  }

  // -- operators ----------------------------------------------------------------
L_BINARY_OP: {
  Value b = POP();
  Value a = TOP();
  int op = ins.arg & 15;
  if (a.isSmallInt() && b.isSmallInt()) {
    std::int64_t x = a.asSmallInt(), y = b.asSmallInt();
    switch (static_cast<BinOpKind>(op)) {
      case BinOpKind::Add:
        if (Value::fitsSmallInt(x + y)) {
          TOP() = Value::smallInt(x + y);
          DISPATCH();
        }
        break;
      case BinOpKind::Sub:
        if (Value::fitsSmallInt(x - y)) {
          TOP() = Value::smallInt(x - y);
          DISPATCH();
        }
        break;
      case BinOpKind::Mult: {
        std::int64_t r;
        if (!__builtin_mul_overflow(x, y, &r) && Value::fitsSmallInt(r)) {
          TOP() = Value::smallInt(r);
          DISPATCH();
        }
        break;
      }
      case BinOpKind::Mod:
        if (y != 0) {
          std::int64_t r = x % y;
          if (r != 0 && ((r < 0) != (y < 0))) r += y;
          TOP() = Value::smallInt(r);
          DISPATCH();
        }
        break;
      case BinOpKind::FloorDiv:
        if (y != 0) {
          std::int64_t q = x / y;
          if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
          TOP() = Value::smallInt(q);
          DISPATCH();
        }
        break;
      default:
        break;
    }
  }
  SAVE();
  Value r = binaryOp(ins.arg, a, b);
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
L_UNARY_OP: {
  SAVE();
  Value r = unaryOp(ins.arg, TOP());
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
L_COMPARE_OP: {
  Value b = POP();
  Value a = TOP();
  if (a.isSmallInt() && b.isSmallInt()) {
    std::int64_t x = a.asSmallInt(), y = b.asSmallInt();
    bool r = false;
    switch (static_cast<CmpOpKind>(ins.arg)) {
      case CmpOpKind::Eq: r = x == y; break;
      case CmpOpKind::NotEq: r = x != y; break;
      case CmpOpKind::Lt: r = x < y; break;
      case CmpOpKind::LtE: r = x <= y; break;
      case CmpOpKind::Gt: r = x > y; break;
      default: r = x >= y; break;
    }
    TOP() = Value::boolean(r);
    DISPATCH();
  }
  SAVE();
  Value r = compare(ins.arg, a, b);
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
L_IS_OP: {
  Value b = POP();
  bool same = TOP() == b;
  TOP() = Value::boolean(same != (ins.arg == 1));
  DISPATCH();
}
L_CONTAINS_OP: {
  Value container = POP();
  SAVE();
  int r = contains(container, TOP());
  if (r < 0) ERROR();
  TOP() = Value::boolean((r == 1) != (ins.arg == 1));
  DISPATCH();
}
L_BINARY_SUBSCR: {
  Value key = POP();
  Value obj = TOP();
  if (isKind(obj, Kind::List) && key.isSmallInt()) {
    auto& items = as<ListObj>(obj)->items;
    std::int64_t i = key.asSmallInt();
    if (i < 0) i += static_cast<std::int64_t>(items.size());
    if (i >= 0 && i < static_cast<std::int64_t>(items.size())) {
      TOP() = items[static_cast<std::size_t>(i)];
      DISPATCH();
    }
  }
  SAVE();
  Value r = getItem(obj, key);
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
L_STORE_SUBSCR: {
  Value key = POP();
  Value obj = POP();
  Value v = POP();
  SAVE();
  // A list item it overwrites (cheap to see; dict values would cost a second
  // lookup on every dict store, so they are left to the report at exit).
  Value old = kNull;
  if (key.isSmallInt() && isKind(obj, Kind::List)) {
    auto& items = as<ListObj>(obj)->items;
    std::int64_t i = key.asSmallInt();
    if (i < 0) i += static_cast<std::int64_t>(items.size());
    if (i >= 0 && i < static_cast<std::int64_t>(items.size())) old = items[static_cast<std::size_t>(i)];
  }
  if (!setItem(obj, key, v)) ERROR();
  if (old.isObject() && asPy(old)->kind == Kind::Coroutine) [[unlikely]]
    neverAwaited->overwritten(old, *f);
  DISPATCH();
}
L_DELETE_SUBSCR: {
  Value key = POP();
  Value obj = POP();
  SAVE();
  if (!delItem(obj, key)) ERROR();
  DISPATCH();
}
L_BUILD_SLICE: {
  Value step = ins.arg == 3 ? POP() : Value::none();
  Value stop = POP();
  Value start = POP();
  PUSH(Value::object(make<SliceObj>(t.slice, start, stop, step)));
  DISPATCH();
}
L_BUILD_LIST: {
  std::vector<Value>& items = scratch;
  items.assign(sp - ins.arg, sp);
  sp -= ins.arg;
  PUSH(newList(std::move(items)));
  DISPATCH();
}
L_BUILD_TUPLE: {
  std::vector<Value>& items = scratch;
  items.assign(sp - ins.arg, sp);
  sp -= ins.arg;
  PUSH(newTuple(std::move(items)));
  DISPATCH();
}
L_BUILD_SET: {
  SetObj* s = newSet();
  SAVE();
  for (Value* p = sp - ins.arg; p < sp; ++p)
    if (!s->table.set(*this, *p, Value::none())) ERROR();
  sp -= ins.arg;
  PUSH(Value::object(s));
  DISPATCH();
}
L_BUILD_MAP: {
  DictObj* d = newDict();
  SAVE();
  for (Value* p = sp - 2 * ins.arg; p < sp; p += 2)
    if (!d->table.set(*this, p[0], p[1])) ERROR();
  sp -= 2 * ins.arg;
  PUSH(Value::object(d));
  DISPATCH();
}
L_BUILD_STRING: {
  std::string& s = sbuf;
  s.clear();
  for (Value* p = sp - ins.arg; p < sp; ++p) s += as<StrObj>(*p)->s;
  sp -= ins.arg;
  PUSH(newStr(std::move(s)));
  DISPATCH();
}
L_LIST_APPEND: {
  Value v = POP();
  as<ListObj>(PEEK(ins.arg))->items.push_back(v);
  DISPATCH();
}
L_SET_ADD: {
  Value v = POP();
  SAVE();
  if (!as<SetObj>(PEEK(ins.arg))->table.set(*this, v, Value::none())) ERROR();
  DISPATCH();
}
L_MAP_ADD: {
  Value v = POP();
  Value k = POP();
  SAVE();
  if (!as<DictObj>(PEEK(ins.arg))->table.set(*this, k, v)) ERROR();
  DISPATCH();
}
L_LIST_EXTEND: {
  Value it = POP();
  SAVE();
  std::vector<Value>& items = scratch;
  items.clear();
  if (!toVector(it, items)) ERROR();
  auto& dst = as<ListObj>(PEEK(ins.arg))->items;
  dst.insert(dst.end(), items.begin(), items.end());
  DISPATCH();
}
L_SET_UPDATE: {
  Value it = POP();
  SAVE();
  std::vector<Value>& items = scratch;
  items.clear();
  if (!toVector(it, items)) ERROR();
  for (Value v : items)
    if (!as<SetObj>(PEEK(ins.arg))->table.set(*this, v, Value::none())) ERROR();
  DISPATCH();
}
L_DICT_UPDATE: {
  Value m = POP();
  SAVE();
  if (!isKind(m, Kind::Dict)) {
    raise(t.TypeError, "'" + typeName(m) + "' object is not a mapping");
    ERROR();
  }
  for (auto& e : as<DictObj>(m)->table.entries())
    if (e.key != kNull && !as<DictObj>(PEEK(ins.arg))->table.set(*this, e.key, e.value)) ERROR();
  DISPATCH();
}
L_LIST_TO_TUPLE:
  TOP() = newTuple(as<ListObj>(TOP())->items);
  DISPATCH();
L_FORMAT_VALUE: {
  Value spec = (ins.arg & 4) ? POP() : kNull;
  Value v = TOP();
  SAVE();
  int conv = ins.arg & 3;
  if (conv == 1) v = str(v);
  else if (conv >= 2) v = repr(v);
  CHECK(v);
  if (spec == kNull && isKind(v, Kind::Str)) {
    TOP() = v;
    DISPATCH();
  }
  Value r = format(v, spec == kNull ? std::string_view() : std::string_view(as<StrObj>(spec)->s));
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
L_UNPACK_SEQUENCE: {
  Value seq = POP();
  std::vector<Value>& tmp = scratch;
  tmp.clear();
  const std::vector<Value>* items;
  if (isKind(seq, Kind::Tuple)) items = &as<TupleObj>(seq)->items;
  else if (isKind(seq, Kind::List)) items = &as<ListObj>(seq)->items;
  else {
    SAVE();
    if (!toVector(seq, tmp)) ERROR();
    items = &tmp;
  }
  if (static_cast<int>(items->size()) != ins.arg) {
    if (static_cast<int>(items->size()) > ins.arg)
      raise(t.ValueError, "too many values to unpack (expected " + std::to_string(ins.arg) + ")");
    else
      raise(t.ValueError, "not enough values to unpack (expected " + std::to_string(ins.arg) + ", got " +
                              std::to_string(items->size()) + ")");
    ERROR();
  }
  for (auto it = items->rbegin(); it != items->rend(); ++it) PUSH(*it);
  DISPATCH();
}
L_UNPACK_EX: {
  Value seq = POP();
  std::vector<Value>& items = scratch;
  items.clear();
  SAVE();
  if (!toVector(seq, items)) ERROR();
  int before = ins.arg & 0xFF, after = ins.arg >> 8;
  if (static_cast<int>(items.size()) < before + after) {
    raise(t.ValueError, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                            ", got " + std::to_string(items.size()) + ")");
    ERROR();
  }
  std::size_t n = items.size();
  for (int i = 0; i < after; ++i) PUSH(items[n - 1 - static_cast<std::size_t>(i)]);
  PUSH(newList(std::vector<Value>(items.begin() + before, items.end() - after)));
  for (int i = before - 1; i >= 0; --i) PUSH(items[static_cast<std::size_t>(i)]);
  DISPATCH();
}

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
L_GET_ITER: {
  Value v = TOP();
  if (isKind(v, Kind::Generator) || isKind(v, Kind::Iterator)) DISPATCH();
  SAVE();
  Value it = getIter(v);
  CHECK(it);
  TOP() = it;
  DISPATCH();
}
L_FOR_ITER: {
  Value it = TOP();
  if (isKind(it, Kind::Iterator)) {
    auto* io = as<IterObj>(it);
    if (io->what == IterObj::What::Range) {
      if ((io->step > 0 && io->index < io->stop) || (io->step < 0 && io->index > io->stop)) {
        PUSH(Value::smallInt(io->index));
        io->index += io->step;
        DISPATCH();
      }
      --sp;
      ip = f->code->code.data() + ins.arg;
      DISPATCH();
    }
    if (io->what == IterObj::What::Seq && isKind(io->src, Kind::List)) {
      auto& items = as<ListObj>(io->src)->items;
      if (io->index < static_cast<std::int64_t>(items.size())) {
        PUSH(items[static_cast<std::size_t>(io->index++)]);
        DISPATCH();
      }
      --sp;
      ip = f->code->code.data() + ins.arg;
      DISPATCH();
    }
  } else if (isKind(it, Kind::Generator)) {
    auto* g = as<GeneratorObj>(it);
    if (g->state == GeneratorObj::State::Done) {
      --sp;
      ip = f->code->code.data() + ins.arg;
      DISPATCH();
    }
    if (g->state == GeneratorObj::State::Running) {
      raise(t.ValueError, "generator already executing");
      ERROR();
    }
    if (depth >= recursionLimit) {
      raise(t.RecursionError, "maximum recursion depth exceeded");
      ERROR();
    }
    Frame* nf = g->frame;
    SAVE();
    nf->parent = f;
    nf->mode = FrameMode::GenIter;
    nf->exitTarget = ins.arg;
    g->state = GeneratorObj::State::Running;
    ++depth;
    f = nf;
    LOAD();
    if (f->resume == 1) {
      f->resume = 0;
      PUSH(Value::none());
    }
    DISPATCH();
  }
  SAVE();
  Value v = next(it);
  CHECK(v);
  if (v == kNull) {
    --sp;
    ip = f->code->code.data() + ins.arg;
    DISPATCH();
  }
  PUSH(v);
  DISPATCH();
}
L_GET_AITER: {
  SAVE();
  Value v = TOP();
  Value m = lookupType(typeOf(v), s_aiter);
  if (isKind(v, Kind::AsyncGenerator)) DISPATCH();
  if (m == kNull) {
    raise(t.TypeError, "'async for' requires an object with __aiter__ method, got " + typeName(v));
    ERROR();
  }
  Value r = call(m, &v, 1);
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
L_GET_ANEXT: {
  Value v = TOP();
  if (isKind(v, Kind::AsyncGenerator)) {
    PUSH(Value::object(make<AwaitableObj>(t.awaitable, AwaitableObj::What::ANext, v)));
    DISPATCH();
  }
  SAVE();
  Value m = lookupType(typeOf(v), s_anext);
  if (m == kNull) {
    raise(t.TypeError, "'async for' requires an iterator with __anext__ method, got " + typeName(v));
    ERROR();
  }
  Value r = call(m, &v, 1);
  CHECK(r);
  PUSH(r);
  DISPATCH();
}
L_END_ASYNC_FOR: {
  Value e = POP();
  if (isInstance(e, t.StopAsyncIteration)) {
    --sp;
    DISPATCH();
  }
  exc = e;
  reraise = true;
  goto error;
}
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
L_GET_YIELD_FROM_ITER: {
  Value v = TOP();
  if (isKind(v, Kind::Generator)) DISPATCH();
  if (isKind(v, Kind::Coroutine)) {
    raise(t.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    ERROR();
  }
  SAVE();
  Value it = getIter(v);
  CHECK(it);
  TOP() = it;
  DISPATCH();
}
L_SEND: {
  Value v = POP();
  Value it = TOP();
  SAVE();
  if (isKind(it, Kind::Generator)) {
    RunResult r = resumeGenerator(as<GeneratorObj>(it), v, false);
    if (r.kind == RunResult::Raised) {
      exc = r.value;
      goto error;
    }
    if (r.kind == RunResult::Yielded) {
      PUSH(r.value);
      DISPATCH();
    }
    TOP() = r.value;
    ip = f->code->code.data() + ins.arg;
    DISPATCH();
  }
  Value y = v.isNone() ? next(it) : callMethod(it, "send", {v});
  if (y == kError && isKind(pending, Kind::Exception) && isInstance(pending, t.StopIteration)) {
    // An iterator's send() finished: its StopIteration carries the result.
    auto& stopArgs = as<TupleObj>(as<ExceptionObj>(pending)->args)->items;
    TOP() = stopArgs.empty() ? Value::none() : stopArgs[0];
    ip = f->code->code.data() + ins.arg;
    DISPATCH();
  }
  CHECK(y);
  if (y == kNull) {
    TOP() = Value::none();
    ip = f->code->code.data() + ins.arg;
    DISPATCH();
  }
  PUSH(y);
  DISPATCH();
}
L_YIELD_VALUE: {
  Value v = POP();
  GeneratorObj* g = f->gen;
  g->state = GeneratorObj::State::Suspended;
  f->resume = 1;
  SAVE();
  if (f == entry || f->mode == FrameMode::Top) {
    result = {RunResult::Yielded, v};
    --depth;
    goto done;
  }
  Frame* parent = f->parent;
  FrameMode mode = f->mode;
  f->parent = nullptr;
  --depth;
  f = parent;
  LOAD();
  if (mode == FrameMode::AClose) {
    // It yielded instead of closing: it stays suspended there.
    --sp;
    raise(t.RuntimeError, "async generator ignored GeneratorExit");
    ERROR();
  }
  if (mode == FrameMode::ANext) TOP() = v;  // replaces the __anext__ awaitable
  else PUSH(v);
  DISPATCH();
}
L_GET_AWAITABLE: {
  Value v = TOP();
  if (v.isObject()) {
    switch (asPy(v)->kind) {
      case Kind::Coroutine:
        if (as<GeneratorObj>(v)->awaited && as<GeneratorObj>(v)->state != GeneratorObj::State::Created) {
          raise(t.RuntimeError, "cannot reuse already awaited coroutine");
          ERROR();
        }
        as<GeneratorObj>(v)->awaited = true;
        DISPATCH();
      case Kind::LoopObject:
      case Kind::Awaitable:
        DISPATCH();
      default:
        break;
    }
  }
  SAVE();
  Value m = lookupType(typeOf(v), s_await);
  if (m == kNull) {
    raise(t.TypeError, "object " + typeName(v) + " can't be used in 'await' expression");
    ERROR();
  }
  Value r = call(m, &v, 1);
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
L_AWAIT: {
  Value aw = TOP();
  PyObj* o = asPy(aw);
  switch (o->kind) {
    case Kind::Coroutine:
    case Kind::Generator: {
      auto* g = static_cast<GeneratorObj*>(o);
      if (g->state == GeneratorObj::State::Done) {
        raise(t.RuntimeError, "cannot reuse already awaited coroutine");
        ERROR();
      }
      if (g->state == GeneratorObj::State::Running) {
        raise(t.RuntimeError, "coroutine is being awaited already");
        ERROR();
      }
      if (depth >= recursionLimit) {
        raise(t.RecursionError, "maximum recursion depth exceeded");
        ERROR();
      }
      // The coroutine stays on this stack while it runs, so that a
      // suspended chain is reachable from its root for the collector.
      SAVE();
      Frame* nf = g->frame;
      nf->parent = f;
      nf->mode = FrameMode::Await;
      g->state = GeneratorObj::State::Running;
      ++depth;
      f = nf;
      LOAD();
      if (throwPending != kNull) {
        exc = throwPending;
        throwPending = kNull;
        goto error;
      }
      DISPATCH();
    }
    case Kind::Awaitable: {
      auto* a = static_cast<AwaitableObj*>(o);
      switch (a->what) {
        case AwaitableObj::What::YieldOnce:
          if (!a->yielded) {
            a->yielded = true;
            --ip;
            f->resume = 2;
            SAVE();
            result = {RunResult::Suspended, Value::none()};
            goto suspend;
          }
          if (throwPending != kNull) {
            exc = throwPending;
            throwPending = kNull;
            --sp;
            goto error;
          }
          TOP() = a->value;
          DISPATCH();
        case AwaitableObj::What::Ready:
          TOP() = a->value;
          DISPATCH();
        case AwaitableObj::What::Raise:
          --sp;
          exc = a->value;
          goto error;
        case AwaitableObj::What::ANext:
        case AwaitableObj::What::ASend:
        case AwaitableObj::What::AThrow:
        case AwaitableObj::What::AClose: {
          // One step of an async generator, as CPython 3.11's async_gen_asend
          // and async_gen_athrow objects take it (Objects/genobject.c).
          auto* g = as<GeneratorObj>(a->value);
          const AwaitableObj::What what = a->what;
          const bool throwing = what == AwaitableObj::What::AThrow || what == AwaitableObj::What::AClose;
          if (a->yielded) {
            --sp;
            raise(t.RuntimeError, throwing ? "cannot reuse already awaited aclose()/athrow()"
                                           : "cannot reuse already awaited __anext__()/asend()");
            ERROR();
          }
          a->yielded = true;  // one use, as CPython's awaitable
          if (g->state == GeneratorObj::State::Running) {
            --sp;
            raise(t.RuntimeError, std::string(what == AwaitableObj::What::AThrow   ? "athrow()"
                                              : what == AwaitableObj::What::AClose ? "aclose()"
                                                                                   : "anext()") +
                                      ": asynchronous generator is already running");
            ERROR();
          }
          if (g->state == GeneratorObj::State::Done) {
            // A finished generator: no more values; athrow and aclose give None.
            if (throwing) {
              TOP() = Value::none();
              DISPATCH();
            }
            --sp;
            raise(t.StopAsyncIteration, "");
            ERROR();
          }
          if (throwing && g->agenClosed) {
            // aclose() already ran and the generator yielded instead of closing.
            --sp;
            raise(t.StopAsyncIteration, "");
            ERROR();
          }
          if (what == AwaitableObj::What::AClose) g->agenClosed = true;
          if (g->state == GeneratorObj::State::Created) {
            if (what == AwaitableObj::What::ASend && !a->arg.isNone()) {
              --sp;
              raise(t.TypeError, "can't send non-None value to a just-started async generator");
              ERROR();
            }
            if (throwing) {
              // It never ran: closing it is done, an exception thrown in comes straight out.
              g->state = GeneratorObj::State::Done;
              if (what == AwaitableObj::What::AClose) {
                TOP() = Value::none();
                DISPATCH();
              }
              --sp;
              exc = a->arg;
              goto error;
            }
          }
          SAVE();
          Frame* nf = g->frame;
          nf->parent = f;
          nf->mode = what == AwaitableObj::What::AClose ? FrameMode::AClose : FrameMode::ANext;
          g->state = GeneratorObj::State::Running;
          ++depth;
          f = nf;
          LOAD();
          if (throwing) {
            f->resume = 0;  // suspended at a yield: the exception replaces its value
            exc = a->arg;
            goto error;
          }
          if (f->resume == 1) {
            f->resume = 0;
            PUSH(what == AwaitableObj::What::ASend ? a->arg : Value::none());
          }
          DISPATCH();
        }
      }
      DISPATCH();
    }
    case Kind::LoopObject: {
      auto* lo = static_cast<LoopObj*>(o);
      if (lo->what == LoopObj::What::NativeCoroutine) {
        auto* c = static_cast<loop::Coroutine*>(lo->obj);
        SAVE();
        loop::StepResult r;
        if (throwPending != kNull) {
          Value e = throwPending;
          throwPending = kNull;
          r = c->throwIn(e);
        } else {
          r = c->send(Value::none());
        }
        if (r.kind == loop::StepResult::Yielded) {
          --ip;
          f->resume = 2;
          SAVE();
          result = {RunResult::Suspended, r.value};
          goto suspend;
        }
        --sp;
        if (r.kind == loop::StepResult::Raised) {
          exc = fromLoop(r.value);
          goto error;
        }
        PUSH(fromLoop(r.value));
        DISPATCH();
      }
      loop::Future* fut = loop::asFuture(Value::object(lo->obj));
      if (!fut) {
        raise(t.TypeError, "object " + typeName(aw) + " can't be used in 'await' expression");
        ERROR();
      }
      if (throwPending != kNull) {
        exc = throwPending;
        throwPending = kNull;
        --sp;
        goto error;
      }
      if (!fut->done()) {
        --ip;
        f->resume = 2;
        SAVE();
        result = {RunResult::Suspended, Value::object(fut)};
        goto suspend;
      }
      loop::StepResult r = fut->result();
      --sp;
      if (r.kind == loop::StepResult::Raised) {
        exc = fromLoop(r.value);
        goto error;
      }
      PUSH(fromLoop(r.value));
      DISPATCH();
    }
    default:
      raise(t.TypeError, "object " + typeName(aw) + " can't be used in 'await' expression");
      ERROR();
  }
}
L_MAKE_FUNCTION: {
  auto* code = as<CodeObj>(POP());
  auto* fn = make<FunctionObj>(t.function, code, f->globals);
  fn->name = code->name;
  fn->qualname = code->qualname;
  if (ins.arg & 8) {
    for (Value c : as<TupleObj>(POP())->items) fn->closure.push_back(as<CellObj>(c));
  }
  if (ins.arg & 2) fn->kwdefaults = as<DictObj>(POP());
  if (ins.arg & 1) fn->defaults = as<TupleObj>(POP())->items;
  PUSH(Value::object(fn));
  DISPATCH();
}
L_BUILD_CLASS: {
  std::vector<Value>& bases = scratch;
  bases.assign(sp - ins.arg, sp);
  sp -= ins.arg;
  Value name = POP();
  auto* body = as<FunctionObj>(POP());
  Frame* nf = newFrame(body, nullptr, 0, nullptr);
  if (!nf) ERROR();
  nf->localsDict = newDict();
  nf->mode = FrameMode::ClassBody;
  nf->extra = newTuple({name, newTuple(std::move(bases)), Value::object(nf->localsDict)});
  SAVE();
  nf->parent = f;
  ++depth;
  f = nf;
  LOAD();
  DISPATCH();
}
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

  // -- exceptions -------------------------------------------------------------------
L_SETUP_EXCEPT:
  f->blocks[f->blockCount++] = Block{ins.arg, static_cast<std::int32_t>(sp - f->stack)};
  DISPATCH();
L_POP_BLOCK:
  --f->blockCount;
  DISPATCH();
L_PUSH_EXC_INFO: {
  Value e = TOP();
  TOP() = f->handledExc;
  PUSH(e);
  f->handledExc = e;
  DISPATCH();
}
L_POP_EXCEPT:
  f->handledExc = POP();
  DISPATCH();
L_CHECK_EXC_MATCH: {
  Value type = POP();
  Value e = TOP();
  bool match = false;
  auto check = [&](Value ty) -> bool {
    if (!isKind(ty, Kind::Type) || !as<TypeObj>(ty)->isException) return false;
    if (isInstance(e, as<TypeObj>(ty))) match = true;
    return true;
  };
  bool ok = true;
  if (isKind(type, Kind::Tuple)) {
    for (Value ty : as<TupleObj>(type)->items) ok &= check(ty);
  } else {
    ok = check(type);
  }
  if (!ok) {
    raise(t.TypeError, "catching classes that do not inherit from BaseException is not allowed");
    ERROR();
  }
  PUSH(Value::boolean(match));
  DISPATCH();
}
L_CHECK_EG_MATCH: {
  Value type = POP();
  Value e = TOP();
  SAVE();
  Value match, rest;
  if (!splitGroup(e, type, match, rest)) ERROR();
  TOP() = rest;
  PUSH(match);
  DISPATCH();
}
L_RERAISE: {
  Value e = POP();
  sp -= ins.arg - 2;
  f->handledExc = POP();
  exc = e;
  reraise = true;
  goto error;
}
L_RAISE_VARARGS: {
  SAVE();
  if (ins.arg == 0) {
    Value h = handledInChain(f);
    if (h.isNone()) {
      raise(t.RuntimeError, "No active exception to reraise");
      ERROR();
    }
    exc = h;
    reraise = false;
    goto error;
  }
  Value cause = ins.arg == 2 ? POP() : kNull;
  Value e = POP();
  Value inst = makeRaisable(e);
  CHECK(inst);
  if (cause != kNull) {
    Value c = cause.isNone() ? cause : makeRaisable(cause);
    CHECK(c);
    as<ExceptionObj>(inst)->cause = c;
    as<ExceptionObj>(inst)->suppressContext = true;
  }
  exc = inst;
  goto error;
}
L_BEFORE_WITH:
L_BEFORE_ASYNC_WITH: {
  SAVE();
  Value cm = TOP();
  bool isAsync = ins.op == Op::BEFORE_ASYNC_WITH;
  Value exitM = getAttrOpt(cm, isAsync ? s_aexit : s_exit);
  Value enterM = getAttrOpt(cm, isAsync ? s_aenter : s_enter);
  if (exitM == kError || enterM == kError) ERROR();
  if (exitM == kNull || enterM == kNull) {
    raise(t.TypeError, "'" + typeName(cm) + "' object does not support the " +
                           (isAsync ? "asynchronous " : "") + "context manager protocol");
    ERROR();
  }
  TOP() = exitM;
  Value r = call(enterM, nullptr, 0);
  CHECK(r);
  PUSH(r);
  DISPATCH();
}
L_WITH_EXC_ARGS: {
  Value e = POP();
  PUSH(Value::object(typeOf(e)));
  PUSH(e);
  PUSH(Value::none());
  DISPATCH();
}
L_LOAD_ASSERTION_ERROR:
  PUSH(Value::object(t.AssertionError));
  DISPATCH();

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
