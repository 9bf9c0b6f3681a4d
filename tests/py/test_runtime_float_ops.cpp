// round(), divmod/floor division/modulo, **, float(str), int(float), hash and
// is_integer for floats against CPython 3.11: replays
// tests/py/data/float_ops.txt (written by gen_float_format.py).
#include <QtTest/QtTest>

#include <cmath>
#include <cstring>
#include <fstream>

#include "core/py/runtime/float_ops.h"

using namespace py::rt;

namespace {

double fromBits(const std::string& hex) {
    uint64_t u = std::stoull(hex, nullptr, 16);
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}

// Bits as the generator prints them; all NaNs print as CPython's NaN does
// not matter here because results are compared through toBits only when
// they are not NaN.
std::string toBits(double d) {
    uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(u));
    return buf;
}

std::string sameBits(double got, const std::string& want) {
    // NaN payloads may differ between CPython's arithmetic and ours; any
    // NaN matches any NaN.
    if (std::isnan(got) && std::isnan(fromBits(want))) return want;
    return toBits(got);
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

// Undoes Python's repr() of a str holding ASCII text.
std::string unrepr(const std::string& r) {
    std::string out;
    for (size_t i = 1; i + 1 < r.size(); ++i) {
        if (r[i] != '\\') {
            out.push_back(r[i]);
            continue;
        }
        char c = r[++i];
        out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
    }
    return out;
}

std::string err(const RtError& e) { return "!" + e.type + ": " + e.message; }

}  // namespace

class TestRuntimeFloatOps : public QObject {
    Q_OBJECT
private slots:
    void matchesCPythonData();
    void examples();
};

void TestRuntimeFloatOps::matchesCPythonData() {
    std::ifstream in(LOOPSCOPE_SOURCE_DIR "/tests/py/data/float_ops.txt");
    QVERIFY(in.good());
    int checked = 0, failed = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        auto t = splitTabs(line);
        const std::string& op = t[0];
        std::string got, want = t.back();
        RtError e;
        if (op == "round") {
            auto r = roundFloat(fromBits(t[1]), std::stoll(t[2]), e);
            got = r ? sameBits(*r, want) : err(e);
        } else if (op == "roundint") {
            auto r = roundFloatToInt(fromBits(t[1]), e);
            got = r ? r->toString() : err(e);
        } else if (op == "int") {
            auto r = floatToInt(fromBits(t[1]), e);
            got = r ? r->toString() : err(e);
        } else if (op == "hash") {
            got = std::to_string(floatHash(fromBits(t[1])));
        } else if (op == "is_integer") {
            got = floatIsInteger(fromBits(t[1])) ? "True" : "False";
        } else if (op == "divmod") {
            double q = 0, m = 0;
            if (floatDivmod(fromBits(t[1]), fromBits(t[2]), q, m, e)) {
                got = sameBits(q, t[3]) + "\t" + sameBits(m, t[4]);
                want = t[3] + "\t" + t[4];
            } else {
                got = err(e);
            }
        } else if (op == "floordiv") {
            auto r = floatFloorDiv(fromBits(t[1]), fromBits(t[2]), e);
            got = r ? sameBits(*r, want) : err(e);
        } else if (op == "mod") {
            auto r = floatMod(fromBits(t[1]), fromBits(t[2]), e);
            got = r ? sameBits(*r, want) : err(e);
        } else if (op == "pow") {
            auto r = floatPow(fromBits(t[1]), fromBits(t[2]), e);
            got = r ? sameBits(*r, want) : e.type == "ComplexResult" ? "!ComplexResult" : err(e);
        } else if (op == "parse") {
            std::string text = unrepr(t[1]);
            auto r = parseFloat(text);
            got = r ? sameBits(*r, want) : "!ValueError: could not convert string to float: " + t[1];
        } else {
            QFAIL(("unknown op " + op).c_str());
        }
        ++checked;
        if (got != want && ++failed <= 30) qWarning("%s: got [%s] want [%s]", line.c_str(), got.c_str(), want.c_str());
    }
    QVERIFY(checked > 1000);
    QCOMPARE(failed, 0);
}

void TestRuntimeFloatOps::examples() {
    // The classic cases from the round() documentation (CPython 3.11 output).
    RtError e;
    QCOMPARE(*roundFloat(2.675, 2, e), 2.67);
    QCOMPARE(roundFloatToInt(0.5, e)->toString(), std::string("0"));
    QCOMPARE(roundFloatToInt(1.5, e)->toString(), std::string("2"));
    QCOMPARE(roundFloatToInt(2.5, e)->toString(), std::string("2"));
    QCOMPARE(*parseFloat(" 1.5 "), 1.5);
    QVERIFY(!parseFloat("1__0").has_value());
}

QTEST_GUILESS_MAIN(TestRuntimeFloatOps)
#include "test_runtime_float_ops.moc"
