// list_methods.cpp: the methods of list and tuple.
#include <algorithm>

#include "core/py/method_arity.h"
#include "core/py/vm.h"

namespace py {

#define METHOD(name) static Value name(VM& vm, NativeObj* self, CallArgs& a)

namespace {
std::vector<Value>& L(CallArgs& a) { return as<ListObj>(a.args[0])->items; }
}  // namespace

METHOD(l_append) {
  L(a).push_back(a.args[1]);
  return Value::none();
}

METHOD(l_extend) {
  std::vector<Value> items;
  if (!vm.toVector(a.args[1], items)) return kError;
  L(a).insert(L(a).end(), items.begin(), items.end());
  return Value::none();
}

METHOD(l_insert) {
  auto& items = L(a);
  std::int64_t i = 0;
  if (!indexArg(vm, a.args[1], i)) return kError;
  auto n = static_cast<std::int64_t>(items.size());
  if (i < 0) i = std::max<std::int64_t>(0, i + n);
  if (i > n) i = n;
  items.insert(items.begin() + i, a.args[2]);
  return Value::none();
}

METHOD(l_pop) {
  auto& items = L(a);
  auto n = static_cast<std::int64_t>(items.size());
  std::int64_t i = n - 1;
  if (a.n == 2 && !indexArg(vm, a.args[1], i)) return kError;
  if (items.empty()) return vm.raise(vm.t.IndexError, "pop from empty list");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return vm.raise(vm.t.IndexError, "pop index out of range");
  Value v = items[static_cast<std::size_t>(i)];
  items.erase(items.begin() + i);
  return v;
}

METHOD(l_remove) {
  auto& items = L(a);
  for (std::size_t i = 0; i < items.size(); ++i) {
    int r = vm.equals(items[i], a.args[1]);
    if (r < 0) return kError;
    if (r) {
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
      return Value::none();
    }
  }
  return vm.raise(vm.t.ValueError, "list.remove(x): x not in list");
}

static Value indexImpl(VM& vm, CallArgs& a, const std::vector<Value>& items, const char* what) {
  auto n = static_cast<std::int64_t>(items.size());
  std::int64_t start = 0, stop = n;
  if (a.n >= 3 && !sliceIndexArg(vm, a.args[2], start)) return kError;
  if (a.n >= 4 && !sliceIndexArg(vm, a.args[3], stop)) return kError;
  if (start < 0) start = std::max<std::int64_t>(0, start + n);
  if (stop < 0) stop = std::max<std::int64_t>(0, stop + n);
  for (std::int64_t i = start; i < std::min(stop, n); ++i) {
    int r = vm.equals(items[static_cast<std::size_t>(i)], a.args[1]);
    if (r < 0) return kError;
    if (r) return vm.newInt(i);
  }
  if (std::string(what) == "list") return vm.raise(vm.t.ValueError, vm.reprOf(a.args[1]) + " is not in list");
  return vm.raise(vm.t.ValueError, "tuple.index(x): x not in tuple");
}

static Value countImpl(VM& vm, CallArgs& a, const std::vector<Value>& items) {
  std::int64_t n = 0;
  for (Value v : items) {
    int r = vm.equals(v, a.args[1]);
    if (r < 0) return kError;
    n += r;
  }
  return vm.newInt(n);
}

METHOD(l_index) { return indexImpl(vm, a, L(a), "list"); }
METHOD(l_count) { return countImpl(vm, a, L(a)); }
METHOD(t_index) { return indexImpl(vm, a, as<TupleObj>(a.args[0])->items, "tuple"); }
METHOD(t_count) { return countImpl(vm, a, as<TupleObj>(a.args[0])->items); }

METHOD(l_sort) {
  if (a.n != 1) return vm.raise(vm.t.TypeError, "sort() takes no positional arguments");
  std::vector<Value> items = L(a);
  Value rev = a.kw("reverse");
  int r = rev == kNull ? 0 : vm.truthy(rev);
  if (r < 0) return kError;
  // CPython empties the list while sorting; sort a copy and write it back.
  if (!sortValues(vm, items, a.kw("key"), r == 1)) return kError;
  L(a) = std::move(items);
  return Value::none();
}

METHOD(l_reverse) {
  std::reverse(L(a).begin(), L(a).end());
  return Value::none();
}

METHOD(l_copy) { return vm.newList(L(a)); }

METHOD(l_clear) {
  L(a).clear();
  return Value::none();
}

#undef METHOD

void installListMethods(VM& vm) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  using S = ArgStyle;
  const Entry list[] = {{"append", checked<l_append, S::One, 1>},
                        {"extend", checked<l_extend, S::One, 1>},
                        {"insert", checked<l_insert, S::Clinic, 2>},
                        {"pop", checked<l_pop, S::Clinic, 0, 1>},
                        {"remove", checked<l_remove, S::One, 1>},
                        {"index", checked<l_index, S::Clinic, 1, 3>},
                        {"count", checked<l_count, S::One, 1>},
                        {"sort", l_sort},  // keyword-only: its own message
                        {"reverse", checked<l_reverse, S::NoArgs>},
                        {"copy", checked<l_copy, S::NoArgs>},
                        {"clear", checked<l_clear, S::NoArgs>}};
  for (const Entry& e : list) vm.addMethod(vm.t.list, e.name, e.fn);
  vm.addMethod(vm.t.tuple, "index", checked<t_index, S::Clinic, 1, 3>);
  vm.addMethod(vm.t.tuple, "count", checked<t_count, S::One, 1>);
}

}  // namespace py
