// host.h: what the language gives the loop.
//
// The loop stores results, exceptions and callables as opaque Values; only
// the language knows how to build an exception, print a repr, call a
// function or make a list. core/py implements Host for Python; the core
// tests implement a tiny one (tests/core/support/test_host.h). Nothing here
// may throw a C++ exception: failures come back as StepResult::Raised.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/loop/coroutine.h"
#include "core/loop/value.h"
#include "core/trace/event.h"

namespace loop {

class Task;
class Future;

// Exception classes the loop itself raises.
enum class ExcKind : unsigned char {
  CancelledError,     // asyncio.CancelledError (use makeCancelledError for the msg rule)
  InvalidStateError,  // asyncio.InvalidStateError
  TimeoutError,       // TimeoutError (asyncio.TimeoutError is the builtin in 3.11)
  QueueEmpty,         // asyncio.QueueEmpty
  QueueFull,          // asyncio.QueueFull
  RuntimeError,
  ValueError,
  TypeError,
  MemoryError,        // the memory budget (contract section 8); no message, as CPython's
};

// What went to the loop's exception handler (CPython's `context` dict).
struct ErrorContext {
  trace::DiagnosticKind kind = trace::DiagnosticKind::CallbackError;
  std::string message;        // "Exception in callback foo()", "Task exception was never retrieved"
  Value exception;            // None if there is none
  Task* task = nullptr;       // the task concerned, if any
  int line = 0;
};

class Host {
 public:
  virtual ~Host() = default;

  // A new exception of the kind with the message (empty message: no args).
  virtual Value makeException(ExcKind kind, std::string_view message) = 0;
  // CancelledError(msg) if msg is not None, else CancelledError() (3.11's
  // Future._make_cancelled_error). msg is whatever the user passed to cancel().
  virtual Value makeCancelledError(Value msg) = 0;
  // A str value (gather's CancelledError('') for a cancelled child). A host
  // without strings gives None.
  virtual Value makeStr(std::string_view s) {
    (void)s;
    return Value::none();
  }
  // ExceptionGroup(message, excs) (BaseExceptionGroup if any is not an Exception).
  virtual Value makeExceptionGroup(std::string_view message, std::span<const Value> excs) = 0;
  // Set exc.__context__ = context (3.11 chains e.g. TimeoutError from CancelledError).
  virtual void setContext(Value exc, Value context) { (void)exc; (void)context; }
  // `raise exc from cause`: __cause__ = cause (and __context__ = cause).
  virtual void setCause(Value exc, Value cause) { setContext(exc, cause); }

  virtual bool isCancelledError(Value exc) = 0;
  // True for an Exception (not BaseException only: SystemExit, KeyboardInterrupt,
  // CancelledError are not). TaskGroup and gather use it.
  virtual bool isException(Value exc) { return !isCancelledError(exc); }
  // SystemExit / KeyboardInterrupt: TaskGroup re-raises them as they are.
  virtual bool isBaseExceptionOnly(Value exc) { (void)exc; return false; }

  // Trace labels. Only called when the recorder is enabled.
  virtual std::string repr(Value v) = 0;
  // "Type: message" (or just "Type" with no message).
  virtual std::string exceptionLabel(Value exc) = 0;
  // A callable's name for handle labels ("on_done").
  virtual std::string callableName(Value callable) { return repr(callable); }
  // The exception handler's message for a callback that raised, as
  // Handle._run words it (core/py gives CPython's two lines); `when` is a
  // TimerHandle's deadline, nullptr for a plain Handle.
  virtual std::string callbackErrorMessage(Value callable, std::span<const Value> args, const double* when) {
    (void)args;
    (void)when;
    return "Exception in callback " + callableName(callable) + "()";
  }

  // Call a language callable; Returned with its value or Raised.
  virtual StepResult call(Value callable, std::span<const Value> args) = 0;
  // a < b for PriorityQueue's heap; Returned(bool) or Raised (TypeError).
  virtual StepResult lessThan(Value a, Value b) = 0;

  // Containers the primitives return (gather's list, wait's sets, ...).
  virtual Value makeList(std::span<const Value> items) = 0;
  // A set whose iteration order is insertion order (contract section 3).
  virtual Value makeSet(std::span<const Value> items) = 0;
  virtual Value makeTuple(std::span<const Value> items) = 0;

  // The loop's exception handler (loop.call_exception_handler): errors in
  // callbacks, unretrieved task exceptions, deadlocks. The loop has already
  // recorded a trace::Diagnostic; the host prints it to stderr as CPython would.
  virtual void handleError(const ErrorContext& ctx) = 0;
};

}  // namespace loop
