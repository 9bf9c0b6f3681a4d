// theme.cpp: light and dark palettes, system detection, persistence (see theme.h).
#include "ui/theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QActionGroup>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSettings>

#include <array>

namespace ui {

namespace {

const char* const kSettingsKey = "view/theme";

constexpr std::array<QRgb, 7> kOkabeIto = {
    qRgb(0, 114, 178),    // blue
    qRgb(230, 159, 0),    // orange
    qRgb(0, 158, 115),    // bluish green
    qRgb(204, 121, 167),  // reddish purple
    qRgb(86, 180, 233),   // sky blue
    qRgb(213, 94, 0),     // vermillion
    qRgb(240, 228, 66),   // yellow
};

QPalette lightPalette() {
  QPalette p;
  p.setColor(QPalette::Window, QColor(239, 239, 239));
  p.setColor(QPalette::WindowText, QColor(20, 20, 20));
  p.setColor(QPalette::Base, Qt::white);
  p.setColor(QPalette::AlternateBase, QColor(244, 245, 247));
  p.setColor(QPalette::Text, QColor(20, 20, 20));
  p.setColor(QPalette::Button, QColor(232, 232, 232));
  p.setColor(QPalette::ButtonText, QColor(20, 20, 20));
  p.setColor(QPalette::PlaceholderText, QColor(100, 100, 100));
  p.setColor(QPalette::Mid, QColor(160, 160, 160));
  p.setColor(QPalette::Dark, QColor(120, 120, 120));
  p.setColor(QPalette::ToolTipBase, QColor(255, 250, 225));
  p.setColor(QPalette::ToolTipText, QColor(20, 20, 20));
  p.setColor(QPalette::Highlight, QColor(0, 114, 178));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0, 90, 150));
  return p;
}

QPalette darkPalette() {
  QPalette p;
  p.setColor(QPalette::Window, QColor(40, 42, 46));
  p.setColor(QPalette::WindowText, QColor(230, 230, 230));
  p.setColor(QPalette::Base, QColor(28, 30, 33));
  p.setColor(QPalette::AlternateBase, QColor(38, 41, 46));
  p.setColor(QPalette::Text, QColor(232, 232, 232));
  p.setColor(QPalette::Button, QColor(52, 55, 60));
  p.setColor(QPalette::ButtonText, QColor(232, 232, 232));
  p.setColor(QPalette::PlaceholderText, QColor(165, 165, 165));
  p.setColor(QPalette::Mid, QColor(95, 98, 104));
  p.setColor(QPalette::Dark, QColor(20, 20, 22));
  p.setColor(QPalette::Light, QColor(70, 72, 78));
  p.setColor(QPalette::ToolTipBase, QColor(55, 52, 40));
  p.setColor(QPalette::ToolTipText, QColor(240, 240, 240));
  p.setColor(QPalette::Highlight, QColor(86, 180, 233));
  p.setColor(QPalette::HighlightedText, Qt::black);
  p.setColor(QPalette::Link, QColor(120, 190, 240));
  return p;
}

}  // namespace

QString themeChoiceName(ThemeChoice choice) {
  switch (choice) {
    case ThemeChoice::System: return QCoreApplication::translate("ui::Theme", "System");
    case ThemeChoice::Light: return QCoreApplication::translate("ui::Theme", "Light");
    case ThemeChoice::Dark: return QCoreApplication::translate("ui::Theme", "Dark");
  }
  return {};
}

bool Theme::isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightnessF() < 0.5; }

Theme* Theme::instance() {
  static Theme* theme = nullptr;
  if (!theme) theme = new Theme(QCoreApplication::instance());
  return theme;
}

Theme::Theme(QObject* parent) : QObject(parent) {
  lightColors_ = {QColor(213, 94, 0),    QColor(100, 100, 100), QColor(246, 216, 184), QColor(255, 236, 170),
                  QColor(204, 51, 17),   QColor(120, 30, 0),    QColor(255, 228, 214), QColor(0, 114, 178)};
  darkColors_ = {QColor(240, 130, 60),   QColor(160, 160, 160), QColor(110, 70, 40),   QColor(80, 70, 30),
                 QColor(255, 120, 90),   QColor(255, 190, 170), QColor(90, 40, 30),    QColor(110, 190, 240)};
  if (auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
    systemDark_ = isDark(app->palette());
    app->installEventFilter(this);
  }
  const int saved = QSettings().value(QLatin1String(kSettingsKey), 0).toInt();
  if (saved >= 0 && saved <= 2) choice_ = static_cast<ThemeChoice>(saved);
}

bool Theme::eventFilter(QObject* watched, QEvent* event) {
  if (watched == QCoreApplication::instance() && event->type() == QEvent::ApplicationPaletteChange)
    systemPaletteChanged();
  return QObject::eventFilter(watched, event);
}

void Theme::systemPaletteChanged() {
  auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance());
  if (!app) return;
  const bool wasDark = dark();
  systemDark_ = isDark(app->palette());
  if (dark() != wasDark) emit changed();
}

bool Theme::dark() const {
  switch (choice_) {
    case ThemeChoice::Light: return false;
    case ThemeChoice::Dark: return true;
    case ThemeChoice::System: break;
  }
  return systemDark_;
}

void Theme::setChoice(ThemeChoice choice) {
  const bool wasDark = dark();
  const bool same = choice == choice_;
  choice_ = choice;
  QSettings().setValue(QLatin1String(kSettingsKey), static_cast<int>(choice));
  if (!same || dark() != wasDark) emit changed();
}

QPalette Theme::palette() const { return dark() ? darkPalette() : lightPalette(); }

QPalette Theme::highContrastPalette() const {
  // A projector washes colours out: pure black on white (or the reverse),
  // strong greys only.
  const bool d = dark();
  const QColor fg = d ? QColor(Qt::white) : QColor(Qt::black);
  const QColor bg = d ? QColor(Qt::black) : QColor(Qt::white);
  QPalette p;
  p.setColor(QPalette::Window, bg);
  p.setColor(QPalette::Base, bg);
  p.setColor(QPalette::AlternateBase, d ? QColor(30, 30, 30) : QColor(236, 236, 236));
  for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText, QPalette::ToolTipText})
    p.setColor(role, fg);
  p.setColor(QPalette::Button, d ? QColor(40, 40, 40) : QColor(230, 230, 230));
  p.setColor(QPalette::ToolTipBase, bg);
  p.setColor(QPalette::PlaceholderText, d ? QColor(200, 200, 200) : QColor(60, 60, 60));
  p.setColor(QPalette::Mid, QColor(120, 120, 120));
  p.setColor(QPalette::Highlight, d ? QColor(86, 180, 233) : QColor(0, 114, 178));
  p.setColor(QPalette::HighlightedText, d ? QColor(Qt::black) : QColor(Qt::white));
  return p;
}

QColor Theme::paletteColor(int index) const {
  const int n = static_cast<int>(kOkabeIto.size());
  QColor c(kOkabeIto[static_cast<std::size_t>(((index % n) + n) % n)]);
  // On a dark background the blue, vermillion and green sink: lift them,
  // keeping the hue so the palette stays colour-blind safe.
  if (dark() && c.lightnessF() < 0.4) c = c.lighter(140);
  return c;
}

QMenu* addThemeMenu(QMenu* menu) {
  QMenu* sub = menu->addMenu(QCoreApplication::translate("ui::Theme", "&Theme"));
  sub->setObjectName(QStringLiteral("themeMenu"));
  auto* group = new QActionGroup(sub);
  Theme* theme = Theme::instance();
  for (ThemeChoice c : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
    QAction* a = sub->addAction(themeChoiceName(c));
    a->setCheckable(true);
    a->setData(static_cast<int>(c));
    a->setChecked(theme->choice() == c);
    group->addAction(a);
    QObject::connect(a, &QAction::triggered, theme, [theme, c] { theme->setChoice(c); });
  }
  QObject::connect(theme, &Theme::changed, sub, [sub, theme] {
    for (QAction* a : sub->actions()) a->setChecked(a->data().toInt() == static_cast<int>(theme->choice()));
  });
  return sub;
}

QIcon tintedIcon(const QStyle* style, QStyle::StandardPixmap which, const QColor& color) {
  const QIcon source = style->standardIcon(which);
  QIcon out;
  for (int size : {16, 24, 32, 48}) {
    QPixmap pm = source.pixmap(size, size);
    if (pm.isNull()) continue;
    // Keep the shape (alpha), replace the colour.
    QPainter p(&pm);
    p.setCompositionMode(QPainter::CompositionMode_SourceIn);
    p.fillRect(pm.rect(), color);
    p.end();
    out.addPixmap(pm);
  }
  return out;
}

}  // namespace ui
