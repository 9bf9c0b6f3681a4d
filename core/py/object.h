// object.h: the base of every Python heap object and the type object.
//
// Every Value the VM sees that holds a pointer points at a PyObj: objects of
// core/loop (futures, tasks) are always wrapped before they enter Python
// land, so `typeOf` never needs a dynamic_cast. `kind` names the C++ class
// of an object, for the switch-based fast paths of the interpreter; `cls`
// is its Python type (user classes share kind Instance).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/loop/object.h"
#include "core/loop/value.h"

namespace py {

using loop::Value;

enum class Kind : std::uint8_t {
  Type,
  Str,
  Bytes,
  BigInt,
  List,
  Tuple,
  Dict,
  Set,
  FrozenSet,
  Range,
  Slice,
  Code,
  Function,
  Native,
  BoundMethod,
  Cell,
  Instance,
  Exception,
  Module,
  Generator,
  Coroutine,
  AsyncGenerator,
  Iterator,    // a native iterator (list_iterator, range_iterator, zip...)
  Awaitable,   // a native awaitable step (sleep(0) yield, async-generator steps)
  LoopObject,  // a wrapper around a core/loop object (Future, Task, Queue...)
  Super,
  Property,
  StaticMethod,
  ClassMethod,
  Other,
};

class TypeObj;
class DictObj;

class PyObj : public loop::Object {
 public:
  PyObj(TypeObj* type, Kind kind) : cls(type), kind(kind) { setObjectClass(loop::ObjectClass::HostValue); }
  void trace(loop::Tracer& t) override;

  TypeObj* cls;
  Kind kind;
};

// A Python type: builtin (int, list, ...) or user-defined (class statement).
// Builtin types keep their methods in `dict` as Native functions taking
// self as the first argument, so method lookup is uniform.
class TypeObj : public PyObj {
 public:
  TypeObj(TypeObj* meta, std::string name) : PyObj(meta, Kind::Type), name(std::move(name)) {}
  void trace(loop::Tracer& t) override;

  std::string name;
  std::string module = "builtins";
  TypeObj* base = nullptr;
  std::vector<TypeObj*> mro;  // self first, object last
  std::vector<TypeObj*> bases;  // as written, when more than one (else `base`)
  DictObj* dict = nullptr;
  Kind instanceKind = Kind::Instance;  // what calling the type creates
  bool isUser = false;
  bool isException = false;  // BaseException or a subclass
  bool hasUserEq = false;    // __eq__/__hash__/__lt__... defined in Python (slow paths)
  bool hasAttrHooks = false; // __getattr__/__setattr__/__delattr__ defined in Python
  Value ctor = Value::none(); // builtin types: the native that makes an instance

  bool isSubtypeOf(const TypeObj* other) const {
    for (const TypeObj* t : mro)
      if (t == other) return true;
    return false;
  }
};

// A distinguished non-object value used on the stack as "no self" in
// LOAD_METHOD/CALL and as the error marker returned by natives.
inline constexpr Value kNull = Value::fromBits(0x7FFDull << 48);
inline constexpr Value kError = Value::fromBits((0x7FFDull << 48) | 1);

inline PyObj* asPy(Value v) { return static_cast<PyObj*>(v.asObject()); }
inline bool isKind(Value v, Kind k) { return v.isObject() && asPy(v)->kind == k; }

template <class T>
inline T* as(Value v) {
  return static_cast<T*>(v.asObject());
}

}  // namespace py
