#include <gtest/gtest.h>

#include "base/offset_map.h"
#include "vigie/status.h"

namespace vigie::internal {
namespace {

TEST(OffsetMapTest, IdentityMapsEveryPositionToItself) {
  OffsetMap map;
  map.ResetIdentity(5);
  EXPECT_EQ(map.size(), 5u);
  for (uint32_t i = 0; i <= 5; ++i) EXPECT_EQ(map.ToOriginal(i), i);
}

// "Ã©t" (4 bytes, mojibake) repaired to "ét" (3 bytes): both bytes of "é" map to the start of
// "Ã©", and the "t" after it maps to original offset 4.
TEST(OffsetMapTest, ReplacementMapsToWholeSourcePiece) {
  OffsetMap map;
  map.Push(0);
  map.Push(0);
  map.Push(4);
  map.Finish(5);
  EXPECT_EQ(map.ToOriginal(Span{0, 2}).start, 0u);
  EXPECT_EQ(map.ToOriginal(Span{0, 2}).end, 4u);
  EXPECT_EQ(map.ToOriginal(Span{2, 3}).start, 4u);
  EXPECT_EQ(map.ToOriginal(Span{2, 3}).end, 5u);
}

TEST(OffsetMapTest, ComposeGoesBackThroughBothRewrites) {
  // Original "a<b>c" cleaned to "a c" (tag replaced by a space), then a second rewrite drops the
  // space.
  OffsetMap cleaned;
  cleaned.Push(0);
  cleaned.Push(1);
  cleaned.Push(4);
  cleaned.Finish(5);
  OffsetMap second;  // "ac" over "a c"
  second.Push(0);
  second.Push(2);
  second.Finish(3);
  second.ComposeWith(cleaned);
  EXPECT_EQ(second.ToOriginal(0), 0u);
  EXPECT_EQ(second.ToOriginal(1), 4u);
  EXPECT_EQ(second.ToOriginal(2), 5u);
}

TEST(StatusTest, ResultCarriesValueOrStatus) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad = InvalidArgument("f.jsonl:3: broken JSON");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().ToString(), "invalid argument: f.jsonl:3: broken JSON");
}

}  // namespace
}  // namespace vigie::internal
