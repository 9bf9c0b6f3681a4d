// small_list.h: a vector of trivially copyable values that keeps the first few inline.
//
// Every FutureView has a list of callback labels, nearly always one (the
// awaiting task's wakeup) or none. As a std::vector each cost a malloc when
// it was filled, another for every keyframe that copied it and a free when
// it was pruned (a tenth of a traced 100,000-sleeper run). A SmallList of
// N = 4 StrIds is as big as a std::vector (24 bytes) and allocates only
// from the fifth element on. It reads like a vector: size, [], at, front,
// range-for, ==.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace trace {

template <class T, std::size_t N>
class SmallList {
  static_assert(std::is_trivially_copyable_v<T>, "elements are copied as bytes");

 public:
  using value_type = T;
  using const_iterator = const T*;
  using iterator = const T*;

  SmallList() = default;
  SmallList(const SmallList& o) { assign(o.begin(), o.size()); }
  SmallList& operator=(const SmallList& o) {
    if (this != &o) {
      clear();
      assign(o.begin(), o.size());
    }
    return *this;
  }
  SmallList(SmallList&& o) noexcept : size_(o.size_), capacity_(o.capacity_) {
    std::memcpy(&u_, &o.u_, sizeof u_);
    o.size_ = 0;
    o.capacity_ = N;
  }
  SmallList& operator=(SmallList&& o) noexcept {
    if (this != &o) {
      release();
      std::memcpy(&u_, &o.u_, sizeof u_);
      size_ = o.size_;
      capacity_ = o.capacity_;
      o.size_ = 0;
      o.capacity_ = N;
    }
    return *this;
  }
  ~SmallList() { release(); }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::size_t capacity() const { return capacity_; }
  const T* data() const { return inlined() ? u_.inline_ : u_.heap_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }
  const T& operator[](std::size_t i) const { return data()[i]; }
  const T& at(std::size_t i) const {
    if (i >= size_) throw std::out_of_range("SmallList::at");
    return data()[i];
  }
  const T& front() const { return data()[0]; }
  const T& back() const { return data()[size_ - 1]; }

  void push_back(const T& v) {
    if (size_ == capacity_) grow();
    mutableData()[size_++] = v;
  }
  // Empties the list and gives back any heap block.
  void clear() {
    release();
    size_ = 0;
    capacity_ = N;
  }
  // Bytes held outside the object (0 while inline).
  std::size_t heapCapacityBytes() const { return inlined() ? 0 : capacity_ * sizeof(T); }

  friend bool operator==(const SmallList& x, const SmallList& y) {
    return x.size_ == y.size_ && std::equal(x.begin(), x.end(), y.begin());
  }
  friend bool operator==(const SmallList& x, const std::vector<T>& y) {
    return x.size_ == y.size() && std::equal(x.begin(), x.end(), y.begin());
  }

 private:
  bool inlined() const { return capacity_ == N; }
  T* mutableData() { return inlined() ? u_.inline_ : u_.heap_; }
  void release() {
    if (!inlined()) delete[] u_.heap_;
  }
  void assign(const T* src, std::size_t n) {
    if (n > N) {
      u_.heap_ = new T[n];
      capacity_ = static_cast<std::uint32_t>(n);
    }
    if (n != 0) std::memcpy(static_cast<void*>(mutableData()), src, n * sizeof(T));
    size_ = static_cast<std::uint32_t>(n);
  }
  void grow() {
    const std::size_t cap = capacity_ * 2;
    T* heap = new T[cap];
    std::memcpy(static_cast<void*>(heap), data(), size_ * sizeof(T));
    release();
    u_.heap_ = heap;
    capacity_ = static_cast<std::uint32_t>(cap);
  }

  union Storage {
    T inline_[N];
    T* heap_;
  } u_{};
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = N;  // N: inline; more: u_.heap_ holds capacity_ elements
};

}  // namespace trace
