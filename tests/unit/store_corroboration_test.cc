#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "store/corroboration.h"
#include "store_test_data.h"

namespace vigie::internal {
namespace {

using testing::KunduzCity;
using testing::KunduzProvince;
using testing::MakeEvent;

Mention M(std::string article, int ordinal, Event event, std::string published = "2021-08-09",
          std::string group = "") {
  Mention m;
  m.article = std::move(article);
  m.ordinal = ordinal;
  m.event = std::move(event);
  m.published = std::move(published);
  m.dup_group = group.empty() ? m.article : std::move(group);
  return m;
}

Event Capture(std::string actor, Place place, std::string day, EventStatus status,
              std::string target = "") {
  return MakeEvent("capture", std::move(actor), std::move(place), std::move(day), status,
                   "les talibans se sont emparés de la ville", std::move(target));
}

TEST(CorroborateTest, SameCaptureInTwoArticlesMerges) {
  Place nearby = KunduzCity();  // a second gazetteer entry 3 km away for the same town
  nearby.geonameid = 999;
  nearby.lat = *nearby.lat + 0.02;
  std::vector<Mention> mentions = {
      M("A", 0, Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kAsserted)),
      M("B", 0, Capture("the Taliban", nearby, "2021-08-09", EventStatus::kReported)),
  };
  auto events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sources, 2);
  EXPECT_EQ(events[0].mentions.size(), 2u);
  EXPECT_EQ(events[0].status, "asserted");
}

TEST(CorroborateTest, RetakeByTheOtherSideStaysApart) {
  std::vector<Mention> mentions = {
      M("A", 0, Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kAsserted)),
      // A report that names no actor sits between the two and must not chain them together.
      M("B", 0, Capture("", KunduzCity(), "2021-08-08", EventStatus::kReported)),
      M("C", 0, Capture("Afghan forces", KunduzCity(), "2021-08-09", EventStatus::kAsserted)),
  };
  auto events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 2u);
  for (const MergedEvent& e : events) EXPECT_FALSE(e.actor.empty());
}

TEST(CorroborateTest, ProvinceAndCityStayApart) {
  std::vector<Mention> mentions = {
      M("A", 0, Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kAsserted)),
      M("B", 0, Capture("Taliban", KunduzProvince(), "2021-08-08", EventStatus::kAsserted)),
  };
  EXPECT_EQ(Corroborate(mentions, {}).size(), 2u);
}

TEST(CorroborateTest, DatesFarApartStayApart) {
  std::vector<Mention> mentions = {
      M("A", 0, Capture("Taliban", KunduzCity(), "2015-09-28", EventStatus::kAsserted),
        "2015-09-29"),
      M("B", 0, Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kAsserted)),
  };
  EXPECT_EQ(Corroborate(mentions, {}).size(), 2u);
}

TEST(CorroborateTest, ClaimedAndDeniedIsDisputed) {
  std::vector<Mention> mentions = {
      M("A", 0, Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kClaimed)),
      M("B", 0, Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kDenied)),
  };
  auto events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].status, "disputed");
}

TEST(CorroborateTest, ThreeIndependentSourcesCorroborateButCopiesDoNot) {
  std::vector<Mention> independent, copies;
  for (std::string id : {"A", "B", "C"}) {
    independent.push_back(
        M(id, 0, Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kReported)));
    copies.push_back(M(id, 0,
                       Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kReported),
                       "2021-08-09", "A"));
  }
  auto merged = Corroborate(independent, {});
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].status, "corroborated");
  EXPECT_EQ(merged[0].sources, 3);
  auto syndicated = Corroborate(copies, {});
  ASSERT_EQ(syndicated.size(), 1u);
  EXPECT_EQ(syndicated[0].status, "reported");
  EXPECT_EQ(syndicated[0].sources, 1);
}

TEST(CorroborateTest, MergedDateIsWhereStatedDatesAgree) {
  Event month = Capture("Taliban", KunduzCity(), "", EventStatus::kReported);
  month.date = {"2021-08-01", "2021-08-31"};
  std::vector<Mention> mentions = {
      M("A", 0, month),
      M("B", 0, Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kAsserted)),
  };
  auto events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.earliest, "2021-08-08");
  EXPECT_EQ(events[0].date.latest, "2021-08-08");
}

TEST(CorroborateTest, MostReportsOutvoteOneStrayDate) {
  Event stray = Capture("Taliban", KunduzCity(), "", EventStatus::kReported);
  stray.date = {"2020-02-01", "2021-08-31"};
  std::vector<Mention> mentions = {M("A", 0, stray)};
  for (std::string id : {"B", "C", "D"}) {
    mentions.push_back(
        M(id, 0, Capture("Taliban", KunduzCity(), "2021-08-06", EventStatus::kAsserted)));
  }
  Event later = Capture("Taliban", KunduzCity(), "2021-08-07", EventStatus::kAsserted);
  mentions.push_back(M("E", 0, later));
  auto events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.earliest, "2021-08-06");
  EXPECT_EQ(events[0].date.latest, "2021-08-06");
}

TEST(CorroborateTest, DayReportsOutvoteMonthReports) {
  Event month = Capture("Taliban", KunduzCity(), "", EventStatus::kReported);
  month.date = {"2021-08-01", "2021-08-31"};
  std::vector<Mention> mentions = {
      M("A", 0, Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kAsserted)),
      M("B", 0, month),
      M("C", 0, month),
  };
  for (std::string id : {"D", "E", "F"}) {
    mentions.push_back(
        M(id, 0, Capture("Taliban", KunduzCity(), "2021-08-15", EventStatus::kAsserted)));
  }
  auto events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.earliest, "2021-08-15");
}

TEST(CorroborateTest, UndatedReportFallsInTheWeekBeforePublication) {
  std::vector<Mention> mentions = {
      M("A", 0, Capture("Taliban", KunduzCity(), "", EventStatus::kAsserted), "2021-08-10"),
      M("B", 0, Capture("Taliban", KunduzCity(), "2021-08-08", EventStatus::kAsserted)),
      M("C", 0, Capture("Taliban", KunduzCity(), "", EventStatus::kAsserted), "2021-09-30"),
  };
  auto events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 2u);
}

Event Dated(Event e, std::string lo, std::string hi, DateBasis basis) {
  e.date = {std::move(lo), std::move(hi), basis};
  return e;
}

TEST(CorroborateTest, WrittenDatesBeatPublicationAndInferredDates) {
  Event taken = Capture("Taliban", KunduzCity(), "", EventStatus::kAsserted);
  std::vector<Mention> mentions = {
      M("A", 0, Dated(taken, "2021-08-08", "2021-08-08", DateBasis::kText)),
      M("B", 0, Dated(taken, "2021-08-09", "2021-08-09", DateBasis::kPublication)),
      M("C", 0, Dated(taken, "2021-08-09", "2021-08-09", DateBasis::kPublication)),
      M("D", 0, Dated(taken, "2021-08-09", "2021-08-09", DateBasis::kInferred), ""),
  };
  auto events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.earliest, "2021-08-08");
  EXPECT_EQ(events[0].date.latest, "2021-08-08");
  EXPECT_EQ(events[0].date.basis, DateBasis::kText);

  mentions.erase(mentions.begin());  // without the written date, the publication days decide
  events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.earliest, "2021-08-09");
  EXPECT_EQ(events[0].date.basis, DateBasis::kPublication);
}

// An undated article whose only written date is a background one ("the city first fell in
// September 2001") must not date reports of this month's fall.
TEST(CorroborateTest, InferredBackgroundDateDoesNotPullTheDate) {
  Event taken = Capture("Taliban", KunduzCity(), "", EventStatus::kAsserted);
  std::vector<Mention> mentions = {
      M("A", 0, taken, ""),  // no date, no publication date
      M("B", 0, Dated(taken, "2001-09-09", "2001-09-09", DateBasis::kInferred), ""),
      M("C", 0, Dated(taken, "2021-08-14", "2021-08-14", DateBasis::kText)),
  };
  auto events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 2u);
  for (const MergedEvent& e : events) {
    if (e.date.basis == DateBasis::kText) {
      EXPECT_EQ(e.date.earliest, "2021-08-14");
    }
  }
  // With nothing better, the inferred date stands, and says so; the report without any date does
  // not lend it a second source.
  events = Corroborate({mentions[0], mentions[1]}, {});
  ASSERT_EQ(events.size(), 2u);
  const MergedEvent& inferred = events[0].date.earliest.empty() ? events[1] : events[0];
  EXPECT_EQ(inferred.date.earliest, "2001-09-09");
  EXPECT_EQ(inferred.date.basis, DateBasis::kInferred);
  EXPECT_EQ(inferred.sources, 1);
}

// A report with no date in an undated article may join any event, but does not chain the fall of
// a town in 1998 to its fall in 2021; nor does a report the article recalls from long before join
// an undated one.
TEST(CorroborateTest, UndatedReportDoesNotBridgeDistantEvents) {
  Event taken = Capture("Taliban", KunduzCity(), "", EventStatus::kAsserted);
  std::vector<Mention> mentions = {
      M("A", 0, taken, ""),
      M("B", 0, Dated(taken, "1998-08-08", "1998-08-08", DateBasis::kText), "2021-08-10"),
      M("C", 0, Dated(taken, "2021-08-08", "2021-08-08", DateBasis::kText)),
  };
  auto events = Corroborate(mentions, {});
  ASSERT_EQ(events.size(), 2u);
  for (const MergedEvent& e : events) {
    if (e.date.earliest == "1998-08-08") {
      EXPECT_EQ(e.mentions.size(), 1u);
    }
    if (e.date.earliest == "2021-08-08") {
      EXPECT_EQ(e.mentions.size(), 2u);
    }
  }
  events = Corroborate({mentions[0], mentions[1]}, {});
  EXPECT_EQ(events.size(), 2u);
}

TEST(CorroborateTest, FatalitiesAreTheLowestFigure) {
  Event a = MakeEvent("strike", "", KunduzCity(), "2021-08-08", EventStatus::kReported,
                      "une frappe a fait douze morts");
  a.fatalities = 12;
  Event b = a;
  b.fatalities = 9;
  auto events = Corroborate({M("A", 0, a), M("B", 0, b)}, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].fatalities, 9);
}

// The merge depends on what is stored, never on the order it arrived in.
TEST(CorroborateTest, OrderOfMentionsDoesNotMatter) {
  std::mt19937 random(7);
  std::vector<Mention> mentions;
  const char* actors[] = {"Taliban", "Afghan forces", ""};
  const EventStatus statuses[] = {EventStatus::kAsserted, EventStatus::kClaimed,
                                  EventStatus::kDenied};
  for (int i = 0; i < 300; ++i) {
    Place p = KunduzCity();
    p.lat = *p.lat + 0.03 * (random() % 10);
    p.geonameid = 100 + random() % 10;
    char day[16];
    std::snprintf(day, sizeof day, "2021-08-%02d", static_cast<int>(1 + random() % 20));
    mentions.push_back(M("art" + std::to_string(i / 3), i % 3,
                         Capture(actors[random() % 3], p, day, statuses[random() % 3])));
  }
  auto first = Corroborate(mentions, {});
  std::shuffle(mentions.begin(), mentions.end(), random);
  auto second = Corroborate(mentions, {});
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].id, second[i].id);
    EXPECT_EQ(first[i].mentions.size(), second[i].mentions.size());
    EXPECT_EQ(first[i].status, second[i].status);
  }
}

}  // namespace
}  // namespace vigie::internal
