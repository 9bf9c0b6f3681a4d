// parser_expr.cpp: expressions, with CPython 3.11's precedence.
//
// From loosest to tightest: lambda, conditional, or, and, not, comparisons,
// |, ^, &, shifts, + -, * / // % @, unary + - ~, **, await, primaries
// (calls, attributes, subscripts), atoms. Left-associative levels are loops;
// runs of prefix operators are loops too, so `------x` needs no recursion.
// Every re-entry into `expression` counts against kMaxExprDepth.
#include <cstdlib>
#include <string>

#include "core/py/parser_internal.h"

namespace py {

const char* Parser::exprName(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
      switch (e->as<Constant>()->value) {
        case ConstantKind::None: return "None";
        case ConstantKind::True: return "True";
        case ConstantKind::False: return "False";
        case ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::Slice: return "slice";
    case ExprKind::NamedExpr: return "named expression";
  }
  return "expression";
}

// CPython's _PyPegen_get_invalid_target: the first sub-expression that
// cannot be assigned to (or deleted), or null when all is well.
const Expr* Parser::invalidTarget(const Expr* e, TargetKind kind) const {
  switch (e->kind) {
    case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript: return nullptr;
    case ExprKind::List: case ExprKind::Tuple: {
      const auto& elts = e->is<List>() ? e->as<List>()->elts : e->as<Tuple>()->elts;
      for (const Expr* x : elts)
        if (const Expr* bad = invalidTarget(x, kind)) return bad;
      return nullptr;
    }
    case ExprKind::Starred:
      if (kind == TargetKind::Del) return e;
      return invalidTarget(e->as<Starred>()->value, kind);
    case ExprKind::Compare:
      // `for x in y in z` reads `x in y` as the target; CPython blames x.
      if (kind == TargetKind::For && e->as<Compare>()->ops[0] == CmpOpKind::In)
        return invalidTarget(e->as<Compare>()->left, kind);
      return e;
    default: return e;
  }
}

void Parser::checkTarget(Expr* e, TargetKind kind) {
  if (const Expr* bad = invalidTarget(e, kind))
    failNode(*bad, std::string(kind == TargetKind::Del ? "cannot delete " : "cannot assign to ") + exprName(bad));
  setContext(e, kind == TargetKind::Del ? Ctx::Del : Ctx::Store);
}

void Parser::setContext(Expr* e, Ctx ctx) {
  switch (e->kind) {
    case ExprKind::Name: e->as<Name>()->ctx = ctx; break;
    case ExprKind::Attribute: e->as<Attribute>()->ctx = ctx; break;
    case ExprKind::Subscript: e->as<Subscript>()->ctx = ctx; break;
    case ExprKind::Starred: e->as<Starred>()->ctx = ctx; setContext(e->as<Starred>()->value, ctx); break;
    case ExprKind::List: e->as<List>()->ctx = ctx; for (Expr* x : e->as<List>()->elts) setContext(x, ctx); break;
    case ExprKind::Tuple: e->as<Tuple>()->ctx = ctx; for (Expr* x : e->as<Tuple>()->elts) setContext(x, ctx); break;
    default: break;
  }
}

// Can the current token begin an expression?
bool Parser::startsExpression() const {
  const Parser& p = *this;
  const Token& t = p.cur();
  switch (t.type) {
    case TokenType::Number: case TokenType::String: return true;
    case TokenType::Name:
      if (!Parser::isKeyword(t.text)) return true;
      return t.text == "True" || t.text == "False" || t.text == "None" || t.text == "not" ||
             t.text == "lambda" || t.text == "await";
    case TokenType::Op:
      return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" ||
             t.text == "~" || t.text == "...";
    default: return false;
  }
}

// CPython's invalid_expression: two expressions side by side inside
// brackets read as a forgotten comma.
void Parser::checkMissingComma(Expr* a) {
  if (trial_ > 0 || !startsExpression()) return;
  if (a->is<Lambda>() || a->is<IfExp>() || a->is<Starred>() || a->is<Yield>() || a->is<YieldFrom>()) return;
  if (a->is<Name>()) {
    const std::string& id = a->as<Name>()->id;
    if (id == "match" || id == "case" || id == "_" || cur().type == TokenType::String) return;
    if (id == "print" || id == "exec") return;
  }
  std::size_t save = i_;
  int saveDepth = depth_;
  Expr* b = nullptr;
  struct Trial {
    int& n;
    explicit Trial(int& c) : n(c) { ++n; }
    ~Trial() { --n; }
  } trial(trial_);
  try {
    b = expression();
  } catch (const ParseFailure&) {
    // PEG falls back to shorter alternatives: `name.` still yields `name`.
    i_ = save;
    depth_ = saveDepth;
    try {
      b = atom();
    } catch (const ParseFailure&) {
      b = nullptr;
    }
  }
  bool inBrackets = b && prev().depth > 0;
  i_ = save;
  depth_ = saveDepth;
  if (inBrackets) failSpan(*a, *b, "invalid syntax. Perhaps you forgot a comma?");
}

Expr* Parser::starExpressions() {
  const Token start = cur();
  Expr* first = starExpression();
  if (!isOp(",")) return first;
  auto* t = node<Tuple>(start);
  t->elts.push_back(first);
  while (eatOp(",")) {
    if (!startsExpression() && !isOp("*")) break;
    t->elts.push_back(starExpression());
  }
  return finish(t);
}

Expr* Parser::starExpression() {
  if (isOp("*")) {
    const Token start = cur();
    advance();
    auto* s = node<Starred>(start);
    s->value = bitwiseOr();
    return finish(s);
  }
  return namedExpression();
}

Expr* Parser::expressions() {
  const Token start = cur();
  Expr* first = expression();
  if (!isOp(",")) return first;
  auto* t = node<Tuple>(start);
  t->elts.push_back(first);
  while (eatOp(",")) {
    if (!startsExpression()) break;
    t->elts.push_back(expression());
  }
  return finish(t);
}

Expr* Parser::namedExpression() {
  Expr* e = expression();
  if (isOp(":=")) {
    // Valid Python only inside brackets or as an if/while test or decorator;
    // elsewhere CPython says "invalid syntax".
    const Token& t = cur();
    if (t.depth == 0 && !namedOk_) invalidSyntax();
    if (!e->is<Name>()) failNode(*e, std::string("cannot use assignment expressions with ") + exprName(e));
    advance();  // :=
    auto* n = nodeAt<NamedExpr>(*e);
    e->as<Name>()->ctx = Ctx::Store;
    n->target = e;
    n->value = expression();
    return finish(n);
  }
  // `if x = 1:`: CPython's invalid_named_expression hints at == or :=.
  // An assignment statement's own `=` is not a typo.
  if (isOp("=") && !(assignOk_ && cur().depth == 0)) equalsTypo(e);
  return e;
}

void Parser::equalsTypo(Expr* a) {
  auto plain = [](const Expr* x) {
    if (x->is<Compare>() || x->is<BoolOp>() || x->is<IfExp>() || x->is<Lambda>() || x->is<Starred>() ||
        x->is<Yield>() || x->is<YieldFrom>())
      return false;
    return !(x->is<UnaryOp>() && x->as<UnaryOp>()->op == UnaryOpKind::Not);
  };
  if (!plain(a) || trial_ > 0) return;
  std::size_t save = i_;
  advance();  // =
  Expr* b = nullptr;
  try {
    b = bitwiseOr();
  } catch (const ParseFailure&) {
    b = nullptr;
  }
  bool follows = b && !isOp("=") && !isOp(":=");
  i_ = save;
  if (!follows) return;
  if (a->is<Name>()) failSpan(*a, *b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  bool excluded = a->is<List>() || a->is<Tuple>() || a->is<GeneratorExp>() ||
                  (a->is<Constant>() && (a->as<Constant>()->value == ConstantKind::True ||
                                         a->as<Constant>()->value == ConstantKind::False ||
                                         a->as<Constant>()->value == ConstantKind::None));
  if (!excluded && !a->is<Attribute>() && !a->is<Subscript>())
    failNode(*a, std::string("cannot assign to ") + exprName(a) + " here. Maybe you meant '==' instead of '='?");
}

Expr* Parser::expression() {
  DepthGuard guard(*this);
  if (isKw("lambda")) return lambdef();
  const Token start = cur();
  Expr* body = disjunction();
  if (!isKw("if")) return body;
  advance();
  Expr* test = disjunction();
  if (!isKw("else")) {
    if (!isOp(":")) failSpan(*body, *test, "expected 'else' after 'if' expression");
    invalidSyntax();
  }
  advance();
  auto* e = node<IfExp>(start);
  e->body = body;
  e->test = test;
  e->orelse = expression();
  return finish(e);
}

Expr* Parser::lambdef() {
  const Token start = cur();
  advance();  // lambda
  auto* l = node<Lambda>(start);
  l->args = parameters(true, ":");
  expectOp(":");
  l->body = expression();
  return finish(l);
}

Expr* Parser::yieldExpr() {
  const Token start = cur();
  advance();  // yield
  if (eatKw("from")) {
    auto* y = node<YieldFrom>(start);
    y->value = expression();
    return finish(y);
  }
  auto* y = node<Yield>(start);
  if (startsExpression() || isOp("*")) y->value = starExpressions();
  return finish(y);
}

Expr* Parser::disjunction() {
  const Token start = cur();
  Expr* first = conjunction();
  if (!isKw("or")) return first;
  auto* b = node<BoolOp>(start);
  b->op = BoolOpKind::Or;
  b->values.push_back(first);
  while (eatKw("or")) b->values.push_back(conjunction());
  return finish(b);
}

Expr* Parser::conjunction() {
  const Token start = cur();
  Expr* first = inversion();
  if (!isKw("and")) return first;
  auto* b = node<BoolOp>(start);
  b->op = BoolOpKind::And;
  b->values.push_back(first);
  while (eatKw("and")) b->values.push_back(inversion());
  return finish(b);
}

Expr* Parser::inversion() {
  std::vector<std::size_t> nots;
  while (isKw("not")) { nots.push_back(i_); advance(); checkDepth(nots.size()); }
  Expr* e = comparison();
  for (std::size_t k = nots.size(); k-- > 0;) {
    auto* u = node<UnaryOp>(toks_[nots[k]]);
    u->op = UnaryOpKind::Not;
    u->operand = e;
    endAt(*u, prev());  // a parenthesized operand's ')' belongs to the span
    e = u;
  }
  return e;
}

Expr* Parser::comparison() {
  const Token start = cur();
  Expr* left = bitwiseOr();
  Compare* c = nullptr;
  for (;;) {
    CmpOpKind op;
    if (isOp("==")) op = CmpOpKind::Eq;
    else if (isOp("!=")) op = CmpOpKind::NotEq;
    else if (isOp("<")) op = CmpOpKind::Lt;
    else if (isOp("<=")) op = CmpOpKind::LtE;
    else if (isOp(">")) op = CmpOpKind::Gt;
    else if (isOp(">=")) op = CmpOpKind::GtE;
    else if (isKw("in")) op = CmpOpKind::In;
    else if (isKw("not") && at(1).type == TokenType::Name && at(1).text == "in") { op = CmpOpKind::NotIn; advance(); }
    else if (isKw("is")) {
      if (at(1).type == TokenType::Name && at(1).text == "not") { op = CmpOpKind::IsNot; advance(); }
      else op = CmpOpKind::Is;
    } else break;
    advance();
    if (!c) {
      c = node<Compare>(start);
      c->left = left;
    }
    c->ops.push_back(op);
    c->comparators.push_back(bitwiseOr());
  }
  if (!c) return left;
  return finish(c);
}

// One left-associative binary level.
template <class Next>
static Expr* binaryLevel(Parser& p, Next next, std::initializer_list<std::pair<const char*, BinOpKind>> ops) {
  const Token start = p.cur();
  Expr* left = next();
  for (std::size_t chain = 1;; ++chain) {
    const BinOpKind* found = nullptr;
    for (const auto& o : ops)
      if (p.isOp(o.first)) { found = &o.second; break; }
    if (!found) return left;
    BinOpKind op = *found;
    p.checkDepth(chain);  // `1+1+...` nests to the left
    if (op == BinOpKind::MatMult) {
      const Token& t = p.cur();
      p.unsupported(Span{t.line, t.col, t.endLine, t.endCol}, "matrix multiplication operator @");
    }
    p.advance();
    auto* b = p.node<BinOp>(start);
    b->left = left;
    b->op = op;
    b->right = next();
    p.finish(b);
    left = b;
  }
}

Expr* Parser::bitwiseOr() {
  return binaryLevel(*this, [this] { return bitwiseXor(); }, {{"|", BinOpKind::BitOr}});
}
Expr* Parser::bitwiseXor() {
  return binaryLevel(*this, [this] { return bitwiseAnd(); }, {{"^", BinOpKind::BitXor}});
}
Expr* Parser::bitwiseAnd() {
  return binaryLevel(*this, [this] { return shiftExpr(); }, {{"&", BinOpKind::BitAnd}});
}
Expr* Parser::shiftExpr() {
  return binaryLevel(*this, [this] { return sum(); }, {{"<<", BinOpKind::LShift}, {">>", BinOpKind::RShift}});
}
Expr* Parser::sum() {
  return binaryLevel(*this, [this] { return term(); }, {{"+", BinOpKind::Add}, {"-", BinOpKind::Sub}});
}
Expr* Parser::term() {
  return binaryLevel(*this, [this] { return factor(); },
                     {{"*", BinOpKind::Mult}, {"/", BinOpKind::Div}, {"//", BinOpKind::FloorDiv},
                      {"%", BinOpKind::Mod}, {"@", BinOpKind::MatMult}});
}

Expr* Parser::factor() {
  std::vector<std::size_t> ops;
  while (isOp("+") || isOp("-") || isOp("~")) { ops.push_back(i_); advance(); checkDepth(ops.size()); }
  Expr* e = power();
  for (std::size_t k = ops.size(); k-- > 0;) {
    const Token& t = toks_[ops[k]];
    auto* u = node<UnaryOp>(t);
    u->op = t.text == "+" ? UnaryOpKind::UAdd : t.text == "-" ? UnaryOpKind::USub : UnaryOpKind::Invert;
    u->operand = e;
    endAt(*u, prev());
    e = u;
  }
  return e;
}

Expr* Parser::power() {
  const Token start = cur();
  Expr* base = awaitPrimary();
  if (!isOp("**")) return base;
  advance();
  DepthGuard guard(*this);
  auto* b = node<BinOp>(start);
  b->left = base;
  b->op = BinOpKind::Pow;
  b->right = factor();
  return finish(b);
}

Expr* Parser::awaitPrimary() {
  if (!isKw("await")) return primary();
  const Token start = cur();
  advance();
  DepthGuard guard(*this);
  auto* a = node<Await>(start);
  a->value = primary();
  return finish(a);
}

Expr* Parser::primary() {
  const Token start = cur();
  Expr* e = atom();
  for (std::size_t chain = 1;; ++chain) {
    if (isOp(".") || isOp("(") || isOp("[")) checkDepth(chain);  // `a.b.c...` nests to the left
    if (isOp(".")) {
      advance();
      if (!isType(TokenType::Name) || isKeyword(cur().text)) invalidSyntax();
      auto* a = node<Attribute>(start);
      a->value = e;
      a->attr = std::string(cur().text);
      advance();
      e = finish(a);
    } else if (isOp("(")) {
      auto* c = node<Call>(start);
      c->func = e;
      callArguments(c);
      e = finish(c);
    } else if (isOp("[")) {
      advance();
      auto* s = node<Subscript>(start);
      s->value = e;
      s->slice = slices();
      if (!isOp("]")) { checkMissingComma(s->slice); invalidSyntax(); }
      advance();
      e = finish(s);
    } else {
      return e;
    }
  }
}

Expr* Parser::slices() {
  const Token start = cur();
  Expr* first = slice();
  if (!isOp(",")) {
    if (!first->is<Starred>()) return first;
    auto* t = node<Tuple>(start);  // `a[*b]` subscripts with a tuple
    t->elts.push_back(first);
    return finish(t);
  }
  auto* t = node<Tuple>(start);
  t->elts.push_back(first);
  while (eatOp(",")) {
    if (isOp("]")) break;
    t->elts.push_back(slice());
  }
  return finish(t);
}

Expr* Parser::slice() {
  const Token start = cur();
  if (isOp("*")) return starExpression();
  Expr* lower = nullptr;
  if (!isOp(":")) {
    lower = namedExpression();
    if (!isOp(":")) return lower;
  }
  advance();  // first ':'
  auto* s = node<Slice>(start);
  s->lower = lower;
  if (!isOp(":") && !isOp("]") && !isOp(",")) s->upper = expression();
  if (eatOp(":")) {
    if (!isOp("]") && !isOp(",")) s->step = expression();
  }
  return finish(s);
}

void Parser::callArguments(Call* call) {
  advance();  // (
  bool sawKeyword = false, sawDoubleStar = false;
  std::string pending;
  const std::size_t firstArg = i_;
  while (!isOp(")")) {
    const Token st = cur();
    if (isOp("*")) {
      if (sawDoubleStar) {
        // Blamed on all the arguments before the `*`.
        const Token& first = toks_[firstArg];
        const Token& last = toks_[i_ >= 2 ? i_ - 2 : 0];  // before the ','
        failRange(first.line, first.col, last.endLine, last.endCol,
                  "iterable argument unpacking follows keyword argument unpacking");
      }
      call->args.push_back(starExpression());
    } else if (isOp("**")) {
      advance();
      Keyword k;
      k.line = st.line;
      k.col = st.col;
      k.value = expression();
      endAt(k, prev());
      call->keywords.push_back(std::move(k));
      sawDoubleStar = true;
    } else if (isType(TokenType::Name) && isOpAt(1, "=") && !isKeyword(cur().text)) {
      Keyword k;
      k.line = st.line;
      k.col = st.col;
      k.arg = std::string(cur().text);
      advance();
      advance();
      k.value = expression();
      endAt(k, prev());
      call->keywords.push_back(std::move(k));
      sawKeyword = true;
    } else {
      Expr* e = namedExpression();
      if (isKw("for") || isKw("async")) {
        auto* g = node<GeneratorExp>(st);
        g->elt = e;
        g->generators = comprehensionClauses();
        finish(g);
        bool sole = call->args.empty() && call->keywords.empty() && isOp(")");
        if (!sole) failNode(*g, "Generator expression must be parenthesized");
        // The sole generator argument spans the call's parentheses.
        advance();
        const Token& close = prev();
        for (std::size_t k = i_ - 1; k-- > 0;)
          if (toks_[k].type == TokenType::Op && toks_[k].text == "(" && toks_[k].depth == close.depth) {
            g->line = toks_[k].line;
            g->col = toks_[k].col;
            break;
          }
        endAt(*g, close);
        call->args.push_back(g);
        return;
      }
      if (isOp("=")) {
        // CPython's invalid_kwarg: the range runs to the '='.
        const Token& eq = cur();
        if (e->is<Constant>() && (e->as<Constant>()->value == ConstantKind::True ||
                                  e->as<Constant>()->value == ConstantKind::False ||
                                  e->as<Constant>()->value == ConstantKind::None))
          failRange(e->line, e->col, eq.endLine, eq.endCol, std::string("cannot assign to ") + exprName(e));
        failRange(e->line, e->col, eq.endLine, eq.endCol,
                  "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      // CPython reports these once all arguments are read, at the token
      // after them (normally the closing parenthesis).
      if (sawDoubleStar && pending.empty()) pending = "positional argument follows keyword argument unpacking";
      if (sawKeyword && pending.empty()) pending = "positional argument follows keyword argument";
      call->args.push_back(e);
    }
    if (isOp(")")) break;
    if (!isOp(",")) {
      if (!pending.empty()) failAt(cur(), pending);
      Expr* last = !call->args.empty() && call->args.back()->line == st.line && call->args.back()->col == st.col
                       ? call->args.back()
                       : nullptr;
      if (last) checkMissingComma(last);
      invalidSyntax();
    }
    advance();
  }
  if (!pending.empty()) failAt(cur(), pending);
  advance();  // )
}

std::vector<Comprehension> Parser::comprehensionClauses() {
  std::vector<Comprehension> out;
  while (isKw("for") || (isKw("async") && at(1).type == TokenType::Name && at(1).text == "for")) {
    Comprehension c;
    c.isAsync = eatKw("async");
    advance();  // for
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
      c.target = finish(t);
    } else {
      c.target = elts[0];
    }
    if (!isKw("in")) {
      if (const Expr* bad = invalidTarget(c.target, TargetKind::For))
        failNode(*bad, std::string("cannot assign to ") + exprName(bad));
      invalidSyntax();
    }
    checkTarget(c.target, TargetKind::For);
    advance();  // in
    c.iter = disjunction();
    while (eatKw("if")) c.ifs.push_back(disjunction());
    out.push_back(std::move(c));
  }
  return out;
}

Expr* Parser::atom() {
  const Token t = cur();
  switch (t.type) {
    case TokenType::Name: {
      if (t.text == "True" || t.text == "False" || t.text == "None") {
        advance();
        auto* c = node<Constant>(t);
        c->value = t.text == "True" ? ConstantKind::True : t.text == "False" ? ConstantKind::False : ConstantKind::None;
        return finish(c);
      }
      if (isKeyword(t.text)) invalidSyntax();
      advance();
      auto* n = node<Name>(t);
      n->id = std::string(t.text);
      return finish(n);
    }
    case TokenType::Number: advance(); return number(t);
    case TokenType::String: return strings();
    case TokenType::Op:
      if (t.text == "(") return parenthesized(t);
      if (t.text == "[") return listDisplay(t);
      if (t.text == "{") return braceDisplay(t);
      if (t.text == "...") {
        advance();
        auto* c = node<Constant>(t);
        c->value = ConstantKind::Ellipsis;
        return finish(c);
      }
      break;
    default: break;
  }
  invalidSyntax();
}

}  // namespace py
