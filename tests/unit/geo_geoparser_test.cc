// The geoparser on hand-built documents and a small in-memory gazetteer: longest match, cues,
// person context, focus country, co-mentioned admin1, unresolved names and original offsets.
#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/fold.h"
#include "geo/geoparser.h"
#include "geo/geoparser_rules.h"

namespace vigie::internal {
namespace {

struct FakePlace {
  std::string name;
  PlaceKind kind;
  std::string country;
  std::string admin1;
  uint64_t population;
  std::vector<std::string> alternates;
};

// The interface is virtual so tests can stand in for the mapped file.
class FakeGazetteer : public Gazetteer {
 public:
  explicit FakeGazetteer(std::vector<FakePlace> places) : places_(std::move(places)) {
    for (uint32_t i = 0; i < places_.size(); ++i) {
      std::vector<std::string> names = places_[i].alternates;
      names.push_back(places_[i].name);
      for (const std::string& n : names) {
        std::string folded = FoldText(n);
        auto& ids = by_name_[folded];
        if (ids.empty() || ids.back() != i) ids.push_back(i);
        for (size_t sp = folded.find(' '); sp != std::string::npos; sp = folded.find(' ', sp + 1)) {
          prefixes_.insert(folded.substr(0, sp));
        }
      }
    }
  }
  std::span<const uint32_t> Candidates(std::string_view folded_name) const override {
    auto it = by_name_.find(std::string(folded_name));
    if (it == by_name_.end()) return {};
    return it->second;
  }
  bool HasLongerName(std::string_view folded_prefix) const override {
    return prefixes_.contains(std::string(folded_prefix));
  }
  GazEntry Entry(uint32_t index) const override {
    const FakePlace& p = places_[index];
    GazEntry e;
    e.index = index;
    e.geonameid = 1000 + index;
    e.kind = p.kind;
    e.name = p.name;
    e.country = p.country;
    e.admin1 = p.admin1;
    e.admin1_index = UINT32_MAX;
    for (uint32_t i = 0; i < places_.size(); ++i) {
      if (places_[i].kind == PlaceKind::kAdmin1 && places_[i].name == p.admin1 &&
          places_[i].country == p.country) {
        e.admin1_index = i;
      }
    }
    e.population = p.population;
    e.lat = 10;
    e.lon = 20;
    return e;
  }
  uint32_t size() const override { return static_cast<uint32_t>(places_.size()); }
  size_t mapped_bytes() const override { return 0; }

 private:
  std::vector<FakePlace> places_;
  std::map<std::string, std::vector<uint32_t>> by_name_;
  std::set<std::string> prefixes_;
};

const FakeGazetteer& TestGazetteer() {
  using K = PlaceKind;
  static const FakeGazetteer* gaz = new FakeGazetteer({
      {"Afghanistan", K::kCountry, "AF", "", 38000000, {}},
      {"Ethiopia", K::kCountry, "ET", "", 110000000, {"Éthiopie"}},
      {"Brazil", K::kCountry, "BR", "", 210000000, {"Brésil"}},
      {"Kandahar", K::kAdmin1, "AF", "Kandahar", 0, {"Kandahâr"}},
      {"Kandahar", K::kCity, "AF", "Kandahar", 391000, {}},
      {"Herat", K::kCity, "AF", "Herat", 436000, {"Hérat"}},
      {"Herat", K::kAdmin1, "AF", "Herat", 0, {"Hérat"}},
      {"Mazar-i-Sharif", K::kCity, "AF", "Balkh", 375000, {"Mazar-e Charif", "Mazar-e-Sharif"}},
      {"Balkh", K::kAdmin1, "AF", "Balkh", 0, {}},
      {"Kunduz", K::kCity, "AF", "Kunduz", 260000, {"Koundouz"}},
      {"Kunduz", K::kAdmin1, "AF", "Kunduz", 0, {"Koundouz"}},
      {"Takhar", K::kAdmin1, "AF", "Takhar", 0, {}},
      {"Badakhshan", K::kAdmin1, "AF", "Badakhshan", 0, {}},
      {"Baharak", K::kAdmin2, "AF", "Badakhshan", 0, {}},
      {"Baharak", K::kAdmin2, "AF", "Takhar", 0, {}},
      {"Tigray", K::kAdmin1, "ET", "Tigray", 0, {"Tigré"}},
      {"Tigre", K::kCity, "AR", "Buenos Aires", 301000, {}},
      {"Tigre", K::kCity, "BR", "Bahia", 4000, {}},
      {"Ismail", K::kCity, "AF", "Herat", 800, {}},
      {"Ghani", K::kCity, "AF", "Kunduz", 600, {}},
      {"Nice", K::kCity, "FR", "Provence-Alpes-Cote d'Azur", 342000, {}},
      {"Selon", K::kCity, "CM", "Centre", 300, {}},
      {"Kabul", K::kCity, "AF", "Kabul", 3000000, {"Kaboul"}},
      {"Kabul", K::kAdmin1, "AF", "Kabul", 0, {"Kaboul"}},
      {"Ma'arrat al-Nu'man", K::kCity, "SY", "Idlib", 58000, {}},
      {"Mocimboa da Praia", K::kCity, "MZ", "Cabo Delgado", 30000, {}},
      {"North Kivu", K::kAdmin1, "CD", "North Kivu", 0, {}},
      {"Nord", K::kAdmin1, "CM", "Nord", 0, {}},
      {"Goma", K::kCity, "CD", "North Kivu", 670000, {}},
      {"Burkina Faso", K::kCountry, "BF", "", 21000000, {}},
      {"Solhan", K::kCity, "TR", "Bingol", 15000, {}},
      {"Ukraine", K::kCountry, "UA", "", 41000000, {}},
      {"Izium", K::kCity, "UA", "Kharkiv", 45000, {"Izioum"}},
      {"Kupiansk", K::kCity, "UA", "Kharkiv", 27000, {}},
  });
  return *gaz;
}

bool IsUpperStart(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals (É, À...) are C3 80..C3 9E in UTF-8.
  return c == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) >= 0x80 &&
         static_cast<unsigned char>(word[1]) <= 0x9E;
}

// A small stand-in for the text stages: words, punctuation, French elisions, one sentence per
// ". ", identity offset map unless the test builds its own.
class DocBuilder {
 public:
  Document& Build(std::string_view text, Lang lang) {
    doc_.Clear();
    text_ = std::string(text);
    doc_.original = text_;
    doc_.text = text_;
    doc_.map.ResetIdentity(static_cast<uint32_t>(text_.size()));
    doc_.lang = lang;
    Sentence s;
    bool new_sentence = true;
    size_t i = 0;
    while (i < text_.size()) {
      char c = text_[i];
      if (c == ' ') {
        ++i;
        continue;
      }
      size_t start = i;
      TokenKind kind = TokenKind::kWord;
      if (std::string_view(",.;:!?()\"").find(c) != std::string_view::npos) {
        ++i;
        kind = TokenKind::kPunct;
      } else {
        while (i < text_.size() &&
               std::string_view(" ,.;:!?()\"").find(text_[i]) == std::string_view::npos) {
          // French elision: "d'" or "l'" split off.
          if (lang == Lang::kFr && i - start == 1 && text_[i] == '\'') {
            ++i;
            break;
          }
          ++i;
        }
      }
      Token t;
      t.start = static_cast<uint32_t>(start);
      t.end = static_cast<uint32_t>(i);
      t.kind = kind;
      std::string_view word(text_.data() + start, i - start);
      if (kind == TokenKind::kWord && IsUpperStart(word)) t.flags |= kCapitalized;
      if (word.size() == 2 && word[1] == '\'') t.flags |= kElision;
      if (new_sentence) {
        t.flags |= kSentenceStart;
        s.start = t.start;
        s.first_token = static_cast<uint32_t>(doc_.tokens.size());
        new_sentence = false;
      }
      folded_.push_back(FoldText(word));
      t.folded = folded_.back();
      t.lower = folded_.back();
      t.lemma = folded_.back();
      doc_.tokens.push_back(t);
      if (word == ".") {
        s.end = t.end;
        s.end_token = static_cast<uint32_t>(doc_.tokens.size());
        doc_.sentences.push_back(s);
        new_sentence = true;
      }
    }
    if (!new_sentence) {
      s.end = static_cast<uint32_t>(text_.size());
      s.end_token = static_cast<uint32_t>(doc_.tokens.size());
      doc_.sentences.push_back(s);
    }
    return doc_;
  }

 private:
  Document doc_;
  std::string text_;
  std::deque<std::string> folded_;
};

class GeoparserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto parser = Geoparser::Create({VIGIE_DATA_DIR}, &TestGazetteer());
    ASSERT_TRUE(parser.ok()) << parser.status().ToString();
    parser_ = std::move(parser).value();
  }
  std::vector<PlaceMention> Parse(std::string_view text, Lang lang = Lang::kFr) {
    std::vector<PlaceMention> mentions;
    parser_->Run(builder_.Build(text, lang), &mentions);
    return mentions;
  }
  const PlaceMention* Find(const std::vector<PlaceMention>& ms, std::string_view text) {
    for (const PlaceMention& m : ms) {
      if (m.place.text == text) return &m;
    }
    return nullptr;
  }

  std::unique_ptr<Geoparser> parser_;
  DocBuilder builder_;
};

TEST_F(GeoparserTest, CityNameAloneIsTheCity) {
  auto ms = Parse("Les insurgés ont encerclé Kandahar hier soir.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.name, "Kandahar");
  EXPECT_EQ(ms[0].place.kind, PlaceKind::kCity);
  EXPECT_EQ(ms[0].place.country, "AF");
  EXPECT_EQ(ms[0].place.admin1, "Kandahar");
}

TEST_F(GeoparserTest, ProvinceCueTurnsTheNameIntoAdmin1) {
  auto ms = Parse("Les insurgés contrôlent la province de Kandahar depuis lundi.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(ms[0].cue_kind, PlaceKind::kAdmin1);
  EXPECT_EQ(ms[0].place.text, "Kandahar");
}

TEST_F(GeoparserTest, EnglishCueAfterTheName) {
  auto ms = Parse("Heavy fighting spread across Kunduz province overnight.", Lang::kEn);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(ms[0].place.name, "Kunduz");
}

TEST_F(GeoparserTest, ElidedArticleAndAccentKeepOriginalOffsets) {
  const std::string text = "Les habitants d'Hérat ont fui vers l'ouest.";
  auto ms = Parse(text);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.text, "Hérat");
  EXPECT_EQ(ms[0].place.span.start, text.find("Hérat"));
  EXPECT_EQ(ms[0].place.span.end, text.find("Hérat") + std::string("Hérat").size());
  EXPECT_EQ(ms[0].place.name, "Herat");
}

TEST_F(GeoparserTest, HyphenAndSpaceVariantsOfOneName) {
  auto a = Parse("Des combats ont éclaté à Mazar-e Charif dans la nuit.");
  auto b = Parse("Des combats ont éclaté à Mazar-i-Sharif dans la nuit.");
  auto c = Parse("Des combats ont éclaté à Mazar-e-Sharif dans la nuit.");
  for (const auto* ms : {&a, &b, &c}) {
    ASSERT_EQ(ms->size(), 1u);
    EXPECT_EQ((*ms)[0].place.name, "Mazar-i-Sharif");
    EXPECT_EQ((*ms)[0].place.admin1, "Balkh");
  }
  EXPECT_EQ(a[0].place.text, "Mazar-e Charif");
}

TEST_F(GeoparserTest, LongestMatchWithLowerCaseInnerWord) {
  auto ms = Parse("Insurgents attacked Mocimboa da Praia at dawn.", Lang::kEn);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.text, "Mocimboa da Praia");
  EXPECT_EQ(ms[0].place.country, "MZ");
}

TEST_F(GeoparserTest, ApostropheVariantsMatch) {
  const std::string text = "Government troops entered Ma\u2019arrat al-Nu\u2019man on Tuesday.";
  auto ms = Parse(text, Lang::kEn);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.country, "SY");
  EXPECT_EQ(ms[0].place.text, "Ma\u2019arrat al-Nu\u2019man");
}

TEST_F(GeoparserTest, PersonNamesAreNotPlaces) {
  auto ms = Parse("Le chef de guerre Ismail Khan a rejoint Herat. Ashraf Ghani a quitté Kaboul.");
  EXPECT_EQ(Find(ms, "Ismail"), nullptr);
  EXPECT_EQ(Find(ms, "Ghani"), nullptr);
  EXPECT_NE(Find(ms, "Herat"), nullptr);
  EXPECT_NE(Find(ms, "Kaboul"), nullptr);
}

TEST_F(GeoparserTest, TitleBeforeANameMakesItAPerson) {
  auto ms = Parse("Selon le président Kandahar, la situation est calme.");
  EXPECT_TRUE(ms.empty());
}

TEST_F(GeoparserTest, TigreInFrenchIsTigray) {
  auto ms = Parse("Les combats se poursuivent au Tigré depuis novembre.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.name, "Tigray");
  EXPECT_EQ(ms[0].place.country, "ET");
}

TEST_F(GeoparserTest, TigreWithBrazilInContextIsBrazilian) {
  auto ms = Parse("Au Brésil, la petite ville de Tigre a été inondée.");
  const PlaceMention* tigre = Find(ms, "Tigre");
  ASSERT_NE(tigre, nullptr);
  EXPECT_EQ(tigre->place.country, "BR");
}

TEST_F(GeoparserTest, CoMentionedProvincePicksTheDistrict) {
  auto ms = Parse("Après la chute de Takhar, les talibans ont pris le district de Baharak.");
  const PlaceMention* baharak = Find(ms, "Baharak");
  ASSERT_NE(baharak, nullptr);
  EXPECT_EQ(baharak->place.admin1, "Takhar");
  EXPECT_EQ(baharak->place.kind, PlaceKind::kAdmin2);
}

TEST_F(GeoparserTest, CommonWordOpeningASentenceIsNotAPlace) {
  auto ms = Parse("Nice words will not stop the shelling of Kabul.", Lang::kEn);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.text, "Kabul");
  auto fr = Parse("Selon les habitants, Kaboul est calme.");
  ASSERT_EQ(fr.size(), 1u);
  EXPECT_EQ(fr[0].place.text, "Kaboul");
}

TEST_F(GeoparserTest, UnknownNameAfterACueIsKeptUnresolved) {
  auto ms = Parse("Les talibans ont pris le district de Zorglub Khel cette nuit.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.text, "Zorglub Khel");
  EXPECT_FALSE(ms[0].place.resolved());
  EXPECT_EQ(ms[0].entry, UINT32_MAX);
}

TEST_F(GeoparserTest, UnknownCapitalizedWordWithoutCueIsDropped) {
  EXPECT_TRUE(Parse("Les envoyés de Zorglub sont arrivés.").empty());
}

TEST_F(GeoparserTest, LowerCaseNameAfterACue) {
  auto ms = Parse("Les combats en Afghanistan gagnent la province du badakhshan.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[1].place.name, "Badakhshan");
  // Without the country in the article, a lower-case word after a cue is not trusted.
  EXPECT_TRUE(Parse("Les combats gagnent la province du badakhshan.").empty());
}

TEST_F(GeoparserTest, CueCarriesAcrossAList) {
  auto ms = Parse("Les combats touchent les provinces de Kunduz et de Takhar.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].place.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(ms[1].place.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(ms[1].place.name, "Takhar");
}

TEST_F(GeoparserTest, RelativeLocationIsFlagged) {
  auto ms = Parse("Des affrontements ont eu lieu au nord de Kunduz samedi.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_TRUE(ms[0].relative);
  EXPECT_EQ(ms[0].place.name, "Kunduz");
}

TEST_F(GeoparserTest, EnglishPossessiveIsNotPartOfTheName) {
  auto ms = Parse("Crowds gathered at Kabul's airport.", Lang::kEn);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.text, "Kabul");
}

TEST_F(GeoparserTest, OffsetsGoThroughTheMapToTheOriginal) {
  // The original had "&amp; " (6 bytes) where the cleaned text has "& " (2 bytes).
  const std::string original = "Paix &amp; guerre: Kaboul tient.";
  DocBuilder builder;
  Document& doc = builder.Build("Paix & guerre: Kaboul tient.", Lang::kFr);
  doc.original = original;
  doc.map.Clear();
  for (uint32_t i = 0; i < doc.text.size(); ++i) doc.map.Push(i <= 5 ? i : i + 4);
  doc.map.Finish(static_cast<uint32_t>(original.size()));
  std::vector<PlaceMention> ms;
  parser_->Run(doc, &ms);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.span.start, original.find("Kaboul"));
  EXPECT_EQ(ms[0].place.text, "Kaboul");
}

TEST_F(GeoparserTest, TextDroppedRightAfterANameStaysOutOfItsSpan) {
  // Cleaning dropped " | Photo AFP" (12 bytes) between "Kaboul" and " tient".
  const std::string original = "Kaboul | Photo AFP tient.";
  DocBuilder builder;
  Document& doc = builder.Build("Kaboul tient.", Lang::kFr);
  doc.original = original;
  doc.map.Clear();
  for (uint32_t i = 0; i < doc.text.size(); ++i) doc.map.Push(i < 6 ? i : i + 12);
  doc.map.Finish(static_cast<uint32_t>(original.size()));
  std::vector<PlaceMention> ms;
  parser_->Run(doc, &ms);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.text, "Kaboul");
  EXPECT_EQ(ms[0].place.span.end, 6u);
}

TEST_F(GeoparserTest, WithoutGazetteerOnlyCuedNamesRemain) {
  auto parser = Geoparser::Create({VIGIE_DATA_DIR}, nullptr);
  ASSERT_TRUE(parser.ok());
  DocBuilder builder;
  std::vector<PlaceMention> ms;
  (*parser)->Run(builder.Build("La ville de Kandahar reste calme, Herat aussi.", Lang::kFr), &ms);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.text, "Kandahar");
  EXPECT_FALSE(ms[0].place.resolved());
}

TEST_F(GeoparserTest, TranslatedFirstWordFindsTheEnglishName) {
  auto ms = Parse("Les rebelles progressent au Nord-Kivu, autour de Goma.");
  const PlaceMention* kivu = Find(ms, "Nord-Kivu");
  ASSERT_NE(kivu, nullptr);
  EXPECT_EQ(kivu->place.name, "North Kivu");
  EXPECT_EQ(kivu->place.country, "CD");
}

TEST_F(GeoparserTest, DirectionWordIsNoUnitOfAnotherCountry) {
  auto ms = Parse("Les combats font rage dans le Nord, près de Goma.");
  EXPECT_EQ(Find(ms, "Nord"), nullptr);
  EXPECT_NE(Find(ms, "Goma"), nullptr);
}

TEST_F(GeoparserTest, SmallTownOfAnotherCountryBecomesUnresolvedInTheFocusCountry) {
  // The gazetteer knows only a Turkish Solhan; the dispatch is about Burkina Faso.
  auto ms = Parse("Au Burkina Faso, le village de Solhan a été attaqué dans la nuit.");
  const PlaceMention* solhan = Find(ms, "Solhan");
  ASSERT_NE(solhan, nullptr);
  EXPECT_FALSE(solhan->place.resolved());
  EXPECT_EQ(solhan->place.country, "BF");
  EXPECT_TRUE(solhan->place.approximate);
}

TEST_F(GeoparserTest, HyphenatedPairOfPlacesGivesBothParts) {
  const std::string text = "En Ukraine, l'offensive Izium-Kupiansk a surpris.";
  auto ms = Parse(text);
  const PlaceMention* kupiansk = Find(ms, "Kupiansk");
  ASSERT_NE(kupiansk, nullptr);
  EXPECT_EQ(kupiansk->place.span.start, text.find("Kupiansk"));
  EXPECT_NE(Find(ms, "Izium"), nullptr);
}

TEST_F(GeoparserTest, CapitalizedCueInsideANameIsNoCue) {
  auto ms = Parse("The US State Department said on Monday that Kabul was calm.", Lang::kEn);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.text, "Kabul");
}

TEST_F(GeoparserTest, SiteNamedByAPhraseAloneIsKeptInTheArticlesCountry) {
  auto ms = Parse("Les rebelles ont investi le palais présidentiel à Kandahar mardi.");
  const PlaceMention* palace = Find(ms, "palais présidentiel");
  ASSERT_NE(palace, nullptr);
  EXPECT_EQ(palace->cue_kind, PlaceKind::kSite);
  EXPECT_FALSE(palace->place.resolved());
  EXPECT_EQ(palace->place.country, "AF");
  ASSERT_NE(Find(ms, "Kandahar"), nullptr);
}

TEST_F(GeoparserTest, EnglishSitePhraseAlone) {
  auto ms = Parse("Gunmen stormed the Presidential Palace near Kunduz on Friday.", Lang::kEn);
  const PlaceMention* palace = Find(ms, "Presidential Palace");
  ASSERT_NE(palace, nullptr);
  EXPECT_EQ(palace->cue_kind, PlaceKind::kSite);
}

TEST_F(GeoparserTest, SitePhraseBeforeItsNameLeavesTheNameToTheCue) {
  auto ms = Parse("Des roquettes ont visé l'aéroport de Kandahar dans la nuit.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].place.text, "Kandahar");
  EXPECT_EQ(ms[0].cue_kind, PlaceKind::kSite);
}

TEST_F(GeoparserTest, LastListItemAfterAConjunctionKeepsTheCue) {
  auto ms = Parse("Les villes de Kandahar et Zorglubad près du fleuve ont été attaquées.");
  const PlaceMention* unknown = Find(ms, "Zorglubad");
  ASSERT_NE(unknown, nullptr);
  EXPECT_FALSE(unknown->place.resolved());
  EXPECT_EQ(unknown->place.country, "AF");
}

TEST_F(GeoparserTest, CommaAloneDoesNotCarryTheCueToAPerson) {
  auto ms = Parse("Le gouverneur de la province de Kandahar, Zorglub Kahlil a démissionné hier.");
  EXPECT_EQ(Find(ms, "Zorglub Kahlil"), nullptr);
}

TEST_F(GeoparserTest, FrontAndZoneCuesKeepAnUnknownName) {
  auto ms = Parse("Près de Kandahar, les rebelles avancent sur le front de Zorglubad.");
  ASSERT_NE(Find(ms, "Zorglubad"), nullptr);
  ms = Parse("Les combats se concentrent dans la zone de Zorglub Pul, au sud de Kandahar.");
  ASSERT_NE(Find(ms, "Zorglub Pul"), nullptr);
}

TEST(PlaceRulesTest, ErrorsNameTheFileAndLine) {
  PlaceRules rules;
  Status s =
      ParsePlaceRules("kind\tprovince\tadmin1\nkind\tcanton\tcounty\n", "places.tsv", &rules);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("places.tsv:2:"), std::string::npos) << s.message();
  PlaceRules other;
  Status bad = ParsePlaceRules("# comment\n\nweird\tword\n", "x.tsv", &other);
  EXPECT_NE(bad.message().find("x.tsv:3: unknown category 'weird'"), std::string::npos);
}

TEST(PlaceRulesTest, ShippedRuleFilesLoad) {
  for (const char* lang : {"fr", "en"}) {
    PlaceRules rules;
    Status s =
        LoadPlaceRules(std::string(VIGIE_DATA_DIR) + "/rules/" + lang + "/places.tsv", &rules);
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_FALSE(rules.kind_before.empty());
    EXPECT_FALSE(rules.first_names.empty());
  }
}

}  // namespace
}  // namespace vigie::internal
