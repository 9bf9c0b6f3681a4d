// scenario_catalog.h: the lessons shipped with the app, read from the
// embedded resources (:/scenarios/<id>.py and its notes <id>.json).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace scenarios {

struct Scenario {
  QString id;        // file name without .py: "foo_bar"
  QString title;     // "Sleeping tasks: foo and bar"
  QString level;     // "The tutorials", "Core ideas", "Pitfalls"
  QString idea;      // one sentence: the concept it teaches (notes key "concept")
  QString watch;     // what to watch while it plays
  QStringList questions;  // to ask a class
  QString source;    // the program
};

// Every scenario, in the order of the browser (by level, then id).
QList<Scenario> all();
// The scenario with this id, or nullptr-like empty Scenario (id empty) when unknown.
Scenario find(const QString& id);
// The scenario opened on first launch.
QString defaultId();

}  // namespace scenarios
