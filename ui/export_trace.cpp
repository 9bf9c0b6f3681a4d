// export_trace.cpp: serialise through core/trace, then write atomically.
#include "ui/export_trace.h"

#include <QSaveFile>

#include <sstream>

#include "core/trace/export_chrome.h"
#include "core/trace/export_jsonl.h"

namespace ui {

namespace {
bool writeFile(const QString& path, const std::string& bytes, QString* error) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes.data(), static_cast<qint64>(bytes.size())) < 0 ||
      !f.commit()) {
    if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return false;
  }
  return true;
}
}  // namespace

bool exportTraceJsonLines(const trace::Trace& trace, const QString& path, QString* error) {
  std::ostringstream out;
  trace::writeJsonLines(trace, out);
  return writeFile(path, out.str(), error);
}

bool exportTraceChrome(const trace::Trace& trace, const QString& path, QString* error) {
  std::ostringstream out;
  trace::writeChromeTrace(trace, out);
  return writeFile(path, out.str(), error);
}

}  // namespace ui
