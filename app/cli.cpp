// cli.cpp: dispatches the command word and implements the headless
// commands that need no window: run, trace and list.
#include "app/cli.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/budget_options.h"
#include "core/py/program.h"
#include "core/trace/export_chrome.h"
#include "core/trace/export_jsonl.h"
#include "scenarios/scenario_catalog.h"

namespace app {
namespace {

void writeStream(trace::Stream stream, std::string_view text) {
  std::FILE* f = stream == trace::Stream::Stdout ? stdout : stderr;
  std::fwrite(text.data(), 1, text.size(), f);
  if (stream != trace::Stream::Stdout) std::fflush(f);
}

void printUsage() {
  std::fputs(
      "Usage: loopscope [FILE.py|SCENARIO]          open the window\n"
      "       loopscope run FILE.py [budgets]       run headless, print what CPython prints\n"
      "       loopscope trace FILE.py --format jsonl|chrome -o OUT\n"
      "       loopscope shot SCENARIO|FILE.py [--at N] [--size WxH] [--presenter] [--internals] -o OUT.png\n"
      "       loopscope export SCENARIO|FILE.py --format png|svg|gif|storyboard [--from N --to M --size WxH] -o OUT\n"
      "       loopscope bench render [--quick]      frame times, seek time, startup time\n"
      "       loopscope list                        list the scenarios\n"
      "Run `loopscope COMMAND --help` for a command's options.\n",
      stdout);
}

}  // namespace

ProgramSource loadProgram(const QString& nameOrPath) {
  ProgramSource p;
  QFileInfo info(nameOrPath);
  if (info.exists() && info.isFile()) {
    QFile f(nameOrPath);
    if (!f.open(QIODevice::ReadOnly)) {
      p.error = QStringLiteral("cannot read %1: %2").arg(nameOrPath, f.errorString());
      return p;
    }
    p.source = QString::fromUtf8(f.readAll());
    p.fileName = nameOrPath;
    return p;
  }
  const auto scenario = scenarios::find(nameOrPath);
  if (!scenario.id.isEmpty()) {
    p.source = scenario.source;
    p.fileName = scenario.id + QStringLiteral(".py");
    return p;
  }
  p.error = QStringLiteral("no such file or scenario: %1").arg(nameOrPath);
  return p;
}

namespace {

// Reads a file as raw bytes so that invalid UTF-8 reaches the front end intact.
bool readBytes(const QString& path, std::string& out, QString& error) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
    return false;
  }
  const QByteArray bytes = f.readAll();
  out.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
  return true;
}

bool programBytes(const QString& nameOrPath, std::string& source, std::string& fileName, QString& error) {
  if (QFileInfo(nameOrPath).isFile()) {
    fileName = nameOrPath.toStdString();
    return readBytes(nameOrPath, source, error);
  }
  const auto p = loadProgram(nameOrPath);
  if (!p.error.isEmpty()) {
    error = p.error;
    return false;
  }
  source = p.source.toStdString();
  fileName = p.fileName.toStdString();
  return true;
}

// The program named on the command line and the budget flags, shared by
// run and trace; on a problem, says so after `command` and returns false.
bool readProgramAndBudgets(const QCommandLineParser& parser, const char* command, std::string& source,
                           std::string& fileName, py::RunOptions& options) {
  QString error;
  if (!programBytes(parser.positionalArguments().first(), source, fileName, error) ||
      !readBudgetOptions(parser, options.budgets, error)) {
    std::fprintf(stderr, "%s: %s\n", command, qPrintable(error));
    return false;
  }
  return true;
}

}  // namespace

int runCommand(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Run a program in virtual time and print exactly its output."));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The program (FILE.py or a scenario id)."));
  addBudgetOptions(parser);
  parser.process(QStringList{QStringLiteral("loopscope run")} + args);
  if (parser.positionalArguments().size() != 1) {
    std::fputs("loopscope run: expected one FILE.py\n", stderr);
    return 2;
  }
  std::string source, fileName;
  py::RunOptions options;
  if (!readProgramAndBudgets(parser, "loopscope run", source, fileName, options)) return 2;
  options.tracing = false;
  options.lineTracing = false;
  options.onOutput = writeStream;
  const auto outcome = py::runProgram(source, fileName, options);
  std::fflush(stdout);
  return outcome.exitStatus;
}

int traceCommand(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Run a program and export its trace."));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The program (FILE.py or a scenario id)."));
  parser.addOption({QStringLiteral("format"), QStringLiteral("jsonl (JSON Lines) or chrome (Chrome Trace Event JSON for Perfetto)."),
                    QStringLiteral("format"), QStringLiteral("jsonl")});
  parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Where to write the trace."), QStringLiteral("file")});
  addBudgetOptions(parser);
  parser.process(QStringList{QStringLiteral("loopscope trace")} + args);
  const QString format = parser.value(QStringLiteral("format"));
  if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("output")) ||
      (format != QLatin1String("jsonl") && format != QLatin1String("chrome"))) {
    std::fputs("loopscope trace: expected FILE.py --format jsonl|chrome -o OUT\n", stderr);
    return 2;
  }
  std::string source, fileName;
  py::RunOptions options;
  if (!readProgramAndBudgets(parser, "loopscope trace", source, fileName, options)) return 2;
  // The program's own output is in the trace; stderr still shows problems.
  options.onOutput = [](trace::Stream s, std::string_view text) {
    if (s != trace::Stream::Stdout) writeStream(s, text);
  };
  const auto outcome = py::runProgram(source, fileName, options);
  if (!outcome.trace) return outcome.exitStatus == 0 ? 2 : outcome.exitStatus;
  std::ofstream out(parser.value(QStringLiteral("output")).toStdString(), std::ios::binary);
  if (!out) {
    std::fprintf(stderr, "loopscope trace: cannot write %s\n", qPrintable(parser.value(QStringLiteral("output"))));
    return 2;
  }
  if (format == QLatin1String("jsonl"))
    trace::writeJsonLines(*outcome.trace, out);
  else
    trace::writeChromeTrace(*outcome.trace, out);
  return outcome.exitStatus;
}

int listCommand(const QStringList&) {
  for (const auto& s : scenarios::all())
    std::printf("%-22s %-14s %s\n", qPrintable(s.id), qPrintable(s.level), qPrintable(s.title));
  return 0;
}

int main(int argc, char** argv) {
  QStringList args;
  for (int i = 1; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
  const QString command = args.isEmpty() ? QString() : args.first();
  QCoreApplication::setApplicationName(QStringLiteral("loopscope"));
  QCoreApplication::setOrganizationName(QStringLiteral("Loopscope"));
  QCoreApplication::setApplicationVersion(QStringLiteral(LOOPSCOPE_VERSION));

  if (command == QLatin1String("run") || command == QLatin1String("trace") || command == QLatin1String("list")) {
    QCoreApplication app(argc, argv);
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("run")) return runCommand(rest);
    if (command == QLatin1String("trace")) return traceCommand(rest);
    return listCommand(rest);
  }
  if (command == QLatin1String("help")) {
    printUsage();
    return 0;
  }
  if (command == QLatin1String("shot")) return shotCommand(args.mid(1));
  if (command == QLatin1String("export")) return exportCommand(args.mid(1));
  if (command == QLatin1String("bench")) return benchCommand(args.mid(1));
  return guiCommand(args);
}

}  // namespace app
