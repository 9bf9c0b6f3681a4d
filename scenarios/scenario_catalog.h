// scenario_catalog.h: the lessons shipped with the app, read from the
// embedded resources (:/scenarios/<id>.py and its notes <id>.json).
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace scenarios {

// A "what if?" variant: the same lesson with a textual edit, so both
// versions are real programs the student can read (notes key "variants":
// [{"label": ..., "replace": [[old, new], ...]}]).
struct Variant {
  QString label;                           // "asyncio.sleep instead of time.sleep"
  QList<QPair<QString, QString>> replace;  // every occurrence of first becomes second
};

// A moment worth a sentence of its own (notes key "moments": [{"match":
// ..., "text": ...}]): when the narration at the cursor contains `match`,
// the narration pane adds `text`.
struct Moment {
  QString match;
  QString text;
};

struct Scenario {
  QString id;             // file name without .py: "foo_bar"
  QString title;          // "Sleeping tasks: foo and bar"
  QString level;          // "The tutorials", "Core ideas", "Pitfalls"
  QString idea;           // one sentence: the concept it teaches (notes key "concept")
  QString watch;          // what to watch while it plays
  QStringList questions;  // to ask a class
  QString source;         // the program
  QList<Variant> variants;
  QList<Moment> moments;
};

// The variant's program: `source` with each replacement applied in order.
// Returns an empty string and says which text was missing in *error when a
// replacement's `first` does not occur (the lesson and its notes disagree).
QString applyVariant(const QString& source, const Variant& variant, QString* error = nullptr);

// Every scenario, in the order of the browser (by level, then id).
QList<Scenario> all();
// The scenario with this id, or nullptr-like empty Scenario (id empty) when unknown.
Scenario find(const QString& id);
// The scenario opened on first launch.
QString defaultId();

}  // namespace scenarios
