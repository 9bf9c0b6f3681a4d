// thread_runner.cpp: QtConcurrent runs py::runProgram off the GUI thread;
// the caller co_awaits the QFuture.
#include "app/thread_runner.h"

#include <QCoroFuture>
#include <QtConcurrent/QtConcurrentRun>

#include "core/py/program.h"

namespace app {

QCoro::Task<ui::RunResult> ThreadRunner::run(ui::RunRequest request) {
  cancel();
  auto flag = std::make_shared<std::atomic<bool>>(false);
  cancel_ = flag;
  const std::string source = request.source.toStdString();
  const std::string fileName = request.fileName.toStdString();
  QFuture<py::RunOutcome> future = QtConcurrent::run([source, fileName, flag] {
    py::RunOptions options;
    options.cancel = flag.get();
    py::RunOutcome outcome = py::runProgram(source, fileName, options);
    // Recording only appends events; the seek index (keyframes) is built
    // here, off the GUI thread, so the window's first scrub never pays it.
    if (outcome.trace) outcome.trace->buildKeyframes();
    return outcome;
  });
  const py::RunOutcome outcome = co_await future;
  ui::RunResult result;
  result.trace = outcome.trace;
  result.exitStatus = outcome.exitStatus;
  result.errorLine = outcome.errorLine;
  result.errorColumn = outcome.errorColumn;
  result.errorMessage = QString::fromStdString(outcome.errorMessage);
  co_return result;
}

void ThreadRunner::cancel() {
  if (cancel_) cancel_->store(true);
  cancel_.reset();
}

}  // namespace app
