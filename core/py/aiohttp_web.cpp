// aiohttp_web.cpp: builds aiohttp.web (contract section 6): compiles the
// server's Python source into a fresh module and supplies the natives it
// needs from outside Python: the parsed `# sim: request` lines, the client
// log (standard error plus a ClientLog trace event, via SimConfig) and
// standard error for handler failures.
#include <cstdlib>
#include <string>

#include "core/py/aiohttp_web.h"
#include "core/py/runtime.h"

namespace py {

namespace {

thread_local SimConfig* tWebConfig = nullptr;

// Splits off the next space-separated word of `rest`.
std::string nextWord(std::string& rest) {
  std::size_t p = rest.find_first_not_of(' ');
  if (p == std::string::npos) {
    rest.clear();
    return "";
  }
  rest = rest.substr(p);
  std::size_t sp = rest.find(' ');
  std::string word = rest.substr(0, sp);
  rest = sp == std::string::npos ? "" : rest.substr(sp + 1);
  return word;
}

// [(time, method, target, body)] in line order, from `request T METHOD PATH [BODY]`.
Value simRequests(VM& vm, NativeObj*, CallArgs&) {
  std::vector<Value> out;
  for (const std::string& line : tWebConfig->requests) {
    std::string rest = line;
    nextWord(rest);  // "request"
    double t = std::strtod(nextWord(rest).c_str(), nullptr);
    std::string method = nextWord(rest);
    std::string target = nextWord(rest);
    std::size_t p = rest.find_first_not_of(' ');
    std::string body = p == std::string::npos ? "" : rest.substr(p);
    out.push_back(vm.newTuple({Value::number(t), vm.newStr(method), vm.newStr(target), vm.newStr(body)}));
  }
  return vm.newList(std::move(out));
}

Value clientLog(VM& vm, NativeObj*, CallArgs& a) {
  std::string text = vm.strOf(a.args[0]);
  if (tWebConfig->clientLog) tWebConfig->clientLog(text);
  else if (vm.onStderr) vm.onStderr(text);
  return Value::none();
}

Value writeStderr(VM& vm, NativeObj*, CallArgs& a) {
  std::string text = vm.strOf(a.args[0]);
  if (vm.onStderr) vm.onStderr(text);
  return Value::none();
}

// A handler's uncaught exception: its traceback on standard error, as aiohttp logs it.
// The outermost frame is always the server's own _serve; the VM's formatter
// would name it after the program's file with a line of this helper source,
// so that frame (its File line and any source lines under it) is left out.
Value printException(VM& vm, NativeObj*, CallArgs& a) {
  std::string tb = vm.formatTraceback(a.args[0]);
  std::string text;
  bool skipping = false, skipped = false;
  std::size_t pos = 0;
  while (pos < tb.size()) {
    std::size_t nl = tb.find('\n', pos);
    std::size_t end = nl == std::string::npos ? tb.size() : nl + 1;
    std::string line = tb.substr(pos, end - pos);
    pos = end;
    if (!skipped && line.rfind("  File ", 0) == 0) {
      skipping = skipped = true;
      continue;
    }
    if (skipping && line.rfind("    ", 0) == 0) continue;
    skipping = false;
    text += line;
  }
  if (vm.onStderr) vm.onStderr(text);
  return Value::none();
}

}  // namespace

Value makeAiohttpWeb(VM& vm, SimConfig& config, NativeFn jsonLoads) {
  tWebConfig = &config;
  DictObj* d = vm.newDict();
  vm.addRoot(Value::object(d));
  moduleSet(vm, d, "__name__", vm.newStr("aiohttp.web"));
  moduleFn(vm, d, "_sim_requests", simRequests);
  moduleFn(vm, d, "_client_log", clientLog);
  moduleFn(vm, d, "_stderr", writeStderr);
  moduleFn(vm, d, "_print_exception", printException);
  moduleFn(vm, d, "_json_loads", jsonLoads);
  if (execHelperSource(vm, kAiohttpWebSource, "aiohttp.web", d) == kError) return kError;
  for (auto& e : d->table.entries())
    if (isKind(e.value, Kind::Type))
      as<TypeObj>(e.value)->module = "aiohttp.web";  // as the reference stand-in reports them
  return newModule(vm, "aiohttp.web", d);
}

}  // namespace py
