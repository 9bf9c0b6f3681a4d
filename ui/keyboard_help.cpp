// keyboard_help.cpp: collecting shortcuts from QActions and showing them.
#include "ui/keyboard_help.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {
QString plainText(const QAction* a) {
  QString t = a->text();
  t.remove(QLatin1Char('&'));
  if (t.endsWith(QStringLiteral("…"))) t.chop(1);
  if (t.endsWith(QStringLiteral("..."))) t.chop(3);
  return t.trimmed();
}

QString keysOf(const QAction* a) {
  QStringList keys;
  for (const QKeySequence& k : a->shortcuts())
    if (!k.isEmpty()) keys << k.toString(QKeySequence::NativeText);
  return keys.join(QStringLiteral(", "));
}

void collectMenu(const QMenu* menu, const QString& group, QList<ShortcutRow>& rows, QSet<const QAction*>& seen) {
  for (const QAction* a : menu->actions()) {
    if (a->menu()) {
      collectMenu(a->menu(), group, rows, seen);
      continue;
    }
    if (a->isSeparator() || seen.contains(a) || keysOf(a).isEmpty()) continue;
    seen.insert(a);
    rows.append({group, plainText(a), keysOf(a), a});
  }
}
}  // namespace

QList<ShortcutRow> shortcutRows(const QWidget* window) {
  QList<ShortcutRow> rows;
  QSet<const QAction*> seen;
  // Menus first, in their order: that is how users look for a command.
  if (const auto* mw = qobject_cast<const QMainWindow*>(window)) {
    if (const QMenuBar* bar = mw->menuWidget() ? qobject_cast<const QMenuBar*>(mw->menuWidget()) : nullptr) {
      for (const QAction* top : bar->actions())
        if (top->menu()) collectMenu(top->menu(), plainText(top), rows, seen);
    }
  }
  // Then any shortcut that lives outside the menus.
  for (const QAction* a : window->findChildren<QAction*>()) {
    if (seen.contains(a) || a->menu() || keysOf(a).isEmpty()) continue;
    seen.insert(a);
    rows.append({QObject::tr("Window"), plainText(a), keysOf(a), a});
  }
  return rows;
}

KeyboardHelpDialog::KeyboardHelpDialog(QWidget* window, QWidget* parent)
    : QDialog(parent ? parent : window), rows_(shortcutRows(window)), table_(new QTableWidget(this)) {
  setObjectName(QStringLiteral("keyboardHelp"));
  setWindowTitle(tr("Keyboard shortcuts"));
  table_->setColumnCount(3);
  table_->setHorizontalHeaderLabels({tr("Menu"), tr("Command"), tr("Keys")});
  table_->setRowCount(static_cast<int>(rows_.size()));
  for (int i = 0; i < rows_.size(); ++i) {
    table_->setItem(i, 0, new QTableWidgetItem(rows_[i].group));
    table_->setItem(i, 1, new QTableWidgetItem(rows_[i].command));
    table_->setItem(i, 2, new QTableWidgetItem(rows_[i].keys));
  }
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->resizeColumnsToContents();
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_);
  layout->addWidget(buttons);
  resize(520, 560);
}

}  // namespace ui
