// English rules about what is, and is not, an armed-conflict event: accidents, disasters, crime,
// seizures of arms and statements about who is to blame are not attacks or strikes.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "extract_test_util.h"

namespace vigie::internal {
namespace {

using testing::ExtractFixture;

const std::set<std::string>& ViolentTypes() {
  static const std::set<std::string> kTypes = {"capture", "attack", "strike", "civilian_harm"};
  return kTypes;
}

std::string ViolentEvents(const std::string& text) {
  ExtractFixture::Output out = ExtractFixture::Get().Run(text, "en", "2021-07-04");
  if (!out.error.empty()) return "error: " + out.error;
  std::string got;
  for (const Event& e : out.events) {
    if (ViolentTypes().count(e.type) != 0) got += " [" + e.type + " " + e.place.text + "]";
  }
  return got;
}

bool HasType(const std::string& text, const std::string& type) {
  ExtractFixture::Output out = ExtractFixture::Get().Run(text, "en", "2021-07-04");
  for (const Event& e : out.events) {
    if (e.type == type) return true;
  }
  return false;
}

TEST(ExtractEnglishTest, DisastersAndAccidentsAreNoStrikes) {
  EXPECT_EQ(ViolentEvents("An earthquake struck the coast of Tessalit on Monday."), "");
  EXPECT_EQ(ViolentEvents("Two workers died when a chemical plant exploded near Tessalit."), "");
  EXPECT_EQ(ViolentEvents("Twelve people were killed in a plane crash near Tessalit."), "");
  EXPECT_EQ(ViolentEvents("Nine people were killed when a volcano erupted near Tessalit."), "");
}

TEST(ExtractEnglishTest, SentenceWideCancelReachesFarButNotPastItsSentence) {
  // Value-1 cues rule out the whole sentence, however far the trigger.
  EXPECT_EQ(ViolentEvents("A dozen bombs hidden along the roads of the district were "
                          "dismantled by engineers near Tessalit, and more during a raid near "
                          "Aguelhok."),
            "");
  // The bomb that went off while being defused is a strike: "defuse" itself does not cancel.
  EXPECT_TRUE(
      HasType("A truck loaded with explosives went off in Tessalit while soldiers were "
              "trying to defuse it.",
              "strike"));
  EXPECT_TRUE(
      HasType("Engineers dismantled a bridge near Aguelhok. A car bomb exploded at a "
              "checkpoint in Tessalit.",
              "strike"));
}

TEST(ExtractEnglishTest, BlameAndSeizuresAreNoAttacks) {
  EXPECT_EQ(ViolentEvents("The minister said the rebels were responsible for the attack."), "");
  EXPECT_EQ(ViolentEvents("Soldiers seized rifles and grenades from a cache in Tessalit."), "");
}

TEST(ExtractEnglishTest, ArmedViolenceStillCounts) {
  EXPECT_TRUE(HasType("Rebels attacked an army post in Tessalit on Sunday.", "attack"));
  EXPECT_TRUE(HasType("A car bomb exploded at a checkpoint in Tessalit.", "strike"));
  EXPECT_TRUE(HasType("The army recaptured Tessalit from the rebels.", "capture"));
  // Hedged or suspected actors still act: only the crime and blame words cancel.
  EXPECT_TRUE(HasType("Suspected militants attacked a police post in Tessalit.", "attack"));
  EXPECT_TRUE(HasType("Gunmen killed nine villagers in Tessalit overnight.", "civilian_harm"));
}

}  // namespace
}  // namespace vigie::internal
