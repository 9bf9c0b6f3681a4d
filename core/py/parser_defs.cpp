// parser_defs.cpp: imports and parameter lists.
//
// The statement forms with their own small grammars: `import`/`from ...
// import` with dotted names and aliases, and def/lambda parameter lists
// (positional-only, defaults, `*args`, keyword-only, `**kwargs`) with
// CPython 3.11's messages for misordered parameters.
#include <string>

#include "core/py/parser_internal.h"

namespace py {

std::string Parser::dottedName() {
  std::string name;
  for (;;) {
    if (!isType(TokenType::Name) || isKeyword(cur().text)) invalidSyntax();
    name += cur().text;
    advance();
    if (!isOp(".")) break;
    advance();
    name += '.';
  }
  return name;
}

Stmt* Parser::importStatement() {
  const Token start = cur();
  advance();
  auto* s = node<Import>(start);
  for (;;) {
    Alias a;
    const Token n0 = cur();
    a.line = n0.line;
    a.col = n0.col;
    a.name = dottedName();
    if (eatKw("as")) {
      if (!isType(TokenType::Name) || isKeyword(cur().text)) invalidSyntax();
      a.asname = std::string(cur().text);
      advance();
    }
    endAt(a, prev());
    s->names.push_back(std::move(a));
    if (!eatOp(",")) break;
  }
  return finish(s);
}

Stmt* Parser::fromImportStatement() {
  const Token start = cur();
  advance();
  auto* s = node<ImportFrom>(start);
  while (isOp(".") || isOp("...")) {
    s->level += static_cast<int>(cur().text.size());
    advance();
  }
  if (!isKw("import")) s->module = dottedName();
  if (!eatKw("import")) invalidSyntax();
  if (isOp("*")) {
    Alias a;
    a.line = cur().line;
    a.col = cur().col;
    a.name = "*";
    advance();
    endAt(a, prev());
    s->names.push_back(a);
    return finish(s);
  }
  bool paren = eatOp("(");
  for (;;) {
    Alias a;
    a.line = cur().line;
    a.col = cur().col;
    if (!isType(TokenType::Name) || isKeyword(cur().text)) invalidSyntax();
    a.name = std::string(cur().text);
    advance();
    if (eatKw("as")) {
      if (!isType(TokenType::Name) || isKeyword(cur().text)) invalidSyntax();
      a.asname = std::string(cur().text);
      advance();
    }
    endAt(a, prev());
    s->names.push_back(std::move(a));
    if (!eatOp(",")) break;
    if (paren && isOp(")")) break;
    if (!paren && (isType(TokenType::Newline) || isOp(";")))
      failAt(cur(), "trailing comma not allowed without surrounding parentheses");
  }
  if (paren) expectOp(")");
  return finish(s);
}

// def/lambda parameters up to (not including) the closer.
Arguments* Parser::parameters(bool lambda, std::string_view closer) {
  auto* a = m_.make<Arguments>();
  bool star = false, sawDefault = false;
  auto endOfParams = [&] { return lambda ? isOp(":") : isOp(closer); };
  auto param = [&](Arg& out) {
    if (!isType(TokenType::Name) || isKeyword(cur().text)) invalidSyntax();
    out.line = cur().line;
    out.col = cur().col;
    out.name = std::string(cur().text);
    advance();
    if (!lambda && eatOp(":")) out.annotation = expression();
    endAt(out, prev());
  };
  while (!endOfParams()) {
    if (isOp("/")) {
      if (star || (a->args.empty() && a->posonlyargs.empty())) {
        if (a->args.empty()) failAt(cur(), "at least one argument must precede /");
        failAt(cur(), "/ must be ahead of *");
      }
      if (!a->posonlyargs.empty()) failAt(cur(), "/ may appear only once");
      advance();
      a->posonlyargs = std::move(a->args);
      a->args.clear();
    } else if (isOp("**")) {
      advance();
      auto* k = m_.make<Arg>();
      param(*k);
      a->kwarg = k;
      if (isOp("=")) failAt(cur(), "var-keyword argument cannot have default value");
      eatOp(",");
      if (!endOfParams()) failAt(cur(), "arguments cannot follow var-keyword argument");
      break;
    } else if (isOp("*")) {
      const Token st = cur();
      if (star) failAt(cur(), "* argument may appear only once");
      star = true;
      advance();
      if (isOp(",") || endOfParams()) {
        // bare `*`: keyword-only parameters must follow
        if (endOfParams() || isOpAt(1, "**") || (isOp(",") && (isOpAt(1, closer) || (lambda && isOpAt(1, ":")))))
          failAt(st, "named arguments must follow bare *");
      } else {
        auto* v = m_.make<Arg>();
        param(*v);
        a->vararg = v;
        if (isOp("=")) failAt(cur(), "var-positional argument cannot have default value");
      }
    } else {
      Arg p;
      param(p);
      Expr* def = nullptr;
      if (eatOp("=")) def = expression();
      if (star) {
        a->kwonlyargs.push_back(std::move(p));
        a->kwDefaults.push_back(def);
      } else {
        if (def) sawDefault = true;
        else if (sawDefault) failNode(p, "non-default argument follows default argument");
        a->args.push_back(std::move(p));
        if (def) a->defaults.push_back(def);
      }
    }
    if (endOfParams()) break;
    expectOp(",");
  }
  return a;
}

}  // namespace py
