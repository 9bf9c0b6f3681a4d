// export_view.h: File ▸ Export ▸ View as PNG / SVG, and Animated GIF.
//
// "The view" is the whole window at a trace position, as `loopscope shot`
// renders it. A hidden window (the headless `export` command, tests) is laid
// out at the requested size exactly like a shot; a window on the user's
// screen keeps its size and dock layout (an export must not rearrange the
// workspace) and the picture is scaled to the requested size. Exports that
// visit several positions put the cursor back where it was.
#pragma once

#include <QImage>
#include <QSize>
#include <QString>

#include <cstddef>
#include <vector>

namespace ui {

class MainWindow;

// The window at `index`, exactly `size` pixels.
QImage renderView(MainWindow& window, std::size_t index, QSize size);

bool exportViewPng(MainWindow& window, std::size_t index, QSize size, const QString& path,
                   QString* error = nullptr);
// Vector output: the same widgets painted through QSvgGenerator (text stays
// text), with width, height and viewBox = `size`.
bool exportViewSvg(MainWindow& window, std::size_t index, QSize size, const QString& path,
                   QString* error = nullptr);

struct GifOptions {
  std::size_t from = 0;
  std::size_t to = 0;    // inclusive; clamped to the trace's size
  std::size_t step = 1;  // events between frames
  QSize size{960, 540};
  int delayMs = 500;     // per frame
};

// The trace positions a GIF shows: from, from+step, ... up to `to`, and `to`
// itself last so the animation always ends where the user asked.
std::vector<std::size_t> gifFramePositions(std::size_t from, std::size_t to, std::size_t step);

bool exportGif(MainWindow& window, const GifOptions& options, const QString& path, QString* error = nullptr);

}  // namespace ui
