// asyncio_callback_source.cpp: how CPython 3.11 names a callback that
// raised, for the loop's exception handler (events.Handle._run):
//
//   Exception in callback cb(1) at prog.py:3
//   handle: <Handle cb(1) at prog.py:3>
//
// as asyncio/format_helpers.py builds it: the callable's __qualname__, its
// arguments each shown by reprlib.repr (long strings, numbers and lists are
// cut short, so a student's big argument does not flood the message), and
// " at FILE:LINE" (the def line) for a plain function or a partial of one.
// Only standard error shows it, and the trace's diagnostic.
#include <algorithm>

#include "core/py/int_object.h"
#include "core/py/runtime.h"
#include "core/py/runtime/float_format.h"

namespace py {

namespace {

// reprlib.Repr's defaults (3.11).
constexpr int kMaxLevel = 6;
constexpr std::size_t kMaxItems = 6;  // maxlist, maxtuple
constexpr std::size_t kMaxString = 30;
constexpr std::size_t kMaxLong = 40;
constexpr std::size_t kMaxOther = 30;

// The byte offset of code point `n` of UTF-8 `s` (s.size() past the end).
std::size_t codePointOffset(const std::string& s, std::size_t n) {
  std::size_t i = 0;
  for (; i < s.size() && n > 0; --n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}
std::size_t codePoints(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
// s[:i] + "..." + s[len(s)-j:], in code points.
std::string cutMiddle(const std::string& s, std::size_t limit) {
  std::size_t n = codePoints(s);
  if (n <= limit) return s;
  std::size_t i = (limit - 3) / 2, j = limit - 3 - i;
  return s.substr(0, codePointOffset(s, i)) + "..." + s.substr(codePointOffset(s, n - j));
}

std::string shortRepr(VM& vm, Value v, int level);

std::string shortItems(VM& vm, const std::vector<Value>& items, int level, const char* left,
                       const char* right, bool tuple) {
  if (level <= 0 && !items.empty()) return std::string(left) + "..." + right;
  std::string s = left;
  for (std::size_t k = 0; k < items.size() && k < kMaxItems; ++k) {
    if (k > 0) s += ", ";
    s += shortRepr(vm, items[k], level - 1);
  }
  if (items.size() > kMaxItems) s += ", ...";
  if (tuple && items.size() == 1) s += ",";
  return s + right;
}

// reprlib.repr(v) for what callbacks are given: str, int, list, tuple; any
// other value is its repr cut to 30 characters (reprlib's repr_instance;
// dicts and sets included, which reprlib would also sort and shorten).
std::string shortRepr(VM& vm, Value v, int level) {
  if (isKind(v, Kind::Str) && vm.typeOf(v) == vm.t.str) {
    const std::string& s = as<StrObj>(v)->s;
    std::string r = vm.reprOf(vm.newStr(s.substr(0, codePointOffset(s, kMaxString))));
    if (codePoints(r) <= kMaxString) return r;
    std::size_t i = (kMaxString - 3) / 2, j = kMaxString - 3 - i;
    std::size_t n = codePoints(s);
    r = vm.reprOf(vm.newStr(s.substr(0, codePointOffset(s, i)) + s.substr(codePointOffset(s, n - j))));
    std::size_t rn = codePoints(r);
    return r.substr(0, codePointOffset(r, i)) + "..." + r.substr(codePointOffset(r, rn - j));
  }
  if ((v.isSmallInt() || isKind(v, Kind::BigInt)) && vm.typeOf(v) == vm.t.int_)
    return cutMiddle(vm.reprOf(v), kMaxLong);
  if (isKind(v, Kind::List) && vm.typeOf(v) == vm.t.list)
    return shortItems(vm, as<ListObj>(v)->items, level, "[", "]", false);
  if (isKind(v, Kind::Tuple) && vm.typeOf(v) == vm.t.tuple)
    return shortItems(vm, as<TupleObj>(v)->items, level, "(", ")", true);
  return cutMiddle(vm.reprOf(v), kMaxOther);
}

std::string argsText(VM& vm, const std::vector<Value>& args, DictObj* kwargs) {
  std::string s = "(";
  for (std::size_t k = 0; k < args.size(); ++k) s += (k > 0 ? ", " : "") + shortRepr(vm, args[k], kMaxLevel);
  if (kwargs) {
    for (auto& e : kwargs->table.entries()) {
      if (e.key == kNull) continue;
      if (s.size() > 1) s += ", ";
      s += vm.strOf(e.key) + "=" + shortRepr(vm, e.value, kMaxLevel);
    }
  }
  return s + ")";
}

// format_helpers._format_callback_source: "cb(1) at prog.py:3".
std::string callbackSource(VM& vm, Value fn, const std::vector<Value>& args, DictObj* kwargs,
                           const std::string& suffix) {
  if (isKind(fn, Kind::Native) && as<NativeObj>(fn)->name == "functools.partial" &&
      isKind(as<NativeObj>(fn)->data, Kind::Tuple)) {
    // partial(cb, 1)(2) reads "cb(1)(2)": the partial's own arguments first.
    auto& parts = as<TupleObj>(as<NativeObj>(fn)->data)->items;  // (func, args tuple, kwargs dict)
    return callbackSource(vm, parts[0], as<TupleObj>(parts[1])->items, as<DictObj>(parts[2]),
                          argsText(vm, args, kwargs) + suffix);
  }
  std::string name;
  std::string where;
  if (isKind(fn, Kind::Function)) {
    auto* f = as<FunctionObj>(fn);
    name = f->qualname;
    // A function of a built-in module's source has no line in the program.
    if (!f->code->builtinSource) where = " at " + vm.fileName + ":" + std::to_string(f->code->firstLine);
  } else if (isKind(fn, Kind::BoundMethod)) {
    Value func = as<BoundMethodObj>(fn)->func;
    if (isKind(func, Kind::Function))
      name = as<FunctionObj>(func)->qualname;
    else if (isKind(func, Kind::Native) && as<NativeObj>(func)->owner)
      name = qualnameOf(as<NativeObj>(func)->owner) + "." + as<NativeObj>(func)->name;
    else
      name = vm.reprOf(fn);
  } else if (isKind(fn, Kind::Native)) {
    auto* n = as<NativeObj>(fn);
    name = n->owner ? qualnameOf(n->owner) + "." + n->name : n->name;
  } else if (isKind(fn, Kind::Type)) {
    name = qualnameOf(as<TypeObj>(fn));
  } else {
    name = vm.reprOf(fn);
  }
  return name + argsText(vm, args, kwargs) + suffix + where;
}

}  // namespace

std::string Runtime::callbackErrorMessage(Value callable, std::span<const Value> args, const double* when) {
  std::vector<Value> values;
  for (Value v : args) values.push_back(vm.fromLoop(v));
  std::string source = callbackSource(vm, vm.fromLoop(callable), values, nullptr, "");
  std::string handle =
      when ? "<TimerHandle when=" + rt::floatRepr(*when) + " " + source + ">" : "<Handle " + source + ">";
  return "Exception in callback " + source + "\nhandle: " + handle;
}

}  // namespace py
