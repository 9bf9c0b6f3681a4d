// handle.cpp: what a Handle references, for the collector.
#include "core/loop/handle.h"

namespace loop {

void Handle::trace(Tracer& t) {
  t.visit(target_);
  t.visit(arg_);
}

}  // namespace loop
