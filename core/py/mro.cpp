// mro.cpp: C3 linearisation (see mro.h), as CPython 3.11's
// mro_implementation and set_mro_error do it, messages included.
#include "core/py/mro.h"

#include <algorithm>
#include <string>

#include "core/py/vm.h"

namespace py {

bool computeMro(VM& vm, TypeObj* ty, const std::vector<TypeObj*>& bases) {
  for (std::size_t i = 0; i < bases.size(); ++i)
    for (std::size_t j = i + 1; j < bases.size(); ++j)
      if (bases[i] == bases[j]) {
        vm.raise(vm.t.TypeError, "duplicate base class " + bases[i]->name);
        return false;
      }
  // The lists to merge: each base's MRO, then the bases themselves.
  std::vector<std::vector<TypeObj*>> lists;
  for (TypeObj* b : bases) lists.push_back(b->mro);
  lists.push_back(bases);
  std::vector<std::size_t> next(lists.size(), 0);
  auto inTail = [&](TypeObj* c) {
    for (std::size_t i = 0; i < lists.size(); ++i)
      for (std::size_t k = next[i] + 1; k < lists[i].size(); ++k)
        if (lists[i][k] == c) return true;
    return false;
  };
  std::vector<TypeObj*> mro{ty};
  for (;;) {
    bool empty = true;
    TypeObj* chosen = nullptr;
    for (std::size_t i = 0; i < lists.size(); ++i) {
      if (next[i] >= lists[i].size()) continue;
      empty = false;
      TypeObj* head = lists[i][next[i]];
      if (!inTail(head)) {
        chosen = head;
        break;
      }
    }
    if (empty) break;
    if (!chosen) {
      // CPython names each remaining list's head once, in list order.
      std::vector<TypeObj*> heads;
      for (std::size_t i = 0; i < lists.size(); ++i)
        if (next[i] < lists[i].size() && std::find(heads.begin(), heads.end(), lists[i][next[i]]) == heads.end())
          heads.push_back(lists[i][next[i]]);
      std::string names;
      for (TypeObj* h : heads) names += (names.empty() ? "" : ", ") + h->name;
      vm.raise(vm.t.TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
      return false;
    }
    mro.push_back(chosen);
    for (std::size_t i = 0; i < lists.size(); ++i)
      if (next[i] < lists[i].size() && lists[i][next[i]] == chosen) ++next[i];
  }
  ty->mro = std::move(mro);
  return true;
}

}  // namespace py
