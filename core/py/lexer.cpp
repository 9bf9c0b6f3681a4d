// lexer.cpp: the Python 3.11 tokenizer (see lexer.h).
//
// Mirrors CPython's Parser/tokenizer.c in the parts a program can observe:
// which texts are tokens, where INDENT/DEDENT fall, and the wording and
// position of every error it raises. String literal *contents* are decoded
// later by the parser (string_literal.cpp); here a string is only delimited.
#include "core/py/lexer.h"

#include <cstdio>
#include <string>

namespace py {

const char* tokenTypeName(TokenType t) {
  switch (t) {
    case TokenType::Name: return "NAME";
    case TokenType::Number: return "NUMBER";
    case TokenType::String: return "STRING";
    case TokenType::Op: return "OP";
    case TokenType::Newline: return "NEWLINE";
    case TokenType::Indent: return "INDENT";
    case TokenType::Dedent: return "DEDENT";
    case TokenType::EndMarker: return "ENDMARKER";
    case TokenType::Error: return "ERRORTOKEN";
  }
  return "?";
}

// Identifier characters beyond ASCII. CPython uses Unicode XID_Start /
// XID_Continue; without the Unicode tables we accept the letter blocks of
// the scripts a student is likely to use and refuse symbols, so `€` or a
// no-break space gets CPython's "invalid character" error.
static bool isNonAsciiLetter(char32_t c) {
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;  // Latin-1 letters, Latin Extended
  if (c >= 0x250 && c <= 0x2AF) return true;                     // IPA
  if (c >= 0x370 && c <= 0x3FF) return c != 0x37E && c != 0x387 && c != 0x375;  // Greek
  if (c >= 0x400 && c <= 0x52F) return c < 0x482 || c > 0x489;  // Cyrillic
  if (c >= 0x531 && c <= 0x587) return true;                     // Armenian
  if (c >= 0x5D0 && c <= 0x5EA) return true;                     // Hebrew
  if (c >= 0x620 && c <= 0x64A) return true;                     // Arabic
  if (c >= 0x900 && c <= 0x97F) return true;                     // Devanagari
  if (c >= 0xE00 && c <= 0xE7F) return true;                     // Thai
  if (c >= 0x1E00 && c <= 0x1FFF) return true;                   // Latin/Greek extended
  if (c >= 0x3040 && c <= 0x30FF) return c != 0x30FB;           // Hiragana, Katakana
  if (c >= 0x3400 && c <= 0x4DBF) return true;                   // CJK ext A
  if (c >= 0x4E00 && c <= 0x9FFF) return true;                   // CJK
  if (c >= 0xAC00 && c <= 0xD7A3) return true;                   // Hangul
  if (c >= 0x20000 && c <= 0x2FA1F) return true;                 // CJK ext B+
  return false;
}

bool isIdentifierStart(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return isNonAsciiLetter(c);
}

bool isIdentifierContinue(char32_t c) {
  if (c < 0x80) return isIdentifierStart(c) || (c >= '0' && c <= '9');
  if (c >= 0x300 && c <= 0x36F) return true;  // combining marks
  return isNonAsciiLetter(c);
}

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

class Lexer {
 public:
  explicit Lexer(const Source& src) : src_(src), s_(src.text()) {}

  LexResult runExpression(std::size_t begin, std::size_t end) {
    s_ = s_.substr(0, end);
    pos_ = begin;
    line_ = src_.lineOf(begin);
    lineStartPos_ = src_.lineStart(line_);
    atLineStart_ = false;
    brackets_.push_back({'(', line_, col()});
    while (!out_.error && nextToken()) {
    }
    if (!out_.error) {
      if (brackets_.size() > 1) {
        const Bracket& o = brackets_.back();
        error(std::string("'") + o.c + "' was never closed", o.line, o.col + 1, o.line, 0);
      } else {
        emitEmpty(TokenType::EndMarker, line_, col());
      }
    }
    return std::move(out_);
  }

  LexResult run() {
    indents_.push_back({0, 0});
    std::size_t bad = src_.firstInvalidUtf8();
    badLine_ = bad == Source::npos ? 0 : src_.lineOf(bad);
    badByte_ = bad == Source::npos ? 0 : static_cast<unsigned char>(s_[bad]);
    checkLineDecodes();
    while (!out_.error) {
      if (atLineStart_ && !lineStartDone()) break;
      if (out_.error) break;
      if (!nextToken()) break;
    }
    if (!out_.error) finish();
    if (out_.error) {
      Token tok;
      tok.type = TokenType::Error;
      tok.line = tok.endLine = out_.error->line;
      tok.col = tok.endCol = out_.error->offset > 0 ? out_.error->offset - 1 : 0;
      out_.tokens.push_back(tok);
      if (!brackets_.empty()) {
        const Bracket& o = brackets_.back();
        FrontError e;
        e.message = std::string("'") + o.c + "' was never closed";
        e.line = e.endLine = o.line;
        e.offset = o.col + 1;
        e.endOffset = 0;
        out_.unclosedBracket = e;
      }
    }
    return std::move(out_);
  }

 private:
  struct Indent { int col, altcol; };
  struct Bracket { char c; int line, col; };

  const Source& src_;
  std::string_view s_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t lineStartPos_ = 0;
  bool atLineStart_ = true;
  bool lineHasToken_ = false;  // a token was emitted on the current logical line
  std::vector<Indent> indents_;
  std::vector<Bracket> brackets_;
  LexResult out_;

  char peek(std::size_t k = 0) const { return pos_ + k < s_.size() ? s_[pos_ + k] : '\0'; }
  bool atEnd() const { return pos_ >= s_.size(); }
  int col() const { return static_cast<int>(pos_ - lineStartPos_); }
  int colOf(std::size_t p) const { return static_cast<int>(p - lineStartPos_); }

  void newLine(std::size_t nextLineStart) {
    ++line_;
    lineStartPos_ = nextLineStart;
    checkLineDecodes();
  }

  // CPython decodes each line as it reads it: a line that is not UTF-8
  // stops the tokenizer there.
  void checkLineDecodes() {
    if (badLine_ != line_ || out_.error) return;
    FrontError e;
    e.line = line_;
    e.nonUtf8Byte = badByte_;
    e.printLocation = false;
    out_.error = e;
    out_.errorOverridesParser = true;
  }
  int badLine_ = 0;
  int badByte_ = 0;

  // Consumes a line terminator at pos_ (\n, \r\n or \r). Returns false if none.
  bool eatNewline() {
    if (peek() == '\n') { ++pos_; newLine(pos_); return true; }
    if (peek() == '\r') {
      ++pos_;
      if (peek() == '\n') ++pos_;
      newLine(pos_);
      return true;
    }
    return false;
  }

  void error(const std::string& msg, int line, int offset, int endLine, int endOffset,
             const char* type = "SyntaxError") {
    if (out_.error) return;
    FrontError e;
    e.type = type;
    e.message = msg;
    e.line = line;
    e.offset = offset;
    e.endLine = endLine;
    e.endOffset = endOffset;
    out_.error = e;
  }
  // An error whose caret sits on the byte at p (CPython's offset is 1-based).
  void errorAt(const std::string& msg, std::size_t p) {
    error(msg, line_, colOf(p) + 1, line_, colOf(p) + 1);
    out_.error->charOffsets = true;
    out_.errorOverridesParser = true;
  }

  void emit(TokenType t, std::size_t begin, int line, int startCol) {
    Token tok;
    tok.type = t;
    tok.text = s_.substr(begin, pos_ - begin);
    tok.line = line;
    tok.col = startCol;
    tok.endLine = line_;
    tok.endCol = col();
    tok.depth = static_cast<int>(brackets_.size());
    out_.tokens.push_back(tok);
    if (t != TokenType::Newline) lineHasToken_ = true;
  }
  void emitEmpty(TokenType t, int line, int atCol) {
    Token tok;
    tok.type = t;
    tok.line = tok.endLine = line;
    tok.col = tok.endCol = atCol;
    out_.tokens.push_back(tok);
  }

  // Collects a whole-line `# sim:` comment starting at pos_ ('#').
  void comment(bool wholeLine) {
    std::size_t b = pos_;
    while (!atEnd() && peek() != '\n' && peek() != '\r') ++pos_;
    if (!wholeLine) return;
    std::string_view c = s_.substr(b + 1, pos_ - b - 1);
    std::size_t i = 0;
    while (i < c.size() && (c[i] == ' ' || c[i] == '\t')) ++i;
    if (c.substr(i, 4) == "sim:") out_.simLines.push_back({line_, std::string(c.substr(i + 4))});
  }

  // At the start of a physical line outside brackets: measures indentation,
  // skips blank and comment-only lines, emits INDENT/DEDENT. Returns false at
  // end of input (or on error).
  bool lineStartDone() {
    for (;;) {
      int c = 0, alt = 0;
      std::size_t b = pos_;
      for (;;) {
        char ch = peek();
        if (ch == ' ') { ++c; ++alt; }
        else if (ch == '\t') { c = (c / 8 + 1) * 8; alt += 1; }
        else if (ch == '\f') { c = alt = 0; }
        else break;
        ++pos_;
      }
      (void)b;
      if (atEnd()) return false;
      if (peek() == '#') { comment(true); if (!eatNewline()) return false; continue; }
      if (peek() == '\n' || peek() == '\r') { eatNewline(); continue; }
      atLineStart_ = false;
      Indent& top = indents_.back();
      if (c == top.col) {
        if (alt != top.altcol) { tabError(); return false; }
      } else if (c > top.col) {
        if (alt <= top.altcol) { tabError(); return false; }
        if (static_cast<int>(indents_.size()) >= kMaxIndentDepth) {
          error("too many levels of indentation", line_, 1, line_, 0, "IndentationError");
          return false;
        }
        indents_.push_back({c, alt});
        // Like CPython's tokenize module, INDENT spans the indentation.
        Token tok;
        tok.type = TokenType::Indent;
        tok.text = s_.substr(lineStartPos_, pos_ - lineStartPos_);
        tok.line = tok.endLine = line_;
        tok.col = 0;
        tok.endCol = col();
        out_.tokens.push_back(tok);
      } else {
        // CPython checks the new level before it hands out any DEDENT.
        std::size_t keep = indents_.size();
        while (keep > 1 && c < indents_[keep - 1].col) --keep;
        if (c != indents_[keep - 1].col) {
          int len = static_cast<int>(src_.line(line_).size());
          error("unindent does not match any outer indentation level", line_, len + 1, line_, -1,
                "IndentationError");
          return false;
        }
        if (alt != indents_[keep - 1].altcol) { tabError(); return false; }
        while (indents_.size() > keep) {
          indents_.pop_back();
          emitEmpty(TokenType::Dedent, line_, col());
        }
      }
      return true;
    }
  }

  void tabError() {
    error("inconsistent use of tabs and spaces in indentation", line_, 1, line_, 0, "TabError");
  }

  // Lexes one token (or a newline/comment). Returns false at end of input.
  bool nextToken() {
    // Skip blanks.
    while (peek() == ' ' || peek() == '\t' || peek() == '\f') ++pos_;
    if (atEnd()) return false;
    char ch = peek();
    if (ch == '#') { comment(false); return true; }
    if (ch == '\n' || ch == '\r') {
      std::size_t b = pos_;
      int l = line_, c = col();
      if (brackets_.empty() && lineHasToken_) {
        ++pos_;
        if (ch == '\r' && peek() == '\n') ++pos_;
        Token tok;
        tok.type = TokenType::Newline;
        tok.text = s_.substr(b, pos_ - b);
        tok.line = tok.endLine = l;
        tok.col = c;
        tok.endCol = c;  // zero width, as CPython's carets show
        out_.tokens.push_back(tok);
        pos_ = b;
        eatNewline();
        lineHasToken_ = false;
        atLineStart_ = true;
      } else {
        eatNewline();
        if (brackets_.empty()) atLineStart_ = true;
      }
      return true;
    }
    if (ch == '\\') {
      std::size_t b = pos_;
      ++pos_;
      if (peek() == '\n' || peek() == '\r') {
        int bl = line_, bc = colOf(b);
        eatNewline();
        if (atEnd()) {
          error("unexpected EOF while parsing", bl, bc + 2, bl, -1);
          return false;
        }
        return true;
      }
      error("unexpected character after line continuation character", line_, colOf(b) + 2, line_, 0);
      return false;
    }
    std::size_t b = pos_;
    int l = line_, c = col();
    unsigned char u = static_cast<unsigned char>(ch);
    if (u >= 0x80 || isIdentifierStart(static_cast<char32_t>(u))) return identifierOrString(b, l, c);
    if (isDigit(ch) || (ch == '.' && isDigit(peek(1)))) return number(b, l, c);
    if (ch == '\'' || ch == '"') return string(b, l, c);
    return op(b, l, c);
  }

  bool identifierOrString(std::size_t b, int l, int c) {
    // A string prefix followed by a quote starts a string literal.
    std::size_t k = 0;
    while (k < 3 && pos_ + k < s_.size() && std::string_view("rRbBuUfF").find(s_[pos_ + k]) != std::string_view::npos) ++k;
    for (std::size_t n = 1; n <= k; ++n) {
      char q = pos_ + n < s_.size() ? s_[pos_ + n] : '\0';
      if (q != '\'' && q != '"') continue;
      std::string p;
      for (std::size_t i = 0; i < n; ++i) p += static_cast<char>(std::tolower(static_cast<unsigned char>(s_[pos_ + i])));
      static const char* valid[] = {"r", "u", "b", "f", "br", "rb", "fr", "rf"};
      for (const char* v : valid)
        if (p == v) { pos_ += n; return string(b, l, c); }
      break;
    }
    while (!atEnd()) {
      unsigned char u = static_cast<unsigned char>(peek());
      if (u < 0x80) {
        if (!isIdentifierContinue(u)) break;
        ++pos_;
        continue;
      }
      int n = utf8SequenceLength(s_, pos_);
      char32_t cp = utf8Decode(s_, pos_, n);
      bool ok = pos_ == b ? isIdentifierStart(cp) : isIdentifierContinue(cp);
      if (!ok) {
        invalidCharacter(cp);
        return false;
      }
      pos_ += static_cast<std::size_t>(n);
    }
    emit(TokenType::Name, b, l, c);
    return true;
  }

  void invalidCharacter(char32_t cp) {
    char buf[64];
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
        (cp >= 0x2028 && cp <= 0x202F) || cp == 0xFEFF) {
      std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", static_cast<unsigned>(cp));
      errorAt(buf, pos_);
      return;
    }
    std::string m = "invalid character '";
    utf8Append(m, cp);
    std::snprintf(buf, sizeof buf, "' (U+%04X)", static_cast<unsigned>(cp));
    errorAt(m + buf, pos_);
  }

  // "invalid X literal" errors put the caret one column left of the
  // offending character, as CPython's tokenizer does after backing up.
  bool badLiteral(const char* kind) {
    std::string m = std::string("invalid ") + kind + " literal";
    error(m, line_, col(), line_, col());
    out_.error->charOffsets = true;
    out_.errorOverridesParser = true;
    return false;
  }
  bool badDigit(const char* kind) {
    std::string m = std::string("invalid digit '") + peek() + "' in " + kind + " literal";
    errorAt(m, pos_);
    return false;
  }
  // After a number: an identifier character right after it is an error.
  bool endOfNumber(const char* kind) {
    unsigned char u = static_cast<unsigned char>(peek());
    if (atEnd()) return true;
    if (u >= 0x80 || isIdentifierContinue(u)) {
      // CPython 3.11 only warns when a keyword follows (`1if x else y`).
      static const char* kws[] = {"and", "else", "for", "if", "in", "is", "or", "not"};
      for (const char* kw : kws) {
        std::string_view k(kw);
        if (s_.substr(pos_, k.size()) != k) continue;
        unsigned char after = pos_ + k.size() < s_.size() ? static_cast<unsigned char>(s_[pos_ + k.size()]) : ' ';
        if (after < 0x80 && !isIdentifierContinue(after)) return true;
      }
      return badLiteral(kind);
    }
    return true;
  }
  // Digits with single underscores between them. Returns false on error.
  bool digits(bool (*ok)(char), const char* kind) {
    for (;;) {
      while (ok(peek())) ++pos_;
      if (peek() != '_') return true;
      ++pos_;
      if (!ok(peek())) {
        // `1_` or `1__0`: the caret goes on the underscore.
        if (isDigit(peek()) && std::string_view(kind) != "decimal") return badDigit(kind);
        return badLiteral(kind);
      }
    }
  }

  bool number(std::size_t b, int l, int c) {
    auto isDec = [](char x) { return isDigit(x); };
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O' ||
                          peek(1) == 'b' || peek(1) == 'B')) {
      char k = static_cast<char>(std::tolower(static_cast<unsigned char>(peek(1))));
      pos_ += 2;
      bool (*ok)(char) = k == 'x' ? +[](char x) { return isHex(x); }
                         : k == 'o' ? +[](char x) { return x >= '0' && x <= '7'; }
                                    : +[](char x) { return x == '0' || x == '1'; };
      const char* kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
      if (peek() == '_') ++pos_;
      if (!ok(peek())) {
        if (isDigit(peek())) return badDigit(kind);
        return badLiteral(kind);
      }
      if (!digits(ok, kind)) return false;
      if (isDigit(peek())) return badDigit(kind);
      if (!endOfNumber(kind)) return false;
      emit(TokenType::Number, b, l, c);
      return true;
    }
    bool isFloat = false;
    if (peek() != '.') {
      bool leadingZero = peek() == '0';
      if (!digits(+isDec, "decimal")) return false;
      if (leadingZero && peek() != '.' && peek() != 'e' && peek() != 'E' && peek() != 'j' && peek() != 'J') {
        // `0777` is not allowed; `000` and `0_0` are.
        std::size_t firstNonZero = b;
        while (firstNonZero < pos_ && (s_[firstNonZero] == '0' || s_[firstNonZero] == '_')) ++firstNonZero;
        if (firstNonZero < pos_) {
          error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                l, c + 1, l, colOf(firstNonZero) + 1);
          out_.errorOverridesParser = true;
          return false;
        }
      }
    }
    if (peek() == '.') {
      isFloat = true;
      ++pos_;
      if (isDigit(peek()) && !digits(+isDec, "decimal")) return false;
    }
    if (peek() == 'e' || peek() == 'E') {
      std::size_t e = pos_;
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!isDigit(peek())) {
        pos_ = e;  // CPython backs up to the `e` and reports there
        return badLiteral("decimal");
      }
      if (!digits(+isDec, "decimal")) return false;
      isFloat = true;
    }
    (void)isFloat;
    if (peek() == 'j' || peek() == 'J') ++pos_;
    if (!endOfNumber("decimal")) return false;
    emit(TokenType::Number, b, l, c);
    return true;
  }

  // pos_ is at the opening quote; b is where the prefix began.
  bool string(std::size_t b, int l, int c) {
    char q = peek();
    bool triple = peek(1) == q && peek(2) == q;
    pos_ += triple ? 3 : 1;
    for (;;) {
      if (atEnd()) {
        int last = src_.lineOf(s_.empty() ? 0 : s_.size() - 1);
        if (triple) {
          error("unterminated triple-quoted string literal (detected at line " + std::to_string(last) + ")", l, c + 1,
                l, c + 1);
        } else {
          error("unterminated string literal (detected at line " + std::to_string(line_) + ")", l, c + 1, l, c + 1);
        }
        out_.error->charOffsets = true;
    out_.errorOverridesParser = true;
        return false;
      }
      char ch = peek();
      if (ch == '\\') {
        ++pos_;
        if (!eatNewline() && !atEnd()) ++pos_;
        continue;
      }
      if (ch == '\n' || ch == '\r') {
        if (!triple) {
          error("unterminated string literal (detected at line " + std::to_string(line_) + ")", l, c + 1, l, c + 1);
          out_.error->charOffsets = true;
    out_.errorOverridesParser = true;
          return false;
        }
        eatNewline();
        continue;
      }
      if (ch == q) {
        if (!triple) { ++pos_; break; }
        if (peek(1) == q && peek(2) == q) { pos_ += 3; break; }
      }
      ++pos_;
    }
    emit(TokenType::String, b, l, c);
    return true;
  }

  bool op(std::size_t b, int l, int c) {
    static const char* three[] = {"**=", "//=", ">>=", "<<=", "...", "!="};
    static const char* two[] = {"!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=",
                                "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=", "<>"};
    for (const char* t : three) {
      std::string_view tv(t);
      if (tv.size() == 3 && s_.substr(pos_, 3) == tv) { pos_ += 3; emit(TokenType::Op, b, l, c); return true; }
    }
    for (const char* t : two) {
      std::string_view tv(t);
      if (s_.substr(pos_, 2) == tv && tv != "<>") { pos_ += 2; emit(TokenType::Op, b, l, c); return true; }
    }
    char ch = peek();
    if (ch == '(' || ch == '[' || ch == '{') {
      if (static_cast<int>(brackets_.size()) >= kMaxBracketDepth) {
        errorAt("too many nested parentheses", pos_);
        return false;
      }
      brackets_.push_back({ch, l, c});
      ++pos_;
      Token tok;
      tok.type = TokenType::Op;
      tok.text = s_.substr(b, 1);
      tok.line = tok.endLine = l;
      tok.col = c;
      tok.endCol = c + 1;
      tok.depth = static_cast<int>(brackets_.size()) - 1;
      out_.tokens.push_back(tok);
      lineHasToken_ = true;
      return true;
    }
    if (ch == ')' || ch == ']' || ch == '}') {
      if (brackets_.empty()) {
        errorAt(std::string("unmatched '") + ch + "'", pos_);
        return false;
      }
      Bracket open = brackets_.back();
      char want = open.c == '(' ? ')' : open.c == '[' ? ']' : '}';
      if (ch != want) {
        std::string m = std::string("closing parenthesis '") + ch + "' does not match opening parenthesis '" + open.c + "'";
        if (open.line != l) m += " on line " + std::to_string(open.line);
        errorAt(m, pos_);
        return false;
      }
      brackets_.pop_back();
      ++pos_;
      emit(TokenType::Op, b, l, c);
      return true;
    }
    if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\f') {
      invalidCharacter(static_cast<unsigned char>(ch));
      return false;
    }
    // Every other ASCII character is a one-character operator; unknown ones
    // (`$`, `?`, `!`, backquote) never match, so the parser says "invalid syntax".
    ++pos_;
    emit(TokenType::Op, b, l, c);
    return true;
  }

  void finish() {
    if (!brackets_.empty()) {
      const Bracket& o = brackets_.back();
      error(std::string("'") + o.c + "' was never closed", o.line, o.col + 1, o.line, 0);
      return;
    }
    int l = line_, c = col();
    // CPython adds an implicit NEWLINE at the end of the last logical line.
    if (lineHasToken_) {
      Token tok;
      tok.type = TokenType::Newline;
      tok.line = tok.endLine = l;
      tok.col = c;
      tok.endCol = c;
      out_.tokens.push_back(tok);
      // CPython puts the implicit tokens after the end of the last line.
      l += 1;
      c = 0;
    }
    int endLine = lineHasToken_ ? l : line_;
    while (indents_.size() > 1) {
      indents_.pop_back();
      emitEmpty(TokenType::Dedent, endLine, 0);
    }
    emitEmpty(TokenType::EndMarker, endLine, 0);
  }
};

}  // namespace

LexResult tokenize(const Source& source) {
  Lexer lx(source);
  return lx.run();
}

LexResult tokenizeExpression(const Source& source, std::size_t begin, std::size_t end) {
  Lexer lx(source);
  return lx.runExpression(begin, end);
}

}  // namespace py
