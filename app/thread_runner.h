// thread_runner.h: the ui::Runner the app gives the window. It compiles and
// runs a program with core/py on a worker thread, so the GUI thread only
// awaits (QCoro) and never freezes; cancel() stops a runaway program.
#pragma once

#include <atomic>
#include <memory>

#include "ui/runner.h"

namespace app {

class ThreadRunner : public ui::Runner {
 public:
  QCoro::Task<ui::RunResult> run(ui::RunRequest request) override;
  void cancel() override;

 private:
  // One flag per run: a cancelled run keeps its own flag until it ends.
  std::shared_ptr<std::atomic<bool>> cancel_;
};

}  // namespace app
