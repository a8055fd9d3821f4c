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

TEST(DetectLanguage, HintDoesNotOverrideClearText) {
  const LanguageGuess g = DetectLanguage(
      "Les forces gouvernementales se sont retirées de la ville pendant la nuit, laissant les "
      "habitants seuls face aux combattants qui occupent désormais les bâtiments officiels.",
      "en");
  EXPECT_EQ(g.lang, Lang::kFr);
}

TEST(DetectLanguage, EmptyAndInvalidTextAreUnknown) {
  EXPECT_EQ(DetectLanguage("", "").code, "un");
  EXPECT_EQ(DetectLanguage("", "fr").lang, Lang::kFr);
  const LanguageGuess bad = DetectLanguage(std::string("\xFF\xFE\xFD"), "");
  EXPECT_EQ(bad.lang, Lang::kUnknown);
}

}  // namespace
}  // namespace vigie::internal
