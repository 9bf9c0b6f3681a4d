// parser_displays.cpp: bracketed atoms and number literals.
//
// Parentheses (groups, tuples, generator expressions), list/dict/set
// displays and their comprehensions, with CPython 3.11's error wording for
// the mistakes they invite, and number literals turned into Constant nodes
// (integers of any size as decimal digits).
#include <cstdlib>
#include <string>

#include "core/py/parser_internal.h"

namespace py {

Expr* Parser::parenthesized(const Token& open) {
  advance();  // (
  if (isOp(")")) {
    advance();
    return finish(node<Tuple>(open));
  }
  if (isKw("yield")) {
    Expr* y = yieldExpr();
    expectOp(")");
    return y;
  }
  Expr* first = starExpression();
  if (isKw("for") || isKw("async")) {
    if (first->is<Starred>()) failNode(*first, "iterable unpacking cannot be used in comprehension");
    auto* g = node<GeneratorExp>(open);
    g->elt = first;
    g->generators = comprehensionClauses();
    expectOp(")");
    return finish(g);
  }
  if (isOp(")")) {
    if (first->is<Starred>()) failNode(*first, "cannot use starred expression here");
    advance();
    return first;
  }
  if (!isOp(",")) {
    checkMissingComma(first);
    invalidSyntax();
  }
  auto* tup = node<Tuple>(open);
  tup->elts.push_back(first);
  while (eatOp(",")) {
    if (isOp(")")) break;
    tup->elts.push_back(starExpression());
    if (!isOp(",") && !isOp(")")) { checkMissingComma(tup->elts.back()); invalidSyntax(); }
  }
  expectOp(")");
  return finish(tup);
}

Expr* Parser::listDisplay(const Token& open) {
  advance();  // [
  auto* l = node<List>(open);
  if (eatOp("]")) return finish(l);
  Expr* first = starExpression();
  if (isKw("for") || isKw("async")) {
    if (first->is<Starred>()) failNode(*first, "iterable unpacking cannot be used in comprehension");
    auto* c = node<ListComp>(open);
    c->elt = first;
    c->generators = comprehensionClauses();
    expectOp("]");
    return finish(c);
  }
  l->elts.push_back(first);
  for (;;) {
    if (isOp("]")) break;
    if (!isOp(",")) { checkMissingComma(l->elts.back()); invalidSyntax(); }
    advance();
    if (isOp("]")) break;
    l->elts.push_back(starExpression());
  }
  advance();
  return finish(l);
}

Expr* Parser::braceDisplay(const Token& open) {
  advance();  // {
  if (eatOp("}")) return finish(node<Dict>(open));
  // Dict when the first item is `**x` or `k: v`.
  const Token st = cur();
  Expr* firstKey = nullptr;
  Expr* firstValue = nullptr;
  bool isDict = false;
  if (isOp("**")) {
    advance();
    firstValue = bitwiseOr();
    isDict = true;
    if (isKw("for") || isKw("async")) failAt(st, "dict unpacking cannot be used in dict comprehension");
  } else {
    Expr* e = starExpression();
    if (isOp(":")) {
      if (e->is<Starred>()) invalidSyntax();
      advance();
      firstKey = e;
      if (isOp("*")) {
        Expr* bad = starExpression();
        failNode(*bad, "cannot use a starred expression in a dictionary value");
      }
      firstValue = expression();
      isDict = true;
    } else {
      firstValue = e;
    }
  }
  if (isDict) {
    if (firstKey && (isKw("for") || isKw("async"))) {
      auto* c = node<DictComp>(open);
      c->key = firstKey;
      c->value = firstValue;
      c->generators = comprehensionClauses();
      expectOp("}");
      return finish(c);
    }
    auto* d = node<Dict>(open);
    d->keys.push_back(firstKey);
    d->values.push_back(firstValue);
    for (;;) {
      if (isOp("}")) break;
      if (!isOp(",")) { checkMissingComma(d->values.back()); invalidSyntax(); }
      advance();
      if (isOp("}")) break;
      if (eatOp("**")) {
        d->keys.push_back(nullptr);
        d->values.push_back(bitwiseOr());
        continue;
      }
      Expr* k = expression();
      if (!isOp(":")) {
        if (isOp(",") || isOp("}")) {
          FrontError e;
          e.message = "':' expected after dictionary key";
          e.line = k->line;
          e.offset = k->col + 1;
          e.endLine = k->endLine;
          e.endOffset = 0;
          fail(e);
        }
        invalidSyntax();
      }
      advance();
      if (isOp("*")) {
        Expr* bad = starExpression();
        failNode(*bad, "cannot use a starred expression in a dictionary value");
      }
      d->keys.push_back(k);
      d->values.push_back(expression());
    }
    advance();
    return finish(d);
  }
  if (isKw("for") || isKw("async")) {
    if (firstValue->is<Starred>()) failNode(*firstValue, "iterable unpacking cannot be used in comprehension");
    auto* c = node<SetComp>(open);
    c->elt = firstValue;
    c->generators = comprehensionClauses();
    expectOp("}");
    return finish(c);
  }
  auto* s = node<Set>(open);
  s->elts.push_back(firstValue);
  for (;;) {
    if (isOp("}")) break;
    if (!isOp(",")) { checkMissingComma(s->elts.back()); invalidSyntax(); }
    advance();
    if (isOp("}")) break;
    s->elts.push_back(starExpression());
  }
  advance();
  return finish(s);
}

// Decimal digits of a non-negative integer written in base 2, 8 or 16.
static std::string toDecimal(std::string_view digits, int base) {
  std::vector<int> dec{0};  // little-endian base-10 digits
  for (char ch : digits) {
    int d = ch >= '0' && ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
    int carry = d;
    for (int& x : dec) {
      int v = x * base + carry;
      x = v % 10;
      carry = v / 10;
    }
    while (carry) { dec.push_back(carry % 10); carry /= 10; }
  }
  std::string out;
  for (std::size_t k = dec.size(); k-- > 0;) out += static_cast<char>('0' + dec[k]);
  return out;
}

Expr* Parser::number(const Token& t) {
  std::string text;
  text.reserve(t.text.size());
  for (char ch : t.text)
    if (ch != '_') text += ch;
  auto* c = node<Constant>(t);
  finish(c);
  char last = text.back();
  if (last == 'j' || last == 'J') unsupported(*c, "complex numbers");
  if (text.size() > 1 && text[0] == '0' && std::string_view("xXoObB").find(text[1]) != std::string_view::npos) {
    int base = (text[1] | 0x20) == 'x' ? 16 : (text[1] | 0x20) == 'o' ? 8 : 2;
    c->value = ConstantKind::Int;
    c->intDigits = toDecimal(std::string_view(text).substr(2), base);
    return c;
  }
  if (text.find_first_of(".eE") != std::string::npos) {
    c->value = ConstantKind::Float;
    c->floatValue = std::strtod(text.c_str(), nullptr);  // correctly rounded, "C" locale digits
    return c;
  }
  c->value = ConstantKind::Int;
  std::size_t nz = text.find_first_not_of('0');
  c->intDigits = nz == std::string::npos ? "0" : text.substr(nz);
  return c;
}

}  // namespace py
