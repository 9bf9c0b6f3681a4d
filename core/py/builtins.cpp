// builtins.cpp: the builtins module: print, len, the type constructors
// (int, str, list, ...), iteration helpers (range, enumerate, zip, map,
// sorted, ...) and reflection (isinstance, getattr, super, ...).
#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/py/bytes_object.h"
#include "core/py/int_constructor.h"
#include "core/py/int_object.h"
#include "core/py/match_support.h"
#include "core/py/runtime/bigint.h"
#include "core/py/runtime/float_ops.h"
#include "core/py/unicode_digits.h"
#include "core/py/vm.h"

namespace py {

#define NATIVE(name) static Value name(VM& vm, NativeObj* self, CallArgs& a)

namespace {

bool arity(VM& vm, CallArgs& a, const char* name, int lo, int hi) {
  if (a.n >= lo && a.n <= hi) return true;
  if (lo == hi)
    vm.raise(vm.t.TypeError, std::string(name) + "() takes exactly " + (lo == 1 ? "one argument" : std::to_string(lo) + " arguments") +
                                 " (" + std::to_string(a.n) + " given)");
  else if (a.n < lo)
    vm.raise(vm.t.TypeError, std::string(name) + " expected at least " + std::to_string(lo) + " argument" +
                                 (lo == 1 ? "" : "s") + ", got " + std::to_string(a.n));
  else
    vm.raise(vm.t.TypeError, std::string(name) + " expected at most " + std::to_string(hi) + " argument" +
                                 (hi == 1 ? "" : "s") + ", got " + std::to_string(a.n));
  return false;
}

}  // namespace

NATIVE(b_print) {
  Value sep = a.kw("sep"), end = a.kw("end"), file = a.kw("file");
  std::string sepS = (sep == kNull || sep.isNone()) ? " " : vm.strOf(sep);
  std::string endS = (end == kNull || end.isNone()) ? "\n" : vm.strOf(end);
  std::string out;
  for (int i = 0; i < a.n; ++i) {
    if (i) out += sepS;
    Value s = vm.str(a.args[i]);
    if (s == kError) return kError;
    out += as<StrObj>(s)->s;
  }
  out += endS;
  if (file != kNull && !file.isNone()) {
    Value r = vm.callMethod(file, "write", {vm.newStr(out)});
    if (r == kError) return kError;
    return Value::none();
  }
  if (vm.onStdout) vm.onStdout(out);
  return Value::none();
}

NATIVE(b_len) {
  if (!arity(vm, a, "len", 1, 1)) return kError;
  bool ok;
  std::int64_t n = vm.length(a.args[0], ok);
  if (!ok) return kError;
  return vm.newInt(n);
}

NATIVE(b_repr) {
  if (!arity(vm, a, "repr", 1, 1)) return kError;
  return vm.repr(a.args[0]);
}

NATIVE(b_abs) {
  if (!arity(vm, a, "abs", 1, 1)) return kError;
  Value v = a.args[0];
  if (isIntLike(v)) return vm.newInt(std::abs(intOf(v)));
  if (v.isNumber()) return Value::number(std::fabs(v.asNumber()));
  if (isInt(v)) return makeInt(vm, toBig(v).abs());
  TypeObj* ty = vm.typeOf(v);
  Value m = vm.lookupType(ty, vm.intern("__abs__"));
  if (m != kNull) return vm.call(m, {v});
  return vm.raise(vm.t.TypeError, "bad operand type for abs(): '" + ty->name + "'");
}

// A namedtuple class (collections' _NamedTupleBase below it): CPython's are
// tuple subclasses, so isinstance(p, tuple) and issubclass(P, tuple) hold.
static bool isNamedTupleClass(VM& vm, TypeObj* t) {
  if (!t->isUser) return false;
  for (TypeObj* m : t->mro)
    if (m->module == "collections" && m->name == "_NamedTupleBase") return true;
  return false;
}

NATIVE(b_isinstance) {
  if (!arity(vm, a, "isinstance", 2, 2)) return kError;
  Value cls = a.args[1];
  std::vector<Value> types;
  if (isKind(cls, Kind::Tuple)) types = as<TupleObj>(cls)->items;
  else types.push_back(cls);
  for (Value t : types) {
    if (!isKind(t, Kind::Type))
      return vm.raise(vm.t.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    if (vm.isInstance(a.args[0], as<TypeObj>(t))) return Value::boolean(true);
    if (as<TypeObj>(t) == vm.t.tuple && isNamedTupleClass(vm, vm.typeOf(a.args[0])))
      return Value::boolean(true);
  }
  return Value::boolean(false);
}

NATIVE(b_issubclass) {
  if (!arity(vm, a, "issubclass", 2, 2)) return kError;
  if (!isKind(a.args[0], Kind::Type)) return vm.raise(vm.t.TypeError, "issubclass() arg 1 must be a class");
  std::vector<Value> types;
  if (isKind(a.args[1], Kind::Tuple)) types = as<TupleObj>(a.args[1])->items;
  else types.push_back(a.args[1]);
  for (Value t : types) {
    if (isKind(t, Kind::Type) && as<TypeObj>(a.args[0])->isSubtypeOf(as<TypeObj>(t))) return Value::boolean(true);
    if (t == Value::object(vm.t.tuple) && isNamedTupleClass(vm, as<TypeObj>(a.args[0])))
      return Value::boolean(true);
  }
  return Value::boolean(false);
}

NATIVE(b_getattr) {
  if (!arity(vm, a, "getattr", 2, 3)) return kError;
  if (!isKind(a.args[1], Kind::Str)) return vm.raise(vm.t.TypeError, "attribute name must be string, not '" + vm.typeName(a.args[1]) + "'");
  StrObj* name = vm.intern(as<StrObj>(a.args[1])->s);
  if (a.n == 3) {
    Value v = vm.getAttrOrAbsent(a.args[0], name);
    if (v == kError) return kError;
    return v == kNull ? a.args[2] : v;
  }
  return vm.getAttr(a.args[0], name);
}

NATIVE(b_setattr) {
  if (!arity(vm, a, "setattr", 3, 3)) return kError;
  if (!isKind(a.args[1], Kind::Str)) return vm.raise(vm.t.TypeError, "attribute name must be string, not '" + vm.typeName(a.args[1]) + "'");
  if (!vm.setAttr(a.args[0], vm.intern(as<StrObj>(a.args[1])->s), a.args[2])) return kError;
  return Value::none();
}

NATIVE(b_delattr) {
  if (!arity(vm, a, "delattr", 2, 2)) return kError;
  if (!isKind(a.args[1], Kind::Str))
    return vm.raise(vm.t.TypeError, "attribute name must be string, not '" + vm.typeName(a.args[1]) + "'");
  if (!vm.delAttr(a.args[0], vm.intern(as<StrObj>(a.args[1])->s))) return kError;
  return Value::none();
}

NATIVE(b_hasattr) {
  if (!arity(vm, a, "hasattr", 2, 2)) return kError;
  if (!isKind(a.args[1], Kind::Str)) return vm.raise(vm.t.TypeError, "attribute name must be string, not '" + vm.typeName(a.args[1]) + "'");
  Value v = vm.getAttrOrAbsent(a.args[0], vm.intern(as<StrObj>(a.args[1])->s));
  if (v == kError) return kError;
  return Value::boolean(v != kNull);
}

NATIVE(b_callable) {
  if (!arity(vm, a, "callable", 1, 1)) return kError;
  Value v = a.args[0];
  if (!v.isObject()) return Value::boolean(false);
  Kind k = asPy(v)->kind;
  if (k == Kind::Function || k == Kind::Native || k == Kind::BoundMethod || k == Kind::Type) return Value::boolean(true);
  return Value::boolean(vm.lookupType(asPy(v)->cls, vm.s_call) != kNull);
}

NATIVE(b_id) {
  if (!arity(vm, a, "id", 1, 1)) return kError;
  if (!a.args[0].isObject()) return vm.newInt(static_cast<std::int64_t>(a.args[0].bits() & 0xFFFFFFFFFFF));
  std::string addr = fakeAddress(a.args[0].asObject());
  return vm.newInt(static_cast<std::int64_t>(std::stoull(addr.substr(2), nullptr, 16)));
}

NATIVE(b_hash) {
  if (!arity(vm, a, "hash", 1, 1)) return kError;
  std::int64_t h;
  if (!vm.hash(a.args[0], h)) return kError;
  return vm.newInt(h);
}

NATIVE(b_iter) {
  if (!arity(vm, a, "iter", 1, 1)) return kError;
  return vm.getIter(a.args[0]);
}

NATIVE(b_next) {
  if (!arity(vm, a, "next", 1, 2)) return kError;
  Value it = a.args[0];
  if (!isKind(it, Kind::Iterator) && !isKind(it, Kind::Generator) && vm.lookupType(vm.typeOf(it), vm.s_next) == kNull)
    return vm.raise(vm.t.TypeError, "'" + vm.typeName(it) + "' object is not an iterator");
  vm.lastStopValue = Value::none();
  Value v = vm.next(it);
  if (v == kNull) {
    if (a.n == 2) return a.args[1];
    Value sv = vm.lastStopValue;
    vm.pending = Value::object(vm.newException(vm.t.StopIteration, sv.isNone() ? std::vector<Value>{} : std::vector<Value>{sv}));
    return kError;
  }
  return v;
}

NATIVE(b_any) {
  if (!arity(vm, a, "any", 1, 1)) return kError;
  Value it = vm.getIter(a.args[0]);
  if (it == kError) return kError;
  for (;;) {
    Value v = vm.next(it);
    if (v == kError) return kError;
    if (v == kNull) return Value::boolean(false);
    int t = vm.truthy(v);
    if (t < 0) return kError;
    if (t) return Value::boolean(true);
  }
}

NATIVE(b_all) {
  if (!arity(vm, a, "all", 1, 1)) return kError;
  Value it = vm.getIter(a.args[0]);
  if (it == kError) return kError;
  for (;;) {
    Value v = vm.next(it);
    if (v == kError) return kError;
    if (v == kNull) return Value::boolean(true);
    int t = vm.truthy(v);
    if (t < 0) return kError;
    if (!t) return Value::boolean(false);
  }
}

NATIVE(b_sum) {
  if (!arity(vm, a, "sum", 1, 2)) return kError;
  Value acc = a.n == 2 ? a.args[1] : Value::smallInt(0);
  Value start = a.kw("start");
  if (start != kNull) acc = start;
  if (isKind(acc, Kind::Str)) return vm.raise(vm.t.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  Value it = vm.getIter(a.args[0]);
  if (it == kError) return kError;
  // Floats are summed with CPython's compensated algorithm only when all are
  // floats; plain addition matches CPython for the common cases.
  for (;;) {
    Value v = vm.next(it);
    if (v == kError) return kError;
    if (v == kNull) return acc;
    acc = vm.binaryOp(0, acc, v);
    if (acc == kError) return kError;
  }
}

static Value minMax(VM& vm, CallArgs& a, bool isMax) {
  const char* name = isMax ? "max" : "min";
  Value key = a.kw("key");
  Value deflt = a.kw("default");
  std::vector<Value> items;
  if (a.n == 0) return vm.raise(vm.t.TypeError, std::string(name) + " expected at least 1 argument, got 0");
  if (a.n == 1) {
    if (!vm.toVector(a.args[0], items)) return kError;
  } else {
    items.assign(a.args, a.args + a.n);
  }
  if (items.empty()) {
    if (deflt != kNull) return deflt;
    return vm.raise(vm.t.ValueError, std::string(name) + "() arg is an empty sequence");
  }
  Value best = items[0];
  Value bestKey = (key == kNull || key.isNone()) ? best : vm.call(key, {best});
  if (bestKey == kError) return kError;
  for (std::size_t i = 1; i < items.size(); ++i) {
    Value k = (key == kNull || key.isNone()) ? items[i] : vm.call(key, {items[i]});
    if (k == kError) return kError;
    int lt = isMax ? vm.lessThan(bestKey, k) : vm.lessThan(k, bestKey);
    if (lt < 0) return kError;
    if (lt) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

NATIVE(b_min) { return minMax(vm, a, false); }
NATIVE(b_max) { return minMax(vm, a, true); }

// Stable merge sort calling back into Python for keys and comparisons.
bool sortValues(VM& vm, std::vector<Value>& items, Value key, bool reverse) {
  std::vector<Value> keys = items;
  if (key != kNull && !key.isNone()) {
    for (auto& k : keys) {
      k = vm.call(key, {k});
      if (k == kError) return false;
    }
  }
  std::vector<std::size_t> idx(items.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  // Sorting is n log n comparisons of native work inside one instruction.
  const double n = static_cast<double>(items.size());
  if (n > 64 && !vm.chargeWork(static_cast<std::uint64_t>(n * std::log2(n) / 4))) return false;
  // The common cases (all small ints, all floats, all str) compare natively;
  // the order is the same one lessThan gives.
  auto sortBy = [&](auto less) {
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t x, std::size_t y) { return reverse ? less(keys[y], keys[x]) : less(keys[x], keys[y]); });
  };
  auto all = [&](auto pred) { return std::all_of(keys.begin(), keys.end(), pred); };
  bool native = true;
  if (all([](Value v) { return v.isSmallInt(); }))
    sortBy([](Value x, Value y) { return x.asSmallInt() < y.asSmallInt(); });
  else if (all([](Value v) { return v.isNumber(); }))
    sortBy([](Value x, Value y) { return x.asNumber() < y.asNumber(); });
  else if (all([](Value v) { return isKind(v, Kind::Str); }))
    sortBy([](Value x, Value y) { return as<StrObj>(x)->s < as<StrObj>(y)->s; });
  else
    native = false;
  if (native) {
    std::vector<Value> out;
    out.reserve(items.size());
    for (std::size_t i : idx) out.push_back(items[i]);
    items = std::move(out);
    return true;
  }
  bool failed = false;
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
    if (failed) return false;
    int r = reverse ? vm.lessThan(keys[y], keys[x]) : vm.lessThan(keys[x], keys[y]);
    if (r < 0) {
      failed = true;
      return false;
    }
    return r == 1;
  });
  if (failed) return false;
  std::vector<Value> out;
  out.reserve(items.size());
  for (std::size_t i : idx) out.push_back(items[i]);
  items = std::move(out);
  return true;
}

NATIVE(b_sorted) {
  if (!arity(vm, a, "sorted", 1, 1)) return kError;
  std::vector<Value> items;
  if (!vm.toVector(a.args[0], items)) return kError;
  Value rev = a.kw("reverse");
  int r = rev == kNull ? 0 : vm.truthy(rev);
  if (!sortValues(vm, items, a.kw("key"), r == 1)) return kError;
  return vm.newList(std::move(items));
}

NATIVE(b_reversed) {
  if (!arity(vm, a, "reversed", 1, 1)) return kError;
  Value v = a.args[0];
  std::vector<Value> items;
  if (isKind(v, Kind::Range)) {
    auto* r = as<RangeObj>(v);
    std::int64_t n = r->length();
    auto* it = vm.make<IterObj>(vm.t.iterator, IterObj::What::Range, v);
    it->index = r->start + (n - 1) * r->step;
    it->step = -r->step;
    it->stop = r->start - r->step;
    if (n == 0) it->stop = it->index;
    return Value::object(it);
  }
  if (isKind(v, Kind::Dict) || isKind(v, Kind::List) || isKind(v, Kind::Tuple) || isKind(v, Kind::Str)) {
    if (!vm.toVector(v, items)) return kError;
    std::reverse(items.begin(), items.end());
    return vm.getIter(vm.newList(std::move(items)));
  }
  Value m = vm.lookupType(vm.typeOf(v), vm.intern("__reversed__"));
  if (m != kNull) return vm.call(m, {v});
  return vm.raise(vm.t.TypeError, "'" + vm.typeName(v) + "' object is not reversible");
}

NATIVE(b_enumerate) {
  if (!arity(vm, a, "enumerate", 1, 2)) return kError;
  Value it = vm.getIter(a.args[0]);
  if (it == kError) return kError;
  auto* e = vm.make<IterObj>(vm.t.iterator, IterObj::What::Enumerate, Value::none());
  e->more.push_back(it);
  Value start = a.n == 2 ? a.args[1] : a.kw("start");
  e->index = start == kNull ? 0 : intOf(start);
  return Value::object(e);
}

NATIVE(b_zip) {
  auto* z = vm.make<IterObj>(vm.t.iterator, IterObj::What::Zip, Value::none());
  for (int i = 0; i < a.n; ++i) {
    Value it = vm.getIter(a.args[i]);
    if (it == kError) return kError;
    z->more.push_back(it);
  }
  return Value::object(z);
}

NATIVE(b_map) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "map() must have at least two arguments.");
  auto* m = vm.make<IterObj>(vm.t.iterator, IterObj::What::Map, Value::none());
  m->fn = a.args[0];
  for (int i = 1; i < a.n; ++i) {
    Value it = vm.getIter(a.args[i]);
    if (it == kError) return kError;
    m->more.push_back(it);
  }
  return Value::object(m);
}

NATIVE(b_filter) {
  if (!arity(vm, a, "filter", 2, 2)) return kError;
  auto* f = vm.make<IterObj>(vm.t.iterator, IterObj::What::Filter, Value::none());
  f->fn = a.args[0];
  Value it = vm.getIter(a.args[1]);
  if (it == kError) return kError;
  f->more.push_back(it);
  return Value::object(f);
}

NATIVE(b_divmod) {
  if (!arity(vm, a, "divmod", 2, 2)) return kError;
  Value q = vm.binaryOp(12, a.args[0], a.args[1]);
  if (q == kError) return kError;
  Value r = vm.binaryOp(5, a.args[0], a.args[1]);
  if (r == kError) return kError;
  return vm.newTuple({q, r});
}

NATIVE(b_pow) {
  if (!arity(vm, a, "pow", 2, 3)) return kError;
  if (a.n == 3) {
    if (!isInt(a.args[0]) || !isInt(a.args[1]) || !isInt(a.args[2]))
      return vm.raise(vm.t.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    rt::BigInt m = toBig(a.args[2]);
    if (m.isZero()) return vm.raise(vm.t.ValueError, "pow() 3rd argument cannot be 0");
    if (toBig(a.args[1]).isNegative()) return vm.raise(vm.t.NotImplementedError, "pow() with a negative exponent and a modulus is not supported");
    return makeInt(vm, rt::BigInt::powMod(toBig(a.args[0]), toBig(a.args[1]), m));
  }
  return vm.binaryOp(6, a.args[0], a.args[1]);
}

NATIVE(b_round) {
  if (!arity(vm, a, "round", 1, 2)) return kError;
  Value v = a.args[0];
  Value nd = a.n == 2 ? a.args[1] : a.kw("ndigits");
  if (nd == kNull) nd = Value::none();
  if (isInt(v)) {
    if (nd.isNone() || intOf(nd) >= 0) return isIntLike(v) ? vm.newInt(intOf(v)) : v;
    std::int64_t p = 1;
    for (std::int64_t i = 0; i < -intOf(nd) && p < (1ll << 50); ++i) p *= 10;
    std::int64_t x = intOf(v);
    std::int64_t q = x / p, r = x % p;
    if (r < 0) {
      r += p;
      --q;
    }
    if (r * 2 > p || (r * 2 == p && (q & 1))) ++q;
    return vm.newInt(q * p);
  }
  if (v.isNumber()) {
    rt::RtError err;
    if (nd.isNone()) {
      auto r = rt::roundFloatToInt(v.asNumber(), err);
      if (!r) return vm.raise(err.type == "OverflowError" ? vm.t.OverflowError : vm.t.ValueError, err.message);
      return makeInt(vm, *r);
    }
    auto r = rt::roundFloat(v.asNumber(), intOf(nd), err);
    if (!r) return vm.raise(vm.t.OverflowError, err.message);
    return Value::number(*r);
  }
  Value m = vm.lookupType(vm.typeOf(v), vm.intern("__round__"));
  if (m != kNull) return a.n == 2 || a.kw("ndigits") != kNull ? vm.call(m, {v, nd}) : vm.call(m, {v});
  return vm.raise(vm.t.TypeError, "type " + vm.typeName(v) + " doesn't define __round__ method");
}

NATIVE(b_format) {
  if (!arity(vm, a, "format", 1, 2)) return kError;
  if (a.n == 2 && !isKind(a.args[1], Kind::Str))
    return vm.raise(vm.t.TypeError, "format() argument 2 must be str, not " + vm.typeName(a.args[1]));
  std::string spec = a.n == 2 ? as<StrObj>(a.args[1])->s : "";
  return vm.format(a.args[0], spec);
}

NATIVE(b_chr) {
  if (!arity(vm, a, "chr", 1, 1)) return kError;
  if (!isIntLike(a.args[0])) return vm.raise(vm.t.TypeError, "an integer is required");
  std::int64_t c = intOf(a.args[0]);
  if (c < 0 || c > 0x10FFFF) return vm.raise(vm.t.ValueError, "chr() arg not in range(0x110000)");
  std::string s;
  appendUtf8(s, static_cast<std::uint32_t>(c));
  return vm.newStr(s);
}

NATIVE(b_ord) {
  if (!arity(vm, a, "ord", 1, 1)) return kError;
  if (!isKind(a.args[0], Kind::Str))
    return vm.raise(vm.t.TypeError, "ord() expected string of length 1, but " + vm.typeName(a.args[0]) + " found");
  auto* s = as<StrObj>(a.args[0]);
  if (s->length != 1)
    return vm.raise(vm.t.TypeError, "ord() expected a character, but string of length " + std::to_string(s->length) + " found");
  std::size_t i = 0;
  return vm.newInt(decodeUtf8(s->s, i));
}

// An instance's __index__ (an IntEnum member) as the int it stands for;
// other values unchanged. kError when __index__ raised or returned no int.
static Value indexed(VM& vm, Value v) {
  if (!isKind(v, Kind::Instance)) return v;
  Value m = vm.lookupType(vm.typeOf(v), vm.intern("__index__"));
  if (m == kNull) return v;
  Value r = vm.call(m, {v});
  if (r == kError || isInt(r)) return r;
  return vm.raise(vm.t.TypeError, "__index__ returned non-int (type " + vm.typeName(r) + ")");
}

static Value baseString(VM& vm, CallArgs& a, int base, const char* prefix, const char* name) {
  if (!arity(vm, a, name, 1, 1)) return kError;
  Value x = indexed(vm, a.args[0]);
  if (x == kError) return kError;
  if (!isInt(x))
    return vm.raise(vm.t.TypeError, "'" + vm.typeName(x) + "' object cannot be interpreted as an integer");
  rt::BigInt v = toBig(x);
  std::string digits = v.abs().toString(base);
  return vm.newStr((v.isNegative() ? "-" : "") + std::string(prefix) + digits);
}
NATIVE(b_hex) { return baseString(vm, a, 16, "0x", "hex"); }
NATIVE(b_bin) { return baseString(vm, a, 2, "0b", "bin"); }
NATIVE(b_oct) { return baseString(vm, a, 8, "0o", "oct"); }

NATIVE(b_super) {
  if (a.n == 2) {
    if (!isKind(a.args[0], Kind::Type)) return vm.raise(vm.t.TypeError, "super() argument 1 must be a type");
    return Value::object(vm.make<SuperObj>(vm.t.super, as<TypeObj>(a.args[0]), a.args[1]));
  }
  Frame* f = vm.currentFrame;
  if (!f || !f->func || !f->func->dict || f->code->argcount == 0)
    return vm.raise(vm.t.RuntimeError, "super(): no arguments");
  std::int64_t i = f->func->dict->table.find(vm, Value::object(vm.intern("__class_cell__")));
  if (i < 0) return vm.raise(vm.t.RuntimeError, "super(): __class__ cell not found");
  Value cls = f->func->dict->table.entries()[static_cast<std::size_t>(i)].value;
  Value self0 = f->locals[0];
  if (f->code->cellArgs.size() > 0) {
    for (std::size_t c = 0; c < f->code->cellArgs.size(); ++c)
      if (f->code->cellArgs[c] == 0) self0 = as<CellObj>(f->locals[f->code->nlocals() + static_cast<int>(c)])->value;
  }
  return Value::object(vm.make<SuperObj>(vm.t.super, as<TypeObj>(cls), self0));
}

NATIVE(b_vars) {
  if (a.n == 1 && (isKind(a.args[0], Kind::Instance) || isKind(a.args[0], Kind::Exception))) {
    auto* inst = as<InstanceObj>(a.args[0]);
    if (!inst->dict) inst->dict = vm.newDict();
    return Value::object(inst->dict);
  }
  return vm.raise(vm.t.TypeError, "vars() argument must have __dict__ attribute");
}

// -- type constructors ------------------------------------------------------------

NATIVE(c_object) { return Value::object(vm.make<InstanceObj>(vm.t.object, nullptr, Kind::Other)); }

// CPython 3.11 limits int(text) to 4300 digits unless the base is a power
// of two (sys.get_int_max_str_digits()): the digits of a valid literal,
// without sign, blanks, underscores or a 0x/0o/0b prefix; 0 when exempt.
std::size_t nonBinaryDigits(const std::string& text, int base) {
  std::size_t i = 0;
  while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == '+' || text[i] == '-')) ++i;
  if (base == 0 && i + 1 < text.size() && text[i] == '0' && std::isalpha(static_cast<unsigned char>(text[i + 1])))
    return 0;  // 0x, 0o, 0b: a power-of-two base
  if (base != 0 && base != 10 && (base & (base - 1)) == 0) return 0;
  std::size_t digits = 0;
  for (; i < text.size(); ++i) digits += std::isalnum(static_cast<unsigned char>(text[i])) ? 1 : 0;
  return digits;
}

// int(x=0, /, base=10) as CPython's long_new_impl (int_constructor.h).
NATIVE(c_int) {
  Value v, baseArg;
  if (!intArguments(vm, a, v, baseArg)) return kError;
  if (v == kNull) {
    if (baseArg != kNull) return vm.raise(vm.t.TypeError, "int() missing string argument");
    return Value::smallInt(0);
  }
  const bool isStr = isKind(v, Kind::Str), isBytes = isKind(v, Kind::Bytes);
  if (baseArg == kNull && !isStr && !isBytes) return intFromNumber(vm, v);
  int base = 10;
  if (baseArg != kNull && !intBase(vm, baseArg, base)) return kError;
  if (!isStr && !isBytes) return vm.raise(vm.t.TypeError, "int() can't convert non-string with explicit base");
  const std::string& original = isStr ? as<StrObj>(v)->s : as<BytesObj>(v)->data;
  // Any Unicode decimal digit counts, as in CPython (bytes are read as they are).
  const bool ascii = !isStr || std::all_of(original.begin(), original.end(),
                                           [](char c) { return static_cast<unsigned char>(c) < 0x7F; });
  const std::string text = ascii ? original : asciiDigitsAndSpaces(original);
  auto r = rt::BigInt::parse(text, base);
  if (!r) return vm.raise(vm.t.ValueError, invalidIntLiteral(base, isStr ? strRepr(original) : bytesRepr(original)));
  const std::size_t digits = nonBinaryDigits(text, base);
  if (digits > static_cast<std::size_t>(rt::BigInt::kMaxStrDigits))
    return vm.raise(vm.t.ValueError, "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                                         std::to_string(digits) +
                                         " digits; use sys.set_int_max_str_digits() to increase the limit");
  return makeInt(vm, *r);
}

NATIVE(c_float) {
  if (!arity(vm, a, "float", 0, 1)) return kError;
  if (a.n == 0) return Value::number(0.0);
  Value v = a.args[0];
  if (v.isNumber()) return v;
  if (isInt(v)) {
    bool overflow;
    double d = intToDouble(v, overflow);
    if (overflow) return vm.raise(vm.t.OverflowError, "int too large to convert to float");
    return Value::number(d);
  }
  if (isKind(v, Kind::Str)) {
    // Any Unicode decimal digit and white space counts, as in CPython.
    auto d = rt::parseFloat(asciiDigitsAndSpaces(as<StrObj>(v)->s));
    if (!d) return vm.raise(vm.t.ValueError, "could not convert string to float: " + strRepr(as<StrObj>(v)->s));
    return Value::number(*d);
  }
  Value m = vm.lookupType(vm.typeOf(v), vm.intern("__float__"));
  if (m != kNull) return vm.call(m, {v});
  return vm.raise(vm.t.TypeError, "float() argument must be a string or a real number, not '" + vm.typeName(v) + "'");
}

NATIVE(c_str) {
  if (a.n == 0) return vm.newStr("");
  return vm.str(a.args[0]);
}

NATIVE(c_bool) {
  if (a.n == 0) return Value::boolean(false);
  int t = vm.truthy(a.args[0]);
  if (t < 0) return kError;
  return Value::boolean(t);
}

NATIVE(c_list) {
  if (!arity(vm, a, "list", 0, 1)) return kError;
  std::vector<Value> items;
  if (a.n == 1 && !vm.toVector(a.args[0], items)) return kError;
  return vm.newList(std::move(items));
}

NATIVE(c_tuple) {
  if (!arity(vm, a, "tuple", 0, 1)) return kError;
  if (a.n == 1 && isKind(a.args[0], Kind::Tuple)) return a.args[0];
  std::vector<Value> items;
  if (a.n == 1 && !vm.toVector(a.args[0], items)) return kError;
  return vm.newTuple(std::move(items));
}

static Value makeSet(VM& vm, CallArgs& a, bool frozen) {
  if (!arity(vm, a, frozen ? "frozenset" : "set", 0, 1)) return kError;
  SetObj* s = vm.newSet(frozen);
  if (a.n == 1) {
    std::vector<Value> items;
    if (!vm.toVector(a.args[0], items)) return kError;
    for (Value v : items)
      if (!s->table.set(vm, v, Value::none())) return kError;
  }
  return Value::object(s);
}
NATIVE(c_set) { return makeSet(vm, a, false); }
NATIVE(c_frozenset) { return makeSet(vm, a, true); }

bool dictUpdate(VM& vm, DictObj* d, Value src) {
  if (isKind(src, Kind::Dict)) {
    for (auto& e : as<DictObj>(src)->table.entries())
      if (e.key != kNull && !d->table.set(vm, e.key, e.value)) return false;
    return true;
  }
  // Any other object with keys() is a mapping, as CPython decides (collections.Counter, ...).
  if (!isKind(src, Kind::List) && !isKind(src, Kind::Tuple)) {
    Value keys = vm.getAttrOpt(src, vm.intern("keys"));
    if (keys != kNull) {
      std::vector<Value> ks;
      Value kl = vm.call(keys, nullptr, 0);
      if (kl == kError || !vm.toVector(kl, ks)) return false;
      for (Value k : ks) {
        Value v = vm.getItem(src, k);
        if (v == kError || !d->table.set(vm, k, v)) return false;
      }
      return true;
    }
  }
  std::vector<Value> items;
  if (!vm.toVector(src, items)) return false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::vector<Value> pair;
    if (!vm.toVector(items[i], pair)) return false;
    if (pair.size() != 2) {
      vm.raise(vm.t.ValueError, "dictionary update sequence element #" + std::to_string(i) + " has length " +
                                    std::to_string(pair.size()) + "; 2 is required");
      return false;
    }
    if (!d->table.set(vm, pair[0], pair[1])) return false;
  }
  return true;
}

NATIVE(c_dict) {
  if (!arity(vm, a, "dict", 0, 1)) return kError;
  DictObj* d = vm.newDict();
  if (a.n == 1 && !dictUpdate(vm, d, a.args[0])) return kError;
  for (int i = 0; i < a.nkw(); ++i) d->table.set(vm, Value::object((*a.kwnames)[static_cast<std::size_t>(i)]), a.kwvalues[i]);
  return Value::object(d);
}

NATIVE(c_range) {
  if (!arity(vm, a, "range", 1, 3)) return kError;
  Value args[3];
  for (int i = 0; i < a.n; ++i) {
    if ((args[i] = indexed(vm, a.args[i])) == kError) return kError;
    if (!isIntLike(args[i]))
      return vm.raise(vm.t.TypeError, "'" + vm.typeName(args[i]) + "' object cannot be interpreted as an integer");
  }
  std::int64_t start = 0, stop, step = 1;
  if (a.n == 1) stop = intOf(args[0]);
  else {
    start = intOf(args[0]);
    stop = intOf(args[1]);
    if (a.n == 3) step = intOf(args[2]);
  }
  if (step == 0) return vm.raise(vm.t.ValueError, "range() arg 3 must not be zero");
  return Value::object(vm.make<RangeObj>(vm.t.range, start, stop, step));
}

NATIVE(c_slice) {
  if (!arity(vm, a, "slice", 1, 3)) return kError;
  if (a.n == 1) return Value::object(vm.make<SliceObj>(vm.t.slice, Value::none(), a.args[0], Value::none()));
  return Value::object(vm.make<SliceObj>(vm.t.slice, a.args[0], a.args[1], a.n == 3 ? a.args[2] : Value::none()));
}

NATIVE(c_type) {
  if (a.n == 1) return Value::object(vm.typeOf(a.args[0]));
  return vm.raise(vm.t.NotImplementedError, "type() with 3 arguments is not supported");
}

static Value descriptor(VM& vm, CallArgs& a, Kind k, TypeObj* t) {
  if (a.n < 1) return vm.raise(vm.t.TypeError, "descriptor needs a function");
  auto* d = vm.make<DescriptorObj>(t, k, a.args[0]);
  d->setter = Value::none();
  if (a.n >= 2) d->setter = a.args[1];
  return Value::object(d);
}
NATIVE(c_property) { return descriptor(vm, a, Kind::Property, vm.t.property); }
NATIVE(c_staticmethod) { return descriptor(vm, a, Kind::StaticMethod, vm.t.staticmethod); }
NATIVE(c_classmethod) { return descriptor(vm, a, Kind::ClassMethod, vm.t.classmethod); }

NATIVE(m_property_setter) {
  auto* d = as<DescriptorObj>(a.args[0]);
  auto* n = vm.make<DescriptorObj>(vm.t.property, Kind::Property, d->func);
  n->setter = a.args[1];
  return Value::object(n);
}

static Value genResult(VM& vm, RunResult r) {
  if (r.kind == RunResult::Yielded) return r.value;
  if (r.kind == RunResult::Raised) return vm.raiseValue(r.value);
  vm.pending = Value::object(vm.newException(vm.t.StopIteration, r.value.isNone() ? std::vector<Value>{} : std::vector<Value>{r.value}));
  return kError;
}

NATIVE(g_send) {
  if (a.n != 2) return vm.raise(vm.t.TypeError, "generator.send() takes exactly one argument");
  return genResult(vm, vm.resumeGenerator(as<GeneratorObj>(a.args[0]), a.args[1], false));
}

NATIVE(g_throw) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "throw expected at least 1 argument, got 0");
  Value e = vm.makeRaisable(a.args[1]);
  if (e == kError) return kError;
  auto* g = as<GeneratorObj>(a.args[0]);
  if (g->state == GeneratorObj::State::Created) g->state = GeneratorObj::State::Done;
  return genResult(vm, vm.resumeGenerator(g, e, true));
}

NATIVE(g_close) {
  auto* g = as<GeneratorObj>(a.args[0]);
  if (g->state != GeneratorObj::State::Suspended) {
    g->state = GeneratorObj::State::Done;
    return Value::none();
  }
  RunResult r = vm.resumeGenerator(g, Value::object(vm.newException(vm.t.GeneratorExit, {})), true);
  if (r.kind == RunResult::Yielded) return vm.raise(vm.t.RuntimeError, "generator ignored GeneratorExit");
  if (r.kind == RunResult::Raised && !vm.isInstance(r.value, vm.t.GeneratorExit) && !vm.isInstance(r.value, vm.t.StopIteration))
    return vm.raiseValue(r.value);
  return Value::none();
}

NATIVE(ag_anext) {
  return Value::object(vm.make<AwaitableObj>(vm.t.awaitable, AwaitableObj::What::ANext, a.args[0]));
}

NATIVE(b_anext) {
  if (!arity(vm, a, "anext", 1, 2)) return kError;
  if (isKind(a.args[0], Kind::AsyncGenerator)) return ag_anext(vm, self, a);
  Value m = vm.lookupType(vm.typeOf(a.args[0]), vm.s_anext);
  if (m == kNull) return vm.raise(vm.t.TypeError, "'" + vm.typeName(a.args[0]) + "' object is not an async iterator");
  return vm.call(m, {a.args[0]});
}

NATIVE(b_aiter) {
  if (!arity(vm, a, "aiter", 1, 1)) return kError;
  if (isKind(a.args[0], Kind::AsyncGenerator)) return a.args[0];
  Value m = vm.lookupType(vm.typeOf(a.args[0]), vm.s_aiter);
  if (m == kNull) return vm.raise(vm.t.TypeError, "'" + vm.typeName(a.args[0]) + "' object is not an async iterable");
  return vm.call(m, {a.args[0]});
}

#undef NATIVE

void installBuiltins(VM& vm) {
  vm.addMethod(vm.t.asyncGenerator, "__anext__", ag_anext);
  vm.addBuiltin("anext", b_anext);
  vm.addBuiltin("aiter", b_aiter);
  vm.addMethod(vm.t.generator, "send", g_send);
  vm.addMethod(vm.t.generator, "throw", g_throw);
  vm.addMethod(vm.t.generator, "close", g_close);
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry fns[] = {
      {"print", b_print}, {"len", b_len}, {"repr", b_repr}, {"abs", b_abs}, {"isinstance", b_isinstance},
      {"issubclass", b_issubclass}, {"getattr", b_getattr}, {"setattr", b_setattr}, {"delattr", b_delattr},
      {"hasattr", b_hasattr}, {"callable", b_callable}, {"id", b_id}, {"hash", b_hash}, {"iter", b_iter},
      {"next", b_next}, {"any", b_any}, {"all", b_all}, {"sum", b_sum}, {"min", b_min}, {"max", b_max},
      {"sorted", b_sorted}, {"reversed", b_reversed}, {"divmod", b_divmod}, {"pow", b_pow}, {"round", b_round},
      {"format", b_format}, {"chr", b_chr}, {"ord", b_ord}, {"hex", b_hex}, {"bin", b_bin}, {"oct", b_oct},
      {"vars", b_vars}, {"enumerate", b_enumerate}, {"zip", b_zip}, {"map", b_map}, {"filter", b_filter},
  };
  for (const Entry& e : fns) vm.addBuiltin(e.name, e.fn);

  auto ctor = [&](TypeObj* t, NativeFn fn) {
    t->ctor = vm.newNative(t->name, fn);
    vm.builtins->table.set(vm, Value::object(vm.intern(t->name)), Value::object(t));
  };
  ctor(vm.t.object, c_object);
  ctor(vm.t.int_, c_int);
  ctor(vm.t.float_, c_float);
  ctor(vm.t.str, c_str);
  ctor(vm.t.bool_, c_bool);
  ctor(vm.t.list, c_list);
  ctor(vm.t.tuple, c_tuple);
  ctor(vm.t.set, c_set);
  ctor(vm.t.frozenset, c_frozenset);
  ctor(vm.t.dict, c_dict);
  ctor(vm.t.range, c_range);
  ctor(vm.t.slice, c_slice);
  ctor(vm.t.type, c_type);
  ctor(vm.t.property, c_property);
  ctor(vm.t.staticmethod, c_staticmethod);
  ctor(vm.t.classmethod, c_classmethod);
  vm.t.super->ctor = vm.newNative("super", b_super);
  vm.builtins->table.set(vm, Value::object(vm.intern("super")), Value::object(vm.t.super));
  vm.addMethod(vm.t.property, "setter", m_property_setter);
  vm.t.bool_->ctor = vm.t.bool_->ctor;
  vm.builtins->table.set(vm, Value::object(vm.intern("None")), Value::none());
  vm.builtins->table.set(vm, Value::object(vm.intern("Ellipsis")), vm.ellipsis);
  vm.builtins->table.set(vm, Value::object(vm.intern("NotImplemented")), vm.notImplemented);
  vm.builtins->table.set(vm, Value::object(vm.intern("__name__")), Value::object(vm.intern("builtins")));
  installMatchSupport(vm);
}

}  // namespace py
