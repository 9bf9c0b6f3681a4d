// test_vm_disassembler.cpp: the compiler's output as the disassembler shows
// it: scopes (fast locals, cells, globals), line numbers, nested code.
#include <QTest>

#include <string>

#include "core/loop/object.h"
#include "core/py/compiler.h"
#include "core/py/parser.h"
#include "core/py/vm.h"

namespace {

std::string listing(const char* src) {
  loop::Heap heap;
  py::VM vm(heap);
  py::ParseResult parsed = py::parseModule(src, "t.py");
  if (!parsed.ok()) return "parse error: " + parsed.error->message;
  py::CompileResult compiled = py::compileModule(vm, *parsed.module, "t.py");
  if (compiled.error) return "compile error: " + compiled.error->message;
  return py::disassemble(*compiled.code);
}

bool has(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }

}  // namespace

class TestVmDisassembler : public QObject {
  Q_OBJECT
 private slots:
  void localsAndGlobals() {
    std::string d = listing("G = 1\ndef f(x):\n    y = x + G\n    return y\n");
    QVERIFY2(has(d, "STORE_GLOBAL") && has(d, "(G)"), d.c_str());
    QVERIFY2(has(d, "LOAD_FAST") && has(d, "(x)"), d.c_str());
    QVERIFY2(has(d, "LOAD_GLOBAL"), d.c_str());
    QVERIFY2(has(d, "Disassembly of f:"), d.c_str());
    QVERIFY2(has(d, "   3 "), d.c_str());  // line numbers are listed
  }

  void closuresUseCells() {
    std::string d = listing("def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n    return inner\n");
    QVERIFY2(has(d, "LOAD_CLOSURE"), d.c_str());
    QVERIFY2(has(d, "STORE_DEREF"), d.c_str());
    QVERIFY2(has(d, "Disassembly of outer.<locals>.inner:"), d.c_str());
  }

  void awaitAndExceptions() {
    std::string d = listing(
        "async def main():\n"
        "    try:\n"
        "        await other()\n"
        "    except ValueError as e:\n"
        "        raise RuntimeError('x') from e\n");
    QVERIFY2(has(d, "GET_AWAITABLE") && has(d, "AWAIT"), d.c_str());
    QVERIFY2(has(d, "SETUP_EXCEPT") && has(d, "CHECK_EXC_MATCH"), d.c_str());
    QVERIFY2(has(d, "RAISE_VARARGS          2"), d.c_str());
  }

  // yield from loops on SEND, with a YIELD_VALUE that throw() can reach the iterator through.
  void yieldFromDelegates() {
    std::string d = listing("def g():\n    yield from range(3)\n");
    QVERIFY2(has(d, "GET_YIELD_FROM_ITER") && has(d, "SEND") && has(d, "YIELD_VALUE"), d.c_str());
  }

  // A call statement's value goes through POP_EXPR (the "never awaited" check); other statements' through POP_TOP.
  void callStatementsUsePopExpr() {
    std::string d = listing("f()\nx\n");
    QVERIFY2(has(d, "POP_EXPR") && has(d, "POP_TOP"), d.c_str());
  }
};

QTEST_GUILESS_MAIN(TestVmDisassembler)
#include "test_vm_disassembler.moc"
