// code.cpp: stack effects, the max-stack pass and the disassembler.
#include "core/py/code.h"

#include <bit>
#include <cstdio>

#include "core/py/callables.h"
#include "core/py/str_object.h"

namespace py {

namespace {
struct OpInfo {
  const char* name;
  int effect;
};
constexpr OpInfo kOps[] = {
#define LS_OP_INFO(name, effect, doc) {#name, effect},
    LS_OPCODES(LS_OP_INFO)
#undef LS_OP_INFO
};
}  // namespace

const char* opName(Op op) { return kOps[static_cast<int>(op)].name; }

int stackEffect(Op op, int arg, bool jump) {
  switch (op) {
    case Op::CALL: return -arg - 1;
    case Op::CALL_KW: return -arg - 2;
    case Op::CALL_EX: return -2 - (arg & 1);
    case Op::BUILD_SLICE:
    case Op::BUILD_LIST:
    case Op::BUILD_TUPLE:
    case Op::BUILD_SET:
    case Op::BUILD_STRING: return 1 - arg;
    case Op::BUILD_MAP: return 1 - 2 * arg;
    case Op::FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case Op::UNPACK_SEQUENCE: return arg - 1;
    case Op::UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case Op::FOR_ITER: return jump ? -1 : 1;
    case Op::SEND: return jump ? -1 : 0;
    case Op::SETUP_EXCEPT: return jump ? 1 : 0;
    case Op::MAKE_FUNCTION: return -std::popcount(static_cast<unsigned>(arg));
    case Op::BUILD_CLASS: return -arg - 1;
    case Op::RERAISE: return -arg;
    case Op::RAISE_VARARGS: return -arg;
    case Op::WITH_EXC_ARGS: return 2;
    default: return kOps[static_cast<int>(op)].effect;
  }
}

int computeMaxStack(const CodeObj& code) {
  std::size_t n = code.code.size();
  std::vector<int> depth(n + 1, -1);
  std::vector<std::size_t> work;
  int maxDepth = 0;
  auto push = [&](std::size_t i, int d) {
    if (i > n) return;
    if (d > maxDepth) maxDepth = d;
    if (depth[i] >= d) return;
    depth[i] = d;
    work.push_back(i);
  };
  push(0, 0);
  while (!work.empty()) {
    std::size_t i = work.back();
    work.pop_back();
    int d = depth[i];
    if (i >= n) continue;
    const Instr& ins = code.code[i];
    switch (ins.op) {
      case Op::JUMP:
        push(static_cast<std::size_t>(ins.arg), d);
        continue;
      case Op::RETURN_VALUE:
      case Op::RERAISE:
      case Op::RAISE_VARARGS:
        continue;
      case Op::POP_JUMP_IF_FALSE:
      case Op::POP_JUMP_IF_TRUE:
      case Op::JUMP_IF_FALSE_OR_POP:
      case Op::JUMP_IF_TRUE_OR_POP:
      case Op::FOR_ITER:
      case Op::SEND:
      case Op::SETUP_EXCEPT:
        push(static_cast<std::size_t>(ins.arg), d + stackEffect(ins.op, ins.arg, true));
        break;
      default:
        break;
    }
    push(i + 1, d + stackEffect(ins.op, ins.arg, false));
  }
  return maxDepth;
}

std::string disassemble(const CodeObj& code) {
  std::string out = "Disassembly of " + code.qualname + ":\n";
  char buf[160];
  int lastLine = -1;
  std::vector<const CodeObj*> nested;
  for (std::size_t i = 0; i < code.code.size(); ++i) {
    const Instr& ins = code.code[i];
    int line = code.lines[i];
    if (line != lastLine) {
      std::snprintf(buf, sizeof buf, "%4d ", line);
      lastLine = line;
    } else {
      std::snprintf(buf, sizeof buf, "     ");
    }
    out += buf;
    std::snprintf(buf, sizeof buf, "%6zu %-22s %d", i, opName(ins.op), ins.arg);
    out += buf;
    auto nameAt = [&](const std::vector<StrObj*>& v) -> std::string {
      return ins.arg >= 0 && static_cast<std::size_t>(ins.arg) < v.size() ? v[ins.arg]->s : "?";
    };
    switch (ins.op) {
      case Op::LOAD_FAST: case Op::STORE_FAST: case Op::DELETE_FAST:
        out += " (" + nameAt(code.varnames) + ")";
        break;
      case Op::LOAD_GLOBAL: case Op::STORE_GLOBAL: case Op::LOAD_NAME: case Op::STORE_NAME:
      case Op::LOAD_ATTR: case Op::STORE_ATTR: case Op::LOAD_METHOD: case Op::IMPORT_NAME:
      case Op::IMPORT_FROM: case Op::DELETE_NAME: case Op::DELETE_GLOBAL: case Op::DELETE_ATTR:
        out += " (" + nameAt(code.names) + ")";
        break;
      case Op::LOAD_CONST: {
        Value v = code.consts[static_cast<std::size_t>(ins.arg)];
        if (v.isObject() && asPy(v)->kind == Kind::Code) {
          nested.push_back(as<CodeObj>(v));
          out += " (<code " + as<CodeObj>(v)->qualname + ">)";
        } else if (v.isObject() && asPy(v)->kind == Kind::Str) {
          out += " ('" + as<StrObj>(v)->s + "')";
        } else if (v.isSmallInt()) {
          out += " (" + std::to_string(v.asSmallInt()) + ")";
        }
        break;
      }
      default:
        break;
    }
    out += "\n";
  }
  for (const CodeObj* c : nested) out += "\n" + disassemble(*c);
  return out;
}

}  // namespace py
