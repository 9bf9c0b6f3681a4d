// parser.cpp: statements, and the front end's entry point parseModule.
//
// Recursive descent over the token vector, one method per grammar rule of
// CPython 3.11's python.gram (statement half). CPython's "invalid_*" rules,
// which only word a better error message, are folded into the places where
// the plain rule would fail.
#include "core/py/parser.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/py/lexer.h"
#include "core/py/parser_internal.h"

namespace py {

bool Parser::isKeyword(std::string_view s) {
  static const char* kws[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
                              "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                              "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
                              "or", "pass", "raise", "return", "try", "while", "with", "yield"};
  for (const char* k : kws)
    if (s == k) return true;
  return false;
}

void Parser::failRange(int line, int col, int endLine, int endCol, const std::string& msg, const char* type) const {
  FrontError e;
  e.type = type;
  e.message = inFString_ ? "f-string: " + msg : msg;
  e.line = line;
  e.offset = col + 1;
  e.endLine = endLine;
  e.endOffset = endCol + 1;
  throw ParseFailure{e};
}

void Parser::failAt(const Token& t, const std::string& msg, const char* type) const {
  failRange(t.line, t.col, t.endLine, t.endCol, msg, type);
}

void Parser::unsupported(const Span& where, const std::string& what) const {
  FrontError e;
  e.message = what;
  e.unsupported = true;
  e.line = where.line;
  e.offset = where.col + 1;
  e.endLine = where.endLine;
  e.endOffset = where.endCol + 1;
  throw ParseFailure{e};
}

void Parser::invalidSyntax() const {
  const Token& t = cur();
  if (t.type == TokenType::Indent) {
    FrontError e;
    e.type = "IndentationError";
    e.message = "unexpected indent";
    e.line = t.line;
    e.offset = t.endCol;  // the indentation width; CPython prints no caret
    e.endLine = t.line;
    e.endOffset = -1;
    throw ParseFailure{e};
  }
  if (t.type == TokenType::Dedent) {
    FrontError e;
    e.type = "IndentationError";
    e.message = "unexpected unindent";
    e.line = t.line;
    e.offset = t.col + 1;
    e.endLine = t.line;
    e.endOffset = -1;
    throw ParseFailure{e};
  }
  failAt(t, "invalid syntax");
}

void Parser::expectOp(std::string_view op) {
  if (!eatOp(op)) invalidSyntax();
}

void Parser::expectForced(std::string_view op) {
  if (!eatOp(op)) failAt(cur(), "expected '" + std::string(op) + "'");
}

// --- the file and blocks ------------------------------------------------------

void Parser::parseFile() {
  m_.body = statements(true);
  if (!isType(TokenType::EndMarker)) invalidSyntax();
}

std::vector<Stmt*> Parser::statements(bool topLevel) {
  std::vector<Stmt*> out;
  for (;;) {
    if (isType(TokenType::EndMarker)) break;
    if (!topLevel && isType(TokenType::Dedent)) break;
    if (isType(TokenType::Dedent)) invalidSyntax();
    statement(out);
  }
  return out;
}

// After a compound statement's ':'. `what` names the header for the
// IndentationError, e.g. "'if' statement".
std::vector<Stmt*> Parser::block(const std::string& what, int headerLine) {
  if (!isType(TokenType::Newline)) {
    std::vector<Stmt*> out;
    simpleStatements(out);
    return out;
  }
  advance();
  if (!isType(TokenType::Indent)) {
    // A single caret, as CPython prints it when running a file.
    const Token& t = cur();
    FrontError e;
    e.type = "IndentationError";
    e.message = "expected an indented block after " + what + " on line " + std::to_string(headerLine);
    e.line = t.line;
    e.offset = t.col + 1;
    e.endLine = t.line;
    e.endOffset = -1;
    fail(e);
  }
  advance();
  std::vector<Stmt*> out = statements(false);
  if (isType(TokenType::Dedent)) advance();
  return out;
}

void Parser::statement(std::vector<Stmt*>& out) {
  if (looksLikeMatch()) {
    matchStatement(out);
    return;
  }
  if (Stmt* s = compoundStatement()) {
    out.push_back(s);
    return;
  }
  simpleStatements(out);
}

void Parser::simpleStatements(std::vector<Stmt*>& out) {
  for (;;) {
    out.push_back(simpleStatement());
    if (eatOp(";")) {
      if (isType(TokenType::Newline)) break;
      continue;
    }
    if (isType(TokenType::Newline)) break;
    invalidSyntax();
  }
  advance();  // NEWLINE
}

static bool isAugOp(std::string_view t, BinOpKind& op) {
  static const struct { const char* text; BinOpKind op; } ops[] = {
      {"+=", BinOpKind::Add},    {"-=", BinOpKind::Sub},      {"*=", BinOpKind::Mult},   {"@=", BinOpKind::MatMult},
      {"/=", BinOpKind::Div},    {"%=", BinOpKind::Mod},      {"&=", BinOpKind::BitAnd}, {"|=", BinOpKind::BitOr},
      {"^=", BinOpKind::BitXor}, {"<<=", BinOpKind::LShift},  {">>=", BinOpKind::RShift}, {"**=", BinOpKind::Pow},
      {"//=", BinOpKind::FloorDiv}};
  for (const auto& o : ops)
    if (t == o.text) { op = o.op; return true; }
  return false;
}

Stmt* Parser::simpleStatement() {
  const Token start = cur();
  if (start.type == TokenType::Name) {
    std::string_view k = start.text;
    if (k == "pass") { advance(); return finish(node<Pass>(start)); }
    if (k == "break") { advance(); return finish(node<Break>(start)); }
    if (k == "continue") { advance(); return finish(node<Continue>(start)); }
    if (k == "return") {
      advance();
      auto* r = node<Return>(start);
      if (!isType(TokenType::Newline) && !isOp(";")) r->value = starExpressions();
      return finish(r);
    }
    if (k == "raise") {
      advance();
      auto* r = node<Raise>(start);
      if (!isType(TokenType::Newline) && !isOp(";")) {
        r->exc = expression();
        if (eatKw("from")) r->cause = expression();
      }
      return finish(r);
    }
    if (k == "global" || k == "nonlocal") {
      advance();
      std::vector<std::string> names;
      for (;;) {
        if (!isType(TokenType::Name) || isKeyword(cur().text)) invalidSyntax();
        names.emplace_back(cur().text);
        advance();
        if (!eatOp(",")) break;
      }
      if (k == "global") {
        auto* g = node<Global>(start);
        g->names = std::move(names);
        return finish(g);
      }
      auto* n = node<Nonlocal>(start);
      n->names = std::move(names);
      return finish(n);
    }
    if (k == "del") {
      advance();
      auto* d = node<Delete>(start);
      for (;;) {
        Expr* t = bitwiseOr();
        checkTarget(t, TargetKind::Del);
        d->targets.push_back(t);
        if (!eatOp(",")) break;
        if (isType(TokenType::Newline) || isOp(";")) break;
      }
      return finish(d);
    }
    if (k == "assert") {
      advance();
      auto* a = node<Assert>(start);
      a->test = expression();
      if (eatOp(",")) a->msg = expression();
      return finish(a);
    }
    if (k == "import") return importStatement();
    if (k == "from") return fromImportStatement();
  }
  return assignmentOrExpr();
}

Stmt* Parser::assignmentOrExpr() {
  const Token start = cur();
  struct AssignScope {
    bool& flag;
    bool old;
    explicit AssignScope(bool& f) : flag(f), old(f) { flag = true; }
    ~AssignScope() { flag = old; }
  } scope(assignOk_);
  Expr* first = isKw("yield") ? yieldExpr() : starExpressions();
  if (isOp("=")) {
    std::vector<Expr*> chain{first};
    std::vector<std::size_t> eqTokens;
    while (isOp("=")) {
      eqTokens.push_back(i_);
      advance();
      chain.push_back(isKw("yield") ? yieldExpr() : starExpressions());
    }
    for (std::size_t k = 0; k + 1 < chain.size(); ++k) {
      Expr* t = chain[k];
      if (t->is<Yield>() || t->is<YieldFrom>()) failNode(*t, "assignment to yield expression not possible");
      const Expr* bad = invalidTarget(t, TargetKind::Star);
      if (bad) {
        // CPython's invalid_named_expression words a lone `f() = 1` as a
        // likely typo for `==`.
        bool lone = chain.size() == 2 && !t->is<List>() && !t->is<Tuple>() && !t->is<GeneratorExp>() &&
                    !(t->is<Constant>() && (t->as<Constant>()->value == ConstantKind::True ||
                                            t->as<Constant>()->value == ConstantKind::False ||
                                            t->as<Constant>()->value == ConstantKind::None)) &&
                    !t->is<Compare>() && !t->is<BoolOp>() && !t->is<IfExp>() && !t->is<Lambda>() &&
                    !t->is<Starred>() && !(t->is<UnaryOp>() && t->as<UnaryOp>()->op == UnaryOpKind::Not) &&
                    !chain[1]->is<Compare>() && !chain[1]->is<BoolOp>() && !chain[1]->is<IfExp>() &&
                    !chain[1]->is<Lambda>() && !chain[1]->is<Tuple>() && !chain[1]->is<Yield>() &&
                    !(chain[1]->is<UnaryOp>() && chain[1]->as<UnaryOp>()->op == UnaryOpKind::Not);
        if (lone && bad == t) failNode(*t, std::string("cannot assign to ") + exprName(t) + " here. Maybe you meant '==' instead of '='?");
        failNode(*bad, std::string("cannot assign to ") + exprName(bad));
      }
      setContext(t, Ctx::Store);
    }
    auto* a = node<Assign>(start);
    a->targets.assign(chain.begin(), chain.end() - 1);
    a->value = chain.back();
    return finish(a);
  }
  BinOpKind op;
  if (cur().type == TokenType::Op && isAugOp(cur().text, op)) {
    if (op == BinOpKind::MatMult) {
      const Token& t = cur();
      unsupported(Span{t.line, t.col, t.endLine, t.endCol}, "matrix multiplication operator @=");
    }
    if (!first->is<Name>() && !first->is<Attribute>() && !first->is<Subscript>())
      failNode(*first, std::string("'") + exprName(first) + "' is an illegal expression for augmented assignment");
    advance();
    auto* a = node<AugAssign>(start);
    setContext(first, Ctx::Store);
    a->target = first;
    a->op = op;
    a->value = isKw("yield") ? yieldExpr() : starExpressions();
    return finish(a);
  }
  if (isOp(":")) {
    // CPython's messages need an annotation after the ':'.
    advance();
    if (!startsExpression()) {
      --i_;  // CPython blames the ':'
      invalidSyntax();
    }
    if (first->is<Tuple>()) {
      // A bare `a, b: int` is blamed on its first element, as CPython does.
      const Expr* blame = first;
      if (!(start.type == TokenType::Op && start.text == "(") && !first->as<Tuple>()->elts.empty())
        blame = first->as<Tuple>()->elts.front();
      failNode(*blame, "only single target (not tuple) can be annotated");
    }
    if (first->is<List>()) failNode(*first, "only single target (not list) can be annotated");
    if (!first->is<Name>() && !first->is<Attribute>() && !first->is<Subscript>())
      failNode(*first, "illegal target for annotation");
    auto* a = node<AnnAssign>(start);
    setContext(first, Ctx::Store);
    a->target = first;
    // CPython's `simple`: a bare name, not `(x)`, whose annotation a module
    // or class body records in __annotations__.
    a->simple = first->is<Name>() && !(start.type == TokenType::Op && start.text == "(");
    a->annotation = expression();
    if (eatOp("=")) a->value = isKw("yield") ? yieldExpr() : starExpressions();
    return finish(a);
  }
  if (!isType(TokenType::Newline) && !isOp(";")) {
    // `print "x"`: CPython's legacy-statement hint.
    if (first->is<Name>() && (first->as<Name>()->id == "print" || first->as<Name>()->id == "exec") &&
        !isOp("(") && (cur().type == TokenType::Name || cur().type == TokenType::Number ||
                       cur().type == TokenType::String)) {
      std::string id = first->as<Name>()->id;
      std::size_t save = i_;
      Expr* rest = nullptr;
      try { rest = starExpressions(); } catch (const ParseFailure&) { rest = nullptr; }
      if (rest)
        failSpan(*first, *rest, "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
      i_ = save;
    }
    checkMissingComma(first);
  }
  auto* e = node<ExprStmt>(start);
  e->value = first;
  return finish(e);
}

// --- compound statements -------------------------------------------------------

bool Parser::looksLikeMatch() const {
  // `match <subject>:` NEWLINE INDENT `case` ...: a soft keyword, so only
  // the whole shape tells it from a name called `match`.
  if (!isKw("match")) return false;
  const Token& n = at(1);
  if (n.type == TokenType::Newline || (n.type == TokenType::Op && (n.text == "=" || n.text == "." || n.text == ":")))
    return false;
  std::size_t k = 1;
  while (i_ + k < toks_.size() && toks_[i_ + k].type != TokenType::Newline) ++k;
  if (!isOpAt(k - 1, ":")) return false;
  return true;  // `match <subject>:` cannot begin any other statement
}

Stmt* Parser::compoundStatement() {
  const Token start = cur();
  if (start.type == TokenType::Op && start.text == "@") {
    std::vector<Expr*> decorators;
    while (eatOp("@")) {
      decorators.push_back(namedTest());
      if (!isType(TokenType::Newline)) invalidSyntax();
      advance();
    }
    const Token defStart = cur();
    if (isKw("def")) return functionDef(std::move(decorators), defStart);
    if (isKw("async") && at(1).type == TokenType::Name && at(1).text == "def") {
      return functionDef(std::move(decorators), defStart);
    }
    if (isKw("class")) return classDef(std::move(decorators), defStart);
    invalidSyntax();
  }
  if (start.type != TokenType::Name) return nullptr;
  std::string_view k = start.text;
  if (k == "def") return functionDef({}, start);
  if (k == "class") return classDef({}, start);
  if (k == "if") return ifStatement(false);
  if (k == "while") return whileStatement();
  if (k == "for") return forStatement(start, false);
  if (k == "with") return withStatement(start, false);
  if (k == "try") return tryStatement();
  if (k == "async") {
    const Token& n = at(1);
    if (n.type == TokenType::Name && n.text == "def") return functionDef({}, start);
    if (n.type == TokenType::Name && n.text == "for") { advance(); return forStatement(start, true); }
    if (n.type == TokenType::Name && n.text == "with") { advance(); return withStatement(start, true); }
    advance();
    invalidSyntax();
  }
  return nullptr;
}

// The ':' closing a compound statement's header. CPython says "expected ':'"
// when the line ends there, and anywhere after def/try/else/finally headers
// (its grammar's forced tokens); otherwise "invalid syntax".
static void headerColon(Parser& p, bool forced) {
  if (p.eatOp(":")) return;
  if (forced || p.isType(TokenType::Newline)) p.failAt(p.cur(), "expected ':'");
  p.invalidSyntax();
}

Stmt* Parser::functionDef(std::vector<Expr*> decorators, const Token& start) {
  bool isAsync = eatKw("async");
  advance();  // def
  if (!isType(TokenType::Name) || isKeyword(cur().text)) invalidSyntax();
  auto* f = node<FunctionDef>(start);
  f->isAsync = isAsync;
  f->name = std::string(cur().text);
  f->decorators = std::move(decorators);
  advance();
  expectForced("(");
  f->args = parameters(false, ")");
  expectOp(")");
  if (eatOp("->")) f->returns = expression();
  headerColon(*this, true);
  f->body = block("function definition", start.line);
  endAt(*f, *f->body.back());
  return f;
}

Stmt* Parser::classDef(std::vector<Expr*> decorators, const Token& start) {
  advance();  // class
  if (!isType(TokenType::Name) || isKeyword(cur().text)) invalidSyntax();
  auto* c = node<ClassDef>(start);
  c->name = std::string(cur().text);
  c->decorators = std::move(decorators);
  advance();
  if (isOp("(")) {
    const Token open = cur();
    Call tmp;
    callArguments(&tmp);
    (void)open;
    c->bases = std::move(tmp.args);
    c->keywords = std::move(tmp.keywords);
  }
  headerColon(*this, false);
  c->body = block("class definition", start.line);
  endAt(*c, *c->body.back());
  return c;
}

Stmt* Parser::ifStatement(bool isElif) {
  const Token start = cur();
  advance();  // if / elif
  auto* s = node<If>(start);
  s->test = namedTest();
  headerColon(*this, false);
  s->body = block(isElif ? "'elif' statement" : "'if' statement", start.line);
  endAt(*s, *s->body.back());
  if (isKw("elif")) {
    s->orelse.push_back(ifStatement(true));
  } else if (isKw("else")) {
    const Token e = cur();
    advance();
    headerColon(*this, true);
    s->orelse = block("'else' statement", e.line);
  }
  if (!s->orelse.empty()) endAt(*s, *s->orelse.back());
  return s;
}

Stmt* Parser::whileStatement() {
  const Token start = cur();
  advance();
  auto* s = node<While>(start);
  s->test = namedTest();
  headerColon(*this, false);
  s->body = block("'while' statement", start.line);
  endAt(*s, *s->body.back());
  if (isKw("else")) {
    const Token e = cur();
    advance();
    headerColon(*this, true);
    s->orelse = block("'else' statement", e.line);
    endAt(*s, *s->orelse.back());
  }
  return s;
}

Stmt* Parser::forStatement(const Token& start, bool isAsync) {
  const Token forTok = cur();
  advance();  // for
  auto* s = node<For>(start);
  s->isAsync = isAsync;
  // star_targets: parsed as expressions up to `in`, then checked.
  {
    const Token t0 = cur();
    std::vector<Expr*> elts;
    bool comma = false;
    for (;;) {
      elts.push_back(isOp("*") ? starExpression() : bitwiseOr());
      if (!eatOp(",")) break;
      comma = true;
      if (isKw("in")) break;
    }
    if (comma) {
      auto* t = node<Tuple>(t0);
      t->elts = std::move(elts);
      s->target = finish(t);
    } else {
      s->target = elts[0];
    }
  }
  if (!isKw("in")) {
    if (const Expr* bad = invalidTarget(s->target, TargetKind::For)) failNode(*bad, std::string("cannot assign to ") + exprName(bad));
    invalidSyntax();
  }
  checkTarget(s->target, TargetKind::For);
  advance();  // in
  s->iter = starExpressions();
  headerColon(*this, false);
  s->body = block("'for' statement", forTok.line);
  endAt(*s, *s->body.back());
  if (isKw("else")) {
    const Token e = cur();
    advance();
    headerColon(*this, true);
    s->orelse = block("'else' statement", e.line);
    endAt(*s, *s->orelse.back());
  }
  return s;
}

Stmt* Parser::withStatement(const Token& start, bool isAsync) {
  const Token withTok = cur();
  advance();  // with
  auto* s = node<With>(start);
  s->isAsync = isAsync;
  // `with (a as b, c):` — a parenthesized item list (3.9+) — or plain items.
  bool parenthesized = false;
  if (isOp("(")) {
    // Look for `as` or a trailing `,)` at depth+1 before the matching `)`.
    int d = cur().depth;
    std::size_t k = 1;
    bool hasAs = false;
    while (i_ + k < toks_.size()) {
      const Token& t = at(k);
      if (t.type == TokenType::Op && t.text == ")" && t.depth == d) break;
      if (t.depth == d + 1 && t.type == TokenType::Name && t.text == "as") hasAs = true;
      ++k;
    }
    parenthesized = hasAs && isOpAt(k + 1, ":");
  }
  if (parenthesized) advance();
  for (;;) {
    WithItem item;
    item.contextExpr = expression();
    if (eatKw("as")) {
      Expr* t = isOp("*") ? starExpression() : bitwiseOr();
      checkTarget(t, TargetKind::Star);
      item.optionalVars = t;
    }
    s->items.push_back(item);
    if (!eatOp(",")) break;
    if (parenthesized && isOp(")")) break;
  }
  if (parenthesized) expectOp(")");
  headerColon(*this, false);
  s->body = block("'with' statement", withTok.line);
  endAt(*s, *s->body.back());
  return s;
}

Stmt* Parser::tryStatement() {
  const Token start = cur();
  advance();
  auto* s = node<Try>(start);
  headerColon(*this, true);
  s->body = block("'try' statement", start.line);
  endAt(*s, *s->body.back());
  bool sawStar = false, sawPlain = false;
  while (isKw("except")) {
    const Token e = cur();
    advance();
    bool star = eatOp("*");
    if (star) sawStar = true; else sawPlain = true;
    if (sawStar && sawPlain) failAt(e, "cannot have both 'except' and 'except*' on the same 'try'");
    auto* h = m_.make<ExceptHandler>();
    h->line = e.line;
    h->col = e.col;
    if (!isOp(":")) {
      h->type = expression();
      if (isOp(",")) {
        // `except A, B:` needs parentheses in Python 3.
        Expr* last = h->type;
        while (eatOp(",")) last = expression();
        failSpan(*h->type, *last, "multiple exception types must be parenthesized");
      }
      if (eatKw("as")) {
        if (!isType(TokenType::Name) || isKeyword(cur().text)) invalidSyntax();
        h->name = std::string(cur().text);
        advance();
      }
    } else if (star) {
      failAt(cur(), "expected one or more exception types");
    }
    headerColon(*this, false);
    h->body = block(star ? "'except*' statement" : "'except' statement", e.line);
    endAt(*h, *h->body.back());
    s->handlers.push_back(h);
    endAt(*s, *h);
  }
  s->isStar = sawStar;
  if (isKw("else")) {
    const Token e = cur();
    if (s->handlers.empty()) invalidSyntax();
    advance();
    headerColon(*this, true);
    s->orelse = block("'else' statement", e.line);
    endAt(*s, *s->orelse.back());
  }
  if (isKw("finally")) {
    const Token f = cur();
    advance();
    headerColon(*this, true);
    s->finalbody = block("'finally' statement", f.line);
    endAt(*s, *s->finalbody.back());
  }
  if (s->handlers.empty() && s->finalbody.empty()) {
    // CPython points at the token after the block, or past the end of the
    // block's last line at the end of the file.
    std::size_t k = 0;
    while (at(k).type == TokenType::Dedent) ++k;
    if (at(k).type != TokenType::EndMarker) failAt(at(k), "expected 'except' or 'finally' block");
    const Stmt* last = s->body.back();
    int len = static_cast<int>(src_.line(last->endLine).size());
    FrontError e;
    e.message = "expected 'except' or 'finally' block";
    e.line = last->endLine;
    e.offset = len + 1;
    e.endLine = last->endLine;
    e.endOffset = -1;
    fail(e);
  }
  return s;
}

ParseResult parseModule(std::string_view text, std::string_view fileName) {
  (void)fileName;
  ParseResult result;
  text = stripBom(text);
  Source src(text);
  auto toError = [&](const FrontError& fe) {
    SyntaxErrorInfo e;
    e.type = fe.type;
    e.message = fe.message;
    e.unsupported = fe.unsupported;
    e.line = fe.line;
    e.endLine = fe.endLine;
    e.printLocation = fe.printLocation;
    e.sourceLine = fe.hasText ? fe.text : std::string(src.line(fe.line));
    // Byte columns to CPython's character columns; special values kept.
    bool convert = (fe.charOffsets || fe.unsupported) && !fe.hasText;
    e.col = fe.offset > 0 && convert ? src.charColumn(fe.line, fe.offset - 1) + 1 : fe.offset;
    e.endCol = fe.endOffset > 0 && convert ? src.charColumn(fe.endLine, fe.endOffset - 1) + 1 : fe.endOffset;
    result.error = e;
  };
  LexResult lex = tokenize(src);
  auto module = std::make_unique<Module>();
  module->simLines = std::move(lex.simLines);
  if (lex.error && lex.error->nonUtf8Byte >= 0) {
    // What CPython says when it reads a line that is not UTF-8.
    char buf[16];  // room for any unsigned, though a byte needs 4
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(lex.error->nonUtf8Byte));
    lex.error->message = std::string("Non-UTF-8 code starting with '") + buf + "' in file " + std::string(fileName) +
                         " on line " + std::to_string(lex.error->line) +
                         ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
  }
  Parser p(src, lex.tokens, *module);
  try {
    p.parseFile();
  } catch (const ParseFailure& f) {
    if (!lex.error) {
      toError(f.error);
      return result;
    }
    // Which error CPython reports: the tokenizer's if the parser got as far
    // as it, or if it is one the tokenizer raises as an exception (CPython
    // tokenizes the rest of the file after a parser error to find those);
    // else an unclosed bracket opened on an earlier line than the parser's
    // error; else the parser's error.
    // CPython skips that second look after "unexpected indent/unindent".
    bool indentError = f.error.message == "unexpected indent" || f.error.message == "unexpected unindent";
    std::size_t furthest = std::max(p.i_, p.maxSeen_);
    if (furthest + 1 >= lex.tokens.size() || (lex.errorOverridesParser && !indentError)) {
      toError(*lex.error);
    } else if (!indentError && lex.unclosedBracket && lex.unclosedBracket->line < lex.tokens[furthest].line) {
      toError(*lex.unclosedBracket);
    } else {
      toError(f.error);
    }
    return result;
  }
  if (lex.error) {  // cannot happen: an Error token never parses
    toError(*lex.error);
    return result;
  }
  FrontError fe;
  if (!checkModule(src, *module, fe)) {
    toError(fe);
    return result;
  }
  result.module = std::move(module);
  return result;
}

}  // namespace py
