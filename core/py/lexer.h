// lexer.h: Python 3.11 tokenizer for the front end.
//
// Turns the whole source into tokens at once (INDENT/DEDENT included, with
// CPython's tab and space consistency rules), collecting whole-line
// `# sim:` comments on the way. It stops at the first error: CPython reports
// a tokenizer error anywhere in the file in preference to a parser error, so
// lexing everything first gives the same answer.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/py/ast.h"
#include "core/py/source.h"
#include "core/py/token.h"

namespace py {

// On error the tokens read so far are kept and end with an Error token:
// CPython tokenizes lazily, so whether the lexer's error or a parser error
// earlier in the file is reported depends on how far the parser gets (see
// parseModule).
struct LexResult {
  std::vector<Token> tokens;      // ends with EndMarker, or with Error on error
  std::vector<SimLine> simLines;
  std::optional<FrontError> error;
  // The error is one CPython's tokenizer raises as an exception (bad string,
  // character or number, unmatched bracket, undecodable line): it is
  // reported even when the parser fails earlier in the file.
  bool errorOverridesParser = false;
  // The innermost bracket still open where lexing stopped, if any.
  std::optional<FrontError> unclosedBracket;
};

// CPython's limits.
inline constexpr int kMaxBracketDepth = 200;  // "too many nested parentheses"
inline constexpr int kMaxIndentDepth = 100;   // "too many levels of indentation"

LexResult tokenize(const Source& source);

// Tokenizes source.text()[begin, end) as the inside of a parenthesis (no
// indentation, newlines ignored, depth starting at 1), keeping real
// positions: used for f-string replacement fields. Ends with EndMarker.
LexResult tokenizeExpression(const Source& source, std::size_t begin, std::size_t end);

// Whether c may start / continue an identifier. Non-ASCII code points are
// accepted when they are letters in the scripts students use (see lexer.cpp).
bool isIdentifierStart(char32_t c);
bool isIdentifierContinue(char32_t c);

}  // namespace py
