// export_dialogs.cpp: form layouts for the storyboard and GIF exports.
#include "ui/export_dialogs.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <set>

#include "ui/labels.h"
#include "ui/storyboard.h"

namespace ui {

namespace {
QSpinBox* spin(int min, int max, int value, QWidget* parent, const QString& suffix = {}) {
  auto* s = new QSpinBox(parent);
  s->setRange(min, max);
  s->setValue(std::clamp(value, min, max));
  s->setSuffix(suffix);
  return s;
}
int clampInt(std::size_t v) { return static_cast<int>(std::min<std::size_t>(v, INT_MAX)); }

QDialogButtonBox* okCancel(QDialog* d, const QString& okText) {
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, d);
  buttons->button(QDialogButtonBox::Ok)->setText(okText);
  QObject::connect(buttons, &QDialogButtonBox::accepted, d, &QDialog::accept);
  QObject::connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::reject);
  return buttons;
}
}  // namespace

StoryboardDialog::StoryboardDialog(const trace::Trace& trace, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Export storyboard"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("Steps to include (each becomes a picture with its narration):"), this));
  list_ = new QListWidget(this);
  list_->setObjectName(QStringLiteral("storyboardSteps"));
  const auto candidates = storyboardCandidates(trace);
  const auto defaults = defaultStoryboardSteps(trace);
  const std::set<std::size_t> ticked(defaults.begin(), defaults.end());
  for (std::size_t at : candidates) {
    const trace::State s = trace.stateAt(at);
    auto* item = new QListWidgetItem(
        tr("#%1  t = %2 s  %3").arg(at).arg(formatTime(s.clock), storyboardCaption(trace, at).simplified()), list_);
    item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(at));
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(ticked.count(at) ? Qt::Checked : Qt::Unchecked);
  }
  layout->addWidget(list_, 1);
  auto* all = new QHBoxLayout;
  auto* check = new QPushButton(tr("Select all"), this);
  auto* none = new QPushButton(tr("Select none"), this);
  connect(check, &QPushButton::clicked, this, [this] {
    for (int i = 0; i < list_->count(); ++i) list_->item(i)->setCheckState(Qt::Checked);
  });
  connect(none, &QPushButton::clicked, this, [this] {
    for (int i = 0; i < list_->count(); ++i) list_->item(i)->setCheckState(Qt::Unchecked);
  });
  all->addWidget(check);
  all->addWidget(none);
  all->addStretch();
  layout->addLayout(all);
  auto* form = new QFormLayout;
  width_ = spin(200, 8192, 1280, this, tr(" px"));
  height_ = spin(150, 8192, 720, this, tr(" px"));
  form->addRow(tr("Image width"), width_);
  form->addRow(tr("Image height"), height_);
  layout->addLayout(form);
  layout->addWidget(okCancel(this, tr("Export")));
  resize(720, 520);
}

std::vector<std::size_t> StoryboardDialog::selectedSteps() const {
  std::vector<std::size_t> steps;
  for (int i = 0; i < list_->count(); ++i)
    if (list_->item(i)->checkState() == Qt::Checked)
      steps.push_back(static_cast<std::size_t>(list_->item(i)->data(Qt::UserRole).toULongLong()));
  return steps;
}

QSize StoryboardDialog::imageSize() const { return {width_->value(), height_->value()}; }

GifDialog::GifDialog(std::size_t traceSize, std::size_t cursor, QSize windowSize, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Export animated GIF"));
  auto* form = new QFormLayout(this);
  const int last = clampInt(traceSize);
  from_ = spin(0, last, 0, this);
  to_ = spin(0, last, cursor > 0 ? clampInt(cursor) : last, this);
  // About 60 frames by default: a short, shareable animation.
  step_ = spin(1, std::max(1, last), std::max(1, last / 60), this, tr(" events"));
  width_ = spin(200, 4096, std::min(windowSize.width(), 1280), this, tr(" px"));
  height_ = spin(150, 4096, std::min(windowSize.height(), 720), this, tr(" px"));
  delay_ = spin(10, 10000, 400, this, tr(" ms"));
  form->addRow(tr("From position"), from_);
  form->addRow(tr("To position"), to_);
  form->addRow(tr("One frame every"), step_);
  form->addRow(tr("Width"), width_);
  form->addRow(tr("Height"), height_);
  form->addRow(tr("Delay per frame"), delay_);
  form->addRow(okCancel(this, tr("Export")));
}

GifOptions GifDialog::options() const {
  GifOptions o;
  o.from = static_cast<std::size_t>(std::min(from_->value(), to_->value()));
  o.to = static_cast<std::size_t>(std::max(from_->value(), to_->value()));
  o.step = static_cast<std::size_t>(step_->value());
  o.size = QSize(width_->value(), height_->value());
  o.delayMs = delay_->value();
  return o;
}

}  // namespace ui
