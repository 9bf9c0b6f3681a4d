// float -> text as CPython 3.11 does it. std::to_chars supplies correctly
// rounded digits (shortest, or rounded half-even on the exact binary value,
// which is what CPython's dtoa modes 0, 2 and 3 produce); the layout rules
// (where the exponent starts, when ".0" is added, '#' and 'z') follow
// format_float_short in Python/pystrtod.c.
#include "core/py/runtime/float_format.h"

#include <charconv>
#include <cmath>

namespace py::rt {

namespace {

// Fixed notation of the largest double needs 309 digits before the point.
std::string toChars(double v, std::chars_format fmt, int precision) {
    char stackBuf[400];
    if (precision <= 60) {
        auto res = std::to_chars(stackBuf, stackBuf + sizeof stackBuf, v, fmt, precision);
        return std::string(stackBuf, res.ptr);
    }
    std::string buf(size_t(precision) + 340, '\0');
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v, fmt, precision);
    buf.resize(size_t(res.ptr - buf.data()));
    return buf;
}

// Significant digits (no leading or trailing zeros, "0" for zero) and the
// decimal point position: value = 0.DIGITS * 10**decpt. precision < 0 means
// the shortest round-tripping digits; otherwise that many significant digits.
void significantDigits(double v, int precision, std::string& digits, int& decpt) {
    // Shortest or modest precisions fit a stack buffer (repr is hot).
    char stackBuf[192];
    std::string heapBuf;
    char* first = stackBuf;
    char* last = stackBuf + sizeof stackBuf;
    if (precision > 150) {
        heapBuf.assign(size_t(precision) + 32, '\0');
        first = heapBuf.data();
        last = first + heapBuf.size();
    }
    auto res = precision < 0 ? std::to_chars(first, last, v, std::chars_format::scientific)
                             : std::to_chars(first, last, v, std::chars_format::scientific, precision - 1);
    const char* e = first;
    while (e < res.ptr && *e != 'e') ++e;
    digits.clear();
    for (const char* p = first; p < e; ++p) {
        if (*p != '.') digits.push_back(*p);
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    // Exponent: 'e', sign, digits.
    int exp = 0;
    for (const char* p = e + 2; p < res.ptr; ++p) exp = exp * 10 + (*p - '0');
    decpt = (e[1] == '-' ? -exp : exp) + 1;
}

// "e+05", "E-300": sign always, at least two digits (printf's %+.02d).
std::string exponentText(int exp, bool upper) {
    std::string out(1, upper ? 'E' : 'e');
    out.push_back(exp < 0 ? '-' : '+');
    unsigned mag = unsigned(exp < 0 ? -exp : exp);
    if (mag < 10) out.push_back('0');
    out += std::to_string(mag);
    return out;
}

// format_float_short for the 'g' and 'r' codes: lays digits out in fixed
// or exponent form. `precision` is the significant-digit count for 'g'.
std::string layoutShort(const std::string& digits, int decpt, char code, int precision, bool addDot0, bool alt,
                        bool upper) {
    int digitsLen = int(digits.size());
    int vdigitsEnd = digitsLen;
    bool useExp = false;
    if (code == 'g') {
        if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
        if (alt) vdigitsEnd = precision;
    } else if (decpt <= -4 || decpt > 16) {
        useExp = true;
    }
    int exp = 0;
    if (useExp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
    if (!useExp && addDot0) vdigitsEnd = std::max(vdigitsEnd, decpt + 1);
    else vdigitsEnd = std::max(vdigitsEnd, decpt);

    std::string out;
    if (decpt <= 0) {
        out.append(size_t(decpt - vdigitsStart), '0');
        out.push_back('.');
        out.append(size_t(-decpt), '0');
    } else {
        out.append(size_t(-vdigitsStart), '0');
    }
    if (0 < decpt && decpt <= digitsLen) {
        out.append(digits, 0, size_t(decpt));
        out.push_back('.');
        out.append(digits, size_t(decpt), std::string::npos);
    } else {
        out += digits;
    }
    if (digitsLen < decpt) {
        out.append(size_t(decpt - digitsLen), '0');
        out.push_back('.');
        out.append(size_t(vdigitsEnd - decpt), '0');
    } else {
        out.append(size_t(vdigitsEnd - digitsLen), '0');
    }
    if (out.back() == '.' && !alt) out.pop_back();
    if (useExp) out += exponentText(exp, upper);
    return out;
}

bool allZeroDigits(const std::string& s) {
    for (char c : s) {
        if (c >= '1' && c <= '9') return false;
        if (c == 'e' || c == 'E') break;
    }
    return true;
}

// PyOS_double_to_string: text of |x| for `code` (e E f F g G r), with
// `negative` telling whether a '-' belongs in front.
std::string doubleToString(double x, char code, int precision, bool addDot0, bool alt, bool noNegZero,
                           bool& negative) {
    bool upper = code == 'E' || code == 'F' || code == 'G';
    char lower = upper ? char(code + 32) : code;
    negative = std::signbit(x) && !std::isnan(x);
    if (std::isnan(x)) return upper ? "NAN" : "nan";
    if (std::isinf(x)) return upper ? "INF" : "inf";
    double v = std::fabs(x);
    std::string body;
    if (lower == 'f') {
        body = toChars(v, std::chars_format::fixed, precision);
        if (alt && precision == 0) body.push_back('.');
    } else if (lower == 'e') {
        body = toChars(v, std::chars_format::scientific, precision);
        if (alt && precision == 0) {
            std::string withDot(1, body[0]);
            withDot.push_back('.');
            withDot.append(body, 1, std::string::npos);
            body = std::move(withDot);
        }
        if (upper) body[body.find('e')] = 'E';
    } else {
        std::string digits;
        int decpt = 0;
        if (lower == 'g' && precision == 0) precision = 1;
        significantDigits(v, lower == 'g' ? precision : -1, digits, decpt);
        body = layoutShort(digits, decpt, lower, precision, addDot0, alt, upper);
    }
    if (negative && noNegZero && allZeroDigits(body)) negative = false;
    return body;
}

}  // namespace

std::string floatRepr(double x) {
    if (!std::isfinite(x)) return std::isnan(x) ? "nan" : (x > 0 ? "inf" : "-inf");
    // Hot path (every print of a float): the same layout as layoutShort's
    // 'r' mode with ".0" added, written straight into a stack buffer.
    char sci[32];
    auto res = std::to_chars(sci, sci + sizeof sci, std::fabs(x), std::chars_format::scientific);
    char digits[20];
    int nd = 0;
    const char* p = sci;
    for (; p < res.ptr && *p != 'e'; ++p) {
        if (*p != '.') digits[nd++] = *p;
    }
    int exp = 0;
    for (const char* q = p + 2; q < res.ptr; ++q) exp = exp * 10 + (*q - '0');
    if (p[1] == '-') exp = -exp;
    const int decpt = exp + 1;
    char out[48];
    char* o = out;
    if (std::signbit(x)) *o++ = '-';
    if (decpt <= -4 || decpt > 16) {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            for (int i = 1; i < nd; ++i) *o++ = digits[i];
        }
        *o++ = 'e';
        *o++ = exp < 0 ? '-' : '+';
        int mag = exp < 0 ? -exp : exp;
        if (mag >= 100) *o++ = char('0' + mag / 100);
        *o++ = char('0' + mag / 10 % 10);
        *o++ = char('0' + mag % 10);
    } else if (decpt <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -decpt; ++i) *o++ = '0';
        for (int i = 0; i < nd; ++i) *o++ = digits[i];
    } else if (decpt >= nd) {
        for (int i = 0; i < nd; ++i) *o++ = digits[i];
        for (int i = nd; i < decpt; ++i) *o++ = '0';
        *o++ = '.';
        *o++ = '0';
    } else {
        for (int i = 0; i < decpt; ++i) *o++ = digits[i];
        *o++ = '.';
        for (int i = decpt; i < nd; ++i) *o++ = digits[i];
    }
    return std::string(out, o);
}

FormatResult formatFloat(double x, std::string_view specText) {
    if (specText.empty()) return FormatResult::value(floatRepr(x));
    FormatSpec spec;
    FormatResult err;
    if (!parseFormatSpec(specText, "float", '>', 0, spec, err)) return err;
    return formatFloat(x, spec);
}

FormatResult formatFloat(double x, const FormatSpec& spec) {
    uint32_t type = spec.type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        return unknownFormatCode(type, "float");
    }
    if (spec.precision > 2147483647) return FormatResult::fail("ValueError", "precision too big");
    int precision = int(spec.precision);
    int defaultPrecision = 6;
    bool addDot0 = false;
    if (type == 0) {
        addDot0 = true;
        type = 'r';
        defaultPrecision = 0;
    }
    if (type == 'n') type = 'g';
    bool addPct = false;
    if (type == '%') {
        type = 'f';
        x *= 100;
        addPct = true;
    }
    if (precision < 0) precision = defaultPrecision;
    else if (type == 'r') type = 'g';
    bool negative = false;
    std::string body = doubleToString(x, char(type), precision, addDot0, spec.alternate, spec.noNegZero, negative);
    if (addPct) body.push_back('%');
    size_t nDigits = 0;
    while (nDigits < body.size() && body[nDigits] >= '0' && body[nDigits] <= '9') ++nDigits;
    std::string_view all(body);
    return FormatResult::value(
        layoutNumber(spec, negative ? '-' : '\0', "", all.substr(0, nDigits), all.substr(nDigits), 3));
}

}  // namespace py::rt
