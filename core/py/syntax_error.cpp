// syntax_error.cpp: renders a refused program the way CPython 3.11 prints
// an uncaught SyntaxError (pythonrun.c: print_exception and
// print_error_text), or as Loopscope's one-line `unsupported:` refusal.
#include "core/py/syntax_error.h"

#include <string>

namespace py {

std::string formatSyntaxError(const SyntaxErrorInfo& e, std::string_view fileName) {
  std::string out;
  if (e.unsupported) {
    out += fileName;
    out += ':' + std::to_string(e.line) + ':' + std::to_string(e.col) + ": unsupported: " + e.message + '\n';
    return out;
  }
  if (e.printLocation) {
    out += "  File \"";
    out += fileName;
    out += "\", line " + std::to_string(e.line) + '\n';
    long offset = e.col;
    long endOffset = e.endCol;
    // The text CPython holds has its newline; its size bounds the carets.
    long lineSize = static_cast<long>(e.sourceLine.size());
    if (e.endLine > e.line) endOffset = lineSize + 1;  // to the end of the first line
    if (endOffset > lineSize + 1) endOffset = lineSize + 1;
    std::size_t carets = endOffset > 0 && endOffset > offset ? static_cast<std::size_t>(endOffset - offset) : 1;
    std::string_view text = e.sourceLine;
    --offset;  // 1-based to 0-based
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\f')) {
      text.remove_prefix(1);
      --offset;
    }
    long len = static_cast<long>(text.size());
    if (offset > len) offset = len;
    out += "    ";
    out += text;
    out += '\n';
    if (offset >= 0) {
      out += "    ";
      out.append(static_cast<std::size_t>(offset), ' ');
      out.append(carets, '^');
      out += '\n';
    }
  }
  out += e.type + ": " + e.message + '\n';
  return out;
}

}  // namespace py
