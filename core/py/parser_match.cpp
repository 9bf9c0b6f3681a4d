// parser_match.cpp: the `match` statement (PEP 634), parsed and lowered in
// one step to statements the compiler already knows.
//
//   match <subject>:                 $matchN = <subject>
//       case <P1> if <guard>:   →    if T(P1) and <guard>: ...
//       case <P2>:                   elif T(P2): ...
//
// T(P) is an ordinary expression over the subject: literals compare with
// `==` (None/True/False with `is`), captures bind with `:=`, and sequence,
// mapping and class patterns ask the natives in match_support.cpp
// ($match_seq, $match_map, $match_rest, $match_class) for the parts, which
// they return in a list or tuple (or None when the shape does not match).
// Names starting with `$` cannot be written in a program, so the lowering's
// temporaries never meet the program's names.
//
// Captures go to temporaries first and are bound to their names only when
// the whole pattern matched (before the guard runs), as CPython binds them.
//
// The compile-time errors CPython gives for patterns (unreachable cases,
// names bound twice, or-patterns binding different names, duplicate
// mapping keys or class attributes, ...) are raised here with its wording
// and positions.
#include <algorithm>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/py/parser_internal.h"

namespace py {

namespace {

// A parsed pattern, before lowering.
struct Pat : Span {
  enum K { Wild, Capture, Literal, Value, Seq, Star, Map, Class, Or, As } k = Wild;
  std::string name;         // Capture, Star (empty for `*_`), As, Map's **rest
  Expr* value = nullptr;    // Literal/Value expression; Class: the class
  std::vector<Pat*> items;  // Seq items, Or alternatives, Class positionals, Map values, As: [pattern]
  std::vector<Expr*> keys;  // Map keys
  std::vector<std::string>
      kwNames;  // Class keyword patterns (their patterns follow the positionals in items)
  std::vector<Span> kwSpans;
  bool usesIs = false;  // None / True / False
};

bool irrefutable(const Pat* p) {
  switch (p->k) {
    case Pat::Wild:
    case Pat::Capture:
      return true;
    case Pat::As:
      return irrefutable(p->items[0]);
    case Pat::Or:
      return std::any_of(p->items.begin(), p->items.end(), irrefutable);
    default:
      return false;
  }
}

}  // namespace

// The parser half: one method per rule of CPython's pattern grammar.
class MatchParser {
 public:
  explicit MatchParser(Parser& p) : p_(p) {}

  Pat* patterns() {  // open_sequence_pattern | pattern (a case's top level)
    const Token start = p_.cur();
    Pat* first = maybeStar();
    if (!p_.isOp(",")) {
      if (first->k == Pat::Star) p_.invalidSyntax();
      return first;
    }
    Pat* seq = make(start);
    seq->k = Pat::Seq;
    seq->items.push_back(first);
    while (p_.eatOp(",")) {
      if (p_.isOp(":") || p_.isKw("if")) break;
      seq->items.push_back(maybeStar());
    }
    return end(seq);
  }

  Pat* pattern() {  // as_pattern | or_pattern
    const Token start = p_.cur();
    Pat* p = orPattern();
    if (!p_.isKw("as")) return p;
    p_.advance();
    const Token& n = p_.cur();
    if (n.type != TokenType::Name || Parser::isKeyword(n.text)) p_.invalidSyntax();
    if (n.text == "_") p_.failAt(n, "cannot use '_' as a target");
    p_.advance();
    Pat* as = make(start);
    as->k = Pat::As;
    as->name = std::string(n.text);
    as->items.push_back(p);
    return end(as);
  }

 private:
  Pat* make(const Token& t) {
    Pat* p = &pool_.emplace_back();
    p->line = t.line;
    p->col = t.col;
    return p;
  }
  Pat* end(Pat* p) {
    Parser::endAt(*p, p_.prev());
    return p;
  }

  Pat* orPattern() {
    const Token start = p_.cur();
    Pat* first = closedPattern();
    if (!p_.isOp("|")) return first;
    Pat* o = make(start);
    o->k = Pat::Or;
    o->items.push_back(first);
    while (p_.eatOp("|")) o->items.push_back(closedPattern());
    return end(o);
  }

  Pat* maybeStar() {
    if (!p_.isOp("*")) return pattern();
    const Token start = p_.cur();
    p_.advance();
    const Token& n = p_.cur();
    if (n.type != TokenType::Name || Parser::isKeyword(n.text)) p_.invalidSyntax();
    p_.advance();
    Pat* s = make(start);
    s->k = Pat::Star;
    if (n.text != "_") s->name = std::string(n.text);
    return end(s);
  }

  // A literal's expression: a signed number or strings (no f-strings).
  Expr* literalExpr() {
    const Token t = p_.cur();
    if (t.type == TokenType::String) {
      Expr* e = p_.strings();
      if (e->is<JoinedStr>()) p_.failNode(*e, "patterns may only match literals and attribute lookups");
      return e;
    }
    bool neg = p_.isOp("-");
    if (neg) p_.advance();
    if (!p_.isType(TokenType::Number)) p_.invalidSyntax();
    const Token num = p_.cur();
    p_.advance();
    Expr* e = p_.number(num);
    if (neg) {
      auto* u = p_.node<UnaryOp>(t);
      u->op = UnaryOpKind::USub;
      u->operand = e;
      e = p_.finish(u);
    }
    // `1 + 2j`: complex literals are outside the subset; anything else is
    // CPython's complaint about the right-hand side.
    if (p_.isOp("+") || p_.isOp("-")) {
      p_.advance();
      if (p_.isType(TokenType::Number)) {
        const Token rhs = p_.cur();
        p_.advance();
        Expr* r = p_.number(rhs);  // refuses `2j` as unsupported
        p_.failNode(*r, "imaginary number required in complex literal");
      }
      p_.invalidSyntax();
    }
    return e;
  }

  // name_or_attr: NAME ('.' NAME)*, as a Name/Attribute load.
  Expr* nameOrAttr() {
    const Token t = p_.cur();
    p_.advance();
    auto* n = p_.node<Name>(t);
    n->id = std::string(t.text);
    Expr* e = p_.finish(n);
    while (p_.isOp(".")) {
      p_.advance();
      const Token& a = p_.cur();
      if (a.type != TokenType::Name || Parser::isKeyword(a.text)) p_.invalidSyntax();
      p_.advance();
      auto* at = p_.nodeAt<Attribute>(*e);
      at->value = e;
      at->attr = std::string(a.text);
      e = p_.finish(at);
    }
    return e;
  }

  Pat* closedPattern() {
    Parser::DepthGuard guard(p_);
    const Token t = p_.cur();
    if (t.type == TokenType::Number || t.type == TokenType::String || p_.isOp("-")) {
      Pat* l = make(t);
      l->k = Pat::Literal;
      l->value = literalExpr();
      return end(l);
    }
    if (t.type == TokenType::Name) {
      if (t.text == "None" || t.text == "True" || t.text == "False") {
        Pat* l = make(t);
        l->k = Pat::Literal;
        l->usesIs = true;
        l->value = p_.atom();
        return end(l);
      }
      if (Parser::isKeyword(t.text)) p_.invalidSyntax();
      bool dotted = p_.isOpAt(1, ".");
      if (!dotted && !p_.isOpAt(1, "(")) {
        p_.advance();
        Pat* c = make(t);
        if (t.text == "_") {
          c->k = Pat::Wild;
        } else {
          c->k = Pat::Capture;
          c->name = std::string(t.text);
        }
        return end(c);
      }
      Expr* target = nameOrAttr();
      if (p_.isOp("(")) return classPattern(t, target);
      Pat* v = make(t);
      v->k = Pat::Value;
      v->value = target;
      return end(v);
    }
    if (p_.isOp("(")) {
      p_.advance();
      if (p_.eatOp(")")) {
        Pat* s = make(t);
        s->k = Pat::Seq;
        return end(s);
      }
      Pat* first = maybeStar();
      if (p_.eatOp(")")) {
        if (first->k == Pat::Star) p_.invalidSyntax();
        return first;  // a group: (p)
      }
      Pat* s = make(t);
      s->k = Pat::Seq;
      s->items.push_back(first);
      if (!p_.isOp(",")) p_.invalidSyntax();
      while (p_.eatOp(",")) {
        if (p_.isOp(")")) break;
        s->items.push_back(maybeStar());
      }
      p_.expectOp(")");
      return end(s);
    }
    if (p_.isOp("[")) {
      p_.advance();
      Pat* s = make(t);
      s->k = Pat::Seq;
      while (!p_.isOp("]")) {
        s->items.push_back(maybeStar());
        if (!p_.eatOp(",")) break;
      }
      p_.expectOp("]");
      return end(s);
    }
    if (p_.isOp("{")) return mappingPattern(t);
    p_.invalidSyntax();
  }

  Pat* mappingPattern(const Token& t) {
    p_.advance();
    Pat* m = make(t);
    m->k = Pat::Map;
    while (!p_.isOp("}")) {
      if (p_.isOp("**")) {
        p_.advance();
        const Token& n = p_.cur();
        if (n.type != TokenType::Name || Parser::isKeyword(n.text) || n.text == "_") p_.invalidSyntax();
        p_.advance();
        m->name = std::string(n.text);
        p_.eatOp(",");
        if (!p_.isOp("}")) p_.invalidSyntax();
        break;
      }
      const Token k = p_.cur();
      Expr* key;
      if (k.type == TokenType::Name && (k.text == "None" || k.text == "True" || k.text == "False")) {
        key = p_.atom();
      } else if (k.type == TokenType::Name && !Parser::isKeyword(k.text)) {
        key = nameOrAttr();
        if (!key->is<Attribute>()) p_.invalidSyntax();
      } else {
        key = literalExpr();
      }
      p_.expectOp(":");
      m->keys.push_back(key);
      m->items.push_back(pattern());
      if (!p_.eatOp(",")) break;
    }
    p_.expectOp("}");
    return end(m);
  }

  Pat* classPattern(const Token& t, Expr* cls) {
    p_.advance();  // (
    Pat* c = make(t);
    c->k = Pat::Class;
    c->value = cls;
    std::vector<Pat*> kwPats;
    while (!p_.isOp(")")) {
      if (p_.cur().type == TokenType::Name && p_.isOpAt(1, "=")) {
        const Token n = p_.cur();
        if (Parser::isKeyword(n.text)) p_.invalidSyntax();
        p_.advance();
        p_.advance();
        Pat* kp = pattern();
        if (std::find(c->kwNames.begin(), c->kwNames.end(), n.text) != c->kwNames.end())
          p_.failNode(*kp, "attribute name repeated in class pattern: " + std::string(n.text));
        c->kwNames.push_back(std::string(n.text));
        c->kwSpans.push_back(Span{n.line, n.col, n.endLine, n.endCol});
        kwPats.push_back(kp);
      } else {
        Pat* pos = pattern();
        if (!kwPats.empty()) p_.failNode(*pos, "positional patterns follow keyword patterns");
        c->items.push_back(pos);
      }
      if (!p_.eatOp(",")) break;
    }
    p_.expectOp(")");
    for (Pat* k : kwPats) c->items.push_back(k);
    return end(c);
  }

  Parser& p_;
  std::deque<Pat> pool_;  // the patterns of one match statement
};

namespace {

// The compiler's checks on one case's pattern, in its order: a capture or
// wildcard where it would make later patterns unreachable (`allow` is false
// there: every case but the last unguarded one, every or-alternative but
// the last), names bound twice, two stars, duplicate literal mapping keys,
// or-alternatives binding different names.
void checkPattern(Parser& p, const Pat* pat, bool allow, std::vector<std::string>& bound, Span& last) {
  last = *pat;  // CPython words some errors at the last pattern it compiled
  auto bind = [&](const std::string& name, const Span& where) {
    if (std::find(bound.begin(), bound.end(), name) != bound.end())
      p.failNode(where, "multiple assignments to name '" + name + "' in pattern");
    bound.push_back(name);
  };
  switch (pat->k) {
    case Pat::Wild:
      if (!allow) p.failNode(*pat, "wildcard makes remaining patterns unreachable");
      break;
    case Pat::Capture:
      if (!allow) p.failNode(*pat, "name capture '" + pat->name + "' makes remaining patterns unreachable");
      bind(pat->name, *pat);
      break;
    case Pat::Star:
      if (!pat->name.empty()) bind(pat->name, *pat);
      break;
    case Pat::As:
      checkPattern(p, pat->items[0], allow, bound, last);
      bind(pat->name, *pat);
      break;
    case Pat::Seq: {
      int stars = 0;
      for (const Pat* i : pat->items) stars += i->k == Pat::Star;
      if (stars > 1) p.failNode(*pat, "multiple starred names in sequence pattern");
      for (const Pat* i : pat->items) checkPattern(p, i, true, bound, last);
      break;
    }
    case Pat::Map: {
      // Duplicate literal keys are found at compile time; value-pattern keys at run time.
      auto keyRepr = [](const Expr* e) -> std::string {
        if (!e->is<Constant>()) return "";
        const Constant* c = e->as<Constant>();
        if (c->value == ConstantKind::Str) return "'" + c->str + "'";
        if (c->value == ConstantKind::Int) return c->intDigits;
        return "";
      };
      for (std::size_t i = 0; i < pat->keys.size(); ++i) {
        std::string a = keyRepr(pat->keys[i]);
        for (std::size_t j = 0; j < i && !a.empty(); ++j)
          if (keyRepr(pat->keys[j]) == a)
            p.failNode(*pat, "mapping pattern checks duplicate key (" + a + ")");
      }
      for (const Pat* i : pat->items) checkPattern(p, i, true, bound, last);
      if (!pat->name.empty()) bind(pat->name, *pat);
      break;
    }
    case Pat::Class:
      for (const Pat* i : pat->items) checkPattern(p, i, true, bound, last);
      break;
    case Pat::Or: {
      std::vector<std::string> first;
      for (std::size_t i = 0; i < pat->items.size(); ++i) {
        const Pat* alt = pat->items[i];
        std::vector<std::string> names;
        checkPattern(p, alt, i + 1 == pat->items.size() ? allow : false, names, last);
        if (i == 0) {
          first = names;
        } else {
          std::vector<std::string> a = first, b = names;
          std::sort(a.begin(), a.end());
          std::sort(b.begin(), b.end());
          if (a != b) p.failNode(last, "alternative patterns bind different names");
        }
      }
      for (const std::string& n : first) bind(n, *pat);
      break;
    }
    default:
      break;
  }
}

// Builds the test expression of a pattern over its subject.
class Lowering {
 public:
  Lowering(Parser& p, int& counter) : p_(p), counter_(counter) {}

  using Subject = std::function<Expr*()>;

  // A whole case's test: the pattern's captures go to temporaries, and the
  // names are bound from them only once everything matched, as CPython does.
  Expr* caseTest(const Pat* pat, const Subject& subject) {
    captures_.clear();
    Expr* t = test(pat, subject);
    if (captures_.empty()) return t;
    std::vector<Expr*> parts{t};
    for (auto& [id, tmp] : captures_) parts.push_back(bindName(id, name(tmp, *pat), *pat));
    return both(std::move(parts), *pat);
  }

  Expr* test(const Pat* pat, const Subject& subject) {
    switch (pat->k) {
      case Pat::Wild:
        return truth(*pat);
      case Pat::Capture:
        return bindTo(pat->name, subject(), *pat);
      case Pat::Literal:
      case Pat::Value: {
        auto* c = at<Compare>(*pat);
        c->left = subject();
        c->ops.push_back(pat->usesIs ? CmpOpKind::Is : CmpOpKind::Eq);
        c->comparators.push_back(pat->value);
        return c;
      }
      case Pat::As: {
        Expr* inner = test(pat->items[0], subject);
        return both({inner, bindTo(pat->name, subject(), *pat)}, *pat);
      }
      case Pat::Or: {
        auto* o = at<BoolOp>(*pat);
        o->op = BoolOpKind::Or;
        for (const Pat* alt : pat->items) o->values.push_back(test(alt, subject));
        return o;
      }
      case Pat::Seq:
        return sequence(pat, subject);
      case Pat::Map:
        return mapping(pat, subject);
      case Pat::Class:
        return classTest(pat, subject);
      case Pat::Star:
        break;
    }
    return truth(*pat);
  }

 private:
  template <class T>
  T* at(const Span& s) {
    T* n = p_.nodeAt<T>(s);
    Parser::endAt(*n, s);
    return n;
  }
  Expr* name(const std::string& id, const Span& s, Ctx ctx = Ctx::Load) {
    auto* n = at<Name>(s);
    n->id = id;
    n->ctx = ctx;
    return n;
  }
  Expr* truth(const Span& s) {
    auto* c = at<Constant>(s);
    c->value = ConstantKind::True;
    return c;
  }
  Expr* intConst(long v, const Span& s) {
    auto* c = at<Constant>(s);
    c->value = ConstantKind::Int;
    c->intDigits = std::to_string(v < 0 ? -v : v);
    if (v >= 0) return c;
    auto* u = at<UnaryOp>(s);
    u->op = UnaryOpKind::USub;
    u->operand = c;
    return u;
  }
  Expr* strConst(const std::string& v, const Span& s) {
    auto* c = at<Constant>(s);
    c->value = ConstantKind::Str;
    c->str = v;
    return c;
  }
  // A capture: to the case's temporary for `id` (shared by or-alternatives).
  Expr* bindTo(const std::string& id, Expr* value, const Span& s) {
    for (auto& [name, tmp] : captures_)
      if (name == id) return bindName(tmp, value, s);
    captures_.emplace_back(id, temp());
    return bindName(captures_.back().second, value, s);
  }
  // `((id := value) or True)`: binds and always succeeds.
  Expr* bindName(const std::string& id, Expr* value, const Span& s) {
    auto* ne = at<NamedExpr>(s);
    ne->target = name(id, s, Ctx::Store);
    ne->value = value;
    auto* o = at<BoolOp>(s);
    o->op = BoolOpKind::Or;
    o->values = {ne, truth(s)};
    return o;
  }
  Expr* both(std::vector<Expr*> parts, const Span& s) {
    if (parts.size() == 1) return parts[0];
    auto* a = at<BoolOp>(s);
    a->op = BoolOpKind::And;
    a->values = std::move(parts);
    return a;
  }
  Expr* call(const char* fn, std::vector<Expr*> args, const Span& s) {
    auto* c = at<Call>(s);
    c->func = name(fn, s);
    c->args = std::move(args);
    return c;
  }
  // `($tmp := value) is not None`, the start of every structural test.
  Expr* fetch(const std::string& tmp, Expr* value, const Span& s) {
    auto* ne = at<NamedExpr>(s);
    ne->target = name(tmp, s, Ctx::Store);
    ne->value = value;
    auto* c = at<Compare>(s);
    c->left = ne;
    c->ops.push_back(CmpOpKind::IsNot);
    auto* none = at<Constant>(s);
    none->value = ConstantKind::None;
    c->comparators.push_back(none);
    return c;
  }
  Expr* item(const std::string& tmp, long i, const Span& s) {
    auto* sub = at<Subscript>(s);
    sub->value = name(tmp, s);
    sub->slice = intConst(i, s);
    return sub;
  }
  std::string temp() { return "$match" + std::to_string(counter_++); }

  Expr* sequence(const Pat* pat, const Subject& subject) {
    long n = static_cast<long>(pat->items.size());
    long star = -1;
    for (long i = 0; i < n; ++i)
      if (pat->items[static_cast<std::size_t>(i)]->k == Pat::Star) star = i;
    std::string tmp = temp();
    std::vector<Expr*> parts{
        fetch(tmp, call("$match_seq", {subject(), intConst(n, *pat), intConst(star, *pat)}, *pat), *pat)};
    for (long i = 0; i < n; ++i) {
      const Pat* sub = pat->items[static_cast<std::size_t>(i)];
      if (sub->k == Pat::Wild) continue;
      if (sub->k == Pat::Star) {
        if (sub->name.empty()) continue;
        auto* sl = at<Slice>(*sub);
        sl->lower = intConst(i, *sub);
        if (n - i - 1 > 0) sl->upper = intConst(-(n - i - 1), *sub);
        auto* s = at<Subscript>(*sub);
        s->value = name(tmp, *sub);
        s->slice = sl;
        parts.push_back(bindTo(sub->name, s, *sub));
        continue;
      }
      long index = star >= 0 && i > star ? i - n : i;
      parts.push_back(test(sub, [this, tmp, index, sub] { return item(tmp, index, *sub); }));
    }
    return both(std::move(parts), *pat);
  }

  Expr* mapping(const Pat* pat, const Subject& subject) {
    auto keysTuple = [&] {
      auto* t = at<Tuple>(*pat);
      t->elts = pat->keys;
      return t;
    };
    std::string tmp = temp();
    std::vector<Expr*> parts{fetch(tmp, call("$match_map", {subject(), keysTuple()}, *pat), *pat)};
    for (std::size_t i = 0; i < pat->items.size(); ++i) {
      const Pat* sub = pat->items[i];
      if (sub->k == Pat::Wild) continue;
      long index = static_cast<long>(i);
      parts.push_back(test(sub, [this, tmp, index, sub] { return item(tmp, index, *sub); }));
    }
    if (!pat->name.empty())  // **rest: the subject's other items, in a new dict
      parts.push_back(bindTo(pat->name, call("$match_rest", {subject(), keysTuple()}, *pat), *pat));
    return both(std::move(parts), *pat);
  }

  Expr* classTest(const Pat* pat, const Subject& subject) {
    auto* kw = at<Tuple>(*pat);
    for (std::size_t i = 0; i < pat->kwNames.size(); ++i)
      kw->elts.push_back(strConst(pat->kwNames[i], pat->kwSpans[i]));
    long npos = static_cast<long>(pat->items.size() - pat->kwNames.size());
    std::string tmp = temp();
    std::vector<Expr*> parts{
        fetch(tmp, call("$match_class", {subject(), pat->value, intConst(npos, *pat), kw}, *pat), *pat)};
    for (std::size_t i = 0; i < pat->items.size(); ++i) {
      const Pat* sub = pat->items[i];
      if (sub->k == Pat::Wild) continue;
      long index = static_cast<long>(i);
      parts.push_back(test(sub, [this, tmp, index, sub] { return item(tmp, index, *sub); }));
    }
    return both(std::move(parts), *pat);
  }

  Parser& p_;
  int& counter_;
  std::vector<std::pair<std::string, std::string>> captures_;  // name, temporary
};

}  // namespace

void Parser::matchStatement(std::vector<Stmt*>& out) {
  const Token start = cur();
  advance();  // match
  Expr* subject = namedTest();
  if (isOp(",")) {
    auto* t = nodeAt<Tuple>(*subject);
    t->elts.push_back(subject);
    while (eatOp(",")) {
      if (isOp(":")) break;
      t->elts.push_back(starExpression());
    }
    subject = finish(t);
  }
  if (!eatOp(":")) {
    if (isType(TokenType::Newline)) failAt(cur(), "expected ':'");
    invalidSyntax();
  }
  if (!isType(TokenType::Newline)) invalidSyntax();
  advance();
  if (!isType(TokenType::Indent)) {
    FrontError e;  // as block() words it, a single caret
    e.type = "IndentationError";
    e.message = "expected an indented block after 'match' statement on line " + std::to_string(start.line);
    e.line = cur().line;
    e.offset = cur().col + 1;
    e.endLine = cur().line;
    e.endOffset = -1;
    fail(e);
  }
  advance();

  std::string subjectName = "$match" + std::to_string(matchCounter_++);
  auto* assign = node<Assign>(start);
  auto* target = nodeAt<Name>(*subject);
  endAt(*target, *subject);
  target->id = subjectName;
  target->ctx = Ctx::Store;
  assign->targets.push_back(target);
  assign->value = subject;
  endAt(*assign, *subject);

  struct Case {
    Pat* pattern;
    Expr* guard;
    std::vector<Stmt*> body;
    Token start;
  };
  std::vector<Case> cases;
  MatchParser mp(*this);
  while (isKw("case")) {
    const Token caseTok = cur();
    advance();
    Case c{mp.patterns(), nullptr, {}, caseTok};
    if (eatKw("if")) c.guard = namedTest();
    if (!eatOp(":")) {
      if (isType(TokenType::Newline)) failAt(cur(), "expected ':'");
      invalidSyntax();
    }
    c.body = block("'case' statement", caseTok.line);
    cases.push_back(std::move(c));
  }
  if (cases.empty() || !isType(TokenType::Dedent)) invalidSyntax();
  advance();

  // CPython's compiler checks, in source order.
  for (std::size_t i = 0; i < cases.size(); ++i) {
    std::vector<std::string> bound;
    Span last;
    checkPattern(*this, cases[i].pattern, cases[i].guard || i + 1 == cases.size(), bound, last);
  }

  Lowering low(*this, matchCounter_);
  Stmt* chain = nullptr;
  std::vector<Stmt*>* hole = nullptr;
  for (Case& c : cases) {
    Span where{c.start.line, c.start.col, c.pattern->endLine, c.pattern->endCol};
    Expr* test = low.caseTest(c.pattern, [&] {
      auto* n = nodeAt<Name>(*c.pattern);
      endAt(*n, *c.pattern);
      n->id = subjectName;
      return n;
    });
    if (c.guard) {
      auto* a = nodeAt<BoolOp>(where);
      endAt(*a, *c.guard);
      a->op = BoolOpKind::And;
      a->values = {test, c.guard};
      test = a;
    }
    auto* s = nodeAt<If>(where);
    s->test = test;
    s->body = std::move(c.body);
    endAt(*s, *s->body.back());
    if (hole)
      hole->push_back(s);
    else
      chain = s;
    hole = &s->orelse;
  }
  out.push_back(assign);
  out.push_back(chain);
}

}  // namespace py
