// test_bad_programs.cpp: the front end against CPython on refused programs.
//
// Every tests/bad/<name>.py is parsed; the rendered error must equal
// tests/bad/<name>.expected, which tests/bad/regenerate fills with what
// CPython 3.11 printed on stderr for that file (empty: CPython accepted it,
// so must we). Files marked `# expect-unsupported` are valid Python outside
// the subset; their .expected is Loopscope's own `unsupported:` line.
// Also: huge and deeply nested programs must parse or fail cleanly.
//
// The runtime half: every tests/bad/runtime_<name>.py is run with
// py::runProgram; its standard output and error, interleaved as written,
// must equal runtime_<name>.expected and its exit status runtime_<name>.rc.
// tests/bad/regenerate fills both from CPython (reference.py, virtual time)
// unless the first line says `# expect-loopscope`: then the program would
// hang in CPython (a budget stops it here) and both files hold Loopscope's
// own result. `budgets: instructions=N stall=N horizon=S output=N memory=N events=N`
// on the first line sets small budgets, so that the test is fast.
#include <QDir>
#include <QFile>
#include <QtTest>

#include <string>

#include "core/py/ast_dump.h"
#include "core/py/parser.h"
#include "core/py/program.h"

namespace {

QString badDir() { return QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/bad"); }

std::string readAll(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  QByteArray b = f.readAll();
  return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

std::string render(const std::string& source, const std::string& fileName) {
  py::ParseResult r = py::parseModule(source, fileName);
  if (r.ok()) return {};
  return py::formatSyntaxError(*r.error, fileName);
}

// The first line's `budgets: key=value ...`, over the defaults.
py::Budgets budgetsOf(const std::string& source) {
  py::Budgets b;
  const std::string first = source.substr(0, source.find('\n'));
  std::size_t at = first.find("budgets:");
  if (at == std::string::npos) return b;
  QString spec = QString::fromStdString(first.substr(at + 8));
  for (const QString& item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
    const QString key = item.section(QLatin1Char('='), 0, 0);
    const QString value = item.section(QLatin1Char('='), 1);
    if (key == QLatin1String("instructions")) b.instructionsPerStep = value.toULongLong();
    else if (key == QLatin1String("stall")) b.stallIterations = value.toULongLong();
    else if (key == QLatin1String("horizon")) b.timeHorizon = value.toDouble();
    else if (key == QLatin1String("output")) b.outputBytes = value.toULongLong();
    else if (key == QLatin1String("memory")) b.memoryBytes = value.toULongLong();
    else if (key == QLatin1String("events")) b.traceEvents = value.toULongLong();
  }
  return b;
}

}  // namespace

class TestBadPrograms : public QObject {
  Q_OBJECT

 private slots:
  void corpus_data() {
    QTest::addColumn<QString>("name");
    const QStringList files = QDir(badDir()).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() > 100);
    for (const QString& f : files) {
      if (!f.startsWith(QLatin1String("runtime_"))) QTest::newRow(qPrintable(f)) << f;
    }
  }

  void runtime_data() {
    QTest::addColumn<QString>("name");
    const QStringList files =
        QDir(badDir()).entryList({QStringLiteral("runtime_*.py")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 8);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << f;
  }

  void runtime() {
    QFETCH(QString, name);
    const std::string source = readAll(badDir() + '/' + name);
    QString base = name;
    base.chop(3);
    QVERIFY2(QFile::exists(badDir() + '/' + base + ".rc"), "run tests/bad/regenerate");
    const std::string expected = readAll(badDir() + '/' + base + ".expected");
    const int status = QString::fromStdString(readAll(badDir() + '/' + base + ".rc")).trimmed().toInt();
    py::RunOptions options;
    options.budgets = budgetsOf(source);
    std::string output;
    options.onOutput = [&](trace::Stream stream, std::string_view text) {
      if (stream != trace::Stream::ClientLog) output.append(text);
    };
    py::RunOutcome outcome = py::runProgram(source, name.toStdString(), options);
    QCOMPARE(QString::fromStdString(output), QString::fromStdString(expected));
    QCOMPARE(outcome.exitStatus, status);
  }

  // A 1 MB program runs (not only parses): 1 MB of statements, then the sum.
  void megabyteProgramRuns() {
    std::string src = "total = 0\n";
    int lines = 0;
    while (src.size() < (1u << 20)) {
      src += "total += 1  # " + std::string(40, 'x') + "\n";
      ++lines;
    }
    src += "print(total)\n";
    std::string output;
    py::RunOptions options;
    options.onOutput = [&](trace::Stream, std::string_view text) { output.append(text); };
    py::RunOutcome outcome = py::runProgram(src, "big.py", options);
    QCOMPARE(outcome.exitStatus, 0);
    QCOMPARE(QString::fromStdString(output), QString::number(lines) + QLatin1Char('\n'));
  }

  void corpus() {
    QFETCH(QString, name);
    const std::string source = readAll(badDir() + '/' + name);
    QString base = name;
    base.chop(3);
    QVERIFY2(QFile::exists(badDir() + '/' + base + ".expected"), "run tests/bad/regenerate");
    const std::string expected = readAll(badDir() + '/' + base + ".expected");
    const std::string actual = render(source, name.toStdString());
    QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected));
  }

  // A 1 MB program: many functions, classes, loops, f-strings.
  void megabyteProgram() {
    std::string src;
    src.reserve(1 << 21);
    int i = 0;
    while (src.size() < (1u << 20)) {
      const std::string n = std::to_string(i++);
      src += "async def worker_" + n + "(queue, delay=0.5, *args, name='w" + n + "', **kw):\n"
             "    total = 0\n"
             "    for k in range(" + n + "):\n"
             "        if k % 3 == 0 and not k in (1, 2, 3):\n"
             "            total += k ** 2 // 7\n"
             "        elif k:\n"
             "            continue\n"
             "    data = {'id': " + n + ", 'items': [x * 2 for x in range(4) if x]}\n"
             "    await asyncio.sleep(delay)\n"
             "    print(f\"worker {name!r}: {total:>8} {data['id']}\")\n"
             "    return total\n\n"
             "class Item" + n + "(Base):\n"
             "    def __init__(self, v):\n"
             "        self.v = v  # comment " + n + "\n\n";
    }
    py::ParseResult r = py::parseModule(src, "big.py");
    QVERIFY(r.ok());
    QCOMPARE(static_cast<int>(r.module->body.size()), 2 * i);
  }

  // 100000 nested brackets: the tokenizer's limit (200) stops it cleanly.
  void deepParentheses() {
    std::string src = "x = " + std::string(100000, '(') + "1" + std::string(100000, ')') + "\n";
    py::ParseResult r = py::parseModule(src, "deep.py");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error->message), QStringLiteral("too many nested parentheses"));
  }

  // 100000 prefix operators and a 100000-term sum: no recursion in the
  // parser; refused like CPython's compiler refuses them.
  void deepOperators() {
    for (const std::string& src : {"x = " + std::string(100000, '-') + "1\n",
                                   [] {
                                     std::string s = "x = ";
                                     for (int k = 0; k < 100000; ++k) s += "not ";
                                     return s + "1\n";
                                   }(),
                                   [] {
                                     std::string s = "x = 1";
                                     for (int k = 0; k < 100000; ++k) s += "+1";
                                     return s + "\n";
                                   }(),
                                   [] {
                                     std::string s = "x = a";
                                     for (int k = 0; k < 100000; ++k) s += ".b";
                                     return s + "\n";
                                   }(),
                                   [] {
                                     std::string s = "x = ";
                                     for (int k = 0; k < 100000; ++k) s += "a if b else ";
                                     return s + "c\n";
                                   }(),
                                   [] {
                                     std::string s = "x = ";
                                     for (int k = 0; k < 100000; ++k) s += "lambda: ";
                                     return s + "c\n";
                                   }(),
                                   [] {
                                     std::string s = "x = 2";
                                     for (int k = 0; k < 100000; ++k) s += "**2";
                                     return s + "\n";
                                   }()}) {
      py::ParseResult r = py::parseModule(src, "deep.py");
      QVERIFY(!r.ok());
      QCOMPARE(QString::fromStdString(r.error->type), QStringLiteral("RecursionError"));
      QCOMPARE(QString::fromStdString(py::formatSyntaxError(*r.error, "deep.py")),
               QStringLiteral("RecursionError: maximum recursion depth exceeded during compilation\n"));
    }
  }

  // CPython 3.11 compiles 2000 nested unary minuses (checked with
  // /usr/bin/python3: `x = ` + '-'*2000 + `1` prints nothing, exits 0).
  void moderatelyDeepIsAccepted() {
    std::string src = "x = " + std::string(2000, '-') + "1\n";
    QVERIFY(py::parseModule(src, "ok.py").ok());
  }
};

QTEST_GUILESS_MAIN(TestBadPrograms)
#include "test_bad_programs.moc"
