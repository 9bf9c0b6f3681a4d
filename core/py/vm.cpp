// vm.cpp: the VM's housekeeping: builtin types, allocation, errors, frames,
// calls from native code, GC roots and traceback formatting.
#include "core/py/vm.h"

#include <algorithm>
#include <optional>

#include "core/py/async_generator.h"
#include "core/py/bytes_object.h"
#include "core/py/coroutine_methods.h"
#include "core/py/int_object.h"
#include "core/py/never_awaited.h"

namespace py {

void PyObj::trace(loop::Tracer& t) { t.visit(cls); }

void TypeObj::trace(loop::Tracer& t) {
  PyObj::trace(t);
  t.visit(base);
  for (TypeObj* m : mro) t.visit(m);
  t.visit(dict);
  t.visit(ctor);
}

void ModuleObj::trace(loop::Tracer& tr) {
  PyObj::trace(tr);
  tr.visit(dict);
}

void CodeObj::trace(loop::Tracer& tr) {
  PyObj::trace(tr);
  for (Value v : consts) tr.visit(v);
  for (StrObj* s : names) tr.visit(s);
  for (StrObj* s : varnames) tr.visit(s);
}

void FunctionObj::trace(loop::Tracer& tr) {
  PyObj::trace(tr);
  tr.visit(code);
  tr.visit(globals);
  for (Value v : defaults) tr.visit(v);
  tr.visit(kwdefaults);
  for (CellObj* c : closure) tr.visit(c);
  tr.visit(dict);
}

void InstanceObj::trace(loop::Tracer& tr) {
  PyObj::trace(tr);
  tr.visit(dict);
}

void ExceptionObj::trace(loop::Tracer& tr) {
  InstanceObj::trace(tr);
  tr.visit(args);
  tr.visit(cause);
  tr.visit(context);
  for (auto& e : traceback) tr.visit(e.code);
  for (Value v : groupExceptions) tr.visit(v);
}

void Frame::traceValues(loop::Tracer& tr) const {
  tr.visit(code);
  tr.visit(func);
  tr.visit(globals);
  tr.visit(localsDict);
  tr.visit(gen);
  tr.visit(handledExc);
  tr.visit(extra);
  if (locals) {
    for (const Value* p = locals; p < sp; ++p) tr.visit(*p);
  }
}

GeneratorObj::~GeneratorObj() {
  if (watcher) watcher->destroyed(this);
  delete frame;
}

void GeneratorObj::trace(loop::Tracer& tr) {
  PyObj::trace(tr);
  // CPython clears a finished coroutine's frame: its locals no longer keep
  // anything alive (this matters to the reachability check of unretrieved.cpp).
  if (frame && !(state == State::Done && tr.bookkeepingIsWeak())) frame->traceValues(tr);
  tr.visit(adapter);
}

std::size_t GeneratorObj::extraBytes() const {
  return frame ? sizeof(Frame) + frame->storage.capacity() * sizeof(Value) : 0;
}

Value CallArgs::kw(const char* name) const {
  for (int i = 0; i < nkw(); ++i)
    if ((*kwnames)[static_cast<std::size_t>(i)]->s == name) return kwvalues[i];
  return kNull;
}

// ---------------------------------------------------------------------------

VM::VM(loop::Heap& h) : heap(h) {
  heap.addRoots(this);
  neverAwaited = std::make_unique<NeverAwaited>(*this);
  initTypes();
}

VM::~VM() {
  heap.removeRoots(this);
  for (Frame* f : framePool) delete f;
}

TypeObj* VM::newType(std::string name, TypeObj* base, std::string module) {
  auto* ty = make<TypeObj>(t.type, std::move(name));
  ty->module = std::move(module);
  ty->base = base;
  ty->dict = newDict();
  ty->mro.push_back(ty);
  if (base) {
    for (TypeObj* m : base->mro) ty->mro.push_back(m);
    ty->isException = base->isException;
    ty->instanceKind = base->instanceKind;
    ty->ctor = base->ctor;
  }
  return ty;
}

void VM::initTypes() {
  // Bootstrap: type, object and dict exist before any dict does.
  t.type = heap.make<TypeObj>(nullptr, "type");
  t.type->cls = t.type;
  t.object = heap.make<TypeObj>(t.type, "object");
  t.dict = heap.make<TypeObj>(t.type, "dict");
  t.object->mro = {t.object};
  t.type->base = t.object;
  t.type->mro = {t.type, t.object};
  t.dict->base = t.object;
  t.dict->mro = {t.dict, t.object};
  t.str = heap.make<TypeObj>(t.type, "str");
  t.str->base = t.object;
  t.str->mro = {t.str, t.object};
  for (TypeObj* ty : {t.type, t.object, t.dict, t.str}) ty->dict = newDict();

  auto basic = [&](const char* n) { return newType(n, t.object); };
  t.none = basic("NoneType");
  t.int_ = basic("int");
  t.bool_ = newType("bool", t.int_);
  t.float_ = basic("float");
  t.bytes = basic("bytes");
  t.list = basic("list");
  t.tuple = basic("tuple");
  t.set = basic("set");
  t.frozenset = basic("frozenset");
  t.range = basic("range");
  t.slice = basic("slice");
  t.code = basic("code");
  t.function = basic("function");
  t.builtin = basic("builtin_function_or_method");
  t.method = basic("method");
  t.cell = basic("cell");
  t.module = basic("module");
  t.generator = basic("generator");
  t.coroutine = basic("coroutine");
  t.asyncGenerator = basic("async_generator");
  t.iterator = basic("iterator");
  t.awaitable = basic("awaitable");
  t.dictKeys = basic("dict_keys");
  t.dictValues = basic("dict_values");
  t.dictItems = basic("dict_items");
  t.super = basic("super");
  t.property = basic("property");
  t.staticmethod = basic("staticmethod");
  t.classmethod = basic("classmethod");
  t.ellipsis = basic("ellipsis");
  t.notImplemented = basic("NotImplementedType");
  ellipsis = Value::object(make<InstanceObj>(t.ellipsis, nullptr, Kind::Other));
  notImplemented = Value::object(make<InstanceObj>(t.notImplemented, nullptr, Kind::Other));

  auto exc = [&](const char* n, TypeObj* base, const char* module = "builtins") {
    TypeObj* ty = newType(n, base, module);
    ty->isException = true;
    ty->instanceKind = Kind::Exception;
    return ty;
  };
  t.BaseException = exc("BaseException", t.object);
  t.Exception = exc("Exception", t.BaseException);
  t.ArithmeticError = exc("ArithmeticError", t.Exception);
  t.ZeroDivisionError = exc("ZeroDivisionError", t.ArithmeticError);
  t.OverflowError = exc("OverflowError", t.ArithmeticError);
  t.LookupError = exc("LookupError", t.Exception);
  t.IndexError = exc("IndexError", t.LookupError);
  t.KeyError = exc("KeyError", t.LookupError);
  t.ValueError = exc("ValueError", t.Exception);
  t.UnicodeError = exc("UnicodeError", t.ValueError);
  t.UnicodeDecodeError = exc("UnicodeDecodeError", t.UnicodeError);
  t.UnicodeEncodeError = exc("UnicodeEncodeError", t.UnicodeError);
  t.TypeError = exc("TypeError", t.Exception);
  t.NameError = exc("NameError", t.Exception);
  t.UnboundLocalError = exc("UnboundLocalError", t.NameError);
  t.AttributeError = exc("AttributeError", t.Exception);
  t.RuntimeError = exc("RuntimeError", t.Exception);
  t.RecursionError = exc("RecursionError", t.RuntimeError);
  t.NotImplementedError = exc("NotImplementedError", t.RuntimeError);
  t.StopIteration = exc("StopIteration", t.Exception);
  t.StopAsyncIteration = exc("StopAsyncIteration", t.Exception);
  t.AssertionError = exc("AssertionError", t.Exception);
  t.MemoryError = exc("MemoryError", t.Exception);
  t.ImportError = exc("ImportError", t.Exception);
  t.ModuleNotFoundError = exc("ModuleNotFoundError", t.ImportError);
  t.OSError = exc("OSError", t.Exception);
  t.TimeoutError = exc("TimeoutError", t.OSError);
  t.SyntaxError = exc("SyntaxError", t.Exception);
  t.GeneratorExit = exc("GeneratorExit", t.BaseException);
  t.KeyboardInterrupt = exc("KeyboardInterrupt", t.BaseException);
  t.SystemExit = exc("SystemExit", t.BaseException);
  t.BaseExceptionGroup = exc("BaseExceptionGroup", t.BaseException);
  t.ExceptionGroup = exc("ExceptionGroup", t.BaseExceptionGroup);
  t.ExceptionGroup->mro.insert(t.ExceptionGroup->mro.end() - 2, t.Exception);
  t.CancelledError = exc("CancelledError", t.BaseException, "asyncio.exceptions");
  t.InvalidStateError = exc("InvalidStateError", t.Exception, "asyncio.exceptions");
  t.QueueEmpty = exc("QueueEmpty", t.Exception, "asyncio.queues");
  t.QueueFull = exc("QueueFull", t.Exception, "asyncio.queues");

  builtins = newDict();
  modules = newDict();

#define LS_INTERN(field, text) field = intern(text);
  LS_INTERN(s_init, "__init__") LS_INTERN(s_new, "__new__") LS_INTERN(s_str, "__str__")
  LS_INTERN(s_repr, "__repr__") LS_INTERN(s_call, "__call__") LS_INTERN(s_eq, "__eq__")
  LS_INTERN(s_hash, "__hash__") LS_INTERN(s_lt, "__lt__") LS_INTERN(s_le, "__le__")
  LS_INTERN(s_gt, "__gt__") LS_INTERN(s_ge, "__ge__") LS_INTERN(s_ne, "__ne__")
  LS_INTERN(s_iter, "__iter__") LS_INTERN(s_next, "__next__") LS_INTERN(s_len, "__len__")
  LS_INTERN(s_getitem, "__getitem__") LS_INTERN(s_setitem, "__setitem__")
  LS_INTERN(s_contains, "__contains__") LS_INTERN(s_enter, "__enter__") LS_INTERN(s_exit, "__exit__")
  LS_INTERN(s_aenter, "__aenter__") LS_INTERN(s_aexit, "__aexit__") LS_INTERN(s_await, "__await__")
  LS_INTERN(s_aiter, "__aiter__") LS_INTERN(s_anext, "__anext__") LS_INTERN(s_name, "__name__")
  LS_INTERN(s_main, "__main__") LS_INTERN(s_bool, "__bool__") LS_INTERN(s_add, "__add__")
  LS_INTERN(s_class, "__class__") LS_INTERN(s_dict, "__dict__") LS_INTERN(s_args, "args")
  LS_INTERN(s_delitem, "__delitem__") LS_INTERN(s_format, "__format__")
  LS_INTERN(s_module, "__module__") LS_INTERN(s_qualname, "__qualname__") LS_INTERN(s_doc, "__doc__")
#undef LS_INTERN

  installExceptions(*this);
  installStrMethods(*this);
  installListMethods(*this);
  installDictMethods(*this);
  installBuiltins(*this);
  installObjectAttributes(*this);
  installAsyncGenerator(*this);
  installCoroutineMethods(*this);
  installBytes(*this);
}

// -- allocation ---------------------------------------------------------------

Value VM::newStr(std::string s) {
  if (s.size() <= 1) return Value::object(intern(s));
  return Value::object(make<StrObj>(t.str, std::move(s)));
}

Value VM::newBytes(std::string s) { return Value::object(make<BytesObj>(t.bytes, std::move(s))); }

StrObj* VM::intern(std::string_view s) {
  auto it = interned_.find(std::string(s));
  if (it != interned_.end()) return it->second;
  auto* o = make<StrObj>(t.str, std::string(s));
  o->interned = true;
  interned_.emplace(std::string(s), o);
  return o;
}

Value VM::newList(std::vector<Value> items) { return Value::object(make<ListObj>(t.list, std::move(items))); }
Value VM::newTuple(std::vector<Value> items) { return Value::object(make<TupleObj>(t.tuple, std::move(items))); }
DictObj* VM::newDict() { return make<DictObj>(t.dict); }
SetObj* VM::newSet(bool frozen) { return make<SetObj>(frozen ? t.frozenset : t.set, frozen); }

Value VM::newInt(std::int64_t i) {
  if (Value::fitsSmallInt(i)) return Value::smallInt(i);
  return Value::object(make<BigIntObj>(t.int_, rt::BigInt(i)));
}

Value VM::parseInt(const std::string& digits) {
  auto b = rt::BigInt::fromDigits(digits, 10);
  if (!b) return kError;
  return makeInt(*this, *b);
}

Value VM::newNative(std::string name, NativeFn fn, Value data) {
  auto* n = make<NativeObj>(t.builtin, std::move(name), fn);
  n->data = data;
  return Value::object(n);
}

void VM::addMethod(TypeObj* type, const char* name, NativeFn fn) {
  auto* n = make<NativeObj>(t.builtin, name, fn);
  n->owner = type;
  type->dict->table.set(*this, Value::object(intern(name)), Value::object(n));
}

void VM::addBuiltin(const char* name, NativeFn fn) {
  builtins->table.set(*this, Value::object(intern(name)), newNative(name, fn));
}

// -- errors -------------------------------------------------------------------

ExceptionObj* VM::newException(TypeObj* type, std::vector<Value> args) {
  auto* e = make<ExceptionObj>(type, nullptr);
  e->args = newTuple(std::move(args));
  return e;
}

Value VM::raise(TypeObj* type, std::string message) {
  std::vector<Value> args;
  if (!message.empty()) args.push_back(newStr(std::move(message)));
  pending = Value::object(newException(type, std::move(args)));
  return kError;
}

Value VM::raiseValue(Value exc) {
  pending = exc;
  return kError;
}

bool VM::isInstance(Value v, TypeObj* type) const { return typeOf(v)->isSubtypeOf(type); }

// -- frames -------------------------------------------------------------------

void VM::releaseFrame(Frame* f) {
  if (f->gen) return;  // owned by its generator
  f->sp = f->locals;   // nothing left to trace
  f->parent = nullptr;
  if (framePool.size() < 256) framePool.push_back(f);
  else delete f;
}

namespace {
Value argError(VM& vm, FunctionObj* fn, std::string msg) {
  return vm.raise(vm.t.TypeError, fn->qualname + "() " + msg);
}
}  // namespace

Frame* VM::newFrame(FunctionObj* fn, Value* args, int n, CallArgs* kw) {
  CodeObj* code = fn->code;
  bool generatorLike = code->isGenerator || code->isCoroutine || code->isAsyncGenerator;
  Frame* f;
  if (!generatorLike && !framePool.empty()) {
    f = framePool.back();
    framePool.pop_back();
  } else {
    f = new Frame();
  }
  std::size_t nl = static_cast<std::size_t>(code->nlocals());
  std::size_t nc = static_cast<std::size_t>(code->ncells());
  std::size_t total = nl + nc + static_cast<std::size_t>(code->maxStack);
  f->storage.assign(total, kNull);
  f->code = code;
  f->func = fn;
  f->globals = fn->globals;
  f->localsDict = nullptr;
  f->locals = f->storage.data();
  f->stack = f->locals + nl + nc;
  f->sp = f->stack;
  f->ip = code->code.data();
  f->parent = nullptr;
  f->gen = nullptr;
  f->handledExc = Value::none();
  f->extra = Value::none();
  f->blockCount = 0;
  f->mode = FrameMode::Call;
  Value* locals = f->locals;

  // Positional parameters.
  int argc = code->argcount;
  int npos = std::min(n, argc);
  for (int i = 0; i < npos; ++i) locals[i] = args[i];
  int slot = argc + code->kwonlycount;
  if (code->varargs) {
    std::vector<Value> rest;
    for (int i = argc; i < n; ++i) rest.push_back(args[i]);
    locals[slot++] = newTuple(std::move(rest));
  } else if (n > argc) {
    int withDefault = static_cast<int>(fn->defaults.size());
    std::string what = withDefault > 0 ? "from " + std::to_string(argc - withDefault) + " to " + std::to_string(argc)
                                       : std::to_string(argc);
    argError(*this, fn, "takes " + what + " positional argument" + (argc == 1 && withDefault == 0 ? "" : "s") +
                            " but " + std::to_string(n) + (n == 1 ? " was" : " were") + " given");
    releaseFrame(f);
    return nullptr;
  }
  DictObj* varkw = nullptr;
  if (code->varkw) {
    varkw = newDict();
    locals[slot] = Value::object(varkw);
  }
  // Keyword arguments.
  for (int k = 0; kw && k < kw->nkw(); ++k) {
    StrObj* name = (*kw->kwnames)[static_cast<std::size_t>(k)];
    int found = -1;
    for (int i = code->posonlycount; i < argc + code->kwonlycount; ++i) {
      StrObj* vn = code->varnames[static_cast<std::size_t>(i)];
      if (vn == name || vn->s == name->s) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      if (varkw) {
        varkw->table.set(*this, Value::object(name), kw->kwvalues[k]);
        continue;
      }
      argError(*this, fn, "got an unexpected keyword argument '" + name->s + "'");
      releaseFrame(f);
      return nullptr;
    }
    if (!(locals[found] == kNull)) {
      argError(*this, fn, "got multiple values for argument '" + name->s + "'");
      releaseFrame(f);
      return nullptr;
    }
    locals[found] = kw->kwvalues[k];
  }
  // Defaults and missing arguments.
  int ndef = static_cast<int>(fn->defaults.size());
  std::vector<std::string> missing;
  for (int i = 0; i < argc; ++i) {
    if (!(locals[i] == kNull)) continue;
    int d = i - (argc - ndef);
    if (d >= 0) locals[i] = fn->defaults[static_cast<std::size_t>(d)];
    else missing.push_back("'" + code->varnames[static_cast<std::size_t>(i)]->s + "'");
  }
  if (!missing.empty()) {
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i) {
      if (i > 0) list += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
      list += missing[i];
    }
    argError(*this, fn, "missing " + std::to_string(missing.size()) + " required positional argument" +
                            (missing.size() == 1 ? "" : "s") + ": " + list);
    releaseFrame(f);
    return nullptr;
  }
  for (int i = argc; i < argc + code->kwonlycount; ++i) {
    if (!(locals[i] == kNull)) continue;
    Value d = kNull;
    if (fn->kwdefaults) {
      auto idx = fn->kwdefaults->table.find(*this, Value::object(code->varnames[static_cast<std::size_t>(i)]));
      if (idx >= 0) d = fn->kwdefaults->table.entries()[static_cast<std::size_t>(idx)].value;
    }
    if (d == kNull) {
      argError(*this, fn, "missing 1 required keyword-only argument: '" + code->varnames[static_cast<std::size_t>(i)]->s + "'");
      releaseFrame(f);
      return nullptr;
    }
    locals[i] = d;
  }
  // Cells: fresh ones for cellvars (copying parameters), the closure's for freevars.
  Value* cells = locals + nl;
  for (std::size_t i = 0; i < code->cellvars.size(); ++i) {
    auto* c = make<CellObj>(t.cell);
    int a = code->cellArgs[i];
    if (a >= 0) c->value = locals[a];
    cells[i] = Value::object(c);
  }
  for (std::size_t i = 0; i < code->freevars.size(); ++i)
    cells[code->cellvars.size() + i] = Value::object(fn->closure[i]);
  return f;
}

// -- GC -----------------------------------------------------------------------

void VM::traceRoots(loop::Tracer& tr) {
  Types* types = &t;
  auto** begin = reinterpret_cast<TypeObj**>(types);
  for (std::size_t i = 0; i < sizeof(Types) / sizeof(TypeObj*); ++i) tr.visit(begin[i]);
  tr.visit(builtins);
  tr.visit(modules);
  tr.visit(pending);
  tr.visit(ellipsis);
  tr.visit(notImplemented);
  tr.visit(exitRequested);
  for (auto& [k, v] : interned_) tr.visit(v);
  for (Value v : extraRoots_) tr.visit(v);
  // A cache, not a reference the program holds (see Tracer::bookkeepingIsWeak).
  if (!tr.bookkeepingIsWeak())
    for (auto& [k, w] : wrappers) tr.visit(w);
  for (Frame* leaf : runningLeaves)
    for (Frame* f = leaf; f; f = f->parent) f->traceValues(tr);
  for (Frame* f = currentFrame; f; f = f->parent) f->traceValues(tr);
}

// -- calls from native code ---------------------------------------------------

namespace {

bool receiverFits(VM& vm, const NativeObj* method, const Value* args, int n) {
  const TypeObj* owner = method->owner;
  if (n < 1) {
    vm.raise(vm.t.TypeError, "unbound method " + owner->name + "." + method->name + "() needs an argument");
    return false;
  }
  const TypeObj* type = vm.typeOf(args[0]);
  if (type == owner || type->isSubtypeOf(owner)) return true;
  vm.raise(vm.t.TypeError, "descriptor '" + method->name + "' for '" + owner->name + "' objects doesn't apply to a '" +
                               type->name + "' object");
  return false;
}

}  // namespace

Value VM::call(Value callable, Value* args, int n, CallArgs* kw) {
  if (!callable.isObject()) return raise(t.TypeError, "'" + typeName(callable) + "' object is not callable");
  PyObj* o = asPy(callable);
  switch (o->kind) {
    case Kind::Native: {
      auto* native = static_cast<NativeObj*>(o);
      // A method taken from its type (str.upper, list.append) reaches here
      // with whatever the program passed as `self`: the method's body
      // trusts its receiver's layout, so check it first, as CPython does.
      if (native->owner && !receiverFits(*this, native, args, n)) return kError;
      CallArgs a;
      a.args = args;
      a.n = n;
      if (kw) {
        a.kwvalues = kw->kwvalues;
        a.kwnames = kw->kwnames;
      }
      return native->fn(*this, native, a);
    }
    case Kind::BoundMethod: {
      auto* bm = static_cast<BoundMethodObj*>(o);
      std::vector<Value> all;
      all.reserve(static_cast<std::size_t>(n) + 1);
      all.push_back(bm->self);
      all.insert(all.end(), args, args + n);
      return call(bm->func, all.data(), n + 1, kw);
    }
    case Kind::Function: {
      auto* fn = static_cast<FunctionObj*>(o);
      Frame* f = newFrame(fn, args, n, kw);
      if (!f) return kError;
      CodeObj* code = fn->code;
      if (code->isGenerator || code->isCoroutine || code->isAsyncGenerator) {
        Kind k = code->isGenerator ? Kind::Generator : code->isCoroutine ? Kind::Coroutine : Kind::AsyncGenerator;
        TypeObj* ty = code->isGenerator ? t.generator : code->isCoroutine ? t.coroutine : t.asyncGenerator;
        auto* g = make<GeneratorObj>(ty, k, f);
        f->gen = g;
        g->name = fn->name;
        g->qualname = fn->qualname;
        if (k == Kind::Coroutine) neverAwaited->created(g);
        return Value::object(g);
      }
      f->mode = FrameMode::Top;
      RunResult r = run(f, f, Value::none(), false, nullptr);
      if (r.kind == RunResult::Raised) return raiseValue(r.value);
      return r.value;
    }
    case Kind::Type:
      return callType(static_cast<TypeObj*>(o), args, n, kw);
    default: {
      Value m = lookupType(o->cls, s_call);
      if (m == kNull) return raise(t.TypeError, "'" + o->cls->name + "' object is not callable");
      std::vector<Value> all{callable};
      all.insert(all.end(), args, args + n);
      return call(m, all.data(), n + 1, kw);
    }
  }
}

Value VM::callMethod(Value self, const char* name, std::initializer_list<Value> args) {
  Value m = getAttr(self, intern(name));
  if (m == kError) return kError;
  std::vector<Value> a(args);
  return call(m, a.data(), static_cast<int>(a.size()));
}

Value VM::callType(TypeObj* type, Value* args, int n, CallArgs* kw) {
  if (type == t.type && n == 1 && (!kw || kw->nkw() == 0)) return Value::object(typeOf(args[0]));
  if (type->cls->isUser) {  // a metaclass's __call__ makes the instances (enum.EnumType: Color(1))
    Value m = lookupType(type->cls, s_call);
    if (isKind(m, Kind::Function)) {
      std::vector<Value> all{Value::object(type)};
      all.insert(all.end(), args, args + n);
      return call(m, all.data(), n + 1, kw);
    }
  }
  if (!type->isUser) {
    if (type->ctor.isNone()) return raise(t.TypeError, "cannot create '" + type->name + "' instances");
    NativeObj* ctor = as<NativeObj>(type->ctor);
    CallArgs a;
    a.args = args;
    a.n = n;
    if (kw) {
      a.kwvalues = kw->kwvalues;
      a.kwnames = kw->kwnames;
    }
    Value saved = ctor->data;
    ctor->data = Value::object(type);
    Value r = ctor->fn(*this, ctor, a);
    ctor->data = saved;
    return r;
  }
  Value inst;
  if (type->isException) {
    std::vector<Value> a(args, args + n);
    auto* e = newException(type, std::move(a));
    e->dict = newDict();
    inst = Value::object(e);
  } else if (type->instanceKind == Kind::Instance) {
    inst = Value::object(make<InstanceObj>(type, newDict()));
  } else {
    return raise(t.NotImplementedError, "subclassing the builtin type '" + type->mro[1]->name + "' is not supported");
  }
  Value init = lookupType(type, s_init);
  if (init == kNull || (init.isObject() && asPy(init)->kind == Kind::Native && type->isException)) return inst;
  std::vector<Value> all{inst};
  all.insert(all.end(), args, args + n);
  Value r = call(init, all.data(), n + 1, kw);
  if (r == kError) return kError;
  if (!r.isNone()) return raise(t.TypeError, "__init__() should return None, not '" + typeName(r) + "'");
  return inst;
}

// -- tracebacks ----------------------------------------------------------------

std::string VM::exceptionLabel(Value exc) {
  TypeObj* ty = typeOf(exc);
  std::string name = qualnameOf(ty);
  if (ty->module != "builtins" && ty->module != "__main__") name = ty->module + "." + name;
  std::string msg = strOf(exc);
  if (msg.empty()) return name;
  return name + ": " + msg;
}

namespace {
std::string stripped(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  std::size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

// The frames of a built-in module's Python source (asyncio.Barrier,
// dataclasses...) are not the program's: their traceback entry names the
// module, found as the __name__ of the globals of a function that holds the
// code, among the imported modules' functions and class members. Found with
// globals that have no __name__: source a module made and ran itself (the
// methods dataclasses generates), which CPython calls "<string>".
bool holdsCode(const CodeObj* outer, const CodeObj* code) {
  if (outer == code) return true;
  for (Value v : outer->consts)
    if (isKind(v, Kind::Code) && holdsCode(static_cast<const CodeObj*>(asPy(v)), code)) return true;
  return false;
}

std::optional<std::string> moduleHolding(VM& vm, Value fn, const CodeObj* code) {
  if (isKind(fn, Kind::Property) || isKind(fn, Kind::StaticMethod) || isKind(fn, Kind::ClassMethod))
    fn = as<DescriptorObj>(fn)->func;
  if (!isKind(fn, Kind::Function) || !holdsCode(as<FunctionObj>(fn)->code, code)) return std::nullopt;
  std::int64_t i = as<FunctionObj>(fn)->globals->table.find(vm, Value::object(vm.s_name));
  if (i < 0) return "<string>";
  Value name = as<FunctionObj>(fn)->globals->table.entries()[static_cast<std::size_t>(i)].value;
  return isKind(name, Kind::Str) ? "<built-in " + as<StrObj>(name)->s + ">" : "<string>";
}

std::string builtinSourceFile(VM& vm, const CodeObj* code) {
  if (!vm.modules) return "<built-in module>";
  for (auto& m : vm.modules->table.entries()) {
    if (m.key == kNull || !isKind(m.value, Kind::Module)) continue;
    for (auto& e : as<ModuleObj>(m.value)->dict->table.entries()) {
      if (e.key == kNull) continue;
      if (auto file = moduleHolding(vm, e.value, code)) return *file;
      if (!isKind(e.value, Kind::Type)) continue;
      for (auto& member : as<TypeObj>(e.value)->dict->table.entries())
        if (member.key != kNull)
          if (auto file = moduleHolding(vm, member.value, code)) return *file;
    }
  }
  return "<built-in module>";
}
}  // namespace

std::string VM::formatTraceback(Value exc) {
  std::string out;
  if (!isKind(exc, Kind::Exception)) return exceptionLabel(exc) + "\n";
  auto* e = as<ExceptionObj>(exc);
  if (!e->cause.isNone() && isKind(e->cause, Kind::Exception)) {
    out += formatTraceback(e->cause);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (!e->context.isNone() && !e->suppressContext && isKind(e->context, Kind::Exception)) {
    out += formatTraceback(e->context);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  if (!e->traceback.empty()) {
    out += "Traceback (most recent call last):\n";
    // CPython folds a run of identical entries (same file, line and function
    // name: a runaway recursion) after kRecursiveCutoff of them into one
    // "[Previous line repeated N more times]" line (Python/traceback.c).
    constexpr int kRecursiveCutoff = 3;
    const TracebackEntry* last = nullptr;
    int repeats = 0;
    auto flushRepeats = [&] {
      if (repeats <= kRecursiveCutoff) return;
      const int more = repeats - kRecursiveCutoff;
      out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
    };
    // And it prints only the newest kTracebackLimit entries (PyTraceBack_Print's
    // default limit, sys.tracebacklimit unset): a recursion under a raised
    // recursion limit loses its oldest frames, <module> included.
    constexpr std::size_t kTracebackLimit = 1000;
    auto oldest = e->traceback.rbegin();
    if (e->traceback.size() > kTracebackLimit) oldest += static_cast<std::ptrdiff_t>(e->traceback.size() - kTracebackLimit);
    for (auto it = oldest; it != e->traceback.rend(); ++it) {
      if (last == nullptr || it->line != last->line || it->code->name != last->code->name ||
          it->code->builtinSource != last->code->builtinSource) {
        flushRepeats();
        repeats = 0;
      }
      last = &*it;
      if (++repeats > kRecursiveCutoff) continue;
      if (it->code->builtinSource) {
        // Its line is one of the module's own source, not of the program:
        // no source line under it (the student's line there would mislead).
        out += "  File \"" + builtinSourceFile(*this, it->code) + "\", line " + std::to_string(it->line) + ", in " +
               it->code->name + "\n";
        continue;
      }
      out += "  File \"" + fileName + "\", line " + std::to_string(it->line) + ", in " + it->code->name + "\n";
      if (it->line >= 1 && static_cast<std::size_t>(it->line) <= sourceLines.size()) {
        std::string src = stripped(sourceLines[static_cast<std::size_t>(it->line) - 1]);
        if (!src.empty()) out += "    " + src + "\n";
      }
    }
    flushRepeats();
  }
  out += exceptionLabel(exc) + "\n";
  return out;
}

}  // namespace py
