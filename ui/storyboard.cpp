// storyboard.cpp: choosing steps, rendering them, writing index.html.
#include "ui/storyboard.h"

#include <QDir>
#include <QSaveFile>

#include <algorithm>

#include "scenarios/scenario_catalog.h"
#include "ui/export_view.h"
#include "ui/labels.h"
#include "ui/main_window.h"
#include "ui/narration.h"
#include "ui/playback_controller.h"

namespace ui {

std::vector<std::size_t> storyboardCandidates(const trace::Trace& trace, std::size_t from, std::size_t to) {
  std::vector<std::size_t> steps;
  to = std::min(to, trace.size());
  for (std::size_t i = from == 0 ? 0 : from - 1; i < to; ++i) {
    const auto kind = trace[i].kind;
    if (kind == trace::EventKind::ClockAdvanced || kind == trace::EventKind::Output) steps.push_back(i + 1);
  }
  return steps;
}

std::vector<std::size_t> defaultStoryboardSteps(const trace::Trace& trace, std::size_t cap, std::size_t from,
                                                std::size_t to) {
  const std::vector<std::size_t> all = storyboardCandidates(trace, from, to);
  if (all.size() <= cap || cap == 0) return cap == 0 ? std::vector<std::size_t>{} : all;
  if (cap == 1) return {all.front()};
  std::vector<std::size_t> picked;
  for (std::size_t k = 0; k < cap; ++k) picked.push_back(all[k * (all.size() - 1) / (cap - 1)]);
  return picked;
}

QString storyboardCaption(const trace::Trace& trace, std::size_t index) {
  index = std::min(index, trace.size());
  return narrate(trace, index, trace.stateAt(index));
}

QString storyboardHtml(const QString& title, const trace::Trace& trace, const std::vector<std::size_t>& steps,
                       const QStringList& images) {
  QString html;
  html += QStringLiteral(
              "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n"
              "<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
              "figure{margin:0 0 2.5em 0}img{width:100%;border:1px solid #ccc}"
              "figcaption{margin-top:.5em;font-size:1.05em}.pos{color:#666;font-size:.9em}</style>\n"
              "</head>\n<body>\n<h1>%1</h1>\n")
              .arg(title.toHtmlEscaped());
  for (std::size_t k = 0; k < steps.size() && k < static_cast<std::size_t>(images.size()); ++k) {
    const std::size_t at = std::min(steps[k], trace.size());
    const trace::State state = trace.stateAt(at);
    html += QStringLiteral(
                "<figure id=\"step-%1\">\n<img src=\"%2\" alt=\"Step %1\">\n"
                "<figcaption><span class=\"pos\">%3 · t = %4 s · event %5 of %6</span><br>%7</figcaption>\n"
                "</figure>\n")
                .arg(k + 1)
                .arg(images[static_cast<qsizetype>(k)].toHtmlEscaped())
                .arg(QStringLiteral("Step %1").arg(k + 1), formatTime(state.clock).toHtmlEscaped())
                .arg(at)
                .arg(trace.size())
                .arg(narrate(trace, at, state).toHtmlEscaped());
  }
  html += QStringLiteral("</body>\n</html>\n");
  return html;
}

bool writeStoryboard(MainWindow& window, const std::vector<std::size_t>& steps, QSize size,
                     const QString& directory, const QString& title, QString* error) {
  const auto trace = window.controller()->trace();
  if (!trace) {
    if (error) *error = QStringLiteral("nothing to export: no trace");
    return false;
  }
  if (!QDir().mkpath(directory)) {
    if (error) *error = QStringLiteral("cannot create %1").arg(directory);
    return false;
  }
  const QDir dir(directory);
  // Two digits sort right in any file manager for up to 99 steps; more get more.
  const int digits = std::max<int>(2, QString::number(steps.size()).size());
  QStringList images;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const QString name = QStringLiteral("%1.png").arg(k + 1, digits, 10, QLatin1Char('0'));
    if (!exportViewPng(window, std::min(steps[k], trace->size()), size, dir.filePath(name), error)) return false;
    images << name;
  }
  QSaveFile page(dir.filePath(QStringLiteral("index.html")));
  if (!page.open(QIODevice::WriteOnly) || page.write(storyboardHtml(title, *trace, steps, images).toUtf8()) < 0 ||
      !page.commit()) {
    if (error) *error = QStringLiteral("cannot write %1: %2").arg(page.fileName(), page.errorString());
    return false;
  }
  return true;
}

QString storyboardTitle(const MainWindow& window) {
  const auto lesson = scenarios::find(window.currentScenario());
  if (!lesson.id.isEmpty() && !lesson.title.isEmpty()) return lesson.title;
  const auto trace = window.controller()->trace();
  if (trace && !trace->fileName().empty()) return QString::fromStdString(trace->fileName());
  return QStringLiteral("Loopscope storyboard");
}

}  // namespace ui
