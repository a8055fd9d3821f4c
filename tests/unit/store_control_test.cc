#include <gtest/gtest.h>

#include "store/control_timeline.h"
#include "store/corroboration.h"
#include "store_test_data.h"

namespace vigie::internal {
namespace {

using testing::KunduzCity;
using testing::MakeEvent;
using testing::Sheberghan;
using testing::Taloqan;

MergedEvent Capture(std::string id, std::string actor, Place place, std::string day,
                    std::string article, std::string target = "", std::string status = "asserted") {
  MergedEvent e;
  e.id = std::move(id);
  e.type = "capture";
  e.actor = actor;
  e.target = target;
  e.place = place;
  e.date = {day, day, DateBasis::kText};
  e.status = status;
  Mention m;
  m.article = article;
  m.dup_group = article;
  m.event = MakeEvent("capture", actor, place, day,
                      status == "denied" ? EventStatus::kDenied : EventStatus::kAsserted,
                      "the town fell to the insurgents", target);
  e.mentions.push_back(m);
  return e;
}

TEST(ControlTimelineTest, CaptureThenRetakeGivesTwoChanges) {
  std::vector<MergedEvent> events = {
      Capture("E2", "Afghan forces", KunduzCity(), "2021-08-20", "C"),
      Capture("E1", "Taliban", KunduzCity(), "2021-08-08", "A", "Afghan forces"),
  };
  auto timeline = BuildControlTimeline(events, 3);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[0].change.to, "Taliban");
  EXPECT_EQ(timeline[0].change.from, "Afghan forces");
  EXPECT_EQ(timeline[0].change.date.earliest, "2021-08-08");
  EXPECT_EQ(timeline[1].change.to, "Afghan forces");
  // The retake report names no loser: it is whoever held the town.
  EXPECT_EQ(timeline[1].change.from, "Taliban");
}

TEST(ControlTimelineTest, RepeatedReportsOfOneFallAddSources) {
  std::vector<MergedEvent> events = {
      Capture("E1", "Taliban", KunduzCity(), "2021-08-08", "A"),
      Capture("E2", "Taliban", KunduzCity(), "2021-08-11", "B"),
      Capture("E3", "", KunduzCity(), "2021-08-12", "C"),
  };
  auto timeline = BuildControlTimeline(events, 3);
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].change.sources, 3);
  EXPECT_EQ(timeline[0].change.status, "corroborated");
  EXPECT_EQ(timeline[0].change.date.earliest, "2021-08-08");
  EXPECT_EQ(timeline[0].change.articles, (std::vector<std::string>{"A", "B", "C"}));
}

TEST(ControlTimelineTest, BestSourcedReportDatesTheChange) {
  std::vector<MergedEvent> events = {
      Capture("E1", "Taliban", KunduzCity(), "2021-08-01", "A"),
      Capture("E2", "Taliban", KunduzCity(), "2021-08-08", "B"),
  };
  events[0].sources = 1;
  events[1].sources = 4;
  auto timeline = BuildControlTimeline(events, 3);
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].change.date.earliest, "2021-08-08");
}

TEST(ControlTimelineTest, MonthLongReportIsNotTheLaterFall) {
  // Six reports dated only "in July", then the fall of 8 August: two entries, the second dated
  // to its day, and no claim of who held the town in between.
  std::vector<MergedEvent> events = {
      Capture("E1", "Taliban", KunduzCity(), "2021-07-01", "A"),
      Capture("E2", "Taliban", KunduzCity(), "2021-08-08", "B"),
  };
  events[0].date.latest = "2021-07-31";
  events[0].sources = 6;
  events[1].sources = 2;
  auto timeline = BuildControlTimeline(events, 3);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[1].change.date.earliest, "2021-08-08");
  EXPECT_EQ(timeline[1].change.to, "Taliban");
  EXPECT_EQ(timeline[1].change.from, "");
  // A day within the month is the same change, dated by its day.
  events[1].date = {"2021-07-20", "2021-07-20", DateBasis::kText};
  events[1].sources = 7;
  timeline = BuildControlTimeline(events, 3);
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].change.date.earliest, "2021-07-20");
}

TEST(ControlTimelineTest, MonthDatedFallAnswersAtFromTheMonthsEnd) {
  std::vector<MergedEvent> events = {
      Capture("E1", "Taliban", KunduzCity(), "2021-08-01", "A"),
      Capture("E2", "Taliban", Taloqan(), "2021-08-08", "B"),
  };
  events[0].date.latest = "2021-08-31";
  auto timeline = BuildControlTimeline(events, 3);
  auto at = SelectControl(timeline, {"2021-08-10", "", ""});
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].place.name, "Taloqan");
  EXPECT_EQ(SelectControl(timeline, {"2021-08-31", "", ""}).size(), 2u);
}

TEST(ControlTimelineTest, DeniedCapturesAndOtherTypesAreNoChange) {
  std::vector<MergedEvent> events = {
      Capture("E1", "Taliban", KunduzCity(), "2021-08-08", "A", "", "denied"),
      Capture("E2", "Taliban", Taloqan(), "2021-08-08", "A"),
  };
  events[1].type = "attack";
  EXPECT_TRUE(BuildControlTimeline(events, 3).empty());
}

TEST(ControlTimelineTest, AtGivesWhoHoldsEachPlaceOnThatDay) {
  std::vector<MergedEvent> events = {
      Capture("E1", "Taliban", KunduzCity(), "2021-08-08", "A"),
      Capture("E2", "Afghan forces", KunduzCity(), "2021-08-20", "B"),
      Capture("E3", "Taliban", Taloqan(), "2021-08-09", "C"),
      Capture("E4", "Taliban", Sheberghan(), "2021-08-07", "D"),
  };
  auto timeline = BuildControlTimeline(events, 3);
  ControlQuery query;
  query.at = "2021-08-10";
  auto at = SelectControl(timeline, query);
  ASSERT_EQ(at.size(), 3u);
  for (const ControlChange& c : at) EXPECT_EQ(c.to, "Taliban");
  query.at = "2021-08-25";
  query.place = "kunduz";
  auto later = SelectControl(timeline, query);
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].to, "Afghan forces");
  query.at.clear();
  EXPECT_EQ(SelectControl(timeline, query).size(), 2u);  // Kunduz's whole history
  query.place.clear();
  query.country = "UA";
  EXPECT_TRUE(SelectControl(timeline, query).empty());
}

// One source claims the army took the town back the day after eight sources reported its fall: the
// claim stays in the history, disputed, and the town stays with the Taliban.
TEST(ControlTimelineTest, LoneClaimedReversalDoesNotFlipACorroboratedChange) {
  std::vector<MergedEvent> events;
  for (std::string article : {"A", "B", "C"}) {
    events.push_back(Capture("E" + article, "Taliban", KunduzCity(), "2021-08-12", article));
  }
  events.push_back(Capture("E4", "Afghan forces", KunduzCity(), "2021-08-13", "D"));
  events.back().status = "claimed";
  events.back().sources = 1;
  events.back().mentions[0].event.status = EventStatus::kClaimed;
  events.push_back(Capture("E5", "Taliban", KunduzCity(), "2021-08-14", "E"));
  auto timeline = BuildControlTimeline(events, 3);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[0].change.to, "Taliban");
  EXPECT_EQ(timeline[0].change.sources, 4);  // the later Taliban report repeats the fall
  EXPECT_FALSE(timeline[0].change.overruled);
  EXPECT_EQ(timeline[1].change.to, "Afghan forces");
  EXPECT_EQ(timeline[1].change.from, "Taliban");
  EXPECT_EQ(timeline[1].change.status, "disputed");
  EXPECT_TRUE(timeline[1].change.overruled);
  ControlQuery query;
  query.at = "2021-08-13";
  auto at = SelectControl(timeline, query);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].to, "Taliban");

  // Asserted in its own voice, or a week later, a retake is a change like any other.
  events[3].status = "asserted";
  EXPECT_FALSE(BuildControlTimeline(events, 3)[1].change.overruled);
  events[3].status = "claimed";
  events[3].date = {"2021-08-20", "2021-08-20", DateBasis::kText};
  timeline = BuildControlTimeline(events, 3);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_FALSE(timeline[1].change.overruled);
  EXPECT_EQ(SelectControl(timeline, {"2021-08-21", "", ""})[0].to, "Afghan forces");
}

TEST(ControlTimelineTest, UnresolvedPlacesHaveNoTimeline) {
  Place post;
  post.text = "the border post";
  post.country = "AF";
  Place unnamed;  // "two provincial capitals have fallen", placed in the country
  unnamed.kind = PlaceKind::kCountry;
  unnamed.name = unnamed.country = "AF";
  Place country = unnamed;  // "la cinquième ville à tomber au Mali"
  country.name = country.text = "Afghanistan";
  std::vector<MergedEvent> events = {
      Capture("E1", "Taliban", post, "2021-07-14", "A"),
      Capture("E2", "Taliban", KunduzCity(), "2021-08-08", "B"),
      Capture("E3", "Taliban", unnamed, "2021-08-07", "C"),
      Capture("E4", "Taliban", country, "2021-08-08", "D"),
  };
  auto timeline = BuildControlTimeline(events, 3);
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].change.place.name, "Kunduz");
}

// A change dated only by a date inferred from elsewhere in undated articles is listed, with its
// basis; it says who holds the place on a day only when that date lies among the country's
// other changes, not 20 years before them.
TEST(ControlTimelineTest, FarInferredDatesDoNotAnswerAt) {
  std::vector<MergedEvent> events = {
      Capture("E1", "Taliban", KunduzCity(), "2001-09-09", "A"),
      Capture("E2", "Taliban", Taloqan(), "2021-08-08", "B"),
      Capture("E3", "Taliban", Sheberghan(), "2021-08-07", "C"),
  };
  events[0].date.basis = DateBasis::kInferred;
  events[2].date.basis = DateBasis::kInferred;
  auto timeline = BuildControlTimeline(events, 3);
  ASSERT_EQ(timeline.size(), 3u);
  EXPECT_EQ(timeline[2].change.place.name, "Kunduz");
  EXPECT_EQ(timeline[2].change.date.basis, DateBasis::kInferred);
  ControlQuery query;
  query.at = "2021-08-10";
  auto at = SelectControl(timeline, query);
  ASSERT_EQ(at.size(), 2u);
  EXPECT_EQ(at[0].place.name, "Taloqan");
  EXPECT_EQ(at[1].place.name, "Sheberghan");
}

// An undated article's capture, dated by a date written elsewhere in it, adds its source to the
// change it most likely reports instead of making a change of its own.
TEST(ControlTimelineTest, InferredCaptureJoinsTheNearestChangeToTheSameSide) {
  std::vector<MergedEvent> events = {
      Capture("E1", "Taliban", KunduzCity(), "2021-07-08", "A"),
      Capture("E2", "Afghan forces", KunduzCity(), "2021-07-20", "B"),
      Capture("E3", "Taliban", KunduzCity(), "2021-08-12", "C"),
      Capture("E4", "Afghan forces", KunduzCity(), "2021-08-01", "D"),
  };
  events[0].date.basis = DateBasis::kInferred;
  auto timeline = BuildControlTimeline(events, 3);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[0].change.to, "Afghan forces");
  EXPECT_EQ(timeline[0].change.articles, (std::vector<std::string>{"B", "D"}));
  EXPECT_EQ(timeline[1].change.to, "Taliban");
  EXPECT_EQ(timeline[1].change.articles, (std::vector<std::string>{"A", "C"}));
  EXPECT_EQ(timeline[1].change.date.earliest, "2021-08-12");
}

TEST(ControlTimelineTest, RollsUpPlacesPerProvince) {
  Place district = Taloqan();
  district.name = "Bangi";
  district.text = "Bangi";
  district.geonameid = 1;
  district.kind = PlaceKind::kAdmin2;
  std::vector<MergedEvent> events = {
      Capture("E1", "Taliban", Taloqan(), "2021-08-08", "A"),
      Capture("E2", "Taliban", district, "2021-07-05", "B"),
      Capture("E3", "Taliban", KunduzCity(), "2021-08-08", "C"),
  };
  auto rollups = RollUpByAdmin1(BuildControlTimeline(events, 3), {});
  ASSERT_EQ(rollups.size(), 2u);
  EXPECT_EQ(rollups[1].admin1, "Takhar");
  EXPECT_EQ(rollups[1].places, 2);
  EXPECT_EQ(rollups[1].as_of, "2021-08-08");
  EXPECT_EQ(rollups[1].place_names, (std::vector<std::string>{"Bangi", "Taloqan"}));
  ControlQuery before;
  before.at = "2021-07-31";
  auto july = RollUpByAdmin1(BuildControlTimeline(events, 3), before);
  ASSERT_EQ(july.size(), 1u);
  EXPECT_EQ(july[0].places, 1);
}

}  // namespace
}  // namespace vigie::internal
