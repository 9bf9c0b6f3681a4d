// asyncio_unsupported.cpp: the asyncio names Loopscope does not simulate
// (threads, executors, sockets, subprocesses), present so that a program
// using one fails with a NotImplementedError that names the feature and
// says why in one line (contract section 1), not with an AttributeError
// that reads like a typo. The error comes when the name is called, as
// CPython's own errors would; importing or naming it is fine.
#include "core/py/asyncio_extras.h"
#include "core/py/runtime.h"

namespace py {

namespace {

constexpr const char* kOneThread = "not simulated (Loopscope runs one thread in virtual time)";
constexpr const char* kNoSockets = "not simulated (Loopscope's only network is the simulated aiohttp)";
constexpr const char* kNoProcesses =
    "not simulated (Loopscope runs one program in virtual time, with no other processes)";

struct Refusal {
  const char* name;  // the attribute: a module function, or a loop method
  bool loopMethod;
  const char* what;  // the subject of the sentence
  const char* why;
};

constexpr Refusal kRefusals[] = {
    {"to_thread", false, "threads are", kOneThread},
    {"run_coroutine_threadsafe", false, "threads are", kOneThread},
    {"wrap_future", false, "concurrent.futures futures (they come from other threads) are", kOneThread},
    {"open_connection", false, "sockets are", kNoSockets},
    {"start_server", false, "sockets are", kNoSockets},
    {"open_unix_connection", false, "sockets are", kNoSockets},
    {"start_unix_server", false, "sockets are", kNoSockets},
    {"create_subprocess_exec", false, "subprocesses are", kNoProcesses},
    {"create_subprocess_shell", false, "subprocesses are", kNoProcesses},
    {"run_in_executor", true, "executors (they run code in other threads or processes) are", kOneThread},
    {"set_default_executor", true, "executors (they run code in other threads or processes) are", kOneThread},
    {"create_connection", true, "sockets are", kNoSockets},
    {"create_server", true, "sockets are", kNoSockets},
    {"subprocess_exec", true, "subprocesses are", kNoProcesses},
    {"subprocess_shell", true, "subprocesses are", kNoProcesses},
};

// "asyncio.to_thread: threads are not simulated (...)": the native's name
// says which refusal it is.
Value refuse(VM& vm, NativeObj* self, CallArgs& a) {
  (void)a;
  for (const Refusal& r : kRefusals) {
    if (self->name != r.name) continue;
    std::string who = std::string(r.loopMethod ? "loop." : "asyncio.") + r.name;
    return vm.raise(vm.t.NotImplementedError, who + ": " + r.what + " " + r.why);
  }
  return vm.raise(vm.t.NotImplementedError, self->name + " is not simulated");
}

}  // namespace

void installAsyncioUnsupported(Runtime& rt, DictObj* d) {
  for (const Refusal& r : kRefusals) {
    if (r.loopMethod)
      rt.vm.addMethod(rt.loopT, r.name, refuse);
    else
      moduleFn(rt.vm, d, r.name, refuse);
  }
}

}  // namespace py
