// export_menu.h: File ▸ Export, the submenu that hands a run to the outside.
//
// Each entry asks for a destination (QFileDialog, and a dialog of choices
// for storyboards and GIFs) and calls the testable export function; the
// result, or why it failed, goes to the status bar. Kept out of
// main_window_menus.cpp so the window's menus stay short.
#pragma once

class QMenu;

namespace ui {

class MainWindow;

// Appends the Export submenu to `file`; its entries are enabled while the
// window has a trace.
QMenu* addExportMenu(MainWindow* window, QMenu* file);

}  // namespace ui
