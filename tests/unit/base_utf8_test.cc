#include <gtest/gtest.h>

#include <random>
#include <string>

#include "base/utf8.h"

namespace vigie::internal {
namespace {

TEST(FindInvalidUtf8, AcceptsWellFormedText) {
  EXPECT_EQ(FindInvalidUtf8(""), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Les combats ont repris à Hérat – 12 morts ’"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("کابل سقوط کرد 😀"), std::string_view::npos);
}

TEST(FindInvalidUtf8, GivesTheOffsetOfTheFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8(std::string("Kaboul \xFF tombe")), 7u);
  EXPECT_EQ(FindInvalidUtf8(std::string("abcdefghij\xC3")), 10u);     // truncated
  EXPECT_EQ(FindInvalidUtf8(std::string("ab\xC0\xAF")), 2u);          // overlong "/"
  EXPECT_EQ(FindInvalidUtf8(std::string("ab\xE0\x80\xAF")), 2u);      // overlong 3 bytes
  EXPECT_EQ(FindInvalidUtf8(std::string("ab\xED\xA0\x80")), 2u);      // surrogate D800
  EXPECT_EQ(FindInvalidUtf8(std::string("ab\xF4\x90\x80\x80")), 2u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8(std::string("ab\xF0\x80\x80\x80")), 2u);  // overlong 4 bytes
  EXPECT_EQ(FindInvalidUtf8(std::string("12345678\x80")), 8u);        // lone continuation
}

TEST(DecodeUtf8, DecodesEachLength) {
  char32_t cp = 0;
  EXPECT_EQ(DecodeUtf8("a", 0, &cp), 1);
  EXPECT_EQ(uint32_t(cp), uint32_t(U'a'));
  EXPECT_EQ(DecodeUtf8("é", 0, &cp), 2);
  EXPECT_EQ(uint32_t(cp), uint32_t(U'é'));
  EXPECT_EQ(DecodeUtf8("’", 0, &cp), 3);
  EXPECT_EQ(uint32_t(cp), uint32_t(U'’'));
  EXPECT_EQ(DecodeUtf8("😀", 0, &cp), 4);
  EXPECT_EQ(uint32_t(cp), uint32_t(U'😀'));
  EXPECT_EQ(DecodeUtf8("é", 1, &cp), 0);  // a continuation byte
  EXPECT_EQ(DecodeUtf8("a", 1, &cp), 0);  // past the end
}

// Reference check: every code point round-trips through AppendUtf8 and DecodeUtf8, and the
// encoder agrees with the validator.
TEST(AppendUtf8, RoundTripsEveryScalarValue) {
  std::string s;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    s.clear();
    AppendUtf8(cp, &s);
    char32_t back = 0;
    ASSERT_EQ(DecodeUtf8(s, 0, &back), static_cast<int>(s.size())) << std::hex << uint32_t(cp);
    ASSERT_EQ(uint32_t(back), uint32_t(cp));
    ASSERT_EQ(FindInvalidUtf8(s), std::string_view::npos);
  }
}

// A slow, obviously correct validator: decode with the definition of Unicode table 3-7.
size_t SlowFindInvalid(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80                 ? 1
              : b >= 0xC2 && b <= 0xDF ? 2
              : b >= 0xE0 && b <= 0xEF ? 3
              : b >= 0xF0 && b <= 0xF4 ? 4
                                       : 0;
    if (len == 0 || i + len > s.size()) return i;
    char32_t cp = len == 1 ? b : len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
    for (int k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (c & 0x3F);
    }
    const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : len == 4 ? 0x10000 : 0;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string::npos;
}

TEST(FindInvalidUtf8, AgreesWithSlowReferenceOnRandomBytes) {
  std::mt19937 rng(7);
  const std::string pieces[] = {"a",        "bcdefghi",     "é",        "’",
                                "😀",        "\x80",         "\xC3",     "\xE2\x80",
                                "\xF4\x90", "\xED\xA0\x80", "\xC1\xBF", " "};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = rng() % 12;
    for (int k = 0; k < n; ++k) s += pieces[rng() % std::size(pieces)];
    ASSERT_EQ(FindInvalidUtf8(s), SlowFindInvalid(s)) << s;
  }
}

TEST(Cp1252Byte, MapsTheWindowsPunctuation) {
  EXPECT_EQ(Cp1252Byte(U'€'), 0x80);
  EXPECT_EQ(Cp1252Byte(U'’'), 0x92);
  EXPECT_EQ(Cp1252Byte(U'™'), 0x99);
  EXPECT_EQ(Cp1252Byte(U'©'), 0xA9);
  EXPECT_EQ(Cp1252Byte(U'a'), -1);
  EXPECT_EQ(Cp1252Byte(U'ł'), -1);
}

std::string Repair(const std::string& s, size_t* consumed) {
  char bytes[4];
  int count = -1;
  *consumed = DecodeMojibakeAt(s, 0, bytes, &count);
  return *consumed ? std::string(bytes, count) : "";
}

TEST(DecodeMojibakeAt, RepairsUtf8ReadAsWindows1252) {
  size_t used;
  EXPECT_EQ(Repair("Ã©tÃ©", &used), "é");
  EXPECT_EQ(used, 4u);
  EXPECT_EQ(Repair("â€™s", &used), "’");
  EXPECT_EQ(used, 8u);
  EXPECT_EQ(Repair("Ã§a", &used), "ç");
  EXPECT_EQ(Repair("Â«", &used), "«");
  EXPECT_EQ(Repair("Ã\u00a0la", &used), "à");
  EXPECT_EQ(Repair("Ã  la", &used), "à");  // the no-break space became a space
  EXPECT_EQ(used, 3u);
  EXPECT_EQ(Repair("Â Kaboul", &used), "");  // the stray "Â" of "«Â Kaboul" goes
  EXPECT_EQ(used, 2u);
}

TEST(DecodeMojibakeAt, LeavesRealAccentedText) {
  size_t used;
  EXPECT_EQ(Repair("àé", &used), "");
  EXPECT_EQ(used, 0u);
  Repair("Ãrico", &used);
  EXPECT_EQ(used, 0u);
  Repair("Ã la", &used);  // one space: no sign the no-break space was there
  EXPECT_EQ(used, 0u);
  Repair("Ã©", &used);
  EXPECT_EQ(used, 4u);
  Repair("ô", &used);  // a lead byte with nothing after it
  EXPECT_EQ(used, 0u);
  Repair("Ã€", &used);  // "€" is 0x80 in Windows-1252: C3 80 is "À"
  EXPECT_EQ(used, 5u);
  Repair("à\u0080", &used);  // E0 80: overlong, not UTF-8
  EXPECT_EQ(used, 0u);
}

}  // namespace
}  // namespace vigie::internal
