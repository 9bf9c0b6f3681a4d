// source.cpp: line table and UTF-8 helpers for the front end.
#include "core/py/source.h"

#include <algorithm>

namespace py {

std::string_view stripBom(std::string_view text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
    text.remove_prefix(3);
  return text;
}

Source::Source(std::string_view text) : text_(text) {
  lineStarts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    // CPython treats \r\n and a lone \r as line ends too.
    if (text_[i] == '\n') {
      if (i + 1 < text_.size()) lineStarts_.push_back(i + 1);
    } else if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      if (i + 1 < text_.size()) lineStarts_.push_back(i + 1);
    }
  }
}

std::size_t Source::lineStart(int line) const {
  if (line < 1) return 0;
  if (line > lineCount()) return text_.size();
  return lineStarts_[static_cast<std::size_t>(line - 1)];
}

std::string_view Source::line(int line) const {
  if (line < 1 || line > lineCount()) return {};
  std::size_t b = lineStart(line);
  std::size_t e = b;
  while (e < text_.size() && text_[e] != '\n' && text_[e] != '\r') ++e;
  return text_.substr(b, e - b);
}

int Source::lineOf(std::size_t offset) const {
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  return static_cast<int>(it - lineStarts_.begin());
}

int Source::charColumn(int line, int byteCol) const {
  std::string_view l = line < 1 || line > lineCount() ? std::string_view{} : text_.substr(lineStart(line));
  int chars = 0;
  for (int i = 0; i < byteCol && static_cast<std::size_t>(i) < l.size(); ++i)
    if ((static_cast<unsigned char>(l[static_cast<std::size_t>(i)]) & 0xC0) != 0x80) ++chars;
  // Past the end of the text (e.g. a caret after the last character) counts bytes.
  if (static_cast<std::size_t>(byteCol) > l.size()) chars += byteCol - static_cast<int>(l.size());
  return chars;
}

std::size_t Source::firstInvalidUtf8() const {
  std::size_t i = 0;
  while (i < text_.size()) {
    if (static_cast<unsigned char>(text_[i]) < 0x80) { ++i; continue; }
    int n = utf8SequenceLength(text_, i);
    if (n == 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return npos;
}

int utf8SequenceLength(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  unsigned c = at(i);
  if (c < 0x80) return i < s.size() ? 1 : 0;
  auto cont = [&](std::size_t k) { return (at(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned c1 = at(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogates are not valid UTF-8 in a file
    return cont(i + 1) && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned c1 = at(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 >= 0x90) return 0;
    return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

char32_t utf8Decode(std::string_view s, std::size_t i, int length) {
  auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  switch (length) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

void utf8Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace py
