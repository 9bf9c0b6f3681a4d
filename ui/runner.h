// runner.h: how the UI asks for a program to be run.
//
// The UI never runs Python itself (architecture.md: record, then replay).
// app/ implements Runner on a worker thread; the window awaits run() with
// QCoro so the GUI stays responsive and a runaway program can be cancelled.
#pragma once

#include <QCoroTask>
#include <QString>

#include <memory>

#include "core/trace/trace.h"

namespace ui {

struct RunRequest {
  QString source;
  QString fileName;
};

struct RunResult {
  std::shared_ptr<const trace::Trace> trace;  // null when the program was refused
  int exitStatus = 0;
  int errorLine = 0;     // 1-based; 0 when the error has no position
  int errorColumn = 0;   // 1-based; 0 when unknown
  QString errorMessage;  // "unsupported: ...", a syntax error, a traceback's last line
};

// Implemented by app/ on a worker thread; the UI awaits it with QCoro and can
// cancel a runaway run.
class Runner {
 public:
  virtual ~Runner() = default;
  virtual QCoro::Task<RunResult> run(RunRequest request) = 0;
  virtual void cancel() = 0;
};

}  // namespace ui
