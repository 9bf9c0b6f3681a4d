// attributes.cpp: attribute access (getattr/setattr/delattr) on every kind
// of object, method binding, class creation and raisable exceptions.
//
// A class may have a metaclass only by inheriting it (enum.EnumType, set on
// Enum by stdlib_enum.cpp): its attributes and __setattr__ hook then apply
// to the class, as a metaclass's do in CPython.
//
// A user class's __getattr__ runs only when the normal lookup fails, and its
// __setattr__ / __delattr__ replace the store: TypeObj::hasAttrHooks keeps
// the common case (no hook anywhere in the MRO) at one flag test.
#include <algorithm>
#include <string>

#include "core/py/cpython_attributes.h"
#include "core/py/mro.h"
#include "core/py/vm.h"

namespace py {

Value VM::lookupType(TypeObj* type, StrObj* name) const {
  Value key = Value::object(name);
  for (TypeObj* t : type->mro) {
    if (!t->dict) continue;
    std::int64_t i = t->dict->table.findHashed(const_cast<VM&>(*this), key, name->hash());
    if (i >= 0) return t->dict->table.entries()[static_cast<std::size_t>(i)].value;
  }
  return kNull;
}

namespace {

// object's __repr__, __str__, __eq__ and __hash__, reached by super() from a class
// that overrides them ("return 'A:' + super().__repr__()"). Bound to the
// instance, which comes first in the arguments.
bool selfAnd(VM& vm, CallArgs& a, int more) {
  if (a.n == more + 1) return true;
  vm.raise(vm.t.TypeError, "expected " + std::to_string(more) + " argument" + (more == 1 ? "" : "s") + ", got " +
                               std::to_string(std::max(0, a.n - 1)));
  return false;
}

Value objectRepr(VM& vm, NativeObj*, CallArgs& a) {
  if (!selfAnd(vm, a, 0)) return kError;
  return vm.newStr(defaultReprOf(asPy(a.args[0])));
}

Value objectStr(VM& vm, NativeObj*, CallArgs& a) {
  if (!selfAnd(vm, a, 0)) return kError;
  return vm.repr(a.args[0]);  // object.__str__ is type(self).__repr__(self)
}

Value objectHash(VM& vm, NativeObj*, CallArgs& a) {
  if (!selfAnd(vm, a, 0)) return kError;
  // The identity hash VM::hash gives an object without __hash__.
  return Value::smallInt(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(asPy(a.args[0])) >> 4));
}

Value objectEq(VM& vm, NativeObj*, CallArgs& a) {
  if (!selfAnd(vm, a, 1)) return kError;
  return a.args[1] == a.args[0] ? Value::boolean(true) : vm.notImplemented;
}

Value objectInit(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n > 0 || a.nkw() > 0)
    return vm.raise(vm.t.TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
  return Value::none();
}

Value dictGet(VM& vm, DictObj* d, StrObj* name) {
  if (!d) return kNull;
  std::int64_t i = d->table.findHashed(vm, Value::object(name), name->hash());
  return i >= 0 ? d->table.entries()[static_cast<std::size_t>(i)].value : kNull;
}

// Binds a class attribute found on the type to the instance.
Value bindAttr(VM& vm, Value attr, Value self, TypeObj* type) {
  if (!attr.isObject()) return attr;
  switch (asPy(attr)->kind) {
    case Kind::Function:
    case Kind::Native:
      return Value::object(vm.make<BoundMethodObj>(vm.t.method, attr, self));
    case Kind::Property: {
      Value getter = as<DescriptorObj>(attr)->func;
      return vm.call(getter, &self, 1);
    }
    case Kind::StaticMethod:
      return as<DescriptorObj>(attr)->func;
    case Kind::ClassMethod:
      return Value::object(vm.make<BoundMethodObj>(vm.t.method, as<DescriptorObj>(attr)->func, Value::object(type)));
    default:
      return attr;
  }
}

}  // namespace

Value VM::getAttrOpt(Value obj, StrObj* name) {
  TypeObj* type = typeOf(obj);
  if (obj.isObject()) {
    PyObj* o = asPy(obj);
    switch (o->kind) {
      case Kind::Instance:
      case Kind::Exception: {
        auto* inst = static_cast<InstanceObj*>(o);
        Value classAttr = lookupType(type, name);
        if (classAttr != kNull && isKind(classAttr, Kind::Property)) return bindAttr(*this, classAttr, obj, type);
        Value v = dictGet(*this, inst->dict, name);
        if (v != kNull) return v;
        if (o->kind == Kind::Exception) {
          auto* e = static_cast<ExceptionObj*>(o);
          if (name == s_args) return e->args;
          if (name->s == "__cause__") return e->cause;
          if (name->s == "__context__") return e->context;
          if (name->s == "__traceback__") return Value::none();
          if (name->s == "__suppress_context__") return Value::boolean(e->suppressContext);
          if (name->s == "value" && type->isSubtypeOf(t.StopIteration))
            return as<TupleObj>(e->args)->items.empty() ? Value::none() : as<TupleObj>(e->args)->items[0];
          if (name->s == "exceptions" && type->isSubtypeOf(t.BaseExceptionGroup))
            return newTuple(e->groupExceptions);
          if (name->s == "message" && type->isSubtypeOf(t.BaseExceptionGroup) && !as<TupleObj>(e->args)->items.empty())
            return as<TupleObj>(e->args)->items[0];
        }
        if (name == s_class) return Value::object(type);
        if (name == s_dict && inst->dict) return Value::object(inst->dict);
        if (classAttr != kNull) return bindAttr(*this, classAttr, obj, type);
        return kNull;
      }
      case Kind::Type: {
        auto* ty = static_cast<TypeObj*>(o);
        Value v = lookupType(ty, name);
        if (v != kNull) {
          if (isKind(v, Kind::ClassMethod))
            return Value::object(make<BoundMethodObj>(t.method, as<DescriptorObj>(v)->func, obj));
          if (isKind(v, Kind::StaticMethod)) return as<DescriptorObj>(v)->func;
          return v;
        }
        if (name == s_name) return newStr(ty->name);
        if (name == s_qualname) return newStr(ty->name);
        if (name == s_module) return newStr(ty->module);
        if (name->s == "__mro__") {
          std::vector<Value> m;
          for (TypeObj* x : ty->mro) m.push_back(Value::object(x));
          return newTuple(std::move(m));
        }
        if (name->s == "__bases__") {
          std::vector<Value> b;
          for (TypeObj* x : ty->bases) b.push_back(Value::object(x));
          if (b.empty() && ty->base) b.push_back(Value::object(ty->base));
          return newTuple(std::move(b));
        }
        if (name->s == "__base__") return ty->base ? Value::object(ty->base) : Value::none();
        if (name == s_class) return Value::object(o->cls);
        if (name == s_dict) return Value::object(ty->dict);
        if (o->cls->isUser) {  // the metaclass's attributes (enum.EnumType's __members__)
          Value m = lookupType(o->cls, name);
          if (m != kNull) return bindAttr(*this, m, obj, o->cls);
        }
        return kNull;
      }
      case Kind::Module: {
        Value v = dictGet(*this, static_cast<ModuleObj*>(o)->dict, name);
        if (v != kNull) return v;
        if (name == s_name) return newStr(static_cast<ModuleObj*>(o)->name);
        return kNull;
      }
      case Kind::Function: {
        auto* fn = static_cast<FunctionObj*>(o);
        Value v = dictGet(*this, fn->dict, name);
        if (v != kNull) return v;
        if (name == s_name) return newStr(fn->name);
        if (name == s_qualname) return newStr(fn->qualname);
        if (name == s_module) return newStr("__main__");
        if (name == s_doc) return Value::none();
        if (name == s_dict) {
          if (!fn->dict) fn->dict = newDict();
          return Value::object(fn->dict);
        }
        break;
      }
      case Kind::Native:
        if (name == s_name) return newStr(static_cast<NativeObj*>(o)->name);
        if (name == s_qualname) return newStr(static_cast<NativeObj*>(o)->name);
        break;
      case Kind::BoundMethod:
        if (name->s == "__self__") return static_cast<BoundMethodObj*>(o)->self;
        if (name->s == "__func__") return static_cast<BoundMethodObj*>(o)->func;
        return getAttrOpt(static_cast<BoundMethodObj*>(o)->func, name);
      case Kind::Generator:
      case Kind::Coroutine:
      case Kind::AsyncGenerator:
        if (name == s_name) return newStr(static_cast<GeneratorObj*>(o)->name);
        if (name == s_qualname) return newStr(static_cast<GeneratorObj*>(o)->qualname);
        break;
      case Kind::Super: {
        auto* sp = static_cast<SuperObj*>(o);
        TypeObj* selfType = isKind(sp->self, Kind::Type) ? as<TypeObj>(sp->self) : typeOf(sp->self);
        bool after = false;
        for (TypeObj* m : selfType->mro) {
          if (!after) {
            after = m == sp->startAfter;
            continue;
          }
          Value v = dictGet(*this, m->dict, name);
          if (v != kNull) {
            if (isKind(sp->self, Kind::Type)) {
              if (isKind(v, Kind::ClassMethod))
                return Value::object(make<BoundMethodObj>(t.method, as<DescriptorObj>(v)->func, sp->self));
              return v;
            }
            return bindAttr(*this, v, sp->self, selfType);
          }
        }
        // object.__init__, the end of a cooperative super().__init__ chain.
        if (name == s_init && !isKind(sp->self, Kind::Type)) return newNative("__init__", objectInit);
        if (isKind(sp->self, Kind::Instance) && !selfType->isException) {
          NativeFn fn = name->s == "__repr__" ? objectRepr
                        : name->s == "__str__" ? objectStr
                        : name->s == "__eq__"  ? objectEq
                        : name->s == "__hash__" ? objectHash
                                                : nullptr;
          if (fn) return Value::object(make<BoundMethodObj>(t.method, newNative(name->s, fn), sp->self));
        }
        return kNull;
      }
      case Kind::Slice: {
        auto* s = static_cast<SliceObj*>(o);
        if (name->s == "start") return s->start;
        if (name->s == "stop") return s->stop;
        if (name->s == "step") return s->step;
        break;
      }
      case Kind::Range: {
        auto* r = static_cast<RangeObj*>(o);
        if (name->s == "start") return Value::smallInt(r->start);
        if (name->s == "stop") return Value::smallInt(r->stop);
        if (name->s == "step") return Value::smallInt(r->step);
        break;
      }
      default:
        break;
    }
  }
  if (name == s_class) return Value::object(type);
  Value v = lookupType(type, name);
  if (v != kNull) return bindAttr(*this, v, obj, type);
  if (type == t.float_ || type == t.int_ || type == t.bool_) {
    if (name->s == "real") return obj;
    if (name->s == "imag") return type == t.float_ ? Value::number(0.0) : Value::smallInt(0);
  }
  return kNull;
}

namespace {

// The user hook `name` of obj's class (a Python function), or kNull.
Value userHook(VM& vm, Value obj, const char* name) {
  if (!obj.isObject()) return kNull;
  PyObj* o = asPy(obj);
  // A class whose metaclass has hooks (enum.EnumType's __setattr__) counts as its instance.
  bool hookable =
      o->kind == Kind::Instance || o->kind == Kind::Exception || (o->kind == Kind::Type && o->cls->isUser);
  if (!hookable || !o->cls->hasAttrHooks) return kNull;
  Value h = vm.lookupType(o->cls, vm.intern(name));
  return isKind(h, Kind::Function) ? h : kNull;
}

// The (self, name[, value]) arguments of object.__setattr__ and friends.
bool attrNameArg(VM& vm, CallArgs& a, int want) {
  if (a.n != want + 1) {
    vm.raise(vm.t.TypeError, "expected " + std::to_string(want) + " arguments, got " + std::to_string(std::max(0, a.n - 1)));
    return false;
  }
  if (!isKind(a.args[1], Kind::Str)) {
    vm.raise(vm.t.TypeError, std::string("attribute name must be string, not '") + vm.typeName(a.args[1]) + "'");
    return false;
  }
  return true;
}

Value objectSetattr(VM& vm, NativeObj*, CallArgs& a) {
  if (!attrNameArg(vm, a, 2)) return kError;
  return vm.setAttrPlain(a.args[0], vm.intern(as<StrObj>(a.args[1])->s), a.args[2]) ? Value::none() : kError;
}

Value objectDelattr(VM& vm, NativeObj*, CallArgs& a) {
  if (!attrNameArg(vm, a, 1)) return kError;
  return vm.delAttrPlain(a.args[0], vm.intern(as<StrObj>(a.args[1])->s)) ? Value::none() : kError;
}

// object.__getattribute__: the normal lookup, without __getattr__.
Value objectGetattribute(VM& vm, NativeObj*, CallArgs& a) {
  if (!attrNameArg(vm, a, 1)) return kError;
  StrObj* name = vm.intern(as<StrObj>(a.args[1])->s);
  Value v = vm.getAttrOpt(a.args[0], name);
  if (v != kNull) return v;
  return vm.raise(vm.t.AttributeError, "'" + vm.typeName(a.args[0]) + "' object has no attribute '" + name->s + "'");
}

}  // namespace

void installObjectAttributes(VM& vm) {
  vm.addMethod(vm.t.object, "__setattr__", objectSetattr);
  vm.addMethod(vm.t.object, "__delattr__", objectDelattr);
  vm.addMethod(vm.t.object, "__getattribute__", objectGetattribute);
}

Value VM::getAttrHook(Value obj, StrObj* name) {
  Value h = userHook(*this, obj, "__getattr__");
  if (h == kNull) return kNull;
  return call(h, {obj, Value::object(name)});
}

Value VM::getAttrOrAbsent(Value obj, StrObj* name) {
  Value v = getAttrOpt(obj, name);
  if (v != kNull) return v;
  v = getAttrHook(obj, name);
  if (v == kError && isInstance(pending, t.AttributeError)) return kNull;
  return v;
}

Value VM::getAttr(Value obj, StrObj* name) {
  Value v = getAttrOpt(obj, name);
  if (v == kError) return kError;
  if (v != kNull) return v;
  v = getAttrHook(obj, name);
  if (v != kNull) return v;
  // CPython has it and Loopscope does not: say the feature is outside the
  // subset, not that the program is wrong (contract section 1).
  const std::string owner = isKind(obj, Kind::Module) ? as<ModuleObj>(obj)->name
                            : isKind(obj, Kind::Type) ? (as<TypeObj>(obj)->isUser ? "" : as<TypeObj>(obj)->name)
                            : typeOf(obj)->isUser     ? ""
                                                      : typeName(obj);
  if (!owner.empty() && cpythonHasAttribute(owner, name->s))
    return raise(t.NotImplementedError, owner + "." + name->s + " is not supported");
  if (isKind(obj, Kind::Module))
    return raise(t.AttributeError, "module '" + as<ModuleObj>(obj)->name + "' has no attribute '" + name->s + "'");
  if (isKind(obj, Kind::Type))
    return raise(t.AttributeError, "type object '" + as<TypeObj>(obj)->name + "' has no attribute '" + name->s + "'");
  return raise(t.AttributeError, "'" + typeName(obj) + "' object has no attribute '" + name->s + "'");
}

bool VM::setAttr(Value obj, StrObj* name, Value v) {
  Value h = userHook(*this, obj, "__setattr__");
  if (h != kNull) return call(h, {obj, Value::object(name), v}) != kError;
  return setAttrPlain(obj, name, v);
}

bool VM::setAttrPlain(Value obj, StrObj* name, Value v) {
  if (obj.isObject()) {
    PyObj* o = asPy(obj);
    switch (o->kind) {
      case Kind::Instance:
      case Kind::Exception: {
        auto* inst = static_cast<InstanceObj*>(o);
        Value classAttr = lookupType(o->cls, name);
        if (classAttr != kNull && isKind(classAttr, Kind::Property)) {
          Value setter = as<DescriptorObj>(classAttr)->setter;
          if (setter.isNone()) {
            raise(t.AttributeError, "can't set attribute '" + name->s + "'");
            return false;
          }
          return call(setter, {obj, v}) != kError;
        }
        if (o->kind == Kind::Exception) {
          auto* e = static_cast<ExceptionObj*>(o);
          if (name->s == "__cause__") {
            e->cause = v;
            e->suppressContext = true;
            return true;
          }
          if (name->s == "__context__") {
            e->context = v;
            return true;
          }
          if (name == s_args) {
            std::vector<Value> items;
            if (!toVector(v, items)) return false;
            e->args = newTuple(std::move(items));
            return true;
          }
        }
        if (!inst->dict) inst->dict = newDict();
        return inst->dict->table.set(*this, Value::object(name), v);
      }
      case Kind::Type: {
        auto* ty = static_cast<TypeObj*>(o);
        if (!ty->isUser) break;
        if (name->s == "__getattr__" || name->s == "__setattr__" || name->s == "__delattr__") ty->hasAttrHooks = true;
        return ty->dict->table.set(*this, Value::object(name), v);
      }
      case Kind::Function: {
        auto* fn = static_cast<FunctionObj*>(o);
        if (name == s_name) {
          if (isKind(v, Kind::Str)) fn->name = as<StrObj>(v)->s;
          return true;
        }
        if (name == s_qualname) {
          if (isKind(v, Kind::Str)) fn->qualname = as<StrObj>(v)->s;
          return true;
        }
        if (!fn->dict) fn->dict = newDict();
        return fn->dict->table.set(*this, Value::object(name), v);
      }
      case Kind::Module:
        return static_cast<ModuleObj*>(o)->dict->table.set(*this, Value::object(name), v);
      default:
        break;
    }
  }
  if (lookupType(typeOf(obj), name) != kNull)
    raise(t.AttributeError, "'" + typeName(obj) + "' object attribute '" + name->s + "' is read-only");
  else
    raise(t.AttributeError, "'" + typeName(obj) + "' object has no attribute '" + name->s + "'");
  return false;
}

bool VM::delAttr(Value obj, StrObj* name) {
  Value h = userHook(*this, obj, "__delattr__");
  if (h != kNull) return call(h, {obj, Value::object(name)}) != kError;
  return delAttrPlain(obj, name);
}

bool VM::delAttrPlain(Value obj, StrObj* name) {
  if (isKind(obj, Kind::Instance) || isKind(obj, Kind::Exception)) {
    auto* inst = as<InstanceObj>(obj);
    if (inst->dict && inst->dict->table.remove(*this, Value::object(name)) == 1) return true;
  } else if (isKind(obj, Kind::Type) && as<TypeObj>(obj)->isUser) {
    if (as<TypeObj>(obj)->dict->table.remove(*this, Value::object(name)) == 1) return true;
  }
  raise(t.AttributeError, "'" + typeName(obj) + "' object has no attribute '" + name->s + "'");
  return false;
}

Value VM::buildClass(Value nameBasesNs, Value bodyResult) {
  auto& parts = as<TupleObj>(nameBasesNs)->items;
  std::string name = as<StrObj>(parts[0])->s;
  auto& bases = as<TupleObj>(parts[1])->items;
  auto* ns = as<DictObj>(parts[2]);
  std::vector<TypeObj*> baseTypes;
  for (Value b : bases) {
    if (!isKind(b, Kind::Type)) return raise(t.TypeError, "bases must be types");
    baseTypes.push_back(as<TypeObj>(b));
  }
  // The base whose instances the new class's instances are (CPython's
  // "best base"): the one with the most derived builtin layout.
  TypeObj* base = baseTypes.empty() ? t.object : baseTypes[0];
  TypeObj* layout = base;
  auto layoutOf = [&](TypeObj* b) {
    for (TypeObj* m : b->mro)
      if (!m->isUser) return m->isException ? t.BaseException : m;
    return t.object;
  };
  if (!baseTypes.empty()) layout = layoutOf(base);
  for (TypeObj* b : baseTypes) {
    TypeObj* l = layoutOf(b);
    if (l->isSubtypeOf(layout) && l != layout) {
      base = b;
      layout = l;
    } else if (!layout->isSubtypeOf(l)) {
      return raise(t.TypeError, "multiple bases have instance lay-out conflict");
    }
  }
  TypeObj* ty = newType(name, base, "__main__");
  if (baseTypes.size() > 1) {
    if (!computeMro(*this, ty, baseTypes)) return kError;
    ty->bases = baseTypes;
    for (TypeObj* b : baseTypes) ty->isException = ty->isException || b->isException;
  }
  ty->isUser = true;
  ty->dict = ns;
  Value mod = Value::none();
  std::int64_t i = ns->table.find(*this, Value::object(s_module));
  if (i >= 0) mod = ns->table.entries()[static_cast<std::size_t>(i)].value;
  if (isKind(mod, Kind::Str)) ty->module = as<StrObj>(mod)->s;
  for (auto& e : ns->table.entries()) {
    if (e.key == kNull) continue;
    const std::string& k = as<StrObj>(e.key)->s;
    if (k == "__eq__" || k == "__hash__" || k == "__lt__") ty->hasUserEq = true;
    if (k == "__getattr__" || k == "__setattr__" || k == "__delattr__") ty->hasAttrHooks = true;
    if (k == "__qualname__" && isKind(e.value, Kind::Str)) ty->name = ty->name;  // qualname kept in dict
    if (isKind(e.value, Kind::Function)) {
      auto* fn = as<FunctionObj>(e.value);
      if (!fn->dict) fn->dict = newDict();
      fn->dict->table.set(*this, Value::object(intern("__class_cell__")), Value::object(ty));
    }
  }
  for (TypeObj* m : ty->mro) {
    if (m->hasUserEq) ty->hasUserEq = true;
    if (m->hasAttrHooks) ty->hasAttrHooks = true;
  }
  // A metaclass comes only from a base (programs cannot write `metaclass=`):
  // enum.EnumType, set on Enum by the enum module. As type.__call__ would,
  // its __init__ runs on the finished class; the class's instances are made
  // by the metaclass's __call__ (VM::callType), never by the call fast path.
  for (TypeObj* b : baseTypes)
    if (b->cls != t.type) ty->cls = b->cls;
  if (ty->cls != t.type) {
    ty->instanceKind = Kind::Other;
    Value init = lookupType(ty->cls, s_init);
    if (isKind(init, Kind::Function) &&
        call(init, {Value::object(ty), parts[0], parts[1], Value::object(ns)}) == kError)
      return kError;
  }
  (void)bodyResult;
  return Value::object(ty);
}

bool VM::splitGroup(Value exc, Value type, Value& match, Value& rest) {
  auto matches = [&](Value e) {
    if (isKind(type, Kind::Tuple)) {
      for (Value t : as<TupleObj>(type)->items)
        if (isKind(t, Kind::Type) && isInstance(e, as<TypeObj>(t))) return true;
      return false;
    }
    return isKind(type, Kind::Type) && isInstance(e, as<TypeObj>(type));
  };
  if (!isKind(type, Kind::Type) && !isKind(type, Kind::Tuple)) {
    raise(t.TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return false;
  }
  if (!isKind(exc, Kind::Exception) || !typeOf(exc)->isSubtypeOf(t.BaseExceptionGroup)) {
    if (matches(exc)) {
      auto* g = newException(isInstance(exc, t.Exception) ? t.ExceptionGroup : t.BaseExceptionGroup,
                             {newStr(""), newList({exc})});
      g->groupExceptions = {exc};
      match = Value::object(g);
      rest = Value::none();
    } else {
      match = Value::none();
      rest = exc;
    }
    return true;
  }
  auto* g = as<ExceptionObj>(exc);
  if (matches(exc)) {
    match = exc;
    rest = Value::none();
    return true;
  }
  std::vector<Value> yes, no;
  for (Value e : g->groupExceptions) {
    Value m, r;
    if (!splitGroup(e, type, m, r)) return false;
    // A nested plain exception that matched comes back wrapped; keep it bare.
    if (!m.isNone()) yes.push_back(isKind(e, Kind::Exception) && !typeOf(e)->isSubtypeOf(t.BaseExceptionGroup) ? e : m);
    if (!r.isNone()) no.push_back(r);
  }
  auto derive = [&](std::vector<Value>& items) -> Value {
    bool all = true;
    for (Value e : items)
      if (!isInstance(e, t.Exception)) all = false;
    auto* ng = newException(all ? t.ExceptionGroup : t.BaseExceptionGroup,
                            {as<TupleObj>(g->args)->items[0], newList(items)});
    ng->groupExceptions = items;
    ng->traceback = g->traceback;
    return Value::object(ng);
  };
  match = yes.empty() ? Value::none() : (no.empty() ? exc : derive(yes));
  rest = no.empty() ? Value::none() : (yes.empty() ? exc : derive(no));
  return true;
}

Value VM::makeRaisable(Value v) {
  if (isKind(v, Kind::Type) && as<TypeObj>(v)->isException) {
    Value inst = call(v, nullptr, 0);
    return inst;
  }
  if (isKind(v, Kind::Exception)) return v;
  return raise(t.TypeError, "exceptions must derive from BaseException");
}

}  // namespace py
