// ast.cpp: names of AST kinds and operators, for messages and dumps.
#include "core/py/ast.h"

namespace py {

const char* binOpSymbol(BinOpKind op) {
  switch (op) {
    case BinOpKind::Add: return "+";
    case BinOpKind::Sub: return "-";
    case BinOpKind::Mult: return "*";
    case BinOpKind::MatMult: return "@";
    case BinOpKind::Div: return "/";
    case BinOpKind::Mod: return "%";
    case BinOpKind::Pow: return "**";
    case BinOpKind::LShift: return "<<";
    case BinOpKind::RShift: return ">>";
    case BinOpKind::BitOr: return "|";
    case BinOpKind::BitXor: return "^";
    case BinOpKind::BitAnd: return "&";
    case BinOpKind::FloorDiv: return "//";
  }
  return "?";
}

const char* unaryOpSymbol(UnaryOpKind op) {
  switch (op) {
    case UnaryOpKind::Invert: return "~";
    case UnaryOpKind::Not: return "not";
    case UnaryOpKind::UAdd: return "+";
    case UnaryOpKind::USub: return "-";
  }
  return "?";
}

const char* cmpOpSymbol(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq: return "==";
    case CmpOpKind::NotEq: return "!=";
    case CmpOpKind::Lt: return "<";
    case CmpOpKind::LtE: return "<=";
    case CmpOpKind::Gt: return ">";
    case CmpOpKind::GtE: return ">=";
    case CmpOpKind::Is: return "is";
    case CmpOpKind::IsNot: return "is not";
    case CmpOpKind::In: return "in";
    case CmpOpKind::NotIn: return "not in";
  }
  return "?";
}

const char* exprKindName(ExprKind k) {
  static const char* names[] = {"BoolOp", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "List", "Tuple",
                                "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
                                "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute",
                                "Subscript", "Starred", "Name", "Slice", "NamedExpr"};
  return names[static_cast<int>(k)];
}

const char* stmtKindName(StmtKind k) {
  static const char* names[] = {"FunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign", "AnnAssign",
                                "For", "While", "If", "With", "Raise", "Try", "Assert", "Import", "ImportFrom",
                                "Global", "Nonlocal", "Expr", "Pass", "Break", "Continue"};
  return names[static_cast<int>(k)];
}

}  // namespace py
