// Precompiled for the GUI test layers (ui, app): Qt Test plus Qt Widgets.
#include "qt_test.h"
#include "qt_widgets.h"
