// string_index.cpp: linear probing over (hash, id) slots.
#include "core/trace/string_index.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

#include "core/trace/huge_pages.h"

namespace trace {

StringIndex::~StringIndex() { release(slots_, capacity_); }

StringIndex::StringIndex(const StringIndex& other)
    : capacity_(other.capacity_), size_(other.size_), numbers_(other.numbers_) {
  if (capacity_ != 0) {
    slots_ = allocate(capacity_);
    std::memcpy(slots_, other.slots_, capacity_ * sizeof(Slot));
  }
}

StringIndex& StringIndex::operator=(const StringIndex& other) {
  if (this != &other) {
    StringIndex copy(other);
    *this = std::move(copy);
  }
  return *this;
}

StringIndex::StringIndex(StringIndex&& other) noexcept
    : slots_(std::exchange(other.slots_, nullptr)),
      capacity_(std::exchange(other.capacity_, 0)),
      size_(std::exchange(other.size_, 0)),
      numbers_(std::move(other.numbers_)) {}

StringIndex& StringIndex::operator=(StringIndex&& other) noexcept {
  if (this != &other) {
    release(slots_, capacity_);
    slots_ = std::exchange(other.slots_, nullptr);
    capacity_ = std::exchange(other.capacity_, 0);
    size_ = std::exchange(other.size_, 0);
    numbers_ = std::move(other.numbers_);
  }
  return *this;
}

StringIndex::Slot* StringIndex::allocate(std::size_t n) {
  const std::size_t bytes = n * sizeof(Slot);
  if (bytes >= kHugePageBytes) return static_cast<Slot*>(allocateHuge(bytes));  // zeroed by the kernel
  // calloc, not new Slot[n](): a big block comes straight from mmap, whose
  // pages are zero already, and is not cleared a second time.
  void* p = std::calloc(n, sizeof(Slot));
  if (p == nullptr) throw std::bad_alloc();
  return static_cast<Slot*>(p);
}

void StringIndex::release(Slot* p, std::size_t n) {
  if (p == nullptr) return;
  if (n * sizeof(Slot) >= kHugePageBytes)
    releaseHuge(p, n * sizeof(Slot));
  else
    std::free(p);
}

// Eight bytes at a time, each mixed in by a multiply: the strings are short
// labels and reprs ("v", "Task-7", "sleep(0.25)"), for which std::hash's
// byte-wise tail loop and out-of-line call cost more than the probe.
//
// The last byte is not mixed in but added to the hash: strings that differ
// only there ("Task-41", "Task-42"; a queue's items 1230 to 1239) land in
// neighbouring slots. A traced run interns such runs of new strings one
// after another, and each new string probes its slot in a table of
// megabytes: this way ten of them share a cache line or two instead of
// missing ten times (it was most of the time of tracing a queue of 100,000
// distinct numbers). A run of neighbours is at most 256 slots long, so
// linear probing stays short in a table at most half full.
// Inlined into intern(): out of line it was a call per string for a few multiplies.
[[gnu::always_inline]] inline std::uint32_t StringIndex::hashOf(std::string_view s) {
  if (s.empty()) return 0x9e3779b9u;
  const char* p = s.data();
  std::size_t n = s.size() - 1;
  const auto last = static_cast<unsigned char>(p[n]);
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ s.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  if (n != 0) {
    // The tail in registers: two overlapping loads (or three bytes) cover
    // it. A memcpy of n bytes into a word went through the stack, and
    // reading that word back stalled on store forwarding.
    std::uint64_t w;
    if (n >= 4) {
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      w = std::uint64_t(lo) | std::uint64_t(hi) << 32;
    } else {
      w = std::uint64_t(static_cast<unsigned char>(p[0])) |
          std::uint64_t(static_cast<unsigned char>(p[n / 2])) << 8 |
          std::uint64_t(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 29;
  }
  h *= 0x9e3779b97f4a7c15ull;
  return static_cast<std::uint32_t>(h >> 32) + last;
}

namespace {

// Values whose decimal spelling gets an array entry: at most 4 MiB of ids.
constexpr std::uint32_t kNumbers = std::uint32_t{1} << 20;
constexpr StrId kNotANumber = ~StrId{0};

}  // namespace

StrId StringIndex::internNumber(std::string_view s, StringTable& strings) {
  // Canonical spellings only: "007" or "+7" are other strings than "7".
  if (s.size() > 7 || (s[0] == '0' && s.size() > 1)) return kNotANumber;
  std::uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return kNotANumber;
    v = v * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (v >= kNumbers) return kNotANumber;
  if (v >= numbers_.size()) numbers_.resize(std::max<std::size_t>(1024, std::bit_ceil(std::size_t{v} + 1)));
  StrId& idPlus1 = numbers_[v];
  if (idPlus1 == 0) {
    idPlus1 = static_cast<StrId>(strings.size()) + 1;
    strings.push_back(s);
  }
  return idPlus1 - 1;
}

StrId StringIndex::intern(std::string_view s, StringTable& strings) {
  if (!s.empty() && s[0] >= '0' && s[0] <= '9') {
    const StrId id = internNumber(s, strings);
    if (id != kNotANumber) return id;
  }
  if ((size_ + 1) * 2 > capacity_) grow();
  const std::uint32_t h = hashOf(s);
  const std::size_t mask = capacity_ - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.idPlus1 == 0) {
      const auto id = static_cast<StrId>(strings.size());
      slot.hash = h;
      slot.idPlus1 = id + 1;
      strings.push_back(s);
      ++size_;
      return id;
    }
    if (slot.hash == h && strings[slot.idPlus1 - 1] == s) return slot.idPlus1 - 1;
  }
}

void StringIndex::clear() {
  numbers_ = {};
  release(slots_, capacity_);
  slots_ = nullptr;
  capacity_ = 0;
  size_ = 0;
}

// The stored hashes are enough to re-place every slot: no string is read.
void StringIndex::grow() {
  const std::size_t oldCapacity = capacity_;
  Slot* old = slots_;
  capacity_ = oldCapacity == 0 ? 64 : oldCapacity * 2;
  slots_ = allocate(capacity_);
  const std::size_t mask = capacity_ - 1;
  for (std::size_t k = 0; k < oldCapacity; ++k) {
    const Slot& s = old[k];
    if (s.idPlus1 == 0) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].idPlus1 != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
  release(old, oldCapacity);
}

}  // namespace trace
