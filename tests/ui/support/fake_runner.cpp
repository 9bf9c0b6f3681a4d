// fake_runner.cpp: suspends once, then returns the prepared result.
#include "fake_runner.h"

#include <QCoroTimer>

#include <chrono>

namespace fixture {

QCoro::Task<ui::RunResult> FakeRunner::run(ui::RunRequest request) {
  ++runs;
  last = request;
  ui::RunResult result = next;  // copy before suspending: the test may change `next`
  QCoro::Task<> wait = QCoro::sleepFor(std::chrono::milliseconds(0));
  co_await std::move(wait);
  co_return result;
}

}  // namespace fixture
