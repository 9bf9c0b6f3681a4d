// parser_strings.cpp: string literals and f-strings (Python 3.11 rules).
//
// Adjacent STRING tokens concatenate into one Constant, or into one
// JoinedStr when any piece is an f-string. Escapes are decoded here, and
// f-string replacement fields are cut out the way CPython 3.11's
// string_parser.c does (the quote of the string cannot appear inside a
// field; a backslash or '#' cannot either), then parsed as expressions from
// their real source positions so every node carries its true column.
#include <cstdio>
#include <string>

#include "core/py/lexer.h"
#include "core/py/parser_internal.h"

namespace py {

namespace {

struct Piece {
  std::string_view prefix;
  std::string_view body;
  std::size_t bodyOffset = 0;  // of body in the source text
  bool raw = false, bytes = false, fstring = false, u = false;
};

Piece splitLiteral(std::string_view text, std::size_t tokenOffset) {
  Piece p;
  std::size_t q = text.find_first_of("'\"");
  p.prefix = text.substr(0, q);
  for (char c : p.prefix) {
    char l = static_cast<char>(c | 0x20);
    if (l == 'r') p.raw = true;
    if (l == 'b') p.bytes = true;
    if (l == 'f') p.fstring = true;
    if (l == 'u') p.u = true;
  }
  std::size_t quoteLen = text.size() - q >= 6 && text[q + 1] == text[q] && text[q + 2] == text[q] ? 3 : 1;
  p.body = text.substr(q + quoteLen, text.size() - q - 2 * quoteLen);
  p.bodyOffset = tokenOffset + q + quoteLen;
  return p;
}

bool isHexDigit(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
int hexValue(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

}  // namespace

// Errors from decoding sit on the token after the literal, as in CPython
// (it raises them once the whole concatenation has been read).
static FrontError stringError(const Parser& p, const std::string& msg) {
  const Token& t = p.cur();
  FrontError e;
  e.message = msg;
  e.line = t.line;
  e.offset = t.col + 1;
  e.endLine = t.endLine;
  e.endOffset = t.endCol + 1;
  return e;
}

std::string decodeStringBody(const Parser& p, const Token& t, std::string_view body, bool raw, bool bytes,
                             int bodyOffset) {
  (void)bodyOffset;
  std::string out;
  out.reserve(body.size());
  // CPython decodes with the unicode_escape codec after rewriting each
  // non-ASCII character as a 10-byte \UXXXXXXXX escape; error positions
  // count in that rewritten text.
  std::size_t pos = 0;
  for (std::size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c == '\r') {  // source newlines read as \n
      out += '\n';
      ++i;
      if (i < body.size() && body[i] == '\n') ++i;
      ++pos;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      int n = utf8SequenceLength(body, i);
      if (n == 0) n = 1;
      out.append(body.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
      pos += 10;
      continue;
    }
    if (c != '\\' || raw) {
      out += c;
      ++i;
      ++pos;
      continue;
    }
    std::size_t start = pos;
    if (i + 1 >= body.size()) {  // cannot happen: the lexer pairs quotes
      out += c;
      ++i;
      continue;
    }
    char e = body[i + 1];
    if (bytes && (e == 'u' || e == 'U' || e == 'N')) {  // not escapes in bytes: kept as written
      out += '\\';
      ++i;
      ++pos;
      continue;
    }
    if (bytes && e == 'x') {
      // bytes decode \x with bytes.decode_escape, whose error is a ValueError
      // counted in bytes of the literal's body.
      if (!(i + 3 < body.size() && isHexDigit(body[i + 2]) && isHexDigit(body[i + 3]))) {
        FrontError err = stringError(p, "(value error) invalid \\x escape at position " + std::to_string(i));
        p.fail(err);
      }
      out += static_cast<char>(hexValue(body[i + 2]) * 16 + hexValue(body[i + 3]));
      i += 4;
      pos += 4;
      continue;
    }
    auto truncated = [&](const char* what, std::size_t consumed) {
      char buf[160];
      std::snprintf(buf, sizeof buf,
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: truncated %s escape",
                    start, start + consumed - 1, what);
      FrontError err = stringError(p, buf);
      p.fail(err);
    };
    switch (e) {
      case '\n': i += 2; pos += 2; continue;
      case '\r':
        i += 2;
        pos += 2;
        if (i < body.size() && body[i] == '\n') { ++i; ++pos; }
        continue;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': case 'u': case 'U': {
        std::size_t need = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        std::size_t k = 0;
        char32_t v = 0;
        while (k < need && i + 2 + k < body.size() && isHexDigit(body[i + 2 + k])) {
          v = v * 16 + static_cast<char32_t>(hexValue(body[i + 2 + k]));
          ++k;
        }
        if (k < need) truncated(e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX", 2 + k);
        if (v > 0x10FFFF) {
          char buf[160];
          std::snprintf(buf, sizeof buf,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: illegal Unicode character",
                        start, start + need + 1);
          FrontError err = stringError(p, buf);
              p.fail(err);
        }
        utf8Append(out, v);
        i += 2 + need;
        pos += 2 + need;
        continue;
      }
      case 'N': {
        FrontError err;
        err.message = "\\N{...} escapes in strings";
        err.unsupported = true;
        err.line = t.line;
        err.offset = t.col + 1;
        err.endLine = t.endLine;
        err.endOffset = t.endCol + 1;
        p.fail(err);
      }
      default:
        if (e >= '0' && e <= '7') {
          char32_t v = 0;
          std::size_t k = 0;
          while (k < 3 && i + 1 + k < body.size() && body[i + 1 + k] >= '0' && body[i + 1 + k] <= '7') {
            v = v * 8 + static_cast<char32_t>(body[i + 1 + k] - '0');
            ++k;
          }
          if (bytes) out += static_cast<char>(v & 0xFF);
          else utf8Append(out, v);
          i += 1 + k;
          pos += 1 + k;
          continue;
        }
        // Unknown escapes stay as written (CPython only warns).
        out += '\\';
        ++i;
        ++pos;
        continue;
    }
    i += 2;
    pos += 2;
  }
  return out;
}

namespace {

// Builds the values of one JoinedStr (the whole string, or a format spec).
class FStringBuilder {
 public:
  FStringBuilder(Parser& p, Module& m, const Span& span) : p_(p), m_(m), span_(span) {}

  void addText(const std::string& s) { text_ += s; }
  void flush() {
    if (text_.empty()) return;
    auto* c = m_.make<Constant>();
    static_cast<Span&>(*c) = span_;
    c->value = ConstantKind::Str;
    c->str = std::move(text_);
    text_.clear();
    values_.push_back(c);
  }
  void addField(Expr* e) {
    flush();
    values_.push_back(e);
  }
  std::vector<Expr*> take() {
    flush();
    return std::move(values_);
  }

 private:
  Parser& p_;
  Module& m_;
  Span span_;
  std::string text_;
  std::vector<Expr*> values_;
};

}  // namespace

// The f-string parser proper (CPython 3.11 fstring_find_literal/_expr).
class FStringParser {
 public:
  FStringParser(Parser& p, Module& m, const Source& src, const Token& tok, const Piece& piece, const Span& span)
      : p_(p), m_(m), src_(src), tok_(tok), piece_(piece), span_(span) {}

  // Parses piece_.body into `out`; level 0 is the string itself, 1 a format spec.
  void parse(FStringBuilder& out, std::size_t& i, int level) {
    std::string_view b = piece_.body;
    while (i < b.size()) {
      // Literal run.
      std::size_t start = i;
      while (i < b.size() && b[i] != '{' && b[i] != '}') {
        if (b[i] == '\\' && !piece_.raw && i + 1 < b.size()) {
          if (b[i + 1] == 'N' && i + 2 < b.size() && b[i + 2] == '{') {
            decode(b.substr(start, i + 3 - start));  // refuses \N{...}
          }
          // `\{` keeps the backslash and still opens a field (3.11).
          i += b[i + 1] == '{' || b[i + 1] == '}' ? 1 : 2;
          continue;
        }
        ++i;
      }
      if (i > start) out.addText(decode(b.substr(start, i - start)));
      if (i >= b.size()) return;
      char c = b[i];
      if (level == 0 && i + 1 < b.size() && b[i + 1] == c) {
        out.addText(std::string(1, c));
        i += 2;
        continue;
      }
      if (c == '}') {
        if (level == 0) fail("f-string: single '}' is not allowed");
        return;  // end of a format spec
      }
      ++i;  // '{'
      field(out, i, level);
    }
  }

 private:
  Parser& p_;
  Module& m_;
  const Source& src_;
  const Token& tok_;
  const Piece& piece_;
  Span span_;

  std::string decode(std::string_view s) { return decodeStringBody(p_, tok_, s, piece_.raw, false, 0); }

  [[noreturn]] void fail(const std::string& msg) { p_.fail(stringError(p_, msg)); }

  void field(FStringBuilder& out, std::size_t& i, int level) {
    std::string_view b = piece_.body;
    if (level >= 2) fail("f-string: expressions nested too deeply");
    std::size_t exprStart = i;
    char quote = 0;
    bool tripleQuote = false;
    std::vector<char> stack;
    for (; i < b.size(); ++i) {
      char ch = b[i];
      if (ch == '\\') fail("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote) {
          if (tripleQuote) {
            if (i + 2 < b.size() && b[i + 1] == ch && b[i + 2] == ch) { i += 2; quote = 0; }
          } else {
            quote = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        tripleQuote = i + 2 < b.size() && b[i + 1] == ch && b[i + 2] == ch;
        if (tripleQuote) i += 2;
        quote = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (stack.size() >= static_cast<std::size_t>(kMaxBracketDepth)) fail("f-string: too many nested parenthesis");
        stack.push_back(ch);
      } else if (ch == '#') {
        fail("f-string expression part cannot include '#'");
      } else if (stack.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (i + 1 < b.size()) {
          char next = b[i + 1];
          if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
              (ch == '>' && next == '=')) {
            ++i;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (stack.empty()) fail(std::string("f-string: unmatched '") + ch + "'");
        char open = stack.back();
        stack.pop_back();
        if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}')))
          fail(std::string("f-string: closing parenthesis '") + ch + "' does not match opening parenthesis '" + open + "'");
      }
    }
    std::size_t exprEnd = i;
    if (quote) fail("f-string: unterminated string");
    if (!stack.empty()) fail(std::string("f-string: unmatched '") + stack.back() + "'");
    if (i >= b.size()) fail("f-string: expecting '}'");
    std::string_view exprText = b.substr(exprStart, exprEnd - exprStart);
    if (exprText.find_first_not_of(" \t\n\r\f") == std::string_view::npos) fail("f-string: empty expression not allowed");
    Expr* value = compile(exprStart, exprEnd);
    int conversion = -1;
    bool selfDoc = false;
    if (b[i] == '=') {
      ++i;
      while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == '\f')) ++i;
      if (i >= b.size()) fail("f-string: expecting '}'");
      out.addText(decode(b.substr(exprStart, i - exprStart)));
      selfDoc = true;
    }
    if (b[i] == '!') {
      ++i;
      if (i >= b.size()) fail("f-string: expecting '}'");
      conversion = static_cast<unsigned char>(b[i]);
      ++i;
      if (conversion != 's' && conversion != 'r' && conversion != 'a')
        fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    Expr* spec = nullptr;
    if (i < b.size() && b[i] == ':') {
      ++i;
      if (i >= b.size()) fail("f-string: expecting '}'");
      FStringBuilder sb(p_, m_, span_);
      parse(sb, i, level + 1);
      auto* js = m_.make<JoinedStr>();
      static_cast<Span&>(*js) = span_;
      js->values = sb.take();
      spec = js;
    }
    if (i >= b.size() || b[i] != '}') fail("f-string: expecting '}'");
    ++i;
    if (selfDoc && !spec && conversion == -1) conversion = 'r';
    auto* fv = m_.make<FormattedValue>();
    static_cast<Span&>(*fv) = span_;
    fv->value = value;
    fv->conversion = conversion;
    fv->formatSpec = spec;
    out.addField(fv);
  }

  // Parses the replacement field's expression from its real source span.
  Expr* compile(std::size_t exprStart, std::size_t exprEnd) {
    std::size_t begin = piece_.bodyOffset + exprStart;
    std::size_t end = piece_.bodyOffset + exprEnd;
    LexResult lex = tokenizeExpression(src_, begin, end);
    std::string wrapped = "(" + std::string(src_.text().substr(begin, end - begin)) + ")";
    int line = src_.lineOf(begin);
    int col0 = static_cast<int>(begin - src_.lineStart(line));
    auto relocate = [&](FrontError e) {
      // CPython reports these against the text "(expr)" it compiled.
      if (!e.unsupported && e.line == line) {
        if (e.offset > 0) e.offset = e.offset - col0 + 1;
        if (e.endOffset > 0) e.endOffset = e.endOffset - col0 + 1;
        e.text = wrapped;
        e.hasText = true;
      }
      return e;
    };
    if (lex.error) {
      FrontError e = *lex.error;
      e.message = "f-string: " + e.message;
      p_.fail(relocate(e));
    }
    Parser sub(src_, lex.tokens, m_);
    sub.inFString_ = true;
    sub.depth_ = p_.depth_;
    try {
      return sub.parseFStringExpression();
    } catch (const ParseFailure& f) {
      p_.fail(relocate(f.error));
    }
  }
};

Expr* Parser::parseFStringExpression() {
  Expr* e = isKw("yield") ? yieldExpr() : starExpressions();
  if (!isType(TokenType::EndMarker)) {
    checkMissingComma(e);
    invalidSyntax();
  }
  return e;
}

Expr* Parser::strings() {
  const Token first = cur();
  std::vector<std::pair<Token, Piece>> pieces;
  bool anyBytes = false, anyStr = false, anyF = false;
  while (isType(TokenType::String)) {
    const Token& t = cur();
    std::size_t off = static_cast<std::size_t>(t.text.data() - src_.text().data());
    Piece pc = splitLiteral(t.text, off);
    (pc.bytes ? anyBytes : anyStr) = true;
    anyF = anyF || pc.fstring;
    pieces.emplace_back(t, pc);
    advance();
  }
  Span span{first.line, first.col, prev().endLine, prev().endCol};
  // CPython checks each piece in turn: its characters, then that it is the
  // same kind (bytes or not) as the first.
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const Piece& pc = pieces[i].second;
    if (pc.bytes)
      for (char ch : pc.body)
        if (static_cast<unsigned char>(ch) >= 0x80)
          fail(stringError(*this, "bytes can only contain ASCII literal characters"));
    if (i > 0 && pc.bytes != pieces.front().second.bytes)
      fail(stringError(*this, "cannot mix bytes and nonbytes literals"));
  }
  if (!anyF) {
    auto* c = nodeAt<Constant>(span);
    endAt(*c, span);
    c->value = anyBytes ? ConstantKind::Bytes : ConstantKind::Str;
    c->uPrefix = pieces.front().second.u;
    for (auto& [t, pc] : pieces) c->str += decodeStringBody(*this, t, pc.body, pc.raw, pc.bytes, 0);
    return c;
  }
  FStringBuilder out(*this, m_, span);
  for (auto& [t, pc] : pieces) {
    if (!pc.fstring) {
      out.addText(decodeStringBody(*this, t, pc.body, pc.raw, pc.bytes, 0));
      continue;
    }
    FStringParser fp(*this, m_, src_, t, pc, span);
    std::size_t i = 0;
    fp.parse(out, i, 0);
  }
  auto* js = nodeAt<JoinedStr>(span);
  endAt(*js, span);
  js->values = out.take();
  return js;
}

}  // namespace py
