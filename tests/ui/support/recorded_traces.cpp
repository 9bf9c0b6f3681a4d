// recorded_traces.cpp: reading tests/ui/data/<name>.jsonl.
#include "recorded_traces.h"

#include <QtGlobal>

#include <fstream>
#include <string>

#include "core/trace/export_jsonl.h"

namespace fixture {

std::shared_ptr<const trace::Trace> loadRecordedTrace(const QString& name) {
  std::ifstream in(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/ui/data/%1.jsonl").arg(name).toStdString());
  std::string error;
  auto t = trace::readJsonLines(in, &error);
  if (!t) qWarning("%s: %s", qPrintable(name), error.c_str());
  return t;
}

}  // namespace fixture
