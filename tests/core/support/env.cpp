// env.cpp: reading CPython's recorded output for a test program.
#include "env.h"

#include <fstream>

namespace testing {

std::string Env::joined() const {
  std::string s;
  for (const auto& l : out) s += l + "\n";
  return s;
}

std::vector<std::string> expectedOutput(const std::string& programName) {
  std::ifstream in(std::string(LOOPSCOPE_SOURCE_DIR) + "/tests/core/programs/" + programName + ".out");
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::string diffLines(const std::vector<std::string>& got, const std::vector<std::string>& want) {
  if (got == want) return {};
  std::string d = "got:\n";
  for (const auto& l : got) d += "  " + l + "\n";
  d += "want:\n";
  for (const auto& l : want) d += "  " + l + "\n";
  return d;
}

}  // namespace testing
