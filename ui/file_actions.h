// file_actions.h: the editor's code as a document: open, save, recent
// files, drag and drop, the unsaved-changes prompt, the title bar, autosave.
//
// The window's code pane holds the text; this object remembers where it came
// from (a .py path, a lesson) and the text last saved or loaded ("clean"),
// so "modified" is simply "the text differs from the clean text" (undoing
// back to it is clean again). It never runs code itself: opening a file
// asks the window to run it, as a lesson does.
#pragma once

#include <QObject>
#include <QMessageBox>
#include <QStringList>

#include <functional>

#include "ui/autosave.h"

namespace ui {

class MainWindow;

class FileActions : public QObject {
  Q_OBJECT
 public:
  static constexpr int kMaxRecent = 8;

  explicit FileActions(MainWindow* window);

  bool isModified() const;
  QString filePath() const { return path_; }  // "" until opened or saved
  QString displayName() const { return name_; }

  // Reads `path` into the editor (after the unsaved-changes prompt) and,
  // when `run`, runs it. False when cancelled or unreadable.
  bool openFile(const QString& path, bool run = true);
  // Writes the editor's text to `path` (no dialog) and makes it current.
  bool saveTo(const QString& path);
  // Ctrl+S: to the current path, or through Save As when there is none.
  bool save();
  bool saveAs();        // asks for a path
  bool openDialog();    // asks for a file, then openFile()

  // Save / Discard / Cancel when there are unsaved edits; true = go ahead.
  bool confirmDiscard();
  // Tests answer the prompt instead of a modal QMessageBox.
  void setPromptHandler(std::function<QMessageBox::StandardButton()> handler) {
    prompt_ = std::move(handler);
  }

  // Most recent first, at most kMaxRecent, kept in QSettings.
  static QStringList recentFiles();
  static void clearRecentFiles();

  Autosave* autosave() const { return autosave_; }
  // Puts autosaved edits back in the editor; true when there were some.
  bool restoreAutosave();

 signals:
  void recentFilesChanged();
  void documentChanged();  // path, name or modified state

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void markClean(const QString& path, const QString& name);
  void onTextChanged();
  void updateTitle();
  void addRecent(const QString& path);
  Autosave::Entry snapshot() const;

  MainWindow* window_;
  Autosave* autosave_;
  QString path_;
  QString name_;
  QString scenario_;
  QString cleanText_;
  bool wasModified_ = false;
  std::function<QMessageBox::StandardButton()> prompt_;
};

}  // namespace ui
