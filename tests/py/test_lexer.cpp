// test_lexer.cpp: the tokenizer against CPython's.
//
// Each tests/py/lexer_cases/<name>.py is tokenized and rendered one token a
// line; tests/py/lexer_cases/<name>.tokens holds CPython's tokens for the
// same file (written by lexer_cases/regenerate from the tokenize module).
// Lexer errors are covered by test_bad_programs against tests/bad/.
#include <QDir>
#include <QFile>
#include <QtTest>

#include <string>

#include "core/py/lexer.h"
#include "core/py/parser.h"

namespace {

QString casesDir() { return QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/py/lexer_cases"); }

std::string readAll(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  QByteArray b = f.readAll();
  return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

// The rendering tokens_of prints for CPython's tokens.
std::string render(const std::vector<py::Token>& tokens) {
  std::string out;
  for (const py::Token& t : tokens) {
    out += py::tokenTypeName(t.type);
    out += ' ' + std::to_string(t.line) + ':' + std::to_string(t.col);
    if (t.type != py::TokenType::Newline && t.type != py::TokenType::Dedent && t.type != py::TokenType::EndMarker) {
      out += '-' + std::to_string(t.endLine) + ':' + std::to_string(t.endCol) + ' ' + escape(t.text);
    }
    out += '\n';
  }
  return out;
}

}  // namespace

class TestLexer : public QObject {
  Q_OBJECT

 private slots:
  void matchesCPython_data() {
    QTest::addColumn<QString>("name");
    const QStringList files = QDir(casesDir()).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 5);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << f;
  }

  void matchesCPython() {
    QFETCH(QString, name);
    const std::string text = readAll(casesDir() + '/' + name);
    QString base = name;
    base.chop(3);
    const std::string expected = readAll(casesDir() + '/' + base + ".tokens");
    QVERIFY2(!expected.empty(), "run tests/py/lexer_cases/regenerate");
    py::Source src(py::stripBom(text));
    py::LexResult r = py::tokenize(src);
    QVERIFY(!r.error);
    QCOMPARE(QString::fromStdString(render(r.tokens)), QString::fromStdString(expected));
  }

  // Whole-line `# sim:` comments are collected with their line numbers;
  // a `# sim:` after code is an ordinary comment.
  void simLines() {
    const std::string text =
        "import aiohttp\n"
        "# sim: latency https://api.example.com/data2 2.5\n"
        "x = 1  # sim: not a whole-line comment\n"
        "    #sim: body https://api.example.com/data2 {\"temp\": 21}\n"
        "def f():\n"
        "    # sim: request 0.5 GET /Alice\n"
        "    pass\n";
    py::ParseResult r = py::parseModule(text, "sim.py");
    QVERIFY(r.ok());
    const auto& sims = r.module->simLines;
    QCOMPARE(sims.size(), std::size_t{3});
    QCOMPARE(sims[0].line, 2);
    QCOMPARE(QString::fromStdString(sims[0].text), QStringLiteral(" latency https://api.example.com/data2 2.5"));
    QCOMPARE(sims[1].line, 4);
    QCOMPARE(QString::fromStdString(sims[1].text), QStringLiteral(" body https://api.example.com/data2 {\"temp\": 21}"));
    QCOMPARE(sims[2].line, 6);
    QCOMPARE(QString::fromStdString(sims[2].text), QStringLiteral(" request 0.5 GET /Alice"));
  }

  // Tokens inside brackets carry their nesting depth (the parser's
  // "Perhaps you forgot a comma?" needs it).
  void bracketDepth() {
    py::Source src("f(a, [b])\n");
    py::LexResult r = py::tokenize(src);
    QVERIFY(!r.error);
    std::string depths;
    for (const py::Token& t : r.tokens)
      if (t.type != py::TokenType::EndMarker) depths += std::to_string(t.depth);
    // f ( a , [ b ] ) NEWLINE
    QCOMPARE(QString::fromStdString(depths), QStringLiteral("001112100"));
  }

  // An f-string field is tokenized in place: real line and column.
  void expressionTokensKeepPositions() {
    const std::string text = "x = 1\ny = f'{a + bb}'\n";
    py::Source src(text);
    std::size_t begin = text.find("a + bb");
    py::LexResult r = py::tokenizeExpression(src, begin, begin + 6);
    QVERIFY(!r.error);
    QCOMPARE(r.tokens.size(), std::size_t{4});
    QCOMPARE(r.tokens[2].line, 2);
    QCOMPARE(r.tokens[2].col, 11);
    QCOMPARE(QString::fromStdString(std::string(r.tokens[2].text)), QStringLiteral("bb"));
    QCOMPARE(r.tokens[3].type, py::TokenType::EndMarker);
  }

  // Linear time on a long line of many tokens (no timing: just finishes).
  void longLine() {
    std::string text = "x = [";
    for (int i = 0; i < 200000; ++i) text += "1, ";
    text += "]\n";
    py::Source src(text);
    py::LexResult r = py::tokenize(src);
    QVERIFY(!r.error);
    QCOMPARE(r.tokens.size(), std::size_t{400000 + 6});
  }
};

QTEST_GUILESS_MAIN(TestLexer)
#include "test_lexer.moc"
