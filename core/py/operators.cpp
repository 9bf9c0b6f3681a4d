// operators.cpp: arithmetic, comparison, hashing, truth and subscripting,
// with Python's rules for mixing int, bool and float and the user-class
// dunder fallbacks (__add__/__radd__, __eq__, __lt__, __getitem__...).
#include <cmath>

#include "core/py/ast.h"
#include "core/py/bytes_object.h"
#include "core/py/int_object.h"
#include "core/py/runtime/float_ops.h"
#include "core/py/stdlib_modules.h"
#include "core/py/vm.h"

namespace py {

namespace {

const char* kBinDunder[] = {"__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__mod__",
                            "__pow__", "__lshift__", "__rshift__", "__or__", "__xor__", "__and__",
                            "__floordiv__"};
const char* kBinRDunder[] = {"__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rmod__",
                             "__rpow__", "__rlshift__", "__rrshift__", "__ror__", "__rxor__", "__rand__",
                             "__rfloordiv__"};
const char* kBinIDunder[] = {"__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__imod__",
                             "__ipow__", "__ilshift__", "__irshift__", "__ior__", "__ixor__", "__iand__",
                             "__ifloordiv__"};

bool isNumber(Value v) { return v.isNumber() || isInt(v); }
double toDouble(Value v, bool& overflow) {
  overflow = false;
  if (v.isNumber()) return v.asNumber();
  return intToDouble(v, overflow);
}

Value floatBinary(VM& vm, int op, double x, double y) {
  rt::RtError err;
  switch (static_cast<BinOpKind>(op)) {
    case BinOpKind::Add: return Value::number(x + y);
    case BinOpKind::Sub: return Value::number(x - y);
    case BinOpKind::Mult: return Value::number(x * y);
    case BinOpKind::Div:
      if (y == 0) return vm.raise(vm.t.ZeroDivisionError, "float division by zero");
      return Value::number(x / y);
    case BinOpKind::FloorDiv: {
      auto r = rt::floatFloorDiv(x, y, err);
      if (!r) return vm.raise(vm.t.ZeroDivisionError, err.message);
      return Value::number(*r);
    }
    case BinOpKind::Mod: {
      auto r = rt::floatMod(x, y, err);
      if (!r) return vm.raise(vm.t.ZeroDivisionError, err.message);
      return Value::number(*r);
    }
    case BinOpKind::Pow:
      if (x == 0 && y < 0) return vm.raise(vm.t.ZeroDivisionError, "0.0 cannot be raised to a negative power");
      if (x < 0 && y != std::floor(y)) return vm.raise(vm.t.NotImplementedError, "complex numbers are not supported");
      {
        double r = std::pow(x, y);
        if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
          return vm.raise(vm.t.OverflowError, "(34, 'Numerical result out of range')");
        return Value::number(r);
      }
    default:
      return kNull;
  }
}

Value repeatSeq(VM& vm, Value seq, std::int64_t n) {
  if (n < 0) n = 0;
  {
    // The memory budget: a result that cannot fit raises MemoryError at
    // once, as CPython's failed allocation does, instead of being tried.
    const bool text = isKind(seq, Kind::Str) || isKind(seq, Kind::Bytes);
    const std::size_t len = isKind(seq, Kind::Str)     ? as<StrObj>(seq)->s.size()
                            : isKind(seq, Kind::Bytes) ? as<BytesObj>(seq)->data.size()
                            : isKind(seq, Kind::List)  ? as<ListObj>(seq)->items.size()
                                                       : as<TupleObj>(seq)->items.size();
    const std::size_t unit = len * (text ? 1 : sizeof(Value));
    if (unit != 0 && static_cast<std::size_t>(n) > vm.heap.limit() / unit) return vm.raise(vm.t.MemoryError, "");
    if (!vm.heap.admits(unit * static_cast<std::size_t>(n))) return vm.raise(vm.t.MemoryError, "");
  }
  if (isKind(seq, Kind::Str)) {
    const std::string& s = as<StrObj>(seq)->s;
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) out += s;
    return vm.newStr(std::move(out));
  }
  if (isKind(seq, Kind::Bytes)) {
    const std::string& s = as<BytesObj>(seq)->data;
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) out += s;
    return vm.newBytes(std::move(out));
  }
  const auto& items = isKind(seq, Kind::List) ? as<ListObj>(seq)->items : as<TupleObj>(seq)->items;
  std::vector<Value> out;
  out.reserve(items.size() * static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  return isKind(seq, Kind::List) ? vm.newList(std::move(out)) : vm.newTuple(std::move(out));
}

Value setBinary(VM& vm, int op, SetObj* a, SetObj* b) {
  SetObj* r = vm.newSet(a->kind == Kind::FrozenSet);
  auto has = [&](SetObj* s, Value v) { return s->table.find(vm, v) >= 0; };
  switch (static_cast<BinOpKind>(op)) {
    case BinOpKind::BitOr:
      for (auto& e : a->table.entries()) if (e.key != kNull) r->table.set(vm, e.key, Value::none());
      for (auto& e : b->table.entries()) if (e.key != kNull) r->table.set(vm, e.key, Value::none());
      break;
    case BinOpKind::BitAnd:
      for (auto& e : a->table.entries()) if (e.key != kNull && has(b, e.key)) r->table.set(vm, e.key, Value::none());
      break;
    case BinOpKind::Sub:
      for (auto& e : a->table.entries()) if (e.key != kNull && !has(b, e.key)) r->table.set(vm, e.key, Value::none());
      break;
    case BinOpKind::BitXor:
      for (auto& e : a->table.entries()) if (e.key != kNull && !has(b, e.key)) r->table.set(vm, e.key, Value::none());
      for (auto& e : b->table.entries()) if (e.key != kNull && !has(a, e.key)) r->table.set(vm, e.key, Value::none());
      break;
    default:
      return kNull;
  }
  return Value::object(r);
}

}  // namespace

Value VM::binaryOp(int fullOp, Value a, Value b) {
  int op = fullOp & 15;
  bool inplace = fullOp & 16;
  if (isInt(a) && isInt(b)) {
    if (isIntLike(a) && isIntLike(b) && op == static_cast<int>(BinOpKind::Div)) {
      std::int64_t y = intOf(b);
      if (y == 0) return raise(t.ZeroDivisionError, "division by zero");
      return Value::number(static_cast<double>(intOf(a)) / static_cast<double>(y));
    }
    Value r = intBinary(*this, op, a, b);
    if (r != kNull) return r;
  } else if (isNumber(a) && isNumber(b)) {
    bool o1, o2;
    double x = toDouble(a, o1), y = toDouble(b, o2);
    if (o1 || o2) return raise(t.OverflowError, "int too large to convert to float");
    Value r = floatBinary(*this, op, x, y);
    if (r != kNull) return r;
  } else if (a.isObject()) {
    Kind ka = asPy(a)->kind;
    Kind kb = b.isObject() ? asPy(b)->kind : Kind::Other;
    switch (static_cast<BinOpKind>(op)) {
      case BinOpKind::Add:
        if (ka == Kind::Str && kb == Kind::Str) return newStr(as<StrObj>(a)->s + as<StrObj>(b)->s);
        if (ka == Kind::Bytes) {
          if (kb == Kind::Bytes) return newBytes(as<BytesObj>(a)->data + as<BytesObj>(b)->data);
          if (!typeOf(b)->isUser) return raise(t.TypeError, "can't concat " + typeName(b) + " to bytes");
        }
        if (ka == Kind::List && kb == Kind::List) {
          if (inplace) {
            auto& items = as<ListObj>(a)->items;
            std::vector<Value> add = as<ListObj>(b)->items;
            items.insert(items.end(), add.begin(), add.end());
            return a;
          }
          std::vector<Value> r = as<ListObj>(a)->items;
          r.insert(r.end(), as<ListObj>(b)->items.begin(), as<ListObj>(b)->items.end());
          return newList(std::move(r));
        }
        if (ka == Kind::List && inplace) {
          std::vector<Value> add;
          if (!toVector(b, add)) return kError;
          auto& items = as<ListObj>(a)->items;
          items.insert(items.end(), add.begin(), add.end());
          return a;
        }
        if (ka == Kind::Tuple && kb == Kind::Tuple) {
          std::vector<Value> r = as<TupleObj>(a)->items;
          r.insert(r.end(), as<TupleObj>(b)->items.begin(), as<TupleObj>(b)->items.end());
          return newTuple(std::move(r));
        }
        break;
      case BinOpKind::Mult:
        if ((ka == Kind::Str || ka == Kind::List || ka == Kind::Tuple || ka == Kind::Bytes) && isIntLike(b)) {
          if (ka == Kind::List && inplace) {
            Value r = repeatSeq(*this, a, intOf(b));
            if (r == kError) return kError;
            as<ListObj>(a)->items = as<ListObj>(r)->items;
            return a;
          }
          return repeatSeq(*this, a, intOf(b));
        }
        break;
      case BinOpKind::Mod:
        if (ka == Kind::Str) return percentFormat(*this, as<StrObj>(a)->s, b);
        break;
      case BinOpKind::BitOr:
        if (ka == Kind::Dict && kb == Kind::Dict) {
          DictObj* d = inplace ? as<DictObj>(a) : newDict();
          if (!inplace)
            for (auto& e : as<DictObj>(a)->table.entries()) if (e.key != kNull) d->table.set(*this, e.key, e.value);
          for (auto& e : as<DictObj>(b)->table.entries()) if (e.key != kNull) d->table.set(*this, e.key, e.value);
          return Value::object(d);
        }
        [[fallthrough]];
      case BinOpKind::BitAnd:
      case BinOpKind::BitXor:
      case BinOpKind::Sub:
        if ((ka == Kind::Set || ka == Kind::FrozenSet) && (kb == Kind::Set || kb == Kind::FrozenSet)) {
          Value r = setBinary(*this, op, as<SetObj>(a), as<SetObj>(b));
          if (inplace && r != kNull && ka == Kind::Set) {
            as<SetObj>(a)->table = as<SetObj>(r)->table;
            return a;
          }
          if (r != kNull) return r;
        }
        break;
      default:
        break;
    }
  } else if (isIntLike(a) && b.isObject() && op == static_cast<int>(BinOpKind::Mult)) {
    Kind kb = asPy(b)->kind;
    if (kb == Kind::Str || kb == Kind::List || kb == Kind::Tuple || kb == Kind::Bytes) return repeatSeq(*this, b, intOf(a));
  }
  // `int | None` in annotations: types.UnionType (stdlib_typeforms.cpp).
  if (op == static_cast<int>(BinOpKind::BitOr)) {
    Value u = typeUnion(*this, a, b);
    if (u != kNull) return u;
  }
  // User classes.
  TypeObj* ta = typeOf(a);
  TypeObj* tb = typeOf(b);
  if (inplace && ta->isUser) {
    Value m = lookupType(ta, intern(kBinIDunder[op]));
    if (m != kNull) {
      Value r = call(m, {a, b});
      if (r != notImplemented) return r;
    }
  }
  if (ta->isUser) {
    Value m = lookupType(ta, intern(kBinDunder[op]));
    if (m != kNull) {
      Value r = call(m, {a, b});
      if (r != notImplemented) return r;
    }
  }
  if (tb->isUser) {
    Value m = lookupType(tb, intern(kBinRDunder[op]));
    if (m != kNull) {
      Value r = call(m, {b, a});
      if (r != notImplemented) return r;
    }
  }
  std::string sym = binOpSymbol(static_cast<BinOpKind>(op));
  if (inplace) sym += "=";
  if (op == static_cast<int>(BinOpKind::Add) && ta == t.str)
    return raise(t.TypeError, "can only concatenate str (not \"" + tb->name + "\") to str");
  if (op == static_cast<int>(BinOpKind::Add) && ta == t.list)
    return raise(t.TypeError, "can only concatenate list (not \"" + tb->name + "\") to list");
  if (op == static_cast<int>(BinOpKind::Add) && ta == t.tuple)
    return raise(t.TypeError, "can only concatenate tuple (not \"" + tb->name + "\") to tuple");
  if (op == static_cast<int>(BinOpKind::Mult)) {  // a sequence repeated by a non-int
    auto isSeq = [&](const TypeObj* x) { return x == t.str || x == t.list || x == t.tuple || x == t.bytes; };
    if (isSeq(ta)) return raise(t.TypeError, "can't multiply sequence by non-int of type '" + tb->name + "'");
    if (isSeq(tb)) return raise(t.TypeError, "can't multiply sequence by non-int of type '" + ta->name + "'");
  }
  if (op == static_cast<int>(BinOpKind::Pow))
    return raise(t.TypeError, "unsupported operand type(s) for ** or pow(): '" + ta->name + "' and '" + tb->name + "'");
  return raise(t.TypeError, "unsupported operand type(s) for " + sym + ": '" + ta->name + "' and '" + tb->name + "'");
}

Value VM::unaryOp(int op, Value a) {
  switch (static_cast<UnaryOpKind>(op)) {
    case UnaryOpKind::Not: {
      int r = truthy(a);
      if (r < 0) return kError;
      return Value::boolean(!r);
    }
    case UnaryOpKind::USub:
      if (isIntLike(a)) return newInt(-intOf(a));
      if (a.isNumber()) return Value::number(-a.asNumber());
      if (isInt(a)) return makeInt(*this, -toBig(a));
      break;
    case UnaryOpKind::UAdd:
      if (isIntLike(a)) return Value::smallInt(intOf(a));
      if (a.isNumber() || isInt(a)) return a;
      break;
    case UnaryOpKind::Invert:
      if (isIntLike(a)) return newInt(~intOf(a));
      if (isInt(a)) return makeInt(*this, ~toBig(a));
      break;
  }
  static const char* dunder[] = {"__invert__", "", "__pos__", "__neg__"};
  TypeObj* ta = typeOf(a);
  if (ta->isUser) {
    Value m = lookupType(ta, intern(dunder[op]));
    if (m != kNull) return call(m, {a});
  }
  static const char* sym[] = {"~", "not", "+", "-"};
  return raise(t.TypeError, std::string("bad operand type for unary ") + sym[op] + ": '" + ta->name + "'");
}

int VM::equals(Value a, Value b) {
  if (a == b && !a.isNumber()) return 1;
  if (isNumber(a) && isNumber(b)) {
    if (isInt(a) && isInt(b)) return intCompare(a, b) == 0;
    bool o1, o2;
    double x = toDouble(a, o1), y = toDouble(b, o2);
    if (o1 || o2) return 0;
    return x == y;
  }
  if (!a.isObject() || !b.isObject()) {
    if (b.isObject() && typeOf(b)->hasUserEq) return equals(b, a);
    if (a.isObject() && typeOf(a)->hasUserEq) goto user;
    return 0;
  }
  {
    Kind ka = asPy(a)->kind, kb = asPy(b)->kind;
    if (ka == Kind::Str && kb == Kind::Str) return as<StrObj>(a)->s == as<StrObj>(b)->s;
    if (ka == Kind::Bytes && kb == Kind::Bytes) return as<BytesObj>(a)->data == as<BytesObj>(b)->data;
    if ((ka == Kind::Tuple && kb == Kind::Tuple) || (ka == Kind::List && kb == Kind::List)) {
      const auto& x = ka == Kind::Tuple ? as<TupleObj>(a)->items : as<ListObj>(a)->items;
      const auto& y = kb == Kind::Tuple ? as<TupleObj>(b)->items : as<ListObj>(b)->items;
      if (x.size() != y.size()) return 0;
      for (std::size_t i = 0; i < x.size(); ++i) {
        int r = equals(x[i], y[i]);
        if (r != 1) return r;
      }
      return 1;
    }
    if (ka == Kind::Dict && kb == Kind::Dict) {
      auto& x = as<DictObj>(a)->table;
      auto& y = as<DictObj>(b)->table;
      if (x.size() != y.size()) return 0;
      for (auto& e : x.entries()) {
        if (e.key == kNull) continue;
        std::int64_t i = y.find(*this, e.key);
        if (i == HashTable::kFailed) return -1;
        if (i < 0) return 0;
        int r = equals(e.value, y.entries()[static_cast<std::size_t>(i)].value);
        if (r != 1) return r;
      }
      return 1;
    }
    if ((ka == Kind::Set || ka == Kind::FrozenSet) && (kb == Kind::Set || kb == Kind::FrozenSet)) {
      auto& x = as<SetObj>(a)->table;
      auto& y = as<SetObj>(b)->table;
      if (x.size() != y.size()) return 0;
      for (auto& e : x.entries())
        if (e.key != kNull && y.find(*this, e.key) < 0) return 0;
      return 1;
    }
    if (ka == Kind::Range && kb == Kind::Range) {
      auto* x = as<RangeObj>(a);
      auto* y = as<RangeObj>(b);
      return x->length() == y->length() && (x->length() == 0 || (x->start == y->start && (x->length() == 1 || x->step == y->step)));
    }
    if (ka == Kind::BoundMethod && kb == Kind::BoundMethod)
      return as<BoundMethodObj>(a)->func == as<BoundMethodObj>(b)->func && as<BoundMethodObj>(a)->self == as<BoundMethodObj>(b)->self;
  }
user:
  for (Value x : {a, b}) {
    TypeObj* tx = typeOf(x);
    if (!tx->hasUserEq) continue;
    Value m = lookupType(tx, s_eq);
    if (m == kNull || !isKind(m, Kind::Function)) continue;
    Value r = call(m, {x, x == a ? b : a});
    if (r == kError) return -1;
    if (r == notImplemented) continue;
    return truthy(r);
  }
  return 0;
}

namespace {
// -2 error, -3 unorderable, else -1/0/1 for sequences and primitives.
int order(VM& vm, Value a, Value b);
}  // namespace

int VM::lessThan(Value a, Value b) {
  Value r = compare(static_cast<int>(CmpOpKind::Lt), a, b);
  if (r == kError) return -1;
  return truthy(r);
}

namespace {

int order(VM& vm, Value a, Value b) {
  if (isNumber(a) && isNumber(b)) {
    if (isInt(a) && isInt(b)) return intCompare(a, b);
    bool o1, o2;
    double x = toDouble(a, o1), y = toDouble(b, o2);
    if (std::isnan(x) || std::isnan(y)) return 2;  // every comparison false
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (!a.isObject() || !b.isObject()) return -3;
  Kind ka = asPy(a)->kind, kb = asPy(b)->kind;
  if (ka == Kind::Str && kb == Kind::Str) {
    int c = as<StrObj>(a)->s.compare(as<StrObj>(b)->s);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  if (ka == Kind::Bytes && kb == Kind::Bytes) {
    int c = as<BytesObj>(a)->data.compare(as<BytesObj>(b)->data);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  if ((ka == Kind::Tuple && kb == Kind::Tuple) || (ka == Kind::List && kb == Kind::List)) {
    const auto& x = ka == Kind::Tuple ? as<TupleObj>(a)->items : as<ListObj>(a)->items;
    const auto& y = kb == Kind::Tuple ? as<TupleObj>(b)->items : as<ListObj>(b)->items;
    std::size_t n = std::min(x.size(), y.size());
    for (std::size_t i = 0; i < n; ++i) {
      int e = vm.equals(x[i], y[i]);
      if (e < 0) return -2;
      if (e == 1) continue;
      int r = order(vm, x[i], y[i]);
      if (r == -3) {
        // Fall back to a user __lt__ through compare.
        Value lt = vm.compare(static_cast<int>(CmpOpKind::Lt), x[i], y[i]);
        if (lt == kError) return -2;
        int tr = vm.truthy(lt);
        if (tr < 0) return -2;
        return tr ? -1 : 1;
      }
      return r;
    }
    return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
  }
  return -3;
}

}  // namespace

Value VM::compare(int op, Value a, Value b) {
  auto kind = static_cast<CmpOpKind>(op);
  if (kind == CmpOpKind::Eq || kind == CmpOpKind::NotEq) {
    int r = equals(a, b);
    if (r < 0) return kError;
    return Value::boolean((r == 1) == (kind == CmpOpKind::Eq));
  }
  int r = order(*this, a, b);
  if (r == -2) return kError;
  if (r == 2) return Value::boolean(false);
  if (r != -3) {
    switch (kind) {
      case CmpOpKind::Lt: return Value::boolean(r < 0);
      case CmpOpKind::LtE: return Value::boolean(r <= 0);
      case CmpOpKind::Gt: return Value::boolean(r > 0);
      default: return Value::boolean(r >= 0);
    }
  }
  static const char* names[] = {"", "", "__lt__", "__le__", "__gt__", "__ge__"};
  static const char* reflected[] = {"", "", "__gt__", "__ge__", "__lt__", "__le__"};
  TypeObj* ta = typeOf(a);
  TypeObj* tb = typeOf(b);
  if (ta->isUser) {
    Value m = lookupType(ta, intern(names[op]));
    if (m != kNull && isKind(m, Kind::Function)) {
      Value res = call(m, {a, b});
      if (res != notImplemented) return res;
    }
  }
  if (tb->isUser) {
    Value m = lookupType(tb, intern(reflected[op]));
    if (m != kNull && isKind(m, Kind::Function)) {
      Value res = call(m, {b, a});
      if (res != notImplemented) return res;
    }
  }
  if ((isKind(a, Kind::Set) || isKind(a, Kind::FrozenSet)) && (isKind(b, Kind::Set) || isKind(b, Kind::FrozenSet))) {
    auto subset = [&](SetObj* x, SetObj* y) {
      for (auto& e : x->table.entries())
        if (e.key != kNull && y->table.find(*this, e.key) < 0) return false;
      return true;
    };
    auto* x = as<SetObj>(a);
    auto* y = as<SetObj>(b);
    switch (kind) {
      case CmpOpKind::Lt: return Value::boolean(x->table.size() < y->table.size() && subset(x, y));
      case CmpOpKind::LtE: return Value::boolean(subset(x, y));
      case CmpOpKind::Gt: return Value::boolean(x->table.size() > y->table.size() && subset(y, x));
      default: return Value::boolean(subset(y, x));
    }
  }
  return raise(t.TypeError, std::string("'") + cmpOpSymbol(kind) + "' not supported between instances of '" +
                                ta->name + "' and '" + tb->name + "'");
}

int VM::contains(Value container, Value item) {
  if (container.isObject()) {
    switch (asPy(container)->kind) {
      case Kind::Str:
        if (!isKind(item, Kind::Str)) {
          raise(t.TypeError, "'in <string>' requires string as left operand, not " + typeName(item));
          return -1;
        }
        return as<StrObj>(container)->s.find(as<StrObj>(item)->s) != std::string::npos;
      case Kind::Bytes: {
        const std::string& d = as<BytesObj>(container)->data;
        if (isIntLike(item)) {
          std::int64_t b = intOf(item);
          if (b < 0 || b > 255) {
            raise(t.ValueError, "byte must be in range(0, 256)");
            return -1;
          }
          return d.find(static_cast<char>(b)) != std::string::npos;
        }
        if (!isKind(item, Kind::Bytes)) {
          raise(t.TypeError, "a bytes-like object is required, not '" + typeName(item) + "'");
          return -1;
        }
        return d.find(as<BytesObj>(item)->data) != std::string::npos;
      }
      case Kind::List:
      case Kind::Tuple: {
        const auto& items = isKind(container, Kind::List) ? as<ListObj>(container)->items : as<TupleObj>(container)->items;
        for (std::size_t i = 0; i < items.size(); ++i) {
          int r = equals(items[i], item);
          if (r != 0) return r;
        }
        return 0;
      }
      case Kind::Dict: {
        std::int64_t i = as<DictObj>(container)->table.find(*this, item);
        return i == HashTable::kFailed ? -1 : i >= 0;
      }
      case Kind::Set:
      case Kind::FrozenSet: {
        std::int64_t i = as<SetObj>(container)->table.find(*this, item);
        return i == HashTable::kFailed ? -1 : i >= 0;
      }
      case Kind::Range: {
        if (!isIntLike(item)) return 0;
        auto* r = as<RangeObj>(container);
        std::int64_t v = intOf(item);
        if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return 0;
        return (v - r->start) % r->step == 0;
      }
      case Kind::Other:
        if (typeOf(container) == t.dictKeys) return contains(Value::object(as<DictViewObj>(container)->dict), item);
        break;
      default:
        break;
    }
    TypeObj* ty = typeOf(container);
    if (ty->isUser) {
      Value m = lookupType(ty, s_contains);
      if (m != kNull) {
        Value r = call(m, {container, item});
        if (r == kError) return -1;
        return truthy(r);
      }
    }
  }
  Value it = getIter(container);
  if (it == kError) {
    raise(t.TypeError, "argument of type '" + typeName(container) + "' is not iterable");
    return -1;
  }
  for (;;) {
    Value v = next(it);
    if (v == kError) return -1;
    if (v == kNull) return 0;
    int r = equals(v, item);
    if (r != 0) return r;
  }
}

bool VM::hash(Value v, std::int64_t& out) {
  constexpr std::uint64_t kModulus = (1ull << 61) - 1;
  if (isIntLike(v)) {
    std::int64_t i = intOf(v);
    std::int64_t h = i >= 0 ? static_cast<std::int64_t>(static_cast<std::uint64_t>(i) % kModulus)
                            : -static_cast<std::int64_t>(static_cast<std::uint64_t>(-i) % kModulus);
    out = h == -1 ? -2 : h;
    return true;
  }
  if (v.isNumber()) {
    out = rt::floatHash(v.asNumber());
    return true;
  }
  if (v.isNone()) {
    out = 0xFCA86420;
    return true;
  }
  PyObj* o = asPy(v);
  switch (o->kind) {
    case Kind::Str:
      out = static_cast<StrObj*>(o)->hash();
      return true;
    case Kind::Bytes:
      out = static_cast<BytesObj*>(o)->hash();
      return true;
    case Kind::BigInt:
      out = static_cast<BigIntObj*>(o)->value.hash();
      return true;
    case Kind::Tuple: {
      // CPython's tuple hash (xxHash-based), so equal tuples hash alike.
      constexpr std::uint64_t p1 = 11400714785074694791ull, p2 = 14029467366897019727ull,
                              p5 = 2870177450012600261ull;
      std::uint64_t acc = p5;
      auto& items = static_cast<TupleObj*>(o)->items;
      for (Value x : items) {
        std::int64_t h;
        if (!hash(x, h)) return false;
        acc += static_cast<std::uint64_t>(h) * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
      }
      acc += items.size() ^ (p5 ^ 3527539ull);
      if (acc == static_cast<std::uint64_t>(-1)) acc = 1546275796;
      out = static_cast<std::int64_t>(acc);
      return true;
    }
    case Kind::FrozenSet: {
      std::uint64_t h = 0;
      for (auto& e : static_cast<SetObj*>(o)->table.entries()) {
        if (e.key == kNull) continue;
        h ^= static_cast<std::uint64_t>(e.hash) * 0x9E3779B97F4A7C15ull;
      }
      out = static_cast<std::int64_t>(h >> 1);
      return true;
    }
    case Kind::List:
    case Kind::Dict:
    case Kind::Set:
      raise(t.TypeError, "unhashable type: '" + o->cls->name + "'");
      return false;
    default:
      break;
  }
  if (o->cls->hasUserEq) {
    Value m = lookupType(o->cls, s_hash);
    if (m != kNull && m.isNone()) {
      raise(t.TypeError, "unhashable type: '" + o->cls->name + "'");
      return false;
    }
    if (m != kNull && isKind(m, Kind::Function)) {
      Value r = call(m, {v});
      if (r == kError) return false;
      // A big int (`return hash((a, b))`): its own hash, as CPython reduces it.
      if (isKind(r, Kind::BigInt)) return hash(r, out);
      if (!isIntLike(r)) {
        raise(t.TypeError, "__hash__ method should return an integer");
        return false;
      }
      out = intOf(r);
      return true;
    }
    if (lookupType(o->cls, s_eq) != kNull) {
      raise(t.TypeError, "unhashable type: '" + o->cls->name + "'");
      return false;
    }
  }
  out = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(o) >> 4);
  return true;
}

int VM::truthy(Value v) {
  if (v.isBool()) return v.asBool();
  if (v.isNone()) return 0;
  if (v.isSmallInt()) return v.asSmallInt() != 0;
  if (v.isNumber()) return v.asNumber() != 0.0;
  PyObj* o = asPy(v);
  switch (o->kind) {
    case Kind::Str: return !static_cast<StrObj*>(o)->s.empty();
    case Kind::Bytes: return !static_cast<BytesObj*>(o)->data.empty();
    case Kind::List: return !static_cast<ListObj*>(o)->items.empty();
    case Kind::Tuple: return !static_cast<TupleObj*>(o)->items.empty();
    case Kind::Dict: return static_cast<DictObj*>(o)->table.size() != 0;
    case Kind::Set:
    case Kind::FrozenSet: return static_cast<SetObj*>(o)->table.size() != 0;
    case Kind::Range: return static_cast<RangeObj*>(o)->length() != 0;
    case Kind::BigInt: return !static_cast<BigIntObj*>(o)->value.isZero();
    case Kind::Instance:
    case Kind::Exception: {
      if (!o->cls->isUser) return 1;
      Value m = lookupType(o->cls, s_bool);
      if (m != kNull) {
        Value r = call(m, {v});
        if (r == kError) return -1;
        if (!r.isBool()) {
          raise(t.TypeError, "__bool__ should return bool, returned " + typeName(r));
          return -1;
        }
        return r.asBool();
      }
      m = lookupType(o->cls, s_len);
      if (m != kNull) {
        Value r = call(m, {v});
        if (r == kError) return -1;
        return isIntLike(r) && intOf(r) != 0;
      }
      return 1;
    }
    case Kind::LoopObject: {
      if (static_cast<LoopObj*>(o)->what == LoopObj::What::Queue) {
        Value r = callMethod(v, "qsize", {});
        if (r == kError) return -1;
        return 1;
      }
      return 1;
    }
    default:
      return 1;
  }
}

std::int64_t VM::length(Value v, bool& ok) {
  ok = true;
  if (v.isObject()) {
    PyObj* o = asPy(v);
    switch (o->kind) {
      case Kind::Str: return static_cast<std::int64_t>(static_cast<StrObj*>(o)->length);
      case Kind::Bytes: return static_cast<std::int64_t>(static_cast<BytesObj*>(o)->data.size());
      case Kind::List: return static_cast<std::int64_t>(static_cast<ListObj*>(o)->items.size());
      case Kind::Tuple: return static_cast<std::int64_t>(static_cast<TupleObj*>(o)->items.size());
      case Kind::Dict: return static_cast<std::int64_t>(static_cast<DictObj*>(o)->table.size());
      case Kind::Set:
      case Kind::FrozenSet: return static_cast<std::int64_t>(static_cast<SetObj*>(o)->table.size());
      case Kind::Range: return static_cast<RangeObj*>(o)->length();
      case Kind::Other:
        if (o->cls == t.dictKeys || o->cls == t.dictValues || o->cls == t.dictItems)
          return static_cast<std::int64_t>(static_cast<DictViewObj*>(o)->dict->table.size());
        break;
      default:
        break;
    }
    Value m = lookupType(o->cls, s_len);
    if (m != kNull) {
      Value r = call(m, {v});
      if (r == kError) {
        ok = false;
        return 0;
      }
      if (!isIntLike(r)) {
        raise(t.TypeError, "'" + typeName(r) + "' object cannot be interpreted as an integer");
        ok = false;
        return 0;
      }
      return intOf(r);
    }
  }
  raise(t.TypeError, "object of type '" + typeName(v) + "' has no len()");
  ok = false;
  return 0;
}

}  // namespace py
