// vm.h: the Python virtual machine: object creation, protocols (attribute
// access, operators, iteration, str/repr) and the bytecode interpreter.
//
// One VM per program run. It owns the builtin types, the module table and
// the frame pool, and is a GC root source. Python exceptions never become
// C++ exceptions: an operation that fails sets `pending` and returns kError
// (or false / -1), and the interpreter throws it into the running frame.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/loop/coroutine.h"
#include "core/loop/object.h"
#include "core/py/callables.h"
#include "core/py/frame.h"
#include "core/py/str_object.h"

namespace loop {
class EventLoop;
}

namespace py {

class Runtime;
class NeverAwaited;

struct Types {
  TypeObj *type, *object, *none, *bool_, *int_, *float_, *str, *bytes, *list, *tuple, *dict, *set,
      *frozenset, *range, *slice, *code, *function, *builtin, *method, *cell, *module,
      *generator, *coroutine, *asyncGenerator, *iterator, *awaitable, *dictKeys, *dictValues,
      *dictItems, *super, *property, *staticmethod, *classmethod, *ellipsis, *notImplemented;
  // Exceptions.
  TypeObj *BaseException, *Exception, *ArithmeticError, *ZeroDivisionError, *OverflowError,
      *LookupError, *IndexError, *KeyError, *ValueError, *TypeError, *NameError,
      *UnboundLocalError, *AttributeError, *RuntimeError, *RecursionError, *NotImplementedError,
      *StopIteration, *StopAsyncIteration, *AssertionError, *MemoryError, *ImportError,
      *ModuleNotFoundError, *TimeoutError, *GeneratorExit, *KeyboardInterrupt, *SystemExit,
      *BaseExceptionGroup, *ExceptionGroup, *CancelledError, *InvalidStateError, *QueueEmpty,
      *QueueFull, *OSError, *UnicodeError, *UnicodeDecodeError, *UnicodeEncodeError, *SyntaxError;
};

struct RunResult {
  enum Kind : std::uint8_t { Returned, Yielded, Raised, Suspended };
  Kind kind;
  Value value;
};

class VM : public loop::RootSource {
 public:
  explicit VM(loop::Heap& heap);
  ~VM() override;
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  loop::Heap& heap;
  Types t{};
  Value pending;                 // the exception being raised by a failed operation
  DictObj* builtins = nullptr;
  DictObj* modules = nullptr;    // sys.modules
  std::string fileName = "<string>";
  std::vector<std::string> sourceLines;
  int recursionLimit = 1000;
  int depth = 0;                 // Python frames running
  int nativeDepth = 0;           // nested runs (natives calling back into Python)
  std::uint64_t instructionBudget = 10'000'000;
  std::uint64_t instructions = 0;  // since the task step began
  bool budgetExceeded = false;
  std::function<void(std::string_view)> onStdout;
  std::function<void(std::string_view)> onStderr;
  std::function<void(int)> onLine;  // line tracing (task-level filtering is the caller's)
  std::function<bool(const Frame&)> allowCollect;  // extra safe-point check
  Runtime* runtime = nullptr;    // the asyncio/time/random bindings of the run
  // Makes a builtin module by name (nullptr result: no such module).
  std::function<Value(const std::string&)> moduleFactory;
  // Wraps a core/loop object for Python (set by the asyncio binding).
  std::function<Value(loop::Object*)> loopWrapper;
  // Called when a budget stops the run (the binding aborts the event loop).
  std::function<void(const std::string&)> onBudget;
  // Called every 65536 instructions, between two (the frame saved): the
  // GUI's Stop and the memory budget. false: stop here with `pending` raised.
  std::function<bool()> onSafePoint;
  // An async generator that started dropped its last reference unfinished
  // (POP_AITER): asyncio's finalizer hook schedules its aclose(). false:
  // stop here with `pending` raised.
  std::function<bool(Value agen)> onAsyncGenDropped;
  // An async generator's first __anext__/asend/athrow/aclose step begins
  // (asyncio's firstiter hook).
  std::function<void(Value agen)> onAsyncGenStarted;
  Value exitRequested = kNull;   // sys.exit code while unwinding
  Value ellipsis;                // the Ellipsis singleton
  Value notImplemented;          // the NotImplemented singleton
  Frame* currentFrame = nullptr; // the frame whose instruction is running (for natives)
  std::unique_ptr<NeverAwaited> neverAwaited;  // the "was never awaited" warnings

  // -- allocation ---------------------------------------------------------
  template <class T, class... A>
  T* make(A&&... a) {
    return heap.make<T>(static_cast<A&&>(a)...);
  }
  Value newStr(std::string s);
  Value newBytes(std::string s);
  StrObj* intern(std::string_view s);
  Value newList(std::vector<Value> items = {});
  Value newTuple(std::vector<Value> items = {});
  DictObj* newDict();
  SetObj* newSet(bool frozen = false);
  Value newInt(std::int64_t i);
  // A decimal digit string as an int (a BigInt beyond the small range).
  Value parseInt(const std::string& digits);
  Value newNative(std::string name, NativeFn fn, Value data = Value::none());
  TypeObj* newType(std::string name, TypeObj* base, std::string module = "builtins");
  void addMethod(TypeObj* type, const char* name, NativeFn fn);
  void addBuiltin(const char* name, NativeFn fn);

  // -- errors -------------------------------------------------------------
  Value raise(TypeObj* type, std::string message);
  Value raiseValue(Value exc);
  // Instantiate an exception class with args (no __init__ of user classes).
  ExceptionObj* newException(TypeObj* type, std::vector<Value> args);
  bool isInstance(Value v, TypeObj* type) const;
  bool excMatches(Value exc, TypeObj* type) const { return isInstance(exc, type); }

  // -- protocols ----------------------------------------------------------
  TypeObj* typeOf(Value v) const {
    if (v.isObject()) return asPy(v)->cls;
    if (v.isSmallInt()) return t.int_;
    if (v.isBool()) return t.bool_;
    if (v.isNone()) return t.none;
    return t.float_;
  }
  // -1 error, 0 false, 1 true.
  int truthy(Value v);
  Value getAttr(Value obj, StrObj* name);
  // kNull (no exception) if absent.
  Value getAttrOpt(Value obj, StrObj* name);
  bool setAttr(Value obj, StrObj* name, Value v);
  bool delAttr(Value obj, StrObj* name);
  // getAttrOpt, then a user class's __getattr__; its AttributeError means
  // absent (kNull), as getattr(o, n, default) and hasattr see it.
  Value getAttrOrAbsent(Value obj, StrObj* name);
  // object.__setattr__ / __delattr__: what a user __setattr__ falls back to.
  bool setAttrPlain(Value obj, StrObj* name, Value v);
  bool delAttrPlain(Value obj, StrObj* name);
  // The user class's __getattr__(obj, name), or kNull when it has none.
  Value getAttrHook(Value obj, StrObj* name);
  // The attribute as found on the type (unbound), or kNull.
  Value lookupType(TypeObj* type, StrObj* name) const;
  Value binaryOp(int op, Value a, Value b);  // op: BinOpKind, +16 in-place
  Value unaryOp(int op, Value a);
  Value compare(int op, Value a, Value b);   // op: CmpOpKind Eq..GtE
  // -1 error, else 0/1.
  int equals(Value a, Value b);
  int lessThan(Value a, Value b);
  int contains(Value container, Value item);
  bool hash(Value v, std::int64_t& out);
  Value getItem(Value obj, Value key);
  bool setItem(Value obj, Value key, Value v);
  bool delItem(Value obj, Value key);
  Value getIter(Value v);
  // The next item, kNull when exhausted, kError on error.
  Value next(Value iter);
  // Collect every item of an iterable.
  bool toVector(Value iterable, std::vector<Value>& out);
  Value repr(Value v);  // a str, or kError
  Value str(Value v);
  std::string reprOf(Value v);  // never fails (errors become "<...>")
  std::string strOf(Value v);
  Value format(Value v, std::string_view spec);
  std::int64_t length(Value v, bool& ok);
  std::string typeName(Value v) const { return typeOf(v)->name; }

  // -- calls --------------------------------------------------------------
  // Calls from native code: runs Python code in a nested interpreter loop.
  Value call(Value callable, Value* args, int n, CallArgs* kw = nullptr);
  Value call(Value callable, std::initializer_list<Value> args) {
    std::vector<Value> a(args);
    return call(callable, a.data(), static_cast<int>(a.size()));
  }
  Value callMethod(Value self, const char* name, std::initializer_list<Value> args);

  // -- running --------------------------------------------------------------
  // Run `start` (and what it calls) until `entry` returns, yields or raises,
  // or the whole chain suspends on a future (Suspended; leaf in *leafOut).
  // resumeThrow: throw `value` into start instead of continuing it.
  RunResult run(Frame* start, Frame* entry, Value resumeValue, bool resumeThrow, Frame** leafOut);
  // Make a frame for calling func with args bound (Raised on a bad call).
  Frame* newFrame(FunctionObj* func, Value* args, int n, CallArgs* kw);
  void releaseFrame(Frame* f);
  // Module code.
  RunResult runModule(CodeObj* code, DictObj* globals);
  // Drive a generator one step (send or throw) from native code.
  RunResult resumeGenerator(GeneratorObj* gen, Value v, bool isThrow);
  // Coroutine steps for the loop's Task (through CoroAdapter).
  loop::StepResult stepCoroutine(GeneratorObj* coro, Value v, bool isThrow);
  CoroAdapter* adapterFor(GeneratorObj* coro);

  // Formats an uncaught exception as CPython does.
  std::string formatTraceback(Value exc);
  std::string exceptionLabel(Value exc);  // "Type: message"

  // Interpreter helpers.
  Value buildClass(Value nameBasesNs, Value bodyResult);
  Value makeRaisable(Value v);
  // except* matching: the part of exc matching type (None if nothing) and the rest (None if all).
  bool splitGroup(Value exc, Value type, Value& match, Value& rest);
  Value lastStopValue = Value::none();  // a generator's return value when next() found it exhausted  // an exception instance from `raise X` / `raise X()`
  Value importModule(const std::string& name);
  void collectNow();
  std::uint64_t budgetLeft_ = 10'000'000;
  int budgetLine = 0;
  // Prices a native operation's work (big-int arithmetic, say) in
  // instructions before it runs: false, with the budget stop raised, when
  // the step's instruction budget cannot pay for it. One bytecode
  // instruction costs about as much as 32 limb multiplications.
  bool chargeWork(std::uint64_t instructions);
  bool budgetByWork = false;  // the budget ran out pricing one operation
  std::uint64_t memoryBudget = 1ull << 30;

  void traceRoots(loop::Tracer& tracer) override;
  void addRoot(Value v) { extraRoots_.push_back(v); }
  std::vector<Frame*> runningLeaves;  // the innermost frame of each nested run

  // Interned names used by the interpreter.
  StrObj *s_init, *s_new, *s_str, *s_repr, *s_call, *s_eq, *s_hash, *s_lt, *s_le, *s_gt, *s_ge,
      *s_ne, *s_iter, *s_next, *s_len, *s_getitem, *s_setitem, *s_contains, *s_enter, *s_exit,
      *s_aenter, *s_aexit, *s_await, *s_aiter, *s_anext, *s_name, *s_main, *s_bool, *s_add,
      *s_class, *s_dict, *s_args, *s_delitem, *s_format, *s_module, *s_qualname, *s_doc;

  Value wrapLoop(loop::Object* o);          // the wrapper of a loop object (made once)
  Value fromLoop(Value v);                  // wrap a Value coming from core/loop
  std::unordered_map<loop::Object*, LoopObj*> wrappers;
  std::vector<Frame*> framePool;

 private:
  Value callType(TypeObj* type, Value* args, int n, CallArgs* kw);
  void initTypes();
  std::unordered_map<std::string, StrObj*> interned_;
  std::vector<Value> extraRoots_;
};

// Per-file initialisers of the builtin method tables and functions.
void installBuiltins(VM& vm);
// object.__setattr__, __delattr__ and __getattribute__ (attributes.cpp).
void installObjectAttributes(VM& vm);
void installStrMethods(VM& vm);
void installListMethods(VM& vm);
void installDictMethods(VM& vm);
void installExceptions(VM& vm);

// "fmt % args" for str.
Value percentFormat(VM& vm, const std::string& fmt, Value args);
// Python repr of a str's text (quotes chosen as CPython does).
std::string strRepr(const std::string& s);
// Normalises slice bounds for a sequence of `len` items; false on error.
bool sliceIndices(VM& vm, SliceObj* s, std::int64_t len, std::int64_t& start, std::int64_t& stop, std::int64_t& step,
                  std::int64_t& count);

// Stable sort with an optional key (calls back into Python); false on error.
bool sortValues(VM& vm, std::vector<Value>& items, Value key, bool reverse);
// dict.update(src) for a mapping or an iterable of pairs.
bool dictUpdate(VM& vm, DictObj* d, Value src);
std::string fakeAddress(const void* p);
// A class's __qualname__ ("Outer.Inner", "f.<locals>.L"); a builtin type's name.
std::string qualnameOf(const TypeObj* ty);
// object.__repr__: "<__main__.Outer.Inner object at 0x7f3a2c001030>".
std::string defaultReprOf(const PyObj* o);

// Number helpers.
inline bool isIntLike(Value v) { return v.isSmallInt() || v.isBool(); }
inline std::int64_t intOf(Value v) { return v.isBool() ? (v.asBool() ? 1 : 0) : v.asSmallInt(); }

}  // namespace py
