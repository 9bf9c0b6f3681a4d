// network_knobs.h: the simulated network's settings per URL, and how the
// Network dialog hands changed ones to a run.
//
// The code pane must keep exactly what the student wrote, so the knobs never
// touch it: the run gets the same program with extra `# sim:` lines
// appended (a later line for a URL wins, contract section 6), and appending
// keeps every line number of the program where it was.
#pragma once

#include <QList>
#include <QString>

#include "core/trace/trace.h"

namespace ui {

struct UrlSetting {
  QString url;
  double latency = 1.0;  // seconds
  int status = 200;
  bool fail = false;  // answer with kFailStatus, whatever `status` says
  bool operator==(const UrlSetting&) const = default;
};

// A failed request: the server is unavailable (raise_for_status raises).
inline constexpr int kFailStatus = 503;

// Every URL the program fetches, as far as the program and its run tell:
// its `# sim:` lines, its string literals, and what it printed (URLs built
// by f-strings show up there). Each comes with the settings the program
// declares, or the contract's defaults (`/delay/N` takes N seconds, anything
// else 1.0; status 200).
QList<UrlSetting> discoverUrls(const QString& source, const trace::Trace* trace = nullptr);

// The settings the program itself declares for `url` (no dialog edits).
UrlSetting declaredSetting(const QString& source, const QString& url);

// `source` followed by one `# sim:` line for each value in `settings` that
// differs from what the program declares; `source` itself when none does.
QString withNetworkSettings(const QString& source, const QList<UrlSetting>& settings);

}  // namespace ui
