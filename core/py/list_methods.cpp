// list_methods.cpp: the methods of list and tuple.
#include <algorithm>

#include "core/py/vm.h"

namespace py {

#define METHOD(name) static Value name(VM& vm, NativeObj* self, CallArgs& a)

namespace {
std::vector<Value>& L(CallArgs& a) { return as<ListObj>(a.args[0])->items; }
bool need(VM& vm, CallArgs& a, const char* name, int lo, int hi) {
  int n = a.n - 1;
  if (n >= lo && n <= hi) return true;
  if (lo == hi)
    vm.raise(vm.t.TypeError, std::string(name) + "() takes exactly one argument (" + std::to_string(n) + " given)");
  else
    vm.raise(vm.t.TypeError, std::string(name) + " expected at most " + std::to_string(hi) + " argument" +
                                 (hi == 1 ? "" : "s") + ", got " + std::to_string(n));
  return false;
}
}  // namespace

METHOD(l_append) {
  if (!need(vm, a, "list.append", 1, 1)) return kError;
  L(a).push_back(a.args[1]);
  return Value::none();
}

METHOD(l_extend) {
  if (!need(vm, a, "list.extend", 1, 1)) return kError;
  std::vector<Value> items;
  if (!vm.toVector(a.args[1], items)) return kError;
  L(a).insert(L(a).end(), items.begin(), items.end());
  return Value::none();
}

METHOD(l_insert) {
  if (a.n != 3) return vm.raise(vm.t.TypeError, "insert expected 2 arguments, got " + std::to_string(a.n - 1));
  auto& items = L(a);
  std::int64_t i = intOf(a.args[1]);
  auto n = static_cast<std::int64_t>(items.size());
  if (i < 0) i = std::max<std::int64_t>(0, i + n);
  if (i > n) i = n;
  items.insert(items.begin() + i, a.args[2]);
  return Value::none();
}

METHOD(l_pop) {
  if (!need(vm, a, "pop", 0, 1)) return kError;
  auto& items = L(a);
  if (items.empty()) return vm.raise(vm.t.IndexError, "pop from empty list");
  auto n = static_cast<std::int64_t>(items.size());
  std::int64_t i = a.n == 2 ? intOf(a.args[1]) : n - 1;
  if (i < 0) i += n;
  if (i < 0 || i >= n) return vm.raise(vm.t.IndexError, "pop index out of range");
  Value v = items[static_cast<std::size_t>(i)];
  items.erase(items.begin() + i);
  return v;
}

METHOD(l_remove) {
  if (!need(vm, a, "list.remove", 1, 1)) return kError;
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
  if (a.n < 2) return vm.raise(vm.t.TypeError, "index expected at least 1 argument, got 0");
  auto n = static_cast<std::int64_t>(items.size());
  std::int64_t start = a.n >= 3 ? intOf(a.args[2]) : 0, stop = a.n >= 4 ? intOf(a.args[3]) : n;
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
METHOD(l_count) {
  if (!need(vm, a, "count", 1, 1)) return kError;
  return countImpl(vm, a, L(a));
}
METHOD(t_index) { return indexImpl(vm, a, as<TupleObj>(a.args[0])->items, "tuple"); }
METHOD(t_count) {
  if (!need(vm, a, "count", 1, 1)) return kError;
  return countImpl(vm, a, as<TupleObj>(a.args[0])->items);
}

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
  const Entry list[] = {{"append", l_append}, {"extend", l_extend}, {"insert", l_insert}, {"pop", l_pop},
                        {"remove", l_remove}, {"index", l_index},   {"count", l_count},   {"sort", l_sort},
                        {"reverse", l_reverse}, {"copy", l_copy},   {"clear", l_clear}};
  for (const Entry& e : list) vm.addMethod(vm.t.list, e.name, e.fn);
  vm.addMethod(vm.t.tuple, "index", t_index);
  vm.addMethod(vm.t.tuple, "count", t_count);
}

}  // namespace py
