// unicode_digits.h: reading numbers written with any Unicode decimal digits.
//
// CPython's int() (and float()) accept every Unicode decimal digit and any
// white space around a number: int('١٢٣') is 123, int('\u3000 7') is 7. It
// first rewrites the text to ASCII (_PyUnicode_TransformDecimalAndSpaceToASCII),
// then parses that; so does Loopscope, with the same tables
// (unicode_digits_table.h, generated from CPython's Unicode database).
#pragma once

#include <string>
#include <string_view>

namespace py {

// The UTF-8 text with each non-ASCII decimal digit replaced by its ASCII
// digit and each non-ASCII white space by ' '. At the first other
// non-ASCII character (or DEL) the result ends with '?' there, so that it
// cannot parse.
std::string asciiDigitsAndSpaces(std::string_view utf8);

}  // namespace py
