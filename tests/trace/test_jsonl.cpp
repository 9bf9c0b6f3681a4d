// test_jsonl.cpp: the JSON Lines export round-trips exactly and reads as documented.
#include <QtTest>

#include <cmath>
#include <limits>
#include <sstream>

#include "core/trace/export_jsonl.h"
#include "core/trace/json.h"
#include "core/trace/trace.h"
#include "support/fixtures.h"

using namespace trace;

namespace {

std::string toJsonLines(const Trace& t) {
  std::ostringstream out;
  writeJsonLines(t, out);
  return out.str();
}

std::shared_ptr<const Trace> fromJsonLines(const std::string& text, std::string* error) {
  std::istringstream in(text);
  return readJsonLines(in, error);
}

bool sameBits(double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; }

// Events, strings, file and source identical; keyframes give the same states.
void verifySameTrace(const Trace& x, const Trace& y) {
  QCOMPARE(y.size(), x.size());
  QCOMPARE(y.stringCount(), x.stringCount());
  for (std::size_t i = 0; i < x.stringCount(); ++i) QCOMPARE(y.str(StrId(i)), x.str(StrId(i)));
  for (std::size_t i = 0; i < x.size(); ++i) {
    const Event& a = x[i];
    const Event& b = y[i];
    QVERIFY2(a.kind == b.kind && a.flags == b.flags && a.reserved == b.reserved && a.a == b.a &&
                 a.b == b.b && a.c == b.c && sameBits(a.d, b.d),
             qPrintable(QStringLiteral("event %1 differs").arg(i)));
  }
  QCOMPARE(y.fileName(), x.fileName());
  QCOMPARE(y.source(), x.source());
  QCOMPARE(y.keyframeCount(), x.keyframeCount());
  std::string why;
  QVERIFY2(fixtures::sameState(y.stateAt(y.size()), x.stateAt(x.size()), &why), why.c_str());
  QVERIFY2(fixtures::sameState(y.stateAt(y.size() / 2), x.stateAt(x.size() / 2), &why), why.c_str());
}

}  // namespace

class TestJsonLines : public QObject {
  Q_OBJECT

 private slots:
  void headerAndEventShape() {
    fixtures::FooBarIds id;
    auto t = fixtures::fooBarTrace(&id);
    std::string text = toJsonLines(*t);
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    json::Value header;
    std::string error;
    QVERIFY2(json::parse(line, &header, &error), error.c_str());
    QCOMPARE(header.find("format")->string, std::string("loopscope-trace"));
    QCOMPARE(header.find("version")->number, 1.0);
    QCOMPARE(header.find("file")->string, std::string("foo_bar.py"));
    QCOMPARE(header.find("source")->string, std::string(fixtures::kFooBarSource));
    // One line per event, each naming its index and kind.
    std::size_t n = 0;
    while (std::getline(in, line)) {
      json::Value v;
      QVERIFY2(json::parse(line, &v, &error), error.c_str());
      QCOMPARE(v.find("i")->number, double(n));
      QCOMPARE(v.find("kind")->string, std::string(eventKindName((*t)[n].kind)));
      ++n;
    }
    QCOMPARE(n, t->size());
    // Fields are named per kind, strings resolved, floats written as floats.
    const std::string timer = "\"kind\":\"TimerScheduled\",\"timer\":" + std::to_string(id.fooTimer) +
                              ",\"task\":" + std::to_string(id.foo) + ",\"label\":\"sleep(1)\",\"when\":1.0}";
    QVERIFY2(text.find(timer) != std::string::npos, timer.c_str());
    QVERIFY(text.find("\"kind\":\"HandleScheduled\",\"handle\":") != std::string::npos);
    QVERIFY(text.find("\"label\":\"Task.__wakeup\",\"handleKind\":\"TaskWakeup\"}") != std::string::npos);
    QVERIFY(text.find("\"kind\":\"Output\",\"text\":\"Running foo\\n\",\"stream\":\"Stdout\"}") !=
            std::string::npos);
    QVERIFY(text.find("\"result\":\"[None, None]\",\"state\":\"Finished\"}") != std::string::npos);
    QVERIFY(text.find("{\"i\":" + std::to_string(t->size() - 1) + ",\"kind\":\"RunEnd\",\"status\":0}") !=
            std::string::npos);
  }

  void roundTripFooBar() {
    auto t = fixtures::fooBarTrace();
    std::string error;
    auto back = fromJsonLines(toJsonLines(*t), &error);
    QVERIFY2(back, error.c_str());
    verifySameTrace(*t, *back);
    QCOMPARE(toJsonLines(*back), toJsonLines(*t));
  }

  void roundTripLongTrace() {
    fixtures::SyntheticOptions o;
    o.events = 3 * kKeyframeInterval;
    auto t = fixtures::syntheticTrace(o);
    std::string error;
    auto back = fromJsonLines(toJsonLines(*t), &error);
    QVERIFY2(back, error.c_str());
    verifySameTrace(*t, *back);
  }

  // Escapes, non-ASCII text, awkward doubles and fields a kind does not use.
  void roundTripAwkwardValues() {
    Recorder r("dir/we\"ird\\name.py", "print('\\t')\n# \xc3\xa9t\xc3\xa9 \xf0\x9f\x90\x8d\n");
    r.intern("never used by an event");
    static const char kText[] = "tab\there \"quoted\" back\\slash\nnew\x01 ctrl\x7f del \xe2\x9c\x93 nul:";
    // The NUL byte at the end is part of the text.
    StrId text = r.intern(std::string_view(kText, sizeof kText));
    r.record(EventKind::Output, 0, 0, text, 0, std::uint8_t(Stream::Stderr));
    r.record(EventKind::ClockAdvanced, 0, 0, 0, 0.1 + 0.2);
    r.record(EventKind::ClockAdvanced, 0, 0, 0, 1e300);
    r.record(EventKind::ClockAdvanced, 0, 0, 0, 5e-324);
    r.record(EventKind::ClockAdvanced, 0, 0, 0, std::numeric_limits<double>::infinity());
    r.record(EventKind::ClockAdvanced, 0, 0, 0, -0.0);
    r.record(EventKind::TimerScheduled, 0xffffffffu, 0xfffffffeu, 0, 3.0);
    r.record(Event{EventKind::LoopStopped, 200, 7, 1, 2, text, 0.5});  // unused fields set
    r.record(EventKind::HandleScheduled, 1, 0, 0, 0, 77);              // flags out of range
    r.record(EventKind::RunEnd, 2);
    auto t = r.finish();
    std::string written = toJsonLines(*t);
    QVERIFY(written.find("\\u0001") != std::string::npos);
    QVERIFY(written.find("\"clock\":0.30000000000000004") != std::string::npos);
    QVERIFY(written.find("\"clock\":\"inf\"") != std::string::npos);
    QVERIFY(written.find("\xe2\x9c\x93") != std::string::npos);  // UTF-8 kept as is
    std::string error;
    auto back = fromJsonLines(written, &error);
    QVERIFY2(back, error.c_str());
    verifySameTrace(*t, *back);
    QVERIFY(std::signbit((*back)[5].d));  // -0.0 stays negative
  }

  void readsEscapesItDoesNotWrite() {
    std::string error;
    auto t = fromJsonLines(
        "{\"format\":\"loopscope-trace\",\"version\":1}\n"
        "\n"
        "{\"kind\":\"Output\",\"text\":\"\\u00e9\\ud83d\\udc0d\\/\",\"stream\":2}\n",
        &error);
    QVERIFY2(t, error.c_str());
    QCOMPARE(t->size(), std::size_t(1));
    QCOMPARE(t->str((*t)[0].c), std::string_view("\xc3\xa9\xf0\x9f\x90\x8d/"));
    QCOMPARE((*t)[0].flags, std::uint8_t(Stream::ClientLog));
  }

  void rejectsBadInput_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << "" << "line 0: empty input";
    QTest::newRow("not a trace") << "{\"format\":\"other\"}\n" << "line 1: not a loopscope trace";
    QTest::newRow("future version") << "{\"format\":\"loopscope-trace\",\"version\":99}\n"
                                    << "line 1: unsupported trace format version";
    QTest::newRow("bad json") << "{\"format\":\"loopscope-trace\",\"version\":1}\n{\"kind\":\"RunEnd\",}\n"
                              << "line 2: invalid JSON";
    QTest::newRow("unknown kind") << "{\"format\":\"loopscope-trace\",\"version\":1}\n{\"kind\":\"Nope\"}\n"
                                  << "line 2: unknown event kind \"Nope\"";
    QTest::newRow("bad enum") << "{\"format\":\"loopscope-trace\",\"version\":1}\n"
                                 "{\"kind\":\"Output\",\"stream\":\"Stdin\"}\n"
                              << "line 2: unknown stream \"Stdin\"";
    QTest::newRow("negative id") << "{\"format\":\"loopscope-trace\",\"version\":1}\n"
                                    "{\"kind\":\"RunEnd\",\"status\":-1}\n"
                                 << "line 2: field a";
    QTest::newRow("out of order") << "{\"format\":\"loopscope-trace\",\"version\":1}\n"
                                     "{\"i\":3,\"kind\":\"RunEnd\"}\n"
                                  << "line 2: event index";
  }
  void rejectsBadInput() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    std::string error;
    auto t = fromJsonLines(text.toStdString(), &error);
    QVERIFY(!t);
    QVERIFY2(QString::fromStdString(error).startsWith(message), error.c_str());
  }
};

QTEST_GUILESS_MAIN(TestJsonLines)
#include "test_jsonl.moc"
