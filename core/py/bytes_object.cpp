// bytes_object.cpp: the bytes type's repr, hash, constructor and methods,
// the UTF-8/ASCII/Latin-1 codecs behind bytes.decode and str.encode, and
// the texts of UnicodeDecodeError/UnicodeEncodeError.
//
// The operators (+, *, comparisons, `in`, indexing, iteration) live with
// the other types' in operators.cpp and subscript.cpp; they call the
// helpers here only for what is bytes-specific.
#include "core/py/bytes_object.h"

#include <algorithm>
#include <cstdio>

#include "core/py/vm.h"

namespace py {

std::int64_t BytesObj::hash() const {
  // FNV-1a, like str: CPython randomises bytes hashes too, so no program
  // can depend on the values.
  if (hash_ == -1) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
    auto r = static_cast<std::int64_t>(h >> 1);
    hash_ = r == -1 ? -2 : r;
  }
  return hash_;
}

std::string bytesRepr(std::string_view data) {
  bool single = data.find('\'') != std::string_view::npos;
  bool dbl = data.find('"') != std::string_view::npos;
  char quote = single && !dbl ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (unsigned char c : data) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

namespace {

bool isCont(unsigned char c) { return (c & 0xC0) == 0x80; }

// The length of the longest valid prefix of the sequence starting at `i`
// (lead byte included), and the sequence's full length `need`. CPython
// reports an invalid sequence as that maximal prefix.
std::size_t validPrefix(std::string_view d, std::size_t i, std::size_t& need) {
  auto lead = static_cast<unsigned char>(d[i]);
  unsigned char lo = 0x80, hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 3;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 4;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    need = 1;
    return 0;  // invalid start byte
  }
  std::size_t k = 1;
  while (k < need && i + k < d.size()) {
    auto c = static_cast<unsigned char>(d[i + k]);
    bool ok = k == 1 ? (c >= lo && c <= hi) : isCont(c);
    if (!ok) break;
    ++k;
  }
  return k;
}

}  // namespace

Utf8Error utf8Decode(std::string_view d, std::string& out, bool keepGoing, std::string_view replacement) {
  Utf8Error first;
  std::size_t i = 0;
  while (i < d.size()) {
    auto c = static_cast<unsigned char>(d[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t need = 0;
    std::size_t k = validPrefix(d, i, need);
    if (k == need) {
      out.append(d.substr(i, k));
      i += k;
      continue;
    }
    Utf8Error e;
    e.start = i;
    if (k == 0) {
      e.end = i + 1;
      e.reason = "invalid start byte";
    } else {
      e.end = i + k;
      e.reason = i + k >= d.size() ? "unexpected end of data" : "invalid continuation byte";
    }
    if (!keepGoing) return e;
    if (first.reason == nullptr) first = e;
    out.append(replacement);
    i = e.end;
  }
  return first;
}

namespace {

#define METHOD(name) static Value name(VM& vm, NativeObj* self, CallArgs& a)

const std::string& B(CallArgs& a) { return as<BytesObj>(a.args[0])->data; }

enum class Codec { Utf8, Ascii, Latin1, Unknown };

Codec codecNamed(std::string name) {
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '-' || c == ' ') c = '_';
  }
  if (name == "utf_8" || name == "utf8" || name == "u8" || name == "utf") return Codec::Utf8;
  if (name == "ascii" || name == "us_ascii" || name == "646") return Codec::Ascii;
  if (name == "latin_1" || name == "latin1" || name == "iso_8859_1" || name == "iso8859_1" || name == "l1" ||
      name == "latin" || name == "8859" || name == "cp819")
    return Codec::Latin1;
  return Codec::Unknown;
}

const char* codecLabel(Codec c) { return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1"; }

// encoding= and errors= from positional slot `first` on (or keywords).
bool codecArgs(VM& vm, CallArgs& a, int first, const char* fn, Value& encoding, Value& errors) {
  encoding = a.n > first ? a.args[first] : a.kw("encoding");
  errors = a.n > first + 1 ? a.args[first + 1] : a.kw("errors");
  for (Value* v : {&encoding, &errors}) {
    if (*v == kNull) continue;
    if (!isKind(*v, Kind::Str)) {
      vm.raise(vm.t.TypeError, std::string(fn) + "() argument '" + (v == &encoding ? "encoding" : "errors") +
                                   "' must be str, not " + vm.typeName(*v));
      return false;
    }
  }
  return true;
}

Value unicodeError(VM& vm, TypeObj* type, const char* codec, Value object, std::size_t start, std::size_t end,
                   const char* reason) {
  std::vector<Value> args{vm.newStr(codec), object, vm.newInt(static_cast<std::int64_t>(start)),
                          vm.newInt(static_cast<std::int64_t>(end)), vm.newStr(reason)};
  return vm.raiseValue(Value::object(vm.newException(type, std::move(args))));
}

Value decodeWith(VM& vm, Value self, Value encoding, Value errors) {
  const std::string& d = as<BytesObj>(self)->data;
  std::string enc = encoding == kNull ? "utf-8" : as<StrObj>(encoding)->s;
  std::string err = errors == kNull ? "strict" : as<StrObj>(errors)->s;
  Codec codec = codecNamed(enc);
  if (codec == Codec::Unknown) return vm.raise(vm.t.LookupError, "unknown encoding: " + enc);
  bool keepGoing = err == "replace" || err == "ignore";
  std::string_view replacement = err == "replace" ? "\xEF\xBF\xBD" : "";
  std::string out;
  out.reserve(d.size());
  if (codec == Codec::Utf8) {
    Utf8Error e = utf8Decode(d, out, keepGoing, replacement);
    if (e.reason && !keepGoing) return unicodeError(vm, vm.t.UnicodeDecodeError, "utf-8", self, e.start, e.end, e.reason);
    return vm.newStr(std::move(out));
  }
  for (std::size_t i = 0; i < d.size(); ++i) {
    auto c = static_cast<unsigned char>(d[i]);
    if (c < 0x80 || codec == Codec::Latin1) {
      appendUtf8(out, c);
      continue;
    }
    if (!keepGoing)
      return unicodeError(vm, vm.t.UnicodeDecodeError, "ascii", self, i, i + 1, "ordinal not in range(128)");
    out.append(replacement);
  }
  return vm.newStr(std::move(out));
}

METHOD(m_decode) {
  (void)self;
  Value encoding, errors;
  if (!codecArgs(vm, a, 1, "decode", encoding, errors)) return kError;
  return decodeWith(vm, a.args[0], encoding, errors);
}

METHOD(m_hex) {
  (void)self;
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : B(a)) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return vm.newStr(std::move(out));
}

// A bytes argument of a method, or a TypeError worded as CPython does.
bool bytesArg(VM& vm, Value v, std::string& out) {
  if (!isKind(v, Kind::Bytes)) {
    vm.raise(vm.t.TypeError, "a bytes-like object is required, not '" + vm.typeName(v) + "'");
    return false;
  }
  out = as<BytesObj>(v)->data;
  return true;
}

Value affix(VM& vm, CallArgs& a, bool start) {
  const char* fn = start ? "startswith" : "endswith";
  if (a.n < 2) return vm.raise(vm.t.TypeError, std::string(fn) + "() takes at least 1 argument (0 given)");
  const std::string& s = B(a);
  std::vector<Value> options;
  if (isKind(a.args[1], Kind::Tuple)) options = as<TupleObj>(a.args[1])->items;
  else options.push_back(a.args[1]);
  for (Value o : options) {
    if (!isKind(o, Kind::Bytes))
      return vm.raise(vm.t.TypeError, std::string(fn) + " first arg must be bytes or a tuple of bytes, not " +
                                          vm.typeName(o));
    const std::string& p = as<BytesObj>(o)->data;
    if (p.size() > s.size()) continue;
    if (start ? s.compare(0, p.size(), p) == 0 : s.compare(s.size() - p.size(), p.size(), p) == 0)
      return Value::boolean(true);
  }
  return Value::boolean(false);
}

METHOD(m_startswith) { (void)self; return affix(vm, a, true); }
METHOD(m_endswith) { (void)self; return affix(vm, a, false); }

METHOD(m_find) {
  (void)self;
  if (a.n < 2) return vm.raise(vm.t.TypeError, "find() takes at least 1 argument (0 given)");
  const std::string& s = B(a);
  if (isIntLike(a.args[1])) {
    std::int64_t b = intOf(a.args[1]);
    if (b < 0 || b > 255) return vm.raise(vm.t.ValueError, "byte must be in range(0, 256)");
    std::size_t p = s.find(static_cast<char>(b));
    return vm.newInt(p == std::string::npos ? -1 : static_cast<std::int64_t>(p));
  }
  if (!isKind(a.args[1], Kind::Bytes))
    return vm.raise(vm.t.TypeError, "argument should be integer or bytes-like object, not '" + vm.typeName(a.args[1]) + "'");
  std::size_t p = s.find(as<BytesObj>(a.args[1])->data);
  return vm.newInt(p == std::string::npos ? -1 : static_cast<std::int64_t>(p));
}

METHOD(m_join) {
  (void)self;
  if (a.n != 2) return vm.raise(vm.t.TypeError, "join() takes exactly one argument (" + std::to_string(a.n - 1) + " given)");
  std::vector<Value> items;
  if (!vm.toVector(a.args[1], items)) return kError;
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!isKind(items[i], Kind::Bytes))
      return vm.raise(vm.t.TypeError, "sequence item " + std::to_string(i) + ": expected a bytes-like object, " +
                                          vm.typeName(items[i]) + " found");
    if (i) out += B(a);
    out += as<BytesObj>(items[i])->data;
  }
  return vm.newBytes(std::move(out));
}

bool isSpaceByte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

METHOD(m_split) {
  (void)self;
  const std::string& s = B(a);
  Value sepV = a.n >= 2 ? a.args[1] : a.kw("sep");
  std::vector<Value> parts;
  if (sepV == kNull || sepV.isNone()) {
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && isSpaceByte(static_cast<unsigned char>(s[i]))) ++i;
      if (i >= s.size()) break;
      std::size_t j = i;
      while (j < s.size() && !isSpaceByte(static_cast<unsigned char>(s[j]))) ++j;
      parts.push_back(vm.newBytes(s.substr(i, j - i)));
      i = j;
    }
    return vm.newList(std::move(parts));
  }
  std::string sep;
  if (!bytesArg(vm, sepV, sep)) return kError;
  if (sep.empty()) return vm.raise(vm.t.ValueError, "empty separator");
  std::size_t i = 0;
  for (;;) {
    std::size_t p = s.find(sep, i);
    if (p == std::string::npos) break;
    parts.push_back(vm.newBytes(s.substr(i, p - i)));
    i = p + sep.size();
  }
  parts.push_back(vm.newBytes(s.substr(i)));
  return vm.newList(std::move(parts));
}

METHOD(m_strip) {
  (void)self;
  const std::string& s = B(a);
  std::string chars;
  bool custom = a.n >= 2 && !a.args[1].isNone();
  if (custom && !bytesArg(vm, a.args[1], chars)) return kError;
  auto strip = [&](unsigned char c) { return custom ? chars.find(static_cast<char>(c)) != std::string::npos : isSpaceByte(c); };
  std::size_t b = 0, e = s.size();
  while (b < e && strip(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && strip(static_cast<unsigned char>(s[e - 1]))) --e;
  return vm.newBytes(s.substr(b, e - b));
}

Value mapCase(VM& vm, CallArgs& a, bool upper) {
  std::string s = B(a);
  for (char& c : s) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return vm.newBytes(std::move(s));
}

METHOD(m_upper) { (void)self; return mapCase(vm, a, true); }
METHOD(m_lower) { (void)self; return mapCase(vm, a, false); }

METHOD(m_replace) {
  (void)self;
  if (a.n < 3) return vm.raise(vm.t.TypeError, "replace expected at least 2 arguments, got " + std::to_string(a.n - 1));
  std::string from, to;
  if (!bytesArg(vm, a.args[1], from) || !bytesArg(vm, a.args[2], to)) return kError;
  std::int64_t count = a.n >= 4 && isIntLike(a.args[3]) ? intOf(a.args[3]) : -1;
  const std::string& s = B(a);
  std::string out;
  std::size_t i = 0;
  for (std::int64_t done = 0; count < 0 || done < count; ++done) {
    if (from.empty()) {
      if (i > s.size()) break;
      out += to;
      if (i < s.size()) out += s[i];
      ++i;
      continue;
    }
    std::size_t p = s.find(from, i);
    if (p == std::string::npos) break;
    out.append(s, i, p - i);
    out += to;
    i = p + from.size();
  }
  if (i < s.size()) out.append(s, i, std::string::npos);
  return vm.newBytes(std::move(out));
}

// bytes(), bytes(n), bytes(iterable of ints), bytes(str, encoding[, errors]).
METHOD(c_bytes) {
  (void)self;
  Value encoding, errors;
  if (!codecArgs(vm, a, 1, "bytes", encoding, errors)) return kError;
  if (a.n == 0) {
    if (encoding != kNull || errors != kNull) return vm.raise(vm.t.TypeError, "encoding without a string argument");
    return vm.newBytes("");
  }
  Value v = a.args[0];
  if (isKind(v, Kind::Str)) {
    if (encoding == kNull) return vm.raise(vm.t.TypeError, "string argument without an encoding");
    return strEncode(vm, v, encoding, errors);
  }
  if (encoding != kNull)
    return vm.raise(vm.t.TypeError, errors != kNull && a.n < 2 ? "errors without a string argument"
                                                               : "encoding without a string argument");
  if (errors != kNull) return vm.raise(vm.t.TypeError, "errors without a string argument");
  if (isKind(v, Kind::Bytes)) return vm.newBytes(as<BytesObj>(v)->data);
  if (isIntLike(v)) {
    std::int64_t n = intOf(v);
    if (n < 0) return vm.raise(vm.t.ValueError, "negative count");
    return vm.newBytes(std::string(static_cast<std::size_t>(n), '\0'));
  }
  if (v.isNumber() || v.isNone())
    return vm.raise(vm.t.TypeError, "cannot convert '" + vm.typeName(v) + "' object to bytes");
  std::vector<Value> items;
  if (!vm.toVector(v, items)) {
    if (isKind(vm.pending, Kind::Exception) && asPy(vm.pending)->cls == vm.t.TypeError)
      return vm.raise(vm.t.TypeError, "cannot convert '" + vm.typeName(v) + "' object to bytes");
    return kError;
  }
  std::string out;
  out.reserve(items.size());
  for (Value x : items) {
    if (!isIntLike(x))
      return vm.raise(vm.t.TypeError, "'" + vm.typeName(x) + "' object cannot be interpreted as an integer");
    std::int64_t b = intOf(x);
    if (b < 0 || b > 255) return vm.raise(vm.t.ValueError, "bytes must be in range(0, 256)");
    out += static_cast<char>(b);
  }
  return vm.newBytes(std::move(out));
}

std::string charEscape(std::uint32_t cp) {
  char buf[16];
  if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
  else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
  else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
  return buf;
}

}  // namespace

Value strEncode(VM& vm, Value self, Value encoding, Value errors) {
  const StrObj* s = as<StrObj>(self);
  std::string enc = encoding == kNull ? "utf-8" : as<StrObj>(encoding)->s;
  std::string err = errors == kNull ? "strict" : as<StrObj>(errors)->s;
  Codec codec = codecNamed(enc);
  if (codec == Codec::Unknown) return vm.raise(vm.t.LookupError, "unknown encoding: " + enc);
  if (codec == Codec::Utf8 || s->ascii) return vm.newBytes(s->s);
  std::uint32_t limit = codec == Codec::Ascii ? 0x80 : 0x100;
  std::string out;
  std::size_t i = 0;
  std::int64_t index = 0;
  while (i < s->s.size()) {
    std::uint32_t cp = decodeUtf8(s->s, i);
    if (cp < limit) {
      out += static_cast<char>(cp);
    } else if (err == "replace") {
      out += '?';
    } else if (err != "ignore") {
      // The run of unencodable characters is reported as one error.
      std::int64_t end = index + 1;
      std::size_t j = i;
      while (j < s->s.size()) {
        std::size_t k = j;
        if (decodeUtf8(s->s, k) < limit) break;
        j = k;
        ++end;
      }
      std::string reason = codec == Codec::Ascii ? "ordinal not in range(128)" : "ordinal not in range(256)";
      std::vector<Value> args{vm.newStr(codecLabel(codec)), self, vm.newInt(index), vm.newInt(end),
                              vm.newStr(reason)};
      return vm.raiseValue(Value::object(vm.newException(vm.t.UnicodeEncodeError, std::move(args))));
    }
    ++index;
  }
  return vm.newBytes(std::move(out));
}

std::string unicodeErrorMessage(VM& vm, Value exc) {
  auto* e = as<ExceptionObj>(exc);
  const auto& args = as<TupleObj>(e->args)->items;
  bool decode = e->cls->isSubtypeOf(vm.t.UnicodeDecodeError);
  bool shape = args.size() == 5 && isKind(args[0], Kind::Str) && isIntLike(args[2]) && isIntLike(args[3]) &&
               isKind(args[4], Kind::Str) && isKind(args[1], decode ? Kind::Bytes : Kind::Str);
  if (!shape) return args.size() == 1 ? vm.strOf(args[0]) : args.empty() ? "" : vm.reprOf(e->args);
  std::string codec = as<StrObj>(args[0])->s;
  std::int64_t start = intOf(args[2]), end = intOf(args[3]);
  std::string reason = as<StrObj>(args[4])->s;
  std::string out = "'" + codec + "' codec can't " + (decode ? "decode " : "encode ");
  if (decode) {
    const std::string& d = as<BytesObj>(args[1])->data;
    if (end == start + 1 && start >= 0 && static_cast<std::size_t>(start) < d.size()) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned char>(d[static_cast<std::size_t>(start)]));
      return out + "byte " + buf + " in position " + std::to_string(start) + ": " + reason;
    }
  } else {
    auto* s = as<StrObj>(args[1]);
    if (end == start + 1 && start >= 0 && static_cast<std::size_t>(start) < s->length) {
      std::size_t at = s->byteOffset(static_cast<std::size_t>(start));
      std::uint32_t cp = decodeUtf8(s->s, at);
      return out + "character '" + charEscape(cp) + "' in position " + std::to_string(start) + ": " + reason;
    }
  }
  return out + (decode ? "bytes" : "characters") + " in position " + std::to_string(start) + "-" +
         std::to_string(end - 1) + ": " + reason;
}

void installBytes(VM& vm) {
  vm.t.bytes->ctor = vm.newNative("bytes", c_bytes);
  vm.builtins->table.set(vm, Value::object(vm.intern("bytes")), Value::object(vm.t.bytes));
  for (TypeObj* t : {vm.t.UnicodeDecodeError, vm.t.UnicodeEncodeError}) {
    t->ctor = vm.t.UnicodeError->ctor;
    vm.builtins->table.set(vm, Value::object(vm.intern(t->name)), Value::object(t));
  }
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry methods[] = {
      {"decode", m_decode}, {"hex", m_hex}, {"startswith", m_startswith}, {"endswith", m_endswith},
      {"find", m_find}, {"join", m_join}, {"split", m_split}, {"strip", m_strip}, {"upper", m_upper},
      {"lower", m_lower}, {"replace", m_replace},
  };
  for (const Entry& e : methods) vm.addMethod(vm.t.bytes, e.name, e.fn);
}

}  // namespace py
