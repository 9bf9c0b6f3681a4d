// stdlib_mappingproxy.cpp: the read-only mapping view CPython calls
// mappingproxy (types.MappingProxyType), written once in Python for the
// modules that hand one out: enum (Color.__members__) and dataclasses
// (Field.metadata).
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

const char* const kSource = R"PY(
class mappingproxy:
    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def __eq__(self, other):
        return self._mapping == other

    def __repr__(self):
        return "mappingproxy(" + repr(self._mapping) + ")"

    def __str__(self):
        return str(self._mapping)
)PY";

}  // namespace

Value execMappingProxySource(VM& vm, const std::string& name, DictObj* d) {
  return execStdlibSource(vm, name, kSource, d);
}

}  // namespace py
