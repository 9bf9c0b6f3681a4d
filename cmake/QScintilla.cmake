# Debian's libqscintilla2-qt6-dev ships no CMake config: wrap the library and
# its headers (<Qsci/...> under Qt 6's include dir) in an imported target.
find_library(QSCINTILLA_LIBRARY NAMES qscintilla2_qt6 REQUIRED)
get_target_property(_qt_core_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
find_path(QSCINTILLA_INCLUDE_DIR Qsci/qsciscintilla.h
  HINTS ${_qt_core_includes} /usr/include/x86_64-linux-gnu/qt6 /usr/include/qt6
  PATH_SUFFIXES .. REQUIRED)
add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
set_target_properties(QScintilla::QScintilla PROPERTIES
  IMPORTED_LOCATION "${QSCINTILLA_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${QSCINTILLA_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "Qt6::Widgets;Qt6::PrintSupport")
