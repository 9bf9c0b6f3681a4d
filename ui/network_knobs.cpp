// network_knobs.cpp: finding URLs, their declared settings, and the extra
// `# sim:` lines (see network_knobs.h).
#include "ui/network_knobs.h"

#include <QRegularExpression>
#include <QStringList>

#include "ui/labels.h"

namespace ui {

namespace {

// A whole-line `# sim: KIND URL VALUE` comment.
const QRegularExpression& simLine() {
  static const QRegularExpression re(
      QStringLiteral(R"(^[ \t]*#[ \t]*sim:[ \t]*(latency|status|body)[ \t]+(\S+))"),
      QRegularExpression::MultilineOption);
  return re;
}

QString simValue(const QString& source, const QString& kind, const QString& url) {
  // A later line for the same URL wins, so keep the last match.
  const QRegularExpression re(QStringLiteral(R"(^[ \t]*#[ \t]*sim:[ \t]*%1[ \t]+%2[ \t]+(\S+)[ \t]*$)")
                                  .arg(kind, QRegularExpression::escape(url)),
                              QRegularExpression::MultilineOption);
  QString value;
  for (auto it = re.globalMatch(source); it.hasNext();) value = it.next().captured(1);
  return value;
}

// Trailing punctuation is prose, not URL ("Data from https://x/y: ...").
QString trimUrl(QString url) {
  while (!url.isEmpty() && QStringLiteral(".,;:!?)]").contains(url.back())) url.chop(1);
  return url;
}

void addUrl(QStringList& urls, const QString& url) {
  const QString u = trimUrl(url);
  if (u.contains(QLatin1String("://")) && !u.endsWith(QLatin1String("://")) && !urls.contains(u)) urls << u;
}

}  // namespace

UrlSetting declaredSetting(const QString& source, const QString& url) {
  UrlSetting s;
  s.url = url;
  bool ok = false;
  const double latency = simValue(source, QStringLiteral("latency"), url).toDouble(&ok);
  if (ok) {
    s.latency = latency;
  } else {
    static const QRegularExpression delay(QStringLiteral(R"(/delay/(\d+(?:\.\d+)?)$)"));
    const auto m = delay.match(url);
    if (m.hasMatch()) s.latency = m.captured(1).toDouble();
  }
  const int status = simValue(source, QStringLiteral("status"), url).toInt(&ok);
  if (ok) s.status = status;
  return s;
}

QList<UrlSetting> discoverUrls(const QString& source, const trace::Trace* trace) {
  QStringList urls;
  for (auto it = simLine().globalMatch(source); it.hasNext();) addUrl(urls, it.next().captured(2));
  // Literal URLs; an f-string's braces mean the URL is only known at run time.
  static const QRegularExpression literal(QStringLiteral(R"(["'](https?://[^"'{}\s]+)["'])"));
  for (auto it = literal.globalMatch(source); it.hasNext();) addUrl(urls, it.next().captured(1));
  if (trace) {
    static const QRegularExpression printed(QStringLiteral(R"(https?://[^\s"'{}<>\\]+)"));
    for (const auto& e : trace->events()) {
      if (e.kind != trace::EventKind::Output) continue;
      const QString text = traceString(*trace, e.c);
      for (auto it = printed.globalMatch(text); it.hasNext();) addUrl(urls, it.next().captured(0));
    }
  }
  QList<UrlSetting> out;
  for (const auto& u : urls) out << declaredSetting(source, u);
  return out;
}

QString withNetworkSettings(const QString& source, const QList<UrlSetting>& settings) {
  QString extra;
  for (const auto& s : settings) {
    const UrlSetting declared = declaredSetting(source, s.url);
    if (s.latency != declared.latency)
      extra += QStringLiteral("# sim: latency %1 %2\n").arg(s.url, QString::number(s.latency));
    const int status = s.fail ? kFailStatus : s.status;
    if (status != declared.status) extra += QStringLiteral("# sim: status %1 %2\n").arg(s.url).arg(status);
  }
  if (extra.isEmpty()) return source;
  QString out = source;
  if (!out.isEmpty() && !out.endsWith(QLatin1Char('\n'))) out += QLatin1Char('\n');
  return out + extra;
}

}  // namespace ui
