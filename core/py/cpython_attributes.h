// cpython_attributes.h: does CPython 3.11 have this attribute on a built-in
// type or a provided standard module? (generated table: cpython_attributes.cpp)
#pragma once

#include <string_view>

namespace py {

// `owner` is a built-in type's name ("str") or a module's ("math").
bool cpythonHasAttribute(std::string_view owner, std::string_view name);

}  // namespace py
