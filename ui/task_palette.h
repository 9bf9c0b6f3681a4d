// task_palette.h: one colour per task, shared by every view.
//
// The Okabe–Ito palette stays distinguishable for colour-blind viewers; the
// views never rely on colour alone (shape and label carry state too), but the
// same task must have the same colour in the code margin, loop view and
// timeline, so the mapping lives in one place.
#pragma once

#include <QColor>

#include "core/trace/event.h"

namespace ui {

inline constexpr int kPaletteSize = 7;

// The i-th Okabe–Ito colour (black excluded: it is the text colour).
QColor paletteColor(int index);

// A task's colour: tasks are numbered by creation order, so Task-1 (main) is
// always the first colour.
QColor taskColor(int taskOrdinal);

// Palette index used for a task ordinal (for code-margin marker numbers).
int taskPaletteIndex(int taskOrdinal);

}  // namespace ui
