// Dates read from the text when the dispatch has no publication date, and statuses of attributed
// reports.
#include <gtest/gtest.h>

#include <string>

#include "extract/dates.h"
#include "extract_test_util.h"

namespace vigie::internal {
namespace {

using testing::ExtractFixture;

// The date of the first event of `type` in `text`, "earliest..latest".
std::string DateOf(const std::string& text, std::string_view lang, std::string_view published,
                   std::string_view type) {
  ExtractFixture& f = ExtractFixture::Get();
  EXPECT_TRUE(f.error.empty()) << f.error;
  ExtractFixture::Output out = f.Run(text, lang, published);
  for (const Event& e : out.events) {
    if (e.type == type) return e.date.earliest + ".." + e.date.latest;
  }
  return "no " + std::string(type) + " event";
}

TEST(ExtractStatusDatesTest, YearOfWeekdayIsTheLatestMatchingYear) {
  // 12 August was a Thursday in 2010 and 2021, and will be again in 2027.
  EXPECT_EQ(YearOfWeekday(8, 12, 4, 2026), 2021);
  EXPECT_EQ(YearOfWeekday(8, 12, 4, 2020), 2010);
  EXPECT_EQ(YearOfWeekday(8, 12, 4, 2027), 2027);
  // 29 February on a Monday: 2016.
  EXPECT_EQ(YearOfWeekday(2, 29, 1, 2019), 2016);
}

TEST(ExtractStatusDatesTest, FrenchWeekdayAndDayNameTheYearWithoutPublication) {
  // Thursday 15 August 2024; Saturday 10 August the last Saturday before it.
  const std::string text =
      "Le jeudi 15 août, les rebelles ont pris Tessalit. Samedi, ils avaient attaqué Aguelhok.";
  EXPECT_EQ(DateOf(text, "fr", "", "capture"), "2024-08-15..2024-08-15");
  EXPECT_EQ(DateOf(text, "fr", "", "attack"), "2024-08-10..2024-08-10");
}

TEST(ExtractStatusDatesTest, EnglishMonthBeforeDayWithYear) {
  EXPECT_EQ(DateOf("The rebels captured Tessalit on March 3, 2022.", "en", "", "capture"),
            "2022-03-03..2022-03-03");
  // The written date stands for the publication day: "on Monday" is the Monday before.
  EXPECT_EQ(DateOf("Published March 9, 2022. The rebels captured Tessalit on Monday.", "en", "",
                   "capture"),
            "2022-03-07..2022-03-07");
}

TEST(ExtractStatusDatesTest, EnglishWeekdayThenDateInBrackets) {
  // Wednesday 9 July: 2025.
  EXPECT_EQ(DateOf("The rebels attacked Aguelhok on Wednesday (July 9).", "en", "", "attack"),
            "2025-07-09..2025-07-09");
}

TEST(ExtractStatusDatesTest, NoWeekdayAndNoYearGivesNoDate) {
  EXPECT_EQ(DateOf("Le 15 août, les rebelles ont pris Tessalit.", "fr", "", "capture"), "..");
}

TEST(ExtractStatusDatesTest, NumericDateStandsForTheDayOfAMonthOnlyPublication) {
  // Published in August 2021; the page says 09/08/2021 (day first in French): "ce dimanche" is
  // the 8th.
  const std::string fr = "Publié le 09/08/2021.\nLes rebelles ont pris Tessalit ce dimanche.";
  EXPECT_EQ(DateOf(fr, "fr", "2021-08", "capture"), "2021-08-08..2021-08-08");
  // Month first in English when it can be: 8/13/2021 is 13 August, a Friday.
  const std::string en = "Updated 8/13/2021, 4:39 AM.\nThe rebels captured Tessalit on Thursday.";
  EXPECT_EQ(DateOf(en, "en", "", "capture"), "2021-08-12..2021-08-12");
}

TEST(ExtractStatusDatesTest, BackgroundDateDoesNotRedateTheNews) {
  // The second mention's February 2020 is background: the capture stays dated by publication.
  const std::string text =
      "Les rebelles ont pris Tessalit. La prise de Tessalit rappelle celle de février 2020.";
  EXPECT_EQ(DateOf(text, "fr", "2021-08-10", "capture"), "2021-08-09..2021-08-10");
}

TEST(ExtractStatusDatesTest, WrittenYearWinsOverWeekday) {
  // The weekday does not match 2019: the written year stands.
  EXPECT_EQ(DateOf("Le mardi 3 juin 2019, les rebelles ont pris Tessalit.", "fr", "", "capture"),
            "2019-06-03..2019-06-03");
}

// The basis of the date of the first event of `type` in `text`.
std::string BasisOf(const std::string& text, std::string_view lang, std::string_view published,
                    std::string_view type) {
  ExtractFixture& f = ExtractFixture::Get();
  ExtractFixture::Output out = f.Run(text, lang, published);
  for (const Event& e : out.events) {
    if (e.type == type) return DateBasisName(e.date.basis);
  }
  return "no " + std::string(type) + " event";
}

TEST(ExtractStatusDatesTest, DateBasisSaysWhereTheDateComesFrom) {
  const std::string text =
      "Les rebelles ont pris Tessalit. Samedi, ils avaient attaqué Aguelhok. Le 3 mars 2022, "
      "ils avaient attaqué Kidal.";
  EXPECT_EQ(BasisOf(text, "fr", "2022-03-09", "capture"), "publication");
  EXPECT_EQ(BasisOf(text, "fr", "2022-03-09", "attack"), "text");
  // Undated: the written date of the last sentence stands in for publication, so the capture's
  // day and the weekday are inferred from it; only the written date itself is text.
  EXPECT_EQ(BasisOf(text, "fr", "", "capture"), "inferred");
  EXPECT_EQ(BasisOf(text, "fr", "", "attack"), "inferred");
  EXPECT_EQ(BasisOf("Le 3 mars 2022, les rebelles ont pris Tessalit.", "fr", "", "capture"),
            "text");
  EXPECT_EQ(BasisOf("Les rebelles ont pris Tessalit.", "fr", "", "capture"), "none");
}

// The status of the first event of `type` in `text`.
std::string StatusOf(const std::string& text, std::string_view lang, std::string_view type) {
  ExtractFixture& f = ExtractFixture::Get();
  EXPECT_TRUE(f.error.empty()) << f.error;
  ExtractFixture::Output out = f.Run(text, lang, "2021-07-04");
  for (const Event& e : out.events) {
    if (e.type == type) return std::string(EventStatusName(e.status));
  }
  return "no " + std::string(type) + " event";
}

TEST(ExtractStatusDatesTest, ParticipleAttributesOnlyWhatFollows) {
  EXPECT_EQ(StatusOf("Les rebelles ont pris Tessalit, affirmant vouloir y rester longtemps.", "fr",
                     "capture"),
            "asserted");
  EXPECT_EQ(
      StatusOf("The rebels captured Tessalit, saying the town was now free.", "en", "capture"),
      "asserted");
  // A finite speech verb closing the sentence still attributes it.
  EXPECT_EQ(StatusOf("Les rebelles ont pris Tessalit, a déclaré le gouverneur.", "fr", "capture"),
            "claimed");
}

TEST(ExtractStatusDatesTest, WhatTheDenierSaysInsteadIsItsClaim) {
  EXPECT_EQ(StatusOf("The army denied the report, saying its soldiers were fighting the rebels in "
                     "Tessalit.",
                     "en", "attack"),
            "claimed");
  EXPECT_EQ(StatusOf("The army denied that the rebels had captured Tessalit.", "en", "capture"),
            "denied");
}

TEST(ExtractStatusDatesTest, ClaimOrHedgeInALaterRelativeClauseIsItsOwn) {
  // The siege is stated; what the relative clause claims is another event.
  const std::string fr = "Les rebelles assiègent Tessalit, qui revendiquent la prise de Kidal.";
  EXPECT_EQ(StatusOf(fr, "fr", "attack"), "asserted");
  EXPECT_EQ(StatusOf(fr, "fr", "capture"), "claimed");
  EXPECT_EQ(StatusOf("Les rebelles ont pris Tessalit dans une offensive que l'armée semble "
                     "incapable d'enrayer.",
                     "fr", "capture"),
            "asserted");
  EXPECT_EQ(StatusOf("Les rebelles ont apparemment pris Tessalit.", "fr", "capture"), "reported");
  EXPECT_EQ(
      StatusOf("The rebels attacked Tessalit, which they claim as their own.", "en", "attack"),
      "asserted");
  EXPECT_EQ(StatusOf("The rebels claimed the capture of Tessalit.", "en", "capture"), "claimed");
}

TEST(ExtractStatusDatesTest, SpeechVerbWithAnObjectAttributesNothingElse) {
  // "annonçait un plan" has an object: the attack is stated.
  EXPECT_EQ(StatusOf("Les rebelles ont attaqué Tessalit le jour même où le gouvernement annonçait "
                     "un plan de relance.",
                     "fr", "attack"),
            "asserted");
  // After a comma the determiner opens the inverted subject: a claim.
  EXPECT_EQ(StatusOf("Les rebelles ont attaqué Tessalit, précise un communiqué.", "fr", "attack"),
            "claimed");
  // The object is the event: reporting it is a claim.
  EXPECT_EQ(StatusOf("The army reported a rocket strike on Tessalit.", "en", "strike"), "claimed");
  // "lancer" speaks only before its subject.
  EXPECT_EQ(StatusOf("Les rebelles ont lancé une attaque contre Tessalit.", "fr", "attack"),
            "asserted");
}

TEST(ExtractStatusDatesTest, SpeechVerbAfterAQuotationSpeaksForItOnly) {
  EXPECT_EQ(
      StatusOf("« Nous tenons Kidal », a écrit le porte-parole, marquant une étape depuis que "
               "les rebelles ont repris Tessalit en juin.",
               "fr", "capture"),
      "asserted");
  // A second speech verb after the quotation speaks for what follows.
  EXPECT_EQ(StatusOf("« Le dépôt a été vidé », indique le ministère, ajoutant que les "
                     "rebelles ont attaqué Tessalit.",
                     "fr", "attack"),
            "claimed");
}

TEST(ExtractStatusDatesTest, DenialNamingOnlyTheDenierDeniesThePreviousSentence) {
  // "Algérie" before the denial is who denies; the combats it acknowledges stay.
  const std::string text =
      "Le président a affirmé que ses troupes avaient pris Tessalit. L'Algérie dément, même "
      "si elle admet que des combats ont lieu dans la ville.";
  EXPECT_EQ(StatusOf(text, "fr", "capture"), "denied");
  // "said the army had..." speaks: "said" never takes an object.
  EXPECT_EQ(StatusOf("The president said the army had captured Tessalit.", "en", "capture"),
            "claimed");
}

TEST(ExtractStatusDatesTest, DatedAfterTheDispatchIsStillToCome) {
  // Published 4 July 2021: the withdrawal of 11 September has not happened.
  EXPECT_EQ(StatusOf("Deux mois avant le retrait des troupes étrangères, les rebelles "
                     "avancent. Le retrait des troupes étrangères aura lieu le 11 septembre.",
                     "fr", "withdrawal"),
            "planned");
  EXPECT_EQ(
      StatusOf("Le retrait des troupes étrangères a eu lieu le 1er juillet.", "fr", "withdrawal"),
      "asserted");
}

TEST(ExtractStatusDatesTest, ActorCompletingTheNounActs) {
  ExtractFixture& f = ExtractFixture::Get();
  ExtractFixture::Output out =
      f.Run("Deux mois avant le retrait complet des troupes étrangères, les talibans avancent.",
            "fr", "2021-07-04");
  bool found = false;
  for (const Event& e : out.events) {
    if (e.type != "withdrawal") continue;
    found = true;
    EXPECT_EQ(e.actor, "foreign forces");
  }
  EXPECT_TRUE(found);
  // Even after an actor in the same clause: the Taliban profit from it, the troops withdraw.
  out = f.Run("Les talibans profitent du retrait des troupes étrangères dans le pays.", "fr",
              "2021-07-04");
  found = false;
  for (const Event& e : out.events) {
    if (e.type != "withdrawal") continue;
    found = true;
    EXPECT_EQ(e.actor, "foreign forces");
  }
  EXPECT_TRUE(found);
}

TEST(ExtractStatusDatesTest, UnnamedArmyIsNotTheMainActorBesideANamedOne) {
  // "l'armée" is named twice, the JNIM once: the generic "les combattants" are the JNIM.
  ExtractFixture& f = ExtractFixture::Get();
  ExtractFixture::Output out = f.Run(
      "Le JNIM a pris Tessalit. L'armée a reculé vers le sud. L'armée a perdu "
      "des hommes. Dimanche, les combattants ont pris Aguelhok.",
      "fr", "2021-07-04");
  bool found = false;
  for (const Event& e : out.events) {
    if (e.type != "capture" || e.place.text != "Aguelhok") continue;
    found = true;
    EXPECT_EQ(e.actor, "JNIM");
  }
  EXPECT_TRUE(found);
}

TEST(ExtractStatusDatesTest, LearntFromASourceIsTheirs) {
  EXPECT_EQ(StatusOf("Les rebelles ont pris Tessalit, a-t-on appris auprès de résidents.", "fr",
                     "capture"),
            "reported");
  EXPECT_EQ(StatusOf("Les rebelles ont pris Tessalit, a-t-on appris mercredi auprès d'un député "
                     "local.",
                     "fr", "capture"),
            "claimed");
}

TEST(ExtractStatusDatesTest, FirstBodyReportSetsTheStatusOfARepeatedEvent) {
  // The later sentence recalls the capture; it does not make the witnesses' report a fact.
  EXPECT_EQ(StatusOf("Selon des témoins, les rebelles ont pris Tessalit. La prise de Tessalit "
                     "est un tournant.",
                     "fr", "capture"),
            "reported");
  // A denial anywhere wins.
  EXPECT_EQ(StatusOf("Les rebelles ont pris Tessalit. L'armée dément la prise de Tessalit.", "fr",
                     "capture"),
            "denied");
  // A headline (no full stop) gives way to the body.
  EXPECT_EQ(
      StatusOf(
          "Les rebelles prennent Tessalit dans la nuit\nLes rebelles ont pris Tessalit, selon des "
          "témoins.",
          "fr", "capture"),
      "reported");
}

}  // namespace
}  // namespace vigie::internal
