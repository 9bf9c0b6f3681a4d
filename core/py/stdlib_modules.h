// stdlib_modules.h: the standard-library modules beyond the runtime's own
// small ones (stdlib_*.cpp, one file per module), and the list of CPython's
// standard-library module names that Loopscope does not provide.
//
// Each installer fills a fresh module dict; most modules are Python source
// compiled by this VM when first imported (the shortest honest route to
// CPython's behaviour), with natives where the VM's subset is not enough.
#pragma once

#include <string>
#include <string_view>

#include "core/py/vm.h"

namespace py {

// Fills `d` with the module `name`: None when done, kError with an exception
// pending if it failed, kNull when `name` is not one of these modules.
Value installStdlibModule(VM& vm, const std::string& name, DictObj* d);

// The calendar half of `time` (gmtime, localtime, strftime, ...) on the
// virtual clock, added to the module dict `d` the runtime already made.
Value installTimeCalendar(VM& vm, DictObj* d);

// True for a top-level module name in CPython 3.11's sys.stdlib_module_names.
bool isCPythonStdlibModule(std::string_view name);
// True for a module (dotted or not) that `import` finds in the simulator.
bool isProvidedModule(std::string_view name);
// True for `pkg.sub` naming a submodule of a standard-library package that
// programs import with `from pkg import sub` (collections.abc, logging.handlers, ...).
bool isStdlibSubmodule(std::string_view name);

// One installer per module file (stdlib_<module>.cpp), each filling the
// module dict `d`: None when done, kError with an exception pending.
Value installCollections(VM& vm, DictObj* d);
Value installLogging(VM& vm, DictObj* d);
Value installJson(VM& vm, DictObj* d);
Value installItertools(VM& vm, DictObj* d);
Value installFunctoolsExtras(VM& vm, DictObj* d);
Value installContextlib(VM& vm, DictObj* d);
Value installString(VM& vm, DictObj* d);
Value installOperator(VM& vm, DictObj* d);
Value installTyping(VM& vm, DictObj* d);
Value installFuture(VM& vm, DictObj* d);
Value installDataclasses(VM& vm, DictObj* d);
Value installEnum(VM& vm, DictObj* d);

// The private module of GenericAlias and UnionType (stdlib_typeforms.cpp);
// kNull for any other name.
Value installTypeforms(VM& vm, const std::string& name, DictObj* d);
// `a | b` where both are types or None: a types.UnionType (or the one type);
// kNull when the operands are not that.
Value typeUnion(VM& vm, Value a, Value b);
// `type[key]`: list/dict/tuple/set/frozenset/type give a types.GenericAlias,
// a class with __class_getitem__ calls it, other types give themselves.
Value typeSubscript(VM& vm, Value type, Value key);

// Runs a module's Python source in `d` as module `name` (its classes report
// `name` as their module, as CPython's do: `<class 'collections.deque'>`).
Value execStdlibSource(VM& vm, const std::string& name, const char* source, DictObj* d);
// Defines class `mappingproxy` (a read-only view of a dict) in module `d`.
Value execMappingProxySource(VM& vm, const std::string& name, DictObj* d);

}  // namespace py
