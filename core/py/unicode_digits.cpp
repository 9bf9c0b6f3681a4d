// unicode_digits.cpp: the rewrite behind unicode_digits.h.
#include "core/py/unicode_digits.h"

#include <algorithm>

#include "core/py/str_object.h"
#include "core/py/unicode_digits_table.h"

namespace py {

namespace {

int decimalValue(std::uint32_t cp) {
  const auto& runs = unicode_tables::kDigitRuns;
  auto it = std::upper_bound(runs.begin(), runs.end(), cp,
                             [](std::uint32_t c, const unicode_tables::DigitRun& r) { return c < r.first; });
  if (it == runs.begin()) return -1;
  --it;
  if (cp > it->last) return -1;
  return it->value + static_cast<int>(cp - it->first);
}

bool isSpace(std::uint32_t cp) {
  return std::binary_search(unicode_tables::kSpaces.begin(), unicode_tables::kSpaces.end(), cp);
}

}  // namespace

std::string asciiDigitsAndSpaces(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x7F) {
      out.push_back(static_cast<char>(byte));
      ++i;
      continue;
    }
    const std::uint32_t cp = decodeUtf8(utf8, i);
    const int d = decimalValue(cp);
    if (isSpace(cp)) {
      out.push_back(' ');
    } else if (d >= 0) {
      out.push_back(static_cast<char>('0' + d));
    } else {
      out.push_back('?');
      break;
    }
  }
  return out;
}

}  // namespace py
