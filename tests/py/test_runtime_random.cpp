// py::rt::MersenneTwister against CPython 3.11's random module: replays the
// streams in tests/py/data/random.txt (written by gen_random.py) in order on
// one generator per seed, so a single extra or missing draw fails the test.
// Also checks the SHA-512 used by str seeds against known digests.
#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

#include "core/py/runtime/float_format.h"
#include "core/py/runtime/random_mt.h"
#include "core/py/runtime/sha512.h"

using namespace py::rt;

namespace {

BigInt num(const std::string& s) { return *BigInt::parse(s, 10); }

std::string hexBytes(const std::string& hex) {
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(char(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

std::string join(const std::vector<size_t>& v) {
    std::string s;
    for (size_t x : v) {
        if (!s.empty()) s += ' ';
        s += std::to_string(x);
    }
    return s;
}

std::string digestHex(std::string_view data) {
    static const char hex[] = "0123456789abcdef";
    std::string s;
    for (uint8_t b : sha512(data)) {
        s.push_back(hex[b >> 4]);
        s.push_back(hex[b & 15]);
    }
    return s;
}

}  // namespace

class TestRuntimeRandom : public QObject {
    Q_OBJECT
private slots:
    void streamsMatchCPython();
    void sha512KnownDigests();
    void defaultSeedIsZero();
};

void TestRuntimeRandom::streamsMatchCPython() {
    std::ifstream in(LOOPSCOPE_SOURCE_DIR "/tests/py/data/random.txt");
    QVERIFY(in.good());
    MersenneTwister mt;
    int checked = 0, failed = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string cmd;
        words >> cmd;
        if (cmd == "seed") {
            std::string kind, value;
            words >> kind >> value;
            if (kind == "int") mt.seed(num(value));
            else if (kind == "hash") mt.seedHash(std::stoll(value));
            else mt.seedBytes(value == "-" ? std::string() : hexBytes(value));
            continue;
        }
        size_t arrow = line.find(" => ");
        QVERIFY(arrow != std::string::npos);
        std::string want = line.substr(arrow + 4);
        std::vector<std::string> args;
        for (std::string w; words >> w && w != "=>";) args.push_back(w);
        std::string got;
        if (cmd == "random") {
            got = floatRepr(mt.random());
        } else if (cmd == "randint") {
            // Alternate the int64 fast path and the BigInt path on the same
            // stream: both must draw exactly what CPython draws.
            std::string error;
            BigInt a = num(args[0]), b = num(args[1]);
            if (a.fitsInt64() && b.fitsInt64() && checked % 2 == 0) {
                got = std::to_string(*mt.randintSmall(a.toInt64(), b.toInt64(), error));
            } else {
                got = mt.randint(a, b).value.toString();
            }
        } else if (cmd == "choice") {
            got = std::to_string(mt.choiceIndex(std::stoul(args[0])));
        } else if (cmd == "shuffle") {
            std::vector<size_t> items(std::stoul(args[0]));
            for (size_t i = 0; i < items.size(); ++i) items[i] = i;
            mt.shuffle(items);
            got = join(items);
        } else if (cmd == "choices") {
            got = join(mt.choicesIndices(std::stoul(args[0]), std::stoll(args[1])));
        } else if (cmd == "choicesw" || cmd == "choices_error") {
            std::vector<double> cum;
            std::istringstream ws(args[0]);
            double sum = 0;
            for (std::string w; std::getline(ws, w, ',');) cum.push_back(sum += std::stod(w));
            std::string error;
            auto r = mt.choicesWeighted(cum, cmd == "choicesw" ? std::stoll(args[1]) : 2, error);
            got = r ? join(*r) : error;
        } else if (cmd == "uniform") {
            got = floatRepr(mt.uniform(std::stod(args[0]), std::stod(args[1])));
        } else if (cmd == "getrandbits") {
            got = mt.getrandbits(std::stoull(args[0])).toString();
        } else if (cmd == "randrange") {
            std::string error;
            if (checked % 2 == 0) {
                got = std::to_string(*mt.randrangeSmall(num(args[0]).toInt64(), num(args[1]).toInt64(),
                                                        num(args[2]).toInt64(), error));
            } else {
                got = mt.randrange(num(args[0]), num(args[1]), num(args[2])).value.toString();
            }
        } else if (cmd == "sample") {
            auto s = mt.sample(std::stoul(args[0]), std::stoll(args[1]));
            got = s ? join(*s) : "error";
        } else if (cmd == "gauss") {
            got = floatRepr(mt.gauss(std::stod(args[0]), std::stod(args[1])));
        } else if (cmd == "normalvariate") {
            got = floatRepr(mt.normalvariate(std::stod(args[0]), std::stod(args[1])));
        } else if (cmd == "randrange_error" && args.size() == 3) {
            std::string error;
            auto v = mt.randrangeSmall(num(args[0]).toInt64(), num(args[1]).toInt64(), num(args[2]).toInt64(), error);
            got = v ? "no error" : error;
        } else if (cmd == "randrange_error") {
            RandResult r = args.size() == 1 ? mt.randrange(num(args[0]))
                         : args.size() == 2 ? mt.randrange(num(args[0]), num(args[1]))
                                            : mt.randrange(num(args[0]), num(args[1]), num(args[2]));
            got = r.ok ? "no error" : r.error;
        } else {
            QFAIL(("unknown command " + cmd).c_str());
        }
        ++checked;
        if (got != want && ++failed <= 20) qWarning("%s\n  got %s", line.substr(0, 200).c_str(), got.substr(0, 200).c_str());
    }
    QVERIFY(checked > 3000);
    QCOMPARE(failed, 0);
}

void TestRuntimeRandom::sha512KnownDigests() {
    // hashlib.sha512(b"").hexdigest() and hashlib.sha512(b"abc").hexdigest()
    // as printed by CPython 3.11; a 200-byte input crosses a block boundary.
    QCOMPARE(digestHex(""), std::string("cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                                        "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"));
    QCOMPARE(digestHex("abc"), std::string("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                                           "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
    QCOMPARE(digestHex(std::string(200, 'a')),
             std::string("4b11459c33f52a22ee8236782714c150a3b2c60994e9acee17fe68947a3e6789"
                         "f31e7668394592da7bef827cddca88c4e6f86e4df7ed1ae6cba71f3e98faee9f"));
}

void TestRuntimeRandom::defaultSeedIsZero() {
    // The simulator seeds with 0 when the program does not: random.seed(0);
    // random.random() is 0.8444218515250481 in CPython 3.11.
    MersenneTwister mt;
    QCOMPARE(floatRepr(mt.random()), std::string("0.8444218515250481"));
}

QTEST_GUILESS_MAIN(TestRuntimeRandom)
#include "test_runtime_random.moc"
