// shot.h: render exactly what the window shows at a trace position.
//
// Used by the app's headless `shot` and `export` commands and by tests to
// look at the UI (QT_QPA_PLATFORM=offscreen works): resizes the window,
// seeks, finishes any glide and renders the window into an image of exactly
// `size`. prepareShot() does everything but the rendering, for painters
// other than an image (SVG export).
#pragma once

#include <QImage>
#include <QSize>

#include <cstddef>

namespace ui {

class MainWindow;

void prepareShot(MainWindow& window, std::size_t index, QSize size);
QImage renderShot(MainWindow& window, std::size_t index, QSize size);

}  // namespace ui
