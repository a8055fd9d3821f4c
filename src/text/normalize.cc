#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <cstdint>
#include <cstring>

namespace vigie::internal {
namespace {

// Every code point below U+0300 is NFC and never combines with what follows, so text whose bytes
// are all below 0xCC (ASCII, Latin-1, Latin Extended) needs no ICU call at all.
bool BelowCombiningMarks(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    // Bytes >= 0x80 may be >= 0xCC: look closer only then.
    if ((word & 0x8080808080808080ULL) == 0) continue;
    for (size_t k = 0; k < 8; ++k) {
      if (static_cast<unsigned char>(s[i + k]) >= 0xCC) return false;
    }
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0xCC) return false;
  }
  return true;
}

void CopyWithMap(std::string_view in, const OffsetMap& in_map, std::string* out,
                 OffsetMap* out_map) {
  out->assign(in.data(), in.size());
  *out_map = in_map;
}

}  // namespace

void NormalizeNfc(std::string_view in, const OffsetMap& in_map, std::string* out,
                  OffsetMap* out_map) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::StringPiece piece(in.data(), static_cast<int32_t>(in.size()));
  if (BelowCombiningMarks(in) || U_FAILURE(status) ||
      (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status))) {
    CopyWithMap(in, in_map, out, out_map);
    return;
  }
  status = U_ZERO_ERROR;
  out->clear();
  icu::StringByteSink<std::string> sink(out, static_cast<int32_t>(in.size()));
  icu::Edits edits;
  nfc->normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) {
    CopyWithMap(in, in_map, out, out_map);
    return;
  }
  out_map->Clear();
  out_map->Reserve(static_cast<uint32_t>(out->size()));
  // Unchanged stretches keep their map byte for byte; a changed piece ("e" + U+0301 -> "é") maps
  // all its new bytes to where the old piece started.
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const auto src = static_cast<uint32_t>(it.sourceIndex());
    if (it.hasChange()) {
      const uint32_t orig = in_map.ToOriginal(src);
      for (int32_t k = 0; k < it.newLength(); ++k) out_map->Push(orig);
    } else {
      for (int32_t k = 0; k < it.oldLength(); ++k) out_map->Push(in_map.ToOriginal(src + k));
    }
  }
  out_map->Finish(in_map.ToOriginal(static_cast<uint32_t>(in.size())));
}

}  // namespace vigie::internal
