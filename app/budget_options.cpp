// budget_options.cpp: one flag per budget, each defaulting to py::Budgets.
#include "app/budget_options.h"

namespace app {
namespace {

struct Flag {
  const char* name;
  const char* help;
};

constexpr Flag kInstructions{"max-instructions", "Instructions one task step may run without awaiting."};
constexpr Flag kRecursion{"recursion-limit", "Python frames deep before RecursionError."};
constexpr Flag kMemory{"max-memory", "Heap bytes before MemoryError."};
constexpr Flag kOutput{"max-output", "Bytes of output before the run is stopped."};
constexpr Flag kHorizon{"horizon", "Virtual seconds after which the run is stopped."};
constexpr Flag kStall{"max-stall", "Loop iterations with the clock stuck while a timer waits."};
constexpr Flag kEvents{"max-events", "Trace events recorded (window, trace) before the run is stopped."};

template <class T>
bool readNumber(const QCommandLineParser& parser, const Flag& flag, T& out, QString& error) {
  const QString name = QLatin1String(flag.name);
  if (!parser.isSet(name)) return true;
  bool ok = false;
  const double value = parser.value(name).toDouble(&ok);
  if (!ok || value < 0) {
    error = QStringLiteral("--%1 needs a non-negative number, not '%2'").arg(name, parser.value(name));
    return false;
  }
  out = static_cast<T>(value);
  return true;
}

}  // namespace

void addBudgetOptions(QCommandLineParser& parser) {
  for (const Flag& f : {kInstructions, kRecursion, kMemory, kOutput, kHorizon, kStall, kEvents})
    parser.addOption({QLatin1String(f.name), QLatin1String(f.help), QStringLiteral("n")});
}

bool readBudgetOptions(const QCommandLineParser& parser, py::Budgets& b, QString& error) {
  return readNumber(parser, kInstructions, b.instructionsPerStep, error) &&
         readNumber(parser, kRecursion, b.recursionLimit, error) &&
         readNumber(parser, kMemory, b.memoryBytes, error) &&
         readNumber(parser, kOutput, b.outputBytes, error) &&
         readNumber(parser, kHorizon, b.timeHorizon, error) &&
         readNumber(parser, kStall, b.stallIterations, error) &&
         readNumber(parser, kEvents, b.traceEvents, error);
}

}  // namespace app
