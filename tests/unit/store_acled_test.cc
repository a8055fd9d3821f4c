#include <gtest/gtest.h>

#include <sstream>

#include "store/acled.h"
#include "store_test_data.h"

namespace vigie::internal {
namespace {

TEST(AcledTest, StateForcesOfTheEventsCountryRegainTerritory) {
  EXPECT_TRUE(IsStateForce("Afghan forces", "AF", "2021-07-20"));
  EXPECT_TRUE(IsStateForce("the army", "ML", ""));
  EXPECT_FALSE(IsStateForce("Taliban", "AF", "2021-08-06"));
  // ACLED counts the Taliban as Afghanistan's forces once they held Kabul.
  EXPECT_TRUE(IsStateForce("Taliban", "AF", "2021-09-06"));
  // A foreign state's forces overtake territory as ACLED's non-state actors do.
  EXPECT_FALSE(IsStateForce("Russian forces", "UA", "2022-04-01"));
  EXPECT_FALSE(IsStateForce("insurgents", "AF", "2021-07-20"));
  EXPECT_FALSE(IsStateForce("", "AF", "2021-07-20"));

  EXPECT_STREQ(AcledTypeOf("capture", "Afghan forces", "AF", "2021-07-20").sub_event_type,
               "Government regains territory");
  EXPECT_STREQ(AcledTypeOf("capture", "Taliban", "AF", "2021-08-06").sub_event_type,
               "Non-state actor overtakes territory");
  EXPECT_STREQ(AcledTypeOf("attack", "Afghan forces", "AF", "2021-07-20").sub_event_type,
               "Armed clash");
  EXPECT_EQ(AcledTypeOf("parade", "army", "AF", "").event_type, nullptr);
}

TEST(AcledTest, CsvNamesTheRetakeByItsActor) {
  MergedEvent retake;
  retake.id = "E1";
  retake.type = "capture";
  retake.actor = "Afghan forces";
  retake.target = "Taliban";
  retake.place = testing::KunduzCity();
  retake.date = {"2021-07-20", "2021-07-20", DateBasis::kText};
  retake.status = "asserted";
  retake.sources = 1;
  MergedEvent fall = retake;
  fall.actor = "Taliban";
  fall.target = "Afghan forces";
  std::ostringstream csv;
  WriteEventsCsv(std::vector<MergedEvent>{retake, fall}, csv);
  const std::string text = csv.str();
  EXPECT_NE(text.find("Battles,Government regains territory,Afghan forces,Taliban,"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Battles,Non-state actor overtakes territory,Taliban,Afghan forces,"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace vigie::internal
