// shot.cpp: resize, seek, settle, grab.
#include "ui/shot.h"

#include <QApplication>
#include <QLayout>

#include "ui/main_window.h"

namespace ui {

void prepareShot(MainWindow& window, std::size_t index, QSize size) {
  if (!window.isVisible()) {
    // Laid out like a real window, but never put on a screen.
    window.setAttribute(Qt::WA_DontShowOnScreen, true);
    window.show();
  }
  window.resize(size);
  QCoreApplication::sendPostedEvents();
  if (window.layout()) window.layout()->activate();
  window.applyDefaultLayout();
  QCoreApplication::sendPostedEvents();
  if (window.layout()) window.layout()->activate();
  window.seek(index);
  window.finishAnimations();
  QCoreApplication::sendPostedEvents();
}

QImage renderShot(MainWindow& window, std::size_t index, QSize size) {
  prepareShot(window, index, size);
  QImage image = window.grab().toImage();
  image.setDevicePixelRatio(1.0);
  if (image.size() != size) image = image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  return image.convertToFormat(QImage::Format_RGB32);
}

}  // namespace ui
