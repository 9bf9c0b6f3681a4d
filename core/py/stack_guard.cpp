// stack_guard.cpp: the stack measurement behind stack_guard.h.
#include "core/py/stack_guard.h"

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <pthread.h>
#endif

namespace py {

namespace {

// Half the stack: what natives run between two nested VM::runs, and the
// traceback formatting after the error, need room too.
std::size_t computeBudget() {
  std::size_t size = 0;
#if defined(__linux__)
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    if (pthread_attr_getstacksize(&attr, &size) != 0) size = 0;
    pthread_attr_destroy(&attr);
  }
#endif
  if (size == 0) size = 1024 * 1024;
  // An unlimited stack reports a huge size; 64 MiB is far beyond what the
  // recursion limit lets nesting use anyway.
  if (size > 128u * 1024 * 1024) size = 128u * 1024 * 1024;
  return size / 2;
}

thread_local std::uintptr_t stackBase = 0;
thread_local std::size_t stackBudget = 0;

std::uintptr_t here() { return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0)); }

}  // namespace

void markNativeStackBase() {
  if (stackBudget == 0) stackBudget = computeBudget();
  stackBase = here();
}

bool nativeStackExhausted() {
  if (stackBase == 0) return false;
  const std::uintptr_t now = here();
  // Stacks grow down on every platform Loopscope builds for.
  return now < stackBase && stackBase - now > stackBudget;
}

}  // namespace py
