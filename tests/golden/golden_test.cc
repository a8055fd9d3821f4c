// Golden tests: every tests/golden/<lang>/NAME.txt is analysed by the full pipeline and compared
// with the hand annotation beside it, NAME.expected.json (format: tests/golden/README.md).
//
// Per file (GoldenFile.*): the annotation is well formed (evidence and place_text are exact
// substrings of the text, types and statuses are known), and the system agrees on the language and
// the sentence count; expected quotes are asserted only when thresholds.txt sets `quotes.enforced
// 1`. Over all files (GoldenEvents.Aggregate): events are matched the way
// /work/shared/eval/score.py matches them, every miss and every spurious event is printed, and
// micro precision, recall and F1 per language must reach the ratchet in thresholds.txt.
//
// VIGIE_GOLDEN_REVIEW=1 (or a substring of file names) prints each file's analysis next to its
// annotation; scripts/update-golden.sh sets it.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/fold.h"
#include "vigie/input.h"
#include "vigie/pipeline.h"

namespace vigie {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kGoldenDir = fs::path(VIGIE_TEST_DIR) / "golden";

const std::set<std::string> kTypes = {"capture",    "attack",    "strike",       "civilian_harm",
                                      "withdrawal", "surrender", "displacement", "negotiation",
                                      "protest",    "threat"};
const std::set<std::string> kStatuses = {"asserted",  "reported", "claimed", "rumored",
                                         "uncertain", "denied",   "planned", "negated"};
const std::set<std::string> kKinds = {"country", "admin1", "admin2", "city", "site"};

// The five classes score.py compares statuses on: who says it matters more than the exact word.
std::string CoarseStatus(const std::string& status) {
  if (status == "reported" || status == "claimed") return "attributed";
  if (status == "rumored" || status == "uncertain") return "unconfirmed";
  if (status == "negated") return "denied";
  return status;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> GoldenTexts() {
  std::vector<fs::path> files;
  for (const char* lang : {"fr", "en"}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kGoldenDir / lang, ec)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

fs::path ExpectedPath(const fs::path& text) {
  fs::path p = text;
  p.replace_extension(".expected.json");
  return p;
}

// "fr/quote_speaker_after.txt" -> "fr_quote_speaker_after": the CTest name of the file.
std::string TestName(const fs::path& text) {
  std::string name = text.parent_path().filename().string() + "_" + text.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// thresholds.txt: `key value` lines, `#` comments ("fr.f1 0.42", "quotes.enforced 0").
std::map<std::string, double> ReadThresholds() {
  std::map<std::string, double> out;
  std::istringstream in(ReadFile(kGoldenDir / "thresholds.txt"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string key;
    double value = 0;
    if (fields >> key >> value) out[key] = value;
  }
  return out;
}

// score.py's fold: accents and case away, a leading "la province de", "the", "l'"... dropped,
// then only letters and digits ("La province du Badakhshan" -> "badakhshan").
std::string ScoreFold(const std::string& text) {
  static const char* const kPrefixes[] = {"la province du ",
                                          "la province de ",
                                          "province du ",
                                          "province de ",
                                          "province of ",
                                          "le district de ",
                                          "district de ",
                                          "district of ",
                                          "la ville de ",
                                          "ville de ",
                                          "city of ",
                                          "la region de ",
                                          "region de ",
                                          "the ",
                                          "la ",
                                          "le ",
                                          "les ",
                                          "l'"};
  std::string folded = internal::FoldText(text);
  for (const char* prefix : kPrefixes) {
    std::string_view p(prefix);
    if (folded.starts_with(p)) {
      folded.erase(0, p.size());
      break;
    }
  }
  std::string out;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::set<std::string> Keys(std::initializer_list<std::string> names) {
  std::set<std::string> keys;
  for (const auto& n : names) {
    std::string k = ScoreFold(n);
    if (!k.empty()) keys.insert(k);
  }
  return keys;
}

// "aeroportdekaboul" holds "kaboul"; "panjwayi" starts like "panjwai".
bool KeysClose(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a) {
    for (const auto& y : b) {
      const auto& shorter = x.size() <= y.size() ? x : y;
      const auto& longer = x.size() <= y.size() ? y : x;
      if (shorter.size() >= 4 && longer.find(shorter) != std::string::npos) return true;
      if (x.size() >= 5 && y.size() >= 5 && (x.starts_with(y) || y.starts_with(x))) return true;
    }
  }
  return false;
}

bool PlacesMatch(const json& gold, const Event& sys) {
  auto g = Keys({Str(gold, "place_text"), Str(gold, "place")});
  auto s = Keys({sys.place.text, sys.place.name});
  for (const auto& k : g) {
    if (s.count(k)) return true;
  }
  if (Str(gold, "place_kind") == "country" && sys.place.kind == PlaceKind::kCountry &&
      !Str(gold, "country").empty() && Str(gold, "country") == sys.place.country) {
    return true;
  }
  return KeysClose(g, s);
}

std::optional<std::chrono::sys_days> Day(const std::string& iso) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%d-%u-%u", &y, &m, &d) != 3)
    return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

// The system's interval lies within the gold one widened by a day each side; nullopt when the gold
// gives no date (not scored).
std::optional<bool> DateOk(const json& gold, const Event& sys) {
  auto ge = Day(Str(gold, "date_earliest")), gl = Day(Str(gold, "date_latest"));
  if (!ge || !gl) return std::nullopt;
  auto se = Day(sys.date.earliest), sl = Day(sys.date.latest);
  if (!se || !sl) return false;
  return *se >= *ge - std::chrono::days{1} && *sl <= *gl + std::chrono::days{1};
}

// Greedy one-to-one matching on (type, place), ties broken by date agreement, as score.py does.
std::vector<std::pair<size_t, size_t>> MatchEvents(const json& gold,
                                                   const std::vector<Event>& sys) {
  std::vector<std::pair<size_t, size_t>> pairs;
  std::vector<bool> used(sys.size(), false);
  for (size_t gi = 0; gi < gold.size(); ++gi) {
    int best_score = -1;
    size_t best = 0;
    for (size_t si = 0; si < sys.size(); ++si) {
      if (used[si] || sys[si].type != Str(gold[gi], "type") || !PlacesMatch(gold[gi], sys[si]))
        continue;
      int score = DateOk(gold[gi], sys[si]).value_or(false) ? 1 : 0;
      if (score > best_score) best_score = score, best = si;
    }
    if (best_score >= 0) {
      used[best] = true;
      pairs.emplace_back(gi, best);
    }
  }
  return pairs;
}

std::set<std::string> SpeakerWords(const std::string& speaker) {
  static const std::set<std::string> kStop = {"des",  "les",  "the",  "and", "for",
                                              "une",  "del",  "aux",  "par", "sur",
                                              "avec", "from", "with", "who", "qui"};
  std::set<std::string> words;
  std::istringstream in(internal::FoldText(speaker));
  std::string w;
  while (in >> w) {
    w.erase(std::remove_if(w.begin(), w.end(),
                           [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }),
            w.end());
    if (w.size() >= 3 && !kStop.count(w)) words.insert(w);
  }
  return words;
}

// An expected quote is found when a system quote holds its first words and shares a speaker word.
bool QuoteFound(const json& expected, const std::vector<Quote>& quotes, std::string* why) {
  std::string start = ScoreFold(Str(expected, "starts_with")).substr(0, 15);
  auto speaker = SpeakerWords(Str(expected, "speaker"));
  for (const auto& q : quotes) {
    if (start.empty() || ScoreFold(q.text).find(start) == std::string::npos) continue;
    auto found = SpeakerWords(q.speaker);
    for (const auto& w : speaker) {
      if (found.count(w)) return true;
    }
    *why = "speaker \"" + q.speaker + "\" instead of \"" + Str(expected, "speaker") + "\"";
    return false;
  }
  *why = "no quote starting \"" + Str(expected, "starts_with") + "\"";
  return false;
}

// One pipeline for the whole process: Create reads every rule file and the gazetteer once.
const Pipeline* SharedPipeline(std::string* error) {
  static std::string create_error;
  static std::unique_ptr<Pipeline> pipeline = [] {
    auto created = Pipeline::Create(PipelineOptions{});
    if (!created.ok()) {
      create_error = created.status().ToString();
      return std::unique_ptr<Pipeline>();
    }
    return std::move(*created);
  }();
  *error = create_error;
  return pipeline.get();
}

struct Golden {
  Article article;
  json expected;
  std::string problem;  // why the file could not be read or analysed
  std::optional<Analysis> analysis;
};

Golden Load(const fs::path& text_path, bool analyse) {
  Golden g;
  int articles = 0;
  ReadInputs({text_path.string()}, InputOptions{}, [&](Result<Article> a) {
    ++articles;
    if (a.ok()) {
      g.article = std::move(*a);
    } else {
      g.problem = a.status().ToString();
    }
  });
  if (g.problem.empty() && articles != 1)
    g.problem = "read " + std::to_string(articles) + " articles";
  try {
    g.expected = json::parse(ReadFile(ExpectedPath(text_path)));
  } catch (const json::exception& e) {
    g.problem = ExpectedPath(text_path).string() + ": " + e.what();
  }
  if (!analyse || !g.problem.empty()) return g;
  std::string error;
  const Pipeline* pipeline = SharedPipeline(&error);
  if (pipeline == nullptr) {
    g.problem = "Pipeline::Create: " + error;
    return g;
  }
  auto workspace = pipeline->NewWorkspace();
  auto analysis = pipeline->Analyze(g.article, *workspace);
  if (analysis.ok()) {
    g.analysis = std::move(*analysis);
  } else {
    g.problem = "Analyze: " + analysis.status().ToString();
  }
  return g;
}

std::string Describe(const Event& e) {
  return e.type + " @ \"" + e.place.text + "\" (" + e.place.name + ", " + e.place.country + ") " +
         EventStatusName(e.status) + " " + e.date.earliest + ".." + e.date.latest + " | " +
         e.evidence.text.substr(0, 80);
}

std::string Describe(const json& e) {
  return Str(e, "type") + " @ \"" + Str(e, "place_text") + "\" (" + Str(e, "place") + ", " +
         Str(e, "country") + ") " + Str(e, "status") + " " + Str(e, "date_earliest") + ".." +
         Str(e, "date_latest") + " | " + Str(e, "evidence").substr(0, 80);
}

// The parameter is the file's path as a string: gtest's printer recurses on std::filesystem::path.
class GoldenFile : public ::testing::TestWithParam<std::string> {};

// The annotation itself: a typo here would silently score as a system miss.
TEST_P(GoldenFile, AnnotationIsWellFormed) {
  Golden g = Load(fs::path(GetParam()), /*analyse=*/false);
  ASSERT_TRUE(g.problem.empty()) << g.problem;
  const json& x = g.expected;
  EXPECT_EQ(Str(x, "lang"), fs::path(GetParam()).parent_path().filename().string());
  EXPECT_TRUE(x.contains("sentences") && x["sentences"].is_number_integer());
  ASSERT_TRUE(x.contains("events") && x["events"].is_array());
  for (const auto& e : x["events"]) {
    SCOPED_TRACE(Describe(e));
    EXPECT_TRUE(kTypes.count(Str(e, "type")));
    EXPECT_TRUE(kStatuses.count(Str(e, "status")));
    EXPECT_TRUE(kKinds.count(Str(e, "place_kind")));
    EXPECT_EQ(Str(e, "country").size(), 2u);
    EXPECT_NE(g.article.text.find(Str(e, "evidence")), std::string::npos) << "evidence not in text";
    EXPECT_LE(Str(e, "evidence").size(), 120u);
    EXPECT_NE(g.article.text.find(Str(e, "place_text")), std::string::npos)
        << "place_text not in text";
    for (const char* key : {"date_earliest", "date_latest"}) {
      if (!e[key].is_null()) {
        EXPECT_TRUE(Day(Str(e, key))) << key;
      }
    }
  }
  for (const auto& q : x.value("quotes", json::array())) {
    EXPECT_NE(g.article.text.find(Str(q, "starts_with")), std::string::npos)
        << "quote start not in text: " << Str(q, "starts_with");
  }
}

TEST_P(GoldenFile, LanguageSentencesQuotes) {
  Golden g = Load(fs::path(GetParam()), /*analyse=*/true);
  ASSERT_TRUE(g.problem.empty()) << g.problem;
  EXPECT_EQ(g.analysis->lang, Str(g.expected, "lang"));
  EXPECT_EQ(g.analysis->stats.sentences, g.expected.value("sentences", 0u));
  if (ReadThresholds()["quotes.enforced"] < 1) return;
  for (const auto& q : g.expected.value("quotes", json::array())) {
    std::string why;
    EXPECT_TRUE(QuoteFound(q, g.analysis->quotes, &why)) << why;
  }
}

std::vector<std::string> GoldenTextNames() {
  std::vector<std::string> names;
  for (const auto& path : GoldenTexts()) names.push_back(path.string());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Files, GoldenFile, ::testing::ValuesIn(GoldenTextNames()),
                         [](const ::testing::TestParamInfo<std::string>& file) {
                           return TestName(file.param);
                         });

struct Tally {
  int tp = 0, fp = 0, fn = 0;
  int status_ok = 0, date_ok = 0, date_n = 0, country_ok = 0, quotes_ok = 0, quotes_n = 0;
  std::map<std::string, std::array<int, 3>> per_type;  // type -> {matched, spurious, missed}
};

void Review(const fs::path& path, const Golden& g) {
  std::printf("\n=== %s\n", path.string().c_str());
  std::printf("  lang %s (expected %s), sentences %u (expected %d)\n", g.analysis->lang.c_str(),
              Str(g.expected, "lang").c_str(), g.analysis->stats.sentences,
              g.expected.value("sentences", 0));
  for (const auto& e : g.expected["events"]) std::printf("  expected: %s\n", Describe(e).c_str());
  for (const auto& e : g.analysis->events) std::printf("  system:   %s\n", Describe(e).c_str());
  for (const auto& q : g.expected.value("quotes", json::array())) {
    std::printf("  expected quote: %s: %s\n", Str(q, "speaker").c_str(),
                Str(q, "starts_with").c_str());
  }
  for (const auto& q : g.analysis->quotes) {
    std::printf("  system quote:   %s: %s\n", q.speaker.c_str(), q.text.substr(0, 60).c_str());
  }
}

TEST(GoldenEvents, Aggregate) {
  const char* review = std::getenv("VIGIE_GOLDEN_REVIEW");
  std::map<std::string, Tally> tallies;
  for (const auto& path : GoldenTexts()) {
    Golden g = Load(path, /*analyse=*/true);
    ASSERT_TRUE(g.problem.empty()) << path << ": " << g.problem;
    std::string name = path.parent_path().filename().string() + "/" + path.stem().string();
    // Reviewing one file hides the other files' misses; the figures still cover every file.
    bool shown = !review || std::string(review) == "1" || name.find(review) != std::string::npos;
    if (review && shown) Review(path, g);
    Tally& t = tallies[Str(g.expected, "lang")];
    const json& gold = g.expected["events"];
    const auto& sys = g.analysis->events;
    auto pairs = MatchEvents(gold, sys);
    std::set<size_t> matched_gold, matched_sys;
    for (auto [gi, si] : pairs) {
      matched_gold.insert(gi);
      matched_sys.insert(si);
      ++t.tp;
      ++t.per_type[sys[si].type][0];
      t.status_ok +=
          CoarseStatus(Str(gold[gi], "status")) == CoarseStatus(EventStatusName(sys[si].status));
      if (auto ok = DateOk(gold[gi], sys[si])) {
        ++t.date_n;
        t.date_ok += *ok;
      }
      t.country_ok += Str(gold[gi], "country") == sys[si].place.country;
    }
    for (size_t gi = 0; gi < gold.size(); ++gi) {
      if (matched_gold.count(gi)) continue;
      ++t.fn;
      ++t.per_type[Str(gold[gi], "type")][2];
      if (shown) std::printf("missed   %s: %s\n", name.c_str(), Describe(gold[gi]).c_str());
    }
    for (size_t si = 0; si < sys.size(); ++si) {
      if (matched_sys.count(si) || !kTypes.count(sys[si].type)) continue;
      ++t.fp;
      ++t.per_type[sys[si].type][1];
      if (shown) std::printf("spurious %s: %s\n", name.c_str(), Describe(sys[si]).c_str());
    }
    for (const auto& q : g.expected.value("quotes", json::array())) {
      std::string why;
      ++t.quotes_n;
      if (QuoteFound(q, g.analysis->quotes, &why)) {
        ++t.quotes_ok;
      } else if (shown) {
        std::printf("quote    %s: %s\n", name.c_str(), why.c_str());
      }
    }
  }
  auto thresholds = ReadThresholds();
  for (const auto& [lang, t] : tallies) {
    double p = t.tp + t.fp ? double(t.tp) / (t.tp + t.fp) : 0;
    double r = t.tp + t.fn ? double(t.tp) / (t.tp + t.fn) : 0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf(
        "%s: events gold %d system %d matched %d | P %.3f R %.3f F1 %.3f | on matched: "
        "status %d/%d date %d/%d country %d/%d | quotes %d/%d\n",
        lang.c_str(), t.tp + t.fn, t.tp + t.fp, t.tp, p, r, f1, t.status_ok, t.tp, t.date_ok,
        t.date_n, t.country_ok, t.tp, t.quotes_ok, t.quotes_n);
    for (const auto& [type, n] : t.per_type) {
      std::printf("  %-14s matched %3d  spurious %3d  missed %3d\n", type.c_str(), n[0], n[1],
                  n[2]);
    }
    // A tiny slack keeps a figure printed as 0.412 from failing against a threshold of 0.412.
    EXPECT_GE(p + 1e-3, thresholds[lang + ".precision"]) << lang;
    EXPECT_GE(r + 1e-3, thresholds[lang + ".recall"]) << lang;
    EXPECT_GE(f1 + 1e-3, thresholds[lang + ".f1"]) << lang;
    if (t.quotes_n) {
      EXPECT_GE(double(t.quotes_ok) / t.quotes_n + 1e-3, thresholds[lang + ".quotes"]) << lang;
    }
  }
}

}  // namespace
}  // namespace vigie
