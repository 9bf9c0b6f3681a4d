// aiohttp_web.h: the simulated aiohttp.web server module (contract
// section 6), built from the Python source in aiohttp_web_source.cpp plus a
// few natives (the `# sim: request` list, the client log, standard error).
#pragma once

#include "core/py/aiohttp_module.h"
#include "core/py/callables.h"
#include "core/py/object.h"

namespace py {

class VM;

extern const char* const kAiohttpWebSource;

// The aiohttp.web module, or kError with an exception pending.
// `jsonLoads` is the client's JSON decoder, shared for request.json().
Value makeAiohttpWeb(VM& vm, SimConfig& config, NativeFn jsonLoads);

}  // namespace py
