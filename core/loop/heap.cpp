// heap.cpp: the mark-and-sweep Heap of object.h.
//
// Objects form one intrusive singly linked list; marking starts from every
// RootSource and follows Object::trace; sweeping frees what was not marked.
// Destructors must not touch other heap objects (they may be gone already).
// Blocks come from and go back to the Heap's ObjectPool (object_pool.h).
#include "core/loop/object.h"

#include <algorithm>

namespace loop {

Heap::~Heap() {
  Object* o = first_;
  while (o != nullptr) {
    Object* next = o->nextInHeap_;
    destroy(o);
    o = next;
  }
}

void Heap::adopt(Object* obj, std::size_t bytes) {
  obj->nextInHeap_ = first_;
  first_ = obj;
  obj->allocBytes_ = static_cast<std::uint32_t>(bytes);
  ++liveObjects_;
  // What it owns already (a string or list built before it was wrapped).
  bytes += obj->extraBytes();
  liveBytes_ += bytes;
  bytesSinceCollect_ += bytes;
}

void Heap::destroy(Object* o) {
  const std::size_t bytes = o->allocBytes_;
  char* block = reinterpret_cast<char*>(o) - o->allocOffset_;
  if (!o->skipDestructor_) o->~Object();
  pool_.release(block, bytes);
}

void Heap::addRoots(RootSource* roots) { roots_.push_back(roots); }

void Heap::removeRoots(RootSource* roots) {
  auto it = std::find(roots_.begin(), roots_.end(), roots);
  if (it != roots_.end()) roots_.erase(it);
}

void Heap::mark(Tracer& tracer) {
  tracer.gray_.swap(grayStack_);
  tracer.gray_.clear();
  for (RootSource* r : roots_) r->traceRoots(tracer);
  while (!tracer.gray_.empty()) {
    Object* o = tracer.gray_.back();
    tracer.gray_.pop_back();
    o->trace(tracer);
  }
  tracer.gray_.swap(grayStack_);
}

void Heap::collect() {
  Tracer tracer;
  mark(tracer);
  // Sweep: unlink and free the unmarked, clear the marks of the rest.
  Object** link = &first_;
  std::size_t bytes = 0;
  while (Object* o = *link) {
    if (o->marked_) {
      o->marked_ = false;
      bytes += o->allocBytes_ + o->extraBytes();
      link = &o->nextInHeap_;
    } else {
      *link = o->nextInHeap_;
      --liveObjects_;
      destroy(o);
    }
  }
  liveBytes_ = bytes;
  liveAtCollect_ = bytes;
  memoryErrorOwed_ = bytes > limit_;
  bytesSinceCollect_ = 0;
  // Collect again when the heap has grown by as much as survived (at least kMinCollectBytes).
  nextCollectBytes_ = std::max<std::size_t>(kMinCollectBytes, bytes);
}

std::vector<Object*> Heap::unreachable(const std::vector<Object*>& candidates) {
  Tracer tracer;
  tracer.weak_ = true;
  mark(tracer);
  std::vector<Object*> out;
  for (Object* o : candidates) {
    if (!o->marked_) out.push_back(o);
  }
  for (Object* o = first_; o != nullptr; o = o->nextInHeap_) o->marked_ = false;
  return out;
}

}  // namespace loop
