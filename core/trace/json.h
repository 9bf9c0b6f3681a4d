// json.h: the little JSON the trace exporters need, writing and reading.
//
// core/ may not use Qt, and the trace formats need only strings, numbers,
// booleans, arrays and objects one line at a time, so a small exact
// implementation beats a dependency. Numbers are written in the shortest
// form that reads back to the same double, so traces round-trip bit for bit.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trace::json {

// Writes s as a JSON string literal: quotes, backslashes and control
// characters escaped; other bytes (UTF-8) copied as they are.
void writeString(std::ostream& out, std::string_view s);

// Writes the shortest decimal that reads back as exactly d, with ".0" added
// to integral values ("1.0", as Python prints floats). JSON has no inf or
// NaN: those are written as the strings "inf", "-inf" and "nan".
void writeDouble(std::ostream& out, double d);

struct Member;

struct Value {
  enum class Type { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  bool boolean = false;
  double number = 0.0;
  std::string string;
  std::vector<Value> array;
  // In document order. A named struct, not std::pair: pair needs Value
  // complete, and clang's libstdc++ mode rejects it inside Value's own body.
  std::vector<Member> object;

  // The member named key of an object, or null.
  const Value* find(std::string_view key) const;
};

struct Member {
  std::string key;
  Value value;
};

// Parses one JSON document (surrounding whitespace allowed). On failure
// returns false and says why in *error (with the byte offset).
bool parse(std::string_view text, Value* out, std::string* error);

}  // namespace trace::json
