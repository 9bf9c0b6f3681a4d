// bytes_object.h: Python bytes: an immutable byte string, plus the UTF-8
// codec that joins it to str (bytes.decode, str.encode).
//
// Tutorials meet bytes through network reads (`await resp.read()`) and
// `.encode()`/`.decode()`, so this is bytes as a value: literals, repr,
// comparison, hashing, indexing, slicing, iteration and concatenation, with
// CPython's exact texts. bytearray and memoryview are outside the subset.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/py/object.h"

namespace py {

class VM;

class BytesObj : public PyObj {
 public:
  BytesObj(TypeObj* type, std::string bytes) : PyObj(type, Kind::Bytes), data(std::move(bytes)) {}
  std::size_t extraBytes() const override { return data.capacity(); }

  std::int64_t hash() const;

  std::string data;

 private:
  mutable std::int64_t hash_ = -1;
};

// CPython's repr of bytes: b'...' (or b"..." when only ' occurs), with
// \t \n \r \\ and \xNN for the non-printable bytes.
std::string bytesRepr(std::string_view data);

// One UTF-8 decoding problem, as CPython's decoder reports it: the bytes
// [start, end) and why ("invalid start byte", ...).
struct Utf8Error {
  std::size_t start = 0;
  std::size_t end = 0;
  const char* reason = nullptr;
};

// Decodes `data` strictly up to the first error (returned), or completely
// (nullopt-like: reason == nullptr). `out` gets the text decoded so far.
// With `replace` (errors='replace'/'ignore'), bad sequences become U+FFFD
// (or vanish when `replacement` is empty) and decoding continues.
Utf8Error utf8Decode(std::string_view data, std::string& out, bool keepGoing = false,
                     std::string_view replacement = {});

// Builds the bytes type's methods, its constructor and the Unicode error
// classes (UnicodeDecodeError, UnicodeEncodeError) into the VM.
void installBytes(VM& vm);

// The message of a UnicodeDecodeError / UnicodeEncodeError made from its
// five arguments (encoding, object, start, end, reason), as CPython words it.
std::string unicodeErrorMessage(VM& vm, Value exc);

// str.encode(encoding='utf-8', errors='strict').
Value strEncode(VM& vm, Value self, Value encoding, Value errors);

}  // namespace py
