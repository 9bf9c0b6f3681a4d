// Precompiled for ls_ui: the Qt Widgets module header and the standard
// headers most of its files use, parsed once instead of once per file.
#include <QtWidgets>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>
