// callables.h: functions, native functions, bound methods, instances,
// exceptions and the wrapper that lets core/loop objects into Python land.
#pragma once

#include <string>
#include <vector>

#include "core/py/code.h"
#include "core/py/containers.h"
#include "core/py/dict_object.h"

namespace py {

class VM;
class StrObj;

class FunctionObj : public PyObj {
 public:
  FunctionObj(TypeObj* t, CodeObj* c, DictObj* g) : PyObj(t, Kind::Function), code(c), globals(g) {}
  void trace(loop::Tracer& tr) override;
  CodeObj* code;
  DictObj* globals;
  std::vector<Value> defaults;   // for the last len(defaults) positional parameters
  DictObj* kwdefaults = nullptr;
  std::vector<CellObj*> closure;  // one per code->freevars
  DictObj* dict = nullptr;        // function attributes, made on first store
  std::string name;
  std::string qualname;
};

// Arguments to a native function: positional values, then keyword values
// named by kwnames (interned strs), as CPython's vectorcall.
struct CallArgs {
  Value* args = nullptr;
  int n = 0;
  Value* kwvalues = nullptr;
  std::vector<StrObj*>* kwnames = nullptr;
  int nkw() const { return kwnames ? static_cast<int>(kwnames->size()) : 0; }
  // The keyword argument `name`, or kNull.
  Value kw(const char* name) const;
};

class NativeObj;
// Returns the result, or kError with an exception pending in the VM.
using NativeFn = Value (*)(VM& vm, NativeObj* self, CallArgs& a);

class NativeObj : public PyObj {
 public:
  NativeObj(TypeObj* t, std::string n, NativeFn f) : PyObj(t, Kind::Native), name(std::move(n)), fn(f) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    tr.visit(data);
  }
  std::string name;
  NativeFn fn;
  Value data;           // bound state (e.g. the receiver of a bound native, a partial's args)
  TypeObj* owner = nullptr;  // the type whose method this is (for repr)
  bool reentrant = false;    // calls back into Python (not a GC safe point)
};

class BoundMethodObj : public PyObj {
 public:
  BoundMethodObj(TypeObj* t, Value f, Value s) : PyObj(t, Kind::BoundMethod), func(f), self(s) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    tr.visit(func);
    tr.visit(self);
  }
  Value func;
  Value self;
};

class InstanceObj : public PyObj {
 public:
  InstanceObj(TypeObj* t, DictObj* d, Kind k = Kind::Instance) : PyObj(t, k), dict(d) {}
  void trace(loop::Tracer& tr) override;
  DictObj* dict;
};

struct TracebackEntry {
  CodeObj* code;
  int line;
};

class ExceptionObj : public InstanceObj {
 public:
  ExceptionObj(TypeObj* t, DictObj* d) : InstanceObj(t, d, Kind::Exception) {}
  void trace(loop::Tracer& tr) override;
  Value args;  // a tuple
  Value cause;
  Value context;
  bool suppressContext = false;
  std::vector<TracebackEntry> traceback;  // innermost first
  std::vector<Value> groupExceptions;     // ExceptionGroup members
};

// A wrapper for objects of core/loop (and the loop itself), so that every
// Value the VM sees is a PyObj. One wrapper per wrapped object (identity).
class LoopObj : public PyObj {
 public:
  enum class What : std::uint8_t {
    Future, Task, Queue, Lock, Event, Condition, Semaphore, TaskGroup, Timeout, Handle,
    Loop, AsCompleted, NativeCoroutine
  };
  LoopObj(TypeObj* t, What w, loop::Object* o, void* p = nullptr)
      : PyObj(t, Kind::LoopObject), what(w), obj(o), ptr(p) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    tr.visit(obj);
  }
  What what;
  loop::Object* obj;  // the GC object (nullptr for the loop itself)
  void* ptr;          // the EventLoop for What::Loop
  Value extra;        // per-kind state (as_completed: count left)
};

// A native iterator: over a list, tuple, str, range, dict, set, or the
// lazy builtins (enumerate, zip, map, filter, reversed).
class IterObj : public PyObj {
 public:
  enum class What : std::uint8_t {
    Seq, Str, Bytes, Range, DictKeys, DictValues, DictItems, SetItems, Enumerate, Zip, Map, Filter,
    Reversed, Callable
  };
  IterObj(TypeObj* t, What w, Value s) : PyObj(t, Kind::Iterator), what(w), src(s) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    tr.visit(src);
    tr.visit(fn);
    for (Value v : more) tr.visit(v);
  }
  What what;
  Value src;
  Value fn;  // map/filter function; enumerate: unused
  std::vector<Value> more;  // zip/map: the iterators
  std::int64_t index = 0;
  std::int64_t stop = 0;
  std::int64_t step = 1;
};

// A view of a dict: dict_keys / dict_values / dict_items.
class DictViewObj : public PyObj {
 public:
  DictViewObj(TypeObj* t, DictObj* d, int w) : PyObj(t, Kind::Other), dict(d), which(w) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    tr.visit(dict);
  }
  DictObj* dict;
  int which;  // 0 keys, 1 values, 2 items
};

class SuperObj : public PyObj {
 public:
  SuperObj(TypeObj* t, TypeObj* start, Value s) : PyObj(t, Kind::Super), startAfter(start), self(s) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    tr.visit(startAfter);
    tr.visit(self);
  }
  TypeObj* startAfter;
  Value self;
};

// property / staticmethod / classmethod wrappers.
class DescriptorObj : public PyObj {
 public:
  DescriptorObj(TypeObj* t, Kind k, Value f) : PyObj(t, k), func(f) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    tr.visit(func);
    tr.visit(setter);
  }
  Value func;
  Value setter;
};

}  // namespace py
