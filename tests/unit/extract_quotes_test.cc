// Quote speakers: who said the words between the marks, from attribution before, after or
// around the quote, with our own example sentences.
#include <gtest/gtest.h>

#include <string>

#include "extract_test_util.h"

namespace vigie::internal {
namespace {

using testing::ExtractFixture;

ExtractFixture::Output Analyze(const std::string& text, std::string_view lang) {
  ExtractFixture& f = ExtractFixture::Get();
  EXPECT_TRUE(f.error.empty()) << f.error;
  return f.Run(text, lang, "2021-07-04");
}

TEST(ExtractQuotesTest, CurlyOpenClosedByStraightMark) {
  auto out = Analyze(
      "The rebels left the valley at dawn. \u201cWe saw the convoy leave before noon,\" a "
      "farmer of the valley said.",
      "en");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].text, "We saw the convoy leave before noon,");
  EXPECT_NE(out.quotes[0].speaker.find("farmer"), std::string::npos) << out.quotes[0].speaker;
}

TEST(ExtractQuotesTest, SingleCurlyMarksQuoteButApostrophesDoNot) {
  auto out = Analyze(
      "The mayor spoke on Monday. \u2018We don\u2019t leave the town, whatever they say,\u2019 "
      "the mayor said.",
      "en");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].text, "We don\u2019t leave the town, whatever they say,");
  EXPECT_NE(out.quotes[0].speaker.find("mayor"), std::string::npos) << out.quotes[0].speaker;
  // A ’ on its own inside « » is no closing mark.
  out = Analyze(
      "Le maire a parlé lundi. « Nous restons dans la ville ’ quoi qu’il arrive », a déclaré "
      "le maire.",
      "fr");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].text, "Nous restons dans la ville ’ quoi qu’il arrive");
}

TEST(ExtractQuotesTest, InvertedSubjectAfterTheVerbBeatsANameBetween) {
  auto out = Analyze(
      "La ville est calme. « On se bat encore au sud de la ville », notamment autour de Bir "
      "Tessit, a déclaré à la radio le préfet de la région, Moussa Ag Alla.",
      "fr");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker, "Moussa Ag Alla");
}

TEST(ExtractQuotesTest, SurnameAfterAnHonorificIsAName) {
  auto out = Analyze(
      "La ville est calme. « Gao est à nouveau libre », a déclaré M. Traoré, lors d'un discours "
      "radiodiffusé.",
      "fr");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker, "Traoré");
}

TEST(ExtractQuotesTest, ListenerIsNotTheSpeaker) {
  auto out = Analyze(
      "« Les combats ont cessé dans la nuit », a déclaré un commerçant à la chaîne de "
      "télévision Radio Soleil.",
      "fr");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker.find("Radio"), std::string::npos) << out.quotes[0].speaker;
  EXPECT_NE(out.quotes[0].speaker.find("commerçant"), std::string::npos) << out.quotes[0].speaker;
}

TEST(ExtractQuotesTest, SurnameAloneTakesTheFullNameGivenEarlier) {
  auto out = Analyze(
      "Le ministre Ousmane Diarra a visité la caserne lundi. Diarra a déclaré : « Nous "
      "resterons ici tout l'hiver ».",
      "fr");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker, "Ousmane Diarra");
}

TEST(ExtractQuotesTest, EnglishSurnameBeforeSaid) {
  auto out = Analyze(
      "Defence chief Harold Pemberton spoke on Friday. \u201cThe bridge will hold,\u201d "
      "Pemberton said.",
      "en");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker, "Harold Pemberton");
}

TEST(ExtractQuotesTest, DayAndPlatformAreNotPartOfTheName) {
  auto out =
      Analyze("\u201cThe town is ours,\u201d Marcus Oyelaran wrote on Telegram Sunday.", "en");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker.find("Sunday"), std::string::npos) << out.quotes[0].speaker;
}

TEST(ExtractQuotesTest, UnnamedWitnessAfterTheQuote) {
  auto out = Analyze("« Il n'y avait plus personne au marché », raconte un habitant.", "fr");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker, "habitant");
}

TEST(ExtractQuotesTest, TitleFullStopDoesNotEndTheAttribution) {
  auto out = Analyze(
      "« La route est coupée depuis hier », a déclaré à la presse M. Idrissa Bamba, préfet "
      "de la région.",
      "fr");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker, "Idrissa Bamba");
}

TEST(ExtractQuotesTest, SentenceOpeningWordIsNotPartOfTheName) {
  auto out = Analyze("Selon Fatou Sangaré, « les blessés ont été évacués vers l'hôpital ».", "fr");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker, "Fatou Sangaré");
}

TEST(ExtractQuotesTest, PhotoCreditIsNeverASpeaker) {
  auto out = Analyze("AFP PHOTO / JEAN DUPONT\n\n« Nous avons reculé », a dit un soldat.", "fr");
  for (const Quote& q : out.quotes) EXPECT_EQ(q.speaker.find("DUPONT"), std::string::npos);
}

TEST(ExtractQuotesTest, RoleTakesThePersonNamedEarlierWithIt) {
  auto out = Analyze(
      "Le président tchadien Mahamat Abakar a quitté la capitale. « Nous reviendrons bientôt », "
      "a affirmé le président.",
      "fr");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker, "Mahamat Abakar");
}

TEST(ExtractQuotesTest, PronounIsNotASpeakerName) {
  auto out = Analyze(
      "Commander Daniel Okafor inspected the trenches. \u201cWe will not move,\u201d he said.",
      "en");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker, "Daniel Okafor");
}

TEST(ExtractQuotesTest, PronounQuoteGoesToThePersonLastNamedWithACue) {
  auto out = Analyze(
      "The mayor Peter Lindqvist told AFP that the dam had cracked. \u201cWater is rising fast,"
      "\u201d he added.",
      "en");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker, "Peter Lindqvist");
}

TEST(ExtractQuotesTest, MixedCasePhotoCreditIsNeverASpeaker) {
  auto out = Analyze(
      "Soldiers at a checkpoint. Lena Hartmann/AFP/Getty Images\n\n\u201cNobody may pass "
      "tonight,\u201d a sergeant said.",
      "en");
  for (const Quote& q : out.quotes) EXPECT_EQ(q.speaker.find("Hartmann"), std::string::npos);
}

TEST(ExtractQuotesTest, CircumstanceIsNoSpeaker) {
  auto out = Analyze(
      "« Nous ne céderons rien », a déclaré dans une allocution télévisée le porte-parole de "
      "l'armée.",
      "fr");
  ASSERT_EQ(out.quotes.size(), 1u) << out.error;
  EXPECT_EQ(out.quotes[0].speaker.find("allocution"), std::string::npos) << out.quotes[0].speaker;
}

}  // namespace
}  // namespace vigie::internal
