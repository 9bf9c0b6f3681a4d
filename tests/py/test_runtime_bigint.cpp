// py::rt::BigInt against CPython 3.11: replays every line of
// tests/py/data/bigint.txt (written by gen_bigint.py from CPython's own int
// results) and checks a few properties the data file cannot express.
#include <QtTest/QtTest>

#include <charconv>
#include <fstream>
#include <sstream>

#include "core/py/runtime/bigint.h"

using py::rt::BigInt;

namespace {

BigInt num(const std::string& s) {
    auto v = BigInt::parse(s, 10);
    if (!v) qFatal("bad number in data file: %s", s.c_str());
    return *v;
}

BigInt hex(const std::string& s) {
    bool neg = s[0] == '-';
    auto v = BigInt::fromDigits(neg ? s.substr(1) : s, 16);
    if (!v) qFatal("bad hex number in data file: %s", s.c_str());
    return neg ? -*v : *v;
}

// Python's float.hex() text ("-0x1.8p+3", "0x0.0p+0") to double.
double fromHex(std::string s) {
    bool neg = !s.empty() && s[0] == '-';
    if (neg) s.erase(0, 1);
    if (s.rfind("0x", 0) == 0) s.erase(0, 2);
    double v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::hex);
    return neg ? -v : v;
}

std::vector<std::string> split(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

}  // namespace

class TestRuntimeBigInt : public QObject {
    Q_OBJECT
private slots:
    void matchesCPythonData();
    void smallValuesRoundTrip();
    void largePowersAreFast();
    void decimalDigitLimit();
};

void TestRuntimeBigInt::matchesCPythonData() {
    std::ifstream in(LOOPSCOPE_SOURCE_DIR "/tests/py/data/bigint.txt");
    QVERIFY(in.good());
    int checked = 0, failed = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto t = split(line);
        const std::string& op = t[0];
        std::string got, want;
        if (op == "add") { got = (num(t[1]) + num(t[2])).toString(); want = t[3]; }
        else if (op == "sub") { got = (num(t[1]) - num(t[2])).toString(); want = t[3]; }
        else if (op == "mul") { got = (num(t[1]) * num(t[2])).toString(); want = t[3]; }
        else if (op == "divmod") {
            BigInt q, r;
            BigInt::divmod(num(t[1]), num(t[2]), q, r);
            got = q.toString() + " " + r.toString();
            want = t[3] + " " + t[4];
        }
        else if (op == "and") { got = (num(t[1]) & num(t[2])).toString(); want = t[3]; }
        else if (op == "or") { got = (num(t[1]) | num(t[2])).toString(); want = t[3]; }
        else if (op == "xor") { got = (num(t[1]) ^ num(t[2])).toString(); want = t[3]; }
        else if (op == "cmp") { got = std::to_string(BigInt::compare(num(t[1]), num(t[2]))); want = t[3]; }
        else if (op == "neg") { got = (-num(t[1])).toString(); want = t[2]; }
        else if (op == "abs") { got = num(t[1]).abs().toString(); want = t[2]; }
        else if (op == "invert") { got = (~num(t[1])).toString(); want = t[2]; }
        else if (op == "bitlen") { got = std::to_string(num(t[1]).bitLength()); want = t[2]; }
        else if (op == "hash") { got = std::to_string(num(t[1]).hash()); want = t[2]; }
        else if (op == "float") {
            bool overflow = false;
            double d = num(t[1]).toDouble(overflow);
            got = overflow ? "overflow" : (t[2] != "overflow" && d == fromHex(t[2])) ? t[2] : "wrong value";
            want = t[2];
        }
        else if (op == "tostr2") { got = num(t[1]).toString(2); want = t[2]; }
        else if (op == "tostr8") { got = num(t[1]).toString(8); want = t[2]; }
        else if (op == "tostr16") { got = num(t[1]).toString(16); want = t[2]; }
        else if (op == "shl") { got = num(t[1]).shl(std::stoull(t[2])).toString(); want = t[3]; }
        else if (op == "shr") { got = num(t[1]).shr(std::stoull(t[2])).toString(); want = t[3]; }
        else if (op == "pow") { got = BigInt::pow(num(t[1]), std::stoull(t[2])).toString(); want = t[3]; }
        else if (op == "powmod") { got = BigInt::powMod(num(t[1]), num(t[2]), num(t[3])).toString(); want = t[4]; }
        else if (op == "powmodchecked") {
            auto v = BigInt::powModChecked(num(t[1]), num(t[2]), num(t[3]));
            got = v ? v->toString() : "error";
            want = t[4];
        }
        else if (op == "parse") {
            std::string text = t[2] == "<empty>" ? "" : t[2];
            auto v = BigInt::parse(text, std::stoi(t[1]));
            got = v ? v->toString() : "error";
            want = t[3];
        }
        else if (op == "fromfloat") { got = BigInt::fromDouble(fromHex(t[1])).toString(); want = t[2]; }
        else if (op == "mulhex") {
            got = (hex(t[1]) * hex(t[2])).toString(16);
            want = t[3];
        }
        else if (op == "divmodhex") {
            BigInt q, r;
            BigInt::divmod(hex(t[1]), hex(t[2]), q, r);
            got = q.toString(16) + " " + r.toString(16);
            want = t[3] + " " + t[4];
        }
        else if (op == "factorial1000") {
            BigInt f(1);
            for (int i = 2; i <= 1000; ++i) f = f * BigInt(i);
            got = f.toString();
            want = t[1];
        }
        else if (op == "pow2_10000") { got = BigInt::pow(BigInt(2), 10000).toString(); want = t[1]; }
        else { QFAIL(("unknown op in data file: " + op).c_str()); }
        ++checked;
        if (got != want) {
            if (++failed <= 20) qWarning("MISMATCH %s\n  got  %s\n  want %s", line.substr(0, 200).c_str(),
                                         got.substr(0, 200).c_str(), want.substr(0, 200).c_str());
        }
    }
    QVERIFY(checked > 2000);
    QCOMPARE(failed, 0);
}

void TestRuntimeBigInt::smallValuesRoundTrip() {
    for (int64_t v : {int64_t(0), int64_t(1), int64_t(-1), INT64_MAX, INT64_MIN, int64_t(1) << 32}) {
        BigInt b(v);
        QVERIFY(b.fitsInt64());
        QCOMPARE(b.toInt64(), v);
        QCOMPARE(b.toString(), std::to_string(v));
    }
    // INT64_MAX + 1 leaves the int64 range; INT64_MIN - 1 too.
    QVERIFY(!(BigInt(INT64_MAX) + BigInt(1)).fitsInt64());
    QVERIFY(!(BigInt(INT64_MIN) - BigInt(1)).fitsInt64());
    QCOMPARE((BigInt(INT64_MIN) - BigInt(1)).toString(), std::string("-9223372036854775809"));
    // hash(-1) == -2 in CPython.
    QCOMPARE(BigInt(-1).hash(), int64_t(-2));
}

void TestRuntimeBigInt::largePowersAreFast() {
    // 3**20000 has 9543 digits: far beyond the tutorial programs, and must
    // still be cheap to build, print and parse back.
    BigInt big = BigInt::pow(BigInt(3), 20000);
    std::string text = big.toString();
    QCOMPARE(text.size(), size_t(9543));
    auto back = BigInt::parse(text, 10);
    QVERIFY(back.has_value());
    QVERIFY(*back == big);
    BigInt q, r;
    BigInt::divmod(big, BigInt::pow(BigInt(3), 12345), q, r);
    QVERIFY(r.isZero());
    QVERIFY(q == BigInt::pow(BigInt(3), 20000 - 12345));
}

void TestRuntimeBigInt::decimalDigitLimit() {
    // CPython 3.11: str(10**4299) works (4300 digits), str(10**4300) raises.
    QVERIFY(!BigInt::pow(BigInt(10), 4299).decimalDigitsExceed(BigInt::kMaxStrDigits));
    QVERIFY(BigInt::pow(BigInt(10), 4300).decimalDigitsExceed(BigInt::kMaxStrDigits));
    QVERIFY(!(BigInt::pow(BigInt(10), 4300) - BigInt(1)).decimalDigitsExceed(BigInt::kMaxStrDigits));
}

QTEST_GUILESS_MAIN(TestRuntimeBigInt)
#include "test_runtime_bigint.moc"
