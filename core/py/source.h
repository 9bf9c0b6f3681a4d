// source.h: a program's text as the front end sees it.
//
// Holds the UTF-8 text (a leading BOM removed), the table of line starts
// for turning byte offsets into (line, column) and back, and the whole-line
// `# sim:` comments the lexer collects. Positions are reported CPython's way:
// lines 1-based, columns as 0-based UTF-8 byte offsets in the AST and as
// 1-based character offsets in syntax errors; this class converts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace py {

class Source {
 public:
  // Keeps a view: `text` must outlive the Source.
  explicit Source(std::string_view text);

  std::string_view text() const { return text_; }
  int lineCount() const { return static_cast<int>(lineStarts_.size()); }

  // The 1-based line's text without its line terminator ("" if out of range).
  std::string_view line(int line) const;
  // Byte offset in text() where the 1-based line starts.
  std::size_t lineStart(int line) const;
  // 1-based line containing the byte offset.
  int lineOf(std::size_t offset) const;

  // Number of code points in the first `byteCol` bytes of the line: the
  // character column CPython shows for a byte column.
  int charColumn(int line, int byteCol) const;

  // The first invalid UTF-8 byte in text(), or npos when it is all valid.
  std::size_t firstInvalidUtf8() const;

  static constexpr std::size_t npos = std::string_view::npos;

 private:
  std::string_view text_;
  std::vector<std::size_t> lineStarts_;
};

// Strips a UTF-8 byte order mark.
std::string_view stripBom(std::string_view text);

// Length in bytes of the UTF-8 sequence starting at s[i], or 0 if invalid.
int utf8SequenceLength(std::string_view s, std::size_t i);
// Decodes the valid sequence starting at s[i] (as checked above).
char32_t utf8Decode(std::string_view s, std::size_t i, int length);
// Appends the UTF-8 encoding of cp (surrogates encoded as 3 bytes, as CPython
// keeps lone surrogates in str).
void utf8Append(std::string& out, char32_t cp);

}  // namespace py
