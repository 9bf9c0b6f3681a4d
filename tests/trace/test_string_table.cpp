// test_string_table.cpp: the packed string table keeps every string intact
// and in place while blocks fill, with strings longer than a block, and
// through copies.
#include <QtTest>

#include <string>
#include <string_view>
#include <vector>

#include "core/trace/string_table.h"

using trace::StringTable;

class TestStringTable : public QObject {
  Q_OBJECT

 private slots:
  void keepsEveryString() {
    StringTable t;
    std::vector<std::string> ref;
    std::vector<std::string_view> views;
    for (int i = 0; i < 20000; ++i) {
      std::string s = i % 1000 == 0 ? std::string(StringTable::kBlockBytes + i, char('a' + i % 26))
                      : i % 7 == 0  ? std::string()
                                    : "sleep(" + std::to_string(i * 0.001) + ")";
      t.push_back(s);
      ref.push_back(s);
      views.push_back(t[static_cast<std::size_t>(i)]);
    }
    QCOMPARE(t.size(), ref.size());
    for (std::size_t i = 0; i < ref.size(); ++i) {
      QCOMPARE(t[i], std::string_view(ref[i]));
      // Pointer identity (QCOMPARE on char pointers would compare C strings).
      QVERIFY(views[i].data() == t[i].data());  // never moved
    }
    QVERIFY(t.memoryBytes() >= 20 * StringTable::kBlockBytes);
    StringTable copy(t);
    t.clear();
    QCOMPARE(t.size(), std::size_t(0));
    QCOMPARE(copy.size(), ref.size());
    for (std::size_t i = 0; i < ref.size(); ++i) QCOMPARE(copy[i], std::string_view(ref[i]));
    StringTable assigned;
    assigned.push_back("x");
    assigned = copy;
    QCOMPARE(assigned.size(), ref.size());
    QCOMPARE(assigned[1], std::string_view(ref[1]));
    // A move hands over the entries (in chunks of their own) and the blocks.
    const char* before = copy[ref.size() - 1].data();
    StringTable moved(std::move(copy));
    QCOMPARE(moved.size(), ref.size());
    QVERIFY(moved[ref.size() - 1].data() == before);
    moved.push_back("after");
    QCOMPARE(moved[ref.size()], std::string_view("after"));
    t = std::move(moved);
    QCOMPARE(t.size(), ref.size() + 1);
    for (std::size_t i = 0; i < ref.size(); i += 997) QCOMPARE(t[i], std::string_view(ref[i]));
  }
};

QTEST_GUILESS_MAIN(TestStringTable)
#include "test_string_table.moc"
