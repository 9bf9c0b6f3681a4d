// task_palette.cpp: task colours come from the theme, which holds the
// Okabe–Ito colours in an order that puts the most distinct hues on the
// first tasks of a lesson and adapts them to light or dark backgrounds.
#include "ui/task_palette.h"

#include "ui/theme.h"

namespace ui {

QColor paletteColor(int index) { return Theme::instance()->paletteColor(index); }

int taskPaletteIndex(int taskOrdinal) {
  return ((taskOrdinal % kPaletteSize) + kPaletteSize) % kPaletteSize;
}

QColor taskColor(int taskOrdinal) { return paletteColor(taskPaletteIndex(taskOrdinal)); }

}  // namespace ui
