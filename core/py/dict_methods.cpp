// dict_methods.cpp: the methods of dict and set/frozenset.
#include "core/py/method_arity.h"
#include "core/py/vm.h"

namespace py {

#define METHOD(name) static Value name(VM& vm, NativeObj* self, CallArgs& a)

namespace {
HashTable& D(CallArgs& a) { return as<DictObj>(a.args[0])->table; }
HashTable& S(CallArgs& a) { return as<SetObj>(a.args[0])->table; }
Value keyError(VM& vm, Value key) {
  vm.pending = Value::object(vm.newException(vm.t.KeyError, {key}));
  return kError;
}
}  // namespace

METHOD(d_get) {
  std::int64_t i = D(a).find(vm, a.args[1]);
  if (i == HashTable::kFailed) return kError;
  if (i < 0) return a.n == 3 ? a.args[2] : Value::none();
  return D(a).entries()[static_cast<std::size_t>(i)].value;
}

static Value view(VM& vm, CallArgs& a, int which) {
  TypeObj* t = which == 0 ? vm.t.dictKeys : which == 1 ? vm.t.dictValues : vm.t.dictItems;
  return Value::object(vm.make<DictViewObj>(t, as<DictObj>(a.args[0]), which));
}
METHOD(d_keys) { return view(vm, a, 0); }
METHOD(d_values) { return view(vm, a, 1); }
METHOD(d_items) { return view(vm, a, 2); }

METHOD(d_setdefault) {
  Value dflt = a.n >= 3 ? a.args[2] : Value::none();
  std::int64_t i = D(a).find(vm, a.args[1]);
  if (i == HashTable::kFailed) return kError;
  if (i >= 0) return D(a).entries()[static_cast<std::size_t>(i)].value;
  if (!D(a).set(vm, a.args[1], dflt)) return kError;
  return dflt;
}

METHOD(d_pop) {
  Value old;
  int r = D(a).remove(vm, a.args[1], &old);
  if (r < 0) return kError;
  if (r == 0) {
    if (a.n >= 3) return a.args[2];
    return keyError(vm, a.args[1]);
  }
  return old;
}

METHOD(d_popitem) {
  auto& entries = D(a).entries();
  for (std::size_t i = entries.size(); i-- > 0;) {
    if (entries[i].key == kNull) continue;
    Value t = vm.newTuple({entries[i].key, entries[i].value});
    D(a).removeAt(i);
    return t;
  }
  return vm.raise(vm.t.KeyError, "popitem(): dictionary is empty");
}

METHOD(d_update) {
  auto* d = as<DictObj>(a.args[0]);
  if (a.n >= 2 && !dictUpdate(vm, d, a.args[1])) return kError;
  for (int i = 0; i < a.nkw(); ++i)
    if (!d->table.set(vm, Value::object((*a.kwnames)[static_cast<std::size_t>(i)]), a.kwvalues[i])) return kError;
  return Value::none();
}

METHOD(d_copy) {
  DictObj* d = vm.newDict();
  d->table = D(a);
  return Value::object(d);
}

METHOD(d_clear) {
  D(a).clear();
  return Value::none();
}

METHOD(d_fromkeys) {
  // Called on the class: args[0] is dict itself.
  DictObj* d = vm.newDict();
  std::vector<Value> keys;
  if (a.n < 2 || a.n > 3)
    return vm.raise(vm.t.TypeError, std::string("fromkeys expected at ") + (a.n < 2 ? "least 1 argument" : "most 2 arguments") +
                                        ", got " + std::to_string(a.n - 1));
  if (!vm.toVector(a.args[1], keys)) return kError;
  Value v = a.n >= 3 ? a.args[2] : Value::none();
  for (Value k : keys)
    if (!d->table.set(vm, k, v)) return kError;
  return Value::object(d);
}

// -- sets --------------------------------------------------------------------------

METHOD(s_add) {
  if (!S(a).set(vm, a.args[1], Value::none())) return kError;
  return Value::none();
}

METHOD(s_remove) {
  int r = S(a).remove(vm, a.args[1]);
  if (r < 0) return kError;
  if (r == 0) return keyError(vm, a.args[1]);
  return Value::none();
}

METHOD(s_discard) {
  if (S(a).remove(vm, a.args[1]) < 0) return kError;
  return Value::none();
}

METHOD(s_pop) {
  auto& entries = S(a).entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].key == kNull) continue;
    Value k = entries[i].key;
    S(a).removeAt(i);
    return k;
  }
  return vm.raise(vm.t.KeyError, "pop from an empty set");
}

METHOD(s_clear) {
  S(a).clear();
  return Value::none();
}

METHOD(s_copy) {
  SetObj* s = vm.newSet(a.args[0].isObject() && asPy(a.args[0])->kind == Kind::FrozenSet);
  s->table = S(a);
  return Value::object(s);
}

static Value setOp(VM& vm, CallArgs& a, int op, bool inplace) {
  Value acc = a.args[0];
  for (int i = 1; i < a.n; ++i) {
    Value other = a.args[i];
    if (!isKind(other, Kind::Set) && !isKind(other, Kind::FrozenSet)) {
      SetObj* s = vm.newSet();
      std::vector<Value> items;
      if (!vm.toVector(other, items)) return kError;
      for (Value v : items)
        if (!s->table.set(vm, v, Value::none())) return kError;
      other = Value::object(s);
    }
    Value r = vm.binaryOp(op, acc, other);
    if (r == kError) return kError;
    acc = r;
  }
  if (inplace) {
    if (acc != a.args[0]) S(a) = as<SetObj>(acc)->table;
    return Value::none();
  }
  if (acc == a.args[0]) return s_copy(vm, nullptr, a);
  return acc;
}
METHOD(s_union) { return setOp(vm, a, 9, false); }
METHOD(s_intersection) { return setOp(vm, a, 11, false); }
METHOD(s_difference) { return setOp(vm, a, 1, false); }
METHOD(s_symmetric_difference) { return setOp(vm, a, 10, false); }
METHOD(s_update) { return setOp(vm, a, 9, true); }
METHOD(s_intersection_update) { return setOp(vm, a, 11, true); }
METHOD(s_difference_update) { return setOp(vm, a, 1, true); }

static Value subsetCheck(VM& vm, CallArgs& a, bool sub) {
  std::vector<Value> items;
  if (!vm.toVector(a.args[1], items)) return kError;
  SetObj* other = vm.newSet();
  for (Value v : items) other->table.set(vm, v, Value::none());
  HashTable& small = sub ? S(a) : other->table;
  HashTable& big = sub ? other->table : S(a);
  for (auto& e : small.entries())
    if (e.key != kNull && big.find(vm, e.key) < 0) return Value::boolean(false);
  return Value::boolean(true);
}
METHOD(s_issubset) { return subsetCheck(vm, a, true); }
METHOD(s_issuperset) { return subsetCheck(vm, a, false); }
METHOD(s_isdisjoint) {
  std::vector<Value> items;
  if (!vm.toVector(a.args[1], items)) return kError;
  for (Value v : items)
    if (S(a).find(vm, v) >= 0) return Value::boolean(false);
  return Value::boolean(true);
}

#undef METHOD

void installDictMethods(VM& vm) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  using St = ArgStyle;
  const Entry dict[] = {{"get", checked<d_get, St::Clinic, 1, 2>},
                        {"keys", checked<d_keys, St::NoArgs>},
                        {"values", checked<d_values, St::NoArgs>},
                        {"items", checked<d_items, St::NoArgs>},
                        {"setdefault", checked<d_setdefault, St::Clinic, 1, 2>},
                        {"pop", checked<d_pop, St::Clinic, 1, 2>},
                        {"popitem", checked<d_popitem, St::NoArgs>},
                        {"update", checked<d_update, St::Clinic, 0, 1>},
                        {"copy", checked<d_copy, St::NoArgs>},
                        {"clear", checked<d_clear, St::NoArgs>}};
  for (const Entry& e : dict) vm.addMethod(vm.t.dict, e.name, e.fn);
  auto* fk = vm.make<DescriptorObj>(vm.t.staticmethod, Kind::StaticMethod, Value::none());
  // dict.fromkeys(keys, v): a static method whose first argument is the class.
  Value native = vm.newNative("fromkeys", [](VM& vm, NativeObj* self, CallArgs& a) -> Value {
    std::vector<Value> args{Value::object(vm.t.dict)};
    args.insert(args.end(), a.args, a.args + a.n);
    CallArgs b = a;
    b.args = args.data();
    b.n = a.n + 1;
    return d_fromkeys(vm, self, b);
  });
  fk->func = native;
  vm.t.dict->dict->table.set(vm, Value::object(vm.intern("fromkeys")), Value::object(fk));
  const Entry set[] = {{"add", checked<s_add, St::One, 1>},
                       {"remove", checked<s_remove, St::One, 1>},
                       {"discard", checked<s_discard, St::One, 1>},
                       {"pop", checked<s_pop, St::NoArgs>},
                       {"clear", checked<s_clear, St::NoArgs>},
                       {"copy", checked<s_copy, St::NoArgs>},
                       {"union", s_union},  // any number of iterables
                       {"intersection", s_intersection},
                       {"difference", s_difference},
                       {"symmetric_difference", checked<s_symmetric_difference, St::One, 1>},
                       {"update", s_update},
                       {"intersection_update", s_intersection_update},
                       {"difference_update", s_difference_update},
                       {"issubset", checked<s_issubset, St::One, 1>},
                       {"issuperset", checked<s_issuperset, St::One, 1>},
                       {"isdisjoint", checked<s_isdisjoint, St::One, 1>}};
  for (const Entry& e : set) {
    vm.addMethod(vm.t.set, e.name, e.fn);
    std::string n = e.name;
    if (n == "copy" || n == "union" || n == "intersection" || n == "difference" || n == "symmetric_difference" ||
        n == "issubset" || n == "issuperset" || n == "isdisjoint")
      vm.addMethod(vm.t.frozenset, e.name, e.fn);
  }
}

}  // namespace py
