#include "input/utf8_scan.h"

#include <simdjson.h>

namespace vigie::input {
namespace {

bool InRange(unsigned char c, unsigned char lo, unsigned char hi) {
  return c >= lo && c <= hi;
}

// Length of the well-formed sequence starting at s[i] (Unicode table 3-7), 0 when there is none.
size_t SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) -> unsigned char {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  unsigned char b0 = byte(0);
  if (b0 < 0x80) return 1;
  if (InRange(b0, 0xC2, 0xDF)) return InRange(byte(1), 0x80, 0xBF) ? 2 : 0;
  if (InRange(b0, 0xE0, 0xEF)) {
    unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    return InRange(byte(1), lo, hi) && InRange(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (InRange(b0, 0xF0, 0xF4)) {
    unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return InRange(byte(1), lo, hi) && InRange(byte(2), 0x80, 0xBF) && InRange(byte(3), 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

}  // namespace

size_t FirstInvalidUtf8Byte(std::string_view s) {
  // simdjson's validator runs at several GB/s; the byte-wise walk only runs on the rare bad text.
  if (simdjson::validate_utf8(s.data(), s.size())) return std::string_view::npos;
  for (size_t i = 0; i < s.size();) {
    size_t n = SequenceLength(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

void ReplaceInvalidUtf8(std::string& s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = SequenceLength(s, i);
    if (n == 0) {
      s[i] = '?';
      n = 1;
    }
    i += n;
  }
}

}  // namespace vigie::input
