// Format-spec parsing and the int/str formatters, following the order of
// checks in CPython 3.11's Python/formatter_unicode.c so that the first
// error CPython would report is the one we report.
#include "core/py/runtime/format_spec.h"

#include <algorithm>

#include "core/py/runtime/float_format.h"

namespace py::rt {

namespace {

bool isAlign(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Length in bytes of the UTF-8 sequence starting with `lead`.
size_t utf8SeqLen(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

uint32_t utf8Decode(std::string_view s) {
    auto b = [&](size_t i) { return uint32_t(static_cast<unsigned char>(s[i])); };
    size_t n = utf8SeqLen(static_cast<unsigned char>(s[0]));
    if (n > s.size()) return b(0);
    switch (n) {
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    case 4: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    default: return b(0);
    }
}

// get_integer: -1 on overflow (error filled), else digits consumed.
int parseInteger(std::string_view s, size_t& pos, int64_t& out, FormatResult& error) {
    int consumed = 0;
    int64_t acc = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        int d = s[pos] - '0';
        if (acc > (INT64_MAX - d) / 10) {
            error = FormatResult::fail("ValueError", "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
        ++pos;
        ++consumed;
    }
    out = acc;
    return consumed;
}

std::string quoteCode(uint32_t type) {
    if (type > 32 && type < 128) return std::string(1, char(type));
    static const char hex[] = "0123456789abcdef";
    std::string h;
    for (uint32_t v = type; v; v >>= 4) h.push_back(hex[v & 15]);
    if (h.empty()) h.push_back('0');
    h += "x\\";
    std::reverse(h.begin(), h.end());
    return h;
}

std::string repeat(const std::string& s, int64_t n) {
    std::string r;
    for (int64_t i = 0; i < n; ++i) r += s;
    return r;
}

// _PyUnicode_InsertThousandsGrouping: groups `digits` from the right,
// zero-extending to at least `minWidth` characters (zero padding is
// grouped too, which is why '010,' yields "00,001,234").
std::string groupDigits(std::string_view digits, int64_t minWidth, std::string_view sep, int groupSize) {
    std::string out;  // built reversed
    int64_t remaining = int64_t(digits.size());
    bool useSep = false, broken = false;
    auto emit = [&](int64_t zeros, int64_t chars) {
        if (useSep) out.append(sep.rbegin(), sep.rend());
        for (int64_t i = 0; i < chars; ++i) out.push_back(digits[size_t(remaining - 1 - i)]);
        out.append(size_t(zeros), '0');
    };
    if (!sep.empty()) {
        while (true) {
            int64_t len = std::min<int64_t>(groupSize, std::max<int64_t>(std::max(remaining, minWidth), 1));
            int64_t zeros = std::max<int64_t>(0, len - remaining);
            int64_t chars = std::max<int64_t>(0, std::min(remaining, len));
            emit(zeros, chars);
            useSep = true;
            remaining -= chars;
            minWidth -= len;
            if (remaining <= 0 && minWidth <= 0) {
                broken = true;
                break;
            }
            minWidth -= int64_t(sep.size());
        }
    }
    if (!broken) {
        int64_t len = std::max<int64_t>(std::max(remaining, minWidth), 1);
        int64_t zeros = std::max<int64_t>(0, len - remaining);
        int64_t chars = std::max<int64_t>(0, std::min(remaining, len));
        emit(zeros, chars);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace

size_t utf8Length(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string utf8Encode(uint32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s.push_back(char(cp));
    } else if (cp < 0x800) {
        s.push_back(char(0xC0 | (cp >> 6)));
        s.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        s.push_back(char(0xE0 | (cp >> 12)));
        s.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        s.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        s.push_back(char(0xF0 | (cp >> 18)));
        s.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        s.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        s.push_back(char(0x80 | (cp & 0x3F)));
    }
    return s;
}

FormatResult unknownFormatCode(uint32_t type, std::string_view typeName) {
    return FormatResult::fail("ValueError", "Unknown format code '" + quoteCode(type) +
                                                "' for object of type '" + std::string(typeName) + "'");
}

bool parseFormatSpec(std::string_view spec, std::string_view typeName, char defaultAlign, uint32_t defaultType,
                     FormatSpec& f, FormatResult& error) {
    f = FormatSpec{};
    f.align = defaultAlign;
    f.type = defaultType;
    size_t pos = 0;
    bool alignSpecified = false;
    if (!spec.empty()) {
        size_t firstLen = std::min(utf8SeqLen(static_cast<unsigned char>(spec[0])), spec.size());
        if (spec.size() > firstLen && isAlign(spec[firstLen])) {
            f.fill = std::string(spec.substr(0, firstLen));
            f.fillSpecified = true;
            f.align = spec[firstLen];
            alignSpecified = true;
            pos = firstLen + 1;
        } else if (isAlign(spec[0])) {
            f.align = spec[0];
            alignSpecified = true;
            pos = 1;
        }
    }
    auto at = [&](char c) { return pos < spec.size() && spec[pos] == c; };
    if (pos < spec.size() && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) f.sign = spec[pos++];
    if (at('z')) {
        f.noNegZero = true;
        ++pos;
    }
    if (at('#')) {
        f.alternate = true;
        ++pos;
    }
    if (!f.fillSpecified && at('0')) {
        f.fill = "0";
        if (!alignSpecified && defaultAlign == '>') f.align = '=';
        ++pos;
    }
    int consumed = parseInteger(spec, pos, f.width, error);
    if (consumed < 0) return false;
    if (consumed == 0) f.width = -1;
    if (at(',')) {
        f.grouping = ',';
        ++pos;
    }
    if (at('_')) {
        if (f.grouping) {
            error = FormatResult::fail("ValueError", "Cannot specify both ',' and '_'.");
            return false;
        }
        f.grouping = '_';
        ++pos;
    }
    if (at(',') && f.grouping == '_') {
        error = FormatResult::fail("ValueError", "Cannot specify both ',' and '_'.");
        return false;
    }
    if (at('.')) {
        ++pos;
        consumed = parseInteger(spec, pos, f.precision, error);
        if (consumed < 0) return false;
        if (consumed == 0) {
            error = FormatResult::fail("ValueError", "Format specifier missing precision");
            return false;
        }
    }
    std::string_view rest = spec.substr(pos);
    if (!rest.empty()) {
        size_t len = utf8SeqLen(static_cast<unsigned char>(rest[0]));
        if (rest.size() > len) {
            error = FormatResult::fail("ValueError", "Invalid format specifier '" + std::string(spec) +
                                                         "' for object of type '" + std::string(typeName) + "'");
            return false;
        }
        f.type = utf8Decode(rest);
    }
    if (f.grouping) {
        switch (f.type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f.grouping == '_') break;
            [[fallthrough]];
        default:
            error = FormatResult::fail("ValueError", std::string("Cannot specify '") + f.grouping + "' with '" +
                                                         quoteCode(f.type) + "'.");
            return false;
        }
    }
    return true;
}

std::string layoutNumber(const FormatSpec& spec, char sign, std::string_view prefix, std::string_view digits,
                         std::string_view remainder, int groupSize) {
    std::string signStr;
    if (sign == '-') signStr = "-";
    else if (spec.sign == '+') signStr = "+";
    else if (spec.sign == ' ') signStr = " ";
    int64_t nonDigits = int64_t(signStr.size() + prefix.size() + utf8Length(remainder));
    int64_t minWidth = (spec.fill == "0" && spec.align == '=') ? spec.width - nonDigits : 0;
    std::string sep = spec.grouping == ',' ? "," : spec.grouping == '_' ? "_" : "";
    std::string grouped = digits.empty() ? std::string() : groupDigits(digits, minWidth, sep, groupSize);
    int64_t total = nonDigits + int64_t(grouped.size());
    int64_t pad = spec.width > total ? spec.width - total : 0;
    int64_t left = 0, right = 0, inner = 0;
    switch (spec.align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': inner = pad; break;
    default: left = pad; break;
    }
    std::string out = repeat(spec.fill, left);
    out += signStr;
    out += prefix;
    out += repeat(spec.fill, inner);
    out += grouped;
    out += remainder;
    out += repeat(spec.fill, right);
    return out;
}

FormatResult formatInt(const BigInt& value, std::string_view specText) {
    if (specText.empty()) return FormatResult::value(value.toString(10));
    FormatSpec spec;
    FormatResult err;
    if (!parseFormatSpec(specText, "int", '>', 'd', spec, err)) return err;
    switch (spec.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        bool overflow = false;
        double d = value.toDouble(overflow);
        if (overflow) return FormatResult::fail("OverflowError", "int too large to convert to float");
        return formatFloat(d, spec);
    }
    default:
        return unknownFormatCode(spec.type, "int");
    }
    if (spec.precision != -1) return FormatResult::fail("ValueError", "Precision not allowed in integer format specifier");
    if (spec.noNegZero) {
        return FormatResult::fail("ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (spec.type == 'c') {
        if (spec.sign) return FormatResult::fail("ValueError", "Sign not allowed with integer format specifier 'c'");
        if (spec.alternate) {
            return FormatResult::fail("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
        }
        if (!value.fitsInt64()) return FormatResult::fail("OverflowError", "Python int too large to convert to C long");
        if (value.isNegative() || value > BigInt(0x10ffff)) {
            return FormatResult::fail("OverflowError", "%c arg not in range(0x110000)");
        }
        return FormatResult::value(layoutNumber(spec, '\0', "", "", utf8Encode(uint32_t(value.toInt64())), 3));
    }
    int base = 10;
    std::string prefix;
    switch (spec.type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    if (!spec.alternate) prefix.clear();
    if (base == 10 && value.decimalDigitsExceed(BigInt::kMaxStrDigits)) {
        return FormatResult::fail("ValueError", "Exceeds the limit (4300 digits) for integer string conversion; "
                                                "use sys.set_int_max_str_digits() to increase the limit");
    }
    std::string digits = value.abs().toString(base);
    if (spec.type == 'X') std::transform(digits.begin(), digits.end(), digits.begin(), [](char c) {
        return (c >= 'a' && c <= 'f') ? char(c - 32) : c;
    });
    int groupSize = base == 10 ? 3 : 4;
    return FormatResult::value(layoutNumber(spec, value.isNegative() ? '-' : '\0', prefix, digits, "", groupSize));
}

FormatResult formatInt(int64_t value, std::string_view spec) {
    if (spec.empty()) return FormatResult::value(std::to_string(value));
    return formatInt(BigInt(value), spec);
}

FormatResult formatStr(std::string_view value, std::string_view specText) {
    if (specText.empty()) return FormatResult::value(std::string(value));
    FormatSpec spec;
    FormatResult err;
    if (!parseFormatSpec(specText, "str", '<', 's', spec, err)) return err;
    if (spec.type != 's') return unknownFormatCode(spec.type, "str");
    if (spec.sign == ' ') return FormatResult::fail("ValueError", "Space not allowed in string format specifier");
    if (spec.sign) return FormatResult::fail("ValueError", "Sign not allowed in string format specifier");
    if (spec.noNegZero) {
        return FormatResult::fail("ValueError", "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (spec.alternate) return FormatResult::fail("ValueError", "Alternate form (#) not allowed in string format specifier");
    if (spec.align == '=') return FormatResult::fail("ValueError", "'=' alignment not allowed in string format specifier");
    // Truncate to `precision` code points.
    std::string_view body = value;
    int64_t len = int64_t(utf8Length(value));
    if (spec.precision >= 0 && len > spec.precision) {
        size_t bytes = 0;
        for (int64_t cps = 0; cps < spec.precision && bytes < value.size(); ++cps) {
            bytes += utf8SeqLen(static_cast<unsigned char>(value[bytes]));
        }
        body = value.substr(0, std::min(bytes, value.size()));
        len = spec.precision;
    }
    int64_t total = std::max(spec.width, len);
    int64_t left = spec.align == '>' ? total - len : spec.align == '^' ? (total - len) / 2 : 0;
    int64_t right = total - len - left;
    return FormatResult::value(repeat(spec.fill, left) + std::string(body) + repeat(spec.fill, right));
}

}  // namespace py::rt
