// inline_first_list.h: a list that holds its first element in place.
//
// Almost every future has exactly one done callback (its awaiting task's
// wakeup, or gather's _done_callback). A std::vector costs each of them a
// malloc and a free; this keeps one element inside the owner and moves to a
// vector only from the second on. Order is kept, as a vector's.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace loop {

template <class T>
class InlineFirstList {
 public:
  std::size_t size() const { return spilled_ ? more_.size() : size_; }
  bool empty() const { return size() == 0; }
  const T* begin() const { return spilled_ ? more_.data() : &first_; }
  const T* end() const { return begin() + size(); }
  // Heap bytes held (for Heap::extraBytes).
  std::size_t capacityBytes() const { return more_.capacity() * sizeof(T); }

  void push_back(const T& v) {
    if (spilled_) {
      more_.push_back(v);
    } else if (size_ == 0) {
      first_ = v;
      size_ = 1;
    } else {
      more_.reserve(4);
      more_.push_back(first_);
      more_.push_back(v);
      spilled_ = true;
    }
  }

  // Remove every element matching pred, keeping the others' order; returns how many went.
  template <class Pred>
  std::size_t eraseIf(Pred pred) {
    if (spilled_) return std::erase_if(more_, pred);
    if (size_ == 1 && pred(std::as_const(first_))) {
      first_ = T{};
      size_ = 0;
      return 1;
    }
    return 0;
  }

  // Move every element out, leaving this list empty.
  InlineFirstList take() {
    InlineFirstList out;
    std::swap(out.first_, first_);
    std::swap(out.size_, size_);
    std::swap(out.spilled_, spilled_);
    out.more_.swap(more_);
    first_ = T{};
    return out;
  }

 private:
  T first_{};
  std::vector<T> more_;     // every element, once a second one came
  unsigned char size_ = 0;  // 0 or 1 while not spilled
  bool spilled_ = false;
};

}  // namespace loop
