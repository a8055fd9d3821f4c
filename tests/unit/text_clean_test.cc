#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "base/utf8.h"
#include "text/clean.h"

namespace vigie::internal {
namespace {

using Counts = std::array<uint32_t, size_t(CleanRule::kCount)>;

class CleanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto cleaner = Cleaner::Create(VIGIE_DATA_DIR);
    ASSERT_TRUE(cleaner.ok()) << cleaner.status().ToString();
    cleaner_ = std::move(cleaner).value().release();
  }
  static void TearDownTestSuite() { delete cleaner_; }

  std::string Clean(std::string_view text) {
    cleaner_->Clean(text, &out_, &map_, &counts_);
    CheckMap(text);
    return out_;
  }
  uint32_t Count(CleanRule rule) const { return counts_[size_t(rule)]; }

  // Every output byte maps into the original, the map never goes back, and within each run of
  // bytes copied unchanged the mapped original bytes are the output bytes.
  void CheckMap(std::string_view original) {
    ASSERT_EQ(map_.size(), out_.size());
    ASSERT_EQ(map_.ToOriginal(static_cast<uint32_t>(out_.size())), original.size());
    for (uint32_t i = 0; i < out_.size(); ++i) {
      ASSERT_LE(map_.ToOriginal(i), map_.ToOriginal(i + 1)) << i;
      ASSERT_LT(map_.ToOriginal(i), original.size());
    }
    std::mt19937 rng(11);
    for (int round = 0; round < 200 && !out_.empty(); ++round) {
      const uint32_t a = rng() % out_.size();
      uint32_t b = a;
      while (b < out_.size() && map_.ToOriginal(b) == map_.ToOriginal(a) + (b - a) &&
             original[map_.ToOriginal(b)] == out_[b] && b - a < 40) {
        ++b;
      }
      const Span s = map_.ToOriginal(Span{a, b});
      if (b > a && b < out_.size() && map_.ToOriginal(b) == map_.ToOriginal(a) + (b - a)) {
        ASSERT_EQ(original.substr(s.start, s.end - s.start),
                  std::string_view(out_).substr(a, b - a));
      }
    }
  }

  static Cleaner* cleaner_;
  std::string out_;
  OffsetMap map_;
  Counts counts_{};
};
Cleaner* CleanTest::cleaner_ = nullptr;

TEST_F(CleanTest, TextWithoutJunkIsTheIdentity) {
  const std::string texts[] = {
      "Les combats ont repris mardi à Hérat, selon l’ONU. L’OTAN et le JNIM n’ont pas réagi.\n\n"
      "« Nous tenons la ville », a affirmé un porte-parole du TPLF, cité par l’AFP.",
      "The rebels said on Monday they had taken the town. REUTERS could not verify the claim.\n"
      "A UN official told AFP that 12 people died. Taliban fighters - about 200 - entered at dawn.",
      "Prix : 5 € < 10 € & plus. a<b, x > y. ÉTAT D’URGENCE à Kaboul.",
      "",
      "\n\n",
  };
  for (const std::string& text : texts) {
    EXPECT_EQ(Clean(text), text);
    for (uint32_t i = 0; i <= text.size(); ++i) ASSERT_EQ(map_.ToOriginal(i), i);
  }
  for (uint32_t c : counts_) EXPECT_EQ(c, 0u);
}

TEST_F(CleanTest, IdentityOnRandomJunkFreeText) {
  const std::string words[] = {"Les",   "talibans", "ont",     "pris", "Kandahar", ".",   ",",
                               "ONU",   "OTAN",     "l’armée", "«",    "»",        "\n",  "\n\n",
                               "l’AFP", "a",        "dit",     "à",    "Reuters",  "the", "city",
                               "fell",  "-",        "Hérat",   "2021", "TPLF",     "JNIM"};
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int k = 0; k < 30; ++k) {
      text += words[rng() % std::size(words)];
      text += ' ';
    }
    // Random word soups repeat lines; only check texts whose lines are all different.
    if (text.find('\n') != std::string::npos) continue;
    ASSERT_EQ(Clean(text), text);
  }
}

TEST_F(CleanTest, RemovesHtmlTagsAndDecodesEntities) {
  EXPECT_EQ(
      Clean("Le port <a href=\"https://exemple.org/x\" target=\"_blank\">a été bombardé</a> hier."),
      "Le port a été bombardé hier.");
  EXPECT_EQ(Clean("Kaboul&nbsp;: l&#39;armée &amp; la police&#x2019;s"),
            "Kaboul\u00a0: l'armée & la police’s");
  EXPECT_EQ(Clean("Premier paragraphe.<br>Second paragraphe.</p><p>Troisième."),
            "Premier paragraphe.\nSecond paragraphe.\nTroisième.");
  EXPECT_EQ(Clean("Avant<script>var x = '<b>';</script> après"), "Avant après");
  EXPECT_EQ(Clean("a<!-- commentaire -->b"), "a b");
  EXPECT_EQ(Clean("a<!-- un\ndeux -->b"), "a\nb");
  EXPECT_EQ(Clean("x &bogus; y &#xZZ; z"), "x &bogus; y &#xZZ; z");
  EXPECT_GT(Count(CleanRule::kHtml), 8u);
}

TEST_F(CleanTest, MapsDecodedEntityToItsWholeSource) {
  const std::string text = "A&amp;B";
  EXPECT_EQ(Clean(text), "A&B");
  EXPECT_EQ(map_.ToOriginal(Span{1, 2}).start, 1u);
  EXPECT_EQ(map_.ToOriginal(Span{1, 2}).end, 6u);
}

TEST_F(CleanTest, RepairsMojibake) {
  EXPECT_EQ(Clean("Les talibans ont pris la citÃ© Ã  l’aube."),
            "Les talibans ont pris la cité à l’aube.");
  EXPECT_EQ(Clean("The governorâ€™s office"), "The governor’s office");
  EXPECT_EQ(Clean("«Â Nous resterons », a-t-il dit."), "« Nous resterons », a-t-il dit.");
  EXPECT_EQ(Clean("Ã‰tat islamique"), "État islamique");
  EXPECT_EQ(Count(CleanRule::kMojibake), 5u);
  // Real Portuguese and French letters stay.
  EXPECT_EQ(Clean("São Tomé, Ãrea, àé"), "São Tomé, Ãrea, àé");
}

// What a Windows-1252 decoder makes of UTF-8 bytes (the five bytes it leaves undefined pass
// through as C1 controls).
std::string AsMojibake(std::string_view utf8) {
  static const char32_t kHigh[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  std::string out;
  for (char c : utf8) {
    const auto b = static_cast<unsigned char>(c);
    AppendUtf8(b >= 0x80 && b < 0xA0 ? kHigh[b - 0x80] : char32_t(b), &out);
  }
  return out;
}

TEST_F(CleanTest, UndoesMojibakeOfAWholeText) {
  const std::string text =
      "À l’aube, les combattants sont entrés dans Kondoz « sans résistance », selon un élu. "
      "Œuvre d’un groupe armé ? L’état-major dément — 12 morts, 3 blessés… The governor’s “office” "
      "said: naïve façade, Ünye, Ωmega, 😀.";
  const std::string broken = AsMojibake(text);
  ASSERT_NE(broken, text);
  EXPECT_EQ(Clean(broken), text);
  EXPECT_GT(Count(CleanRule::kMojibake), 20u);
}

TEST_F(CleanTest, RemovesControlAndInvisibleCharacters) {
  EXPECT_EQ(Clean("\xEF\xBB\xBFLe con\u00adtrôle de Ka\u200bboul\x01"
                  "est total."),
            "Le contrôle de Kaboul est total.");
  EXPECT_EQ(Clean("fin\x0c"
                  "début"),
            "fin\ndébut");
  EXPECT_EQ(Count(CleanRule::kControlChar), 5u);
}

TEST_F(CleanTest, RemovesPhotoCreditsGluedToSentences) {
  EXPECT_EQ(Clean("Un soldat garde la ville. EFE-EPA/JALIL REZAYEE Les talibans avancent."),
            "Un soldat garde la ville. Les talibans avancent.");
  EXPECT_EQ(Clean("Des civils fuient Kunduz. REUTERS - DANISH SIDDIQUI\nLes combats continuent."),
            "Des civils fuient Kunduz.\nLes combats continuent.");
  EXPECT_EQ(
      Clean("Troops patrol the border on March 4. Ana Pereira/AFP/Getty Images\nThe army said."),
      "Troops patrol the border on March 4.\nThe army said.");
  EXPECT_EQ(Clean("A destroyed tank near the village | Marko Horvat/AFP via Getty Images\nNext."),
            "A destroyed tank near the village\nNext.");
  EXPECT_EQ(Clean("Un blindé détruit, le 3 mai 2022 - AHMAD SAHEL ARMAN\nLe front a bougé."),
            "Un blindé détruit, le 3 mai 2022\nLe front a bougé.");
  EXPECT_EQ(Clean("Image diffusée via REUTERS - FORCES ARMÉES UKRAINIENNES\n\nLe pont est coupé."),
            "Image diffusée\n\nLe pont est coupé.");
  EXPECT_EQ(Clean("« Nous ne partirons pas. » OMAR HALEEM Le gouverneur a démenti."),
            "« Nous ne partirons pas. » Le gouverneur a démenti.");
  EXPECT_EQ(Clean("Crédits photo : Agence Exemple\nLe texte commence."), "\nLe texte commence.");
  EXPECT_EQ(Clean("Smoke rises over the port (Photo by OMAR HALEEM / AFP) as ships leave."),
            "Smoke rises over the port as ships leave.");
  EXPECT_EQ(Count(CleanRule::kPhotoCredit), 9u);
  EXPECT_EQ(Clean("Le convoi (Photo non datée) est parti."),
            "Le convoi (Photo non datée) est parti.");
}

TEST_F(CleanTest, KeepsAllCapsWordsAndAgenciesInSentences) {
  const std::string texts[] = {
      "Le JNIM a revendiqué l’attaque. OTAN ET ONU Les deux organisations se taisent.",
      "Un porte-parole a déclaré à l’AFP Ahmad Wali que la ville était tombée.",
      "Selon des dépêches AFP/Reuters, le TPLF a repris Dessie.",
      "La MINUSMA a confirmé. Le TPLF - FRONT DE LIBÉRATION tient la route.",
      "Reuters reported on Monday that the UN convoy was hit.",
      "The attack - claimed by ISIS - killed 12. NATO said so.",
  };
  for (const std::string& text : texts) EXPECT_EQ(Clean(text), text);
  EXPECT_EQ(Count(CleanRule::kPhotoCredit), 0u);
}

// "Firstname SURNAME / AGENCY": given names in normal case before surnames in capitals, often
// glued to the sentence before it with no space.
TEST_F(CleanTest, RemovesCreditsWithGivenNamesBeforeSurnamesInCapitals) {
  EXPECT_EQ(Clean("Rescuers dig through the rubble of a school on Tuesday.Maria KOVAL / AFP\n"
                  "The governor said six people were missing."),
            "Rescuers dig through the rubble of a school on Tuesday.\n"
            "The governor said six people were missing.");
  EXPECT_EQ(
      Clean("Des blindés entrent dans la ville, le 3 mai.Jean-Marc DUVAL/AFP\nLe front bouge."),
      "Des blindés entrent dans la ville, le 3 mai.\nLe front bouge.");
  EXPECT_EQ(Clean("A convoy leaves the port on Friday. Ana Maria SILVA COSTA / Reuters\nNext."),
            "A convoy leaves the port on Friday.\nNext.");
  EXPECT_EQ(Clean("Smoke rises over the harbour.Pedro ALVES / AFP The navy pulled back."),
            "Smoke rises over the harbour. The navy pulled back.");
  EXPECT_EQ(Clean("Un pont détruit près de Kherson. AFP / Pedro ALVES\nLa suite."),
            "Un pont détruit près de Kherson.\nLa suite.");
  EXPECT_EQ(Clean("Troops cross the river near the front Juan RUIZ / AFP\nMore."),
            "Troops cross the river near the front\nMore.");
  EXPECT_EQ(Count(CleanRule::kPhotoCredit), 6u);
}

TEST_F(CleanTest, KeepsNamesAndAgenciesThatAreNotCredits) {
  const std::string texts[] = {
      "The town fell on Monday, said Juan Barreto, a witness, who spoke to the AFP news agency.",
      "Le photographe Juan BARRETO / AFP a été blessé mardi près de Kharkiv.",
      "Selon des dépêches AFP/Reuters, Juan BARRETO a été blessé. L’AFP a confirmé.",
      "La réunion a eu lieu.Le chef de l’ONU a parlé à l’AFP et à l’OTAN.",
      "Les pays de l’OTAN / AFP et Reuters citent l’ONU.",
      "The AFP news agency said Maria KOVAL had left.",
      "AFP - Le MNLA a revendiqué l’attaque mardi.",
      "Juan BARRETO, a witness, told Reuters the bridge was down.",
  };
  for (const std::string& text : texts) EXPECT_EQ(Clean(text), text);
  EXPECT_EQ(Count(CleanRule::kPhotoCredit), 0u);
}

TEST_F(CleanTest, RemovesReadAlsoInserts) {
  EXPECT_EQ(
      Clean("Les combats durent.\n\nLIRE AUSSI Les talibans prennent une autre ville\n\nLa suite."),
      "Les combats durent.\n\n\n\nLa suite.");
  EXPECT_EQ(Clean("Fighting goes on.\nAlso read: Rebels take a second town\nMore text."),
            "Fighting goes on.\n\nMore text.");
  EXPECT_EQ(Clean("Fighting goes on.\nREAD MORE: Rebels take a second town\nMore."),
            "Fighting goes on.\n\nMore.");
  EXPECT_EQ(Clean("“We will stay.”- READ MORE\nResponses"), "“We will stay.”\nResponses");
  EXPECT_EQ(Clean("They left. READ MORE: Rebels take a town\nNext"), "They left.\nNext");
  EXPECT_EQ(Clean("Lire aussi : Le front se déplace vers l’est\n"), "\n");
  EXPECT_EQ(Count(CleanRule::kReadAlso), 6u);
  // A sentence that starts with the words is not a marker.
  EXPECT_EQ(Clean("Lire aussi le rapport de l’ONU aide à comprendre."),
            "Lire aussi le rapport de l’ONU aide à comprendre.");
}

TEST_F(CleanTest, DropsRepeatedParagraphs) {
  const std::string para = "Les talibans ont pris le contrôle du poste-frontière mardi soir.";
  EXPECT_EQ(Clean(para + "\n\nUn autre paragraphe suit ici.\n\n" + para + "\n\nFin."),
            para + "\n\nUn autre paragraphe suit ici.\n\n\n\nFin.");
  EXPECT_EQ(Count(CleanRule::kRepeatedParagraph), 1u);
  // Short lines may repeat.
  EXPECT_EQ(Clean("(...)\nA\n(...)\n"), "(...)\nA\n(...)\n");
}

TEST_F(CleanTest, JunkNeverGluesWords) {
  EXPECT_EQ(Clean("la ville<br>les talibans"), "la ville\nles talibans");
  EXPECT_EQ(Clean("la ville<img src=\"x.jpg\">les talibans"), "la ville les talibans");
  EXPECT_EQ(Clean("la ville\x02les talibans"), "la ville les talibans");
  EXPECT_EQ(Clean("la ville <br> les talibans"), "la ville les talibans");
}

TEST_F(CleanTest, MapStaysValidOnRandomJunk) {
  const std::string pieces[] = {"Les talibans",
                                " ",
                                ". ",
                                "\n",
                                "\n\n",
                                "<br>",
                                "<a href=\"x\">",
                                "</a>",
                                "&amp;",
                                "&nbsp;",
                                "&#39;",
                                "Ã©",
                                "Ã ",
                                "â€™",
                                "Â",
                                "\x01",
                                "\u200b",
                                "AFP",
                                "/",
                                " - ",
                                "JALIL REZAYEE",
                                "Getty Images",
                                "LIRE AUSSI",
                                "Also read:",
                                "Kaboul",
                                "ONU",
                                "é",
                                "«",
                                "»",
                                "<",
                                "&",
                                "via "};
  std::mt19937 rng(17);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = rng() % 25;
    for (int k = 0; k < n; ++k) text += pieces[rng() % std::size(pieces)];
    Clean(text);
    ASSERT_FALSE(HasFatalFailure()) << text;
  }
}

TEST_F(CleanTest, ReusesBuffersAndAddsToCounts) {
  Clean("a&amp;b");
  Clean("a&amp;b");
  EXPECT_EQ(Count(CleanRule::kHtml), 2u);
  const char* data = out_.data();
  Clean("c&amp;d");
  EXPECT_EQ(out_.data(), data);
}

TEST_F(CleanTest, SurvivesInvalidUtf8AndTruncatedJunk) {
  const std::string texts[] = {std::string("a\xC3"),
                               std::string("\xE2\x80"),
                               "<a href=\"x",
                               "&amp",
                               "Ã",
                               "<!--",
                               std::string("x\xFF\xFEy"),
                               "EFE-",
                               "AFP/"};
  for (const std::string& text : texts) Clean(text);
  EXPECT_EQ(Clean(std::string("a\xFFz")), std::string("a\xFFz"));
}

TEST_F(CleanTest, SurvivesRandomBytes) {
  const std::string alphabet =
      std::string("<>&#;/- .\n\"aAZ(") + "\xC3\xC2\xE2\x80\x82\xA9\xEF\xBB\xBF\x01";
  std::mt19937 rng(23);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const int n = rng() % 48;
    for (int k = 0; k < n; ++k) {
      text += rng() % 4 ? alphabet[rng() % alphabet.size()] : static_cast<char>(rng() % 256);
    }
    Clean(text);
    ASSERT_FALSE(HasFatalFailure());
  }
}

TEST(CleanerCreate, NamesTheFileThatIsMissingOrBad) {
  const std::string dir = testing::TempDir() + "/clean_data";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/text");
  auto missing = Cleaner::Create(dir);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("agencies.txt"), std::string::npos);
  for (const char* name :
       {"agencies.txt", "photo_credit_lines.txt", "caps_not_names.txt", "read_also.txt"}) {
    std::ofstream(dir + "/text/" + name) << "# comment\n";
  }
  std::ofstream(dir + "/text/html_entities.txt") << "# comment\nnbsp\tU+00A0\namp\t0026\n";
  auto bad = Cleaner::Create(dir);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("html_entities.txt:3:"), std::string::npos)
      << bad.status().message();
}

}  // namespace
}  // namespace vigie::internal
