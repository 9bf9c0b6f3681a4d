// test_object_pool.cpp: the Heap's small-object allocator (object_pool.h),
// the Heap freeing through it (also objects whose Object base is not their
// first base), and the one-inline-element list behind Future's callbacks.
#include <QtTest>

#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "core/loop/inline_first_list.h"
#include "core/loop/object.h"
#include "core/loop/object_pool.h"

namespace {

int gDestroyed = 0;

struct Leaf : loop::Object {
  explicit Leaf(int v) : value(v) {}
  ~Leaf() override { ++gDestroyed; }
  void trace(loop::Tracer&) override {}
  int value;
};

// Object is the second base: its address is not the block's.
struct Tagged {
  virtual ~Tagged() = default;
  std::string tag = "a tag long enough to live outside the string object";
};
struct TwoBases : Tagged, loop::Object {
  ~TwoBases() override { ++gDestroyed; }
  void trace(loop::Tracer&) override {}
};

// Roots: whatever the test keeps.
struct Keep : loop::RootSource {
  std::vector<loop::Object*> kept;
  void traceRoots(loop::Tracer& t) override {
    for (loop::Object* o : kept) t.visit(o);
  }
};

}  // namespace

class TestObjectPool : public QObject {
  Q_OBJECT

 private slots:
  void blocksAreAlignedAndDistinct() {
    loop::ObjectPool pool;
    std::set<void*> seen;
    std::vector<std::pair<void*, std::size_t>> blocks;
    for (std::size_t bytes : {1u, 8u, 16u, 17u, 24u, 100u, 512u, 513u, 4000u}) {
      for (int i = 0; i < 3000; ++i) {
        void* p = pool.allocate(bytes);
        QVERIFY(reinterpret_cast<std::uintptr_t>(p) % loop::ObjectPool::kAlign == 0);
        QVERIFY(seen.insert(p).second);
        std::memset(p, 0xab, bytes);  // the whole block is usable
        blocks.emplace_back(p, bytes);
      }
    }
    for (auto [p, bytes] : blocks) pool.release(p, bytes);
  }

  void releasedBlocksAreReused() {
    if (!loop::ObjectPool::kEnabled) QSKIP("pooling is off under AddressSanitizer");
    loop::ObjectPool pool;
    void* a = pool.allocate(40);
    void* b = pool.allocate(40);
    QVERIFY(a != b);
    const std::size_t slabs = pool.slabBytes();
    pool.release(a, 40);
    QCOMPARE(pool.allocate(33), a);  // same 48-byte class, last freed first
    QCOMPARE(pool.slabBytes(), slabs);
    pool.release(b, 40);
    QCOMPARE(pool.allocate(48), b);
    // A class fills its slab, then starts another.
    std::size_t n = loop::ObjectPool::kSlabBytes / 64 + 1;
    for (std::size_t i = 0; i < n; ++i) pool.allocate(64);
    QVERIFY(pool.slabBytes() >= slabs + loop::ObjectPool::kSlabBytes);
  }

  void heapFreesThroughThePool() {
    gDestroyed = 0;
    {
      loop::Heap heap;
      Keep keep;
      heap.addRoots(&keep);
      for (int i = 0; i < 10000; ++i) {
        loop::Object* o = (i % 2) ? static_cast<loop::Object*>(heap.make<Leaf>(i)) : heap.make<TwoBases>();
        if (i % 10 == 0) keep.kept.push_back(o);
      }
      QCOMPARE(heap.liveObjects(), std::size_t(10000));
      heap.collect();
      QCOMPARE(heap.liveObjects(), std::size_t(1000));
      QCOMPARE(gDestroyed, 9000);
      // The survivors are intact after their neighbours' blocks were reused.
      for (int i = 0; i < 9000; ++i) heap.make<Leaf>(-1);
      for (loop::Object* o : keep.kept) {
        auto* t = dynamic_cast<TwoBases*>(o);
        QVERIFY(t != nullptr);
        QCOMPARE(t->tag, std::string("a tag long enough to live outside the string object"));
      }
      heap.removeRoots(&keep);
    }
    QCOMPARE(gDestroyed, 19000);  // the Heap's destructor frees the rest
  }

  void inlineFirstListKeepsOrder() {
    loop::InlineFirstList<int> l;
    QVERIFY(l.empty());
    l.push_back(1);
    QCOMPARE(l.size(), std::size_t(1));
    QCOMPARE(l.capacityBytes(), std::size_t(0));  // no allocation for one element
    QCOMPARE(l.eraseIf([](int v) { return v == 2; }), std::size_t(0));
    QCOMPARE(l.eraseIf([](int v) { return v == 1; }), std::size_t(1));
    QVERIFY(l.empty());
    for (int v : {1, 2, 3, 2, 4}) l.push_back(v);
    QCOMPARE(std::vector<int>(l.begin(), l.end()), (std::vector<int>{1, 2, 3, 2, 4}));
    QCOMPARE(l.eraseIf([](int v) { return v == 2; }), std::size_t(2));
    QCOMPARE(std::vector<int>(l.begin(), l.end()), (std::vector<int>{1, 3, 4}));
    loop::InlineFirstList<int> taken = l.take();
    QVERIFY(l.empty());
    QCOMPARE(std::vector<int>(taken.begin(), taken.end()), (std::vector<int>{1, 3, 4}));
    l.push_back(7);  // usable again after take()
    QCOMPARE(std::vector<int>(l.begin(), l.end()), (std::vector<int>{7}));
    loop::InlineFirstList<int> one = l.take();
    QVERIFY(l.empty());
    QCOMPARE(std::vector<int>(one.begin(), one.end()), (std::vector<int>{7}));
  }
};

QTEST_GUILESS_MAIN(TestObjectPool)
#include "test_object_pool.moc"
