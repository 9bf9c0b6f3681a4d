// object.h: garbage-collected objects shared by the loop and the language.
//
// Futures, tasks, handles and queues (core/loop) reference the language's
// values (results, exceptions, callbacks), and coroutine frames (core/py)
// reference futures and tasks: cycles are the norm. So every such object
// lives on one tracing Heap (mark and sweep). Collection happens only at
// safe points chosen by the driver (between loop callbacks, or at VM safe
// points when no native frame holds a raw pointer); everything still alive
// when the Heap is destroyed is freed then.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

#include "core/loop/object_pool.h"
#include "core/loop/value.h"

namespace loop {

class Tracer;

// What an Object is, for the checks made on every await and every value
// crossing into the language: a dynamic_cast that fails compares type names
// with strcmp in libstdc++, and wrapping one Queue.put coroutine cost eleven
// of them (two thirds of a queue-heavy program's time). Set by the
// constructors of the classes named; every other Object is Other.
enum class ObjectClass : std::uint8_t {
  Other,
  Future,  // Future itself; the next two are Futures too
  GatheringFuture,
  Task,
  Coroutine,      // a native coroutine of the loop; the next is one too
  HostCoroutine,  // the language's coroutine seen as a loop::Coroutine
  Queue,
  Lock,
  Event,
  Condition,
  Semaphore,
  TaskGroup,
  Timeout,
  Handle,     // Handle or TimerHandle
  HostValue,  // a value of the language (py::PyObj)
};

class Object {
 public:
  Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  virtual ~Object() = default;

  // Report every Value and Object this object references.
  virtual void trace(Tracer& tracer) = 0;
  // Bytes owned outside sizeof(*this) (vectors, strings), for the memory budget.
  virtual std::size_t extraBytes() const { return 0; }

  ObjectClass objectClass() const { return static_cast<ObjectClass>(class_); }
  bool isFuture() const {
    return class_ >= std::uint8_t(ObjectClass::Future) && class_ <= std::uint8_t(ObjectClass::Task);
  }
  bool isCoroutine() const {
    return class_ == std::uint8_t(ObjectClass::Coroutine) ||
           class_ == std::uint8_t(ObjectClass::HostCoroutine);
  }

 protected:
  // Called by the constructor of each class ObjectClass names (a subclass's
  // constructor runs last, so its class wins).
  void setObjectClass(ObjectClass c) { class_ = static_cast<std::uint8_t>(c); }

 private:
  friend class Heap;
  friend class Tracer;
  Object* nextInHeap_ = nullptr;
  std::uint32_t allocBytes_ = 0;
  // Where this Object lies in its pool block (non-zero only when Object is
  // not T's first base), so that the block can be given back.
  std::uint16_t allocOffset_ = 0;
  bool marked_ = false;
  // Set by Heap::make for types that opt in through kOwnsNothing: the sweep
  // then gives the block back without the virtual destructor call.
  // Bit fields, so that the class fits in the same byte and an Object
  // stays 24 bytes (the smallest objects are the most numerous).
  std::uint8_t skipDestructor_ : 1 = 0;
  std::uint8_t class_ : 7 = 0;
};
static_assert(sizeof(Object) == 24, "Object's header: vtable, heap link, size, offset, flags");

// True for a class that owns nothing: only trivially destructible members,
// so its destructor does nothing and extraBytes() is 0. The loop's handles
// and short-lived native coroutines are such (a million queue puts are a
// million QueueWaits made and swept): Heap::make then skips the virtual
// extraBytes() call and the sweep the virtual destructor. Specialise it next
// to the class, for that exact class only (a subclass may add members).
template <class T>
inline constexpr bool kOwnsNothing = false;

// Handed to Object::trace and to root sources during marking.
class Tracer {
 public:
  // True during Heap::unreachable: root sources then skip the references
  // they keep only for bookkeeping (the loop's list of failed futures to
  // report, the VM's cache of wrappers), which CPython would not count:
  // there a Task is "dropped" when the program no longer refers to it.
  bool bookkeepingIsWeak() const { return weak_; }

  void visit(Object* o) {
    if (o != nullptr && !o->marked_) {
      o->marked_ = true;
      gray_.push_back(o);
    }
  }
  void visit(Value v) {
    if (v.isObject()) visit(v.asObject());
  }
  // Marks o without queueing it, and says whether it was unmarked: then the
  // caller must report o's references itself, at once. For a root source
  // walking a million objects of one known type (the ready queue's
  // handles), where queueing each and calling its trace() through the
  // vtable was most of a collection.
  bool markHere(Object* o) {
    if (o == nullptr || o->marked_) return false;
    o->marked_ = true;
    return true;
  }

 private:
  friend class Heap;
  std::vector<Object*> gray_;
  bool weak_ = false;
};

// Anything outside the heap that holds references: the loop's queues, the
// VM's running frames and module table, a test's locals.
class RootSource {
 public:
  virtual ~RootSource() = default;
  virtual void traceRoots(Tracer& tracer) = 0;
};

class Heap {
 public:
  // Garbage between collections, at least: small enough that the blocks a
  // collection frees are still in the cache when they are reused (a sweep
  // costs a cache miss per dead object otherwise), large enough that the
  // marking of a small live set stays cheap.
  static constexpr std::size_t kMinCollectBytes = 1u << 20;

  Heap() = default;
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;
  ~Heap();

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(alignof(T) <= ObjectPool::kAlign, "the pool aligns to 16 bytes");
    void* mem = pool_.allocate(sizeof(T));
    T* obj;
    try {
      obj = ::new (mem) T(static_cast<Args&&>(args)...);
    } catch (...) {
      pool_.release(mem, sizeof(T));
      throw;
    }
    Object* base = obj;
    base->allocOffset_ = static_cast<std::uint16_t>(reinterpret_cast<char*>(base) - static_cast<char*>(mem));
    if constexpr (kOwnsNothing<T>) {
      base->skipDestructor_ = true;
      link(obj, sizeof(T));
    } else {
      adopt(obj, sizeof(T));
    }
    return obj;
  }

  // -- the memory budget (contract section 8: MemoryError) ------------------
  // Live bytes count each object's size and what it owns (extraBytes), as
  // measured at its creation and recounted at every collection; growth in
  // place (list.append) shows at the next collection.
  void setLimit(std::size_t bytes) { limit_ = bytes; }
  std::size_t limit() const { return limit_; }
  // May `bytes` more be allocated? Asked before a big allocation
  // ([0] * 10**10) so that it raises MemoryError instead of being tried.
  // Judged against what was live at the last collection, so that garbage
  // not yet collected never causes a MemoryError.
  bool admits(std::size_t bytes) const {
    return liveAtCollect_ <= limit_ && bytes <= limit_ - liveAtCollect_;
  }
  // True when the last collection found more live bytes than the limit:
  // a MemoryError is owed to the program at its next safe point.
  // takeMemoryError() answers once, then waits for the next collection.
  bool memoryErrorOwed() const { return memoryErrorOwed_; }
  bool takeMemoryError() {
    bool owed = memoryErrorOwed_;
    memoryErrorOwed_ = false;
    return owed;
  }

  // The objects among `candidates` that nothing but bookkeeping refers to
  // any more (see Tracer::bookkeepingIsWeak); frees nothing. Costs a full
  // mark, so callers ask rarely.
  std::vector<Object*> unreachable(const std::vector<Object*>& candidates);

  void addRoots(RootSource* roots);
  void removeRoots(RootSource* roots);

  // Mark from every root source, then free what was not reached.
  void collect();
  // True when enough was allocated since the last collection to make one worthwhile.
  bool wantsCollection() const { return bytesSinceCollect_ >= nextCollectBytes_; }

  std::size_t liveObjects() const { return liveObjects_; }
  std::size_t liveBytes() const { return liveBytes_; }
  std::size_t bytesSinceCollection() const { return bytesSinceCollect_; }

 private:
  void adopt(Object* obj, std::size_t bytes);
  // adopt() for an object that owns nothing (no extraBytes() to ask).
  void link(Object* obj, std::size_t bytes) {
    obj->nextInHeap_ = first_;
    first_ = obj;
    obj->allocBytes_ = static_cast<std::uint32_t>(bytes);
    ++liveObjects_;
    liveBytes_ += bytes;
    bytesSinceCollect_ += bytes;
  }
  // Run o's destructor and give its block back to the pool.
  void destroy(Object* o);
  // Mark everything reachable from the roots.
  void mark(Tracer& tracer);

  // Declared first so that it outlives everything below it.
  ObjectPool pool_;
  Object* first_ = nullptr;
  std::vector<RootSource*> roots_;
  std::size_t liveObjects_ = 0;
  std::size_t liveBytes_ = 0;
  std::size_t bytesSinceCollect_ = 0;
  std::size_t nextCollectBytes_ = kMinCollectBytes;
  std::size_t limit_ = ~std::size_t{0};
  std::size_t liveAtCollect_ = 0;
  // The mark stack, kept between collections: growing it again from empty
  // each time cost a malloc per doubling, and glibc's consolidation with it.
  std::vector<Object*> grayStack_;
  bool memoryErrorOwed_ = false;
};

}  // namespace loop
