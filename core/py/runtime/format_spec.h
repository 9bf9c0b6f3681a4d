// FormatSpec: Python's format-spec mini-language
// ([[fill]align][sign][z][#][0][width][grouping][.precision][type]) as
// CPython 3.11 parses it, plus format() for int and str and the shared
// number layout (sign, prefix, digit grouping, padding). format() of floats
// lives in float_format.h. Text is UTF-8; widths count code points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/py/runtime/bigint.h"

namespace py::rt {

// A format() outcome: text, or CPython's exception type and message.
struct FormatResult {
    std::string text;
    std::string errorType;  // empty on success, else "ValueError"/"OverflowError"
    std::string message;
    bool ok() const { return errorType.empty(); }
    static FormatResult value(std::string t) { return {std::move(t), {}, {}}; }
    static FormatResult fail(std::string type, std::string msg) { return {{}, std::move(type), std::move(msg)}; }
};

struct FormatSpec {
    std::string fill = " ";  // one code point, UTF-8
    char align = '\0';       // '<' '>' '^' '=' or '\0' for the type's default
    bool fillSpecified = false;
    char sign = '\0';        // '+' '-' ' ' or '\0'
    bool noNegZero = false;  // 'z'
    bool alternate = false;  // '#'
    int64_t width = -1;
    char grouping = '\0';    // ',' '_' or '\0'
    int64_t precision = -1;
    uint32_t type = 0;       // presentation type code point, 0 when absent
};

// Parses `spec` for an object whose type name is `typeName` (used in the
// error messages) with the type's default alignment ('>' numbers, '<' str)
// and default presentation type ('d' int, 's' str, 0 float).
// On failure returns false and fills `error` (always a ValueError).
bool parseFormatSpec(std::string_view spec, std::string_view typeName, char defaultAlign, uint32_t defaultType,
                     FormatSpec& out, FormatResult& error);

// format(value, spec) for int (bool formats as int) and str.
FormatResult formatInt(const BigInt& value, std::string_view spec);
FormatResult formatInt(int64_t value, std::string_view spec);
FormatResult formatStr(std::string_view value, std::string_view spec);

// "Unknown format code 'x' for object of type 'float'", with CPython's
// spelling of unprintable codes.
FormatResult unknownFormatCode(uint32_t type, std::string_view typeName);

// Lays out a formatted number: `sign` is '-' or '\0' (the value's own
// sign), `prefix` e.g. "0x", `digits` the integer digits to group,
// `remainder` everything after them (".5", "e+10", "%", "inf").
std::string layoutNumber(const FormatSpec& spec, char sign, std::string_view prefix,
                         std::string_view digits, std::string_view remainder, int groupSize);

// UTF-8 helpers shared by the formatters.
size_t utf8Length(std::string_view s);
std::string utf8Encode(uint32_t codePoint);

}  // namespace py::rt
