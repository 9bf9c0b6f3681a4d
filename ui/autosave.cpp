// autosave.cpp: debounced QSaveFile writes of the edited code and its sidecar.
#include "ui/autosave.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace ui {

namespace {
bool writeAtomically(const QString& path, const QByteArray& bytes) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return false;
  f.write(bytes);
  return f.commit();
}
}  // namespace

Autosave::Autosave(std::function<Entry()> snapshot, QObject* parent)
    : QObject(parent), snapshot_(std::move(snapshot)) {
  timer_.setSingleShot(true);
  timer_.setInterval(kDebounceMs);
  connect(&timer_, &QTimer::timeout, this, [this] {
    if (enabled_ && write(snapshot_())) emit written();
  });
}

QString Autosave::directory() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

QString Autosave::codePath() { return directory() + QStringLiteral("/current.py"); }

QString Autosave::sidecarPath() { return directory() + QStringLiteral("/current.json"); }

void Autosave::setEnabled(bool on) {
  enabled_ = on;
  if (!on) timer_.stop();
}

void Autosave::schedule() {
  if (enabled_) timer_.start();
}

bool Autosave::write(const Entry& entry) const {
  if (!QDir().mkpath(directory())) return false;
  QJsonObject meta{{QStringLiteral("file"), entry.filePath},
                   {QStringLiteral("scenario"), entry.scenario},
                   {QStringLiteral("name"), entry.name},
                   {QStringLiteral("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
  // The code first: a sidecar without its code is ignored by read().
  return writeAtomically(codePath(), entry.text.toUtf8()) &&
         writeAtomically(sidecarPath(), QJsonDocument(meta).toJson());
}

std::optional<Autosave::Entry> Autosave::read() {
  QFile code(codePath());
  if (!code.open(QIODevice::ReadOnly)) return std::nullopt;
  Entry e;
  e.text = QString::fromUtf8(code.readAll());
  QFile side(sidecarPath());
  if (side.open(QIODevice::ReadOnly)) {
    const QJsonObject meta = QJsonDocument::fromJson(side.readAll()).object();
    e.filePath = meta.value(QStringLiteral("file")).toString();
    e.scenario = meta.value(QStringLiteral("scenario")).toString();
    e.name = meta.value(QStringLiteral("name")).toString();
  }
  if (e.name.isEmpty()) e.name = QStringLiteral("program.py");
  return e;
}

void Autosave::clear() {
  timer_.stop();
  QFile::remove(codePath());
  QFile::remove(sidecarPath());
}

}  // namespace ui
