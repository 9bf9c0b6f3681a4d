// containers.h: list, tuple, range, slice, cell and module objects.
//
// Plain data: the behaviour lives in the VM's operators and in the method
// tables (list_methods.cpp, ...). Tuples are immutable by convention.
#pragma once

#include <vector>

#include "core/py/object.h"

namespace py {

class ListObj : public PyObj {
 public:
  explicit ListObj(TypeObj* t) : PyObj(t, Kind::List) {}
  ListObj(TypeObj* t, std::vector<Value> v) : PyObj(t, Kind::List), items(std::move(v)) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    for (Value v : items) tr.visit(v);
  }
  std::size_t extraBytes() const override { return items.capacity() * sizeof(Value); }
  std::vector<Value> items;
};

class TupleObj : public PyObj {
 public:
  explicit TupleObj(TypeObj* t) : PyObj(t, Kind::Tuple) {}
  TupleObj(TypeObj* t, std::vector<Value> v) : PyObj(t, Kind::Tuple), items(std::move(v)) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    for (Value v : items) tr.visit(v);
  }
  std::size_t extraBytes() const override { return items.capacity() * sizeof(Value); }
  std::vector<Value> items;
};

class RangeObj : public PyObj {
 public:
  RangeObj(TypeObj* t, std::int64_t a, std::int64_t b, std::int64_t c)
      : PyObj(t, Kind::Range), start(a), stop(b), step(c) {}
  std::int64_t length() const {
    if (step > 0) return start < stop ? (stop - start + step - 1) / step : 0;
    return start > stop ? (start - stop - step - 1) / (-step) : 0;
  }
  std::int64_t start, stop, step;
};

class SliceObj : public PyObj {
 public:
  SliceObj(TypeObj* t, Value a, Value b, Value c) : PyObj(t, Kind::Slice), start(a), stop(b), step(c) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    tr.visit(start);
    tr.visit(stop);
    tr.visit(step);
  }
  Value start, stop, step;
};

// A closure cell: a variable shared between a function and its inner functions.
class CellObj : public PyObj {
 public:
  explicit CellObj(TypeObj* t) : PyObj(t, Kind::Cell), value(kNull) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    tr.visit(value);
  }
  Value value;  // kNull while unbound
};

class ModuleObj : public PyObj {
 public:
  ModuleObj(TypeObj* t, std::string n, DictObj* d) : PyObj(t, Kind::Module), name(std::move(n)), dict(d) {}
  void trace(loop::Tracer& tr) override;
  std::string name;
  DictObj* dict;
};

}  // namespace py
