#include "base/utf8.h"

#include <cstdint>
#include <cstring>

namespace vigie::internal {
namespace {

bool IsContinuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

}  // namespace

int DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  if (i >= s.size()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t left = s.size() - i;
  const unsigned char b0 = p[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  // Lead bytes C0, C1 and F5..FF never start a well-formed sequence (Unicode table 3-7).
  if (b0 < 0xC2 || b0 > 0xF4) return 0;
  if (b0 < 0xE0) {
    if (left < 2 || !IsContinuation(p[1])) return 0;
    *cp = (char32_t(b0 & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (b0 < 0xF0) {
    if (left < 3 || !IsContinuation(p[1]) || !IsContinuation(p[2])) return 0;
    if (b0 == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (b0 == 0xED && p[1] >= 0xA0) return 0;  // surrogate D800..DFFF
    *cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 3;
  }
  if (left < 4 || !IsContinuation(p[1]) || !IsContinuation(p[2]) || !IsContinuation(p[3])) return 0;
  if (b0 == 0xF0 && p[1] < 0x90) return 0;   // overlong
  if (b0 == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
  *cp = (char32_t(b0 & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) | (char32_t(p[2] & 0x3F) << 6) |
        (p[3] & 0x3F);
  return 4;
}

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // News text is mostly ASCII: skip it eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const int len = DecodeUtf8(s, i, &cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int Cp1252Byte(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  // The 27 characters Windows-1252 puts in 0x80..0x9F.
  switch (cp) {
    case 0x20AC:
      return 0x80;  // €
    case 0x201A:
      return 0x82;  // ‚
    case 0x0192:
      return 0x83;  // ƒ
    case 0x201E:
      return 0x84;  // „
    case 0x2026:
      return 0x85;  // …
    case 0x2020:
      return 0x86;  // †
    case 0x2021:
      return 0x87;  // ‡
    case 0x02C6:
      return 0x88;  // ˆ
    case 0x2030:
      return 0x89;  // ‰
    case 0x0160:
      return 0x8A;  // Š
    case 0x2039:
      return 0x8B;  // ‹
    case 0x0152:
      return 0x8C;  // Œ
    case 0x017D:
      return 0x8E;  // Ž
    case 0x2018:
      return 0x91;  // ‘
    case 0x2019:
      return 0x92;  // ’
    case 0x201C:
      return 0x93;  // “
    case 0x201D:
      return 0x94;  // ”
    case 0x2022:
      return 0x95;  // •
    case 0x2013:
      return 0x96;  // –
    case 0x2014:
      return 0x97;  // —
    case 0x02DC:
      return 0x98;  // ˜
    case 0x2122:
      return 0x99;  // ™
    case 0x0161:
      return 0x9A;  // š
    case 0x203A:
      return 0x9B;  // ›
    case 0x0153:
      return 0x9C;  // œ
    case 0x017E:
      return 0x9E;  // ž
    case 0x0178:
      return 0x9F;  // Ÿ
    default:
      return -1;
  }
}

}  // namespace vigie::internal

namespace vigie::internal {

size_t DecodeMojibakeAt(std::string_view s, size_t i, char* bytes, int* byte_count) {
  char32_t lead;
  const int lead_len = DecodeUtf8(s, i, &lead);
  // A well-formed lead byte read as Latin-1 is one of "Â".."ô" (C2..F4).
  if (lead_len != 2 || lead < 0xC2 || lead > 0xF4) return 0;
  const int needed = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
  auto* out = reinterpret_cast<unsigned char*>(bytes);
  out[0] = static_cast<unsigned char>(lead);
  size_t j = i + lead_len;
  // "«Â " : the "Â" of a no-break space whose 0xA0 became a plain space. Nothing to write.
  if (lead == 0xC2 && j < s.size() && s[j] == ' ') {
    *byte_count = 0;
    return lead_len;
  }
  for (int k = 1; k <= needed; ++k) {
    char32_t cp;
    const int len = DecodeUtf8(s, j, &cp);
    if (len == 0) return 0;
    int b = Cp1252Byte(cp);
    if (k == 1 && cp == ' ' && lead == 0xC3 && j + 1 < s.size() && s[j + 1] == ' ') b = 0xA0;
    if (b < 0x80 || b > 0xBF) return 0;
    out[k] = static_cast<unsigned char>(b);
    j += len;
  }
  char32_t repaired;
  const std::string_view candidate(bytes, needed + 1);
  if (DecodeUtf8(candidate, 0, &repaired) != needed + 1) return 0;
  if (repaired < 0xA0) return 0;  // a C1 control is no repair
  *byte_count = needed + 1;
  return j - i;
}

}  // namespace vigie::internal
