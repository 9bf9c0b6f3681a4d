// token.h: the tokens the lexer hands to the parser, and the front end's
// internal error record.
//
// Tokens keep views into the source (no copies: a 1 MB program lexes in
// linear time) and CPython-style positions: 1-based lines, 0-based UTF-8
// byte columns, end exclusive.
#pragma once

#include <string>
#include <string_view>

namespace py {

enum class TokenType {
  Name,       // identifiers and keywords (the parser tells them apart)
  Number,     // int/float/imaginary literal text, underscores kept
  String,     // one string literal with its prefix and quotes, as written
  Op,         // operators and delimiters, also unknown ASCII like `$` (never matches)
  Newline,    // end of a logical line
  Indent,
  Dedent,
  EndMarker,
  Error,      // where the lexer stopped with an error (see LexResult)
};

const char* tokenTypeName(TokenType t);

struct Token {
  TokenType type = TokenType::EndMarker;
  std::string_view text;  // exact source text ("" for Indent/Dedent/EndMarker)
  int line = 0, col = 0, endLine = 0, endCol = 0;
  int depth = 0;          // bracket nesting level where the token starts
};

// An error found by the lexer or parser, in CPython's SyntaxError terms,
// with byte columns (converted to characters only where CPython does).
struct FrontError {
  std::string type = "SyntaxError";
  std::string message;
  int line = 0;
  int offset = 0;     // 1-based byte column of the caret; <= 0 = none
  int endLine = 0;
  int endOffset = 0;  // 1-based byte column past the caret range; CPython's -1/0 kept
  bool unsupported = false;
  bool printLocation = true;  // false: CPython prints only the last line
  // CPython 3.11 running a file reports most offsets in UTF-8 bytes, but
  // a few tokenizer errors (unterminated string, invalid character,
  // unmatched bracket, bad number) in characters: those set this.
  bool charOffsets = false;
  int nonUtf8Byte = -1;       // the byte of a "Non-UTF-8 code" error (message filled later)
  bool hasText = false;       // the source line CPython shows is `text`, not the file's
  std::string text;           // (f-string fields are shown as the "(expr)" compiled)
};

}  // namespace py
