// fake_runner.h: a ui::Runner for tests that answers with a prepared result
// after one trip through the event loop (as the app's worker thread would).
#pragma once

#include "ui/runner.h"

namespace fixture {

class FakeRunner : public ui::Runner {
 public:
  ui::RunResult next;       // what run() answers
  ui::RunRequest last;      // what it was asked
  int runs = 0;
  int cancels = 0;

  QCoro::Task<ui::RunResult> run(ui::RunRequest request) override;
  void cancel() override { ++cancels; }
};

}  // namespace fixture
