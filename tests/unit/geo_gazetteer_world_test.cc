// Checks on the real compiled gazetteer (data/gazetteer/world.vgz, made by
// scripts/build-gazetteer.sh); skipped when it has not been built. The overrides admin1 row is
// also checked on a small builder of its own.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/fold.h"
#include "geo/gazetteer.h"
#include "geo/gazetteer_builder.h"
#include "geo/gazetteer_sources.h"

namespace vigie::internal {
namespace {

const std::string kWorld = std::string(VIGIE_DATA_DIR) + "/gazetteer/world.vgz";

class WorldGazetteerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kWorld)) GTEST_SKIP() << kWorld << " not built";
    auto gaz = Gazetteer::Open(kWorld);
    ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
    gaz_ = std::move(*gaz);
  }

  // The first candidate of `kind` for `name`, or an empty entry.
  GazEntry First(std::string_view name, PlaceKind kind) const {
    for (uint32_t i : gaz_->Candidates(FoldText(name))) {
      GazEntry e = gaz_->Entry(i);
      if (e.kind == kind) return e;
    }
    return {};
  }

  std::unique_ptr<Gazetteer> gaz_;
};

TEST_F(WorldGazetteerTest, FrenchExonymsFindTheirCities) {
  EXPECT_EQ(First("Kaboul", PlaceKind::kCity).country, "AF");
  EXPECT_EQ(First("Marioupol", PlaceKind::kCity).country, "UA");
  EXPECT_EQ(First("Tombouctou", PlaceKind::kCity).country, "ML");
  EXPECT_EQ(First("Mossoul", PlaceKind::kCity).country, "IQ");
  EXPECT_EQ(First("Pékin", PlaceKind::kCity).country, "CN");
  EXPECT_EQ(First("Le Caire", PlaceKind::kCity).country, "EG");
  EXPECT_EQ(First("Rangoun", PlaceKind::kCity).country, "MM");
  EXPECT_EQ(First("Bakhmout", PlaceKind::kCity).country, "UA");
}

TEST_F(WorldGazetteerTest, OverridesFillWhatTheSourcesLack) {
  EXPECT_EQ(First("Koundouz", PlaceKind::kCity).country, "AF");
  EXPECT_EQ(First("Crimée", PlaceKind::kAdmin1).country, "UA");
  EXPECT_EQ(First("Izioum", PlaceKind::kCity).country, "UA");
  EXPECT_EQ(First("Vouhledar", PlaceKind::kCity).country, "UA");
  EXPECT_EQ(First("Donbass", PlaceKind::kSite).country, "UA");
  EXPECT_EQ(First("base aérienne de Bagram", PlaceKind::kSite).admin1, "Parwan");
  EXPECT_EQ(First("Mazar-e Charif", PlaceKind::kCity).geonameid,
            First("Mazar-i-Sharif", PlaceKind::kCity).geonameid);
}

TEST_F(WorldGazetteerTest, AdminUnitsHaveFrenchNamesAndPoints) {
  GazEntry badakhshan = First("Badakhchan", PlaceKind::kAdmin1);
  EXPECT_EQ(badakhshan.country, "AF");
  EXPECT_GT(badakhshan.lat, 35.0);
  GazEntry panjwai = First("Panjwai", PlaceKind::kAdmin2);
  EXPECT_EQ(panjwai.admin1, "Kandahar");
  EXPECT_EQ(First("Russie", PlaceKind::kCountry).country, "RU");
}

TEST_F(WorldGazetteerTest, ConflictExonymsFindTheirPlaces) {
  EXPECT_EQ(First("Tigré", PlaceKind::kAdmin1).admin1, "Tigray");
  EXPECT_EQ(First("Panchir", PlaceKind::kAdmin1).admin1, "Panjshir");
  EXPECT_EQ(First("Pandjchir", PlaceKind::kAdmin1).admin1, "Panjshir");
  EXPECT_EQ(First("Djozjan", PlaceKind::kAdmin1).admin1, "Jowzjan");
  EXPECT_EQ(First("Jawzjan", PlaceKind::kAdmin1).admin1, "Jowzjan");
  EXPECT_EQ(First("Lashkargah", PlaceKind::kCity).admin1, "Helmand");
  EXPECT_EQ(First("Lashkar-Gah", PlaceKind::kCity).admin1, "Helmand");
  EXPECT_EQ(First("Choucha", PlaceKind::kCity).country, "AZ");
  EXPECT_EQ(First("Chouchi", PlaceKind::kCity).name, "Shusha");
  EXPECT_EQ(First("Lyssytchansk", PlaceKind::kCity).admin1, "Luhansk");
  EXPECT_EQ(First("Bunagana", PlaceKind::kCity).admin1, "North Kivu");
  EXPECT_EQ(First("Kibumba", PlaceKind::kCity).admin1, "North Kivu");
  EXPECT_EQ(First("l'État Shan", PlaceKind::kAdmin1).admin1, "Shan");
  EXPECT_EQ(First("Chin State", PlaceKind::kAdmin1).admin1, "Chin");
  GazEntry palma = {};
  for (uint32_t i : gaz_->Candidates("palma")) {
    if (gaz_->Entry(i).country == "MZ") palma = gaz_->Entry(i);
  }
  EXPECT_EQ(palma.admin1, "Cabo Delgado");
}

TEST_F(WorldGazetteerTest, NagornoKarabakhIsAnAdmin1Unit) {
  GazEntry karabakh = First("Haut-Karabakh", PlaceKind::kAdmin1);
  EXPECT_EQ(karabakh.country, "AZ");
  EXPECT_EQ(karabakh.admin1, "Nagorno-Karabakh");
  EXPECT_EQ(First("Nagorny Karabakh", PlaceKind::kAdmin1).admin1, "Nagorno-Karabakh");
}

TEST_F(WorldGazetteerTest, RenamedAdminUnitsKeepTheirGeoNamesNames) {
  // News and ACLED write Khost, Ghor, Uruzgan, Sar-e Pul; GeoNames Khowst, Ghowr, Oruzgan...
  EXPECT_EQ(First("Khowst", PlaceKind::kAdmin1).admin1, "Khost");
  EXPECT_EQ(First("Ghowr", PlaceKind::kAdmin1).admin1, "Ghor");
  EXPECT_EQ(First("Oruzgan", PlaceKind::kAdmin1).admin1, "Uruzgan");
  EXPECT_EQ(First("Uruzgan", PlaceKind::kAdmin1).admin1, "Uruzgan");
  EXPECT_EQ(First("Sar-e Pol Province", PlaceKind::kAdmin1).admin1, "Sar-e Pul");
  EXPECT_EQ(First("Daikundi", PlaceKind::kAdmin1).admin1, "Daykundi");
  EXPECT_EQ(First("Zhytomyr Oblast", PlaceKind::kAdmin1).admin1, "Zhytomyr");
  EXPECT_EQ(First("Chernihiv Oblast", PlaceKind::kAdmin1).admin1, "Chernihiv");
  EXPECT_EQ(First("Cabo Delgado Province", PlaceKind::kAdmin1).admin1, "Cabo Delgado");
}

// The admin1 row kind, on a builder of its own (no world index needed).
std::string WriteOverrides(const std::string& name, const std::string& text) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << text;
  return path;
}

TEST(OverridesAdmin1Test, AddsAUnitThatSitesCanUse) {
  GazetteerBuilder builder;
  builder.AddCountry("AZ", "Azerbaijan");
  std::string path = WriteOverrides(
      "vigie_overrides_admin1.tsv",
      "admin1\tAZ.NK\t39.82\t46.75\tNagorno-Karabakh|Haut-Karabakh\t# « au Haut-Karabakh »\n"
      "place\tPPL\tAZ.NK\t39.76\t46.75\tShusha|Choucha\t# « la prise de Choucha »\n");
  Status s = ReadOverrides(path, &builder);
  ASSERT_TRUE(s.ok()) << s.ToString();
  uint32_t unit = builder.FindAdmin1("AZ", "NK");
  ASSERT_NE(unit, kNoEntry);
  EXPECT_EQ(builder.entry(unit).name, "Nagorno-Karabakh");
  EXPECT_THAT(builder.entry(unit).names, ::testing::Contains("Haut-Karabakh"));
}

TEST(OverridesAdmin1Test, AnExistingCodeIsAnErrorNamingTheLine) {
  GazetteerBuilder builder;
  builder.AddCountry("AZ", "Azerbaijan");
  builder.AddAdmin1("AZ", "55", "Shusha");
  std::string path =
      WriteOverrides("vigie_overrides_admin1_dup.tsv",
                     "# comment\nadmin1\tAZ.55\t39.76\t46.75\tShusha\t# already in GeoNames\n");
  Status s = ReadOverrides(path, &builder);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.ToString(), ::testing::HasSubstr(":2: admin1 'AZ.55' exists already"));
}

TEST_F(WorldGazetteerTest, AirportCodesDoNotOutrankTowns) {
  auto gao = gaz_->Candidates("gao");
  ASSERT_FALSE(gao.empty());
  for (uint32_t i : gao) EXPECT_NE(gaz_->Entry(i).country, "CU");
}

TEST_F(WorldGazetteerTest, OpensQuickly) {
  auto start = std::chrono::steady_clock::now();
  auto gaz = Gazetteer::Open(kWorld);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(gaz.ok());
  // The target is 50 ms; the margin keeps a loaded machine from failing the test.
  EXPECT_LT(ms, 250.0);
}

}  // namespace
}  // namespace vigie::internal
