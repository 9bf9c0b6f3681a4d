// test_theme.cpp: light and dark themes: the choice is applied to every
// pane, persisted, followed from the system when set to System, and the
// task colours stay the Okabe–Ito hues, distinct in both themes. Queried
// from the theme object and the panes' palettes, not from pixels.
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include <Qsci/qscilexer.h>

#include "support/fake_runner.h"
#include "support/foo_bar_fixture.h"
#include "ui/code_pane.h"
#include "ui/loop_view.h"
#include "ui/main_window.h"
#include "ui/narration_view.h"
#include "ui/task_palette.h"
#include "ui/theme.h"
#include "ui/timeline_view.h"

using ui::Theme;
using ui::ThemeChoice;

class TestTheme : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
  }
  void cleanup() { Theme::instance()->setChoice(ThemeChoice::Light); }

  void switchingThemeRecoloursThePanes() {
    Theme* th = Theme::instance();
    th->setChoice(ThemeChoice::Light);
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    w.setTrace(fixture::makeFooBarTrace(), QString());
    QVERIFY(!th->dark());
    QVERIFY(w.loopView()->palette().color(QPalette::Base).lightnessF() > 0.8);
    const QColor lightTask = ui::taskColor(0);
    const QColor lightAccent = th->colors().accent;

    QSignalSpy changed(th, &Theme::changed);
    th->setChoice(ThemeChoice::Dark);
    QCOMPARE(changed.count(), 1);
    QVERIFY(th->dark());
    for (QWidget* pane : {static_cast<QWidget*>(w.loopView()), static_cast<QWidget*>(w.timelineView()),
                          static_cast<QWidget*>(w.narrationView())}) {
      QVERIFY(pane->palette().color(QPalette::Base).lightnessF() < 0.3);
      QVERIFY(pane->palette().color(QPalette::Text).lightnessF() > 0.7);
    }
    QVERIFY(w.codePane()->lexer()->defaultPaper().lightnessF() < 0.3);
    QVERIFY(ui::taskColor(0) != lightTask);
    QVERIFY(std::abs(ui::taskColor(0).hue() - lightTask.hue()) <= 3);  // same hue, lifted for dark paper
    QVERIFY(ui::taskColor(0).lightnessF() > lightTask.lightnessF());
    QVERIFY(th->colors().accent != lightAccent);
    // Presenter mode keeps the theme: black paper in dark.
    w.setPresenterMode(true);
    QVERIFY(w.loopView()->palette().color(QPalette::Base).lightnessF() < 0.1);
    w.setPresenterMode(false);
    th->setChoice(ThemeChoice::Light);
    QVERIFY(w.loopView()->palette().color(QPalette::Base).lightnessF() > 0.8);
  }

  void choiceIsPersistedAndInTheViewMenu() {
    Theme* th = Theme::instance();
    th->setChoice(ThemeChoice::Dark);
    QCOMPARE(QSettings().value(QStringLiteral("view/theme")).toInt(), static_cast<int>(ThemeChoice::Dark));
    fixture::FakeRunner runner;
    ui::MainWindow w(&runner);
    auto* menu = w.findChild<QMenu*>(QStringLiteral("themeMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 3);
    QAction* light = nullptr;
    for (QAction* a : menu->actions()) {
      if (a->data().toInt() == static_cast<int>(ThemeChoice::Dark)) QVERIFY(a->isChecked());
      if (a->data().toInt() == static_cast<int>(ThemeChoice::Light)) light = a;
    }
    QVERIFY(light);
    light->trigger();
    QCOMPARE(th->choice(), ThemeChoice::Light);
    QCOMPARE(QSettings().value(QStringLiteral("view/theme")).toInt(), static_cast<int>(ThemeChoice::Light));
  }

  // System: follows the application palette's lightness when it changes.
  void systemChoiceFollowsThePalette() {
    Theme* th = Theme::instance();
    const QPalette original = QApplication::palette();
    th->setChoice(ThemeChoice::System);
    QPalette darkSystem = original;
    darkSystem.setColor(QPalette::Window, QColor(30, 30, 30));
    QSignalSpy changed(th, &Theme::changed);
    QApplication::setPalette(darkSystem);
    QCoreApplication::sendPostedEvents();
    QVERIFY(th->dark());
    QPalette lightSystem = original;
    lightSystem.setColor(QPalette::Window, QColor(240, 240, 240));
    QApplication::setPalette(lightSystem);
    QCoreApplication::sendPostedEvents();
    QVERIFY(!th->dark());
    QVERIFY(changed.count() >= 2);
    // A pinned choice ignores the system.
    th->setChoice(ThemeChoice::Light);
    QApplication::setPalette(darkSystem);
    QCoreApplication::sendPostedEvents();
    QVERIFY(!th->dark());
    QApplication::setPalette(original);
  }

  // The seven task colours stay apart in both themes (and from the paper).
  void taskPaletteDistinctInBothThemes() {
    for (ThemeChoice c : {ThemeChoice::Light, ThemeChoice::Dark}) {
      Theme::instance()->setChoice(c);
      const QColor base = Theme::instance()->palette().color(QPalette::Base);
      for (int i = 0; i < ui::kPaletteSize; ++i) {
        const QColor a = ui::paletteColor(i);
        QVERIFY(std::abs(a.lightnessF() - base.lightnessF()) > 0.12);
        for (int j = i + 1; j < ui::kPaletteSize; ++j) {
          const QColor b = ui::paletteColor(j);
          const int d = std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
          QVERIFY2(d > 60, qPrintable(QStringLiteral("colours %1 and %2 too close").arg(i).arg(j)));
        }
      }
    }
  }

  // The media buttons take the theme's text colour: the style's own icons
  // are dark grey, nearly invisible on the dark toolbar.
  void toolbarIconsAreDrawnInTheGivenColour() {
    for (const QColor ink : {QColor(Qt::white), QColor(20, 20, 20)}) {
      const QIcon icon = ui::tintedIcon(QApplication::style(), QStyle::SP_MediaPlay, ink);
      const QImage img = icon.pixmap(24, 24).toImage().convertToFormat(QImage::Format_ARGB32);
      int opaque = 0;
      for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
          const QColor c = img.pixelColor(x, y);
          if (c.alpha() < 250) continue;
          ++opaque;
          QCOMPARE(c.rgb(), ink.rgb());
        }
      QVERIFY(opaque > 20);  // the triangle is there
    }
  }
};

QTEST_MAIN(TestTheme)
#include "test_theme.moc"
