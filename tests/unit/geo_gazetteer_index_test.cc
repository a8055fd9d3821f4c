// The binary-searched key table checked against an obviously correct reference: random names
// over a tiny alphabet (many shared prefixes, spaces, apostrophes), random probes, and a plain
// std::map / linear scan saying what Candidates and HasLongerName must answer.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "base/fold.h"
#include "geo/gazetteer.h"
#include "geo/gazetteer_builder.h"

namespace vigie::internal {
namespace {

namespace fs = std::filesystem;

std::string RandomName(std::mt19937* rng) {
  static const char kAlphabet[] = "ab '";
  std::uniform_int_distribution<int> length(1, 7), letter(0, 3);
  std::string s;
  for (int i = length(*rng); i > 0; --i) s += kAlphabet[letter(*rng)];
  return s;
}

TEST(GazetteerIndex, MatchesANaiveReferenceOnRandomNames) {
  std::mt19937 rng(20240611);
  GazetteerBuilder builder;
  builder.AddCountry("AF", "Afghanistan");
  std::map<std::string, std::set<uint32_t>> reference;  // folded key -> entries
  reference["afghanistan"].insert(0);
  for (int i = 0; i < 400; ++i) {
    BuildEntry e;
    e.kind = PlaceKind::kCity;
    e.geonameid = 1000 + i;
    e.country = "AF";
    e.name = RandomName(&rng);
    e.has_coords = true;
    e.population = static_cast<uint64_t>(rng() % 5000);
    std::vector<std::string> names{e.name, RandomName(&rng)};
    e.names = {names[1]};
    uint32_t index = builder.AddEntry(std::move(e));
    for (const std::string& n : names) {
      std::string key = FoldText(n);
      if (key.empty()) continue;
      reference[key].insert(index);
      std::string bare = key;
      std::erase(bare, '\'');
      if (bare != key && !bare.empty()) reference[bare].insert(index);
    }
  }
  builder.Finish();
  const std::string path =
      (fs::temp_directory_path() / ("vigie_gaz_index_" + std::to_string(::getpid()))).string();
  ASSERT_TRUE(builder.Write(path, 1, nullptr).ok());
  auto gaz = Gazetteer::Open(path);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  fs::remove(path);

  for (int i = 0; i < 3000; ++i) {
    const std::string probe = FoldText(RandomName(&rng));
    auto got = (*gaz)->Candidates(probe);
    std::set<uint32_t> got_set(got.begin(), got.end());
    auto want = reference.find(probe);
    EXPECT_EQ(got_set, want == reference.end() ? std::set<uint32_t>{} : want->second) << probe;
    EXPECT_EQ(got_set.size(), got.size()) << "duplicate postings for " << probe;
    // Ranked by population among cities.
    for (size_t k = 1; k < got.size(); ++k) {
      EXPECT_GE((*gaz)->Entry(got[k - 1]).population, (*gaz)->Entry(got[k]).population) << probe;
    }
    bool longer = false;
    for (const auto& [key, entries] : reference) {
      if (key.size() > probe.size() && key.compare(0, probe.size(), probe) == 0 &&
          key[probe.size()] == ' ') {
        longer = true;
        break;
      }
    }
    EXPECT_EQ((*gaz)->HasLongerName(probe), longer) << "\"" << probe << "\"";
  }
}

}  // namespace
}  // namespace vigie::internal
