// parser_internal.h: the recursive-descent parser's class, shared by its
// source files (statements, expressions, string literals, checks).
//
// Grammar and precedence follow CPython 3.11's python.gram. Errors are raised
// by throwing ParseFailure (caught in parseModule only): the parser stops at
// the first error, as CPython does, and the exception never leaves the
// front end.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/py/ast.h"
#include "core/py/source.h"
#include "core/py/token.h"

namespace py {

struct ParseFailure {
  FrontError error;
};

// Deepest expression nesting accepted: CPython 3.11 compiles 2000 levels
// and gives up near 3000 with a RecursionError; brackets stop at 200.
inline constexpr int kMaxExprDepth = 2500;

// What an assignment-like context calls its targets, for error wording.
enum class TargetKind { Star, Del, For };

class Parser {
 public:
  Parser(const Source& source, const std::vector<Token>& tokens, Module& module)
      : src_(source), toks_(tokens), m_(module) {}

  void parseFile();  // fills module.body

  // Entry for f-string replacement fields: parses the expression in `toks`.
  Expr* parseFStringExpression();

  // --- token access -------------------------------------------------------
  const Token& cur() const { return toks_[i_]; }
  const Token& at(std::size_t k) const { return toks_[i_ + k < toks_.size() ? i_ + k : toks_.size() - 1]; }
  const Token& prev() const { return toks_[i_ > 0 ? i_ - 1 : 0]; }
  void advance() {
    if (i_ + 1 < toks_.size()) ++i_;
    if (i_ > maxSeen_) maxSeen_ = i_;
  }
  bool isOp(std::string_view op) const { return cur().type == TokenType::Op && cur().text == op; }
  bool isOpAt(std::size_t k, std::string_view op) const { return at(k).type == TokenType::Op && at(k).text == op; }
  bool isKw(std::string_view kw) const { return cur().type == TokenType::Name && cur().text == kw; }
  bool isType(TokenType t) const { return cur().type == t; }
  bool eatOp(std::string_view op) { if (isOp(op)) { advance(); return true; } return false; }
  bool eatKw(std::string_view kw) { if (isKw(kw)) { advance(); return true; } return false; }
  static bool isKeyword(std::string_view s);

  // --- errors ---------------------------------------------------------------
  [[noreturn]] void fail(const FrontError& e) const { throw ParseFailure{e}; }
  [[noreturn]] void failAt(const Token& t, const std::string& msg, const char* type = "SyntaxError") const;
  [[noreturn]] void failRange(int line, int col, int endLine, int endCol, const std::string& msg,
                              const char* type = "SyntaxError") const;
  [[noreturn]] void failNode(const Span& n, const std::string& msg) const {
    failRange(n.line, n.col, n.endLine, n.endCol, msg);
  }
  [[noreturn]] void failSpan(const Span& a, const Span& b, const std::string& msg) const {
    failRange(a.line, a.col, b.endLine, b.endCol, msg);
  }
  [[noreturn]] void unsupported(const Span& where, const std::string& what) const;
  [[noreturn]] void invalidSyntax() const;       // "invalid syntax" at the current token
  void expectOp(std::string_view op);          // generic error when absent
  void expectForced(std::string_view op);      // "expected 'op'" when absent

  // --- statements (parser.cpp) ---------------------------------------------
  std::vector<Stmt*> statements(bool topLevel);
  void statement(std::vector<Stmt*>& out);
  void simpleStatements(std::vector<Stmt*>& out);
  Stmt* simpleStatement();
  Stmt* compoundStatement();
  std::vector<Stmt*> block(const std::string& what, int headerLine);
  Stmt* assignmentOrExpr();
  Stmt* functionDef(std::vector<Expr*> decorators, const Token& start);
  Stmt* classDef(std::vector<Expr*> decorators, const Token& start);
  Stmt* ifStatement(bool isElif);
  Stmt* whileStatement();
  Stmt* forStatement(const Token& start, bool isAsync);
  Stmt* withStatement(const Token& start, bool isAsync);
  Stmt* tryStatement();
  Stmt* importStatement();
  Stmt* fromImportStatement();
  std::string dottedName();
  Arguments* parameters(bool lambda, std::string_view closer);
  bool looksLikeMatch() const;
  void matchStatement(std::vector<Stmt*>& out);  // parser_match.cpp

  // --- expressions (parser_expr.cpp) ----------------------------------------
  Expr* starExpressions();        // a, *b, c  → Tuple when there is a comma
  Expr* starExpression();         // *x or expression
  Expr* expressions();            // expression (',' expression)* → Tuple
  Expr* expression();             // conditional / lambda
  Expr* namedExpression();        // expression, refusing `:=`
  Expr* disjunction();
  Expr* conjunction();
  Expr* inversion();
  Expr* comparison();
  Expr* bitwiseOr();
  Expr* bitwiseXor();
  Expr* bitwiseAnd();
  Expr* shiftExpr();
  Expr* sum();
  Expr* term();
  Expr* factor();
  Expr* power();
  Expr* awaitPrimary();
  Expr* primary();
  Expr* atom();
  Expr* lambdef();
  Expr* yieldExpr();
  Expr* parenthesized(const Token& open);
  Expr* listDisplay(const Token& open);
  Expr* braceDisplay(const Token& open);
  void callArguments(Call* call);
  Expr* slices();
  Expr* slice();
  std::vector<Comprehension> comprehensionClauses();
  Expr* number(const Token& t);
  Expr* strings();  // implicit concatenation of STRING tokens (parser_strings.cpp)
  bool startsExpression() const;  // can the current token begin an expression?
  void checkMissingComma(Expr* a);
  void equalsTypo(Expr* a);

  // --- targets --------------------------------------------------------------
  void setContext(Expr* e, Ctx ctx);
  const Expr* invalidTarget(const Expr* e, TargetKind kind) const;
  void checkTarget(Expr* e, TargetKind kind);
  static const char* exprName(const Expr* e);

  // --- node helpers ---------------------------------------------------------
  template <class T> T* node(const Token& start) {
    T* n = m_.make<T>();
    n->line = start.line;
    n->col = start.col;
    return n;
  }
  template <class T> T* nodeAt(const Span& start) {
    T* n = m_.make<T>();
    n->line = start.line;
    n->col = start.col;
    return n;
  }
  template <class N> N* finish(N* n) {
    const Token& p = prev();
    n->endLine = p.endLine;
    n->endCol = p.endCol;
    return n;
  }
  static void endAt(Span& n, const Span& last) { n.endLine = last.endLine; n.endCol = last.endCol; }
  static void endAt(Span& n, const Token& last) { n.endLine = last.endLine; n.endCol = last.endCol; }

  // Nesting deeper than kMaxExprDepth is refused the way CPython refuses
  // it (its compiler runs out of recursion near 3000 levels), which also
  // keeps every later tree walk (checks, compiler) within its stack.
  void checkDepth(std::size_t extra) const {
    if (static_cast<std::size_t>(depth_) + extra > static_cast<std::size_t>(kMaxExprDepth)) {
      FrontError e;
      e.type = "RecursionError";
      e.message = "maximum recursion depth exceeded during compilation";
      e.line = cur().line;
      e.offset = cur().col + 1;
      e.endLine = cur().line;
      e.endOffset = cur().col + 1;
      e.printLocation = false;
      throw ParseFailure{e};
    }
  }
  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      ++p.depth_;
      p.checkDepth(0);
    }
    ~DepthGuard() { --p.depth_; }
  };

  const Source& src_;
  const std::vector<Token>& toks_;
  Module& m_;
  std::size_t i_ = 0;
  std::size_t maxSeen_ = 0;  // furthest token ever reached, as CPython's p->fill
  int trial_ = 0;            // inside a look-ahead parse for a better error message
  int depth_ = 0;
  int matchCounter_ = 0;   // numbers the `$matchN` temporaries of match statements
  bool assignOk_ = false;  // parsing an assignment statement's own expressions
  bool namedOk_ = false;   // parsing an if/while test or a decorator (`:=` allowed)
  Expr* namedTest() {
    bool old = namedOk_;
    namedOk_ = true;
    Expr* e = nullptr;
    try {
      e = namedExpression();
    } catch (...) {
      namedOk_ = old;
      throw;
    }
    namedOk_ = old;
    return e;
  }
  // Set while parsing an f-string replacement field: its errors get the
  // "f-string: " prefix, and backslashes/comments were checked already.
  bool inFString_ = false;
};

// Decodes the body of one (non-f) string literal token. Raises via the parser.
std::string decodeStringBody(const Parser& p, const Token& t, std::string_view body, bool raw, bool bytes,
                             int bodyOffset);

// Post-parse checks CPython makes in its symbol table and compiler
// (parser_checks.cpp). Returns the first error in CPython's order, if any.
bool checkModule(const Source& src, Module& m, FrontError& out);

}  // namespace py
