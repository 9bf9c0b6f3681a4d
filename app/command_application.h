// command_application.h: the QApplication a command makes for itself.
//
// Each command parses its own arguments with QCommandLineParser, so Qt is
// given only the program name. Qt keeps references to argc and argv for the
// application's whole life; CommandArgs holds them, and CommandApplication
// inherits it ahead of QApplication so they are built first and die last.
#pragma once

#include <QApplication>

namespace app {

// The argument vector for a command's Q*Application: "loopscope" alone.
struct CommandArgs {
  CommandArgs() = default;
  CommandArgs(const CommandArgs&) = delete;  // argv points into this very object
  CommandArgs& operator=(const CommandArgs&) = delete;

  int argc = 1;
  char name[10] = "loopscope";
  char* argv[2] = {name, nullptr};
};

// Where the windows of a command go.
enum class Display {
  Default,    // the platform Qt picks (the GUI)
  Offscreen,  // offscreen unless QT_QPA_PLATFORM says otherwise (rendering commands)
};

class CommandApplication : private CommandArgs, public QApplication {
 public:
  explicit CommandApplication(Display display);
};

}  // namespace app
