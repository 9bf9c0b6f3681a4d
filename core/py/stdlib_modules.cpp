// stdlib_modules.cpp: which standard-library module is made by which
// stdlib_*.cpp file, and the helper that runs a module's Python source.
#include "core/py/stdlib_modules.h"

#include <algorithm>
#include <array>

#include "core/py/runtime.h"

namespace py {

Value execStdlibSource(VM& vm, const std::string& name, const char* source, DictObj* d) {
  vm.addRoot(Value::object(d));  // a module lives for the whole run anyway
  moduleSet(vm, d, "__name__", vm.newStr(name));
  if (execHelperSource(vm, source, name, d) == kError) return kError;
  for (auto& e : d->table.entries())
    if (e.key != kNull && isKind(e.value, Kind::Type) && as<TypeObj>(e.value)->module == "builtins")
      as<TypeObj>(e.value)->module = name;
  return Value::none();
}

bool isProvidedModule(std::string_view name) {
  static constexpr std::array<std::string_view, 18> kProvided = {
      "__future__", "asyncio", "collections", "contextlib", "dataclasses", "functools",
      "itertools",  "json",    "logging",     "math",       "operator",    "random",
      "string",     "sys",     "time",        "typing",     "aiohttp",     "enum"};
  std::string_view top = name.substr(0, name.find('.'));
  if (top == "asyncio" || top == "aiohttp") return true;  // their own factories decide on submodules
  if (top != name) return false;
  return std::find(kProvided.begin(), kProvided.end(), name) != kProvided.end();
}

bool isStdlibSubmodule(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kSubmodules = {
      "collections.abc", "concurrent.futures", "email.message",  "importlib.metadata",
      "json.decoder",    "json.encoder",       "logging.config", "logging.handlers",
      "os.path",         "unittest.mock",      "urllib.parse",   "urllib.request"};
  return std::find(kSubmodules.begin(), kSubmodules.end(), name) != kSubmodules.end();
}

Value installStdlibModule(VM& vm, const std::string& name, DictObj* d) {
  if (name == "time") return installTimeCalendar(vm, d);
  if (name == "collections") return installCollections(vm, d);
  if (name == "logging") return installLogging(vm, d);
  if (name == "json") return installJson(vm, d);
  if (name == "itertools") return installItertools(vm, d);
  if (name == "functools") return installFunctoolsExtras(vm, d);
  if (name == "contextlib") return installContextlib(vm, d);
  if (name == "string") return installString(vm, d);
  if (name == "operator") return installOperator(vm, d);
  if (name == "typing") return installTyping(vm, d);
  if (name == "__future__") return installFuture(vm, d);
  if (name == "dataclasses") return installDataclasses(vm, d);
  if (name == "enum") return installEnum(vm, d);
  return installTypeforms(vm, name, d);
}

}  // namespace py
