// event.cpp: the printable names of event kinds and their flag enums.
//
// One table per enum, in declaration order, so a new enumerator that is
// not named here shows up as "?" in exports and fails the name tests.
#include "core/trace/event.h"

#include <array>
#include <cstddef>

namespace trace {

namespace {

constexpr std::array<const char*, kEventKindCount> kEventKindNames = {
    "RunBegin",        "LoopIterationBegin",  "LoopIterationEnd", "ClockAdvanced",
    "LoopBlocked",     "LoopStopped",         "HandleScheduled",  "HandleRun",
    "HandleCancelled", "TimerScheduled",      "TimerDue",         "TimerCancelled",
    "TimerDropped",    "TaskCreated",         "TaskCoroutine",    "TaskStepBegin",
    "TaskLine",        "TaskSuspended",       "TaskCancelRequested", "TaskDone",
    "FutureCreated",   "FutureCallbackAdded", "FutureDone",       "QueueCreated",
    "QueuePut",        "QueueGet",            "QueueWaiter",      "QueueWaiterGone",
    "QueueUnfinished", "PrimitiveCreated",    "PrimitiveChanged", "PrimitiveWaiter",
    "PrimitiveWaiterGone", "Output",          "Diagnostic",       "RunEnd",
};

template <std::size_t N>
const char* nameIn(const std::array<const char*, N>& names, unsigned value) {
  return value < N ? names[value] : "?";
}

}  // namespace

const char* eventKindName(EventKind kind) {
  return nameIn(kEventKindNames, static_cast<unsigned>(kind));
}

const char* handleKindName(HandleKind kind) {
  static constexpr std::array<const char*, 5> names = {"TaskStep", "TaskWakeup", "FutureCallback",
                                                       "Callback", "Timer"};
  return nameIn(names, static_cast<unsigned>(kind));
}

const char* futureStateName(FutureState state) {
  static constexpr std::array<const char*, 4> names = {"Pending", "Finished", "Failed", "Cancelled"};
  return nameIn(names, static_cast<unsigned>(state));
}

const char* queueKindName(QueueKind kind) {
  static constexpr std::array<const char*, 3> names = {"Fifo", "Lifo", "Priority"};
  return nameIn(names, static_cast<unsigned>(kind));
}

const char* waiterRoleName(WaiterRole role) {
  static constexpr std::array<const char*, 3> names = {"Getter", "Putter", "Joiner"};
  return nameIn(names, static_cast<unsigned>(role));
}

const char* primitiveKindName(PrimitiveKind kind) {
  static constexpr std::array<const char*, 5> names = {"Lock", "Event", "Semaphore",
                                                       "BoundedSemaphore", "Condition"};
  return nameIn(names, static_cast<unsigned>(kind));
}

const char* streamName(Stream stream) {
  static constexpr std::array<const char*, 3> names = {"Stdout", "Stderr", "ClientLog"};
  return nameIn(names, static_cast<unsigned>(stream));
}

const char* diagnosticKindName(DiagnosticKind kind) {
  static constexpr std::array<const char*, 8> names = {
      "NeverAwaited", "UnretrievedException", "Deadlock", "LoopBlocked",
      "Stall",        "Budget",               "Traceback", "CallbackError"};
  return nameIn(names, static_cast<unsigned>(kind));
}

std::optional<EventKind> eventKindFromName(std::string_view name) {
  for (std::size_t i = 0; i < kEventKindNames.size(); ++i)
    if (name == kEventKindNames[i]) return static_cast<EventKind>(i);
  return std::nullopt;
}

}  // namespace trace
