// test_autosave_kill.cpp: issue 8's acceptance, for real: edits survive the
// process being killed. The real `loopscope` binary runs with a fresh
// profile (its own XDG config and data folders), types into its editor
// through the LOOPSCOPE_TEST_TYPE hook, and is killed with SIGKILL as soon
// as its autosave is on disk (polled, never slept for). A second process on
// the same profile must show the edited text, which it reports through the
// LOOPSCOPE_TEST_DUMP hook.
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kBinary = QStringLiteral(LOOPSCOPE_BINARY_DIR "/app/loopscope");

// The first file called `name` under `root`, or "".
QString findFile(const QString& root, const QString& name) {
  QDirIterator it(root, {name}, QDir::Files, QDirIterator::Subdirectories);
  return it.hasNext() ? it.next() : QString();
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestAutosaveKill : public QObject {
  Q_OBJECT

  QProcessEnvironment profile(const QTemporaryDir& home) const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("LOOPSCOPE_TEST_TYPE"));
    env.remove(QStringLiteral("LOOPSCOPE_TEST_DUMP"));
    return env;
  }

 private slots:
  void editsSurviveSigkill() {
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString data = home.filePath(QStringLiteral("data"));
    const QString typed = QStringLiteral("# typed before the crash\n");

    // 1. Start, let the hook type, wait for the autosave, kill -9.
    QProcess first;
    QProcessEnvironment env = profile(home);
    env.insert(QStringLiteral("LOOPSCOPE_TEST_TYPE"), typed);
    first.setProcessEnvironment(env);
    first.start(kBinary, {});
    QVERIFY(first.waitForStarted(30000));
    QTRY_VERIFY_WITH_TIMEOUT(!findFile(data, QStringLiteral("current.json")).isEmpty(), 60000);
    const QString autosave = findFile(data, QStringLiteral("current.py"));
    QVERIFY(readAll(autosave).startsWith(typed.toUtf8()));
    QCOMPARE(first.state(), QProcess::Running);  // it was alive until we killed it
    first.kill();
    QVERIFY(first.waitForFinished(30000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    const QByteArray saved = readAll(autosave);
    QVERIFY(saved.size() > typed.size());  // the typed line and the lesson under it

    // 2. Start again on the same profile: the editor holds the edited text.
    const QString dump = home.filePath(QStringLiteral("editor.txt"));
    QProcess second;
    env = profile(home);
    env.insert(QStringLiteral("LOOPSCOPE_TEST_DUMP"), dump);
    second.setProcessEnvironment(env);
    second.start(kBinary, {});
    QVERIFY(second.waitForStarted(30000));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dump), 60000);
    QCOMPARE(readAll(dump), saved);
    QVERIFY(readAll(dump).startsWith(typed.toUtf8()));
    second.kill();
    QVERIFY(second.waitForFinished(30000));
  }
};

QTEST_GUILESS_MAIN(TestAutosaveKill)
#include "test_autosave_kill.moc"
