// Unicode NFC, keeping the map to the original bytes: "e" + U+0301 (3 bytes) becomes "é" (2 bytes),
// both bytes of which map to the "e".
#ifndef VIGIE_TEXT_NORMALIZE_H_
#define VIGIE_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

#include "base/offset_map.h"

namespace vigie::internal {

// NFC-normalizes `in` (whose bytes map to the original through in_map) into *out with *out_map
// composed to the ORIGINAL offsets. Fast path: text already NFC (almost all news text) is copied
// with the map, no ICU call per char.
void NormalizeNfc(std::string_view in, const OffsetMap& in_map, std::string* out,
                  OffsetMap* out_map);

}  // namespace vigie::internal

#endif  // VIGIE_TEXT_NORMALIZE_H_
