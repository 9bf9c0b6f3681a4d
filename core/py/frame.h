// frame.h: an activation record, and generator/coroutine objects that own one.
//
// Frames are not heap Objects: a plain call's frame lives in the VM's frame
// pool and is reached (for the GC) through the chain of running frames; a
// generator's or coroutine's frame belongs to that object and is traced by
// it. `parent` links a running frame to the frame that resumed it and
// `mode` says what happens when it returns or yields; a suspended task is
// the chain from its coroutine's frame down to the leaf that awaits.
#pragma once

#include <vector>

#include "core/loop/coroutine.h"
#include "core/py/callables.h"

namespace py {

class GeneratorObj;
class NeverAwaited;

enum class FrameMode : std::uint8_t {
  Top,        // the entry frame of a VM::run: return/yield/raise leave run()
  Call,       // a plain call: the return value is pushed on the parent
  Init,       // __init__ of a new instance: the instance is pushed instead
  ClassBody,  // a class body: the class is built from its namespace
  GenIter,    // a generator resumed by FOR_ITER: yield pushes, return exits the loop
  Await,      // a coroutine awaited inline: return replaces the awaited object
  ANext,      // an async generator resumed by `await agen.__anext__()` (or asend, athrow)
  AClose,     // an async generator resumed by `await agen.aclose()`: a yield is an error,
              // a return, GeneratorExit or StopAsyncIteration give None
};

struct Block {
  std::int32_t handler;  // instruction index
  std::int32_t depth;    // stack depth to restore
};

inline constexpr int kMaxBlocks = 24;

struct Frame {
  CodeObj* code = nullptr;
  FunctionObj* func = nullptr;
  DictObj* globals = nullptr;
  DictObj* localsDict = nullptr;  // module and class bodies
  std::vector<Value> storage;     // locals, cells, then the value stack
  Value* locals = nullptr;
  Value* stack = nullptr;         // stack base
  Value* sp = nullptr;            // next free slot
  const Instr* ip = nullptr;      // next instruction
  Frame* parent = nullptr;
  GeneratorObj* gen = nullptr;    // owner, for generator/coroutine frames
  Value handledExc = Value::none();
  Value extra = Value::none();    // Init: the instance; ClassBody: (name, bases)
  std::int32_t exitTarget = 0;    // GenIter: the FOR_ITER's exit
  std::int32_t blockCount = 0;
  FrameMode mode = FrameMode::Call;
  std::uint8_t resume = 0;        // 0 fresh, 1 after a yield (push the sent value), 2 at an AWAIT
  Block blocks[kMaxBlocks];

  int pc() const { return static_cast<int>(ip - code->code.data()); }
  // The line of the instruction being executed (the last one fetched).
  int line() const {
    int i = pc() - 1;
    if (i < 0) i = 0;
    return code->lines.empty() ? code->firstLine : code->lines[static_cast<std::size_t>(i)];
  }
  void traceValues(loop::Tracer& tr) const;
};

class CoroAdapter;

// A generator, coroutine or async generator object.
class GeneratorObj : public PyObj {
 public:
  enum class State : std::uint8_t { Created, Suspended, Running, Done };
  GeneratorObj(TypeObj* t, Kind k, Frame* f) : PyObj(t, k), frame(f) {}
  ~GeneratorObj() override;
  void trace(loop::Tracer& tr) override;
  std::size_t extraBytes() const override;

  Frame* frame;
  Frame* leaf = nullptr;  // coroutine suspended in a nested await: the innermost frame
  State state = State::Created;
  std::string name;
  std::string qualname;
  CoroAdapter* adapter = nullptr;  // the loop::Coroutine face of a coroutine
  bool awaited = false;            // awaited or handed to the loop (a Task, gather...)
  bool reported = false;           // "was never awaited" already said (never_awaited.h)
  NeverAwaited* watcher = nullptr; // told when a coroutine is freed
  bool agenRunning = false;        // async generator: an __anext__ is in progress
  bool agenClosed = false;         // async generator: aclose() began (athrow/aclose now stop at once)
};

// What the loop's Task drives: a Python coroutine object seen as a
// loop::Coroutine. One per coroutine object, made on first need.
class CoroAdapter : public loop::Coroutine {
 public:
  CoroAdapter(VM& vm, GeneratorObj* c) : vm_(&vm), coro(c) {
    setObjectClass(loop::ObjectClass::HostCoroutine);
  }
  loop::StepResult send(Value v) override;
  loop::StepResult throwIn(Value exc) override;
  std::string_view name() const override { return coro->name; }
  int line() const override;
  int defLine() const override { return coro->frame ? coro->frame->code->firstLine : 0; }
  bool finished() const override { return coro->state == GeneratorObj::State::Done; }
  void trace(loop::Tracer& tr) override { tr.visit(coro); }

  VM* vm_;
  GeneratorObj* coro;
};

// A native awaitable with a little state machine: a bare `yield` (sleep(0)),
// an already-known result/exception (e.g. Timeout.__aenter__), or a step of
// an async generator (__anext__, asend, athrow, aclose: async_generator.h).
class AwaitableObj : public PyObj {
 public:
  enum class What : std::uint8_t { YieldOnce, Ready, Raise, ANext, ASend, AThrow, AClose };
  AwaitableObj(TypeObj* t, What w, Value v) : PyObj(t, Kind::Awaitable), what(w), value(v) {}
  void trace(loop::Tracer& tr) override {
    PyObj::trace(tr);
    tr.visit(value);
    tr.visit(arg);
  }
  What what;
  Value value;
  Value arg = Value::none();  // asend's value, athrow's exception
  bool yielded = false;
};

}  // namespace py
