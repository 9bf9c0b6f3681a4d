// theme.h: the light and dark colours every painted view uses.
//
// Loopscope follows the system's light or dark look, and View ▸ Theme can
// pin one (persisted in QSettings under "view/theme"). Qt 6.4 has no
// QStyleHints::colorScheme, so "dark" is read from the lightness of the
// system palette's Window colour, at start and whenever the application
// palette changes. We never set the application palette ourselves (the
// window gets ours), so what we read there is always the system's choice.
// The task palette stays Okabe–Ito in both themes; on dark backgrounds the
// darker hues are lifted so they keep their contrast.
#pragma once

#include <QColor>
#include <QIcon>
#include <QObject>
#include <QPalette>
#include <QStyle>

class QMenu;

namespace ui {

enum class ThemeChoice : int { System = 0, Light = 1, Dark = 2 };

// The colours beyond QPalette's roles that the views paint with.
struct ThemeColors {
  QColor accent;         // playhead, idle note, breakpoints: vermillion
  QColor dim;            // secondary text (timestamps, hints)
  QColor blockingFill;   // a Lock held, an Event not set: "this blocks"
  QColor runningLine;    // the running task's line in the code
  QColor causal;         // "why did this happen?" arrows and highlights
  QColor errorText, errorBack;  // syntax errors in the code pane
  QColor info;           // client logs in the console
};

class Theme : public QObject {
  Q_OBJECT
 public:
  // The application's theme (created on first use, parented to qApp).
  static Theme* instance();

  ThemeChoice choice() const { return choice_; }
  // Applies and persists the choice; emits changed() if the look changes.
  void setChoice(ThemeChoice choice);
  bool dark() const;

  QPalette palette() const;               // for the window and its panes
  QPalette highContrastPalette() const;   // presenter mode
  const ThemeColors& colors() const { return dark() ? darkColors_ : lightColors_; }
  // Okabe–Ito colour for a palette index, adjusted for the background.
  QColor paletteColor(int index) const;

  static bool isDark(const QPalette& palette);

 signals:
  void changed();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  explicit Theme(QObject* parent);
  void systemPaletteChanged();

  ThemeChoice choice_ = ThemeChoice::System;
  bool systemDark_ = false;
  ThemeColors lightColors_, darkColors_;
};

QString themeChoiceName(ThemeChoice choice);

// Adds View ▸ Theme (System, Light, Dark) to `menu`, kept in step with Theme.
QMenu* addThemeMenu(QMenu* menu);

// One of the style's standard icons (the media buttons) in `color`: the
// style draws them dark grey whatever the theme, which all but vanishes on
// a dark toolbar.
QIcon tintedIcon(const QStyle* style, QStyle::StandardPixmap which, const QColor& color);

}  // namespace ui
