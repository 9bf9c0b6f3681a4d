// export_view.cpp: the window to PNG, SVG and animated GIF.
#include "ui/export_view.h"

#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>

#include "ui/gif_writer.h"
#include "ui/main_window.h"
#include "ui/playback_controller.h"
#include "ui/shot.h"

namespace ui {

namespace {

// True for a window the user is looking at (not the offscreen stand-in of a shot).
bool onScreen(const MainWindow& window) {
  return window.isVisible() && !window.testAttribute(Qt::WA_DontShowOnScreen);
}

// Moves to `index` and settles; lays a hidden window out at `size` first.
void prepare(MainWindow& window, std::size_t index, QSize size) {
  if (!onScreen(window)) {
    prepareShot(window, index, size);
    return;
  }
  window.seek(index);
  window.finishAnimations();
  QCoreApplication::sendPostedEvents();
}

// Puts the cursor back after an export that visited other positions.
class CursorKeeper {
 public:
  explicit CursorKeeper(MainWindow& window) : window_(window), cursor_(window.cursor()) {}
  ~CursorKeeper() {
    window_.seek(cursor_);
    window_.finishAnimations();
  }

 private:
  MainWindow& window_;
  std::size_t cursor_;
};

bool fail(QString* error, const QString& message) {
  if (error) *error = message;
  return false;
}

// QSvgGenerator states width and height in millimetres (from its dpi), which
// viewers turn back into pixels at their own dpi: a 1600 px export would
// open at another size. Restate them in pixels so the file is `size` everywhere.
bool pixelSized(const QString& path, QSize size, QString* error) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return fail(error, QStringLiteral("cannot read back %1").arg(path));
  QString text = QString::fromUtf8(f.readAll());
  f.close();
  const qsizetype header = text.indexOf(QStringLiteral("<svg"));
  const qsizetype headerEnd = header < 0 ? -1 : text.indexOf(QLatin1Char('>'), header);
  if (headerEnd < 0) return fail(error, QStringLiteral("%1 is not an SVG file").arg(path));
  QString svgTag = text.mid(header, headerEnd - header);
  static const QRegularExpression width(QStringLiteral("width=\"[^\"]*\"")), height(QStringLiteral("height=\"[^\"]*\""));
  svgTag.replace(width, QStringLiteral("width=\"%1\"").arg(size.width()));
  svgTag.replace(height, QStringLiteral("height=\"%1\"").arg(size.height()));
  text.replace(header, headerEnd - header, svgTag);
  QSaveFile out(path);
  if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit())
    return fail(error, QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
  return true;
}

}  // namespace

QImage renderView(MainWindow& window, std::size_t index, QSize size) {
  if (!onScreen(window)) return renderShot(window, index, size);
  prepare(window, index, size);
  QImage image = window.grab().toImage();
  image.setDevicePixelRatio(1.0);
  if (image.size() != size) image = image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  return image.convertToFormat(QImage::Format_RGB32);
}

bool exportViewPng(MainWindow& window, std::size_t index, QSize size, const QString& path, QString* error) {
  CursorKeeper keep(window);
  const QImage image = renderView(window, index, size);
  if (image.isNull() || !image.save(path, "PNG")) return fail(error, QStringLiteral("cannot write %1").arg(path));
  return true;
}

bool exportViewSvg(MainWindow& window, std::size_t index, QSize size, const QString& path, QString* error) {
  CursorKeeper keep(window);
  prepare(window, index, size);
  QSvgGenerator svg;
  svg.setFileName(path);
  svg.setSize(size);
  svg.setViewBox(QRect(QPoint(0, 0), size));
  svg.setTitle(window.windowTitle());
  svg.setDescription(QStringLiteral("Loopscope at trace position %1").arg(index));
  QPainter painter;
  if (!painter.begin(&svg)) return fail(error, QStringLiteral("cannot write %1").arg(path));
  // The window may not take exactly `size` (minimum sizes): fit it to the canvas.
  const QSize actual = window.size();
  if (actual != size && !actual.isEmpty())
    painter.scale(double(size.width()) / actual.width(), double(size.height()) / actual.height());
  window.render(&painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
  if (!painter.end()) return fail(error, QStringLiteral("cannot write %1").arg(path));
  return pixelSized(path, size, error);
}

std::vector<std::size_t> gifFramePositions(std::size_t from, std::size_t to, std::size_t step) {
  std::vector<std::size_t> positions;
  if (from > to) return positions;
  step = std::max<std::size_t>(step, 1);
  for (std::size_t i = from; i <= to; i += step) {
    positions.push_back(i);
    if (to - i < step) break;  // also stops i + step from overflowing
  }
  if (positions.back() != to) positions.push_back(to);
  return positions;
}

bool exportGif(MainWindow& window, const GifOptions& options, const QString& path, QString* error) {
  const std::size_t size = window.controller()->size();
  const std::size_t to = std::min(options.to, size), from = std::min(options.from, to);
  if (options.size.isEmpty()) return fail(error, QStringLiteral("empty frame size"));
  CursorKeeper keep(window);
  GifWriter gif(options.size);
  for (std::size_t at : gifFramePositions(from, to, options.step))
    gif.addFrame(renderView(window, at, options.size), options.delayMs);
  QString why;
  if (!gif.save(path, &why)) return fail(error, QStringLiteral("cannot write %1: %2").arg(path, why));
  return true;
}

}  // namespace ui
