// format.cpp: Python's float repr, for labels such as "sleep(0.5)".
#include "core/loop/format.h"

#include <charconv>
#include <cmath>

namespace loop {

std::string floatRepr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[64];
  double a = std::fabs(d);
  std::to_chars_result r;
  // Python switches to exponent notation below 1e-4 and from 1e16.
  if (a != 0.0 && (a < 1e-4 || a >= 1e16)) {
    r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  } else {
    r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  }
  std::string s(buf, r.ptr);
  auto e = s.find('e');
  if (e == std::string::npos) {
    if (s.find('.') == std::string::npos) s += ".0";
  } else if (s[e + 1] == '+' || s[e + 1] == '-') {
    // Python writes at least two exponent digits: 1e-05, 1e+16.
    if (s.size() - (e + 2) < 2) s.insert(e + 2, "0");
  } else {
    s.insert(e + 1, "+");
    if (s.size() - (e + 2) < 2) s.insert(e + 2, "0");
  }
  return s;
}

}  // namespace loop
