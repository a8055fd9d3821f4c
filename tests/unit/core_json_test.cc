#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "vigie/json.h"

namespace vigie {
namespace {

Analysis SampleAnalysis() {
  Analysis a;
  a.article = "T-1";
  a.lang = "fr";
  a.published = "2021-07";
  Event e;
  e.type = "capture";
  e.actor = "Taliban";
  e.place.text = "Panjwai";
  e.place.span = {40, 47};
  e.place.name = "Panjwayi";
  e.place.kind = PlaceKind::kAdmin2;
  e.place.country = "AF";
  e.place.admin1 = "Kandahar";
  e.place.lat = 31.54;
  e.place.lon = 65.46;
  e.place.geonameid = 1131256;
  e.date = {"2021-07-01", "2021-07-31", DateBasis::kPublication};
  e.status = EventStatus::kClaimed;
  e.source = "Taliban spokesman";
  e.count = 3;
  e.evidence = {{10, 47}, "les talibans ont pris le district de Panjwai"};
  e.rule = "fr/capture:prendre_le_controle";
  a.events.push_back(e);
  Place unresolved;
  unresolved.text = "Qala-e Zal";
  unresolved.span = {90, 100};
  a.places.push_back(unresolved);
  a.quotes.push_back({"Abdul Satar Mirzakwal", "ministre", "Nous défendrons", {120, 140}});
  return a;
}

TEST(JsonTest, EventFieldsUseTheEvaluationNames) {
  nlohmann::json j = nlohmann::json::parse(ToJson(SampleAnalysis()));
  EXPECT_EQ(j["article"], "T-1");
  EXPECT_EQ(j["lang"], "fr");
  const auto& e = j["events"][0];
  EXPECT_EQ(e["type"], "capture");
  EXPECT_EQ(e["status"], "claimed");
  EXPECT_EQ(e["source"], "Taliban spokesman");
  EXPECT_EQ(e["count"], 3);
  EXPECT_TRUE(e["fatalities"].is_null());
  EXPECT_TRUE(e["target"].is_null());
  EXPECT_EQ(e["place"]["kind"], "admin2");
  EXPECT_EQ(e["place"]["country"], "AF");
  EXPECT_EQ(e["place"]["geonameid"], 1131256);
  EXPECT_EQ(e["date"]["earliest"], "2021-07-01");
  EXPECT_EQ(e["date"]["basis"], "publication");
  EXPECT_EQ(e["evidence"]["start"], 10);
  EXPECT_EQ(e["evidence"]["end"], 47);
  EXPECT_FALSE(e.contains("rule"));
}

TEST(JsonTest, UnresolvedPlaceKeepsItsTextWithNullKind) {
  nlohmann::json j = nlohmann::json::parse(ToJson(SampleAnalysis()));
  const auto& p = j["places"][0];
  EXPECT_EQ(p["text"], "Qala-e Zal");
  EXPECT_EQ(p["start"], 90);
  EXPECT_FALSE(p["resolved"].get<bool>());
  EXPECT_TRUE(p["kind"].is_null());
  EXPECT_TRUE(p["lat"].is_null());
}

TEST(JsonTest, ExplainAddsRule) {
  JsonOptions options;
  options.explain = true;
  nlohmann::json j = nlohmann::json::parse(ToJson(SampleAnalysis(), options));
  EXPECT_EQ(j["events"][0]["rule"], "fr/capture:prendre_le_controle");
}

TEST(JsonTest, OneLineWithoutPretty) {
  std::string line = ToJson(SampleAnalysis());
  EXPECT_EQ(line.find('\n'), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j["quotes"][0]["speaker"], "Abdul Satar Mirzakwal");
}

}  // namespace
}  // namespace vigie
