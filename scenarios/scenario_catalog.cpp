// scenario_catalog.cpp: lists :/scenarios/*.py and reads each one's notes.
#include "scenarios/scenario_catalog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace scenarios {
namespace {

QString readText(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(f.readAll());
}

int levelRank(const QString& level) {
  static const QStringList order{"The tutorials", "Core ideas", "Pitfalls"};
  const int i = order.indexOf(level);
  return i < 0 ? order.size() : i;
}

Scenario load(const QString& id) {
  Scenario s;
  s.id = id;
  s.source = readText(QStringLiteral(":/scenarios/%1.py").arg(id));
  const auto notes = QJsonDocument::fromJson(readText(QStringLiteral(":/scenarios/%1.json").arg(id)).toUtf8()).object();
  s.title = notes.value("title").toString(id);
  s.level = notes.value("level").toString(QStringLiteral("Core ideas"));
  s.idea = notes.value("concept").toString();
  s.watch = notes.value("watch").toString();
  for (const auto& q : notes.value("questions").toArray()) s.questions << q.toString();
  return s;
}

}  // namespace

QList<Scenario> all() {
  QList<Scenario> out;
  const auto files = QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
  for (const auto& f : files) out << load(f.chopped(3));
  std::stable_sort(out.begin(), out.end(), [](const Scenario& a, const Scenario& b) {
    return levelRank(a.level) < levelRank(b.level);
  });
  return out;
}

Scenario find(const QString& id) {
  if (!QFile::exists(QStringLiteral(":/scenarios/%1.py").arg(id))) return {};
  return load(id);
}

QString defaultId() { return QStringLiteral("foo_bar"); }

}  // namespace scenarios
