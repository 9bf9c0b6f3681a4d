// stdlib_time.cpp: the calendar half of the `time` module (gmtime,
// localtime, mktime, strftime, asctime, ctime, the *_ns clocks) on the
// virtual clock.
//
// The simulator's epoch is the virtual clock's 0 and local time is UTC, so
// `time.strftime('%X')` at the start of a run prints 00:00:00 and shows the
// virtual seconds that passed.  strftime is written here for the C locale
// rather than calling the C library, whose output would follow the host's
// locale and time zone.
#include <array>
#include <cmath>
#include <cstdio>

#include "core/py/int_object.h"
#include "core/py/runtime.h"
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

constexpr std::array<const char*, 7> kDayNames = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
constexpr std::array<const char*, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};

// Broken-down time as struct_time orders it: year, mon (1-12), mday, hour,
// min, sec, wday (Monday 0), yday (1-366), isdst.
using Fields = std::array<std::int64_t, 9>;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// days_from_civil), and its inverse: exact for any year, no tables.
std::int64_t daysFromCivil(std::int64_t y, std::int64_t m, std::int64_t d) {
  y -= m <= 2;
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool isLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

Fields fieldsFromSeconds(std::int64_t secs) {
  std::int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  std::int64_t rem = secs - days * 86400;
  std::int64_t z = days + 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = yoe + era * 400;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  std::int64_t wday = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday (3)
  std::int64_t yday = days - daysFromCivil(y, 1, 1) + 1;
  return {y, m, d, rem / 3600, rem % 3600 / 60, rem % 60, wday, yday, 0};
}

// The seconds argument of gmtime/localtime/ctime: the virtual clock when
// absent or None; floats are floored as CPython does.
bool secondsArg(VM& vm, CallArgs& a, std::int64_t& out) {
  double t = vm.runtime->clock.now;
  if (a.n >= 1 && !a.args[0].isNone()) {
    Value v = a.args[0];
    if (isInt(v)) {
      bool overflow = false;
      t = intToDouble(v, overflow);
    } else if (v.isNumber()) {
      t = v.asNumber();
      if (std::isnan(t)) {
        vm.raise(vm.t.ValueError, "Invalid value NaN (not a number)");
        return false;
      }
    } else {
      vm.raise(vm.t.TypeError, "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
      return false;
    }
  }
  if (!(std::fabs(t) < 6.7e13)) {  // beyond year ~2 million: CPython's platform limit
    vm.raise(vm.t.OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  out = static_cast<std::int64_t>(std::floor(t));
  return true;
}

Value fieldsTuple(VM& vm, const Fields& f) {
  std::vector<Value> items;
  for (std::int64_t x : f) items.push_back(vm.newInt(x));
  return vm.newTuple(std::move(items));
}

// A struct_time or 9-item tuple as Fields, checked as CPython's strftime
// and asctime check them (month, day and yday 0 mean "the first").
bool fieldsArg(VM& vm, Value v, const char* fn, Fields& f) {
  bool isStruct = v.isObject() && vm.typeOf(v)->name == "struct_time";
  if (!isStruct && !isKind(v, Kind::Tuple)) {
    vm.raise(vm.t.TypeError, "Tuple or struct_time argument required");
    return false;
  }
  std::vector<Value> items;
  if (!vm.toVector(v, items)) return false;
  if (items.size() != 9) {
    vm.raise(vm.t.TypeError, std::string(fn) + "(): illegal time tuple argument");
    return false;
  }
  for (std::size_t i = 0; i < 9; ++i) {
    if (!isIntLike(items[i])) {
      vm.raise(vm.t.TypeError, "'" + vm.typeName(items[i]) + "' object cannot be interpreted as an integer");
      return false;
    }
    f[i] = intOf(items[i]);
  }
  if (f[1] == 0) f[1] = 1;
  if (f[2] == 0) f[2] = 1;
  if (f[7] == 0) f[7] = 1;
  if (f[1] < 0 || f[1] > 12) return vm.raise(vm.t.ValueError, "month out of range"), false;
  if (f[2] < 0 || f[2] > 31) return vm.raise(vm.t.ValueError, "day of month out of range"), false;
  if (f[3] < 0 || f[3] > 23) return vm.raise(vm.t.ValueError, "hour out of range"), false;
  if (f[4] < 0 || f[4] > 59) return vm.raise(vm.t.ValueError, "minute out of range"), false;
  if (f[5] < 0 || f[5] > 61) return vm.raise(vm.t.ValueError, "seconds out of range"), false;
  if (f[6] < 0) return vm.raise(vm.t.ValueError, "day of week out of range"), false;
  f[6] %= 7;  // CPython folds large weekdays
  if (f[7] < 0 || f[7] > 366) return vm.raise(vm.t.ValueError, "day of year out of range"), false;
  if (f[8] < -1) f[8] = -1;
  if (f[8] > 1) f[8] = 1;
  return true;
}

std::string pad(std::int64_t v, int width, char fill = '0') {
  std::string s = std::to_string(v < 0 ? -v : v);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), fill);
  return v < 0 ? "-" + s : s;
}

// Week of the year with weeks starting on `firstDay` (0 Sunday, 1 Monday), as %U / %W.
std::int64_t weekNumber(const Fields& f, int firstDay) {
  std::int64_t yday0 = f[7] - 1;
  std::int64_t wdaySun = (f[6] + 1) % 7;  // C's tm_wday: Sunday 0
  return (yday0 + 7 - ((wdaySun - firstDay + 7) % 7)) / 7;
}

// ISO 8601 week-based year and week (%G, %V).
void isoWeek(const Fields& f, std::int64_t& year, std::int64_t& week) {
  std::int64_t wdayMon = f[6];  // Monday 0
  std::int64_t yday0 = f[7] - 1;
  year = f[0];
  std::int64_t thursday = yday0 - wdayMon + 3;  // this week's Thursday, as a day of this year
  if (thursday < 0) {
    --year;
    thursday += isLeap(year) ? 366 : 365;
  } else if (thursday >= (isLeap(year) ? 366 : 365)) {
    thursday -= isLeap(year) ? 366 : 365;
    ++year;
  }
  week = thursday / 7 + 1;
}

std::string strftimeC(const std::string& fmt, const Fields& f) {
  std::string out;
  std::string dayName = kDayNames[static_cast<std::size_t>(f[6])];
  std::string monthName = kMonthNames[static_cast<std::size_t>(f[1] - 1)];
  std::int64_t hour12 = f[3] % 12 == 0 ? 12 : f[3] % 12;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%' || i + 1 >= fmt.size()) {
      out += fmt[i];
      continue;
    }
    char c = fmt[++i];
    switch (c) {
      case 'a':
        out += dayName.substr(0, 3);
        break;
      case 'A':
        out += dayName;
        break;
      case 'b':
      case 'h':
        out += monthName.substr(0, 3);
        break;
      case 'B':
        out += monthName;
        break;
      case 'c':
        out += strftimeC("%a %b %e %H:%M:%S %Y", f);
        break;
      case 'C':
        out += pad(f[0] / 100, 2);
        break;
      case 'd':
        out += pad(f[2], 2);
        break;
      case 'D':
        out += strftimeC("%m/%d/%y", f);
        break;
      case 'e':
        out += pad(f[2], 2, ' ');
        break;
      case 'F':
        out += strftimeC("%Y-%m-%d", f);
        break;
      case 'G':
      case 'g':
      case 'V': {
        std::int64_t y, w;
        isoWeek(f, y, w);
        out += c == 'G' ? std::to_string(y) : c == 'g' ? pad(((y % 100) + 100) % 100, 2) : pad(w, 2);
        break;
      }
      case 'H':
        out += pad(f[3], 2);
        break;
      case 'I':
        out += pad(hour12, 2);
        break;
      case 'j':
        out += pad(f[7], 3);
        break;
      case 'k':
        out += pad(f[3], 2, ' ');
        break;
      case 'l':
        out += pad(hour12, 2, ' ');
        break;
      case 'm':
        out += pad(f[1], 2);
        break;
      case 'M':
        out += pad(f[4], 2);
        break;
      case 'n':
        out += '\n';
        break;
      case 'p':
        out += f[3] < 12 ? "AM" : "PM";
        break;
      case 'P':
        out += f[3] < 12 ? "am" : "pm";
        break;
      case 'r':
        out += strftimeC("%I:%M:%S %p", f);
        break;
      case 'R':
        out += strftimeC("%H:%M", f);
        break;
      case 's': {
        Fields g = f;
        out += std::to_string(daysFromCivil(g[0], g[1], g[2]) * 86400 + g[3] * 3600 + g[4] * 60 + g[5]);
        break;
      }
      case 'S':
        out += pad(f[5], 2);
        break;
      case 't':
        out += '\t';
        break;
      case 'T':
      case 'X':
        out += strftimeC("%H:%M:%S", f);
        break;
      case 'u':
        out += std::to_string(f[6] + 1);
        break;
      case 'U':
        out += pad(weekNumber(f, 0), 2);
        break;
      case 'w':
        out += std::to_string((f[6] + 1) % 7);
        break;
      case 'W':
        out += pad(weekNumber(f, 1), 2);
        break;
      case 'x':
        out += strftimeC("%m/%d/%y", f);
        break;
      case 'y':
        out += pad(((f[0] % 100) + 100) % 100, 2);
        break;
      case 'Y':
        out += std::to_string(f[0]);
        break;
      case 'z':
        out += "+0000";
        break;
      case 'Z':
        out += "UTC";
        break;
      case '%':
        out += '%';
        break;
      default:  // glibc leaves an unknown directive as written
        out += '%';
        out += c;
    }
  }
  return out;
}

std::string asctimeOf(const Fields& f) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3s %.3s%3d %02d:%02d:%02d %d", kDayNames[static_cast<std::size_t>(f[6])],
                kMonthNames[static_cast<std::size_t>(f[1] - 1)], static_cast<int>(f[2]),
                static_cast<int>(f[3]), static_cast<int>(f[4]), static_cast<int>(f[5]),
                static_cast<int>(f[0]));
  return buf;
}

#define NATIVE(name) Value name(VM& vm, NativeObj* self, CallArgs& a)

// _fields(secs): the 9 struct_time fields of a timestamp (UTC).
NATIVE(t_fields) {
  (void)self;
  std::int64_t secs;
  if (!secondsArg(vm, a, secs)) return kError;
  return fieldsTuple(vm, fieldsFromSeconds(secs));
}

// _strftime(fmt, tuple)
NATIVE(t_strftime) {
  (void)self;
  if (a.n < 1 || !isKind(a.args[0], Kind::Str))
    return vm.raise(vm.t.TypeError, "strftime() argument 1 must be str, not " +
                                        (a.n < 1 ? std::string("nothing") : vm.typeName(a.args[0])));
  Fields f;
  if (a.n >= 2) {
    if (!fieldsArg(vm, a.args[1], "strftime", f)) return kError;
  } else {
    std::int64_t secs;
    CallArgs none;
    if (!secondsArg(vm, none, secs)) return kError;
    f = fieldsFromSeconds(secs);
  }
  return vm.newStr(strftimeC(as<StrObj>(a.args[0])->s, f));
}

// _asctime(tuple or None)
NATIVE(t_asctime) {
  (void)self;
  Fields f;
  if (a.n >= 1 && !a.args[0].isNone()) {
    if (!fieldsArg(vm, a.args[0], "asctime", f)) return kError;
  } else {
    std::int64_t secs;
    CallArgs none;
    if (!secondsArg(vm, none, secs)) return kError;
    f = fieldsFromSeconds(secs);
  }
  return vm.newStr(asctimeOf(f));
}

// _mktime(tuple): the inverse of localtime (local time is UTC), normalising
// out-of-range fields as C's mktime does.
NATIVE(t_mktime) {
  (void)self;
  std::vector<Value> items;
  if (a.n < 1 || !vm.toVector(a.args[0], items))
    return a.n < 1 ? vm.raise(vm.t.TypeError, "mktime() missing argument") : kError;
  if (items.size() != 9) return vm.raise(vm.t.TypeError, "mktime(): illegal time tuple argument");
  Fields f;
  for (std::size_t i = 0; i < 9; ++i) {
    if (!isIntLike(items[i]))
      return vm.raise(vm.t.TypeError,
                      "'" + vm.typeName(items[i]) + "' object cannot be interpreted as an integer");
    f[i] = intOf(items[i]);
  }
  std::int64_t month0 = f[1] - 1;
  std::int64_t year = f[0] + (month0 >= 0 ? month0 / 12 : -((11 - month0) / 12));
  month0 -= (year - f[0]) * 12;
  std::int64_t days = daysFromCivil(year, month0 + 1, 1) + f[2] - 1;
  return Value::number(static_cast<double>(days * 86400 + f[3] * 3600 + f[4] * 60 + f[5]));
}

Value nanoseconds(VM& vm) {
  return makeInt(vm, rt::BigInt::fromDouble(std::nearbyint(vm.runtime->clock.now * 1e9)));
}
NATIVE(t_time_ns) {
  (void)self;
  (void)a;
  return nanoseconds(vm);
}

#undef NATIVE

}  // namespace

// struct_time and the public functions over the natives above.  A class
// rather than a tuple subclass keeps it inside the VM's subset; it indexes,
// slices, unpacks and compares equal to the tuple of its fields.
const char* const kTimeSource = R"PY(
class struct_time:
    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0

    def __init__(self, fields, zone="UTC", gmtoff=0):
        fields = tuple(fields)
        if len(fields) != 9:
            raise TypeError("time.struct_time() takes a 9-sequence (%d-sequence given)" % len(fields))
        self._t = fields
        (self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min,
         self.tm_sec, self.tm_wday, self.tm_yday, self.tm_isdst) = fields
        self.tm_zone = zone
        self.tm_gmtoff = gmtoff

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._t == other._t
        return self._t == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return ("time.struct_time(tm_year=%d, tm_mon=%d, tm_mday=%d, tm_hour=%d, "
                "tm_min=%d, tm_sec=%d, tm_wday=%d, tm_yday=%d, tm_isdst=%d)" % self._t)


def gmtime(secs=None):
    return struct_time(_fields(secs))


def localtime(secs=None):
    return struct_time(_fields(secs))


def strftime(format, t=None):
    if t is None:
        return _strftime(format)
    return _strftime(format, t)


def asctime(t=None):
    return _asctime(t)


def ctime(secs=None):
    return _asctime(struct_time(_fields(secs)))


def mktime(t):
    return _mktime(t)


def monotonic_ns():
    return time_ns()


def perf_counter_ns():
    return time_ns()


timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")
)PY";

Value installTimeCalendar(VM& vm, DictObj* d) {
  moduleFn(vm, d, "_fields", t_fields);
  moduleFn(vm, d, "_strftime", t_strftime);
  moduleFn(vm, d, "_asctime", t_asctime);
  moduleFn(vm, d, "_mktime", t_mktime);
  moduleFn(vm, d, "time_ns", t_time_ns);
  return execStdlibSource(vm, "time", kTimeSource, d);
}

}  // namespace py
