// network_knobs_dialog.cpp: the URL table and its editors.
#include "ui/network_knobs_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {
enum Column { kUrl, kLatency, kStatus, kFail, kColumns };
}

NetworkKnobsDialog::NetworkKnobsDialog(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("networkDialog"));
  setWindowTitle(tr("Simulated network"));
  setModal(false);
  auto* layout = new QVBoxLayout(this);
  auto* intro =
      new QLabel(tr("Every URL the program fetches, with the latency and status the simulated network "
                    "answers with. Apply re-runs the program with these settings; your code stays as "
                    "you wrote it."),
                 this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  table_ = new QTableWidget(0, kColumns, this);
  table_->setObjectName(QStringLiteral("networkTable"));
  table_->setHorizontalHeaderLabels({tr("URL"), tr("Latency (s)"), tr("Status"), tr("Fail")});
  table_->horizontalHeader()->setSectionResizeMode(kUrl, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  layout->addWidget(table_);
  auto* buttons =
      new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Reset | QDialogButtonBox::Close, this);
  connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &NetworkKnobsDialog::apply);
  connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, &NetworkKnobsDialog::reset);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  layout->addWidget(buttons);
  resize(720, 320);
}

void NetworkKnobsDialog::setSettings(const QList<UrlSetting>& settings, const QString& source) {
  declared_.clear();
  for (const auto& s : settings) declared_ << declaredSetting(source, s.url);
  table_->setRowCount(static_cast<int>(settings.size()));
  for (int row = 0; row < settings.size(); ++row) {
    const UrlSetting& s = settings[row];
    auto* url = new QTableWidgetItem(s.url);
    url->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    table_->setItem(row, kUrl, url);
    auto* latency = new QDoubleSpinBox(table_);
    latency->setRange(0.0, 3600.0);
    latency->setDecimals(3);
    latency->setSingleStep(0.5);
    latency->setSuffix(tr(" s"));
    latency->setValue(s.latency);
    table_->setCellWidget(row, kLatency, latency);
    auto* status = new QSpinBox(table_);
    status->setRange(100, 599);
    status->setValue(s.status);
    table_->setCellWidget(row, kStatus, status);
    auto* fail = new QCheckBox(tr("503"), table_);
    fail->setToolTip(tr("The server is unavailable: answer 503, so raise_for_status() raises."));
    fail->setChecked(s.fail);
    connect(fail, &QCheckBox::toggled, status, [status](bool on) { status->setEnabled(!on); });
    status->setEnabled(!s.fail);
    table_->setCellWidget(row, kFail, fail);
  }
  if (settings.isEmpty()) {
    table_->setRowCount(1);
    auto* none = new QTableWidgetItem(tr("This program fetches no URL (it has no aiohttp request)."));
    none->setFlags(Qt::ItemIsEnabled);
    table_->setItem(0, kUrl, none);
  }
}

QList<UrlSetting> NetworkKnobsDialog::settings() const {
  QList<UrlSetting> out;
  for (int row = 0; row < declared_.size(); ++row) {
    UrlSetting s;
    s.url = table_->item(row, kUrl)->text();
    s.latency = static_cast<QDoubleSpinBox*>(table_->cellWidget(row, kLatency))->value();
    s.status = static_cast<QSpinBox*>(table_->cellWidget(row, kStatus))->value();
    s.fail = static_cast<QCheckBox*>(table_->cellWidget(row, kFail))->isChecked();
    out << s;
  }
  return out;
}

void NetworkKnobsDialog::setLatency(int row, double seconds) {
  if (auto* w = qobject_cast<QDoubleSpinBox*>(table_->cellWidget(row, kLatency))) w->setValue(seconds);
}

void NetworkKnobsDialog::setStatus(int row, int status) {
  if (auto* w = qobject_cast<QSpinBox*>(table_->cellWidget(row, kStatus))) w->setValue(status);
}

void NetworkKnobsDialog::setFail(int row, bool fail) {
  if (auto* w = qobject_cast<QCheckBox*>(table_->cellWidget(row, kFail))) w->setChecked(fail);
}

void NetworkKnobsDialog::apply() { emit applyRequested(settings()); }

void NetworkKnobsDialog::reset() {
  for (int row = 0; row < declared_.size(); ++row) {
    setLatency(row, declared_[row].latency);
    setStatus(row, declared_[row].status);
    setFail(row, false);
  }
}

}  // namespace ui
