// match_support.cpp: the run-time half of the `match` statement. The parser
// lowers patterns to expressions (parser_match.cpp) that call these natives,
// registered as builtins under `$` names a program cannot spell:
//
//   $match_seq(subject, n, star)      a list of the items, or None when the
//                                     subject is no sequence of that length
//   $match_map(subject, keys)         a list of the values at keys, or None
//   $match_rest(subject, keys)        a new dict of the other items (**rest)
//   $match_class(subject, cls, npos, kwnames)
//                                     a tuple of the attributes the class
//                                     pattern names, or None
//
// Which subjects count as sequences and mappings, and the TypeErrors of a
// class pattern, are CPython 3.11's (ceval.c's MATCH_* opcodes).
#include "core/py/match_support.h"

#include <string>
#include <vector>

#include "core/py/runtime.h"

namespace py {

namespace {

// collections.deque and namedtuples are sequences, collections' mappings
// are mappings, as their CPython counterparts are registered ABCs.
bool fromCollections(VM& vm, Value v, std::initializer_list<const char*> names) {
  TypeObj* ty = vm.typeOf(v);
  for (TypeObj* t : ty->mro)
    if (t->module == "collections")
      for (const char* n : names)
        if (t->name == n) return true;
  return false;
}

bool isSequence(VM& vm, Value v) {
  if (isKind(v, Kind::List) || isKind(v, Kind::Tuple) || isKind(v, Kind::Range)) return true;
  return isKind(v, Kind::Instance) && fromCollections(vm, v, {"deque", "_NamedTupleBase"});
}

bool isMapping(VM& vm, Value v) {
  if (isKind(v, Kind::Dict)) return true;
  return isKind(v, Kind::Instance) && fromCollections(vm, v, {"defaultdict", "Counter", "OrderedDict"});
}

Value matchSeq(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n != 3 || !a.args[1].isSmallInt() || !a.args[2].isSmallInt())
    return vm.raise(vm.t.TypeError, "$match_seq");
  Value subject = a.args[0];
  if (!isSequence(vm, subject)) return Value::none();
  std::int64_t n = a.args[1].asSmallInt();
  bool star = a.args[2].asSmallInt() >= 0;
  bool ok = true;
  std::int64_t len = vm.length(subject, ok);
  if (!ok) return kError;
  if (star ? len < n - 1 : len != n) return Value::none();
  std::vector<Value> items;
  if (!vm.toVector(subject, items)) return kError;
  return vm.newList(std::move(items));
}

Value matchMap(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n != 2 || !isKind(a.args[1], Kind::Tuple)) return vm.raise(vm.t.TypeError, "$match_map");
  Value subject = a.args[0];
  if (!isMapping(vm, subject)) return Value::none();
  auto& keys = as<TupleObj>(a.args[1])->items;
  bool ok = true;
  std::int64_t len = vm.length(subject, ok);
  if (!ok) return kError;
  if (len < static_cast<std::int64_t>(keys.size())) return Value::none();
  DictObj* seen = vm.newDict();
  Value keep = Value::object(seen);
  (void)keep;
  std::vector<Value> values;
  for (Value k : keys) {
    std::int64_t at = seen->table.find(vm, k);
    if (at == -2) return kError;
    if (at >= 0)
      return vm.raise(vm.t.ValueError, "mapping pattern checks duplicate key (" + vm.reprOf(k) + ")");
    if (!seen->table.set(vm, k, Value::none())) return kError;
    Value v;
    if (isKind(subject, Kind::Dict)) {
      std::int64_t i = as<DictObj>(subject)->table.find(vm, k);
      if (i == -2) return kError;
      if (i < 0) return Value::none();
      v = as<DictObj>(subject)->table.entries()[static_cast<std::size_t>(i)].value;
    } else {
      // CPython asks the mapping's get(), so a defaultdict makes no entry.
      Value missing = Value::object(seen);
      v = vm.callMethod(subject, "get", {k, missing});
      if (v == kError) return kError;
      if (v == missing) return Value::none();
    }
    values.push_back(v);
  }
  return vm.newList(std::move(values));
}

Value matchRest(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n != 2 || !isKind(a.args[1], Kind::Tuple)) return vm.raise(vm.t.TypeError, "$match_rest");
  Value copy = vm.call(Value::object(vm.t.dict), &a.args[0], 1);
  if (copy == kError) return kError;
  for (Value k : as<TupleObj>(a.args[1])->items)
    if (as<DictObj>(copy)->table.remove(vm, k) < 0) return kError;
  return copy;
}

// Builtin types whose class pattern with one positional sub-pattern
// matches the subject itself: `case int(n):`.
bool matchesSelf(VM& vm, TypeObj* t) {
  return t == vm.t.bool_ || t == vm.t.bytes || t == vm.t.dict || t == vm.t.float_ || t == vm.t.frozenset ||
         t == vm.t.int_ || t == vm.t.list || t == vm.t.set || t == vm.t.str || t == vm.t.tuple;
}

Value matchClass(VM& vm, NativeObj*, CallArgs& a) {
  if (a.n != 4 || !a.args[2].isSmallInt() || !isKind(a.args[3], Kind::Tuple))
    return vm.raise(vm.t.TypeError, "$match_class");
  Value subject = a.args[0];
  if (!isKind(a.args[1], Kind::Type)) return vm.raise(vm.t.TypeError, "called match pattern must be a type");
  auto* cls = as<TypeObj>(a.args[1]);
  if (!vm.isInstance(subject, cls)) return Value::none();
  std::int64_t npos = a.args[2].asSmallInt();
  auto& kwnames = as<TupleObj>(a.args[3])->items;
  std::string clsName = cls->name;
  std::vector<Value> names;  // the attribute names, positional ones first
  std::vector<Value> values;
  bool selfMatch = false;
  if (npos > 0) {
    Value matchArgs = vm.getAttrOrAbsent(a.args[1], vm.intern("__match_args__"));
    if (matchArgs == kError) return kError;
    if (matchArgs == kNull) {
      if (!(matchesSelf(vm, cls) && npos == 1))
        return vm.raise(vm.t.TypeError, clsName + "() accepts 0 positional sub-patterns (" +
                                            std::to_string(npos) + " given)");
      selfMatch = true;
      values.push_back(subject);
    } else {
      if (!isKind(matchArgs, Kind::Tuple))
        return vm.raise(vm.t.TypeError,
                        clsName + ".__match_args__ must be a tuple (got " + vm.typeName(matchArgs) + ")");
      auto& allowed = as<TupleObj>(matchArgs)->items;
      if (npos > static_cast<std::int64_t>(allowed.size()))
        return vm.raise(vm.t.TypeError, clsName + "() accepts " + std::to_string(allowed.size()) +
                                            " positional sub-pattern" + (allowed.size() == 1 ? "" : "s") +
                                            " (" + std::to_string(npos) + " given)");
      for (std::int64_t i = 0; i < npos; ++i) {
        Value n = allowed[static_cast<std::size_t>(i)];
        if (!isKind(n, Kind::Str))
          return vm.raise(vm.t.TypeError,
                          "__match_args__ elements must be strings (got " + vm.typeName(n) + ")");
        names.push_back(n);
      }
    }
  }
  for (Value k : kwnames) {
    for (Value n : names)
      if (as<StrObj>(n)->s == as<StrObj>(k)->s)
        return vm.raise(vm.t.TypeError,
                        clsName + "() got multiple sub-patterns for attribute " + vm.reprOf(k));
    names.push_back(k);
  }
  for (Value n : names) {
    Value v = vm.getAttrOrAbsent(subject, vm.intern(as<StrObj>(n)->s));
    if (v == kError) return kError;
    if (v == kNull) return Value::none();  // no such attribute: no match
    values.push_back(v);
  }
  (void)selfMatch;
  return vm.newTuple(std::move(values));
}

}  // namespace

void installMatchSupport(VM& vm) {
  vm.addBuiltin("$match_seq", matchSeq);
  vm.addBuiltin("$match_map", matchMap);
  vm.addBuiltin("$match_rest", matchRest);
  vm.addBuiltin("$match_class", matchClass);
}

}  // namespace py
