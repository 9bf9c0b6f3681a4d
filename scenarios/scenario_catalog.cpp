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
  const auto notes =
      QJsonDocument::fromJson(readText(QStringLiteral(":/scenarios/%1.json").arg(id)).toUtf8()).object();
  s.title = notes.value("title").toString(id);
  s.level = notes.value("level").toString(QStringLiteral("Core ideas"));
  s.idea = notes.value("concept").toString();
  s.watch = notes.value("watch").toString();
  for (const auto& q : notes.value("questions").toArray()) s.questions << q.toString();
  for (const auto& v : notes.value("variants").toArray()) {
    Variant variant;
    variant.label = v.toObject().value("label").toString();
    for (const auto& r : v.toObject().value("replace").toArray())
      variant.replace.append({r.toArray().at(0).toString(), r.toArray().at(1).toString()});
    s.variants << variant;
  }
  for (const auto& m : notes.value("moments").toArray())
    s.moments << Moment{m.toObject().value("match").toString(), m.toObject().value("text").toString()};
  return s;
}

}  // namespace

QList<Scenario> all() {
  QList<Scenario> out;
  const auto files =
      QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
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

QString applyVariant(const QString& source, const Variant& variant, QString* error) {
  QString out = source;
  for (const auto& [from, to] : variant.replace) {
    if (from.isEmpty() || !out.contains(from)) {
      if (error) *error = QStringLiteral("variant '%1': the program has no '%2'").arg(variant.label, from);
      return {};
    }
    out.replace(from, to);
  }
  return out;
}

QString defaultId() { return QStringLiteral("foo_bar"); }

}  // namespace scenarios
