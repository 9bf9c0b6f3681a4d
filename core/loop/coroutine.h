// coroutine.h: the language-neutral coroutine that a Task drives.
//
// A Task (task.h) only ever talks to its coroutine through send/throwIn, as
// CPython's Task.__step calls coro.send(None) / coro.throw(exc). Python
// coroutines (core/py) implement it, and so do the loop's own native
// coroutines (Queue.get, Lock.acquire, sleep...), so that an `await` on a
// primitive delegates exactly like `yield from` does in CPython and takes
// the same number of loop iterations.
#pragma once

#include <string_view>

#include "core/loop/object.h"
#include "core/loop/value.h"

namespace loop {

// What one resumption of a coroutine produced.
//   Yielded:  the coroutine suspended. value is the awaited loop::Future (an
//             Object* that is a Future), or None for a bare `yield`
//             (asyncio.sleep(0)): the Task steps again next iteration.
//             Anything else makes the Task throw a RuntimeError ("bad yield").
//   Returned: the coroutine finished; value is its return value.
//   Raised:   the coroutine finished by raising; value is the exception.
// The same struct doubles as "a value or an exception" for synchronous
// operations that may fail (Future::result, Queue::getNowait, Host::call).
struct StepResult {
  enum Kind : unsigned char { Yielded, Returned, Raised };
  Kind kind = Returned;
  Value value;

  static StepResult yielded(Value v) { return {Yielded, v}; }
  static StepResult returned(Value v = Value::none()) { return {Returned, v}; }
  static StepResult raised(Value exc) { return {Raised, exc}; }
  bool ok() const { return kind == Returned; }
};

// Awaiting from the language side (the VM's `await x`), CPython's rules:
//  - x is a Future (future.h): if x->done(), take x->result() at once (no
//    suspension); otherwise yield x; when resumed with send(None), take
//    x->result(); when resumed with throwIn(exc), raise exc at the await.
//  - x is a Coroutine (a Python coroutine or a native one returned by a
//    loop primitive): delegate as `yield from`: call x->send / x->throwIn
//    and pass every Yielded up unchanged until it Returns or Raises.
class Coroutine : public Object {
 public:
  Coroutine() { setObjectClass(ObjectClass::Coroutine); }
  // Resume with a value (always None from a Task: coro.send(None)).
  virtual StepResult send(Value v) = 0;
  // Resume by raising exc at the suspension point (coro.throw(exc)).
  virtual StepResult throwIn(Value exc) = 0;
  // The coroutine's function name ("main", "Queue.get"), for trace labels.
  virtual std::string_view name() const { return "coroutine"; }
  // The line it is suspended at / executing (0 if unknown).
  virtual int line() const { return 0; }
  // The first line of its def (0 if unknown or native).
  virtual int defLine() const { return 0; }
  // True once it returned or raised.
  virtual bool finished() const { return false; }
};

}  // namespace loop
