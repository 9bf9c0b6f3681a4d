// dict_object.h: Python dict and set: insertion-ordered hash tables.
//
// Like CPython's compact dict: entries in insertion order (deleted ones
// become holes, compacted on growth) plus an open-addressing index table.
// Hashing and equality follow Python's rules (1 == 1.0 == True hash alike)
// and may call user __hash__/__eq__, so lookups take the VM and can fail
// (a Python exception is then pending in the VM).
#pragma once

#include <cstdint>
#include <vector>

#include "core/py/object.h"

namespace py {

class VM;

class HashTable {
 public:
  struct Entry {
    Value key;  // kNull marks a deleted entry
    Value value;
    std::int64_t hash;
  };
  static constexpr std::int64_t kNotFound = -1;
  static constexpr std::int64_t kFailed = -2;

  // Index into entries() of `key`, kNotFound, or kFailed (exception pending).
  std::int64_t find(VM& vm, Value key) const;
  std::int64_t findHashed(VM& vm, Value key, std::int64_t hash) const;
  // false only on failure (unhashable key, __eq__ raised).
  bool set(VM& vm, Value key, Value value);
  void setHashed(VM& vm, Value key, Value value, std::int64_t hash, std::int64_t found);
  // 1 removed, 0 absent, -1 failed. The removed value is stored in *old.
  int remove(VM& vm, Value key, Value* old = nullptr);
  void removeAt(std::size_t index);
  void clear();

  std::size_t size() const { return used_; }
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& entries() { return entries_; }
  void trace(loop::Tracer& tr) const;
  std::size_t extraBytes() const { return entries_.capacity() * sizeof(Entry) + index_.capacity() * 4; }

 private:
  void rebuild(std::size_t capacity);
  std::vector<Entry> entries_;
  std::vector<std::int32_t> index_;  // -1 empty; else an entry index
  std::size_t used_ = 0;
};

// The order CPython 3.11 iterates a set holding these entries, when every
// key hashes deterministically (numbers): its open-addressing table replayed
// (setobject.c: linear probes, perturbation, resize at 3/5 full). For other
// keys (str hashes are randomised, objects hash by address) insertion order.
std::vector<std::size_t> setIterationOrder(const HashTable& table);

class DictObj : public PyObj {
 public:
  explicit DictObj(TypeObj* t) : PyObj(t, Kind::Dict) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    table.trace(tr);
  }
  std::size_t extraBytes() const override { return table.extraBytes(); }
  HashTable table;
};

class SetObj : public PyObj {
 public:
  SetObj(TypeObj* t, bool frozen) : PyObj(t, frozen ? Kind::FrozenSet : Kind::Set) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    table.trace(tr);
  }
  std::size_t extraBytes() const override { return table.extraBytes(); }
  HashTable table;  // values unused (None)
};

}  // namespace py
