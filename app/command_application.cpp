// command_application.cpp: choosing the platform before QApplication starts.
#include "app/command_application.h"

namespace app {
namespace {

// Runs before the QApplication base is built: the platform is read then.
int& prepare(Display display, int& argc) {
  if (display == Display::Offscreen && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  return argc;
}

}  // namespace

CommandApplication::CommandApplication(Display display) : QApplication(prepare(display, argc), argv) {}

}  // namespace app
