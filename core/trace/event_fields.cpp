// event_fields.cpp: the per-kind field names (see event.h for meanings).
#include "core/trace/event_fields.h"

#include <array>

namespace trace {

namespace {

using F = EventFields;
using E = FlagEnum;

// In EventKind order; a static_assert below keeps the count honest.
const std::array<EventFields, kEventKindCount> kFields = {{
    /* RunBegin            */ F{nullptr, nullptr, "file"},
    /* LoopIterationBegin  */ F{"iteration"},
    /* LoopIterationEnd    */ F{"iteration"},
    /* ClockAdvanced       */ F{nullptr, nullptr, nullptr, "clock"},
    /* LoopBlocked         */ F{"task", "line", nullptr, "seconds"},
    /* LoopStopped         */ F{},
    /* HandleScheduled     */ F{"handle", "task", "label", nullptr, "handleKind", E::HandleKind},
    /* HandleRun           */ F{"handle"},
    /* HandleCancelled     */ F{"handle"},
    /* TimerScheduled      */ F{"timer", "task", "label", "when"},
    /* TimerDue            */ F{"timer"},
    /* TimerCancelled      */ F{"timer"},
    /* TimerDropped        */ F{"timer"},
    /* TaskCreated         */ F{"task", "parent", "name"},
    /* TaskCoroutine       */ F{"task", "defLine", "coroutine"},
    /* TaskStepBegin       */ F{"task"},
    /* TaskLine            */ F{"task", "line"},
    /* TaskSuspended       */ F{"task", "awaiting", "label", "line"},
    /* TaskCancelRequested */ F{"task", "throwNext", "message"},
    /* TaskDone            */ F{"task", nullptr, "result", nullptr, "state", E::FutureState},
    /* FutureCreated       */ F{"future", "creator", "label"},
    /* FutureCallbackAdded */ F{"future", nullptr, "callback"},
    /* FutureDone          */ F{"future", nullptr, "result", nullptr, "state", E::FutureState},
    /* QueueCreated        */ F{"queue", "maxsize", "class", nullptr, "queueKind", E::QueueKind},
    /* QueuePut            */ F{"queue", "index", "item"},
    /* QueueGet            */ F{"queue", "index", "item"},
    /* QueueWaiter         */ F{"queue", "task", nullptr, nullptr, "role", E::WaiterRole},
    /* QueueWaiterGone     */ F{"queue", "task", nullptr, nullptr, "role", E::WaiterRole},
    /* QueueUnfinished     */ F{"queue", "unfinished"},
    /* PrimitiveCreated    */ F{"primitive", "value", "label", nullptr, "primitiveKind", E::PrimitiveKind},
    /* PrimitiveChanged    */ F{"primitive", "value"},
    /* PrimitiveWaiter     */ F{"primitive", "task"},
    /* PrimitiveWaiterGone */ F{"primitive", "task"},
    /* Output              */ F{nullptr, nullptr, "text", nullptr, "stream", E::Stream},
    /* Diagnostic          */ F{"task", "line", "message", nullptr, "diagnostic", E::DiagnosticKind},
    /* RunEnd              */ F{"status"},
}};

// How many enumerators each FlagEnum has, and its name function.
struct EnumInfo {
  unsigned count;
  const char* (*name)(std::uint8_t);
};

EnumInfo enumInfo(FlagEnum e) {
  switch (e) {
    case E::None: break;
    case E::HandleKind: return {5, [](std::uint8_t v) { return handleKindName(HandleKind(v)); }};
    case E::FutureState: return {4, [](std::uint8_t v) { return futureStateName(FutureState(v)); }};
    case E::QueueKind: return {3, [](std::uint8_t v) { return queueKindName(QueueKind(v)); }};
    case E::WaiterRole: return {3, [](std::uint8_t v) { return waiterRoleName(WaiterRole(v)); }};
    case E::PrimitiveKind: return {5, [](std::uint8_t v) { return primitiveKindName(PrimitiveKind(v)); }};
    case E::Stream: return {3, [](std::uint8_t v) { return streamName(Stream(v)); }};
    case E::DiagnosticKind: return {8, [](std::uint8_t v) { return diagnosticKindName(DiagnosticKind(v)); }};
  }
  return {0, nullptr};
}

}  // namespace

const EventFields& eventFields(EventKind kind) {
  static const EventFields none{};
  auto i = static_cast<unsigned>(kind);
  return i < kFields.size() ? kFields[i] : none;
}

const char* flagName(FlagEnum e, std::uint8_t value) {
  EnumInfo info = enumInfo(e);
  return value < info.count ? info.name(value) : nullptr;
}

std::optional<std::uint8_t> flagFromName(FlagEnum e, std::string_view name) {
  EnumInfo info = enumInfo(e);
  for (unsigned v = 0; v < info.count; ++v)
    if (name == info.name(static_cast<std::uint8_t>(v))) return static_cast<std::uint8_t>(v);
  return std::nullopt;
}

}  // namespace trace
