// value.h: the one value word that the event loop and the language share.
//
// A Value is 64 bits, NaN-boxed: any double is stored as itself (NaNs are
// made canonical), and the quiet-NaN space carries None, bools, small ints
// (48-bit signed) and pointers to garbage-collected Objects. The loop stores
// and hands back results, exceptions and queue items as Values without
// knowing what they mean; the language (core/py) gives them meaning. Ints
// outside the 48-bit range live in heap objects owned by core/py.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace loop {

class Object;

class Value {
 public:
  // Tags live in bits 48..50 of a quiet NaN; tag 0 is the canonical NaN.
  static constexpr std::uint64_t kQuietNan = 0x7FF8'0000'0000'0000ULL;
  static constexpr std::uint64_t kPayloadMask = 0x0000'FFFF'FFFF'FFFFULL;
  static constexpr std::uint16_t kTagNone = 0x7FF9;
  static constexpr std::uint16_t kTagBool = 0x7FFA;
  static constexpr std::uint16_t kTagInt = 0x7FFB;
  static constexpr std::uint16_t kTagObject = 0x7FFC;
  static constexpr std::int64_t kMaxSmallInt = (std::int64_t{1} << 47) - 1;
  static constexpr std::int64_t kMinSmallInt = -(std::int64_t{1} << 47);

  constexpr Value() : bits_(tagged(kTagNone, 0)) {}

  static constexpr Value none() { return Value(tagged(kTagNone, 0)); }
  static constexpr Value boolean(bool b) { return Value(tagged(kTagBool, b ? 1 : 0)); }
  static constexpr bool fitsSmallInt(std::int64_t i) { return i >= kMinSmallInt && i <= kMaxSmallInt; }
  // Precondition: fitsSmallInt(i).
  static constexpr Value smallInt(std::int64_t i) {
    return Value(tagged(kTagInt, static_cast<std::uint64_t>(i) & kPayloadMask));
  }
  static Value number(double d) {
    if (std::isnan(d)) return Value(kQuietNan);
    return Value(std::bit_cast<std::uint64_t>(d));
  }
  static Value object(Object* o) {
    return Value(tagged(kTagObject, reinterpret_cast<std::uint64_t>(o)));
  }
  static constexpr Value fromBits(std::uint64_t b) { return Value(b); }

  constexpr std::uint64_t bits() const { return bits_; }
  constexpr std::uint16_t tag() const { return static_cast<std::uint16_t>(bits_ >> 48); }

  constexpr bool isNone() const { return tag() == kTagNone; }
  constexpr bool isBool() const { return tag() == kTagBool; }
  constexpr bool isSmallInt() const { return tag() == kTagInt; }
  constexpr bool isObject() const { return tag() == kTagObject; }
  constexpr bool isNumber() const {
    return (bits_ & kQuietNan) != kQuietNan || bits_ == kQuietNan;
  }

  constexpr bool asBool() const { return (bits_ & 1) != 0; }
  constexpr std::int64_t asSmallInt() const {
    // Sign-extend the 48-bit payload.
    return static_cast<std::int64_t>(bits_ << 16) >> 16;
  }
  double asNumber() const { return std::bit_cast<double>(bits_); }
  Object* asObject() const { return reinterpret_cast<Object*>(bits_ & kPayloadMask); }

  constexpr bool operator==(const Value&) const = default;

 private:
  constexpr explicit Value(std::uint64_t b) : bits_(b) {}
  static constexpr std::uint64_t tagged(std::uint16_t tag, std::uint64_t payload) {
    return (static_cast<std::uint64_t>(tag) << 48) | payload;
  }
  std::uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace loop
