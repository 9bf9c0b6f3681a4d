// task_palette.cpp: the Okabe–Ito colours, in an order that puts the most
// distinct hues on the first tasks of a lesson.
#include "ui/task_palette.h"

#include <array>

namespace ui {

namespace {
constexpr std::array<QRgb, kPaletteSize> kOkabeIto = {
    qRgb(0, 114, 178),   // blue
    qRgb(230, 159, 0),   // orange
    qRgb(0, 158, 115),   // bluish green
    qRgb(204, 121, 167), // reddish purple
    qRgb(86, 180, 233),  // sky blue
    qRgb(213, 94, 0),    // vermillion
    qRgb(240, 228, 66),  // yellow
};
}  // namespace

QColor paletteColor(int index) {
  const int i = ((index % kPaletteSize) + kPaletteSize) % kPaletteSize;
  return QColor(kOkabeIto[static_cast<std::size_t>(i)]);
}

int taskPaletteIndex(int taskOrdinal) {
  return ((taskOrdinal % kPaletteSize) + kPaletteSize) % kPaletteSize;
}

QColor taskColor(int taskOrdinal) { return paletteColor(taskPaletteIndex(taskOrdinal)); }

}  // namespace ui
