// storyboard.h: File ▸ Export ▸ Storyboard: a lesson as a page of pictures.
//
// A storyboard is the printed-handout form of a run: one PNG of the window
// per chosen step (NN.png) and an index.html that shows them in order, each
// captioned with that step's narration, titled with the lesson's title.
// By default the steps are the ones a reader cares about: every clock jump
// and every line of output, thinned evenly to at most kDefaultCap.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <vector>

#include "core/trace/trace.h"

namespace ui {

class MainWindow;

inline constexpr std::size_t kStoryboardDefaultCap = 40;

// Cursor positions just after each ClockAdvanced and Output event in
// [from, to] (cursor positions; to clamped to the trace's size).
std::vector<std::size_t> storyboardCandidates(const trace::Trace& trace, std::size_t from = 0,
                                              std::size_t to = static_cast<std::size_t>(-1));
// The candidates, thinned evenly (first and last kept) to at most `cap`.
std::vector<std::size_t> defaultStoryboardSteps(const trace::Trace& trace, std::size_t cap = kStoryboardDefaultCap,
                                                std::size_t from = 0, std::size_t to = static_cast<std::size_t>(-1));
// The narration shown at cursor `index` (plain text).
QString storyboardCaption(const trace::Trace& trace, std::size_t index);

// The page: title, then per step its image, its position and caption, all
// HTML-escaped. `images[i]` is the file name of step i's picture.
QString storyboardHtml(const QString& title, const trace::Trace& trace, const std::vector<std::size_t>& steps,
                       const QStringList& images);

// Renders each step at `size` into `directory` (created if missing) as
// 01.png, 02.png, ... and writes index.html. The cursor is restored.
bool writeStoryboard(MainWindow& window, const std::vector<std::size_t>& steps, QSize size,
                     const QString& directory, const QString& title, QString* error = nullptr);

// The title a storyboard gets: the lesson's title, else the program's file name.
QString storyboardTitle(const MainWindow& window);

}  // namespace ui
