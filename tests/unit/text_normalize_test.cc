#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <random>
#include <string>

#include "text/normalize.h"

namespace vigie::internal {
namespace {

struct Normalized {
  std::string text;
  OffsetMap map;
};

Normalized Nfc(std::string_view in) {
  OffsetMap identity;
  identity.ResetIdentity(static_cast<uint32_t>(in.size()));
  Normalized n;
  NormalizeNfc(in, identity, &n.text, &n.map);
  return n;
}

// Slow reference: ICU on a UTF-16 string.
std::string SlowNfc(std::string_view in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), in.size()));
  std::string out;
  nfc->normalize(s, status).toUTF8String(out);
  return out;
}

TEST(NormalizeNfc, CopiesNfcTextWithItsMap) {
  const std::string text = "Les talibans ont pris Hérat – « la ville est tombée » ’ 😀";
  const Normalized n = Nfc(text);
  EXPECT_EQ(n.text, text);
  for (uint32_t i = 0; i <= text.size(); ++i) ASSERT_EQ(n.map.ToOriginal(i), i);
}

TEST(NormalizeNfc, ComposesCombiningMarks) {
  const std::string text = "He\u0301rat et Kunduz\u0308 ok";  // "é" as e + U+0301
  const Normalized n = Nfc(text);
  EXPECT_EQ(n.text, "Hérat et Kunduz\u0308 ok");  // no precomposed z-diaeresis: stays
  ASSERT_EQ(n.map.size(), n.text.size());
  // "é" (2 bytes) maps to the 3 bytes "e" + U+0301, both ends exactly.
  EXPECT_EQ(n.map.ToOriginal(Span{1, 3}).start, 1u);
  EXPECT_EQ(n.map.ToOriginal(Span{1, 3}).end, 4u);
  // "rat" after it maps to its own bytes.
  EXPECT_EQ(n.map.ToOriginal(3), 4u);
  EXPECT_EQ(n.map.ToOriginal(static_cast<uint32_t>(n.text.size())), text.size());
}

TEST(NormalizeNfc, ComposesWithAnEarlierMap) {
  // The input is already a rewrite of an original 10 bytes longer at the front.
  const std::string in = "Ve\u0301lo";
  OffsetMap in_map;
  for (uint32_t i = 0; i < in.size(); ++i) in_map.Push(i + 10);
  in_map.Finish(static_cast<uint32_t>(in.size()) + 10);
  std::string out;
  OffsetMap out_map;
  NormalizeNfc(in, in_map, &out, &out_map);
  EXPECT_EQ(out, "Vélo");
  EXPECT_EQ(out_map.ToOriginal(0), 10u);
  EXPECT_EQ(out_map.ToOriginal(1), 11u);
  EXPECT_EQ(out_map.ToOriginal(2), 11u);
  EXPECT_EQ(out_map.ToOriginal(3), 14u);
  EXPECT_EQ(out_map.ToOriginal(5), 16u);
}

TEST(NormalizeNfc, CompatibilityCharactersAreNotTouched) {
  // NFC, not NFKC: the ligature and the no-break space stay.
  const std::string text = "ﬁn\u00a0: 5";
  EXPECT_EQ(Nfc(text).text, text);
}

TEST(NormalizeNfc, AgreesWithIcuOnRandomMixes) {
  const std::string pieces[] = {"a",       "e", "\u0301", "\u0308", "\u0327", "c",
                                "é",       "’", " ",      "\u1100", "\u1161", "ñ",
                                "n\u0303", "Å", "\u212B", "کابل",   "ِ"};
  std::mt19937 rng(5);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int n = rng() % 10;
    for (int k = 0; k < n; ++k) s += pieces[rng() % std::size(pieces)];
    const Normalized got = Nfc(s);
    ASSERT_EQ(got.text, SlowNfc(s)) << s;
    ASSERT_EQ(got.map.size(), got.text.size());
    ASSERT_EQ(got.map.ToOriginal(static_cast<uint32_t>(got.text.size())), s.size());
    for (uint32_t i = 0; i < got.text.size(); ++i)
      ASSERT_LE(got.map.ToOriginal(i), got.map.ToOriginal(i + 1));
  }
}

TEST(NormalizeNfc, PassesInvalidBytesThrough) {
  const std::string text = std::string("e\u0301 \xFF x\xC3");
  const Normalized n = Nfc(text);
  EXPECT_EQ(n.text.substr(0, 2), "é");
  ASSERT_EQ(n.map.size(), n.text.size());
  EXPECT_EQ(n.map.ToOriginal(static_cast<uint32_t>(n.text.size())), text.size());
}

TEST(NormalizeNfc, ReusesTheOutputBuffers) {
  OffsetMap identity;
  const std::string text = "Ve\u0301lo et cafe\u0301";
  identity.ResetIdentity(static_cast<uint32_t>(text.size()));
  std::string out;
  OffsetMap map;
  NormalizeNfc(text, identity, &out, &map);
  const char* data = out.data();
  NormalizeNfc(text, identity, &out, &map);
  EXPECT_EQ(out.data(), data);
  EXPECT_EQ(out, "Vélo et café");
}

}  // namespace
}  // namespace vigie::internal
