// map_agreement.h: one operation of a long random mix, applied to an id map
// under test and to std::unordered_map, and the two compared. IdMap and
// DenseIdMap are both checked this way.
#pragma once

#include <QtTest>

#include <cstdint>
#include <unordered_map>

#include "core/trace/event.h"

namespace fixtures {

enum class MapOp { Set, Erase, Find };

// After a mismatch the test has failed (QTest::currentTestFailed()).
template <class Map>
void applyAndCompare(Map& m, std::unordered_map<trace::Id, std::uint32_t>& ref, MapOp op, trace::Id key,
                     std::uint32_t value) {
  switch (op) {
    case MapOp::Set:
      m.set(key, value);
      ref[key] = value;
      break;
    case MapOp::Erase:
      QCOMPARE(m.erase(key), ref.erase(key) == 1);
      break;
    case MapOp::Find: {
      auto it = ref.find(key);
      const std::uint32_t* got = m.find(key);
      QCOMPARE(got != nullptr, it != ref.end());
      if (got) QCOMPARE(*got, it->second);
      break;
    }
  }
  QCOMPARE(m.size(), ref.size());
}

}  // namespace fixtures
