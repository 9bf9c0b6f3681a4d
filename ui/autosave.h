// autosave.h: the crash-proof copy of the code being edited.
//
// Edits are written ~1 s after the last keystroke (debounced, via QSaveFile
// so a crash mid-write never leaves half a file) to
// AppDataLocation/autosave/current.py, with a JSON sidecar naming where the
// code came from. The file exists only while there are unsaved edits: a
// clean save or a discard removes it, so "an autosave exists" means "work
// would otherwise be lost" and the next start restores it.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace ui {

class Autosave : public QObject {
  Q_OBJECT
 public:
  // What is saved: the code and where it came from.
  struct Entry {
    QString text;
    QString filePath;  // the .py it was opened from, "" when none
    QString scenario;  // the lesson it was loaded from, "" when none
    QString name;      // the name shown in the title bar
  };

  static constexpr int kDebounceMs = 1000;

  // `snapshot` is asked for the current state when the debounce fires.
  Autosave(std::function<Entry()> snapshot, QObject* parent = nullptr);

  static QString directory();
  static QString codePath();
  static QString sidecarPath();

  void setEnabled(bool on);
  bool isEnabled() const { return enabled_; }
  // Restarts the debounce: the write happens kDebounceMs after the last call.
  void schedule();
  bool isPending() const { return timer_.isActive(); }
  // Writes now; false when the disk refused.
  bool write(const Entry& entry) const;
  // The saved entry, if there is one.
  static std::optional<Entry> read();
  // Forgets the saved edits (they were saved or discarded).
  void clear();

 signals:
  void written();

 private:
  std::function<Entry()> snapshot_;
  QTimer timer_;
  bool enabled_ = false;
};

}  // namespace ui
