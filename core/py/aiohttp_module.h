// aiohttp_module.h: the simulated network's settings (`# sim:` lines) and
// the aiohttp module built from them (contract section 6).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/py/ast.h"
#include "core/py/object.h"

namespace py {

class VM;

struct SimConfig {
  std::map<std::string, double> latency;
  std::map<std::string, std::string> body;
  std::map<std::string, long> status;
  std::vector<std::string> requests;  // `request T METHOD PATH [BODY]` lines (server side)
  // Where the server's `[client] ...` lines go (stderr + a ClientLog trace event); set by the program runner.
  std::function<void(std::string_view)> clientLog;
};

// Reads the program's `# sim:` lines; on a malformed one returns (line, message).
std::optional<std::pair<int, std::string>> parseSimLines(const std::vector<SimLine>& lines, SimConfig& config);
// The aiohttp module (client, with aiohttp.web as its `web`), or kError with an exception pending.
Value makeAiohttp(VM& vm, SimConfig& config);

}  // namespace py
