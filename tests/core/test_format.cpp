// test_format.cpp: loop::floatRepr against CPython's repr(float)
// (programs/float_repr.py prints the bits and repr of each value).
#include <QtTest>

#include <bit>
#include <sstream>

#include "core/loop/format.h"
#include "support/env.h"

class TestFormat : public QObject {
  Q_OBJECT
 private slots:
  void matchesCPythonRepr() {
    std::vector<std::string> lines = testing::expectedOutput("float_repr");
    QVERIFY(lines.size() >= 10);
    for (const std::string& line : lines) {
      std::istringstream in(line);
      std::string hex, want;
      in >> hex >> want;
      double d = std::bit_cast<double>(std::stoull(hex, nullptr, 16));
      QCOMPARE(loop::floatRepr(d), want);
    }
  }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "test_format.moc"
