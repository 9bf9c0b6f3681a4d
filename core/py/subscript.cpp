// subscript.cpp: indexing, slicing and item assignment for the builtin
// sequences and mappings, and the iteration protocol (iter/next).
#include "core/py/bytes_object.h"
#include "core/py/int_object.h"
#include "core/py/stdlib_modules.h"
#include "core/py/vm.h"

namespace py {

bool sliceIndices(VM& vm, SliceObj* s, std::int64_t len, std::int64_t& start, std::int64_t& stop,
                  std::int64_t& step, std::int64_t& count) {
  auto get = [&](Value v, std::int64_t& out, bool& present) {
    present = !v.isNone();
    if (!present) return true;
    if (!isIntLike(v)) {
      vm.raise(vm.t.TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    out = intOf(v);
    return true;
  };
  bool hasStart, hasStop, hasStep;
  step = 1;
  if (!get(s->step, step, hasStep)) return false;
  if (step == 0) {
    vm.raise(vm.t.ValueError, "slice step cannot be zero");
    return false;
  }
  if (!get(s->start, start, hasStart) || !get(s->stop, stop, hasStop)) return false;
  if (!hasStart) start = step < 0 ? len - 1 : 0;
  else {
    if (start < 0) start += len;
    if (start < 0) start = step < 0 ? -1 : 0;
    if (start >= len) start = step < 0 ? len - 1 : len;
  }
  if (!hasStop) stop = step < 0 ? -1 : len;
  else {
    if (stop < 0) stop += len;
    if (stop < 0) stop = step < 0 ? -1 : 0;
    if (stop >= len) stop = step < 0 ? len - 1 : len;
  }
  if (step > 0) count = stop > start ? (stop - start + step - 1) / step : 0;
  else count = start > stop ? (start - stop - step - 1) / (-step) : 0;
  return true;
}

namespace {

bool indexOf(VM& vm, Value key, std::int64_t len, std::int64_t& out, const char* what) {
  if (isKind(key, Kind::Instance)) {  // __index__ (an IntEnum member)
    Value m = vm.lookupType(vm.typeOf(key), vm.intern("__index__"));
    if (m != kNull) {
      Value r = vm.call(m, {key});
      if (r == kError) return false;
      if (isIntLike(r)) key = r;
    }
  }
  if (!isIntLike(key)) {
    if (isKind(key, Kind::BigInt)) {
      vm.raise(vm.t.IndexError, std::string("cannot fit 'int' into an index-sized integer"));
      return false;
    }
    vm.raise(vm.t.TypeError, std::string(what) + " indices must be integers or slices, not " + vm.typeName(key));
    return false;
  }
  std::int64_t i = intOf(key);
  if (i < 0) i += len;
  if (i < 0 || i >= len) {
    vm.raise(vm.t.IndexError, std::string(what) + " index out of range");
    return false;
  }
  out = i;
  return true;
}

Value keyError(VM& vm, Value key) {
  vm.pending = Value::object(vm.newException(vm.t.KeyError, {key}));
  return kError;
}

}  // namespace

Value VM::getItem(Value obj, Value key) {
  if (obj.isObject()) {
    PyObj* o = asPy(obj);
    switch (o->kind) {
      case Kind::List:
      case Kind::Tuple: {
        bool isList = o->kind == Kind::List;
        const auto& items = isList ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
        auto len = static_cast<std::int64_t>(items.size());
        if (isKind(key, Kind::Slice)) {
          std::int64_t start, stop, step, count;
          if (!sliceIndices(*this, as<SliceObj>(key), len, start, stop, step, count)) return kError;
          std::vector<Value> out;
          out.reserve(static_cast<std::size_t>(count));
          for (std::int64_t i = 0, j = start; i < count; ++i, j += step) out.push_back(items[static_cast<std::size_t>(j)]);
          return isList ? newList(std::move(out)) : newTuple(std::move(out));
        }
        std::int64_t i;
        if (!indexOf(*this, key, len, i, isList ? "list" : "tuple")) return kError;
        return items[static_cast<std::size_t>(i)];
      }
      case Kind::Bytes: {
        const std::string& d = static_cast<BytesObj*>(o)->data;
        auto len = static_cast<std::int64_t>(d.size());
        if (isKind(key, Kind::Slice)) {
          std::int64_t start, stop, step, count;
          if (!sliceIndices(*this, as<SliceObj>(key), len, start, stop, step, count)) return kError;
          if (step == 1) return newBytes(d.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(count)));
          std::string out;
          for (std::int64_t i = 0, j = start; i < count; ++i, j += step) out += d[static_cast<std::size_t>(j)];
          return newBytes(std::move(out));
        }
        if (!isIntLike(key) && !isKind(key, Kind::BigInt))
          return raise(t.TypeError, "byte indices must be integers or slices, not " + typeName(key));
        std::int64_t i;
        if (!indexOf(*this, key, len, i, "")) {
          if (isKind(pending, Kind::Exception) && asPy(pending)->cls == t.IndexError && isIntLike(key))
            return raise(t.IndexError, "index out of range");
          return kError;
        }
        return Value::smallInt(static_cast<unsigned char>(d[static_cast<std::size_t>(i)]));
      }
      case Kind::Str: {
        auto* s = static_cast<StrObj*>(o);
        auto len = static_cast<std::int64_t>(s->length);
        if (isKind(key, Kind::Slice)) {
          std::int64_t start, stop, step, count;
          if (!sliceIndices(*this, as<SliceObj>(key), len, start, stop, step, count)) return kError;
          if (step == 1) {
            std::size_t a = s->byteOffset(static_cast<std::size_t>(start));
            std::size_t b = s->byteOffset(static_cast<std::size_t>(start + count));
            return newStr(s->s.substr(a, b - a));
          }
          std::string out;
          for (std::int64_t i = 0, j = start; i < count; ++i, j += step) {
            std::size_t a = s->byteOffset(static_cast<std::size_t>(j));
            std::size_t b = s->byteOffset(static_cast<std::size_t>(j + 1));
            out += s->s.substr(a, b - a);
          }
          return newStr(std::move(out));
        }
        std::int64_t i;
        if (!indexOf(*this, key, len, i, "string")) return kError;
        std::size_t a = s->byteOffset(static_cast<std::size_t>(i));
        std::size_t b = s->ascii ? a + 1 : s->byteOffset(static_cast<std::size_t>(i + 1));
        return Value::object(intern(std::string_view(s->s).substr(a, b - a)));
      }
      case Kind::Dict: {
        auto* d = static_cast<DictObj*>(o);
        std::int64_t i = d->table.find(*this, key);
        if (i == HashTable::kFailed) return kError;
        if (i < 0) return keyError(*this, key);
        return d->table.entries()[static_cast<std::size_t>(i)].value;
      }
      case Kind::Range: {
        auto* r = static_cast<RangeObj*>(o);
        if (isKind(key, Kind::Slice)) {
          std::int64_t start, stop, step, count;
          if (!sliceIndices(*this, as<SliceObj>(key), r->length(), start, stop, step, count)) return kError;
          std::int64_t s0 = r->start + start * r->step;
          return Value::object(make<RangeObj>(t.range, s0, s0 + count * step * r->step, step * r->step));
        }
        std::int64_t i;
        if (!indexOf(*this, key, r->length(), i, "range object")) return kError;
        return Value::smallInt(r->start + i * r->step);
      }
      case Kind::Type:
        if (o->cls->isUser) {  // a metaclass's __getitem__: enum.EnumType's Color['RED']
          Value m = lookupType(o->cls, s_getitem);
          if (isKind(m, Kind::Function)) return call(m, {obj, key});
        }
        // list[int]: types.GenericAlias; others evaluate to the type.
        return typeSubscript(*this, obj, key);
      default: {
        Value m = lookupType(o->cls, s_getitem);
        if (m != kNull) return call(m, {obj, key});
        break;
      }
    }
  }
  return raise(t.TypeError, "'" + typeName(obj) + "' object is not subscriptable");
}

bool VM::setItem(Value obj, Value key, Value v) {
  if (obj.isObject()) {
    PyObj* o = asPy(obj);
    switch (o->kind) {
      case Kind::List: {
        auto& items = static_cast<ListObj*>(o)->items;
        if (isKind(key, Kind::Slice)) {
          std::int64_t start, stop, step, count;
          if (!sliceIndices(*this, as<SliceObj>(key), static_cast<std::int64_t>(items.size()), start, stop, step, count))
            return false;
          std::vector<Value> repl;
          if (!toVector(v, repl)) return false;
          if (step == 1) {
            if (stop < start) stop = start;
            items.erase(items.begin() + start, items.begin() + stop);
            items.insert(items.begin() + start, repl.begin(), repl.end());
            return true;
          }
          if (static_cast<std::int64_t>(repl.size()) != count) {
            raise(t.ValueError, "attempt to assign sequence of size " + std::to_string(repl.size()) +
                                    " to extended slice of size " + std::to_string(count));
            return false;
          }
          for (std::int64_t i = 0, j = start; i < count; ++i, j += step) items[static_cast<std::size_t>(j)] = repl[static_cast<std::size_t>(i)];
          return true;
        }
        std::int64_t i;
        if (!isIntLike(key)) {
          raise(t.TypeError, "list indices must be integers or slices, not " + typeName(key));
          return false;
        }
        i = intOf(key);
        if (i < 0) i += static_cast<std::int64_t>(items.size());
        if (i < 0 || i >= static_cast<std::int64_t>(items.size())) {
          raise(t.IndexError, "list assignment index out of range");
          return false;
        }
        items[static_cast<std::size_t>(i)] = v;
        return true;
      }
      case Kind::Dict:
        return static_cast<DictObj*>(o)->table.set(*this, key, v);
      default: {
        Value m = lookupType(o->cls, s_setitem);
        if (m != kNull) return call(m, {obj, key, v}) != kError;
        break;
      }
    }
  }
  raise(t.TypeError, "'" + typeName(obj) + "' object does not support item assignment");
  return false;
}

bool VM::delItem(Value obj, Value key) {
  if (isKind(obj, Kind::List)) {
    auto& items = as<ListObj>(obj)->items;
    if (isKind(key, Kind::Slice)) {
      std::int64_t start, stop, step, count;
      if (!sliceIndices(*this, as<SliceObj>(key), static_cast<std::int64_t>(items.size()), start, stop, step, count)) return false;
      std::vector<Value> keep;
      std::vector<bool> drop(items.size(), false);
      for (std::int64_t i = 0, j = start; i < count; ++i, j += step) drop[static_cast<std::size_t>(j)] = true;
      for (std::size_t i = 0; i < items.size(); ++i)
        if (!drop[i]) keep.push_back(items[i]);
      items = std::move(keep);
      return true;
    }
    std::int64_t i;
    if (!indexOf(*this, key, static_cast<std::int64_t>(items.size()), i, "list")) {
      if (isInstance(pending, t.IndexError)) raise(t.IndexError, "list assignment index out of range");
      return false;
    }
    items.erase(items.begin() + i);
    return true;
  }
  if (isKind(obj, Kind::Dict)) {
    int r = as<DictObj>(obj)->table.remove(*this, key);
    if (r < 0) return false;
    if (r == 0) {
      keyError(*this, key);
      return false;
    }
    return true;
  }
  Value m = lookupType(typeOf(obj), s_delitem);
  if (m != kNull) return call(m, {obj, key}) != kError;
  raise(t.TypeError, "'" + typeName(obj) + "' object doesn't support item deletion");
  return false;
}

// -- iteration ------------------------------------------------------------------

Value VM::getIter(Value v) {
  if (v.isObject()) {
    PyObj* o = asPy(v);
    auto mk = [&](IterObj::What w, Value src) { return Value::object(make<IterObj>(t.iterator, w, src)); };
    switch (o->kind) {
      case Kind::List:
      case Kind::Tuple:
        return mk(IterObj::What::Seq, v);
      case Kind::Str:
        return mk(IterObj::What::Str, v);
      case Kind::Bytes:
        return mk(IterObj::What::Bytes, v);
      case Kind::Dict:
        return mk(IterObj::What::DictKeys, v);
      case Kind::Set:
      case Kind::FrozenSet:
        return mk(IterObj::What::SetItems, v);
      case Kind::Range: {
        auto* r = static_cast<RangeObj*>(o);
        auto* it = make<IterObj>(t.iterator, IterObj::What::Range, v);
        it->index = r->start;
        it->stop = r->stop;
        it->step = r->step;
        return Value::object(it);
      }
      case Kind::Iterator:
      case Kind::Generator:
        return v;
      case Kind::Other:
        if (o->cls == t.dictKeys || o->cls == t.dictValues || o->cls == t.dictItems) {
          auto* dv = static_cast<DictViewObj*>(o);
          return mk(dv->which == 0 ? IterObj::What::DictKeys : dv->which == 1 ? IterObj::What::DictValues
                                                                              : IterObj::What::DictItems,
                    Value::object(dv->dict));
        }
        break;
      default:
        break;
    }
    Value m = lookupType(o->cls, s_iter);
    if (m != kNull) {
      Value r = call(m, {v});
      if (r == kError) return kError;
      if (lookupType(typeOf(r), s_next) == kNull && !isKind(r, Kind::Iterator) && !isKind(r, Kind::Generator))
        return raise(t.TypeError, "iter() returned non-iterator of type '" + typeName(r) + "'");
      return r;
    }
    if (lookupType(o->cls, s_getitem) != kNull) {
      auto* it = make<IterObj>(t.iterator, IterObj::What::Callable, v);
      return Value::object(it);
    }
  }
  return raise(t.TypeError, "'" + typeName(v) + "' object is not iterable");
}

RunResult VM::resumeGenerator(GeneratorObj* g, Value v, bool isThrow) {
  if (g->state == GeneratorObj::State::Done) {
    if (isThrow) return {RunResult::Raised, v};
    return {RunResult::Returned, Value::none()};
  }
  if (g->state == GeneratorObj::State::Running) {
    raise(t.ValueError, "generator already executing");
    return {RunResult::Raised, pending};
  }
  if (g->state == GeneratorObj::State::Created && !isThrow && !v.isNone()) {
    raise(t.TypeError, "can't send non-None value to a just-started generator");
    return {RunResult::Raised, pending};
  }
  g->state = GeneratorObj::State::Running;
  Frame* f = g->frame;
  f->mode = FrameMode::Top;
  f->parent = nullptr;
  return run(f, f, v, isThrow, nullptr);
}

Value VM::next(Value it) {
  // Natives that drain an iterator (sum, list, sorted, set, ...) pay one
  // instruction per item, so sum(range(10**12)) meets the instruction
  // budget instead of running for minutes.
  if (!chargeWork(1)) return kError;
  PyObj* o = asPy(it);
  if (o->kind == Kind::Generator) {
    RunResult r = resumeGenerator(static_cast<GeneratorObj*>(o), Value::none(), false);
    if (r.kind == RunResult::Yielded) return r.value;
    if (r.kind == RunResult::Returned) {
      lastStopValue = r.value;
      return kNull;
    }
    return raiseValue(r.value);
  }
  if (o->kind == Kind::Iterator) {
    auto* io = static_cast<IterObj*>(o);
    switch (io->what) {
      case IterObj::What::Seq: {
        const auto& items = isKind(io->src, Kind::List) ? as<ListObj>(io->src)->items : as<TupleObj>(io->src)->items;
        if (io->index < static_cast<std::int64_t>(items.size())) return items[static_cast<std::size_t>(io->index++)];
        io->index = INT64_MAX / 2;
        return kNull;
      }
      case IterObj::What::Str: {
        auto* s = as<StrObj>(io->src);
        auto i = static_cast<std::size_t>(io->index);
        if (i >= s->s.size()) return kNull;
        std::size_t j = i;
        decodeUtf8(s->s, j);
        io->index = static_cast<std::int64_t>(j);
        return Value::object(intern(std::string_view(s->s).substr(i, j - i)));
      }
      case IterObj::What::Bytes: {
        const std::string& d = as<BytesObj>(io->src)->data;
        auto i = static_cast<std::size_t>(io->index);
        if (i >= d.size()) return kNull;
        ++io->index;
        return Value::smallInt(static_cast<unsigned char>(d[i]));
      }
      case IterObj::What::Range:
        if ((io->step > 0 && io->index < io->stop) || (io->step < 0 && io->index > io->stop)) {
          Value v = Value::smallInt(io->index);
          io->index += io->step;
          return v;
        }
        return kNull;
      case IterObj::What::DictKeys:
      case IterObj::What::DictValues:
      case IterObj::What::DictItems:
      case IterObj::What::SetItems: {
        auto& table = io->what == IterObj::What::SetItems ? as<SetObj>(io->src)->table : as<DictObj>(io->src)->table;
        if (io->stop == 0) io->stop = static_cast<std::int64_t>(table.size()) + 1;
        else if (io->stop - 1 != static_cast<std::int64_t>(table.size()))
          return raise(t.RuntimeError, io->what == IterObj::What::SetItems ? "Set changed size during iteration"
                                                                          : "dictionary changed size during iteration");
        auto& entries = table.entries();
        if (io->what == IterObj::What::SetItems) {
          // Sets iterate in CPython's table order (see setIterationOrder).
          if (io->index == 0 && io->more.empty()) {
            for (std::size_t idx : setIterationOrder(table)) io->more.push_back(Value::smallInt(static_cast<std::int64_t>(idx)));
            io->more.push_back(Value::none());  // marks the order as computed
          }
          auto pos = static_cast<std::size_t>(io->index);
          if (pos + 1 >= io->more.size()) return kNull;
          ++io->index;
          const auto& e = entries[static_cast<std::size_t>(io->more[pos].asSmallInt())];
          if (e.key == kNull) return raise(t.RuntimeError, "Set changed size during iteration");
          return e.key;
        }
        while (io->index < static_cast<std::int64_t>(entries.size())) {
          auto& e = entries[static_cast<std::size_t>(io->index++)];
          if (e.key == kNull) continue;
          if (io->what == IterObj::What::DictValues) return e.value;
          if (io->what == IterObj::What::DictItems) return newTuple({e.key, e.value});
          return e.key;
        }
        return kNull;
      }
      case IterObj::What::Enumerate: {
        Value v = next(io->more[0]);
        if (v == kNull || v == kError) return v;
        return newTuple({newInt(io->index++), v});
      }
      case IterObj::What::Zip: {
        if (io->more.empty()) return kNull;
        std::vector<Value> items;
        for (Value sub : io->more) {
          Value v = next(sub);
          if (v == kNull || v == kError) return v;
          items.push_back(v);
        }
        return newTuple(std::move(items));
      }
      case IterObj::What::Map: {
        std::vector<Value> args;
        for (Value sub : io->more) {
          Value v = next(sub);
          if (v == kNull || v == kError) return v;
          args.push_back(v);
        }
        return call(io->fn, args.data(), static_cast<int>(args.size()));
      }
      case IterObj::What::Filter:
        for (;;) {
          Value v = next(io->more[0]);
          if (v == kNull || v == kError) return v;
          Value keep = io->fn.isNone() ? v : call(io->fn, {v});
          if (keep == kError) return kError;
          int tr = truthy(keep);
          if (tr < 0) return kError;
          if (tr) return v;
        }
      case IterObj::What::Reversed: {
        const auto& items = isKind(io->src, Kind::List) ? as<ListObj>(io->src)->items : as<TupleObj>(io->src)->items;
        if (io->index == 0) io->index = static_cast<std::int64_t>(items.size());
        else if (io->index < 0) return kNull;
        --io->index;
        if (io->index < 0 || io->index >= static_cast<std::int64_t>(items.size())) {
          io->index = -1;
          return kNull;
        }
        Value v = items[static_cast<std::size_t>(io->index)];
        if (io->index == 0) io->index = -1;
        return v;
      }
      case IterObj::What::Callable: {
        Value v = getItem(io->src, newInt(io->index++));
        if (v == kError && isInstance(pending, t.IndexError)) return kNull;
        return v;
      }
    }
  }
  Value m = lookupType(o->cls, s_next);
  if (m == kNull) return raise(t.TypeError, "'" + typeName(it) + "' object is not an iterator");
  Value r = call(m, {it});
  if (r == kError && isInstance(pending, t.StopIteration)) return kNull;
  return r;
}

bool VM::toVector(Value iterable, std::vector<Value>& out) {
  if (isKind(iterable, Kind::List)) {
    out = as<ListObj>(iterable)->items;
    return true;
  }
  if (isKind(iterable, Kind::Tuple)) {
    out = as<TupleObj>(iterable)->items;
    return true;
  }
  Value it = getIter(iterable);
  if (it == kError) return false;
  // Keep partial results reachable if Python code runs in between.
  ListObj* keep = make<ListObj>(t.list);
  addRoot(Value::object(keep));
  bool ok = true;
  for (;;) {
    Value v = next(it);
    if (v == kError) {
      ok = false;
      break;
    }
    if (v == kNull) break;
    keep->items.push_back(v);
    // list(range(10**10)) raises MemoryError long before it fills memory.
    if ((keep->items.size() & 4095) == 0 && !heap.admits(keep->items.size() * sizeof(Value) * 2)) {
      raise(t.MemoryError, "");
      ok = false;
      break;
    }
  }
  extraRoots_.pop_back();
  out = std::move(keep->items);
  return ok;
}

}  // namespace py
