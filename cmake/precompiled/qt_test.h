// Precompiled once per test layer (tests/CMakeLists.txt): every test
// includes Qt Test, whose module header pulls in all of Qt Core. Parsing it
// once instead of in each of the sixty test files halves a cold build.
#include <QtTest>
#include <QTemporaryDir>
#include <QProcess>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
