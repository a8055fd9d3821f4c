// Sentences written for these tests (never taken from the corpus): what each must give, with its
// status, date and count, in French and in English.
#include <gtest/gtest.h>

#include <string>

#include "extract_test_util.h"

namespace vigie::internal {
namespace {

using testing::ExtractFixture;

struct Case {
  const char* lang;
  const char* published;
  const char* text;
  const char* type;
  const char* place;   // the place text of the expected event
  const char* status;  // "" to skip
  const char* earliest = "";
  const char* latest = "";
  int64_t count = -1;  // -1 to skip
};

const Case kCases[] = {
    // Captures in the dispatch's own voice, dates relative to publication (Sunday 4 July 2021).
    {"fr", "2021-07-04", "Les rebelles ont pris le contrôle de Tessalit samedi.", "capture",
     "Tessalit", "asserted", "2021-07-03", "2021-07-03"},
    {"fr", "2021-07-04", "Hier, les jihadistes se sont emparés de Boulkessi.", "capture",
     "Boulkessi", "asserted", "2021-07-03", "2021-07-03"},
    {"fr", "2021-07-04", "La ville de Léré est tombée aux mains des insurgés dimanche 27 juin.",
     "capture", "Léré", "asserted", "2021-06-27", "2021-06-27"},
    {"fr", "2021-07", "L'armée malienne a repris Anefis après trois jours de combats.", "capture",
     "Anefis", "asserted", "2021-07-01", "2021-07-31"},
    {"fr", "2021-07-04", "Dans la nuit de vendredi à samedi, les rebelles ont conquis Ber.",
     "capture", "Ber", "asserted", "2021-07-02", "2021-07-03"},
    {"fr", "2021-07-04", "Fin juin, les rebelles s'étaient emparés de Tessalit.", "capture",
     "Tessalit", "asserted", "2021-06-20", "2021-06-30"},
    {"fr", "2021-07-04", "En 2019, les rebelles avaient attaqué Tessalit.", "attack", "Tessalit",
     "asserted", "2019-01-01", "2019-12-31"},
    // Enumerations: one event per listed place.
    {"fr", "2021-07-04", "Les insurgés ont pris Tarkint, Bourem et Intahaka, ainsi que Gossi.",
     "capture", "Gossi", "asserted"},
    {"fr", "2021-07-04", "Les insurgés ont pris Tarkint, Bourem et Intahaka, ainsi que Gossi.",
     "capture", "Bourem", "asserted"},
    // Attribution.
    {"fr", "2021-07-04", "Selon des habitants, les rebelles ont pris Ménaka.", "capture", "Ménaka",
     "reported"},
    {"fr", "2021-07-04", "Le porte-parole des rebelles a affirmé avoir pris Andéramboukane.",
     "capture", "Andéramboukane", "claimed"},
    {"fr", "2021-07-04", "Les rebelles auraient conquis Tinzaouatène.", "capture", "Tinzaouatène",
     "uncertain"},
    {"fr", "2021-07-04",
     "La ville de Gao serait sur le point de tomber aux mains des rebelles, disent les rumeurs.",
     "capture", "Gao", "rumored"},
    {"fr", "2021-07-04", "Les rebelles ont pris Tessit. Les autorités démentent.", "capture",
     "Tessit", "denied"},
    {"fr", "2021-07-04", "Les rebelles n'ont pas pris Labbezanga.", "capture", "Labbezanga",
     "negated"},
    // Intent and future dates.
    {"fr", "2021-07-04",
     "Le retrait des soldats français de Kidal est prévu le 11 septembre prochain.", "withdrawal",
     "Kidal", "planned", "2021-09-11", "2021-09-11"},
    // Counts of lumped places: the country carries the count.
    {"fr", "2021-07-04", "Au Mali, les rebelles ont pris plus d'une dizaine de districts.",
     "capture", "Mali", "asserted", "", "", 10},
    {"fr", "2021-07-04", "Au Mali, les rebelles ont pris six villes en trois jours.", "capture",
     "Mali", "asserted", "", "", 6},
    // Other types.
    {"fr", "2021-07-04", "Des frappes aériennes ont visé Douentza.", "strike", "Douentza",
     "asserted"},
    {"fr", "2021-07-04", "De violents combats opposent l'armée et les rebelles à Sévaré.", "attack",
     "Sévaré", "asserted"},
    {"fr", "2021-07-04", "Des milliers d'habitants ont fui Djenné.", "displacement", "Djenné",
     "asserted"},
    {"fr", "2021-07-04", "Plus de deux cents soldats maliens ont fui en Algérie.", "surrender",
     "Algérie", "asserted"},
    // The town named last, a denial in a later sentence, a claim inside a quotation.
    {"fr", "2021-07-04", "Les rebelles ont encerclé Hombori. Ils ont pris la ville dimanche.",
     "capture", "Hombori", "asserted", "2021-07-04", "2021-07-04"},
    {"fr", "2021-07-04",
     "Les rebelles affirment avoir pris Tessit. Le marché est fermé. L'armée dément la chute de "
     "Tessit.",
     "capture", "Tessit", "denied"},
    {"fr", "2021-07-04", "« Nous avons pris Tessit hier », a déclaré le porte-parole des rebelles.",
     "capture", "Tessit", "claimed", "2021-07-03", "2021-07-03"},
    // English.
    {"en", "2021-07-04", "The rebels captured Tessalit on Saturday.", "capture", "Tessalit",
     "asserted", "2021-07-03", "2021-07-03"},
    {"en", "2021-07-04", "Yesterday, Boulkessi fell to the jihadists.", "capture", "Boulkessi",
     "asserted", "2021-07-03", "2021-07-03"},
    {"en", "2021-07-04", "According to residents, the rebels seized Menaka.", "capture", "Menaka",
     "reported"},
    {"en", "2021-07-04", "A rebel spokesman said they had taken control of Anderamboukane.",
     "capture", "Anderamboukane", "claimed"},
    {"en", "2021-07-04", "The rebels did not capture Labbezanga.", "capture", "Labbezanga",
     "negated"},
    {"en", "2021-07-04", "The army denied that the rebels had captured Tessit.", "capture",
     "Tessit", "denied"},
    {"en", "2021-07-04", "French troops will withdraw from Kidal by September 11.", "withdrawal",
     "Kidal", "planned", "2021-09-11", "2021-09-11"},
    {"en", "2021-07-04", "The rebels took Tarkint, Bourem and Intahaka.", "capture", "Intahaka",
     "asserted"},
    {"en", "2021-07-04", "In Mali, the rebels captured more than ten districts in 24 hours.",
     "capture", "Mali", "asserted", "", "", 10},
    {"en", "2021-07-04", "An airstrike hit a market in Douentza on Friday.", "strike", "Douentza",
     "asserted", "2021-07-02", "2021-07-02"},
    {"en", "2021-07-04", "Gunmen abducted twenty villagers near Djibo.", "civilian_harm", "Djibo",
     "asserted"},
    {"en", "2021-07-04", "Thousands of residents fled Djenne.", "displacement", "Djenne",
     "asserted"},
    {"en", "2021-07-04", "Protesters gathered in Bamako, and women demonstrators marched in Kayes.",
     "protest", "Kayes", "asserted"},
};

TEST(ExtractSentencesTest, EachCaseGivesItsEvent) {
  ExtractFixture& f = ExtractFixture::Get();
  ASSERT_TRUE(f.error.empty()) << f.error;
  for (const Case& c : kCases) {
    ExtractFixture::Output out = f.Run(c.text, c.lang, c.published);
    ASSERT_TRUE(out.error.empty()) << c.text << ": " << out.error;
    const Event* found = nullptr;
    for (const Event& e : out.events) {
      if (e.type == c.type && e.place.text == c.place) found = &e;
    }
    std::string got;
    for (const Event& e : out.events) got += " [" + e.type + " " + e.place.text + "]";
    ASSERT_NE(found, nullptr) << c.text << ": no " << c.type << " at " << c.place << "; got" << got;
    if (*c.status) {
      EXPECT_STREQ(EventStatusName(found->status), c.status) << c.text;
    }
    if (*c.earliest) {
      EXPECT_EQ(found->date.earliest, c.earliest) << c.text;
      EXPECT_EQ(found->date.latest, c.latest) << c.text;
    }
    if (c.count >= 0) {
      ASSERT_TRUE(found->count.has_value()) << c.text;
      EXPECT_EQ(*found->count, c.count) << c.text;
    }
    // Evidence is the exact original substring at its offsets.
    std::string text(c.text);
    ASSERT_LE(found->evidence.span.end, text.size());
    EXPECT_EQ(text.substr(found->evidence.span.start,
                          found->evidence.span.end - found->evidence.span.start),
              found->evidence.text);
  }
}

TEST(ExtractSentencesTest, BackgroundWithoutPlaceGivesNoEvent) {
  ExtractFixture& f = ExtractFixture::Get();
  ASSERT_TRUE(f.error.empty()) << f.error;
  ExtractFixture::Output out = f.Run(
      "Les marchés ont rouvert. La reprise des cours est attendue. Le temps est doux. "
      "Les écoles accueillent les élèves.",
      "fr", "2021-07-04");
  EXPECT_TRUE(out.events.empty());
}

TEST(ExtractSentencesTest, FallenWithoutAFightIsNoAttack) {
  ExtractFixture& f = ExtractFixture::Get();
  ExtractFixture::Output out = f.Run("Bourem est tombée sans combat.", "fr", "2021-07-04");
  for (const Event& e : out.events) EXPECT_NE(e.type, "attack");
}

TEST(ExtractQuotesTest, SpeakerAfterTheQuote) {
  ExtractFixture& f = ExtractFixture::Get();
  ExtractFixture::Output out = f.Run(
      "« Nous tiendrons la ville coûte que coûte », a déclaré Moussa Traoré, gouverneur de la "
      "région.",
      "fr", "2021-07-04");
  ASSERT_EQ(out.quotes.size(), 1u);
  EXPECT_EQ(out.quotes[0].speaker, "Moussa Traoré");
  EXPECT_EQ(out.quotes[0].role, "gouverneur de la région");
  EXPECT_EQ(out.quotes[0].text, "Nous tiendrons la ville coûte que coûte");
}

TEST(ExtractQuotesTest, SpeakerBeforeTheQuote) {
  ExtractFixture& f = ExtractFixture::Get();
  ExtractFixture::Output out = f.Run(
      "The governor, Amadou Keita, told reporters: \"We will hold the city whatever it takes.\"",
      "en", "2021-07-04");
  ASSERT_EQ(out.quotes.size(), 1u);
  EXPECT_EQ(out.quotes[0].speaker, "Amadou Keita");
}

TEST(ExtractQuotesTest, PhotoCreditIsNoSpeaker) {
  ExtractFixture& f = ExtractFixture::Get();
  ExtractFixture::Output out = f.Run(
      "REUTERS/JOHN SMITH « Nous tiendrons la ville coûte que coûte » ont crié des habitants.",
      "fr", "2021-07-04");
  for (const Quote& q : out.quotes) EXPECT_EQ(q.speaker.find("REUTERS"), std::string::npos);
}

}  // namespace
}  // namespace vigie::internal
