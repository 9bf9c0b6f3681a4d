// test_parser.cpp: the parser's trees against CPython's.
//
// Each tests/py/parser_cases/<name>.py is parsed and dumped with positions
// (core/py/ast_dump.h); tests/py/parser_cases/<name>.ast holds CPython's
// own ast of the same file in the same notation (parser_cases/regenerate,
// via parser_cases/dump_ast). Together the cases use every construct of
// the subset, so node shapes, operator precedence, string decoding and
// every line/column are checked against CPython. The remaining tests check
// what CPython has no equivalent for: refusals, and facts the parser adds.
#include <QDir>
#include <QFile>
#include <QtTest>

#include <string>

#include "core/py/ast_dump.h"
#include "core/py/parser.h"

namespace {

QString casesDir() { return QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/py/parser_cases"); }

std::string readAll(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  QByteArray b = f.readAll();
  return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

py::SyntaxErrorInfo errorOf(const std::string& source) {
  py::ParseResult r = py::parseModule(source, "prog.py");
  if (r.ok()) return {};
  return *r.error;
}

}  // namespace

class TestParser : public QObject {
  Q_OBJECT

 private slots:
  void matchesCPython_data() {
    QTest::addColumn<QString>("name");
    const QStringList files = QDir(casesDir()).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 3);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << f;
  }

  void matchesCPython() {
    QFETCH(QString, name);
    const std::string source = readAll(casesDir() + '/' + name);
    QString base = name;
    base.chop(3);
    std::string expected = readAll(casesDir() + '/' + base + ".ast");
    QVERIFY2(!expected.empty(), "run tests/py/parser_cases/regenerate");
    if (expected.back() == '\n') expected.pop_back();
    py::ParseResult r = py::parseModule(source, name.toStdString());
    QVERIFY2(r.ok(), r.ok() ? "" : py::formatSyntaxError(*r.error, name.toStdString()).c_str());
    QCOMPARE(QString::fromStdString(py::dumpAst(*r.module, true)), QString::fromStdString(expected));
  }

  // The dump without positions, for readers of the format.
  void dumpFormat() {
    py::ParseResult r = py::parseModule("x = a + 1\n", "prog.py");
    QVERIFY(r.ok());
    QCOMPARE(QString::fromStdString(py::dumpAst(*r.module)),
             QStringLiteral("(Module (Assign [(Name x Store)] (BinOp + (Name a) 1)))"));
  }

  // The error of the tutorial's task_snippet.py, field by field (its
  // rendering is checked against CPython in test_bad_programs).
  void awaitOutsideFunctionFields() {
    const std::string src =
        "import asyncio\n\nasync def foo():\n    print('Running foo')\n\n"
        "f = asyncio.create_task(foo()) # Create a task from a coroutine\n"
        "await f # Wait for task to finish\n";
    py::SyntaxErrorInfo e = errorOf(src);
    QCOMPARE(QString::fromStdString(e.type), QStringLiteral("SyntaxError"));
    QCOMPARE(QString::fromStdString(e.message), QStringLiteral("'await' outside function"));
    QCOMPARE(e.line, 7);
    QCOMPARE(e.col, 1);
    QCOMPARE(e.endCol, 8);
    QCOMPARE(QString::fromStdString(e.sourceLine), QStringLiteral("await f # Wait for task to finish"));
    QVERIFY(!e.unsupported);
  }

  // Valid Python outside the subset: refused with our own message.
  void refusals_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("rendered");
    QTest::newRow("complex") << "z = 3j\n" << "prog.py:1:5: unsupported: complex numbers\n";
    QTest::newRow("named escape") << "s = 'caf\\N{LATIN SMALL LETTER E WITH ACUTE}'\n"
                                  << "prog.py:1:5: unsupported: \\N{...} escapes in strings\n";
    QTest::newRow("matmul") << "c = a @ b\n" << "prog.py:1:7: unsupported: matrix multiplication operator @\n";
    QTest::newRow("matmul assign") << "a @= b\n" << "prog.py:1:3: unsupported: matrix multiplication operator @=\n";
    QTest::newRow("column counts characters") << "s = 'é'; z = 1j\n" << "prog.py:1:14: unsupported: complex numbers\n";
  }

  void refusals() {
    QFETCH(QString, source);
    QFETCH(QString, rendered);
    py::SyntaxErrorInfo e = errorOf(source.toStdString());
    QVERIFY(e.unsupported);
    QCOMPARE(QString::fromStdString(py::formatSyntaxError(e, "prog.py")), rendered);
  }

  // `match` is a soft keyword: a name like any other outside a match statement.
  void matchAsName() {
    py::ParseResult r = py::parseModule("match = re.match(p, s)\nmatch(x)\nmatch.group(1)\n", "prog.py");
    QVERIFY(r.ok());
  }

  // A match statement is lowered to the subject's assignment and an if chain
  // (parser_match.cpp), so the compiler never sees a Match node.
  void matchLowered() {
    py::ParseResult r = py::parseModule("match (p, q):\n    case [1, x] if x:\n        pass\n    case _:\n        pass\n",
                                        "prog.py");
    QVERIFY(r.ok());
    QCOMPARE(r.module->body.size(), std::size_t{2});
    const auto* assign = r.module->body[0]->as<py::Assign>();
    QCOMPARE(assign->targets[0]->as<py::Name>()->id, std::string("$match0"));
    QCOMPARE(assign->line, 1);
    const auto* first = r.module->body[1]->as<py::If>();
    QCOMPARE(first->line, 2);
    QCOMPARE(first->orelse.size(), std::size_t{1});
    QCOMPARE(first->orelse[0]->line, 4);
  }

  // Annotations on parameters and returns are parsed (and kept).
  void parameterAnnotations() {
    py::ParseResult r = py::parseModule("async def f(x: int, *a: str, k: float = 1.0) -> list[int]:\n    pass\n",
                                        "prog.py");
    QVERIFY(r.ok());
    const auto* f = r.module->body[0]->as<py::FunctionDef>();
    QVERIFY(f->isAsync);
    QVERIFY(f->args->args[0].annotation != nullptr);
    QVERIFY(f->args->vararg && f->args->vararg->annotation != nullptr);
    QVERIFY(f->returns != nullptr);
  }

  // Facts the parser records on functions for the compiler.
  void functionFacts() {
    const std::string src =
        "def gen():\n    yield 1\n"
        "async def coro():\n    await x\n"
        "async def agen():\n    async for i in y:\n        yield i\n"
        "async def comp():\n    return [i async for i in y]\n"
        "def outer():\n    def inner():\n        yield 1\n    return inner\n"
        "async def lam():\n    return lambda: (yield)\n";
    py::ParseResult r = py::parseModule(src, "prog.py");
    QVERIFY2(r.ok(), r.ok() ? "" : r.error->message.c_str());
    auto fn = [&](int k) { return r.module->body[static_cast<std::size_t>(k)]->as<py::FunctionDef>(); };
    QVERIFY(fn(0)->isGenerator && !fn(0)->hasAwait);
    QVERIFY(!fn(1)->isGenerator && fn(1)->hasAwait);
    QVERIFY(fn(2)->isGenerator && fn(2)->hasAwait);
    QVERIFY(!fn(3)->isGenerator && fn(3)->hasAwait);
    QVERIFY(!fn(4)->isGenerator);
    QVERIFY(fn(4)->body[0]->as<py::FunctionDef>()->isGenerator);
    QVERIFY(!fn(5)->isGenerator);
  }

  // Integer literals in any base arrive as decimal digits of any size
  // (values: int('0xffffffffffffffffffffffffffffffff', 16) in CPython is
  // 340282366920938463463374607431768211455).
  void bigIntegers() {
    py::ParseResult r = py::parseModule("0xffffffffffffffffffffffffffffffff\n0b0\n0o777\n000\n", "prog.py");
    QVERIFY(r.ok());
    auto digits = [&](int k) {
      return QString::fromStdString(r.module->body[static_cast<std::size_t>(k)]
                                        ->as<py::ExprStmt>()->value->as<py::Constant>()->intDigits);
    };
    QCOMPARE(digits(0), QStringLiteral("340282366920938463463374607431768211455"));
    QCOMPARE(digits(1), QStringLiteral("0"));
    QCOMPARE(digits(2), QStringLiteral("511"));
    QCOMPARE(digits(3), QStringLiteral("0"));
  }

  // An empty program (or only comments) is a module with no statements.
  void emptyPrograms() {
    for (const char* src : {"", "\n\n", "# only a comment", "\xEF\xBB\xBF", "   \n\t\n"}) {
      py::ParseResult r = py::parseModule(src, "prog.py");
      QVERIFY(r.ok());
      QVERIFY(r.module->body.empty());
    }
  }
};

QTEST_GUILESS_MAIN(TestParser)
#include "test_parser.moc"
