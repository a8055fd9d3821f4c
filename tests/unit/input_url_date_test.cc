// Dates read from URLs (InferPublishedFromUrl) and from feeds (NormalizePublished).
#include <gtest/gtest.h>

#include "input/dates.h"
#include "vigie/input.h"

namespace vigie {
namespace {

TEST(InferPublishedFromUrl, YearMonthDaySegments) {
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/2021/08/11/story"), "2021-08-11");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/monde/2022/3/7/convoi-vise"), "2022-03-07");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/2021/08/11"), "2021-08-11");
}

TEST(InferPublishedFromUrl, CompactDateBetweenSeparators) {
  EXPECT_EQ(InferPublishedFromUrl("https://x.fr/monde/3099743-20210809-talks-stall"), "2021-08-09");
  EXPECT_EQ(InferPublishedFromUrl("https://x.fr/asie/20210704-la-ville-assiegee"), "2021-07-04");
  EXPECT_EQ(InferPublishedFromUrl("https://x.fr/video/report_20210704"), "2021-07-04");
  EXPECT_EQ(InferPublishedFromUrl("https://x.fr/story.html?d=20200229"), "2020-02-29");
}

TEST(InferPublishedFromUrl, DashedDateInThePath) {
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/news/2021-08-11-ceasefire-holds"), "2021-08-11");
}

TEST(InferPublishedFromUrl, YearMonthSegmentsGiveAMonth) {
  EXPECT_EQ(InferPublishedFromUrl("http://x.ca/2021/07/offensive-repoussee/"), "2021-07");
  EXPECT_EQ(InferPublishedFromUrl("https://x.blogspot.com/2021/08/rapport.html"), "2021-08");
}

TEST(InferPublishedFromUrl, DayWinsOverAnEarlierMonth) {
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/2021/08/dossier/20210812-suite"), "2021-08-12");
}

TEST(InferPublishedFromUrl, ArticleIdsAreNotDates) {
  // Long digit runs are ids, even when they start like a date.
  EXPECT_EQ(InferPublishedFromUrl("https://x.com/asie/202108061045971423-zaranj-tombe/"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.com/article/les-combats-2021080822"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.com/afghanistan_AD-202108120329.html"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.net/foreign/292329680"), "");
  // Eight digits glued to letters belong to a hash.
  EXPECT_EQ(InferPublishedFromUrl("https://x.be/depeches/bastion-60f20210704ce15a108a"), "");
}

TEST(InferPublishedFromUrl, ImplausibleDatesAreRefused) {
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/1889/08/11/archive"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/a/19891231-story"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/a/19900101-story"), "1990-01-01");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/a/21001231-story"), "2100-12-31");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/2021/13/11/story"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/2021/02/30/story"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/a/20210230-story"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/a/21010101-story"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/a/20230229-story"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/a/2021-02-29-story"), "");
}

TEST(InferPublishedFromUrl, HostAndFragmentAreIgnored) {
  EXPECT_EQ(InferPublishedFromUrl("https://news20210704.example/story"), "");
  EXPECT_EQ(InferPublishedFromUrl("https://x.org/story#20210704"), "");
  EXPECT_EQ(InferPublishedFromUrl(""), "");
  EXPECT_EQ(InferPublishedFromUrl("seed:000_8a870f8b.txt"), "");
}

TEST(NormalizePublished, KeepsDaysMonthsAndYears) {
  EXPECT_EQ(input::NormalizePublished("2021-08-10"), "2021-08-10");
  EXPECT_EQ(input::NormalizePublished("2021-08"), "2021-08");
  EXPECT_EQ(input::NormalizePublished("2021"), "2021");
  EXPECT_EQ(input::NormalizePublished("2021-08-10T14:05:00Z"), "2021-08-10");
  EXPECT_EQ(input::NormalizePublished("2024-02-29 08:00"), "2024-02-29");
}

TEST(NormalizePublished, RefusesWhatIsNotSuchADate) {
  EXPECT_EQ(input::NormalizePublished("12/08/2021"), "");
  EXPECT_EQ(input::NormalizePublished("2021-13"), "");
  EXPECT_EQ(input::NormalizePublished("2021-8-1"), "");
  EXPECT_EQ(input::NormalizePublished("2021-02-29"), "");
  EXPECT_EQ(input::NormalizePublished("2021-08-10x"), "");
  EXPECT_EQ(input::NormalizePublished("août 2021"), "");
  EXPECT_EQ(input::NormalizePublished(""), "");
}

}  // namespace
}  // namespace vigie
