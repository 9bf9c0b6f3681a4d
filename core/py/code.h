// code.h: a compiled code object (one per function, class body, module,
// comprehension), as CPython's PyCodeObject: instructions, a line per
// instruction, constants, names and the variable layout of a frame.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/py/object.h"
#include "core/py/opcodes.h"

namespace py {

class StrObj;

struct Instr {
  Op op;
  std::int32_t arg;
};

class CodeObj : public PyObj {
 public:
  explicit CodeObj(TypeObj* t) : PyObj(t, Kind::Code) {}
  void trace(loop::Tracer& tr) override;
  std::size_t extraBytes() const override {
    return code.capacity() * sizeof(Instr) + lines.capacity() * 4 + consts.capacity() * 8;
  }

  std::string name;
  std::string qualname;
  std::vector<Instr> code;
  std::vector<std::int32_t> lines;  // source line of each instruction
  std::vector<Value> consts;
  std::vector<StrObj*> names;       // global / attribute / import names (interned)
  std::vector<StrObj*> varnames;    // locals: parameters first
  std::vector<std::string> cellvars;  // cells owned by this frame
  std::vector<std::string> freevars;  // cells received from the closure
  std::vector<int> cellArgs;          // for each cellvar: the parameter it copies, or -1
  int argcount = 0;                   // positional parameters (incl. positional-only)
  int posonlycount = 0;
  int kwonlycount = 0;
  bool varargs = false;
  bool varkw = false;
  bool isGenerator = false;
  bool isCoroutine = false;
  bool isAsyncGenerator = false;
  bool isClassBody = false;
  bool isModule = false;              // module / class body: names go to a dict
  // Compiled from a built-in module's Python source (aiohttp.web, collections...):
  // its lines are not the student's, so it records no line events.
  bool builtinSource = false;
  int firstLine = 0;
  int maxStack = 0;

  int nlocals() const { return static_cast<int>(varnames.size()); }
  int ncells() const { return static_cast<int>(cellvars.size() + freevars.size()); }
};

// Net stack effect of one instruction (jump: when the jump is taken).
int stackEffect(Op op, int arg, bool jump);
// Computes maxStack by walking every path of the code.
int computeMaxStack(const CodeObj& code);
// Human-readable listing (clox's disassembler), nested code objects too.
std::string disassemble(const CodeObj& code);

}  // namespace py
