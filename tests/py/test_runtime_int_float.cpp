// int / int, int-vs-float comparison and round(int, n) against CPython
// 3.11: replays tests/py/data/int_float.txt (written by gen_int_float.py).
#include <QtTest/QtTest>

#include <cstring>
#include <fstream>
#include <sstream>

#include "core/py/runtime/int_float.h"

using namespace py::rt;

namespace {

BigInt num(const std::string& s) { return *BigInt::parse(s, 10); }

double fromBits(const std::string& hex) {
    uint64_t u = std::stoull(hex, nullptr, 16);
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}

std::string toBits(double d) {
    uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(u));
    return buf;
}

}  // namespace

class TestRuntimeIntFloat : public QObject {
    Q_OBJECT
private slots:
    void matchesCPythonData();
    void examples();
};

void TestRuntimeIntFloat::matchesCPythonData() {
    std::ifstream in(LOOPSCOPE_SOURCE_DIR "/tests/py/data/int_float.txt");
    QVERIFY(in.good());
    int checked = 0, failed = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string op, a, b, want, got;
        words >> op >> a >> b >> want;
        if (op == "truediv") {
            double d = 0;
            switch (intTrueDivide(num(a), num(b), d)) {
            case TrueDivideStatus::Ok: got = toBits(d); break;
            case TrueDivideStatus::ZeroDivision: got = "zerodivision"; break;
            case TrueDivideStatus::Overflow: got = "overflow"; break;
            }
        } else if (op == "cmp") {
            got = std::to_string(compareIntDouble(num(a), fromBits(b)));
        } else if (op == "round") {
            got = roundInt(num(a), std::stoll(b)).toString();
        } else {
            QFAIL(("unknown op " + op).c_str());
        }
        ++checked;
        if (got != want && ++failed <= 20) qWarning("%s\n  got %s", line.substr(0, 300).c_str(), got.c_str());
    }
    QVERIFY(checked > 1000);
    QCOMPARE(failed, 0);
}

void TestRuntimeIntFloat::examples() {
    // CPython 3.11: 10**400 / 10**399 == 10.0; (2**53 + 1) == 2.0**53 is False.
    double d = 0;
    QVERIFY(intTrueDivide(BigInt::pow(10, 400), BigInt::pow(10, 399), d) == TrueDivideStatus::Ok);
    QCOMPARE(d, 10.0);
    QCOMPARE(compareIntDouble(BigInt::pow(2, 53) + BigInt(1), 9007199254740992.0), 1);
    QCOMPARE(roundInt(BigInt(-25), -1).toString(), std::string("-20"));
    QCOMPARE(roundInt(BigInt(5), -1000000000).toString(), std::string("0"));
}

QTEST_GUILESS_MAIN(TestRuntimeIntFloat)
#include "test_runtime_int_float.moc"
