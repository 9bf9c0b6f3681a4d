// dict_object.cpp: the insertion-ordered hash table behind dict and set.
#include "core/py/dict_object.h"

#include "core/py/vm.h"

namespace py {

namespace {
// Fast equality for the common key types before asking the VM.
inline int quickEq(VM& vm, Value a, Value b) {
  if (a == b) return a.isNumber() && std::isnan(a.asNumber()) ? 0 : 1;
  if (a.isObject() && b.isObject() && asPy(a)->kind == Kind::Str && asPy(b)->kind == Kind::Str)
    return as<StrObj>(a)->s == as<StrObj>(b)->s;
  return vm.equals(a, b);
}
}  // namespace

std::int64_t HashTable::find(VM& vm, Value key) const {
  std::int64_t h;
  if (!vm.hash(key, h)) return kFailed;
  return findHashed(vm, key, h);
}

std::int64_t HashTable::findHashed(VM& vm, Value key, std::int64_t hash) const {
  if (index_.empty()) return kNotFound;
  std::size_t mask = index_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  for (;;) {
    std::int32_t e = index_[i];
    if (e < 0) return kNotFound;
    const Entry& en = entries_[static_cast<std::size_t>(e)];
    if (en.hash == hash && !(en.key == kNull)) {
      if (en.key == key && !key.isNumber()) return e;
      int r = quickEq(vm, en.key, key);
      if (r < 0) return kFailed;
      if (r) return e;
    }
    i = (i + 1) & mask;
  }
}

void HashTable::rebuild(std::size_t capacity) {
  std::vector<Entry> live;
  live.reserve(used_ + 1);
  for (auto& e : entries_)
    if (!(e.key == kNull)) live.push_back(e);
  entries_ = std::move(live);
  index_.assign(capacity, -1);
  std::size_t mask = capacity - 1;
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    std::size_t i = static_cast<std::size_t>(entries_[k].hash) & mask;
    while (index_[i] >= 0) i = (i + 1) & mask;
    index_[i] = static_cast<std::int32_t>(k);
  }
}

void HashTable::setHashed(VM& vm, Value key, Value value, std::int64_t hash, std::int64_t found) {
  (void)vm;
  if (found >= 0) {
    entries_[static_cast<std::size_t>(found)].value = value;
    return;
  }
  if ((entries_.size() + 1) * 3 >= index_.size() * 2) {
    std::size_t cap = 8;
    while (cap * 2 < (used_ + 1) * 3 + 2) cap *= 2;
    rebuild(cap < 8 ? 8 : cap);
  }
  std::size_t mask = index_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  // Deleted entries keep their index slot (key kNull), so probe to a free slot.
  while (index_[i] >= 0) i = (i + 1) & mask;
  index_[i] = static_cast<std::int32_t>(entries_.size());
  entries_.push_back(Entry{key, value, hash});
  ++used_;
}

bool HashTable::set(VM& vm, Value key, Value value) {
  std::int64_t h;
  if (!vm.hash(key, h)) return false;
  std::int64_t found = findHashed(vm, key, h);
  if (found == kFailed) return false;
  setHashed(vm, key, value, h, found);
  return true;
}

int HashTable::remove(VM& vm, Value key, Value* old) {
  std::int64_t i = find(vm, key);
  if (i == kFailed) return -1;
  if (i < 0) return 0;
  if (old) *old = entries_[static_cast<std::size_t>(i)].value;
  removeAt(static_cast<std::size_t>(i));
  return 1;
}

void HashTable::removeAt(std::size_t index) {
  entries_[index].key = kNull;
  entries_[index].value = kNull;
  --used_;
  if (used_ == 0) clear();
}

void HashTable::clear() {
  entries_.clear();
  index_.clear();
  used_ = 0;
}

std::vector<std::size_t> setIterationOrder(const HashTable& table) {
  const auto& entries = table.entries();
  std::vector<std::size_t> live;
  bool numeric = true;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].key == kNull) continue;
    live.push_back(i);
    Value k = entries[i].key;
    if (!(k.isSmallInt() || k.isBool() || k.isNumber() || isKind(k, Kind::BigInt))) numeric = false;
  }
  if (!numeric || live.size() < 2) return live;
  constexpr std::size_t kLinearProbes = 9;
  constexpr int kPerturbShift = 5;
  std::vector<std::int64_t> slots(8, -1);
  std::size_t mask = 7, fill = 0;
  auto insert = [&](std::vector<std::int64_t>& tab, std::size_t m, std::size_t entry) {
    auto hash = static_cast<std::size_t>(entries[entry].hash);
    std::size_t perturb = hash;
    std::size_t i = hash & m;
    for (;;) {
      if (tab[i] < 0) {
        tab[i] = static_cast<std::int64_t>(entry);
        return;
      }
      if (i + kLinearProbes <= m) {
        for (std::size_t j = 1; j <= kLinearProbes; ++j) {
          if (tab[i + j] < 0) {
            tab[i + j] = static_cast<std::int64_t>(entry);
            return;
          }
        }
      }
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + perturb) & m;
    }
  };
  for (std::size_t e : live) {
    insert(slots, mask, e);
    ++fill;
    if (fill * 5 >= mask * 3) {
      std::size_t minused = fill > 50000 ? fill * 2 : fill * 4;
      std::size_t newsize = 8;
      while (newsize <= minused) newsize <<= 1;
      std::vector<std::int64_t> bigger(newsize, -1);
      for (std::int64_t old : slots)
        if (old >= 0) insert(bigger, newsize - 1, static_cast<std::size_t>(old));
      slots = std::move(bigger);
      mask = newsize - 1;
    }
  }
  std::vector<std::size_t> order;
  for (std::int64_t sIdx : slots)
    if (sIdx >= 0) order.push_back(static_cast<std::size_t>(sIdx));
  return order;
}

void HashTable::trace(loop::Tracer& tr) const {
  for (const Entry& e : entries_) {
    tr.visit(e.key);
    tr.visit(e.value);
  }
}

}  // namespace py
