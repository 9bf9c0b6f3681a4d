// program.cpp: py::runProgram: parse, compile, run the module in a fresh VM
// with its event-loop runtime, and turn the outcome into an exit status,
// stderr text and the recorded trace (contract sections 4, 7 and 8).
#include "core/py/program.h"

#include "core/loop/task.h"
#include "core/py/compiler.h"
#include "core/py/import_check.h"
#include "core/py/never_awaited.h"
#include "core/py/parser.h"
#include "core/py/runtime.h"
#include "core/py/syntax_error.h"
#include "core/py/vm.h"

namespace py {

namespace {

std::vector<std::string> splitLines(std::string_view s) {
  std::vector<std::string> lines;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find('\n', i);
    if (j == std::string_view::npos) {
      if (i < s.size()) lines.emplace_back(s.substr(i));
      break;
    }
    lines.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return lines;
}

}  // namespace

RunOutcome runProgram(std::string_view source, const std::string& fileName, const RunOptions& options) {
  RunOutcome outcome;
  trace::Recorder recorder(fileName, std::string(source));
  recorder.setEnabled(options.tracing);
  std::uint64_t outputBytes = 0;
  bool outputExceeded = false;
  auto emit = [&](trace::Stream stream, std::string_view text) {
    if (recorder.enabled()) recorder.record(trace::EventKind::Output, 0, 0, recorder.intern(text), 0.0,
                                             static_cast<std::uint8_t>(stream));
    if (options.onOutput) options.onOutput(stream, text);
  };
  auto finish = [&](int status) {
    outcome.exitStatus = status;
    recorder.record(trace::EventKind::RunEnd, static_cast<trace::Id>(status));
    outcome.trace = recorder.finish();
    return outcome;
  };
  recorder.record(trace::EventKind::RunBegin, 0, 0, recorder.intern(fileName));

  ParseResult parsed = parseModule(source, fileName);
  checkImports(parsed);  // standard-library modules the simulator lacks are refused too
  if (!parsed.ok()) {
    const SyntaxErrorInfo& e = *parsed.error;
    outcome.errorLine = e.line;
    outcome.errorColumn = e.col;
    outcome.errorMessage = e.unsupported ? "unsupported: " + e.message : e.type + ": " + e.message;
    emit(trace::Stream::Stderr, formatSyntaxError(e, fileName));
    return finish(2);
  }

  loop::Heap heap;
  loop::Clock clock;
  VM vm(heap);
  vm.fileName = fileName;
  vm.sourceLines = splitLines(source);
  vm.recursionLimit = options.budgets.recursionLimit;
  vm.instructionBudget = options.budgets.instructionsPerStep;
  vm.memoryBudget = options.budgets.memoryBytes;
  Runtime rt(vm, recorder, clock);
  rt.limits.timeHorizon = options.budgets.timeHorizon;
  rt.limits.stallIterations = options.budgets.stallIterations;
  rt.limits.cancel = options.cancel;
  rt.limits.maxTraceEvents = options.budgets.traceEvents;
  rt.limits.programName = fileName;
  // The memory budget is the heap's limit: past it after a collection, the
  // program gets a MemoryError (at the next task step or safe point); a
  // single allocation that cannot fit raises it at once (Heap::admits).
  heap.setLimit(options.budgets.memoryBytes);
  vm.onSafePoint = [&]() -> bool {
    if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
      rt.halt(2, "stopped");
      return false;
    }
    // Module code (no native frame below) may collect here; a task step
    // relies on the loop's collection between callbacks.
    if (vm.nativeDepth == 1 && heap.liveBytes() > heap.limit()) heap.collect();
    if (heap.takeMemoryError()) {
      vm.raise(vm.t.MemoryError, "");
      return false;
    }
    return true;
  };
  rt.writeStderr = [&](std::string_view s) { emit(trace::Stream::Stderr, s); };
  rt.sim.clientLog = [&](std::string_view s) { emit(trace::Stream::ClientLog, s); };
  vm.onStdout = [&](std::string_view s) {
    if (outputExceeded) return;
    outputBytes += s.size();
    if (outputBytes > options.budgets.outputBytes) {
      outputExceeded = true;
      rt.halt(2, "output budget exceeded: the program printed more than " +
                     std::to_string(options.budgets.outputBytes) + " bytes");
      vm.raise(vm.t.BaseException, "output budget exceeded");
      return;
    }
    emit(trace::Stream::Stdout, s);
  };
  vm.onStderr = [&](std::string_view s) { emit(trace::Stream::Stderr, s); };
  vm.onBudget = [&](const std::string&) {
    std::string who = "the program";
    if (rt.runningLoop && rt.runningLoop->currentTask()) who = "task " + rt.runningLoop->currentTask()->name();
    std::string msg = fileName + ":" + std::to_string(vm.budgetLine) + ": instruction budget: " + who +
                      " blocked the event loop for " + std::to_string(vm.instructionBudget) +
                      (vm.budgetByWork ? " instructions without an await (one operation too big to finish?)"
                                       : " instructions without an await (a loop that never awaits?)");
    rt.halt(2, msg);
  };
  if (options.lineTracing && options.tracing) {
    vm.onLine = [&](int line) {
      loop::EventLoop* l = rt.runningLoop;
      if (!l || !l->currentTask()) return;
      recorder.recordTaskLine(l->currentTask()->id(), static_cast<std::uint32_t>(line));
    };
  }

  if (auto bad = parseSimLines(parsed.module->simLines, rt.sim)) {
    outcome.errorLine = bad->first;
    outcome.errorColumn = 1;
    outcome.errorMessage = bad->second;
    emit(trace::Stream::Stderr, fileName + ":" + std::to_string(bad->first) + ": " + bad->second + "\n");
    return finish(2);
  }

  CompileResult compiled = compileModule(vm, *parsed.module, fileName);
  if (compiled.error) {
    const CompileError& e = *compiled.error;
    outcome.errorLine = e.line;
    outcome.errorColumn = e.col;
    outcome.errorMessage = e.message;
    std::string text = fileName + ":" + std::to_string(e.line) + ":" + std::to_string(e.col) + ": " + e.message + "\n";
    emit(trace::Stream::Stderr, text);
    return finish(2);
  }

  DictObj* globals = vm.newDict();
  vm.addRoot(Value::object(globals));
  globals->table.set(vm, Value::object(vm.s_name), Value::object(vm.s_main));
  globals->table.set(vm, Value::object(vm.intern("__file__")), vm.newStr(fileName));
  globals->table.set(vm, Value::object(vm.intern("__doc__")), Value::none());
  Value mainModule = newModule(vm, "__main__", globals);
  vm.modules->table.set(vm, vm.newStr("__main__"), mainModule);

  RunResult r = vm.runModule(compiled.code, globals);
  int status = 0;
  if (rt.halted) {
    if (!rt.haltMessage.empty()) emit(trace::Stream::Stderr, rt.haltMessage + "\n");
    if (rt.haltStatus == 2 && recorder.enabled())
      recorder.record(trace::EventKind::Diagnostic, 0, 0, recorder.intern(rt.haltMessage), 0.0,
                      static_cast<std::uint8_t>(trace::DiagnosticKind::Budget));
    status = rt.haltStatus;
  } else if (vm.budgetExceeded) {
    std::string msg = fileName + ":" + std::to_string(vm.budgetLine) + ": instruction budget: the program ran for " +
                      std::to_string(vm.instructionBudget * 100) +
                      (vm.budgetByWork ? " instructions outside the event loop (one operation too big to finish?)"
                                       : " instructions outside the event loop (a loop that never ends?)");
    if (recorder.enabled())
      recorder.record(trace::EventKind::Diagnostic, 0, static_cast<std::uint32_t>(vm.budgetLine), recorder.intern(msg),
                      0.0, static_cast<std::uint8_t>(trace::DiagnosticKind::Budget));
    emit(trace::Stream::Stderr, msg + "\n");
    status = 2;
  } else if (r.kind == RunResult::Raised) {
    Value exc = r.value;
    if (vm.isInstance(exc, vm.t.SystemExit)) {
      auto& args = as<TupleObj>(as<ExceptionObj>(exc)->args)->items;
      Value code = args.empty() ? Value::none() : args[0];
      if (code.isNone()) status = 0;
      else if (isIntLike(code)) status = static_cast<int>(intOf(code));
      else {
        emit(trace::Stream::Stderr, vm.strOf(code) + "\n");
        status = 1;
      }
    } else {
      std::string tb = vm.formatTraceback(exc);
      if (recorder.enabled())
        recorder.record(trace::EventKind::Diagnostic, 0, 0, recorder.intern(tb), 0.0,
                        static_cast<std::uint8_t>(trace::DiagnosticKind::Traceback));
      emit(trace::Stream::Stderr, tb);
      status = 1;
    }
  }
  // A run stopped by a budget or a deadlock never reaches CPython's shutdown.
  if (!rt.halted)
    for (auto& l : rt.loops) l->reportUnretrieved();
  if (!rt.halted) vm.neverAwaited->atExit();  // CPython's shutdown: a hung run never gets there
  return finish(status);
}

}  // namespace py
