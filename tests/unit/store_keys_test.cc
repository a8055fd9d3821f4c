#include <gtest/gtest.h>

#include <bit>

#include "store/keys.h"
#include "store/near_duplicate.h"
#include "store_test_data.h"

namespace vigie::internal {
namespace {

TEST(NameKeyTest, FoldsCaseArticleAndPunctuation) {
  EXPECT_EQ(NameKey("the Taliban"), "taliban");
  EXPECT_EQ(NameKey("Taliban"), "taliban");
  EXPECT_EQ(NameKey("Lashkar-Gah"), "lashkar gah");
  EXPECT_EQ(NameKey("  Mazār-e Sharīf "), "mazār e sharīf");
  EXPECT_EQ(NameKey(""), "");
}

// Place buckets are keyed by hashes of pieces; they must be the keys a whole string would give.
TEST(HasherTest, PiecesHashLikeTheirConcatenation) {
  EXPECT_EQ(
      Hasher().Add("capture|AF|").Add("c").Add(int64_t{-12}).Add(",").Add(int64_t{407}).Finish(),
      Hash64("capture|AF|c-12,407"));
  EXPECT_EQ(Hasher().Finish(), Hash64(""));
  EXPECT_NE(Hasher().Add("ab").Finish(), Hasher().Add("ba").Finish());
}

TEST(DayNumberTest, RoundTripsAndRefusesBadDays) {
  ASSERT_TRUE(DayNumber("1970-01-01").has_value());
  EXPECT_EQ(*DayNumber("1970-01-01"), 0);
  EXPECT_EQ(*DayNumber("2021-08-07") - *DayNumber("2021-08-06"), 1);
  EXPECT_EQ(*DayNumber("2021-03-01") - *DayNumber("2021-02-28"), 1);
  EXPECT_EQ(*DayNumber("2024-03-01") - *DayNumber("2024-02-28"), 2);
  for (const char* day : {"2021-08-06", "2000-02-29", "1999-12-31", "2024-01-01"}) {
    EXPECT_EQ(IsoDay(*DayNumber(day)), day);
  }
  EXPECT_FALSE(DayNumber("2021-02-29"));
  EXPECT_FALSE(DayNumber("2021-08"));
  EXPECT_FALSE(DayNumber("06/08/2021"));
}

TEST(PublishedRangeTest, MonthSpansTheMonth) {
  auto month = PublishedRange("2021-02");
  ASSERT_TRUE(month);
  EXPECT_EQ(IsoDay(month->lo), "2021-02-01");
  EXPECT_EQ(IsoDay(month->hi), "2021-02-28");
  auto day = PublishedRange("2021-08-15");
  ASSERT_TRUE(day);
  EXPECT_EQ(day->lo, day->hi);
  EXPECT_FALSE(PublishedRange(""));
}

TEST(SimHashTest, SyndicatedCopyIsCloseAndOtherStoryIsFar) {
  uint64_t original = SimHash(testing::WireStory());
  uint64_t copy = SimHash(testing::WireCopy());
  uint64_t other = SimHash(
      "The army said on Tuesday it had pushed back an assault on the southern city of Lashkar "
      "Gah, where fighting has raged for a week around the governor's compound and the police "
      "headquarters. Aid groups said thousands of families had fled to the provincial capital.");
  ASSERT_NE(original, 0u);
  EXPECT_LE(std::popcount(original ^ copy), 2);
  const std::string story = testing::WireStory();
  uint64_t trimmed = SimHash(story.substr(0, story.rfind("Des habitants")));
  EXPECT_LE(std::popcount(original ^ trimmed), 6);
  EXPECT_GT(std::popcount(original ^ other), 12);
  EXPECT_EQ(SimHash("Trop court pour juger."), 0u);
}

TEST(NearDuplicateGroupsTest, GroupsByTheFirstIndex) {
  std::vector<uint64_t> prints = {
      0xF0F0F0F0F0F0F0F0ull,         0x123456789ABCDEF0ull, 0xF0F0F0F0F0F0F0F1ull, 0, 0,
      0x123456789ABCDEF0ull ^ 0x8001};
  std::vector<size_t> groups = NearDuplicateGroups(prints, 3);
  EXPECT_EQ(groups, (std::vector<size_t>{0, 1, 0, 3, 4, 1}));
}

// A slow, obvious check of the banded search: every pair within the distance is found.
TEST(NearDuplicateGroupsTest, BandsFindEveryClosePair) {
  std::vector<uint64_t> prints;
  uint64_t x = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 200; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    prints.push_back(x);
    // A neighbour a few bits away, flipping bits spread over the word.
    prints.push_back(x ^ (uint64_t{1} << (i % 64)) ^ (uint64_t{1} << ((i * 7 + 3) % 64)) ^
                     (uint64_t{1} << ((i * 13 + 5) % 64)));
  }
  std::vector<size_t> groups = NearDuplicateGroups(prints, 3);
  for (size_t a = 0; a < prints.size(); ++a) {
    for (size_t b = a + 1; b < prints.size(); ++b) {
      if (std::popcount(prints[a] ^ prints[b]) <= 3) {
        EXPECT_EQ(groups[a], groups[b]) << a << " " << b;
      }
    }
  }
}

}  // namespace
}  // namespace vigie::internal
