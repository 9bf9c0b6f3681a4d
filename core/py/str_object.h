// str_object.h: Python str, stored as UTF-8 with its code-point length.
//
// Most strings in tutorial programs are ASCII, so indexing and slicing
// have an O(1) path when `ascii` is set; otherwise they walk code points.
// The hash is computed once (FNV-1a over the bytes: str hashes are
// randomised in CPython, so no program can depend on their values).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/py/object.h"

namespace py {

class StrObj : public PyObj {
 public:
  StrObj(TypeObj* type, std::string s);
  std::size_t extraBytes() const override { return s.capacity(); }

  std::int64_t hash() const {
    if (hash_ == -1) computeHash();
    return hash_;
  }
  // Byte offset of code point `index` (0 <= index <= length).
  std::size_t byteOffset(std::size_t index) const;

  std::string s;
  std::size_t length = 0;  // in code points
  bool ascii = true;
  bool interned = false;

 private:
  void computeHash() const;
  mutable std::int64_t hash_ = -1;
};

// Code points in a UTF-8 string, and whether all are ASCII.
std::size_t utf8Length(std::string_view s, bool* ascii);
// Append the UTF-8 encoding of code point `cp`.
void appendUtf8(std::string& out, std::uint32_t cp);
// Decode one code point starting at byte `i`; advances i.
std::uint32_t decodeUtf8(std::string_view s, std::size_t& i);

}  // namespace py
