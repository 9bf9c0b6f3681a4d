// file_actions.cpp: open/save/recent/drop/prompt for the editor's code.
#include "ui/file_actions.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QUrl>

#include "scenarios/scenario_catalog.h"
#include "ui/code_pane.h"
#include "ui/main_window.h"

namespace ui {

namespace {
const QString kRecentKey = QStringLiteral("files/recent");

// The first local .py file among dragged URLs, or "".
QString droppedPython(const QMimeData* mime) {
  if (!mime || !mime->hasUrls()) return {};
  for (const QUrl& url : mime->urls()) {
    const QString path = url.toLocalFile();
    if (!path.isEmpty() && path.endsWith(QStringLiteral(".py"), Qt::CaseInsensitive)) return path;
  }
  return {};
}
}  // namespace

FileActions::FileActions(MainWindow* window)
    : QObject(window), window_(window), autosave_(new Autosave([this] { return snapshot(); }, this)) {
  window_->setAcceptDrops(true);
  window_->installEventFilter(this);
  connect(window_->codePane(), &QsciScintilla::textChanged, this, &FileActions::onTextChanged);
  // A lesson or a trace's source replaced the text: that is clean, not an edit.
  connect(window_, &MainWindow::programLoaded, this, [this](const QString& name) {
    scenario_ = window_->currentScenario();
    markClean(QString(), name);
  });
}

bool FileActions::isModified() const { return window_->codePane()->text() != cleanText_; }

Autosave::Entry FileActions::snapshot() const {
  return {window_->codePane()->text(), path_, path_.isEmpty() ? scenario_ : QString(), name_};
}

void FileActions::markClean(const QString& path, const QString& name) {
  path_ = path;
  name_ = name;
  cleanText_ = window_->codePane()->text();
  autosave_->clear();
  updateTitle();
}

void FileActions::onTextChanged() {
  const bool modified = isModified();
  if (modified) autosave_->schedule();
  else autosave_->clear();  // undone back to the saved text: nothing to lose
  if (modified != wasModified_) updateTitle();
}

void FileActions::updateTitle() {
  wasModified_ = isModified();
  // "[*]" is where Qt draws the modified star.
  window_->setWindowTitle(name_.isEmpty() ? tr("Loopscope[*]") : tr("%1[*] — Loopscope").arg(name_));
  window_->setWindowModified(wasModified_);
  emit documentChanged();
}

bool FileActions::openFile(const QString& path, bool run) {
  if (!confirmDiscard()) return false;
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    window_->statusBar()->showMessage(tr("Cannot open %1: %2").arg(path, f.errorString()), 8000);
    return false;
  }
  const QString text = QString::fromUtf8(f.readAll());
  const QString name = QFileInfo(path).fileName();
  window_->codePane()->setText(text);
  scenario_.clear();
  markClean(QFileInfo(path).absoluteFilePath(), name);
  addRecent(path_);
  // The lesson chooser now shows "Your program", not the lesson replaced.
  if (auto* chooser = window_->findChild<QComboBox*>(QStringLiteral("scenarioChooser"))) chooser->setCurrentIndex(0);
  if (run) window_->runSource(text, name);
  return true;
}

bool FileActions::saveTo(const QString& path) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly)) {
    window_->statusBar()->showMessage(tr("Cannot save %1: %2").arg(path, f.errorString()), 8000);
    return false;
  }
  f.write(window_->codePane()->text().toUtf8());
  if (!f.commit()) {
    window_->statusBar()->showMessage(tr("Cannot save %1: %2").arg(path, f.errorString()), 8000);
    return false;
  }
  scenario_.clear();
  markClean(QFileInfo(path).absoluteFilePath(), QFileInfo(path).fileName());
  addRecent(path_);
  window_->statusBar()->showMessage(tr("Saved %1.").arg(path_), 4000);
  return true;
}

bool FileActions::save() { return path_.isEmpty() ? saveAs() : saveTo(path_); }

bool FileActions::saveAs() {
  const QString suggested = path_.isEmpty() ? (name_.isEmpty() ? QStringLiteral("program.py") : name_) : path_;
  const QString path = QFileDialog::getSaveFileName(window_, tr("Save program"), suggested,
                                                    tr("Python programs (*.py);;All files (*)"));
  return !path.isEmpty() && saveTo(path);
}

bool FileActions::openDialog() {
  if (!confirmDiscard()) return false;
  const QString path = QFileDialog::getOpenFileName(window_, tr("Open program"), QFileInfo(path_).absolutePath(),
                                                    tr("Python programs (*.py);;All files (*)"));
  return !path.isEmpty() && openFile(path);
}

bool FileActions::confirmDiscard() {
  if (!isModified()) return true;
  const auto answer =
      prompt_ ? prompt_()
              : QMessageBox::warning(window_, tr("Unsaved changes"),
                                     tr("%1 has unsaved changes. Save them first?")
                                         .arg(name_.isEmpty() ? tr("Your program") : name_),
                                     QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                     QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  if (answer == QMessageBox::Discard) {
    // The edits are given up on purpose: nothing left to restore or prompt for.
    cleanText_ = window_->codePane()->text();
    autosave_->clear();
    updateTitle();
    return true;
  }
  return false;
}

QStringList FileActions::recentFiles() { return QSettings().value(kRecentKey).toStringList(); }

void FileActions::clearRecentFiles() { QSettings().remove(kRecentKey); }

void FileActions::addRecent(const QString& path) {
  QStringList list = recentFiles();
  list.removeAll(path);
  list.prepend(path);
  while (list.size() > kMaxRecent) list.removeLast();
  QSettings().setValue(kRecentKey, list);
  emit recentFilesChanged();
}

bool FileActions::restoreAutosave() {
  const auto entry = Autosave::read();
  if (!entry) return false;
  // The clean text is what the edits started from, so the title shows "*".
  QString clean;
  if (!entry->filePath.isEmpty()) {
    QFile f(entry->filePath);
    if (f.open(QIODevice::ReadOnly)) clean = QString::fromUtf8(f.readAll());
  } else if (!entry->scenario.isEmpty()) {
    clean = scenarios::find(entry->scenario).source;
  }
  window_->codePane()->setText(entry->text);
  path_ = entry->filePath;
  name_ = entry->name;
  scenario_ = entry->scenario;
  cleanText_ = clean;
  updateTitle();
  window_->statusBar()->showMessage(
      tr("Restored your unsaved edits to %1 from the autosave. Press Ctrl+R to run them.").arg(name_), 15000);
  return true;
}

bool FileActions::eventFilter(QObject* watched, QEvent* event) {
  if (watched == window_) {
    switch (event->type()) {
      case QEvent::DragEnter: {
        auto* e = static_cast<QDragEnterEvent*>(event);
        if (!droppedPython(e->mimeData()).isEmpty()) {
          e->acceptProposedAction();
          return true;
        }
        break;
      }
      case QEvent::Drop: {
        auto* e = static_cast<QDropEvent*>(event);
        const QString path = droppedPython(e->mimeData());
        if (!path.isEmpty()) {
          e->acceptProposedAction();
          openFile(path, true);
          return true;
        }
        break;
      }
      case QEvent::Close:
        // Only a window whose session is on (the app's) asks and remembers;
        // a bare window in a test closes silently.
        if (window_->sessionEnabled()) {
          if (!confirmDiscard()) {
            event->ignore();
            return true;
          }
          window_->saveSession();
        }
        break;
      default: break;
    }
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace ui
