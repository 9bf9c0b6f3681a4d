// export_jsonl.cpp: JSON Lines writer and reader (schema in docs/trace-format.md).
//
// Field names come from event_fields.h. A field the kind does not use is
// normally 0 and omitted; if a producer set it anyway it is written as
// "_a", "_b", "_c", "_d" or "_flags" so that the round trip stays exact.
// The header carries the whole string table, so string ids survive too.
#include "core/trace/export_jsonl.h"

#include <cmath>
#include <limits>

#include "core/trace/event_fields.h"
#include "core/trace/json.h"

namespace trace {

namespace {

void writeUnsigned(std::ostream& out, const char* name, std::uint64_t v) {
  out << ",\"" << name << "\":" << v;
}

void writeStr(std::ostream& out, const char* name, std::string_view s) {
  out << ",\"" << name << "\":";
  json::writeString(out, s);
}

void writeEvent(const Trace& trace, std::size_t i, const Event& e, std::ostream& out) {
  const EventFields& f = eventFields(e.kind);
  out << "{\"i\":" << i << ",\"kind\":\"" << eventKindName(e.kind) << '"';
  if (f.a) writeUnsigned(out, f.a, e.a);
  else if (e.a) writeUnsigned(out, "_a", e.a);
  if (f.b) writeUnsigned(out, f.b, e.b);
  else if (e.b) writeUnsigned(out, "_b", e.b);
  if (f.c) writeStr(out, f.c, trace.str(e.c));
  else if (e.c) writeStr(out, "_c", trace.str(e.c));
  if (f.d || e.d != 0.0 || std::signbit(e.d)) {
    out << ",\"" << (f.d ? f.d : "_d") << "\":";
    json::writeDouble(out, e.d);
  }
  if (f.flags) {
    if (const char* n = flagName(f.flagEnum, e.flags)) writeStr(out, f.flags, n);
    else writeUnsigned(out, f.flags, e.flags);
  } else if (e.flags) {
    writeUnsigned(out, "_flags", e.flags);
  }
  if (e.reserved) writeUnsigned(out, "_reserved", e.reserved);
  out << "}\n";
}

// ---- reading -----------------------------------------------------------------

bool readUnsigned(const json::Value& v, std::uint64_t max, std::uint64_t* out) {
  if (v.type != json::Value::Type::Number) return false;
  double d = v.number;
  if (!(d >= 0) || d > static_cast<double>(max) || std::floor(d) != d) return false;
  *out = static_cast<std::uint64_t>(d);
  return true;
}

bool readDouble(const json::Value& v, double* out) {
  if (v.type == json::Value::Type::Number) {
    *out = v.number;
    return true;
  }
  if (v.type != json::Value::Type::String) return false;
  if (v.string == "inf") *out = std::numeric_limits<double>::infinity();
  else if (v.string == "-inf") *out = -std::numeric_limits<double>::infinity();
  else if (v.string == "nan") *out = std::numeric_limits<double>::quiet_NaN();
  else return false;
  return true;
}

class Reader {
 public:
  explicit Reader(std::string* error) : error_(error) {}

  std::shared_ptr<const Trace> read(std::istream& in) {
    std::string line;
    std::unique_ptr<Recorder> rec;
    while (std::getline(in, line)) {
      ++lineNo_;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      json::Value v;
      std::string why;
      if (!json::parse(line, &v, &why)) return fail("invalid JSON: " + why);
      if (v.type != json::Value::Type::Object) return fail("expected an object");
      if (!rec) {
        rec = header(v);
        if (!rec) return nullptr;
        continue;
      }
      if (!event(v, rec.get())) return nullptr;
    }
    if (!rec) return fail("empty input: no header line");
    return rec->finish();
  }

 private:
  std::shared_ptr<const Trace> fail(const std::string& why) {
    if (error_) *error_ = "line " + std::to_string(lineNo_) + ": " + why;
    return nullptr;
  }
  bool failed(const std::string& why) {
    fail(why);
    return false;
  }

  std::unique_ptr<Recorder> header(const json::Value& v) {
    const json::Value* format = v.find("format");
    if (!format || format->type != json::Value::Type::String || format->string != "loopscope-trace") {
      fail("not a loopscope trace (the header must have \"format\":\"loopscope-trace\")");
      return nullptr;
    }
    std::uint64_t version = 0;
    const json::Value* ver = v.find("version");
    if (!ver || !readUnsigned(*ver, 1u << 30, &version) || version < 1 ||
        version > static_cast<std::uint64_t>(kTraceFormatVersion)) {
      fail("unsupported trace format version (this build reads 1 to " +
           std::to_string(kTraceFormatVersion) + ")");
      return nullptr;
    }
    std::string file, source;
    if (const json::Value* x = v.find("file"); x && x->type == json::Value::Type::String) file = x->string;
    if (const json::Value* x = v.find("source"); x && x->type == json::Value::Type::String) source = x->string;
    auto rec = std::make_unique<Recorder>(std::move(file), std::move(source));
    if (const json::Value* strings = v.find("strings")) {
      if (strings->type != json::Value::Type::Array) {
        fail("\"strings\" must be an array");
        return nullptr;
      }
      // Interning in table order gives every string its original id.
      for (const json::Value& s : strings->array) {
        if (s.type != json::Value::Type::String) {
          fail("\"strings\" must hold strings");
          return nullptr;
        }
        rec->intern(s.string);
      }
    }
    return rec;
  }

  bool event(const json::Value& v, Recorder* rec) {
    const json::Value* kindName = v.find("kind");
    if (!kindName || kindName->type != json::Value::Type::String) return failed("event without \"kind\"");
    std::optional<EventKind> kind = eventKindFromName(kindName->string);
    if (!kind) return failed("unknown event kind \"" + kindName->string + "\"");
    Event e{*kind};
    const EventFields& f = eventFields(*kind);
    std::uint64_t u = 0;
    auto field = [&](const char* named, const char* fallback) -> const json::Value* {
      if (named)
        if (const json::Value* x = v.find(named)) return x;
      return v.find(fallback);
    };
    constexpr std::uint64_t kMax32 = 0xffffffffu;
    if (const json::Value* x = field(f.a, "_a")) {
      if (!readUnsigned(*x, kMax32, &u)) return failed("field a: expected an unsigned 32-bit integer");
      e.a = static_cast<Id>(u);
    }
    if (const json::Value* x = field(f.b, "_b")) {
      if (!readUnsigned(*x, kMax32, &u)) return failed("field b: expected an unsigned 32-bit integer");
      e.b = static_cast<std::uint32_t>(u);
    }
    if (const json::Value* x = field(f.c, "_c")) {
      if (x->type != json::Value::Type::String) return failed("field c: expected a string");
      e.c = rec->intern(x->string);
    }
    if (const json::Value* x = field(f.d, "_d")) {
      if (!readDouble(*x, &e.d)) return failed("field d: expected a number");
    }
    if (const json::Value* x = field(f.flags, "_flags")) {
      if (x->type == json::Value::Type::String && f.flags) {
        std::optional<std::uint8_t> flag = flagFromName(f.flagEnum, x->string);
        if (!flag) return failed("unknown " + std::string(f.flags) + " \"" + x->string + "\"");
        e.flags = *flag;
      } else if (readUnsigned(*x, 0xff, &u)) {
        e.flags = static_cast<std::uint8_t>(u);
      } else {
        return failed("flags: expected a name or a small integer");
      }
    }
    if (const json::Value* x = v.find("_reserved")) {
      if (!readUnsigned(*x, 0xffff, &u)) return failed("_reserved: expected a 16-bit integer");
      e.reserved = static_cast<std::uint16_t>(u);
    }
    if (const json::Value* x = v.find("i")) {
      if (!readUnsigned(*x, ~0ull >> 12, &u) || u != rec->trace().size())
        return failed("event index \"i\" out of sequence (expected " +
                      std::to_string(rec->trace().size()) + ")");
    }
    rec->record(e);
    return true;
  }

  std::string* error_;
  std::size_t lineNo_ = 0;
};

}  // namespace

void writeJsonLines(const Trace& trace, std::ostream& out) {
  out << "{\"format\":\"loopscope-trace\",\"version\":" << kTraceFormatVersion;
  writeStr(out, "file", trace.fileName());
  writeStr(out, "source", trace.source());
  writeUnsigned(out, "events", trace.size());
  out << ",\"strings\":[";
  for (std::size_t i = 0; i < trace.stringCount(); ++i) {
    if (i) out.put(',');
    json::writeString(out, trace.str(static_cast<StrId>(i)));
  }
  out << "]}\n";
  for (std::size_t i = 0; i < trace.size(); ++i) writeEvent(trace, i, trace[i], out);
}

std::shared_ptr<const Trace> readJsonLines(std::istream& in, std::string* error) {
  return Reader(error).read(in);
}

}  // namespace trace
