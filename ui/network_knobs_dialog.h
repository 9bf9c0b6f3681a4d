// network_knobs_dialog.h: Learn ▸ Network…: a table of the URLs a program
// fetches, with latency, status and "fail" editable.
//
// Apply emits the settings; the Learn menu re-runs the program with them
// (withNetworkSettings) and never touches the code pane. The dialog is
// non-modal so a student can tweak, apply and watch in turn.
#pragma once

#include <QDialog>
#include <QList>

#include "ui/network_knobs.h"

class QTableWidget;

namespace ui {

class NetworkKnobsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit NetworkKnobsDialog(QWidget* parent = nullptr);

  // The rows to edit and the program they belong to (for "Reset").
  void setSettings(const QList<UrlSetting>& settings, const QString& source);
  QList<UrlSetting> settings() const;
  QTableWidget* table() const { return table_; }
  // Edits one row (tests, and the spin boxes route here).
  void setLatency(int row, double seconds);
  void setStatus(int row, int status);
  void setFail(int row, bool fail);

 signals:
  void applyRequested(const QList<ui::UrlSetting>& settings);

 public slots:
  void apply();
  void reset();

 private:
  QTableWidget* table_;
  QList<UrlSetting> declared_;
};

}  // namespace ui
