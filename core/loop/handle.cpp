// handle.cpp: what a Handle references, for the collector.
#include "core/loop/handle.h"

namespace loop {

void Handle::trace(Tracer& t) { traceFields(t); }

}  // namespace loop
