// main.cpp: `loopscope` with no command opens the window; otherwise a
// headless command (run, trace, shot, list). See app/cli.h.
#include "app/cli.h"

int main(int argc, char** argv) { return app::main(argc, argv); }
