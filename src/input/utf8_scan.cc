#include "input/utf8_scan.h"

#include <simdjson.h>

#include "base/utf8.h"

namespace vigie::input {

size_t FirstInvalidUtf8Byte(std::string_view s) {
  // simdjson's SIMD validator runs at several GB/s, faster than the byte-wise walk on French text
  // where accents break up the ASCII runs; the walk only runs to locate the byte in a bad text.
  if (simdjson::validate_utf8(s.data(), s.size())) return std::string_view::npos;
  return internal::FindInvalidUtf8(s);
}

void ReplaceInvalidUtf8(std::string& s) {
  char32_t unused;
  for (size_t i = 0; i < s.size();) {
    int n = internal::DecodeUtf8(s, i, &unused);
    if (n == 0) {
      s[i] = '?';
      n = 1;
    }
    i += static_cast<size_t>(n);
  }
}

}  // namespace vigie::input
