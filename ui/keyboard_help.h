// keyboard_help.h: the F1 dialog listing every keyboard shortcut.
//
// The rows are read from the window's actual QActions (their menus and
// shortcuts) each time, so the list can never drift from what the keys do.
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QAction;
class QTableWidget;

namespace ui {

struct ShortcutRow {
  QString group;    // the menu the command is in ("Window" when none)
  QString command;  // its text without mnemonics or ellipsis
  QString keys;     // every shortcut, in the platform's notation
  const QAction* action = nullptr;
};

// Every action under `window` that has a shortcut, in menu-bar order, each once.
QList<ShortcutRow> shortcutRows(const QWidget* window);

class KeyboardHelpDialog : public QDialog {
  Q_OBJECT
 public:
  explicit KeyboardHelpDialog(QWidget* window, QWidget* parent = nullptr);
  const QList<ShortcutRow>& rows() const { return rows_; }
  QTableWidget* table() const { return table_; }

 private:
  QList<ShortcutRow> rows_;
  QTableWidget* table_;
};

}  // namespace ui
