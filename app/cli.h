// cli.h: the command line. `loopscope [FILE.py|SCENARIO]` opens the GUI;
// `loopscope run FILE.py` prints exactly what CPython would;
// `loopscope trace FILE.py --format jsonl|chrome -o OUT` exports the trace;
// `loopscope shot SCENARIO|FILE [--at N] [--size WxH] -o OUT.png` renders the
// window offscreen; `loopscope export SCENARIO|FILE --format
// png|svg|gif|storyboard -o OUT` renders it to pictures; `loopscope list`
// lists the scenarios; `loopscope bench render` measures drawing speed.
#pragma once

#include <QString>
#include <QStringList>

namespace app {

int main(int argc, char** argv);

// Each command takes its own arguments (after the command word) and returns
// the process exit status. Exposed for tests.
int runCommand(const QStringList& args);
int traceCommand(const QStringList& args);
int listCommand(const QStringList& args);
int shotCommand(const QStringList& args);
int guiCommand(const QStringList& args);
int exportCommand(const QStringList& args);  // app/gui_commands.cpp
int benchCommand(const QStringList& args);   // app/bench_render.cpp

// A program named on the command line: a scenario id or a file path.
struct ProgramSource {
  QString source;
  QString fileName;  // as shown in tracebacks
  QString error;     // non-empty when it could not be read
};
ProgramSource loadProgram(const QString& nameOrPath);

}  // namespace app
