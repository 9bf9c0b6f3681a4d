// ast.h: the abstract syntax tree of Loopscope's Python subset.
//
// The parser (parser.h) produces it, the compiler walks it. It mirrors
// CPython 3.11's `ast` module node for node (same names, same fields, same
// positions) so that anything CPython reports from positions (syntax-error
// carets, traceback carets under an expression) can be reproduced exactly.
//
// Shape: a `kind` enum plus one struct per node kind. Every node derives from
// `Expr` or `Stmt`; walk with `switch (node->kind)` and `node->as<BinOp>()`.
// Child pointers are plain, non-owning pointers: every node lives in the arena
// of the `Module` that holds the tree, and dies with it. A null child pointer
// means "absent" (CPython's None), e.g. `Return::value` of a bare `return`.
//
// Positions follow CPython's `ast`: `line`/`endLine` are 1-based; `col` and
// `endCol` are 0-based offsets in UTF-8 *bytes* into the line (CPython's
// col_offset / end_col_offset), with `endCol` one past the last byte. Convert
// to characters for display (CPython does the same when it prints carets).
#pragma once

#include <cassert>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace py {

// ---------------------------------------------------------------------------
// Small enums shared by several nodes.

enum class Ctx { Load, Store, Del };

enum class BoolOpKind { And, Or };

enum class BinOpKind {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};

enum class UnaryOpKind { Invert, Not, UAdd, USub };

enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// Python spelling of an operator, for error messages and the AST dump.
const char* binOpSymbol(BinOpKind op);      // "+", "@", "//", ...
const char* unaryOpSymbol(UnaryOpKind op);  // "~", "not", "+", "-"
const char* cmpOpSymbol(CmpOpKind op);      // "==", "is not", "not in", ...

// A source span shared by every node and helper record.
struct Span {
  int line = 0;     // 1-based
  int col = 0;      // 0-based UTF-8 byte offset (CPython col_offset)
  int endLine = 0;  // 1-based
  int endCol = 0;   // 0-based, one past the end (CPython end_col_offset)
};

// ---------------------------------------------------------------------------
// Expressions.

enum class ExprKind {
  BoolOp, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, List, Tuple,
  ListComp, SetComp, DictComp, GeneratorExp, Await, Yield, YieldFrom,
  Compare, Call, FormattedValue, JoinedStr, Constant, Attribute, Subscript,
  Starred, Name, Slice, NamedExpr
};

const char* exprKindName(ExprKind k);  // "BinOp", ...

struct Expr : Span {
  const ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  template <class T> T* as() { assert(kind == T::Kind); return static_cast<T*>(this); }
  template <class T> const T* as() const { assert(kind == T::Kind); return static_cast<const T*>(this); }
  template <class T> bool is() const { return kind == T::Kind; }
};

template <ExprKind K> struct ExprOf : Expr {
  static constexpr ExprKind Kind = K;
  ExprOf() : Expr(K) {}
};

// `a and b and c`: one node with all operands, as CPython.
struct BoolOp : ExprOf<ExprKind::BoolOp> {
  BoolOpKind op = BoolOpKind::And;
  std::vector<Expr*> values;
};

struct BinOp : ExprOf<ExprKind::BinOp> {
  Expr* left = nullptr;
  BinOpKind op = BinOpKind::Add;
  Expr* right = nullptr;
};

struct UnaryOp : ExprOf<ExprKind::UnaryOp> {
  UnaryOpKind op = UnaryOpKind::USub;
  Expr* operand = nullptr;
};

struct Arguments;  // below, with the other helper records

struct Lambda : ExprOf<ExprKind::Lambda> {
  Arguments* args = nullptr;  // never null (empty when no parameters)
  Expr* body = nullptr;
};

// `body if test else orelse`
struct IfExp : ExprOf<ExprKind::IfExp> {
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};

// `{k: v, **m}`: keys[i] is null for a `**m` entry (values[i] is m).
struct Dict : ExprOf<ExprKind::Dict> {
  std::vector<Expr*> keys;
  std::vector<Expr*> values;
};

struct Set : ExprOf<ExprKind::Set> {
  std::vector<Expr*> elts;
};

struct List : ExprOf<ExprKind::List> {
  std::vector<Expr*> elts;
  Ctx ctx = Ctx::Load;
};

// Also the bare tuple `a, b = ...`. As in CPython, the span of a
// parenthesized tuple includes its parentheses; a bare one spans its elements.
struct Tuple : ExprOf<ExprKind::Tuple> {
  std::vector<Expr*> elts;
  Ctx ctx = Ctx::Load;
};

// One `for target in iter if ...` clause of a comprehension.
struct Comprehension {
  Expr* target = nullptr;  // ctx Store
  Expr* iter = nullptr;
  std::vector<Expr*> ifs;
  bool isAsync = false;    // `async for`
};

struct ListComp : ExprOf<ExprKind::ListComp> {
  Expr* elt = nullptr;
  std::vector<Comprehension> generators;
};

struct SetComp : ExprOf<ExprKind::SetComp> {
  Expr* elt = nullptr;
  std::vector<Comprehension> generators;
};

struct DictComp : ExprOf<ExprKind::DictComp> {
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<Comprehension> generators;
};

struct GeneratorExp : ExprOf<ExprKind::GeneratorExp> {
  Expr* elt = nullptr;
  std::vector<Comprehension> generators;
};

struct Await : ExprOf<ExprKind::Await> {
  Expr* value = nullptr;
};

struct Yield : ExprOf<ExprKind::Yield> {
  Expr* value = nullptr;  // null for a bare `yield`
};

// Parsed so that the VM can refuse it with a position.
struct YieldFrom : ExprOf<ExprKind::YieldFrom> {
  Expr* value = nullptr;
};

// `a < b <= c`: left, ops {Lt, LtE}, comparators {b, c}.
struct Compare : ExprOf<ExprKind::Compare> {
  Expr* left = nullptr;
  std::vector<CmpOpKind> ops;
  std::vector<Expr*> comparators;
};

// `name=value`, or `**value` when `arg` is empty.
struct Keyword : Span {
  std::string arg;  // empty for `**mapping`
  Expr* value = nullptr;
};

// `func(a, *b, c=1, **d)`: `*b` is a Starred in args; `**d` a Keyword with
// empty arg. Source order among keywords is kept.
struct Call : ExprOf<ExprKind::Call> {
  Expr* func = nullptr;
  std::vector<Expr*> args;
  std::vector<Keyword> keywords;
};

// One `{value!conversion:format_spec}` of an f-string.
struct FormattedValue : ExprOf<ExprKind::FormattedValue> {
  Expr* value = nullptr;
  int conversion = -1;           // -1 none, else 's', 'r' or 'a'
  Expr* formatSpec = nullptr;    // a JoinedStr, or null
};

// An f-string (after implicit concatenation with neighbouring literals):
// values are Constant(str) and FormattedValue nodes in order. A `{x=}`
// self-documenting field becomes Constant("x=") then FormattedValue(x, 'r'
// unless a conversion or format spec is given), as CPython does.
struct JoinedStr : ExprOf<ExprKind::JoinedStr> {
  std::vector<Expr*> values;
};

enum class ConstantKind { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };

// A literal. Complex never reaches the compiler: the parser refuses it; it
// exists so the lexer can name what it saw. Bytes keeps its bytes in `str`.
struct Constant : ExprOf<ExprKind::Constant> {
  ConstantKind value = ConstantKind::None;
  std::string intDigits;  // Int: the value in decimal, no sign, no leading zeros ("0" for zero)
  double floatValue = 0;  // Float (and Complex's imaginary part): correctly rounded
  std::string str;        // Str: the decoded text, UTF-8
  // True when this Constant is (part of) a string literal whose first piece
  // had a `u` prefix; CPython's ast records `kind='u'`. Only the dump cares.
  bool uPrefix = false;
};

struct Attribute : ExprOf<ExprKind::Attribute> {
  Expr* value = nullptr;
  std::string attr;
  Ctx ctx = Ctx::Load;
};

// `value[slice]`: slice is a Slice, a Tuple (of expressions and/or Slices,
// `a[1:2, 3]`), or any expression.
struct Subscript : ExprOf<ExprKind::Subscript> {
  Expr* value = nullptr;
  Expr* slice = nullptr;
  Ctx ctx = Ctx::Load;
};

struct Starred : ExprOf<ExprKind::Starred> {
  Expr* value = nullptr;
  Ctx ctx = Ctx::Load;
};

// `(x := value)`: binds x and is worth value. In a comprehension, x binds
// in the nearest enclosing function or module (PEP 572).
struct NamedExpr : ExprOf<ExprKind::NamedExpr> {
  Expr* target = nullptr;  // a Name, ctx Store
  Expr* value = nullptr;
};

struct Name : ExprOf<ExprKind::Name> {
  std::string id;
  Ctx ctx = Ctx::Load;
};

// `lower:upper:step` inside a subscript; each part may be null.
struct Slice : ExprOf<ExprKind::Slice> {
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// ---------------------------------------------------------------------------
// Helper records (not expressions, not statements).

// One parameter. Annotations are parsed and kept, never evaluated by the VM.
struct Arg : Span {
  std::string name;
  Expr* annotation = nullptr;
};

// A parameter list, as CPython's `arguments`:
//   def f(a, b=1, /, c=2, *args, d, e=3, **kw)
// posonlyargs {a, b}, args {c}, defaults {1, 2} (aligned to the LAST
// posonlyargs+args), vararg args, kwonlyargs {d, e}, kwDefaults {null, 3}
// (same length as kwonlyargs), kwarg kw.
struct Arguments {
  std::vector<Arg> posonlyargs;
  std::vector<Arg> args;
  std::vector<Expr*> defaults;
  Arg* vararg = nullptr;  // `*args`; null for none (a bare `*` leaves it null)
  std::vector<Arg> kwonlyargs;
  std::vector<Expr*> kwDefaults;
  Arg* kwarg = nullptr;   // `**kw`
};

// `import a.b as c` / `from m import x as y` / `from m import *` (name "*").
struct Alias : Span {
  std::string name;    // dotted for `import a.b`
  std::string asname;  // empty when absent
};

// One `expr as target` of a with statement.
struct WithItem {
  Expr* contextExpr = nullptr;
  Expr* optionalVars = nullptr;  // ctx Store, or null
};

struct Stmt;

// `except T as name:` (Span covers the whole handler, from `except`).
struct ExceptHandler : Span {
  Expr* type = nullptr;  // null for a bare `except:`
  std::string name;      // empty when no `as`
  std::vector<Stmt*> body;
};

// ---------------------------------------------------------------------------
// Statements.

enum class StmtKind {
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign,
  For, While, If, With, Raise, Try, Assert, Import, ImportFrom, Global,
  Nonlocal, Expr, Pass, Break, Continue
};

const char* stmtKindName(StmtKind k);  // "FunctionDef" / CPython's name

struct Stmt : Span {
  const StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
  virtual ~Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  template <class T> T* as() { assert(kind == T::Kind); return static_cast<T*>(this); }
  template <class T> const T* as() const { assert(kind == T::Kind); return static_cast<const T*>(this); }
  template <class T> bool is() const { return kind == T::Kind; }
};

template <StmtKind K> struct StmtOf : Stmt {
  static constexpr StmtKind Kind = K;
  StmtOf() : Stmt(K) {}
};

// `def` and `async def`. As in CPython the span starts at `def`/`async`,
// not at the first decorator; decorators keep their own spans.
struct FunctionDef : StmtOf<StmtKind::FunctionDef> {
  bool isAsync = false;
  std::string name;
  Arguments* args = nullptr;   // never null
  std::vector<Stmt*> body;
  std::vector<Expr*> decorators;
  Expr* returns = nullptr;     // the `-> annotation`, ignored by the VM
  // Facts the parser already knows, so the compiler need not rescan:
  bool isGenerator = false;    // body contains yield / yield from (not nested defs)
  bool hasAwait = false;       // body contains await/async for/async with/async comprehension
};

struct ClassDef : StmtOf<StmtKind::ClassDef> {
  std::string name;
  std::vector<Expr*> bases;
  std::vector<Keyword> keywords;  // `metaclass=...` etc.
  std::vector<Stmt*> body;
  std::vector<Expr*> decorators;
};

struct Return : StmtOf<StmtKind::Return> {
  Expr* value = nullptr;
};

struct Delete : StmtOf<StmtKind::Delete> {
  std::vector<Expr*> targets;  // ctx Del
};

// `a = b = value`: targets {a, b}.
struct Assign : StmtOf<StmtKind::Assign> {
  std::vector<Expr*> targets;  // ctx Store
  Expr* value = nullptr;
};

struct AugAssign : StmtOf<StmtKind::AugAssign> {
  Expr* target = nullptr;  // Name, Attribute or Subscript, ctx Store
  BinOpKind op = BinOpKind::Add;
  Expr* value = nullptr;
};

// `x: int = 1`, `x: int` (no value: nothing is bound), `self.x: int = 0`.
// `simple` is CPython's flag: the target is a bare name, not parenthesized;
// only then does a module or class body store the annotation in
// __annotations__.
struct AnnAssign : StmtOf<StmtKind::AnnAssign> {
  Expr* target = nullptr;      // Name, Attribute or Subscript, ctx Store
  Expr* annotation = nullptr;
  Expr* value = nullptr;       // null for a bare annotation
  bool simple = true;
};

struct For : StmtOf<StmtKind::For> {
  bool isAsync = false;
  Expr* target = nullptr;  // ctx Store
  Expr* iter = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
};

struct While : StmtOf<StmtKind::While> {
  Expr* test = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
};

// `elif` is an If alone in the orelse of the previous If, as in CPython.
struct If : StmtOf<StmtKind::If> {
  Expr* test = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
};

struct With : StmtOf<StmtKind::With> {
  bool isAsync = false;
  std::vector<WithItem> items;
  std::vector<Stmt*> body;
};

struct Raise : StmtOf<StmtKind::Raise> {
  Expr* exc = nullptr;    // null for a bare `raise`
  Expr* cause = nullptr;  // `from cause`
};

// try/except/else/finally; `isStar` for `except*` (all handlers are then star).
struct Try : StmtOf<StmtKind::Try> {
  bool isStar = false;
  std::vector<Stmt*> body;
  std::vector<ExceptHandler*> handlers;
  std::vector<Stmt*> orelse;
  std::vector<Stmt*> finalbody;
};

struct Assert : StmtOf<StmtKind::Assert> {
  Expr* test = nullptr;
  Expr* msg = nullptr;
};

struct Import : StmtOf<StmtKind::Import> {
  std::vector<Alias> names;
};

struct ImportFrom : StmtOf<StmtKind::ImportFrom> {
  std::string module;  // empty for `from . import x`
  std::vector<Alias> names;
  int level = 0;       // number of leading dots
};

struct Global : StmtOf<StmtKind::Global> {
  std::vector<std::string> names;
};

struct Nonlocal : StmtOf<StmtKind::Nonlocal> {
  std::vector<std::string> names;
};

// An expression statement (CPython's `Expr` statement).
struct ExprStmt : StmtOf<StmtKind::Expr> {
  Expr* value = nullptr;
};

struct Pass : StmtOf<StmtKind::Pass> {};
struct Break : StmtOf<StmtKind::Break> {};
struct Continue : StmtOf<StmtKind::Continue> {};

// ---------------------------------------------------------------------------
// The module: the tree's root and the arena that owns every node.

// A whole-line `# sim: ...` comment (contract section 6), collected by the
// lexer for the simulated network; its grammar is checked elsewhere.
struct SimLine {
  int line = 0;        // 1-based
  std::string text;    // what follows "sim:", verbatim (leading spaces kept, no newline)
};

class Module {
 public:
  Module() = default;
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  std::vector<Stmt*> body;
  std::vector<SimLine> simLines;

  // Allocates a node owned by this module. Pointers stay valid for the
  // module's lifetime.
  template <class T, class... A> T* make(A&&... a) {
    auto p = std::make_unique<T>(std::forward<A>(a)...);
    T* raw = p.get();
    if constexpr (std::is_base_of_v<Expr, T>) exprs_.push_back(std::move(p));
    else if constexpr (std::is_base_of_v<Stmt, T>) stmts_.push_back(std::move(p));
    else if constexpr (std::is_same_v<T, Arguments>) arguments_.push_back(std::move(p));
    else if constexpr (std::is_same_v<T, Arg>) argNodes_.push_back(std::move(p));
    else if constexpr (std::is_same_v<T, ExceptHandler>) handlers_.push_back(std::move(p));
    else static_assert(sizeof(T) == 0, "not an AST node type");
    return raw;
  }

 private:
  std::vector<std::unique_ptr<Expr>> exprs_;
  std::vector<std::unique_ptr<Stmt>> stmts_;
  std::vector<std::unique_ptr<Arguments>> arguments_;
  std::vector<std::unique_ptr<Arg>> argNodes_;
  std::vector<std::unique_ptr<ExceptHandler>> handlers_;
};

}  // namespace py
