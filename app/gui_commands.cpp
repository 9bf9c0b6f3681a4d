// gui_commands.cpp: the commands that need a window: the GUI itself,
// `shot`, which renders the same window offscreen to a PNG, and `export`,
// which renders it to PNG, SVG, an animated GIF or a storyboard.
//
// The GUI also answers a few environment variables meant for tests and
// benchmarks, never for users (they change nothing unless set):
//   LOOPSCOPE_REPORT_STARTUP=1   print "startup: N ms" to stderr when the
//                                window is first exposed (bench render)
//   LOOPSCOPE_TEST_TYPE=TEXT     once the program is open, type TEXT at the
//                                top of the editor (tests/app/test_autosave_kill)
//   LOOPSCOPE_TEST_DUMP=PATH     once the program is open (after TEXT, if
//                                any), write the editor's text to PATH
#include <QCommandLineParser>
#include <QCoroTask>
#include <QImage>
#include <QSaveFile>
#include <QWindow>

#include <chrono>
#include <cstdio>

#include "app/cli.h"
#include "app/command_application.h"
#include "app/thread_runner.h"
#include "scenarios/scenario_catalog.h"
#include "ui/code_pane.h"
#include "ui/export_trace.h"
#include "ui/export_view.h"
#include "ui/main_window.h"
#include "ui/playback_controller.h"
#include "ui/shot.h"
#include "ui/storyboard.h"

namespace app {
namespace {

// As close to process start as this program can see: static initialisation.
const auto kProcessStart = std::chrono::steady_clock::now();

// Prints the time from process start to the window's first expose event.
class StartupReporter : public QObject {
 public:
  using QObject::QObject;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::Expose && !reported_) {
      reported_ = true;
      const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - kProcessStart);
      std::fprintf(stderr, "startup: %.1f ms\n", ms.count());
      std::fflush(stderr);
    }
    return QObject::eventFilter(watched, event);
  }

 private:
  bool reported_ = false;
};

// The test hooks of the header comment, run once the window shows its program.
void runTestHooks(ui::MainWindow& window) {
  const QString type = qEnvironmentVariable("LOOPSCOPE_TEST_TYPE");
  if (!type.isEmpty()) {
    window.codePane()->setCursorPosition(0, 0);
    window.codePane()->insert(type);  // an edit, as typing is: autosave follows
  }
  const QString dump = qEnvironmentVariable("LOOPSCOPE_TEST_DUMP");
  if (!dump.isEmpty()) {
    QSaveFile f(dump);
    if (f.open(QIODevice::WriteOnly)) {
      f.write(window.codePane()->text().toUtf8());
      f.commit();
    }
  }
}

// Reads --size's WxH; false, after saying so after `command` on stderr,
// when it is malformed or out of range.
bool readSize(const QString& text, const char* command, QSize& size) {
  const auto parts = text.toLower().split(QLatin1Char('x'));
  bool okW = false, okH = false;
  const int w = parts.value(0).toInt(&okW), h = parts.value(1).toInt(&okH);
  if (parts.size() != 2 || !okW || !okH || w < 200 || h < 150 || w > 8192 || h > 8192) {
    std::fprintf(stderr, "%s: bad --size '%s' (expected WxH, e.g. 1920x1080)\n", command, qPrintable(text));
    return false;
  }
  size = QSize(w, h);
  return true;
}

// Reads an optional event position; `fallback` when unset. False when malformed.
bool readPosition(const QCommandLineParser& parser, const QString& name, std::size_t limit, std::size_t fallback,
                  std::size_t& out) {
  out = fallback;
  if (!parser.isSet(name)) return true;
  bool ok = false;
  const qulonglong n = parser.value(name).toULongLong(&ok);
  if (!ok) return false;
  out = std::min<std::size_t>(n, limit);
  return true;
}

// Whether `program` is a scenario id or a file that can be read; when not,
// says why after `command` on stderr.
bool canOpen(const QString& program, const char* command) {
  if (!scenarios::find(program).id.isEmpty()) return true;
  const QString error = loadProgram(program).error;
  if (error.isEmpty()) return true;
  std::fprintf(stderr, "%s: %s\n", command, qPrintable(error));
  return false;
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
      "\n"
      "Commands (loopscope COMMAND --help for their options):\n"
      "  run FILE.py                 run headless, print what CPython prints\n"
      "  trace FILE.py --format jsonl|chrome -o OUT\n"
      "  shot SCENARIO|FILE.py [--at N] [--size WxH] -o OUT.png\n"
      "  export SCENARIO|FILE.py --format png|svg|gif|storyboard [--from N --to M --size WxH] -o OUT\n"
      "  list                        list the scenarios\n"
      "  bench render [--quick]      frame, seek and startup times"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("program"),
                               QCoreApplication::translate("cli", "A FILE.py or a scenario id (default: foo_bar)."),
                               QStringLiteral("[program]"));
  if (args.contains(QStringLiteral("-h")) || args.contains(QStringLiteral("--help")) ||
      args.contains(QStringLiteral("--help-all"))) {
    CommandArgs coreArgs;
    QCoreApplication core(coreArgs.argc, coreArgs.argv);  // help text names the executable
    parser.process(QStringList{QStringLiteral("loopscope")} + args);
  }
  parser.process(QStringList{QStringLiteral("loopscope")} + args);
  // With no program named, reopen the lesson of the last session.
  const QString last = ui::MainWindow::lastScenario();
  const bool named = !parser.positionalArguments().isEmpty();
  const QString program = named ? parser.positionalArguments().first()
                                : (scenarios::find(last).id.isEmpty() ? scenarios::defaultId() : last);
  if (!canOpen(program, "loopscope")) return 2;

  CommandApplication app(Display::Default);

  ThreadRunner runner;
  ui::MainWindow window(&runner);
  // Restoring first matters: opening a program afterwards would replace
  // edits recovered from the autosave.
  const bool restored = window.restoreSession();
  if (qEnvironmentVariable("LOOPSCOPE_REPORT_STARTUP") == QLatin1String("1")) {
    window.winId();  // creates the native window so its first expose can be seen
    window.windowHandle()->installEventFilter(new StartupReporter(&window));
  }
  window.show();
  if (!restored || named)
    QCoro::connect(openProgram(window, program), &window, [&window] { runTestHooks(window); });
  else
    QMetaObject::invokeMethod(&window, [&window] { runTestHooks(window); }, Qt::QueuedConnection);
  return app.exec();
}

int shotCommand(const QStringList& args) {
  CommandApplication app(Display::Offscreen);
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Render the window at a trace position to a PNG."));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("program"), QStringLiteral("A scenario id or FILE.py."));
  parser.addOption({QStringLiteral("at"), QStringLiteral("Trace position (event index); default: the end."), QStringLiteral("n")});
  parser.addOption({QStringLiteral("size"), QStringLiteral("Window size WxH (default 1920x1080)."), QStringLiteral("WxH"),
                    QStringLiteral("1920x1080")});
  parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The PNG to write."), QStringLiteral("file")});
  parser.addOption({QStringLiteral("presenter"), QStringLiteral("In presenter mode (large fonts, high contrast).")});
  parser.addOption({QStringLiteral("internals"), QStringLiteral("At the Internals level of detail.")});
  parser.process(QStringList{QStringLiteral("loopscope shot")} + args);
  if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("output"))) {
    std::fputs("loopscope shot: expected SCENARIO|FILE.py -o OUT.png [--at N] [--size WxH] [--presenter] [--internals]\n",
               stderr);
    return 2;
  }
  QSize size;
  if (!readSize(parser.value(QStringLiteral("size")), "loopscope shot", size)) return 2;
  const QString program = parser.positionalArguments().first();
  if (!canOpen(program, "loopscope shot")) return 2;

  ThreadRunner runner;
  ui::MainWindow window(&runner);
  // What a teacher sees at the projector, or a student at Internals.
  if (parser.isSet(QStringLiteral("presenter"))) window.setPresenterMode(true);
  if (parser.isSet(QStringLiteral("internals"))) window.setInternals(true);
  QCoro::waitFor(openProgram(window, program));
  const std::size_t end = window.controller()->size();
  std::size_t at = end;
  if (!readPosition(parser, QStringLiteral("at"), end, end, at)) {
    std::fprintf(stderr, "loopscope shot: bad --at '%s'\n", qPrintable(parser.value(QStringLiteral("at"))));
    return 2;
  }
  const QImage image = ui::renderShot(window, at, size);
  if (image.isNull() || !image.save(parser.value(QStringLiteral("output")), "PNG")) {
    std::fprintf(stderr, "loopscope shot: could not write %s\n", qPrintable(parser.value(QStringLiteral("output"))));
    return 2;
  }
  return 0;
}

int exportCommand(const QStringList& args) {
  CommandApplication app(Display::Offscreen);
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Render a program's run to pictures: the window at one position (png, svg), an animation of a\n"
      "range of positions (gif), or a storyboard folder of PNGs with an index.html of narrations.\n"
      "Also writes the trace itself (jsonl, chrome), as `loopscope trace` does."));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("program"), QStringLiteral("A scenario id or FILE.py."));
  parser.addOption({QStringLiteral("format"), QStringLiteral("png, svg, gif, storyboard, jsonl or chrome."),
                    QStringLiteral("format"), QStringLiteral("png")});
  parser.addOption({QStringLiteral("from"), QStringLiteral("First trace position (gif, storyboard; default 0)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("to"),
                    QStringLiteral("Last trace position (default: the end); png and svg show this position."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("at"), QStringLiteral("Same as --to, for png and svg."), QStringLiteral("n")});
  parser.addOption({QStringLiteral("step"), QStringLiteral("Events between GIF frames (default: about 60 frames)."),
                    QStringLiteral("k")});
  parser.addOption({QStringLiteral("delay"), QStringLiteral("Milliseconds per GIF frame (default 400)."),
                    QStringLiteral("ms"), QStringLiteral("400")});
  parser.addOption({QStringLiteral("max-steps"),
                    QStringLiteral("Most storyboard steps (clock jumps and output lines; default 40)."),
                    QStringLiteral("n"), QString::number(ui::kStoryboardDefaultCap)});
  parser.addOption({QStringLiteral("size"),
                    QStringLiteral("Window size WxH (default 1920x1080; gif 960x540, storyboard 1280x720)."),
                    QStringLiteral("WxH")});
  parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                    QStringLiteral("The file to write (a folder for storyboard)."), QStringLiteral("path")});
  parser.process(QStringList{QStringLiteral("loopscope export")} + args);
  const QString format = parser.value(QStringLiteral("format"));
  static const QStringList kFormats{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("gif"),
                                    QStringLiteral("storyboard"), QStringLiteral("jsonl"), QStringLiteral("chrome")};
  if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("output")) ||
      !kFormats.contains(format)) {
    std::fputs("loopscope export: expected SCENARIO|FILE.py --format png|svg|gif|storyboard|jsonl|chrome -o OUT "
               "[--from N] [--to M] [--size WxH]\n",
               stderr);
    return 2;
  }
  const QString defaultSize = format == QLatin1String("gif")          ? QStringLiteral("960x540")
                              : format == QLatin1String("storyboard") ? QStringLiteral("1280x720")
                                                                      : QStringLiteral("1920x1080");
  const QString sizeText = parser.isSet(QStringLiteral("size")) ? parser.value(QStringLiteral("size")) : defaultSize;
  QSize size;
  if (!readSize(sizeText, "loopscope export", size)) return 2;
  const QString program = parser.positionalArguments().first();
  if (!canOpen(program, "loopscope export")) return 2;

  ThreadRunner runner;
  ui::MainWindow window(&runner);
  QCoro::waitFor(openProgram(window, program));
  const auto trace = window.controller()->trace();
  if (!trace) {
    std::fprintf(stderr, "loopscope export: %s did not run\n", qPrintable(program));
    return 2;
  }
  const std::size_t end = trace->size();
  std::size_t from = 0, to = end;
  if (!readPosition(parser, QStringLiteral("from"), end, 0, from) ||
      !readPosition(parser, QStringLiteral("to"), end, end, to) ||
      !readPosition(parser, QStringLiteral("at"), end, to, to)) {
    std::fputs("loopscope export: --from, --to and --at take an event position (a number)\n", stderr);
    return 2;
  }
  bool okStep = true, okDelay = true, okMax = true;
  const int delay = parser.value(QStringLiteral("delay")).toInt(&okDelay);
  const int maxSteps = parser.value(QStringLiteral("max-steps")).toInt(&okMax);
  const std::size_t span = to > from ? to - from : 0;
  const qulonglong step = parser.isSet(QStringLiteral("step")) ? parser.value(QStringLiteral("step")).toULongLong(&okStep)
                                                               : std::max<qulonglong>(1, span / 60);
  if (!okStep || !okDelay || !okMax || step == 0 || delay < 0 || maxSteps < 1) {
    std::fputs("loopscope export: --step, --delay and --max-steps take positive numbers\n", stderr);
    return 2;
  }

  const QString out = parser.value(QStringLiteral("output"));
  QString error;
  bool ok = false;
  if (format == QLatin1String("png")) {
    ok = ui::exportViewPng(window, to, size, out, &error);
  } else if (format == QLatin1String("svg")) {
    ok = ui::exportViewSvg(window, to, size, out, &error);
  } else if (format == QLatin1String("gif")) {
    ui::GifOptions options;
    options.from = from;
    options.to = to;
    options.step = static_cast<std::size_t>(step);
    options.size = size;
    options.delayMs = delay;
    ok = ui::exportGif(window, options, out, &error);
  } else if (format == QLatin1String("storyboard")) {
    const auto steps = ui::defaultStoryboardSteps(*trace, static_cast<std::size_t>(maxSteps), from, to);
    ok = ui::writeStoryboard(window, steps, size, out, ui::storyboardTitle(window), &error);
  } else if (format == QLatin1String("jsonl")) {
    ok = ui::exportTraceJsonLines(*trace, out, &error);
  } else {
    ok = ui::exportTraceChrome(*trace, out, &error);
  }
  if (!ok) {
    std::fprintf(stderr, "loopscope export: %s\n", qPrintable(error));
    return 2;
  }
  return 0;
}

}  // namespace app
