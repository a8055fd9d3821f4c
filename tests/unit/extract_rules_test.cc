// Loading rule files (errors name file and line), the phrase matcher's patterns, and date
// arithmetic.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "extract/dates.h"
#include "extract/extractor.h"
#include "extract/rule_set.h"

namespace vigie::internal {
namespace {

namespace fs = std::filesystem;

class RuleFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("vigie_extract_rules_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    for (const char* lang : {"fr", "en"}) {
      fs::create_directories(dir_ / "rules" / lang);
      for (const char* file :
           {"triggers.tsv", "actors.tsv", "cues.tsv", "sources.tsv", "dates.tsv"}) {
        fs::copy_file(fs::path(VIGIE_DATA_DIR) / "rules" / lang / file,
                      dir_ / "rules" / lang / file);
      }
    }
    fs::copy_file(fs::path(VIGIE_DATA_DIR) / "ontology.tsv", dir_ / "ontology.tsv");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Append(const std::string& relative, const std::string& line) {
    std::ofstream(dir_ / relative, std::ios::app) << line << "\n";
  }
  size_t Lines(const std::string& relative) {
    std::ifstream in(dir_ / relative);
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) ++n;
    return n;
  }
  fs::path dir_;
};

TEST_F(RuleFilesTest, TheShippedRulesLoad) {
  auto extractor = Extractor::Create({dir_.string()});
  EXPECT_TRUE(extractor.ok()) << extractor.status().ToString();
}

TEST_F(RuleFilesTest, UnknownTypeNamesFileAndLine) {
  Append("rules/fr/triggers.tsv", "pillage\tpiller\t-\tLes miliciens ont pillé Gao.");
  size_t line = Lines("rules/fr/triggers.tsv");
  auto extractor = Extractor::Create({dir_.string()});
  ASSERT_FALSE(extractor.ok());
  EXPECT_EQ(extractor.status().message(), "rules/fr/triggers.tsv:" + std::to_string(line) +
                                              ": unknown type \"pillage\" (not in ontology.tsv)");
}

TEST_F(RuleFilesTest, UnknownOptionIsAnError) {
  Append("rules/en/triggers.tsv", "capture\tseize\tquickly\tThe rebels seized Gao.");
  auto extractor = Extractor::Create({dir_.string()});
  ASSERT_FALSE(extractor.ok());
  EXPECT_NE(extractor.status().message().find("rules/en/triggers.tsv:"), std::string::npos);
  EXPECT_NE(extractor.status().message().find("unknown option \"quickly\""), std::string::npos);
}

TEST_F(RuleFilesTest, BadCueKindAndValue) {
  Append("rules/fr/cues.tsv", "doubt\tpeut-être\t-\tLa ville est peut-être tombée.");
  auto a = Extractor::Create({dir_.string()});
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("unknown cue kind \"doubt\""), std::string::npos);
}

TEST_F(RuleFilesTest, EmptyAlternativeIsAnError) {
  Append("rules/fr/actors.tsv", "Gao militia\tmilice de gao||gao\t-\tLa milice de Gao a attaqué.");
  auto a = Extractor::Create({dir_.string()});
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("rules/fr/actors.tsv:"), std::string::npos);
}

TEST_F(RuleFilesTest, MissingFileIsNotFound) {
  fs::remove(dir_ / "rules" / "en" / "dates.tsv");
  auto a = Extractor::Create({dir_.string()});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kNotFound);
  EXPECT_NE(a.status().message().find("rules/en/dates.tsv"), std::string::npos);
}

TEST(DatesTest, CivilDaysRoundTrip) {
  for (int64_t d : {-1000, 0, 18000, 18812, 19000}) {
    int y = 0, m = 0, day = 0;
    CivilFromDays(d, &y, &m, &day);
    EXPECT_EQ(DaysFromCivil(y, m, day), d);
  }
  EXPECT_EQ(IsoDay(DaysFromCivil(2021, 7, 4)), "2021-07-04");
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2021, 2), 28);
}

TEST(DatesTest, PublishedForms) {
  Published day = ParsePublished("2021-07-04");
  EXPECT_TRUE(day.has_day());
  EXPECT_EQ(IsoDay(day.day), "2021-07-04");
  Published month = ParsePublished("2021-07");
  EXPECT_FALSE(month.has_day());
  EXPECT_EQ(month.month, 7);
  EXPECT_EQ(ParsePublished("").year, 0);
  EXPECT_EQ(ParsePublished("juillet").year, 0);
}

TEST(DatesTest, DefaultDates) {
  DateRange d = DefaultDate(ParsePublished("2021-07-04"));
  EXPECT_EQ(d.earliest, "2021-07-03");
  EXPECT_EQ(d.latest, "2021-07-04");
  DateRange m = DefaultDate(ParsePublished("2021-02"));
  EXPECT_EQ(m.earliest, "2021-02-01");
  EXPECT_EQ(m.latest, "2021-02-28");
  EXPECT_TRUE(DefaultDate(ParsePublished("")).earliest.empty());
}

}  // namespace
}  // namespace vigie::internal
