// Python float semantics beyond IEEE arithmetic, each written after the
// corresponding CPython 3.11 function (float___round___impl/double_round,
// float_divmod, PyOS_string_to_double, _Py_HashDouble) so that results and
// signed zeros agree.
#include "core/py/runtime/float_ops.h"

#include <charconv>
#include <cmath>
#include <string>

namespace py::rt {

namespace {

std::optional<double> decimalToDouble(const std::string& text, bool& overflow) {
    double v = 0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    overflow = res.ec == std::errc::result_out_of_range;
    if (res.ec != std::errc() && !overflow) return std::nullopt;
    return v;
}

// Integer digits of |x| (x finite) and whether it has a fractional part.
std::string integerDigits(double ax, bool& fractional) {
    double ip = std::trunc(ax);
    fractional = ax != ip;
    char buf[400];
    auto res = std::to_chars(buf, buf + sizeof buf, ip, std::chars_format::fixed, 0);
    return std::string(buf, res.ptr);
}

// Increments a decimal digit string by one.
std::string incrementDigits(std::string d) {
    for (size_t i = d.size(); i-- > 0;) {
        if (d[i] != '9') {
            ++d[i];
            return d;
        }
        d[i] = '0';
    }
    return "1" + d;
}

}  // namespace

std::optional<double> roundFloat(double x, int64_t ndigits, RtError& error) {
    if (!std::isfinite(x)) return x;
    constexpr int64_t kMax = 323, kMin = -308;  // CPython's NDIGITS_MAX/MIN
    if (ndigits > kMax) return x;
    if (ndigits < kMin) return 0.0 * x;
    std::string text;
    if (ndigits >= 0) {
        // to_chars rounds half to even on the exact binary value, as dtoa mode 3.
        std::string buf(size_t(ndigits) + 340, '\0');
        auto res = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed, int(ndigits));
        text.assign(buf.data(), res.ptr);
    } else {
        // Round the integer part at 10**k by hand, half to even, with the
        // fractional part as a sticky bit.
        size_t k = size_t(-ndigits);
        bool fractional = false;
        std::string d = integerDigits(std::fabs(x), fractional);
        std::string q = d.size() > k ? d.substr(0, d.size() - k) : "0";
        std::string rest = d.size() > k ? d.substr(d.size() - k) : std::string(k - d.size(), '0') + d;
        std::string half(k, '0');
        half[0] = '5';
        int c = rest.compare(half);
        bool odd = (q.back() - '0') % 2 == 1;
        if (c > 0 || (c == 0 && (fractional || odd))) q = incrementDigits(q);
        text = (std::signbit(x) ? "-" : "") + q + "e" + std::to_string(k);
    }
    bool overflow = false;
    auto v = decimalToDouble(text, overflow);
    if (overflow || !v || std::isinf(*v)) {
        error = {"OverflowError", "rounded value too large to represent"};
        return std::nullopt;
    }
    return v;
}

std::optional<BigInt> floatToInt(double x, RtError& error) {
    if (std::isnan(x)) {
        error = {"ValueError", "cannot convert float NaN to integer"};
        return std::nullopt;
    }
    if (std::isinf(x)) {
        error = {"OverflowError", "cannot convert float infinity to integer"};
        return std::nullopt;
    }
    return BigInt::fromDouble(x);
}

std::optional<BigInt> roundFloatToInt(double x, RtError& error) {
    double r = std::round(x);
    if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
    return floatToInt(r, error);
}

bool floatDivmod(double vx, double wx, double& floordiv, double& mod, RtError& error) {
    if (wx == 0.0) {
        error = {"ZeroDivisionError", "float divmod()"};
        return false;
    }
    mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, vx / wx);
    }
    return true;
}

std::optional<double> floatFloorDiv(double x, double y, RtError& error) {
    double q = 0, r = 0;
    if (!floatDivmod(x, y, q, r, error)) {
        error.message = "float floor division by zero";
        return std::nullopt;
    }
    return q;
}

std::optional<double> floatMod(double x, double y, RtError& error) {
    if (y == 0.0) {
        error = {"ZeroDivisionError", "float modulo"};
        return std::nullopt;
    }
    // float_rem: fmod, then move the result to the divisor's sign.
    double mod = std::fmod(x, y);
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) mod += y;
    } else {
        mod = std::copysign(0.0, y);
    }
    return mod;
}

namespace {
bool isOddInteger(double w) { return std::isfinite(w) && std::fmod(std::fabs(w), 2.0) == 1.0; }
}  // namespace

std::optional<double> floatPow(double iv, double iw, RtError& error) {
    // The special cases come first, in float_pow's order, rather than
    // trusting the platform pow() with them.
    if (iw == 0) return 1.0;
    if (std::isnan(iv)) return iv;
    if (std::isnan(iw)) return iv == 1.0 ? 1.0 : iw;
    if (std::isinf(iw)) {
        iv = std::fabs(iv);
        if (iv == 1.0) return 1.0;
        if ((iw > 0.0) == (iv > 1.0)) return std::fabs(iw);
        return 0.0;
    }
    if (std::isinf(iv)) {
        bool odd = isOddInteger(iw);
        if (iw > 0.0) return odd ? iv : std::fabs(iv);
        return odd ? std::copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            error = {"ZeroDivisionError", "0.0 cannot be raised to a negative power"};
            return std::nullopt;
        }
        return isOddInteger(iw) ? iv : 0.0;
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != std::floor(iw)) {
            error = {"ComplexResult", "negative number cannot be raised to a fractional power"};
            return std::nullopt;
        }
        iv = -iv;
        negate = isOddInteger(iw);
    }
    if (iv == 1.0) return negate ? -1.0 : 1.0;
    double ix = std::pow(iv, iw);
    if (std::isinf(ix)) {
        error = {"OverflowError", "(34, 'Numerical result out of range')"};
        return std::nullopt;
    }
    return negate ? -ix : ix;
}

std::optional<double> parseFloat(std::string_view s) {
    // Py_ISSPACE: ASCII white space without the separators \x1c-\x1f
    // (str.isspace() counts those, float() does not).
    auto isSpace = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    bool neg = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    std::string lower;
    for (char c : s) lower.push_back(char(c >= 'A' && c <= 'Z' ? c + 32 : c));
    if (lower == "inf" || lower == "infinity") return neg ? -INFINITY : INFINITY;
    if (lower == "nan") return neg ? -NAN : NAN;
    // Grammar: digits [. digits] | . digits, then [e [sign] digits]; an
    // underscore only between two digits.
    std::string clean;
    auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            if (i == 0 || i + 1 >= s.size() || !isDigit(s[i - 1]) || !isDigit(s[i + 1])) return std::nullopt;
            continue;
        }
        clean.push_back(s[i]);
    }
    size_t i = 0, intDigits = 0, fracDigits = 0;
    int64_t firstNonZero = INT64_MIN;  // decimal magnitude of the leading digit
    while (i < clean.size() && isDigit(clean[i])) {
        if (clean[i] != '0' && firstNonZero == INT64_MIN) firstNonZero = int64_t(intDigits);
        ++i;
        ++intDigits;
    }
    if (firstNonZero != INT64_MIN) firstNonZero = int64_t(intDigits) - firstNonZero;
    if (i < clean.size() && clean[i] == '.') {
        ++i;
        while (i < clean.size() && isDigit(clean[i])) {
            if (clean[i] != '0' && firstNonZero == INT64_MIN) firstNonZero = -int64_t(fracDigits);
            ++i;
            ++fracDigits;
        }
    }
    if (intDigits + fracDigits == 0) return std::nullopt;
    int64_t exponent = 0;
    if (i < clean.size() && (clean[i] == 'e' || clean[i] == 'E')) {
        ++i;
        bool eneg = false;
        if (i < clean.size() && (clean[i] == '+' || clean[i] == '-')) eneg = clean[i++] == '-';
        size_t start = i;
        while (i < clean.size() && isDigit(clean[i])) {
            if (exponent < 100000000) exponent = exponent * 10 + (clean[i] - '0');
            ++i;
        }
        if (i == start) return std::nullopt;
        if (eneg) exponent = -exponent;
    }
    if (i != clean.size()) return std::nullopt;
    double v = 0;
    auto res = std::from_chars(clean.data(), clean.data() + clean.size(), v);
    if (res.ec == std::errc::result_out_of_range) {
        v = (firstNonZero != INT64_MIN && exponent + firstNonZero > 0) ? INFINITY : 0.0;
    } else if (res.ec != std::errc() || res.ptr != clean.data() + clean.size()) {
        return std::nullopt;
    }
    return neg ? -v : v;
}

int64_t floatHash(double v) {
    constexpr int kBits = 61;
    constexpr uint64_t kModulus = (uint64_t(1) << kBits) - 1;
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    int e = 0;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    // 28 bits at a time, as _Py_HashDouble does.
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & kModulus) | x >> (kBits - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = uint64_t(m);
        m -= double(y);
        x += y;
        if (x >= kModulus) x -= kModulus;
    }
    e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
    x = ((x << e) & kModulus) | x >> (kBits - e);
    x = x * uint64_t(int64_t(sign));
    if (x == uint64_t(-1)) x = uint64_t(-2);
    return int64_t(x);
}

bool floatIsInteger(double x) { return std::isfinite(x) && std::floor(x) == x; }

}  // namespace py::rt
