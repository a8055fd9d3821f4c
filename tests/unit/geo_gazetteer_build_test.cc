// Builds a gazetteer from tiny fixtures in the GeoNames dump formats (tests/data/geonames/) and
// checks what the compiled index answers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "base/fold.h"
#include "geo/gazetteer.h"
#include "geo/gazetteer_build.h"

namespace vigie::internal {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kFixtures = std::string(VIGIE_TEST_DIR) + "/data/geonames";

GazetteerBuildOptions FixtureOptions(const std::string& out) {
  GazetteerBuildOptions o;
  o.out_path = out;
  o.geonames_dir = kFixtures;
  o.overrides_path = kFixtures + "/overrides.tsv";
  o.locale_dir = "/nonexistent";  // hermetic: no Debian catalogs
  o.iso_codes_dir = "/nonexistent";
  return o;
}

class GazetteerBuildTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(fs::temp_directory_path() /
                           ("vigie_gaz_build_" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    auto report = BuildGazetteer(FixtureOptions(*dir_ + "/test.vgz"));
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    auto gaz = Gazetteer::Open(*dir_ + "/test.vgz");
    ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
    gaz_ = gaz->release();
  }
  static void TearDownTestSuite() {
    delete gaz_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  // Entries found by `name` (folded here), as canonical names with their country.
  static std::vector<std::string> Lookup(std::string_view name) {
    std::vector<std::string> out;
    for (uint32_t i : gaz_->Candidates(FoldText(name))) {
      GazEntry e = gaz_->Entry(i);
      out.push_back(std::string(e.name) + "/" + std::string(e.country) + "/" +
                    PlaceKindName(e.kind));
    }
    return out;
  }

  static inline std::string* dir_ = nullptr;
  static inline Gazetteer* gaz_ = nullptr;
};

TEST_F(GazetteerBuildTest, FrenchAlternateFindsTheCity) {
  EXPECT_THAT(Lookup("Kaboul"), ::testing::ElementsAre("Kabul/AF/city"));
  EXPECT_THAT(Lookup("province de Kaboul"), ::testing::ElementsAre("Kabul/AF/admin1"));
  EXPECT_THAT(Lookup("Marioupol"), ::testing::ElementsAre("Mariupol/UA/city"));
  EXPECT_THAT(Lookup("Tombouctou"), ::testing::Contains("Timbuktu/ML/city"));
}

TEST_F(GazetteerBuildTest, MazarSpellingsFoldToOneEntry) {
  auto charif = gaz_->Candidates(FoldText("Mazar-e  Charif"));
  auto sharif = gaz_->Candidates(FoldText("Mazar-i-Sharif"));
  auto macrons = gaz_->Candidates(FoldText("Mazār-e Sharīf"));
  ASSERT_EQ(charif.size(), 1u);
  ASSERT_EQ(sharif.size(), 1u);
  ASSERT_EQ(macrons.size(), 1u);
  EXPECT_EQ(charif[0], sharif[0]);
  EXPECT_EQ(charif[0], macrons[0]);
  EXPECT_EQ(gaz_->Entry(charif[0]).geonameid, 1133616);
}

TEST_F(GazetteerBuildTest, AynApostropheMayBeLeftOut) {
  // "Panjwā’ī" folds to "panjwa'i"; dispatches write "Panjwai".
  auto with = gaz_->Candidates("panjwa'i");
  auto without = gaz_->Candidates("panjwai");
  ASSERT_EQ(with.size(), 1u);
  ASSERT_EQ(without.size(), 1u);
  EXPECT_EQ(with[0], without[0]);
}

TEST_F(GazetteerBuildTest, AllCapsAirportCodesAreDropped) {
  // "GAO" sits among Guantánamo's alternates; "Gao" must find Mali's town alone.
  EXPECT_THAT(Lookup("Gao"), ::testing::ElementsAre("Gao/ML/admin1", "Gao/ML/city"));
  EXPECT_TRUE(gaz_->Candidates("kbl").empty());
  EXPECT_TRUE(gaz_->Candidates("mzr").empty());
  EXPECT_TRUE(gaz_->Candidates("tom").empty());
  EXPECT_THAT(Lookup("Guantanamo"), ::testing::Contains("Guantánamo/CU/city"));
}

TEST_F(GazetteerBuildTest, NonLatinAlternatesAndUnwantedLanguagesAreDropped) {
  EXPECT_TRUE(gaz_->Candidates(FoldText("Кабул")).empty());
  EXPECT_TRUE(gaz_->Candidates(FoldText("Мариуполь")).empty());  // ru row
  EXPECT_TRUE(gaz_->Candidates("87500").empty());                // post code
}

TEST_F(GazetteerBuildTest, PlacesNeedPopulationOrASeat) {
  EXPECT_TRUE(gaz_->Candidates("tiny hamlet").empty());
  EXPECT_THAT(Lookup("Seat Without People"), ::testing::ElementsAre("Seat Without People/AF/city"));
}

TEST_F(GazetteerBuildTest, AdminUnitsCarryCodesNamesAndCoordinates) {
  auto kabul = gaz_->Candidates("kabul");
  ASSERT_GE(kabul.size(), 2u);
  GazEntry province = gaz_->Entry(kabul[0]);
  EXPECT_EQ(province.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(province.geonameid, 1138957);
  EXPECT_DOUBLE_EQ(province.lat, 34.5);  // the ADM1 row's own point
  EXPECT_FALSE(province.approximate);
  GazEntry city = gaz_->Entry(kabul[1]);
  EXPECT_EQ(city.admin1, "Kabul");
  EXPECT_EQ(city.admin2, "Kabul");
  EXPECT_EQ(city.admin1_index, kabul[0]);
  EXPECT_EQ(gaz_->Entry(city.country_index).name, "Afghanistan");
  EXPECT_EQ(city.population, 4434550u);

  // Panjwā’ī has no place of its own: it sits at Kandahar's point, flagged approximate, and
  // its English alternate comes from alternateNamesV2.txt.
  auto panjwai = gaz_->Candidates("panjwayi");
  ASSERT_EQ(panjwai.size(), 1u);
  GazEntry district = gaz_->Entry(panjwai[0]);
  EXPECT_EQ(district.kind, PlaceKind::kAdmin2);
  EXPECT_EQ(district.admin1, "Kandahar");
  EXPECT_TRUE(district.approximate);
  EXPECT_EQ(gaz_->Candidates(FoldText("Panjwā’ī")).size(), 1u);
}

TEST_F(GazetteerBuildTest, CountriesComeFromCountryInfo) {
  EXPECT_THAT(Lookup("Afghanistan"), ::testing::ElementsAre("Afghanistan/AF/country"));
  auto ukraine = gaz_->Candidates("ukraine");
  ASSERT_EQ(ukraine.size(), 1u);
  EXPECT_EQ(gaz_->Entry(ukraine[0]).geonameid, 690791);
  EXPECT_EQ(gaz_->Entry(ukraine[0]).population, 44622516u);
}

TEST_F(GazetteerBuildTest, OverridesAddSitesAndMissingTowns) {
  EXPECT_THAT(Lookup("aéroport de Kaboul"), ::testing::ElementsAre("Kabul airport/AF/site"));
  auto vouhledar = gaz_->Candidates("vouhledar");
  ASSERT_EQ(vouhledar.size(), 1u);
  GazEntry town = gaz_->Entry(vouhledar[0]);
  EXPECT_EQ(town.name, "Vuhledar");
  EXPECT_EQ(town.admin1, "Donetsk");
  EXPECT_NEAR(town.lat, 47.78, 1e-6);
}

TEST_F(GazetteerBuildTest, HasLongerNameSeesMultiWordNames) {
  EXPECT_TRUE(gaz_->HasLongerName("mazar"));
  EXPECT_TRUE(gaz_->HasLongerName("mazar e"));
  EXPECT_TRUE(gaz_->HasLongerName("seat"));
  EXPECT_TRUE(gaz_->HasLongerName("kabul"));     // "kabul airport"
  EXPECT_TRUE(gaz_->HasLongerName("mariupol"));  // "mariupol raion"
  EXPECT_FALSE(gaz_->HasLongerName("timbuktu"));
  EXPECT_FALSE(gaz_->HasLongerName("maz"));  // "mazar" continues with a letter, not a space
}

TEST_F(GazetteerBuildTest, RebuildIsSkippedWhenSourcesAreUnchanged) {
  auto again = BuildGazetteer(FixtureOptions(*dir_ + "/test.vgz"));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->skipped);
  GazetteerBuildOptions forced = FixtureOptions(*dir_ + "/forced.vgz");
  forced.force = true;
  auto rebuilt = BuildGazetteer(forced);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_FALSE(rebuilt->skipped);
  EXPECT_EQ(rebuilt->source_hash, again->source_hash);
  EXPECT_EQ(rebuilt->counts.entries, gaz_->size());
}

TEST_F(GazetteerBuildTest, BadOverrideRowNamesFileAndLine) {
  const std::string bad = *dir_ + "/bad_overrides.tsv";
  std::ofstream(bad) << "# header\nalias\t1133616\tMazar-e Charif\t# fine\n"
                     << "site\tAIRB\tZZ\t1\t2\tNowhere Field\t# unknown country\n";
  GazetteerBuildOptions o = FixtureOptions(*dir_ + "/bad.vgz");
  o.overrides_path = bad;
  auto report = BuildGazetteer(o);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.status().message(), HasSubstr("bad_overrides.tsv:3: unknown country 'ZZ'"));

  std::ofstream(bad) << "alias\t1133616\tMazar-e Charif\n";
  report = BuildGazetteer(o);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.status().message(), HasSubstr("bad_overrides.tsv:1: the last column"));
}

TEST(GazetteerBuild, MissingDumpIsNamed) {
  GazetteerBuildOptions o = FixtureOptions("/nonexistent/out.vgz");
  o.geonames_dir = "/nonexistent/dumps";
  auto report = BuildGazetteer(o);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.status().message(), HasSubstr("/nonexistent/dumps/countryInfo.txt"));
}

}  // namespace
}  // namespace vigie::internal
