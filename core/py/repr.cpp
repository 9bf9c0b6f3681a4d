// repr.cpp: str() and repr() of every value exactly as CPython prints them,
// format() through the runtime's format-spec mini-language, and printf-style
// "%" formatting. Addresses in default reprs are stable fake ones (contract
// section 3), so runs are repeatable.
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "core/loop/future.h"
#include "core/loop/task.h"
#include "core/py/bytes_object.h"
#include "core/py/int_object.h"
#include "core/py/runtime/float_format.h"
#include "core/py/runtime/format_spec.h"
#include "core/py/vm.h"

namespace py {

namespace {

thread_local std::unordered_set<const void*> tReprActive;
thread_local std::unordered_map<const void*, std::uint64_t> tFakeIds;
thread_local std::uint64_t tNextFakeId = 0;

}  // namespace

// The class body stored __qualname__ in the class dict; the class's repr,
// its instances' default repr and tracebacks show it.
std::string qualnameOf(const TypeObj* ty) {
  if (ty->isUser && ty->dict)
    for (const auto& e : ty->dict->table.entries())
      if (e.key != kNull && isKind(e.key, Kind::Str) && as<StrObj>(e.key)->s == "__qualname__")
        return isKind(e.value, Kind::Str) ? as<StrObj>(e.value)->s : ty->name;
  return ty->name;
}

std::string fakeAddress(const void* p) {
  auto it = tFakeIds.find(p);
  std::uint64_t id;
  if (it == tFakeIds.end()) {
    id = 0x7f3a2c001000ull + 0x30ull * tNextFakeId++;
    tFakeIds.emplace(p, id);
  } else {
    id = it->second;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(id));
  return buf;
}

std::string strRepr(const std::string& s) {
  bool hasSingle = s.find('\'') != std::string::npos;
  bool hasDouble = s.find('"') != std::string::npos;
  char q = hasSingle && !hasDouble ? '"' : '\'';
  std::string out(1, q);
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    std::uint32_t cp = decodeUtf8(s, i);
    char buf[16];
    if (cp == static_cast<std::uint32_t>(q) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
      out += buf;
    } else if (cp == 0xad) {
      out += "\\xad";
    } else {
      out.append(s, start, i - start);
    }
  }
  out += q;
  return out;
}

Value VM::repr(Value v) {
  if (v.isNone()) return Value::object(intern("None"));
  if (v.isBool()) return Value::object(intern(v.asBool() ? "True" : "False"));
  if (v.isSmallInt()) return newStr(std::to_string(v.asSmallInt()));
  if (v.isNumber()) return newStr(rt::floatRepr(v.asNumber()));
  PyObj* o = asPy(v);
  auto guarded = [&](const char* open, const char* close, const char* recursive, auto&& body) -> Value {
    if (tReprActive.count(o)) return newStr(recursive);
    tReprActive.insert(o);
    std::string out = open;
    bool ok = body(out);
    tReprActive.erase(o);
    if (!ok) return kError;
    out += close;
    return newStr(std::move(out));
  };
  switch (o->kind) {
    case Kind::Str:
      return newStr(strRepr(static_cast<StrObj*>(o)->s));
    case Kind::Bytes:
      return newStr(bytesRepr(static_cast<BytesObj*>(o)->data));
    case Kind::BigInt: {
      const rt::BigInt& value = static_cast<BigIntObj*>(o)->value;
      if (value.decimalDigitsExceed(rt::BigInt::kMaxStrDigits))
        return raise(t.ValueError, "Exceeds the limit (4300 digits) for integer string conversion; "
                                   "use sys.set_int_max_str_digits() to increase the limit");
      return newStr(value.toString(10));
    }
    case Kind::List:
      return guarded("[", "]", "[...]", [&](std::string& out) {
        auto& items = static_cast<ListObj*>(o)->items;
        for (std::size_t i = 0; i < items.size(); ++i) {
          if (i) out += ", ";
          Value r = repr(items[i]);
          if (r == kError) return false;
          out += as<StrObj>(r)->s;
        }
        return true;
      });
    case Kind::Tuple: {
      auto& items = static_cast<TupleObj*>(o)->items;
      return guarded("(", items.size() == 1 ? ",)" : ")", "(...)", [&](std::string& out) {
        for (std::size_t i = 0; i < items.size(); ++i) {
          if (i) out += ", ";
          Value r = repr(items[i]);
          if (r == kError) return false;
          out += as<StrObj>(r)->s;
        }
        return true;
      });
    }
    case Kind::Dict:
      return guarded("{", "}", "{...}", [&](std::string& out) {
        bool first = true;
        for (auto& e : static_cast<DictObj*>(o)->table.entries()) {
          if (e.key == kNull) continue;
          if (!first) out += ", ";
          first = false;
          Value k = repr(e.key);
          if (k == kError) return false;
          Value val = repr(e.value);
          if (val == kError) return false;
          out += as<StrObj>(k)->s + ": " + as<StrObj>(val)->s;
        }
        return true;
      });
    case Kind::Set:
    case Kind::FrozenSet: {
      auto* s = static_cast<SetObj*>(o);
      bool frozen = o->kind == Kind::FrozenSet;
      if (s->table.size() == 0) return newStr(frozen ? "frozenset()" : "set()");
      return guarded(frozen ? "frozenset({" : "{", frozen ? "})" : "}", "set(...)", [&](std::string& out) {
        bool first = true;
        for (std::size_t idx : setIterationOrder(s->table)) {
          const auto& e = s->table.entries()[idx];
          if (!first) out += ", ";
          first = false;
          Value k = repr(e.key);
          if (k == kError) return false;
          out += as<StrObj>(k)->s;
        }
        return true;
      });
    }
    case Kind::Range: {
      auto* r = static_cast<RangeObj*>(o);
      std::string s = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
      if (r->step != 1) s += ", " + std::to_string(r->step);
      return newStr(s + ")");
    }
    case Kind::Slice: {
      auto* s = static_cast<SliceObj*>(o);
      return newStr("slice(" + reprOf(s->start) + ", " + reprOf(s->stop) + ", " + reprOf(s->step) + ")");
    }
    case Kind::Type: {
      auto* ty = static_cast<TypeObj*>(o);
      if (o->cls->isUser) {  // a metaclass's __repr__: enum.EnumType's "<enum 'Color'>"
        Value m = lookupType(o->cls, s_repr);
        if (isKind(m, Kind::Function)) return call(m, {v});
      }
      if (ty->module == "builtins") return newStr("<class '" + ty->name + "'>");
      return newStr("<class '" + ty->module + "." + qualnameOf(ty) + "'>");
    }
    case Kind::Function:
      return newStr("<function " + static_cast<FunctionObj*>(o)->qualname + " at " + fakeAddress(o) + ">");
    case Kind::Native: {
      auto* n = static_cast<NativeObj*>(o);
      if (n->owner) return newStr("<method '" + n->name + "' of '" + n->owner->name + "' objects>");
      return newStr("<built-in function " + n->name + ">");
    }
    case Kind::BoundMethod: {
      auto* bm = static_cast<BoundMethodObj*>(o);
      if (isKind(bm->func, Kind::Native))
        return newStr("<built-in method " + as<NativeObj>(bm->func)->name + " of " + typeName(bm->self) +
                      " object at " + fakeAddress(asPy(bm->self)) + ">");
      std::string fname = isKind(bm->func, Kind::Function) ? as<FunctionObj>(bm->func)->qualname : "?";
      return newStr("<bound method " + fname + " of " + reprOf(bm->self) + ">");
    }
    case Kind::Module:
      return newStr("<module '" + static_cast<ModuleObj*>(o)->name + "'>");
    case Kind::Generator:
      return newStr("<generator object " + static_cast<GeneratorObj*>(o)->qualname + " at " + fakeAddress(o) + ">");
    case Kind::Coroutine:
      return newStr("<coroutine object " + static_cast<GeneratorObj*>(o)->qualname + " at " + fakeAddress(o) + ">");
    case Kind::AsyncGenerator:
      return newStr("<async_generator object " + static_cast<GeneratorObj*>(o)->qualname + " at " + fakeAddress(o) + ">");
    case Kind::Cell:
      return newStr("<cell at " + fakeAddress(o) + ">");
    case Kind::Exception: {
      if (o->cls->isUser) {
        Value m = lookupType(o->cls, s_repr);
        if (m != kNull && isKind(m, Kind::Function)) return call(m, {v});
      }
      auto* e = static_cast<ExceptionObj*>(o);
      auto& args = as<TupleObj>(e->args)->items;
      std::string inner;
      if (args.size() == 1) {
        Value r = repr(args[0]);
        if (r == kError) return kError;
        inner = as<StrObj>(r)->s;
      } else if (!args.empty()) {
        Value r = repr(e->args);
        if (r == kError) return kError;
        inner = as<StrObj>(r)->s;
        inner = inner.substr(1, inner.size() - 2);
      }
      return newStr(o->cls->name + "(" + inner + ")");
    }
    case Kind::Other:
      if (v == ellipsis) return newStr("Ellipsis");
      if (v == notImplemented) return newStr("NotImplemented");
      if (o->cls == t.dictKeys || o->cls == t.dictValues || o->cls == t.dictItems) {
        auto* dv = static_cast<DictViewObj*>(o);
        std::string out = o->cls->name + "([";
        bool first = true;
        for (auto& e : dv->dict->table.entries()) {
          if (e.key == kNull) continue;
          if (!first) out += ", ";
          first = false;
          if (dv->which == 0) out += reprOf(e.key);
          else if (dv->which == 1) out += reprOf(e.value);
          else out += "(" + reprOf(e.key) + ", " + reprOf(e.value) + ")";
        }
        return newStr(out + "])");
      }
      break;
    default:
      break;
  }
  Value m = lookupType(o->cls, s_repr);
  if (m != kNull && !isKind(m, Kind::Native)) return call(m, {v});
  if (m != kNull && isKind(m, Kind::Native) && o->cls->module != "builtins") return call(m, {v});
  return newStr(defaultReprOf(o));
}

std::string defaultReprOf(const PyObj* o) {
  std::string mod = o->cls->module == "builtins" ? "" : o->cls->module + ".";
  return "<" + mod + qualnameOf(o->cls) + " object at " + fakeAddress(o) + ">";
}

Value VM::str(Value v) {
  if (v.isObject()) {
    PyObj* o = asPy(v);
    if (o->kind == Kind::Str) return v;
    if (o->kind == Kind::Exception) {
      if (o->cls->isUser) {
        Value m = lookupType(o->cls, s_str);
        if (m != kNull && isKind(m, Kind::Function)) return call(m, {v});
      }
      if (o->cls->isSubtypeOf(t.UnicodeDecodeError) || o->cls->isSubtypeOf(t.UnicodeEncodeError))
        return newStr(unicodeErrorMessage(*this, v));
      auto* e = static_cast<ExceptionObj*>(o);
      auto& args = as<TupleObj>(e->args)->items;
      if (args.empty()) return Value::object(intern(""));
      if (args.size() == 1) {
        if (o->cls->isSubtypeOf(t.KeyError)) return repr(args[0]);
        return str(args[0]);
      }
      if (o->cls->isSubtypeOf(t.BaseExceptionGroup) && args.size() == 2) {
        std::size_t n = e->groupExceptions.size();
        return newStr(strOf(args[0]) + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")");
      }
      return repr(e->args);
    }
    if (o->cls->isUser || o->kind == Kind::LoopObject) {
      Value m = lookupType(o->cls, s_str);
      if (m != kNull) return call(m, {v});
    }
  }
  return repr(v);
}

std::string VM::reprOf(Value v) {
  Value saved = pending;
  Value r = repr(v);
  if (r == kError) {
    pending = saved;
    return "<unrepresentable>";
  }
  return as<StrObj>(r)->s;
}

std::string VM::strOf(Value v) {
  Value saved = pending;
  Value r = str(v);
  if (r == kError) {
    pending = saved;
    return "<unprintable>";
  }
  return as<StrObj>(r)->s;
}

namespace {
Value fromFormat(VM& vm, const rt::FormatResult& r) {
  if (r.ok()) return vm.newStr(r.text);
  TypeObj* t = r.errorType == "OverflowError" ? vm.t.OverflowError : vm.t.ValueError;
  return vm.raise(t, r.message);
}
}  // namespace

Value VM::format(Value v, std::string_view spec) {
  if (v.isBool() && spec.empty()) return str(v);
  if (isIntLike(v)) return fromFormat(*this, rt::formatInt(intOf(v), spec));
  if (isKind(v, Kind::BigInt)) return fromFormat(*this, rt::formatInt(as<BigIntObj>(v)->value, spec));
  if (v.isNumber()) return fromFormat(*this, rt::formatFloat(v.asNumber(), spec));
  if (isKind(v, Kind::Str)) {
    if (spec.empty()) return v;
    return fromFormat(*this, rt::formatStr(as<StrObj>(v)->s, spec));
  }
  TypeObj* ty = typeOf(v);
  if (ty->isUser) {
    Value m = lookupType(ty, s_format);
    if (m != kNull && isKind(m, Kind::Function)) return call(m, {v, newStr(std::string(spec))});
  }
  if (spec.empty()) return str(v);
  return raise(t.TypeError, "unsupported format string passed to " + ty->name + ".__format__");
}

Value percentFormat(VM& vm, const std::string& fmt, Value args) {
  std::vector<Value> items;
  if (isKind(args, Kind::Tuple)) items = as<TupleObj>(args)->items;
  else items.push_back(args);
  std::size_t next = 0;
  std::string out;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c != '%') {
      out += c;
      continue;
    }
    ++i;
    if (i < fmt.size() && fmt[i] == '%') {
      out += '%';
      continue;
    }
    std::string spec;
    while (i < fmt.size() && std::strchr("-+ #0123456789.", fmt[i])) spec += fmt[i++];
    if (i >= fmt.size()) return vm.raise(vm.t.ValueError, "incomplete format");
    char type = fmt[i];
    if (next >= items.size()) return vm.raise(vm.t.TypeError, "not enough arguments for format string");
    Value v = items[next++];
    // Translate printf flags to the format-spec mini-language.
    std::string fs;
    bool left = spec.find('-') != std::string::npos;
    std::string rest;
    for (char ch : spec)
      if (ch != '-') rest += ch;
    if (left) fs += "<";
    Value piece;
    switch (type) {
      case 's': piece = vm.str(v); if (piece == kError) return kError; piece = vm.format(piece, fs + rest); break;
      case 'r': piece = vm.repr(v); if (piece == kError) return kError; piece = vm.format(piece, fs + rest); break;
      case 'd':
      case 'i':
        if (v.isNumber()) v = vm.newInt(static_cast<std::int64_t>(v.asNumber()));
        piece = vm.format(v, fs + rest + "d");
        break;
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'x': case 'X': case 'o':
        piece = vm.format(v, fs + rest + std::string(1, type));
        break;
      default:
        return vm.raise(vm.t.ValueError, std::string("unsupported format character '") + type + "'");
    }
    if (piece == kError) return kError;
    out += as<StrObj>(piece)->s;
  }
  if (next < items.size() && isKind(args, Kind::Tuple))
    return vm.raise(vm.t.TypeError, "not all arguments converted during string formatting");
  return vm.newStr(std::move(out));
}

}  // namespace py
