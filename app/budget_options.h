// budget_options.h: the command-line flags for the run budgets of
// contract section 8, shared by `run`, `trace` and `shot`.
#pragma once

#include <QCommandLineParser>
#include <QString>

#include "core/py/program.h"

namespace app {

void addBudgetOptions(QCommandLineParser& parser);
// False (with a message) when a flag's value is not a number.
bool readBudgetOptions(const QCommandLineParser& parser, py::Budgets& budgets, QString& error);

}  // namespace app
