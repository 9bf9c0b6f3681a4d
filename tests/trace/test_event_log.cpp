// test_event_log.cpp: the chunked event store behind Trace::events() keeps
// every event in order across chunk boundaries, through growth of the first
// chunk, shrinking, copying and moving.
#include <QtTest>

#include <vector>

#include "core/trace/event_log.h"

using trace::Event;
using trace::EventKind;
using trace::EventLog;

namespace {

Event nth(std::size_t i) {
  Event e{EventKind::TaskLine};
  e.flags = static_cast<std::uint8_t>(i % 7);
  e.a = static_cast<trace::Id>(i);
  e.b = static_cast<std::uint32_t>(i * 3);
  e.c = static_cast<trace::StrId>(i % 1000);
  e.d = static_cast<double>(i) / 4;
  return e;
}

bool same(const Event& x, const Event& y) {
  return x.kind == y.kind && x.flags == y.flags && x.a == y.a && x.b == y.b && x.c == y.c && x.d == y.d;
}

// Checks size, indexing, iteration and the chunk views against nth().
void checkContents(const EventLog& log, std::size_t n) {
  QCOMPARE(log.size(), n);
  QCOMPARE(log.empty(), n == 0);
  for (std::size_t i = 0; i < n; i += 997) QVERIFY(same(log[i], nth(i)));
  if (n > 0) {
    QVERIFY(same(log.front(), nth(0)));
    QVERIFY(same(log.back(), nth(n - 1)));
  }
  std::size_t i = 0;
  for (const Event& e : log) {
    if (!same(e, nth(i))) QFAIL(qPrintable(QStringLiteral("event %1 differs while iterating").arg(i)));
    ++i;
  }
  QCOMPARE(i, n);
  std::size_t inChunks = 0;
  for (std::size_t k = 0; k < log.chunkCount(); ++k) {
    auto c = log.chunk(k);
    if (k + 1 < log.chunkCount()) QCOMPARE(c.size(), EventLog::kChunkEvents);
    for (std::size_t j = 0; j < c.size(); j += 509) QVERIFY(same(c[j], nth(inChunks + j)));
    inChunks += c.size();
  }
  QCOMPARE(inChunks, n);
}

}  // namespace

class TestEventLog : public QObject {
  Q_OBJECT

 private slots:
  void emptyLog() {
    EventLog log;
    checkContents(log, 0);
    QVERIFY(log.begin() == log.end());
    QCOMPARE(log.capacity(), std::size_t(0));
    log.shrink_to_fit();
    checkContents(log, 0);
  }

  void smallLogGrowsOneChunk() {
    EventLog log;
    for (std::size_t i = 0; i < 1000; ++i) log.push_back(nth(i));
    checkContents(log, 1000);
    QCOMPARE(log.chunkCount(), std::size_t(1));
    QVERIFY(log.capacity() < EventLog::kChunkEvents);  // a small trace stays small
  }

  void manyChunks() {
    // Two full chunks and part of a third, so boundaries are crossed both
    // by the first chunk's growth and by new huge chunks.
    const std::size_t n = 2 * EventLog::kChunkEvents + 12345;
    EventLog log;
    for (std::size_t i = 0; i < n; ++i) log.push_back(nth(i));
    checkContents(log, n);
    QCOMPARE(log.chunkCount(), std::size_t(3));
    QVERIFY(log.capacity() > n);
    log.shrink_to_fit();
    QCOMPARE(log.capacity(), n);
    checkContents(log, n);
    // Appending after shrinking regrows the last chunk, then starts the next.
    for (std::size_t i = n; i < n + EventLog::kChunkEvents; ++i) log.push_back(nth(i));
    checkContents(log, n + EventLog::kChunkEvents);
    QCOMPARE(log.chunkCount(), std::size_t(4));
  }

  void exactlyFullChunk() {
    EventLog log;
    for (std::size_t i = 0; i < EventLog::kChunkEvents; ++i) log.push_back(nth(i));
    checkContents(log, EventLog::kChunkEvents);
    log.shrink_to_fit();
    QCOMPARE(log.capacity(), EventLog::kChunkEvents);
    log.push_back(nth(EventLog::kChunkEvents));
    checkContents(log, EventLog::kChunkEvents + 1);
  }

  void copyMoveClear() {
    const std::size_t n = EventLog::kChunkEvents + 77;
    EventLog log;
    for (std::size_t i = 0; i < n; ++i) log.push_back(nth(i));
    EventLog copy(log);
    checkContents(copy, n);
    EventLog assigned;
    assigned.push_back(nth(5));
    assigned = log;
    checkContents(assigned, n);
    EventLog moved(std::move(copy));
    checkContents(moved, n);
    checkContents(copy, 0);  // NOLINT(bugprone-use-after-move): moved-from is empty
    moved.push_back(nth(n));
    checkContents(moved, n + 1);
    checkContents(log, n);  // the original is untouched
    log.clear();
    checkContents(log, 0);
    log.push_back(nth(0));
    checkContents(log, 1);
  }

  void memoryCountsCapacity() {
    EventLog log;
    for (std::size_t i = 0; i < 5000; ++i) log.push_back(nth(i));
    QVERIFY(log.memoryBytes() >= log.capacity() * sizeof(Event));
    log.shrink_to_fit();
    QVERIFY(log.memoryBytes() >= 5000 * sizeof(Event));
    QVERIFY(log.memoryBytes() < 5000 * sizeof(Event) + 1024);
  }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "test_event_log.moc"
