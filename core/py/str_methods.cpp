// str_methods.cpp: the methods of str (split, join, strip, format, ...).
// Case mapping and character classes are ASCII-exact and leave other code
// points unchanged (a documented limit of the subset).
#include <algorithm>
#include <cctype>

#include "core/py/bytes_object.h"
#include "core/py/method_arity.h"
#include "core/py/vm.h"

namespace py {

#define METHOD(name) static Value name(VM& vm, NativeObj* self, CallArgs& a)

namespace {

const std::string& S(CallArgs& a) { return as<StrObj>(a.args[0])->s; }

// Argument i as a str; otherwise CPython's TypeError, "<what>must be str,
// not <type>" (`what` is e.g. "replace() argument 1 " or empty).
bool strArg(VM& vm, CallArgs& a, int i, std::string& out, const char* what) {
  if (i >= a.n) return false;
  if (!isKind(a.args[i], Kind::Str)) {
    const std::string type = a.args[i].isNone() ? "None" : vm.typeName(a.args[i]);
    vm.raise(vm.t.TypeError, std::string(what) + "must be str, not " + (*what ? type : vm.typeName(a.args[i])));
    return false;
  }
  out = as<StrObj>(a.args[i])->s;
  return true;
}

bool isSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

Value stripImpl(VM& vm, CallArgs& a, bool left, bool right) {
  const std::string& s = S(a);
  std::string chars;
  bool custom = a.n >= 2 && !a.args[1].isNone();
  if (custom && !isKind(a.args[1], Kind::Str))
    return vm.raise(vm.t.TypeError, std::string(left && right ? "strip" : left ? "lstrip" : "rstrip") +
                                        " arg must be None or str");
  if (custom) chars = as<StrObj>(a.args[1])->s;
  auto strip = [&](unsigned char c) { return custom ? chars.find(static_cast<char>(c)) != std::string::npos : isSpace(c); };
  std::size_t b = 0, e = s.size();
  if (left)
    while (b < e && strip(static_cast<unsigned char>(s[b]))) ++b;
  if (right)
    while (e > b && strip(static_cast<unsigned char>(s[e - 1]))) --e;
  return vm.newStr(s.substr(b, e - b));
}

std::int64_t cpIndexOfByte(const StrObj* s, std::size_t byte) {
  if (s->ascii) return static_cast<std::int64_t>(byte);
  std::int64_t n = 0;
  for (std::size_t i = 0; i < byte; ++i)
    if ((static_cast<unsigned char>(s->s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

// Optional start/end arguments as byte offsets.
void range(CallArgs& a, int first, const StrObj* s, std::size_t& b, std::size_t& e) {
  auto len = static_cast<std::int64_t>(s->length);
  std::int64_t start = 0, end = len;
  if (a.n > first && isIntLike(a.args[first])) start = intOf(a.args[first]);
  if (a.n > first + 1 && isIntLike(a.args[first + 1])) end = intOf(a.args[first + 1]);
  if (start < 0) start = std::max<std::int64_t>(0, start + len);
  if (end < 0) end = std::max<std::int64_t>(0, end + len);
  start = std::min(start, len);
  end = std::min(end, len);
  b = s->byteOffset(static_cast<std::size_t>(start));
  e = s->byteOffset(static_cast<std::size_t>(std::max(start, end)));
}

}  // namespace

METHOD(s_split) {
  const std::string& s = S(a);
  Value sepV = a.n >= 2 ? a.args[1] : a.kw("sep");
  Value maxV = a.n >= 3 ? a.args[2] : a.kw("maxsplit");
  std::int64_t maxsplit = -1;
  if (maxV != kNull && !indexArg(vm, maxV, maxsplit)) return kError;
  std::vector<Value> out;
  if (sepV == kNull || sepV.isNone()) {
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && isSpace(static_cast<unsigned char>(s[i]))) ++i;
      if (i >= s.size()) break;
      if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit) {
        std::size_t e = s.size();
        while (e > i && isSpace(static_cast<unsigned char>(s[e - 1]))) --e;
        out.push_back(vm.newStr(s.substr(i, e - i)));
        break;
      }
      std::size_t j = i;
      while (j < s.size() && !isSpace(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back(vm.newStr(s.substr(i, j - i)));
      i = j;
    }
    return vm.newList(std::move(out));
  }
  if (!isKind(sepV, Kind::Str)) return vm.raise(vm.t.TypeError, "must be str or None, not " + vm.typeName(sepV));
  const std::string& sep = as<StrObj>(sepV)->s;
  if (sep.empty()) return vm.raise(vm.t.ValueError, "empty separator");
  std::size_t i = 0;
  for (;;) {
    std::size_t j = s.find(sep, i);
    if (j == std::string::npos || (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit)) {
      out.push_back(vm.newStr(s.substr(i)));
      break;
    }
    out.push_back(vm.newStr(s.substr(i, j - i)));
    i = j + sep.size();
  }
  return vm.newList(std::move(out));
}

METHOD(s_rsplit) {
  const std::string& s = S(a);
  Value sepV = a.n >= 2 ? a.args[1] : a.kw("sep");
  Value maxV = a.n >= 3 ? a.args[2] : a.kw("maxsplit");
  std::int64_t maxsplit = -1;
  if (maxV != kNull && !indexArg(vm, maxV, maxsplit)) return kError;
  if (sepV != kNull && !sepV.isNone() && !isKind(sepV, Kind::Str))
    return vm.raise(vm.t.TypeError, "must be str or None, not " + vm.typeName(sepV));
  if (maxsplit < 0) return s_split(vm, self, a);
  std::vector<Value> out;
  if (sepV == kNull || sepV.isNone()) {
    std::int64_t e = static_cast<std::int64_t>(s.size());
    while (e > 0) {
      while (e > 0 && isSpace(static_cast<unsigned char>(s[static_cast<std::size_t>(e - 1)]))) --e;
      if (e == 0) break;
      if (static_cast<std::int64_t>(out.size()) == maxsplit) {
        std::size_t b = 0;
        while (b < static_cast<std::size_t>(e) && isSpace(static_cast<unsigned char>(s[b]))) ++b;
        out.push_back(vm.newStr(s.substr(b, static_cast<std::size_t>(e) - b)));
        break;
      }
      std::int64_t b = e;
      while (b > 0 && !isSpace(static_cast<unsigned char>(s[static_cast<std::size_t>(b - 1)]))) --b;
      out.push_back(vm.newStr(s.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b))));
      e = b;
    }
  } else {
    const std::string& sep = as<StrObj>(sepV)->s;
    std::size_t end = s.size();
    for (;;) {
      std::size_t j = end >= sep.size() ? s.rfind(sep, end - sep.size()) : std::string::npos;
      if (j == std::string::npos || static_cast<std::int64_t>(out.size()) == maxsplit) {
        out.push_back(vm.newStr(s.substr(0, end)));
        break;
      }
      out.push_back(vm.newStr(s.substr(j + sep.size(), end - j - sep.size())));
      end = j;
    }
  }
  std::reverse(out.begin(), out.end());
  return vm.newList(std::move(out));
}

METHOD(s_join) {
  std::vector<Value> items;
  if (!vm.toVector(a.args[1], items)) return kError;
  const std::string& sep = S(a);
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!isKind(items[i], Kind::Str))
      return vm.raise(vm.t.TypeError, "sequence item " + std::to_string(i) + ": expected str instance, " +
                                          vm.typeName(items[i]) + " found");
    if (i) out += sep;
    out += as<StrObj>(items[i])->s;
  }
  return vm.newStr(std::move(out));
}

METHOD(s_strip) { return stripImpl(vm, a, true, true); }
METHOD(s_lstrip) { return stripImpl(vm, a, true, false); }
METHOD(s_rstrip) { return stripImpl(vm, a, false, true); }

METHOD(s_replace) {
  std::string from, to;
  if (!strArg(vm, a, 1, from, "replace() argument 1 ") || !strArg(vm, a, 2, to, "replace() argument 2 "))
    return vm.pending == kNull ? vm.raise(vm.t.TypeError, "replace expected 2 arguments") : kError;
  std::int64_t count = a.n >= 4 && isIntLike(a.args[3]) ? intOf(a.args[3]) : -1;
  const std::string& s = S(a);
  std::string out;
  if (from.empty()) {
    std::size_t i = 0;
    std::int64_t n = 0;
    while (i <= s.size()) {
      if (count < 0 || n < count) {
        out += to;
        ++n;
      }
      if (i == s.size()) break;
      std::size_t j = i;
      decodeUtf8(s, j);
      out.append(s, i, j - i);
      i = j;
    }
    return vm.newStr(std::move(out));
  }
  std::size_t i = 0;
  std::int64_t n = 0;
  for (;;) {
    std::size_t j = s.find(from, i);
    if (j == std::string::npos || (count >= 0 && n >= count)) {
      out.append(s, i, std::string::npos);
      break;
    }
    out.append(s, i, j - i);
    out += to;
    i = j + from.size();
    ++n;
  }
  return vm.newStr(std::move(out));
}

static Value mapChars(VM& vm, CallArgs& a, int (*fn)(int)) {
  std::string s = S(a);
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(fn(static_cast<unsigned char>(c)));
  return vm.newStr(std::move(s));
}
METHOD(s_upper) { return mapChars(vm, a, [](int c) { return std::toupper(c); }); }
METHOD(s_lower) { return mapChars(vm, a, [](int c) { return std::tolower(c); }); }
METHOD(s_swapcase) {
  return mapChars(vm, a, [](int c) { return std::isupper(c) ? std::tolower(c) : std::toupper(c); });
}
METHOD(s_title) {
  std::string s = S(a);
  bool prevCased = false;
  for (char& ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      ch = static_cast<char>(prevCased ? std::tolower(c) : std::toupper(c));
      prevCased = true;
    } else {
      prevCased = false;
    }
  }
  return vm.newStr(std::move(s));
}
METHOD(s_capitalize) {
  std::string s = S(a);
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) s[i] = static_cast<char>(i == 0 ? std::toupper(c) : std::tolower(c));
  }
  return vm.newStr(std::move(s));
}

static Value affix(VM& vm, CallArgs& a, bool start) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "startswith expected at least 1 argument, got 0");
  const StrObj* so = as<StrObj>(a.args[0]);
  std::size_t b, e;
  range(a, 2, so, b, e);
  std::string_view s = std::string_view(so->s).substr(b, e - b);
  std::vector<Value> options;
  if (isKind(a.args[1], Kind::Tuple)) options = as<TupleObj>(a.args[1])->items;
  else options.push_back(a.args[1]);
  for (Value o : options) {
    if (!isKind(o, Kind::Str))
      return vm.raise(vm.t.TypeError, std::string(start ? "startswith" : "endswith") +
                                          " first arg must be str or a tuple of str, not " + vm.typeName(o));
    const std::string& p = as<StrObj>(o)->s;
    if (p.size() <= s.size() && (start ? s.substr(0, p.size()) == p : s.substr(s.size() - p.size()) == p))
      return Value::boolean(true);
  }
  return Value::boolean(false);
}
METHOD(s_startswith) { return affix(vm, a, true); }
METHOD(s_endswith) { return affix(vm, a, false); }

static Value findImpl(VM& vm, CallArgs& a, bool reverse, bool raise) {
  std::string sub;
  if (!strArg(vm, a, 1, sub, "")) return vm.pending != kNull ? kError : vm.raise(vm.t.TypeError, "find expected an argument");
  const StrObj* so = as<StrObj>(a.args[0]);
  std::size_t b, e;
  range(a, 2, so, b, e);
  std::string_view s = std::string_view(so->s).substr(b, e - b);
  std::size_t pos = reverse ? s.rfind(sub) : s.find(sub);
  if (pos == std::string::npos) {
    if (raise) return vm.raise(vm.t.ValueError, "substring not found");
    return Value::smallInt(-1);
  }
  return vm.newInt(cpIndexOfByte(so, b + pos));
}
METHOD(s_find) { return findImpl(vm, a, false, false); }
METHOD(s_rfind) { return findImpl(vm, a, true, false); }
METHOD(s_index) { return findImpl(vm, a, false, true); }
METHOD(s_rindex) { return findImpl(vm, a, true, true); }

METHOD(s_count) {
  std::string sub;
  if (!strArg(vm, a, 1, sub, "")) return kError;
  const StrObj* so = as<StrObj>(a.args[0]);
  std::size_t b, e;
  range(a, 2, so, b, e);
  std::string_view s = std::string_view(so->s).substr(b, e - b);
  if (sub.empty()) return vm.newInt(static_cast<std::int64_t>(utf8Length(s, nullptr)) + 1);
  std::int64_t n = 0;
  for (std::size_t i = s.find(sub); i != std::string::npos; i = s.find(sub, i + sub.size())) ++n;
  return vm.newInt(n);
}

// A result `width` code points wide must fit the memory budget.
static bool widthFits(VM& vm, std::int64_t width, std::size_t bytesEach) {
  if (width > 0 && (static_cast<std::size_t>(width) > vm.heap.limit() / bytesEach ||
                    !vm.heap.admits(static_cast<std::size_t>(width) * bytesEach))) {
    vm.raise(vm.t.MemoryError, "");
    return false;
  }
  return true;
}

static Value padImpl(VM& vm, CallArgs& a, int where) {
  const StrObj* so = as<StrObj>(a.args[0]);
  std::int64_t width = 0;
  if (!indexArg(vm, a.args[1], width)) return kError;
  std::string fill = " ";
  if (a.n >= 3) {
    if (!isKind(a.args[2], Kind::Str))
      return vm.raise(vm.t.TypeError, "The fill character must be a unicode character, not " + vm.typeName(a.args[2]));
    if (as<StrObj>(a.args[2])->length != 1)
      return vm.raise(vm.t.TypeError, "The fill character must be exactly one character long");
    fill = as<StrObj>(a.args[2])->s;
  }
  auto len = static_cast<std::int64_t>(so->length);
  if (width <= len) return a.args[0];
  if (!widthFits(vm, width, fill.size())) return kError;
  std::int64_t total = width - len;
  std::int64_t left = where == 0 ? 0 : where == 2 ? total : (total / 2 + (total & width & 1));
  std::int64_t right = total - left;
  std::string out;
  for (std::int64_t i = 0; i < left; ++i) out += fill;
  out += so->s;
  for (std::int64_t i = 0; i < right; ++i) out += fill;
  return vm.newStr(std::move(out));
}
METHOD(s_ljust) { return padImpl(vm, a, 0); }
METHOD(s_center) { return padImpl(vm, a, 1); }
METHOD(s_rjust) { return padImpl(vm, a, 2); }

METHOD(s_zfill) {
  const StrObj* so = as<StrObj>(a.args[0]);
  std::int64_t width = 0;
  if (!indexArg(vm, a.args[1], width)) return kError;
  auto len = static_cast<std::int64_t>(so->length);
  if (width <= len) return a.args[0];
  if (!widthFits(vm, width, 1)) return kError;
  std::string s = so->s;
  std::string sign;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s.substr(0, 1);
    s = s.substr(1);
  }
  return vm.newStr(sign + std::string(static_cast<std::size_t>(width - len), '0') + s);
}

static Value classify(VM& vm, CallArgs& a, int (*fn)(int), bool needCased = false) {
  const std::string& s = S(a);
  if (s.empty()) return Value::boolean(false);
  bool cased = false;
  for (unsigned char c : s) {
    if (c >= 0x80) return Value::boolean(false);
    if (!fn(c)) return Value::boolean(false);
    if (std::isalpha(c)) cased = true;
  }
  return Value::boolean(!needCased || cased);
}
METHOD(s_isdigit) { return classify(vm, a, [](int c) { return std::isdigit(c); }); }
METHOD(s_isalpha) { return classify(vm, a, [](int c) { return std::isalpha(c); }); }
METHOD(s_isalnum) { return classify(vm, a, [](int c) { return std::isalnum(c); }); }
METHOD(s_isspace) { return classify(vm, a, [](int c) { return isSpace(static_cast<unsigned char>(c)) ? 1 : 0; }); }
METHOD(s_isupper) { return classify(vm, a, [](int c) { return std::isalpha(c) ? std::isupper(c) : 1; }, true); }
METHOD(s_islower) { return classify(vm, a, [](int c) { return std::isalpha(c) ? std::islower(c) : 1; }, true); }

METHOD(s_splitlines) {
  const std::string& s = S(a);
  std::int64_t keepInt = 0;
  Value keepV = a.n >= 2 ? a.args[1] : a.kw("keepends");
  if (keepV != kNull && !indexArg(vm, keepV, keepInt)) return kError;
  bool keep = keepInt != 0;
  std::vector<Value> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
    std::size_t eol = j;
    if (j < s.size()) {
      if (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') j += 2;
      else ++j;
    }
    out.push_back(vm.newStr(s.substr(i, (keep ? j : eol) - i)));
    i = j;
  }
  return vm.newList(std::move(out));
}

METHOD(s_encode) {
  Value encoding = a.n > 1 ? a.args[1] : a.kw("encoding");
  Value errors = a.n > 2 ? a.args[2] : a.kw("errors");
  for (Value v : {encoding, errors})
    if (v != kNull && !isKind(v, Kind::Str))
      return vm.raise(vm.t.TypeError, std::string("encode() argument '") + (v == encoding ? "encoding" : "errors") +
                                          "' must be str, not " + vm.typeName(v));
  return strEncode(vm, a.args[0], encoding, errors);
}

METHOD(s_expandtabs) {
  std::int64_t tab = 8;
  Value tabV = a.n >= 2 ? a.args[1] : a.kw("tabsize");
  if (tabV != kNull && !indexArg(vm, tabV, tab)) return kError;
  const std::string& s = S(a);
  std::string out;
  std::int64_t col = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    std::uint32_t cp = decodeUtf8(s, i);
    if (cp == '\t') {
      if (tab > 0) {
        std::int64_t n = tab - col % tab;
        out.append(static_cast<std::size_t>(n), ' ');
        col += n;
      }
    } else if (cp == '\n' || cp == '\r') {
      out += static_cast<char>(cp);
      col = 0;
    } else {
      out.append(s, start, i - start);
      ++col;
    }
  }
  return vm.newStr(std::move(out));
}

METHOD(s_partition) {
  std::string sep;
  if (!strArg(vm, a, 1, sep, "")) return kError;
  const std::string& s = S(a);
  std::size_t i = s.find(sep);
  if (i == std::string::npos) return vm.newTuple({a.args[0], vm.newStr(""), vm.newStr("")});
  return vm.newTuple({vm.newStr(s.substr(0, i)), a.args[1], vm.newStr(s.substr(i + sep.size()))});
}

METHOD(s_removeprefix) {
  std::string p;
  if (!strArg(vm, a, 1, p, "removeprefix() argument ")) return kError;
  const std::string& s = S(a);
  if (s.compare(0, p.size(), p) == 0) return vm.newStr(s.substr(p.size()));
  return a.args[0];
}

METHOD(s_removesuffix) {
  std::string p;
  if (!strArg(vm, a, 1, p, "removesuffix() argument ")) return kError;
  const std::string& s = S(a);
  if (!p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0)
    return vm.newStr(s.substr(0, s.size() - p.size()));
  return a.args[0];
}

// str.format: {} {0} {name} {x.attr} {x[0]} with !r/!s and format specs.
METHOD(s_format) {
  const std::string& f = S(a);
  std::string out;
  std::size_t autoIndex = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    if (c == '}') {
      if (i + 1 < f.size() && f[i + 1] == '}') ++i;
      else return vm.raise(vm.t.ValueError, "Single '}' encountered in format string");
      out += '}';
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < f.size() && f[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    std::size_t depth = 1, j = i + 1;
    while (j < f.size() && depth > 0) {
      if (f[j] == '{') ++depth;
      if (f[j] == '}') --depth;
      if (depth > 0) ++j;
    }
    if (j >= f.size()) return vm.raise(vm.t.ValueError, "Single '{' encountered in format string");
    std::string field = f.substr(i + 1, j - i - 1);
    i = j;
    std::string spec, conv;
    std::size_t colon = field.find(':');
    if (colon != std::string::npos) {
      spec = field.substr(colon + 1);
      field = field.substr(0, colon);
    }
    std::size_t bang = field.find('!');
    if (bang != std::string::npos) {
      conv = field.substr(bang + 1);
      field = field.substr(0, bang);
    }
    std::size_t k = 0;
    while (k < field.size() && field[k] != '.' && field[k] != '[') ++k;
    std::string head = field.substr(0, k);
    Value v;
    if (head.empty()) {
      if (autoIndex + 1 >= static_cast<std::size_t>(a.n))
        return vm.raise(vm.t.IndexError, "Replacement index " + std::to_string(autoIndex) + " out of range for positional args tuple");
      v = a.args[1 + autoIndex++];
    } else if (std::isdigit(static_cast<unsigned char>(head[0]))) {
      std::size_t idx = std::stoul(head);
      if (idx + 1 >= static_cast<std::size_t>(a.n))
        return vm.raise(vm.t.IndexError, "Replacement index " + head + " out of range for positional args tuple");
      v = a.args[1 + idx];
    } else {
      v = a.kw(head.c_str());
      if (v == kNull) {
        vm.pending = Value::object(vm.newException(vm.t.KeyError, {vm.newStr(head)}));
        return kError;
      }
    }
    while (k < field.size()) {
      if (field[k] == '.') {
        std::size_t e = k + 1;
        while (e < field.size() && field[e] != '.' && field[e] != '[') ++e;
        v = vm.getAttr(v, vm.intern(field.substr(k + 1, e - k - 1)));
        if (v == kError) return kError;
        k = e;
      } else {
        std::size_t e = field.find(']', k);
        std::string key = field.substr(k + 1, e - k - 1);
        Value kv = !key.empty() && std::all_of(key.begin(), key.end(), ::isdigit) ? vm.newInt(std::stoll(key)) : vm.newStr(key);
        v = vm.getItem(v, kv);
        if (v == kError) return kError;
        k = e + 1;
      }
    }
    if (conv == "r") v = vm.repr(v);
    else if (conv == "s") v = vm.str(v);
    if (v == kError) return kError;
    if (spec.find('{') != std::string::npos) {
      CallArgs sub = a;
      Value specStr = vm.newStr(spec);
      std::vector<Value> args(a.args, a.args + a.n);
      args[0] = specStr;
      sub.args = args.data();
      Value r = s_format(vm, self, sub);
      if (r == kError) return kError;
      spec = as<StrObj>(r)->s;
    }
    Value r = vm.format(v, spec);
    if (r == kError) return kError;
    out += as<StrObj>(r)->s;
  }
  return vm.newStr(std::move(out));
}

#undef METHOD

void installStrMethods(VM& vm) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  using S = ArgStyle;
  const Entry methods[] = {
      {"split", checked<s_split, S::Classic, 0, 2>},
      {"rsplit", checked<s_rsplit, S::Classic, 0, 2>},
      {"join", checked<s_join, S::One, 1>},
      {"strip", checked<s_strip, S::Clinic, 0, 1>},
      {"lstrip", checked<s_lstrip, S::Clinic, 0, 1>},
      {"rstrip", checked<s_rstrip, S::Clinic, 0, 1>},
      {"replace", checked<s_replace, S::Clinic, 2, 3>},
      {"upper", checked<s_upper, S::NoArgs>},
      {"lower", checked<s_lower, S::NoArgs>},
      {"swapcase", checked<s_swapcase, S::NoArgs>},
      {"title", checked<s_title, S::NoArgs>},
      {"capitalize", checked<s_capitalize, S::NoArgs>},
      {"startswith", checked<s_startswith, S::Classic, 1, 3>},
      {"endswith", checked<s_endswith, S::Classic, 1, 3>},
      {"find", checked<s_find, S::Classic, 1, 3>},
      {"rfind", checked<s_rfind, S::Classic, 1, 3>},
      {"index", checked<s_index, S::Classic, 1, 3>},
      {"rindex", checked<s_rindex, S::Classic, 1, 3>},
      {"count", checked<s_count, S::Classic, 1, 3>},
      {"ljust", checked<s_ljust, S::Clinic, 1, 2>},
      {"center", checked<s_center, S::Clinic, 1, 2>},
      {"rjust", checked<s_rjust, S::Clinic, 1, 2>},
      {"zfill", checked<s_zfill, S::One, 1>},
      {"isdigit", checked<s_isdigit, S::NoArgs>},
      {"isnumeric", checked<s_isdigit, S::NoArgs>},
      {"isdecimal", checked<s_isdigit, S::NoArgs>},
      {"isalpha", checked<s_isalpha, S::NoArgs>},
      {"isalnum", checked<s_isalnum, S::NoArgs>},
      {"isspace", checked<s_isspace, S::NoArgs>},
      {"isupper", checked<s_isupper, S::NoArgs>},
      {"islower", checked<s_islower, S::NoArgs>},
      {"splitlines", checked<s_splitlines, S::Classic, 0, 1>},
      {"encode", checked<s_encode, S::Classic, 0, 2>},
      {"expandtabs", checked<s_expandtabs, S::Classic, 0, 1>},
      {"format", s_format},  // any arguments
      {"partition", checked<s_partition, S::One, 1>},
      {"removeprefix", checked<s_removeprefix, S::One, 1>},
      {"removesuffix", checked<s_removesuffix, S::One, 1>},
  };
  for (const Entry& e : methods) vm.addMethod(vm.t.str, e.name, e.fn);
}

}  // namespace py
