// The toponym table (tests/data/toponyms.tsv): place names of a dozen conflicts in French and
// English spellings, each in a sentence of its own, run through the text stages, the compiled
// gazetteer and the geoparser. Every name must resolve to the expected country and admin1.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "base/fold.h"
#include "geo/gazetteer.h"
#include "geo/geoparser.h"
#include "text/text_analyzer.h"

namespace vigie::internal {
namespace {

struct ToponymRow {
  int line = 0;
  std::string lang, sentence, name, country, admin1, conflict;
};

std::vector<ToponymRow> ReadTable(const std::string& path) {
  std::vector<ToponymRow> rows;
  std::ifstream in(path);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      cols.push_back(line.substr(start, tab - start));
    }
    cols.push_back(line.substr(start));
    EXPECT_EQ(cols.size(), 6u) << path << ":" << n << ": expected 6 columns";
    if (cols.size() != 6) continue;
    rows.push_back({n, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]});
  }
  return rows;
}

// As eval/score.py compares admin1 names: folded, letters and digits only, and the found name
// starting with the first five letters of the expected one ("Ta'izz" for "Taiz").
std::string ScoreKey(std::string_view s) {
  std::string out;
  for (char c : FoldText(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

bool SameAdmin1(std::string_view found, std::string_view expected) {
  std::string f = ScoreKey(found), e = ScoreKey(expected);
  return !f.empty() && (f == e || f.starts_with(e.substr(0, 5)));
}

class ToponymTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string data = VIGIE_DATA_DIR;
    const std::string gazetteer_path = data + "/gazetteer/world.vgz";
    if (!std::filesystem::exists(gazetteer_path)) {
      GTEST_SKIP() << gazetteer_path << " not built (scripts/build-gazetteer.sh)";
    }
    auto gazetteer = Gazetteer::Open(gazetteer_path);
    ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
    gazetteer_ = std::move(gazetteer).value();
    auto text = TextAnalyzer::Create({data});
    ASSERT_TRUE(text.ok()) << text.status().ToString();
    text_ = std::move(text).value();
    auto parser = Geoparser::Create({data}, gazetteer_.get());
    ASSERT_TRUE(parser.ok()) << parser.status().ToString();
    parser_ = std::move(parser).value();
  }

  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<TextAnalyzer> text_;
  std::unique_ptr<Geoparser> parser_;
};

TEST_F(ToponymTableTest, TableCoversConflictsAndLanguages) {
  std::vector<ToponymRow> rows = ReadTable(std::string(VIGIE_TEST_DIR) + "/data/toponyms.tsv");
  std::set<std::string> conflicts, names;
  int french = 0, english = 0;
  for (const ToponymRow& r : rows) {
    conflicts.insert(r.conflict);
    names.insert(r.name);
    (r.lang == "fr" ? french : english) += 1;
  }
  EXPECT_GE(names.size(), 80u);
  EXPECT_GE(conflicts.size(), 10u);
  EXPECT_GE(french, 30);
  EXPECT_GE(english, 30);
}

TEST_F(ToponymTableTest, EveryNameResolvesToItsCountryAndAdmin1) {
  const std::string path = std::string(VIGIE_TEST_DIR) + "/data/toponyms.tsv";
  std::vector<ToponymRow> rows = ReadTable(path);
  ASSERT_FALSE(rows.empty());
  Document doc;
  std::vector<PlaceMention> mentions;
  int passed = 0;
  for (const ToponymRow& r : rows) {
    doc.Clear();
    mentions.clear();
    Status s = text_->Run(r.sentence, r.lang, &doc);
    ASSERT_TRUE(s.ok()) << path << ":" << r.line << ": " << s.ToString();
    parser_->Run(doc, &mentions);
    const PlaceMention* found = nullptr;
    for (const PlaceMention& m : mentions) {
      if (m.place.text == r.name) found = &m;
    }
    const std::string where = path + ":" + std::to_string(r.line) + ": " + r.name;
    if (found == nullptr) {
      ADD_FAILURE() << where << ": no mention in \"" << r.sentence << "\"";
      continue;
    }
    // The span is the name's bytes in the sentence, which is the original text here.
    EXPECT_EQ(
        r.sentence.substr(found->place.span.start, found->place.span.end - found->place.span.start),
        r.name)
        << where;
    bool ok = found->place.resolved() && found->place.country == r.country &&
              (r.admin1.empty() || SameAdmin1(found->place.admin1, r.admin1));
    EXPECT_TRUE(ok) << where << ": got " << found->place.name << " ("
                    << PlaceKindName(found->place.kind) << ") " << found->place.country << " / "
                    << found->place.admin1 << ", expected " << r.country << " / " << r.admin1;
    passed += ok;
  }
  EXPECT_EQ(passed, static_cast<int>(rows.size()));
}

}  // namespace
}  // namespace vigie::internal
