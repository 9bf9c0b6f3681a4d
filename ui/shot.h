// shot.h: render exactly what the window shows at a trace position.
//
// Used by the app's headless `shot` command and by tests to look at the UI
// (QT_QPA_PLATFORM=offscreen works): resizes the window, seeks, finishes any
// glide and renders the window into an image of exactly `size`.
#pragma once

#include <QImage>
#include <QSize>

#include <cstddef>

namespace ui {

class MainWindow;

QImage renderShot(MainWindow& window, std::size_t index, QSize size);

}  // namespace ui
