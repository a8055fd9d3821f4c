// Properties of the whole pipeline on the team's own dispatches: every offset that leaves the
// library points at the words it names, analysis is the same from any thread, and bad articles
// come back as errors naming the article.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "vigie/input.h"
#include "vigie/json.h"
#include "vigie/pipeline.h"

namespace vigie {
namespace {

std::vector<Article> TeamDispatches() {
  std::vector<Article> out;
  std::vector<std::string> dirs;
  for (const char* d : {"/golden/fr", "/golden/en"}) {
    std::string path = std::string(VIGIE_TEST_DIR) + d;
    if (std::filesystem::is_directory(path)) dirs.push_back(path);
  }
  ReadInputs(dirs, {}, [&out](Result<Article> r) {
    if (r.ok()) out.push_back(std::move(r).value());
  });
  return out;
}

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = std::move(p).value().release();
  }
  static void TearDownTestSuite() { delete pipeline_; }
  static Pipeline* pipeline_;
};
Pipeline* PipelineTest::pipeline_ = nullptr;

std::string_view Slice(const Article& a, Span s) {
  return std::string_view(a.text).substr(s.start, s.end - s.start);
}

TEST_F(PipelineTest, EveryOffsetPointsAtItsText) {
  auto articles = TeamDispatches();
  ASSERT_GE(articles.size(), 10u) << "tests/golden should hold the team's dispatches";
  auto ws = pipeline_->NewWorkspace();
  size_t checked = 0;
  for (const Article& a : articles) {
    auto r = pipeline_->Analyze(a, *ws);
    ASSERT_TRUE(r.ok()) << a.id << ": " << r.status().ToString();
    for (const Place& p : r->places) {
      ASSERT_LE(p.span.end, a.text.size());
      EXPECT_EQ(Slice(a, p.span), p.text) << a.id;
      ++checked;
    }
    for (const Event& e : r->events) {
      ASSERT_LE(e.evidence.span.end, a.text.size());
      EXPECT_EQ(Slice(a, e.evidence.span), e.evidence.text) << a.id;
      ++checked;
    }
    for (const Quote& q : r->quotes) {
      ASSERT_LE(q.span.end, a.text.size());
      EXPECT_EQ(Slice(a, q.span), q.text) << a.id;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0u);
}

// A wire dateline says where the dispatch was filed: no event happens at it.
TEST_F(PipelineTest, DatelineIsNotWhereTheEventHappened) {
  Article a;
  a.id = "dateline";
  a.lang = "en";
  a.published = "2021-06-15";
  a.text =
      "KABUL, June 15 (Wire) - The army recaptured on Monday the Khan Abad district of Kunduz "
      "province from the Taliban after two days of fighting, officials said on Tuesday.\n";
  auto ws = pipeline_->NewWorkspace();
  auto r = pipeline_->Analyze(a, *ws);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  bool capture = false;
  for (const Event& e : r->events) {
    EXPECT_NE(e.place.name, "Kabul") << e.type << " at the dateline";
    capture = capture || (e.type == "capture" && e.place.admin1 == "Kunduz");
  }
  EXPECT_TRUE(capture);
  // Counted districts go to the country, named from the gazetteer though the text never writes it.
  a.text =
      "KABUL, June 15 (Wire) - The army recaptured on Monday three districts held by the Taliban, "
      "officials said.\n";
  r = pipeline_->Analyze(a, *ws);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  bool counted = false;
  for (const Event& e : r->events) {
    if (e.type != "capture" || !e.count) continue;
    counted = true;
    EXPECT_EQ(e.place.kind, PlaceKind::kCountry);
    EXPECT_EQ(e.place.name, "Afghanistan");
  }
  EXPECT_TRUE(counted);
  // A place with its country in brackets is no dateline.
  a.text = "Kunduz (Afghanistan), a city shelled day and night for weeks, has not fallen.\n";
  r = pipeline_->Analyze(a, *ws);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  bool strike = false;
  for (const Event& e : r->events) strike = strike || e.place.name == "Kunduz";
  EXPECT_TRUE(strike);
}

// A town changes hands: a capture named by a province's name alone is its seat of the same name.
TEST_F(PipelineTest, CaptureNamedLikeItsProvinceIsTheSeat) {
  Article a;
  a.id = "seat";
  a.lang = "fr";
  a.published = "2021-08-10";
  auto ws = pipeline_->NewWorkspace();
  auto capture_kind = [&](const std::string& text) {
    a.text = text;
    auto r = pipeline_->Analyze(a, *ws);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    for (const Event& e : r->events) {
      if (e.type == "capture" && e.place.name == "Farah")
        return std::string(PlaceKindName(e.place.kind));
    }
    return std::string("no capture at Farah");
  };
  EXPECT_EQ(capture_kind(
                "Lundi soir, les talibans se sont emparés de Farah après deux jours de combats.\n"),
            "city");
  EXPECT_EQ(capture_kind("Dimanche, les talibans ont pris le contrôle de toute la province de "
                         "Farah.\n"),
            "admin1");
}

TEST_F(PipelineTest, SameAnalysisFromTwoThreads) {
  auto articles = TeamDispatches();
  ASSERT_FALSE(articles.empty());
  auto run_all = [&](std::vector<std::string>* out) {
    auto ws = pipeline_->NewWorkspace();
    for (const Article& a : articles) {
      auto r = pipeline_->Analyze(a, *ws);
      out->push_back(r.ok() ? ToJson(*r) : r.status().ToString());
    }
  };
  std::vector<std::string> serial, t1, t2;
  run_all(&serial);
  std::thread a(run_all, &t1), b(run_all, &t2);
  a.join();
  b.join();
  EXPECT_EQ(serial, t1);
  EXPECT_EQ(serial, t2);
}

TEST_F(PipelineTest, BadArticlesAreErrorsNamingThem) {
  auto ws = pipeline_->NewWorkspace();
  Article empty{"e-1", "", "", "fr", "", "   \n ", "x.jsonl:3"};
  auto r = pipeline_->Analyze(empty, *ws);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("x.jsonl:3"), std::string::npos);

  Article german{"d-1",
                 "",
                 "",
                 "",
                 "",
                 "Die Regierung hat am Montag neue Gespräche mit den Aufständischen angekündigt, "
                 "teilte das Ministerium in der Hauptstadt mit.",
                 "x.jsonl:4"};
  r = pipeline_->Analyze(german, *ws);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);

  Article invalid{"u-1", "", "", "fr", "", "Kaboul \xff tombe", "x.jsonl:5"};
  r = pipeline_->Analyze(invalid, *ws);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);

  Article big{"b-1", "", "", "en", "", std::string((1 << 20) + 1, 'a'), "x.jsonl:6"};
  r = pipeline_->Analyze(big, *ws);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);

  // The workspace is still good after errors.
  Article good{"g-1",      "", "2021-08-02",
               "fr",       "", "Les talibans ont pris le contrôle de la ville de Kunduz dimanche.",
               "x.jsonl:7"};
  r = pipeline_->Analyze(good, *ws);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->lang, "fr");
  EXPECT_EQ(r->stats.sentences, 1u);
}

}  // namespace
}  // namespace vigie
