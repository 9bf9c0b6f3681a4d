// export_menu.cpp: the Export submenu's actions and their file dialogs.
#include "ui/export_menu.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QStatusBar>

#include "ui/export_dialogs.h"
#include "ui/export_trace.h"
#include "ui/export_view.h"
#include "ui/main_window.h"
#include "ui/playback_controller.h"
#include "ui/storyboard.h"

namespace ui {

namespace {

// The suggested file name: the program's base name plus `suffix`.
QString suggestion(const MainWindow* w, const QString& suffix) {
  QString base = w->currentScenario();
  if (base.isEmpty() && w->controller()->trace())
    base = QFileInfo(QString::fromStdString(w->controller()->trace()->fileName())).completeBaseName();
  if (base.isEmpty()) base = QStringLiteral("loopscope");
  return base + suffix;
}

void report(MainWindow* w, bool ok, const QString& path, const QString& error) {
  w->statusBar()->showMessage(ok ? QObject::tr("Exported %1.").arg(path) : QObject::tr("Export failed: %1").arg(error),
                              ok ? 5000 : 10000);
}

// Runs a slow export with a busy cursor.
template <typename F>
bool busy(F&& f) {
  QApplication::setOverrideCursor(Qt::WaitCursor);
  const bool ok = f();
  QApplication::restoreOverrideCursor();
  return ok;
}

}  // namespace

QMenu* addExportMenu(MainWindow* w, QMenu* file) {
  QMenu* menu = file->addMenu(QObject::tr("&Export"));
  menu->setObjectName(QStringLiteral("exportMenu"));
  auto add = [w, menu](const QString& text, const QString& name, auto slot) {
    QAction* a = menu->addAction(text, w, slot);
    a->setObjectName(name);
    return a;
  };

  add(QObject::tr("Trace as &JSON Lines…"), QStringLiteral("exportJsonl"), [w] {
    const QString path = QFileDialog::getSaveFileName(w, QObject::tr("Export trace as JSON Lines"),
                                                      suggestion(w, QStringLiteral(".jsonl")),
                                                      QObject::tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty()) return;
    QString error;
    report(w, exportTraceJsonLines(*w->controller()->trace(), path, &error), path, error);
  });
  add(QObject::tr("Trace as &Chrome/Perfetto JSON…"), QStringLiteral("exportChrome"), [w] {
    const QString path = QFileDialog::getSaveFileName(w, QObject::tr("Export trace for Perfetto"),
                                                      suggestion(w, QStringLiteral(".trace.json")),
                                                      QObject::tr("Chrome trace (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    QString error;
    report(w, exportTraceChrome(*w->controller()->trace(), path, &error), path, error);
  });
  menu->addSeparator();
  add(QObject::tr("View as &PNG…"), QStringLiteral("exportPng"), [w] {
    const QString path = QFileDialog::getSaveFileName(w, QObject::tr("Export view as PNG"),
                                                      suggestion(w, QStringLiteral(".png")),
                                                      QObject::tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    QString error;
    const bool ok = busy([&] { return exportViewPng(*w, w->cursor(), w->size(), path, &error); });
    report(w, ok, path, error);
  });
  add(QObject::tr("View as &SVG…"), QStringLiteral("exportSvg"), [w] {
    const QString path = QFileDialog::getSaveFileName(w, QObject::tr("Export view as SVG"),
                                                      suggestion(w, QStringLiteral(".svg")),
                                                      QObject::tr("SVG images (*.svg)"));
    if (path.isEmpty()) return;
    QString error;
    const bool ok = busy([&] { return exportViewSvg(*w, w->cursor(), w->size(), path, &error); });
    report(w, ok, path, error);
  });
  menu->addSeparator();
  add(QObject::tr("S&toryboard…"), QStringLiteral("exportStoryboard"), [w] {
    StoryboardDialog dialog(*w->controller()->trace(), w);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedSteps().empty()) return;
    const QString dir = QFileDialog::getExistingDirectory(w, QObject::tr("Folder for the storyboard"));
    if (dir.isEmpty()) return;
    QString error;
    const bool ok = busy([&] {
      return writeStoryboard(*w, dialog.selectedSteps(), dialog.imageSize(), dir, storyboardTitle(*w), &error);
    });
    report(w, ok, dir + QStringLiteral("/index.html"), error);
  });
  add(QObject::tr("Animated &GIF…"), QStringLiteral("exportGif"), [w] {
    GifDialog dialog(w->controller()->size(), w->cursor(), w->size(), w);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString path = QFileDialog::getSaveFileName(w, QObject::tr("Export animated GIF"),
                                                      suggestion(w, QStringLiteral(".gif")),
                                                      QObject::tr("GIF animations (*.gif)"));
    if (path.isEmpty()) return;
    QString error;
    const bool ok = busy([&] { return exportGif(*w, dialog.options(), path, &error); });
    report(w, ok, path, error);
  });

  // Nothing to export until a run has produced a trace.
  auto refresh = [w, menu] {
    for (QAction* a : menu->actions()) a->setEnabled(w->controller()->hasTrace());
  };
  refresh();
  QObject::connect(w->controller(), &PlaybackController::traceChanged, menu, refresh);
  QObject::connect(menu, &QMenu::aboutToShow, menu, refresh);
  return menu;
}

}  // namespace ui
