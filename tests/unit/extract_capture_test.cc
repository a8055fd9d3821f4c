// Capture events: the constructions of data/rules/fr/triggers.tsv and actors.tsv, each with a
// sentence of its own.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract_test_util.h"

namespace vigie::internal {
namespace {

using testing::ExtractFixture;

// The places of the capture events found in `text`, in order.
std::vector<std::string> CapturePlaces(const std::string& text, const std::string& lang = "fr") {
  ExtractFixture& f = ExtractFixture::Get();
  EXPECT_TRUE(f.error.empty()) << f.error;
  ExtractFixture::Output out = f.Run(text, lang, "2022-09-12");
  EXPECT_TRUE(out.error.empty()) << out.error;
  std::vector<std::string> places;
  for (const Event& e : out.events) {
    if (e.type == "capture") places.push_back(e.place.text);
  }
  return places;
}

TEST(ExtractCaptureTest, TroopsOfAPossessiveAreAnActor) {
  EXPECT_EQ(CapturePlaces("Selon le ministre, ses troupes ont pris la ville de Tessalit lundi."),
            std::vector<std::string>{"Tessalit"});
}

TEST(ExtractCaptureTest, ReconquestInThePassiveIsACapture) {
  EXPECT_EQ(CapturePlaces("La ville de Gao a été reconquise par l'armée malienne mardi."),
            std::vector<std::string>{"Gao"});
}

TEST(ExtractCaptureTest, ReconquestNeedsAnArmedActor) {
  // A capital standing for its government is no actor the rules know: no event rather than a
  // capture of the capital itself.
  EXPECT_TRUE(CapturePlaces("Dans le nord, Bamako a reconquis des villes importantes.").empty());
}

TEST(ExtractCaptureTest, CapturedTownIsACapture) {
  EXPECT_EQ(CapturePlaces("Les rebelles ont capturé Ménaka dans la nuit de samedi."),
            std::vector<std::string>{"Ménaka"});
}

TEST(ExtractCaptureTest, CapturedPeopleAreNoCapture) {
  // In a brief of one sentence any trigger counts; in an article, soldiers taken near a town
  // are no capture of the town.
  EXPECT_TRUE(CapturePlaces("Les combats durent depuis trois semaines. Les habitants restent chez "
                            "eux. Le marché est fermé. Les rebelles ont capturé deux soldats lors "
                            "des combats près de Ménaka.")
                  .empty());
}

TEST(ExtractCaptureTest, InfinitivePassingUnderControl) {
  EXPECT_EQ(CapturePlaces("C'est au tour de Kidal de passer sous le contrôle de l'armée."),
            std::vector<std::string>{"Kidal"});
}

TEST(ExtractCaptureTest, FallingWithoutAFightIsStillACapture) {
  EXPECT_EQ(
      CapturePlaces("Les combats durent depuis un mois. Le marché est fermé. Les écoles aussi. "
                    "Les rebelles se sont emparés sans résistance de Ménaka."),
      std::vector<std::string>{"Ménaka"});
}

TEST(ExtractCaptureTest, WithoutBeforeTheTriggerStillCancels) {
  EXPECT_TRUE(CapturePlaces("Les combats durent depuis un mois. Le marché est fermé. Les écoles "
                            "aussi. Sans avoir pris Ménaka, les rebelles se replient.")
                  .empty());
}

TEST(ExtractCaptureTest, ControlledByAnArmedGroupIsACapture) {
  EXPECT_EQ(CapturePlaces("Le village de Tessalit est désormais contrôlé par les rebelles."),
            std::vector<std::string>{"Tessalit"});
}

TEST(ExtractCaptureTest, RetakingControlIsACapture) {
  EXPECT_EQ(CapturePlaces("L'armée malienne a repris le contrôle de Tessalit mardi."),
            std::vector<std::string>{"Tessalit"});
}

TEST(ExtractCaptureTest, UnderControlWithoutAnActorIsNoCapture) {
  // "sous contrôle" alone is said of fires and situations, not of towns changing hands.
  EXPECT_TRUE(
      CapturePlaces("Le maire de Tessalit assure que la situation est sous contrôle.").empty());
}

TEST(ExtractCaptureTest, EnglishInControlOf) {
  EXPECT_EQ(
      CapturePlaces("The rebels are now in control of Tessalit, a local official said.", "en"),
      std::vector<std::string>{"Tessalit"});
}

TEST(ExtractCaptureTest, EnglishHasFallen) {
  EXPECT_EQ(CapturePlaces("After two days of fighting, Tessalit has fallen.", "en"),
            std::vector<std::string>{"Tessalit"});
}

TEST(ExtractCaptureTest, EnglishClaimedControl) {
  EXPECT_EQ(CapturePlaces("The rebels claimed control of Tessalit on Sunday.", "en"),
            std::vector<std::string>{"Tessalit"});
}

}  // namespace
}  // namespace vigie::internal
