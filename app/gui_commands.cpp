// gui_commands.cpp: the commands that need a window: the GUI itself and
// `shot`, which renders the same window offscreen to a PNG.
#include <QApplication>
#include <QCommandLineParser>
#include <QCoroTask>
#include <QImage>

#include <cstdio>

#include "app/cli.h"
#include "app/thread_runner.h"
#include "scenarios/scenario_catalog.h"
#include "ui/main_window.h"
#include "ui/playback_controller.h"
#include "ui/shot.h"

namespace app {
namespace {

bool parseSize(const QString& text, QSize& size) {
  const auto parts = text.toLower().split(QLatin1Char('x'));
  if (parts.size() != 2) return false;
  bool okW = false, okH = false;
  const int w = parts[0].toInt(&okW), h = parts[1].toInt(&okH);
  if (!okW || !okH || w < 200 || h < 150 || w > 8192 || h > 8192) return false;
  size = QSize(w, h);
  return true;
}

// Opens a scenario id or a file in the window. The awaited tasks are named
// locals: GCC 12 destroys a temporary inside a co_await expression twice.
QCoro::Task<> openProgram(ui::MainWindow& window, QString nameOrPath) {
  if (!scenarios::find(nameOrPath).id.isEmpty()) {
    auto opening = window.openScenario(nameOrPath);
    co_await std::move(opening);
    co_return;
  }
  const ProgramSource p = loadProgram(nameOrPath);
  auto running = window.runSource(p.source, p.fileName);
  co_await std::move(running);
}

}  // namespace

int guiCommand(const QStringList& args) {
  // Parsed before QApplication exists, so --help and --version work without a display.
  QCommandLineParser parser;
  parser.setApplicationDescription(QCoreApplication::translate("cli",
      "Loopscope: watch Python's asyncio event loop run your program, step by step.\n"
      "Commands: run, trace, shot, list (loopscope help)."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("program"),
                               QCoreApplication::translate("cli", "A FILE.py or a scenario id (default: foo_bar)."),
                               QStringLiteral("[program]"));
  if (args.contains(QStringLiteral("-h")) || args.contains(QStringLiteral("--help")) ||
      args.contains(QStringLiteral("--help-all"))) {
    int argc = 1;
    char name[] = "loopscope";
    char* argv[] = {name, nullptr};
    QCoreApplication core(argc, argv);  // help text names the executable
    parser.process(QStringList{QStringLiteral("loopscope")} + args);
  }
  parser.process(QStringList{QStringLiteral("loopscope")} + args);
  // With no program named, reopen the lesson of the last session.
  const QString last = ui::MainWindow::lastScenario();
  const bool named = !parser.positionalArguments().isEmpty();
  const QString program = named ? parser.positionalArguments().first()
                                : (scenarios::find(last).id.isEmpty() ? scenarios::defaultId() : last);
  if (scenarios::find(program).id.isEmpty() && !loadProgram(program).error.isEmpty()) {
    std::fprintf(stderr, "loopscope: %s\n", qPrintable(loadProgram(program).error));
    return 2;
  }

  int argc = 1;
  char name[] = "loopscope";
  char* argv[] = {name, nullptr};
  QApplication app(argc, argv);

  ThreadRunner runner;
  ui::MainWindow window(&runner);
  // Restoring first matters: opening a program afterwards would replace
  // edits recovered from the autosave.
  const bool restored = window.restoreSession();
  window.show();
  if (!restored || named) QCoro::connect(openProgram(window, program), &window, [] {});
  return app.exec();
}

int shotCommand(const QStringList& args) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  int argc = 1;
  char name[] = "loopscope";
  char* argv[] = {name, nullptr};
  QApplication app(argc, argv);
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Render the window at a trace position to a PNG."));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("program"), QStringLiteral("A scenario id or FILE.py."));
  parser.addOption({QStringLiteral("at"), QStringLiteral("Trace position (event index); default: the end."), QStringLiteral("n")});
  parser.addOption({QStringLiteral("size"), QStringLiteral("Window size WxH (default 1920x1080)."), QStringLiteral("WxH"),
                    QStringLiteral("1920x1080")});
  parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The PNG to write."), QStringLiteral("file")});
  parser.process(QStringList{QStringLiteral("loopscope shot")} + args);
  if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("output"))) {
    std::fputs("loopscope shot: expected SCENARIO|FILE.py -o OUT.png [--at N] [--size WxH]\n", stderr);
    return 2;
  }
  QSize size;
  if (!parseSize(parser.value(QStringLiteral("size")), size)) {
    std::fprintf(stderr, "loopscope shot: bad --size '%s' (expected WxH, e.g. 1920x1080)\n",
                 qPrintable(parser.value(QStringLiteral("size"))));
    return 2;
  }
  const QString program = parser.positionalArguments().first();
  if (scenarios::find(program).id.isEmpty() && !loadProgram(program).error.isEmpty()) {
    std::fprintf(stderr, "loopscope shot: %s\n", qPrintable(loadProgram(program).error));
    return 2;
  }

  ThreadRunner runner;
  ui::MainWindow window(&runner);
  QCoro::waitFor(openProgram(window, program));
  std::size_t at = window.controller()->size();
  if (parser.isSet(QStringLiteral("at"))) {
    bool ok = false;
    const qulonglong n = parser.value(QStringLiteral("at")).toULongLong(&ok);
    if (!ok) {
      std::fprintf(stderr, "loopscope shot: bad --at '%s'\n", qPrintable(parser.value(QStringLiteral("at"))));
      return 2;
    }
    at = std::min<std::size_t>(n, window.controller()->size());
  }
  const QImage image = ui::renderShot(window, at, size);
  if (image.isNull() || !image.save(parser.value(QStringLiteral("output")), "PNG")) {
    std::fprintf(stderr, "loopscope shot: could not write %s\n", qPrintable(parser.value(QStringLiteral("output"))));
    return 2;
  }
  return 0;
}

}  // namespace app
