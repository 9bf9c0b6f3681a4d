// event_fields.h: the name of each generic Event field, per kind.
//
// event.h documents what a, b, c, d and flags mean for each kind; this is
// the same table in data, so the JSON Lines writer and reader (and the
// Chrome exporter's args) name fields identically and a new kind is named
// in one place. A null name means the field is unused by that kind.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/trace/event.h"

namespace trace {

// Which enum an event's flags hold.
enum class FlagEnum : std::uint8_t {
  None, HandleKind, FutureState, QueueKind, WaiterRole, PrimitiveKind, Stream, DiagnosticKind
};

struct EventFields {
  const char* a = nullptr;      // an id or a count (unsigned 32-bit)
  const char* b = nullptr;      // an id, a line, an index or a count (unsigned 32-bit)
  const char* c = nullptr;      // always a string (StrId)
  const char* d = nullptr;      // a double: a time, a duration, a line
  const char* flags = nullptr;  // the enum named by flagEnum
  FlagEnum flagEnum = FlagEnum::None;
};

const EventFields& eventFields(EventKind kind);

// The enumerator's name ("TaskWakeup"), or null when value is out of range.
const char* flagName(FlagEnum e, std::uint8_t value);
std::optional<std::uint8_t> flagFromName(FlagEnum e, std::string_view name);

}  // namespace trace
