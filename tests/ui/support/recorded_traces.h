// recorded_traces.h: the traces the app recorded (tests/ui/data/*.jsonl,
// written by `loopscope trace`, see regenerate-learning), read back for the
// UI tests that check the views against real runs rather than hand-made ones.
#pragma once

#include <QString>

#include <memory>

#include "core/trace/trace.h"

namespace fixture {

// tests/ui/data/<name>.jsonl as a trace; null (with a warning naming the file
// and why) when it is missing or does not parse, so a test's QVERIFY fails
// with the reason already in its log.
std::shared_ptr<const trace::Trace> loadRecordedTrace(const QString& name);

}  // namespace fixture
