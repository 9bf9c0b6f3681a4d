// json.cpp: a strict recursive-descent JSON reader and the two writers the
// exporters share. Strict, because a trace file that does not parse should
// say where, not be half-read.
#include "core/trace/json.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace trace::json {

void writeString(std::ostream& out, std::string_view s) {
  out.put('"');
  std::size_t run = 0;  // start of the pending run of bytes that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    const char* esc = nullptr;
    char buf[8];
    switch (c) {
      case '"': esc = "\\\""; break;
      case '\\': esc = "\\\\"; break;
      case '\n': esc = "\\n"; break;
      case '\r': esc = "\\r"; break;
      case '\t': esc = "\\t"; break;
      case '\b': esc = "\\b"; break;
      case '\f': esc = "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          esc = buf;
        }
    }
    if (!esc) continue;
    out.write(s.data() + run, static_cast<std::streamsize>(i - run));
    out << esc;
    run = i + 1;
  }
  out.write(s.data() + run, static_cast<std::streamsize>(s.size() - run));
  out.put('"');
}

void writeDouble(std::ostream& out, double d) {
  if (std::isnan(d)) {
    out << "\"nan\"";
    return;
  }
  if (std::isinf(d)) {
    out << (d > 0 ? "\"inf\"" : "\"-inf\"");
    return;
  }
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string_view text(buf, static_cast<std::size_t>(end - buf));
  out << text;
  if (text.find_first_of(".eE") == std::string_view::npos) out << ".0";
}

const Value* Value::find(std::string_view key) const {
  for (const auto& [k, v] : object)
    if (k == key) return &v;
  return nullptr;
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view t) : t_(t) {}

  bool document(Value* out, std::string* error) {
    skipSpace();
    if (!value(out, 0)) return fail(error);
    skipSpace();
    if (pos_ != t_.size()) {
      why_ = "trailing characters";
      return fail(error);
    }
    return true;
  }

 private:
  static constexpr int kMaxDepth = 64;

  bool fail(std::string* error) {
    if (error) *error = why_ + " at byte " + std::to_string(pos_);
    return false;
  }
  bool err(const char* why) {
    why_ = why;
    return false;
  }
  void skipSpace() {
    while (pos_ < t_.size() && (t_[pos_] == ' ' || t_[pos_] == '\t' || t_[pos_] == '\n' || t_[pos_] == '\r'))
      ++pos_;
  }
  bool literal(std::string_view word) {
    if (t_.substr(pos_, word.size()) != word) return err("invalid literal");
    pos_ += word.size();
    return true;
  }

  bool value(Value* v, int depth) {
    if (depth > kMaxDepth) return err("nesting too deep");
    if (pos_ >= t_.size()) return err("unexpected end");
    char c = t_[pos_];
    switch (c) {
      case '{': return object(v, depth);
      case '[': return array(v, depth);
      case '"': v->type = Value::Type::String; return string(&v->string);
      case 't': v->type = Value::Type::Bool; v->boolean = true; return literal("true");
      case 'f': v->type = Value::Type::Bool; v->boolean = false; return literal("false");
      case 'n': v->type = Value::Type::Null; return literal("null");
      default: return number(v);
    }
  }

  bool object(Value* v, int depth) {
    v->type = Value::Type::Object;
    ++pos_;
    skipSpace();
    if (pos_ < t_.size() && t_[pos_] == '}') {
      ++pos_;
      return true;
    }
    for (;;) {
      skipSpace();
      if (pos_ >= t_.size() || t_[pos_] != '"') return err("expected a member name");
      std::string key;
      if (!string(&key)) return false;
      skipSpace();
      if (pos_ >= t_.size() || t_[pos_] != ':') return err("expected ':'");
      ++pos_;
      skipSpace();
      Value member;
      if (!value(&member, depth + 1)) return false;
      v->object.push_back(Member{std::move(key), std::move(member)});
      skipSpace();
      if (pos_ < t_.size() && t_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < t_.size() && t_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return err("expected ',' or '}'");
    }
  }

  bool array(Value* v, int depth) {
    v->type = Value::Type::Array;
    ++pos_;
    skipSpace();
    if (pos_ < t_.size() && t_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      skipSpace();
      Value item;
      if (!value(&item, depth + 1)) return false;
      v->array.push_back(std::move(item));
      skipSpace();
      if (pos_ < t_.size() && t_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < t_.size() && t_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return err("expected ',' or ']'");
    }
  }

  bool hex4(std::uint32_t* out) {
    if (pos_ + 4 > t_.size()) return err("short \\u escape");
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = t_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return err("bad \\u escape");
    }
    *out = v;
    return true;
  }

  static void appendUtf8(std::string* s, std::uint32_t cp) {
    if (cp < 0x80) {
      s->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      s->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      s->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      s->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  bool string(std::string* out) {
    ++pos_;  // opening quote
    for (;;) {
      std::size_t start = pos_;
      while (pos_ < t_.size() && t_[pos_] != '"' && t_[pos_] != '\\' &&
             static_cast<unsigned char>(t_[pos_]) >= 0x20)
        ++pos_;
      out->append(t_.substr(start, pos_ - start));
      if (pos_ >= t_.size()) return err("unterminated string");
      char c = t_[pos_++];
      if (c == '"') return true;
      if (c != '\\') return err("control character in string");
      if (pos_ >= t_.size()) return err("unterminated escape");
      char e = t_[pos_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && t_.substr(pos_, 2) == "\\u") {
            std::size_t save = pos_;
            pos_ += 2;
            std::uint32_t lo = 0;
            if (!hex4(&lo)) return false;
            if (lo >= 0xDC00 && lo < 0xE000)
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            else
              pos_ = save;
          }
          appendUtf8(out, cp);
          break;
        }
        default: return err("bad escape");
      }
    }
  }

  bool number(Value* v) {
    v->type = Value::Type::Number;
    std::size_t start = pos_;
    if (pos_ < t_.size() && t_[pos_] == '-') ++pos_;
    if (pos_ >= t_.size() || !(t_[pos_] >= '0' && t_[pos_] <= '9')) return err("unexpected character");
    while (pos_ < t_.size() && std::strchr("0123456789.eE+-", t_[pos_]) != nullptr) ++pos_;
    const char* b = t_.data() + start;
    const char* e = t_.data() + pos_;
    auto [end, ec] = std::from_chars(b, e, v->number);
    if (ec != std::errc() || end != e) {
      pos_ = start;
      return err("bad number");
    }
    return true;
  }

  std::string_view t_;
  std::size_t pos_ = 0;
  std::string why_;
};

}  // namespace

bool parse(std::string_view text, Value* out, std::string* error) {
  *out = Value{};
  return Parser(text).document(out, error);
}

}  // namespace trace::json
