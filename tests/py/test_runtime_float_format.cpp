// repr(float) and format() for float, int and str against CPython 3.11:
// replays tests/py/data/float_repr.txt and format.txt (written by
// gen_float_format.py) line by line, and format_fuzz.txt, whose specs are
// random combinations of the mini-language's parts.
#include <QtTest/QtTest>

#include <cstring>
#include <fstream>

#include "core/py/runtime/float_format.h"

using namespace py::rt;

namespace {

double fromBits(const std::string& hex) {
    uint64_t u = std::stoull(hex, nullptr, 16);
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}

std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) return out;
        start = tab + 1;
    }
}

std::string describe(const FormatResult& r) { return r.ok() ? r.text : "!" + r.errorType + ": " + r.message; }

}  // namespace

class TestRuntimeFloatFormat : public QObject {
    Q_OBJECT
private slots:
    void reprMatchesCPython();
    void formatMatchesCPython_data();
    void formatMatchesCPython();
    void reprExamples();
};

void TestRuntimeFloatFormat::reprMatchesCPython() {
    std::ifstream in(LOOPSCOPE_SOURCE_DIR "/tests/py/data/float_repr.txt");
    QVERIFY(in.good());
    int checked = 0, failed = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        auto t = splitTabs(line);
        std::string got = floatRepr(fromBits(t[0]));
        ++checked;
        if (got != t[1] && ++failed <= 20) qWarning("repr %s: got %s want %s", t[0].c_str(), got.c_str(), t[1].c_str());
    }
    QVERIFY(checked >= 2000);
    QCOMPARE(failed, 0);
}

void TestRuntimeFloatFormat::formatMatchesCPython_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("chosen specs") << "format.txt";
    QTest::newRow("random specs") << "format_fuzz.txt";
}

void TestRuntimeFloatFormat::formatMatchesCPython() {
    QFETCH(QString, file);
    std::ifstream in(std::string(LOOPSCOPE_SOURCE_DIR "/tests/py/data/") + file.toStdString());
    QVERIFY(in.good());
    int checked = 0, failed = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        auto t = splitTabs(line);
        QCOMPARE(t.size(), size_t(4));
        FormatResult r;
        if (t[0] == "float") r = formatFloat(fromBits(t[1]), t[2]);
        else if (t[0] == "int") r = formatInt(*BigInt::parse(t[1], 10), t[2]);
        else r = formatStr(t[1], t[2]);
        std::string got = describe(r);
        ++checked;
        if (got != t[3] && ++failed <= 30) {
            qWarning("format(%s %s, '%s'): got [%s] want [%s]", t[0].c_str(), t[1].c_str(), t[2].c_str(),
                     got.c_str(), t[3].c_str());
        }
    }
    QVERIFY(checked >= 3000);
    QCOMPARE(failed, 0);
}

void TestRuntimeFloatFormat::reprExamples() {
    // The switch points of repr, checked by hand against CPython 3.11.
    QCOMPARE(floatRepr(1e16), std::string("1e+16"));
    QCOMPARE(floatRepr(1e15), std::string("1000000000000000.0"));
    QCOMPARE(floatRepr(1e-5), std::string("1e-05"));
    QCOMPARE(floatRepr(0.0001), std::string("0.0001"));
    QCOMPARE(floatRepr(-0.0), std::string("-0.0"));
    QCOMPARE(floatRepr(0.1 + 0.2), std::string("0.30000000000000004"));
    QCOMPARE(formatInt(int64_t(1234567), ",").text, std::string("1,234,567"));
    // format(5, '\x01') raises ValueError: Unknown format code '\x1' for object of type 'int'
    // (CPython 3.11 spells unprintable codes that way).
    QCOMPARE(formatInt(int64_t(5), "\x01").message, std::string("Unknown format code '\\x1' for object of type 'int'"));
}

QTEST_GUILESS_MAIN(TestRuntimeFloatFormat)
#include "test_runtime_float_format.moc"
