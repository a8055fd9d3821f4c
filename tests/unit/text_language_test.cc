#include <gtest/gtest.h>

#include "text/language.h"

namespace vigie::internal {
namespace {

TEST(DetectLanguage, French) {
  const LanguageGuess g = DetectLanguage(
      "Les insurgés ont pris le contrôle de plusieurs districts du nord du pays après des combats "
      "qui ont duré toute la nuit, selon les autorités locales qui redoutent une offensive sur la "
      "capitale provinciale.",
      "");
  EXPECT_EQ(g.lang, Lang::kFr);
  EXPECT_EQ(g.code, "fr");
  EXPECT_TRUE(g.reliable);
}

TEST(DetectLanguage, English) {
  const LanguageGuess g = DetectLanguage(
      "Insurgents seized several districts in the north of the country after fighting that lasted "
      "through the night, local officials said, warning that the provincial capital could be next.",
      "fr");
  EXPECT_EQ(g.lang, Lang::kEn);
  EXPECT_EQ(g.code, "en");
  EXPECT_TRUE(g.reliable);
}

TEST(DetectLanguage, GermanIsNamedButUnsupported) {
  const LanguageGuess g = DetectLanguage(
      "Die Aufständischen haben nach nächtlichen Kämpfen mehrere Bezirke im Norden des Landes "
      "eingenommen, teilten die örtlichen Behörden mit, die nun einen Angriff auf die Hauptstadt "
      "der Provinz befürchten.",
      "fr");
  EXPECT_EQ(g.lang, Lang::kUnknown);
  EXPECT_EQ(g.code, "de");
}

// The default CLD2 tables name Dari ("fa") but not Pashto; either way neither is French or
// English, and no hint makes them so.
TEST(DetectLanguage, PashtoOrDariScript) {
  const LanguageGuess pashto = DetectLanguage(
      "طالبان وايي چې دوی د کندهار ښار ته ننوتي دي او د ښار ډېرې برخې يې نيولې دي", "fr");
  EXPECT_EQ(pashto.lang, Lang::kUnknown);
  EXPECT_NE(pashto.code, "fr");
  const LanguageGuess dari = DetectLanguage(
      "شورشیان پس از درگیری های شبانه کنترل چندین ولسوالی در شمال کشور را به دست گرفتند و مقامات "
      "محلی می گویند که اکنون مرکز ولایت در خطر است",
      "fr");
  EXPECT_EQ(dari.lang, Lang::kUnknown);
  EXPECT_EQ(dari.code, "fa");
  EXPECT_EQ(DetectLanguage("کابل سقوط کرد", "en").lang, Lang::kUnknown);
}

TEST(DetectLanguage, HintDecidesShortUnreliableTitles) {
  const LanguageGuess fr = DetectLanguage("Kunduz tombe", "fr");
  EXPECT_EQ(fr.lang, Lang::kFr);
  EXPECT_FALSE(fr.reliable);
  const LanguageGuess en = DetectLanguage("Kunduz falls", "en");
  EXPECT_EQ(en.lang, Lang::kEn);
  const LanguageGuess none = DetectLanguage("Kunduz", "");
  EXPECT_FALSE(none.reliable);
}

// CLD2 calls this Ganda, and reliably so: under 100 bytes the feed's French hint wins.
TEST(DetectLanguage, HintDecidesVeryShortTextEvenWhenCld2IsSure) {
  EXPECT_EQ(DetectLanguage("Kaboul tombe.", "fr").lang, Lang::kFr);
  EXPECT_EQ(DetectLanguage("Kaboul tombe.", "de").lang, Lang::kUnknown);
}

TEST(DetectLanguage, HintDoesNotOverrideClearText) {
  const LanguageGuess g = DetectLanguage(
      "Les forces gouvernementales se sont retirées de la ville pendant la nuit, laissant les "
      "habitants seuls face aux combattants qui occupent désormais les bâtiments officiels.",
      "en");
  EXPECT_EQ(g.lang, Lang::kFr);
}

// The first 512 bytes alone are German; the text as a whole is French.
TEST(DetectLanguage, SampleInAnotherLanguageSendsTheWholeText) {
  const std::string german =
      "Die Aufständischen haben nach nächtlichen Kämpfen mehrere Bezirke im Norden des Landes "
      "eingenommen, teilten die örtlichen Behörden mit, die nun einen Angriff auf die Hauptstadt "
      "der Provinz befürchten. Ein Sprecher der Armee wollte sich dazu nicht äußern. Zahlreiche "
      "Familien sind bereits in die Berge geflohen, wo es weder Wasser noch Strom gibt, und "
      "Hilfsorganisationen warnen vor einer Versorgungskrise. ";
  const std::string french =
      "Les combattants sont entrés dans la ville à l'aube, et le gouverneur a affirmé que l'armée "
      "avait quitté les grands axes avant le début de l'attaque. Des habitants ont décrit des "
      "heures de tirs près du marché, tandis que des familles tentaient de rejoindre le pont sur "
      "la "
      "rivière. Un médecin a indiqué que l'hôpital manquait de sang et de carburant, et que "
      "plusieurs enfants blessés étaient arrivés dans la nuit. Les autorités de la capitale ont "
      "promis des renforts sans donner de calendrier, et un porte-parole des insurgés a assuré que "
      "le siège de la police s'était rendu sans combattre. Les organisations humanitaires "
      "craignent que des milliers de personnes soient déplacées si les routes restent fermées.";
  const std::string text = german + french;
  EXPECT_EQ(DetectLanguage(text.substr(0, 512), "").code, "de");
  EXPECT_EQ(DetectLanguage(text, "").lang, Lang::kFr);
}

TEST(DetectLanguage, EmptyAndInvalidTextAreUnknown) {
  EXPECT_EQ(DetectLanguage("", "").code, "un");
  EXPECT_EQ(DetectLanguage("", "fr").lang, Lang::kFr);
  const LanguageGuess bad = DetectLanguage(std::string("\xFF\xFE\xFD"), "");
  EXPECT_EQ(bad.lang, Lang::kUnknown);
}

}  // namespace
}  // namespace vigie::internal
