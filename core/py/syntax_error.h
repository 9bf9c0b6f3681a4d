// syntax_error.h: a refused program, as the front end describes it.
//
// Either a real Python syntax error (SyntaxError, IndentationError, TabError,
// worded and positioned exactly as CPython 3.11 reports it) or a refusal of
// valid Python that lies outside Loopscope's subset (`unsupported`).
#pragma once

#include <string>
#include <string_view>

namespace py {

struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // "SyntaxError", "IndentationError", "TabError"
  std::string message;               // e.g. "'await' outside function"; for
                                     // unsupported: what, e.g. "match statement"
  int line = 0;                      // 1-based; 0 when CPython gives no line
  int col = 0;                       // CPython's SyntaxError.offset: 1-based column of the
                                     // caret start, <= 0 = none. NB: like CPython 3.11 running
                                     // a file, this counts UTF-8 bytes for most errors and
                                     // characters for a few tokenizer errors; identical on
                                     // ASCII lines. For `unsupported` it counts characters.
  int endLine = 0;                   // CPython's end_lineno (0 = none)
  int endCol = 0;                    // CPython's end_offset: one past the caret range
                                     // (same units as col); 0 or -1 as CPython gives them
  std::string sourceLine;            // the offending line, without its newline
  bool unsupported = false;          // outside the subset, not a Python error
  bool printLocation = true;         // false: CPython prints only `Type: message`
                                     // (a file that is not UTF-8)
};

// Renders the error as CPython 3.11 prints it on stderr for an uncaught
// SyntaxError (the `  File "...", line N` block, the stripped source line,
// the carets, then `Type: message`), each line ending in '\n'.
// For `unsupported` it is one line: `file:line:col: unsupported: what\n`
// (col 1-based, in characters).
std::string formatSyntaxError(const SyntaxErrorInfo& error, std::string_view fileName);

}  // namespace py
