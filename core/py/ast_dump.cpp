// ast_dump.cpp: the S-expression AST dump (see ast_dump.h).
#include "core/py/ast_dump.h"

#include <charconv>
#include <cstdio>

namespace py {

namespace {

// Python's repr of a float: shortest round-trip digits, positional when the
// decimal exponent is in [-4, 16), else d.ddde+XX.
std::string floatRepr(double v) {
  if (v != v) return "nan";
  if (v == 1.0 / 0.0) return "inf";
  if (v == -1.0 / 0.0) return "-inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, r.ptr);  // e.g. "-1.2345e+19"
  std::string sign;
  if (sci[0] == '-') { sign = "-"; sci.erase(0, 1); }
  std::size_t e = sci.find('e');
  int exp = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char ch : sci.substr(0, e))
    if (ch != '.') digits += ch;
  if (exp >= -4 && exp < 16) {
    std::string out;
    if (exp < 0) {
      out = "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
    } else if (static_cast<std::size_t>(exp) + 1 >= digits.size()) {
      out = digits + std::string(static_cast<std::size_t>(exp) + 1 - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, static_cast<std::size_t>(exp) + 1) + "." + digits.substr(static_cast<std::size_t>(exp) + 1);
    }
    return sign + out;
  }
  std::string mant = digits.substr(0, 1);
  if (digits.size() > 1) mant += "." + digits.substr(1);
  char eb[16];
  std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  return sign + mant + eb;
}

class Dumper {
 public:
  explicit Dumper(bool positions) : pos_(positions) {}
  std::string out;

  void span(const Span& s) {
    if (!pos_) return;
    out += '@' + std::to_string(s.line) + ':' + std::to_string(s.col) + '-' + std::to_string(s.endLine) + ':' +
           std::to_string(s.endCol);
  }

  void str(const std::string& s) {
    // Python's repr quoting: single quotes unless the text has one and no double.
    bool sq = s.find('\'') != std::string::npos, dq = s.find('"') != std::string::npos;
    char q = sq && !dq ? '"' : '\'';
    out += q;
    for (unsigned char c : s) {
      if (c == static_cast<unsigned char>(q) || c == '\\') { out += '\\'; out += static_cast<char>(c); }
      else if (c == '\n') out += "\\n";
      else if (c == '\t') out += "\\t";
      else if (c == '\r') out += "\\r";
      else if (c < 0x20 || c == 0x7F) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
      } else out += static_cast<char>(c);
    }
    out += q;
  }

  void name(const std::string& n) { out += n; }

  template <class T, class F> void list(const std::vector<T>& v, F f) {
    out += '[';
    for (std::size_t k = 0; k < v.size(); ++k) {
      if (k) out += ' ';
      f(v[k]);
    }
    out += ']';
  }

  void exprs(const std::vector<Expr*>& v) { list(v, [&](const Expr* e) { expr(e); }); }
  void stmts(const std::vector<Stmt*>& v) { list(v, [&](const Stmt* s) { stmt(s); }); }

  void opt(const Expr* e) {
    if (e) expr(e);
    else out += '_';
  }

  static const char* ctxName(Ctx c) { return c == Ctx::Store ? "Store" : c == Ctx::Del ? "Del" : "Load"; }
  void ctx(Ctx c) {
    if (c != Ctx::Load) { out += ' '; out += ctxName(c); }
  }

  void args(const Arguments* a) {
    out += "(args";
    auto arg = [&](const Arg& x) {
      if (x.annotation) { out += '('; out += x.name; out += ' '; expr(x.annotation); out += ')'; }
      else out += x.name;
      span(x);
    };
    if (!a->posonlyargs.empty()) { out += " posonly="; list(a->posonlyargs, arg); }
    out += ' ';
    list(a->args, arg);
    if (!a->defaults.empty()) { out += " defaults="; exprs(a->defaults); }
    if (a->vararg) { out += " *"; arg(*a->vararg); }
    if (!a->kwonlyargs.empty()) {
      out += " kwonly=";
      list(a->kwonlyargs, arg);
      out += " kwdefaults=";
      list(a->kwDefaults, [&](const Expr* e) { opt(e); });
    }
    if (a->kwarg) { out += " **"; arg(*a->kwarg); }
    out += ')';
  }

  void keywords(const std::vector<Keyword>& ks) {
    list(ks, [&](const Keyword& k) {
      out += '(';
      out += k.arg.empty() ? "**" : k.arg;
      out += ' ';
      expr(k.value);
      out += ')';
    });
  }

  void comps(const std::vector<Comprehension>& gs) {
    list(gs, [&](const Comprehension& g) {
      out += g.isAsync ? "(async-for " : "(for ";
      expr(g.target);
      out += ' ';
      expr(g.iter);
      out += ' ';
      exprs(g.ifs);
      out += ')';
    });
  }

  void expr(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Name:
        out += "(Name ";
        name(e->as<Name>()->id);
        ctx(e->as<Name>()->ctx);
        out += ')';
        break;
      case ExprKind::Constant: {
        const auto* c = e->as<Constant>();
        switch (c->value) {
          case ConstantKind::None: out += "None"; break;
          case ConstantKind::True: out += "True"; break;
          case ConstantKind::False: out += "False"; break;
          case ConstantKind::Ellipsis: out += "Ellipsis"; break;
          case ConstantKind::Int: out += c->intDigits; break;
          case ConstantKind::Float: case ConstantKind::Complex: {
            out += floatRepr(c->floatValue);
            if (c->value == ConstantKind::Complex) out += 'j';
            break;
          }
          case ConstantKind::Str: str(c->str); break;
          case ConstantKind::Bytes: out += 'b'; str(c->str); break;
        }
        break;
      }
      case ExprKind::BoolOp:
        out += e->as<BoolOp>()->op == BoolOpKind::And ? "(and " : "(or ";
        exprs(e->as<BoolOp>()->values);
        out += ')';
        break;
      case ExprKind::BinOp:
        out += "(BinOp ";
        out += binOpSymbol(e->as<BinOp>()->op);
        out += ' ';
        expr(e->as<BinOp>()->left);
        out += ' ';
        expr(e->as<BinOp>()->right);
        out += ')';
        break;
      case ExprKind::UnaryOp:
        out += "(UnaryOp ";
        out += unaryOpSymbol(e->as<UnaryOp>()->op);
        out += ' ';
        expr(e->as<UnaryOp>()->operand);
        out += ')';
        break;
      case ExprKind::Lambda:
        out += "(Lambda ";
        args(e->as<Lambda>()->args);
        out += ' ';
        expr(e->as<Lambda>()->body);
        out += ')';
        break;
      case ExprKind::IfExp:
        out += "(IfExp ";
        expr(e->as<IfExp>()->test);
        out += ' ';
        expr(e->as<IfExp>()->body);
        out += ' ';
        expr(e->as<IfExp>()->orelse);
        out += ')';
        break;
      case ExprKind::Dict: {
        const auto* d = e->as<Dict>();
        out += "(Dict [";
        for (std::size_t k = 0; k < d->values.size(); ++k) {
          if (k) out += ' ';
          out += '(';
          if (d->keys[k]) expr(d->keys[k]);
          else out += "**";
          out += ' ';
          expr(d->values[k]);
          out += ')';
        }
        out += "])";
        break;
      }
      case ExprKind::Set: out += "(Set "; exprs(e->as<Set>()->elts); out += ')'; break;
      case ExprKind::List: out += "(List "; exprs(e->as<List>()->elts); ctx(e->as<List>()->ctx); out += ')'; break;
      case ExprKind::Tuple: out += "(Tuple "; exprs(e->as<Tuple>()->elts); ctx(e->as<Tuple>()->ctx); out += ')'; break;
      case ExprKind::ListComp:
        out += "(ListComp "; expr(e->as<ListComp>()->elt); out += ' '; comps(e->as<ListComp>()->generators); out += ')';
        break;
      case ExprKind::SetComp:
        out += "(SetComp "; expr(e->as<SetComp>()->elt); out += ' '; comps(e->as<SetComp>()->generators); out += ')';
        break;
      case ExprKind::GeneratorExp:
        out += "(GeneratorExp "; expr(e->as<GeneratorExp>()->elt); out += ' ';
        comps(e->as<GeneratorExp>()->generators); out += ')';
        break;
      case ExprKind::DictComp:
        out += "(DictComp "; expr(e->as<DictComp>()->key); out += ' '; expr(e->as<DictComp>()->value); out += ' ';
        comps(e->as<DictComp>()->generators); out += ')';
        break;
      case ExprKind::Await: out += "(Await "; expr(e->as<Await>()->value); out += ')'; break;
      case ExprKind::Yield: out += "(Yield "; opt(e->as<Yield>()->value); out += ')'; break;
      case ExprKind::YieldFrom: out += "(YieldFrom "; expr(e->as<YieldFrom>()->value); out += ')'; break;
      case ExprKind::Compare: {
        const auto* c = e->as<Compare>();
        out += "(Compare ";
        expr(c->left);
        for (std::size_t k = 0; k < c->ops.size(); ++k) {
          out += ' ';
          out += cmpOpSymbol(c->ops[k]);
          out += ' ';
          expr(c->comparators[k]);
        }
        out += ')';
        break;
      }
      case ExprKind::Call:
        out += "(Call ";
        expr(e->as<Call>()->func);
        out += ' ';
        exprs(e->as<Call>()->args);
        if (!e->as<Call>()->keywords.empty()) { out += ' '; keywords(e->as<Call>()->keywords); }
        out += ')';
        break;
      case ExprKind::FormattedValue: {
        const auto* f = e->as<FormattedValue>();
        out += "(FormattedValue ";
        expr(f->value);
        if (f->conversion != -1) { out += " !"; out += static_cast<char>(f->conversion); }
        if (f->formatSpec) { out += " :"; expr(f->formatSpec); }
        out += ')';
        break;
      }
      case ExprKind::JoinedStr: out += "(JoinedStr "; exprs(e->as<JoinedStr>()->values); out += ')'; break;
      case ExprKind::Attribute:
        out += "(Attribute ";
        expr(e->as<Attribute>()->value);
        out += ' ';
        out += e->as<Attribute>()->attr;
        ctx(e->as<Attribute>()->ctx);
        out += ')';
        break;
      case ExprKind::Subscript:
        out += "(Subscript ";
        expr(e->as<Subscript>()->value);
        out += ' ';
        expr(e->as<Subscript>()->slice);
        ctx(e->as<Subscript>()->ctx);
        out += ')';
        break;
      case ExprKind::Starred: out += "(Starred "; expr(e->as<Starred>()->value); ctx(e->as<Starred>()->ctx); out += ')'; break;
      case ExprKind::NamedExpr:
        out += "(NamedExpr ";
        expr(e->as<NamedExpr>()->target);
        out += ' ';
        expr(e->as<NamedExpr>()->value);
        out += ')';
        break;
      case ExprKind::Slice:
        out += "(Slice ";
        opt(e->as<Slice>()->lower);
        out += ' ';
        opt(e->as<Slice>()->upper);
        out += ' ';
        opt(e->as<Slice>()->step);
        out += ')';
        break;
    }
    span(*e);
  }

  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        const auto* f = s->as<FunctionDef>();
        out += f->isAsync ? "(AsyncFunctionDef " : "(FunctionDef ";
        out += f->name;
        out += ' ';
        args(f->args);
        out += ' ';
        stmts(f->body);
        if (!f->decorators.empty()) { out += " decorators="; exprs(f->decorators); }
        if (f->returns) { out += " returns="; expr(f->returns); }
        out += ')';
        break;
      }
      case StmtKind::ClassDef: {
        const auto* c = s->as<ClassDef>();
        out += "(ClassDef ";
        out += c->name;
        out += ' ';
        exprs(c->bases);
        if (!c->keywords.empty()) { out += ' '; keywords(c->keywords); }
        out += ' ';
        stmts(c->body);
        if (!c->decorators.empty()) { out += " decorators="; exprs(c->decorators); }
        out += ')';
        break;
      }
      case StmtKind::Return: out += "(Return "; opt(s->as<Return>()->value); out += ')'; break;
      case StmtKind::Delete: out += "(Delete "; exprs(s->as<Delete>()->targets); out += ')'; break;
      case StmtKind::Assign:
        out += "(Assign "; exprs(s->as<Assign>()->targets); out += ' '; expr(s->as<Assign>()->value); out += ')';
        break;
      case StmtKind::AugAssign:
        out += "(AugAssign ";
        expr(s->as<AugAssign>()->target);
        out += ' ';
        out += binOpSymbol(s->as<AugAssign>()->op);
        out += "= ";
        expr(s->as<AugAssign>()->value);
        out += ')';
        break;
      case StmtKind::AnnAssign:
        out += "(AnnAssign "; expr(s->as<AnnAssign>()->target); out += ' '; expr(s->as<AnnAssign>()->annotation);
        out += ' '; opt(s->as<AnnAssign>()->value);
        if (!s->as<AnnAssign>()->simple) out += " not-simple";
        out += ')';
        break;
      case StmtKind::For: {
        const auto* f = s->as<For>();
        out += f->isAsync ? "(AsyncFor " : "(For ";
        expr(f->target); out += ' '; expr(f->iter); out += ' '; stmts(f->body);
        if (!f->orelse.empty()) { out += " else="; stmts(f->orelse); }
        out += ')';
        break;
      }
      case StmtKind::While: {
        const auto* w = s->as<While>();
        out += "(While "; expr(w->test); out += ' '; stmts(w->body);
        if (!w->orelse.empty()) { out += " else="; stmts(w->orelse); }
        out += ')';
        break;
      }
      case StmtKind::If: {
        const auto* i = s->as<If>();
        out += "(If "; expr(i->test); out += ' '; stmts(i->body);
        if (!i->orelse.empty()) { out += " else="; stmts(i->orelse); }
        out += ')';
        break;
      }
      case StmtKind::With: {
        const auto* w = s->as<With>();
        out += w->isAsync ? "(AsyncWith [" : "(With [";
        for (std::size_t k = 0; k < w->items.size(); ++k) {
          if (k) out += ' ';
          out += '(';
          expr(w->items[k].contextExpr);
          if (w->items[k].optionalVars) { out += " as "; expr(w->items[k].optionalVars); }
          out += ')';
        }
        out += "] ";
        stmts(w->body);
        out += ')';
        break;
      }
      case StmtKind::Raise: out += "(Raise "; opt(s->as<Raise>()->exc); out += ' '; opt(s->as<Raise>()->cause); out += ')'; break;
      case StmtKind::Try: {
        const auto* t = s->as<Try>();
        out += t->isStar ? "(TryStar " : "(Try ";
        stmts(t->body);
        out += ' ';
        list(t->handlers, [&](const ExceptHandler* h) {
          out += "(except ";
          opt(h->type);
          if (!h->name.empty()) { out += " as "; out += h->name; }
          out += ' ';
          stmts(h->body);
          out += ')';
          span(*h);
        });
        if (!t->orelse.empty()) { out += " else="; stmts(t->orelse); }
        if (!t->finalbody.empty()) { out += " finally="; stmts(t->finalbody); }
        out += ')';
        break;
      }
      case StmtKind::Assert: out += "(Assert "; expr(s->as<Assert>()->test); out += ' '; opt(s->as<Assert>()->msg); out += ')'; break;
      case StmtKind::Import: case StmtKind::ImportFrom: {
        const std::vector<Alias>* names;
        if (s->is<Import>()) {
          out += "(Import ";
          names = &s->as<Import>()->names;
        } else {
          const auto* f = s->as<ImportFrom>();
          out += "(ImportFrom ";
          out += std::string(static_cast<std::size_t>(f->level), '.') + f->module + ' ';
          names = &f->names;
        }
        list(*names, [&](const Alias& a) {
          out += a.name;
          if (!a.asname.empty()) { out += " as "; out += a.asname; }
        });
        out += ')';
        break;
      }
      case StmtKind::Global: case StmtKind::Nonlocal:
        out += s->is<Global>() ? "(Global " : "(Nonlocal ";
        list(s->is<Global>() ? s->as<Global>()->names : s->as<Nonlocal>()->names, [&](const std::string& n) { out += n; });
        out += ')';
        break;
      case StmtKind::Expr: out += "(Expr "; expr(s->as<ExprStmt>()->value); out += ')'; break;
      case StmtKind::Pass: out += "(Pass)"; break;
      case StmtKind::Break: out += "(Break)"; break;
      case StmtKind::Continue: out += "(Continue)"; break;
    }
    span(*s);
  }

 private:
  bool pos_;
};

}  // namespace

std::string dumpAst(const Module& module, bool positions) {
  Dumper d(positions);
  d.out += "(Module";
  for (const Stmt* s : module.body) {
    d.out += ' ';
    d.stmt(s);
  }
  d.out += ')';
  return std::move(d.out);
}

std::string dumpExpr(const Expr* e, bool positions) {
  Dumper d(positions);
  d.expr(e);
  return std::move(d.out);
}

std::string dumpStmt(const Stmt* s, bool positions) {
  Dumper d(positions);
  d.stmt(s);
  return std::move(d.out);
}

}  // namespace py
