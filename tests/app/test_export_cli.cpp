// test_export_cli.cpp: `loopscope export` writes each format that its
// readers accept, sized as asked, and `loopscope --help` lists it.
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kBinary = QStringLiteral(LOOPSCOPE_BINARY_DIR "/app/loopscope");

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int run(const QStringList& args, QByteArray* out = nullptr) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  p.setProcessEnvironment(env);
  p.start(kBinary, args);
  if (!p.waitForFinished(180000)) return -1;
  if (out) *out = p.readAllStandardOutput() + p.readAllStandardError();
  return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

}  // namespace

class TestExportCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void helpListsExport() {
    QByteArray out;
    QCOMPARE(run({QStringLiteral("--help")}, &out), 0);
    QVERIFY2(out.contains("export SCENARIO|FILE.py --format png|svg|gif|storyboard"), out.constData());
    QVERIFY(out.contains("bench render"));
    QCOMPARE(run({QStringLiteral("help")}, &out), 0);
    QVERIFY(out.contains("loopscope export"));
  }

  void pngAndSvgHaveTheRequestedSize() {
    const QString png = dir_.filePath(QStringLiteral("v.png")), svg = dir_.filePath(QStringLiteral("v.svg"));
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("foo_bar"), QStringLiteral("--format"), QStringLiteral("png"),
                  QStringLiteral("--to"), QStringLiteral("10"), QStringLiteral("--size"), QStringLiteral("1024x640"),
                  QStringLiteral("-o"), png}),
             0);
    QCOMPARE(QImageReader(png).size(), QSize(1024, 640));
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("foo_bar"), QStringLiteral("--format"), QStringLiteral("svg"),
                  QStringLiteral("--size"), QStringLiteral("1024x640"), QStringLiteral("-o"), svg}),
             0);
    const QByteArray text = readAll(svg);
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("viewBox=\"0 0 1024 640\""));
  }

  void gifHasOneFramePerStep() {
    const QString gif = dir_.filePath(QStringLiteral("run.gif"));
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("foo_bar"), QStringLiteral("--format"), QStringLiteral("gif"),
                  QStringLiteral("--from"), QStringLiteral("0"), QStringLiteral("--to"), QStringLiteral("30"),
                  QStringLiteral("--step"), QStringLiteral("10"), QStringLiteral("--delay"), QStringLiteral("200"),
                  QStringLiteral("--size"), QStringLiteral("400x250"), QStringLiteral("-o"), gif}),
             0);
    QImageReader reader(gif);
    QCOMPARE(reader.imageCount(), 4);  // 0, 10, 20, 30
    QCOMPARE(reader.size(), QSize(400, 250));
    QCOMPARE(reader.read().size(), QSize(400, 250));
    QCOMPARE(reader.nextImageDelay(), 200);  // Qt reports the delay of the frame just read
  }

  void storyboardWritesPicturesAndAPage() {
    const QString out = dir_.filePath(QStringLiteral("story"));
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("foo_bar"), QStringLiteral("--format"),
                  QStringLiteral("storyboard"), QStringLiteral("--size"), QStringLiteral("640x400"),
                  QStringLiteral("-o"), out}),
             0);
    const QStringList pictures = QDir(out).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    QVERIFY(!pictures.isEmpty());
    const QByteArray html = readAll(out + QStringLiteral("/index.html"));
    for (const QString& p : pictures) {
      QVERIFY2(html.contains(QStringLiteral("src=\"%1\"").arg(p).toUtf8()), qPrintable(p));
      QCOMPARE(QImageReader(out + QLatin1Char('/') + p).size(), QSize(640, 400));
    }
  }

  void badArgumentsAreRefused() {
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("foo_bar"), QStringLiteral("--format"), QStringLiteral("bmp"),
                  QStringLiteral("-o"), dir_.filePath(QStringLiteral("x"))}),
             2);
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("no_such_lesson"), QStringLiteral("-o"),
                  dir_.filePath(QStringLiteral("x.png"))}),
             2);
  }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "test_export_cli.moc"
