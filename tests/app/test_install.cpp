// test_install.cpp: `cmake --install` into a temporary prefix puts the
// binary, the launcher, the icon and the AppStream metainfo in the
// freedesktop.org places, and the installed binary answers --version.
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

class TestInstall : public QObject {
  Q_OBJECT

 private slots:
  void installsEveryFileInItsPlace() {
    QTemporaryDir prefix;
    QProcess install;
    install.start(QStringLiteral("cmake"), {QStringLiteral("--install"), QStringLiteral(LOOPSCOPE_BINARY_DIR),
                                             QStringLiteral("--prefix"), prefix.path()});
    QVERIFY(install.waitForFinished(120000));
    QVERIFY2(install.exitCode() == 0, install.readAllStandardError().constData());

    const QString bin = prefix.filePath(QStringLiteral("bin/loopscope"));
    const QString desktop = prefix.filePath(QStringLiteral("share/applications/org.loopscope.Loopscope.desktop"));
    const QString icon = prefix.filePath(QStringLiteral("share/icons/hicolor/scalable/apps/org.loopscope.Loopscope.svg"));
    const QString metainfo = prefix.filePath(QStringLiteral("share/metainfo/org.loopscope.Loopscope.metainfo.xml"));
    for (const QString& f : {bin, desktop, icon, metainfo}) QVERIFY2(QFile::exists(f), qPrintable(f));
    QVERIFY(QFileInfo(bin).isExecutable());

    // The launcher runs the installed binary and names the installed icon.
    QSettings entry(desktop, QSettings::IniFormat);
    entry.beginGroup(QStringLiteral("Desktop Entry"));
    QCOMPARE(entry.value(QStringLiteral("Exec")).toString(), QStringLiteral("loopscope %f"));
    QCOMPARE(entry.value(QStringLiteral("Icon")).toString(), QStringLiteral("org.loopscope.Loopscope"));
    QCOMPARE(entry.value(QStringLiteral("Type")).toString(), QStringLiteral("Application"));

    QProcess version;
    version.start(bin, {QStringLiteral("--version")});
    QVERIFY(version.waitForFinished(30000));
    QCOMPARE(version.exitCode(), 0);
    QVERIFY(version.readAllStandardOutput().startsWith("loopscope "));
  }
};

QTEST_GUILESS_MAIN(TestInstall)
#include "test_install.moc"
