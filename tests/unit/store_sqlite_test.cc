#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <sstream>

#include "store_test_data.h"
#include "store_test_fixture.h"

namespace vigie {
namespace {

using testing::KunduzCity;
using testing::MakeEvent;
using testing::MakeItem;
using testing::Taloqan;

class SqliteStoreTest : public testing::StoreFileTest {
 protected:
  static std::vector<IngestItem> Dispatches() {
    return {
        MakeItem("A", "2021-08-09", testing::WireStory(),
                 {MakeEvent("capture", "Taliban", KunduzCity(), "2021-08-08", EventStatus::kClaimed,
                            "Les insurgés ont annoncé dimanche avoir pris le contrôle de la ville "
                            "de Kunduz")}),
        MakeItem("B", "2021-08-09", testing::WireCopy(),
                 {MakeEvent("capture", "Taliban", KunduzCity(), "2021-08-08", EventStatus::kClaimed,
                            "Les insurgés ont annoncé dimanche avoir pris le contrôle de la ville "
                            "de Kunduz")},
                 "https://quotidien.example/kunduz"),
        MakeItem("C", "2021-08-09",
                 "Le ministère de la Défense dément la chute de Kunduz et affirme que l'armée "
                 "tient toujours le centre-ville et l'aéroport, selon un communiqué publié lundi.",
                 {MakeEvent("capture", "Taliban", KunduzCity(), "2021-08-08", EventStatus::kDenied,
                            "Le ministère de la Défense dément la chute de Kunduz")}),
        MakeItem("D", "2021-08-10",
                 "Taloqan, the capital of Takhar province, fell to the Taliban on Monday after "
                 "government troops withdrew overnight towards the airport, officials said.",
                 {MakeEvent("capture", "Taliban", Taloqan(), "2021-08-09", EventStatus::kReported,
                            "Taloqan, the capital of Takhar province, fell to the Taliban on "
                            "Monday")}),
    };
  }
};

TEST_F(SqliteStoreTest, MergesCopiesAndDenialsIntoOneDisputedEvent) {
  auto store = Open();
  ASSERT_TRUE(store);
  auto items = Dispatches();
  ASSERT_TRUE(store->Write(items).ok());
  ASSERT_TRUE(store->Refresh().ok());
  EventQuery query;
  query.type = "capture";
  query.admin1 = "kunduz";
  auto events = store->Events(query);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 1u);
  const MergedEvent& kunduz = (*events)[0];
  EXPECT_EQ(kunduz.status, "disputed");
  EXPECT_EQ(kunduz.mentions.size(), 3u);
  // A and its syndicated copy B are one source; C is another.
  EXPECT_EQ(kunduz.sources, 2);
  EXPECT_EQ(kunduz.mentions[1].dup_group, "A");

  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 4);
  EXPECT_EQ(stats->dup_groups, 3);
  EXPECT_EQ(stats->events, 2);
}

TEST_F(SqliteStoreTest, WritingTheSameArticlesTwiceChangesNothing) {
  auto store = Open();
  ASSERT_TRUE(store);
  auto items = Dispatches();
  ASSERT_TRUE(store->Write(items).ok());
  ASSERT_TRUE(store->Refresh().ok());
  auto first = store->CanonicalDump();
  ASSERT_TRUE(first.ok());
  for (const IngestItem& item : items) {
    auto contains = store->Contains(item.article);
    ASSERT_TRUE(contains.ok());
    EXPECT_TRUE(*contains);
  }
  ASSERT_TRUE(store->Write(items).ok());
  ASSERT_TRUE(store->Refresh().ok());
  auto second = store->CanonicalDump();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);

  // Another store fed in another order holds the same facts.
  auto other = Open("b.db");
  std::vector<IngestItem> reversed(items.rbegin(), items.rend());
  ASSERT_TRUE(other->Write(std::span(reversed).subspan(0, 2)).ok());
  ASSERT_TRUE(other->Refresh().ok());
  ASSERT_TRUE(other->Write(std::span(reversed).subspan(2)).ok());
  ASSERT_TRUE(other->Refresh().ok());
  auto third = other->CanonicalDump();
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(*first, *third);
}

TEST_F(SqliteStoreTest, CorrectedArticleReplacesItsOldReports) {
  auto store = Open();
  auto items = Dispatches();
  ASSERT_TRUE(store->Write(items).ok());
  IngestItem corrected = items[3];
  corrected.article.text += " Correction: the town was retaken on Tuesday.";
  corrected.analysis.events.push_back(MakeEvent("capture", "Afghan forces", Taloqan(), "2021-08-10",
                                                EventStatus::kAsserted,
                                                "the town was retaken on Tuesday"));
  auto contains = store->Contains(corrected.article);
  ASSERT_TRUE(contains.ok());
  EXPECT_FALSE(*contains);
  ASSERT_TRUE(store->Write(std::span(&corrected, 1)).ok());
  ASSERT_TRUE(store->Refresh().ok());
  ControlQuery query;
  query.place = "Taloqan";
  auto changes = store->Control(query);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_EQ((*changes)[1].to, "Afghan forces");
  EXPECT_EQ((*changes)[1].from, "Taliban");
  auto stats = store->Stats();
  EXPECT_EQ(stats->articles, 4);
  EXPECT_EQ(stats->mentions, 5);
}

TEST_F(SqliteStoreTest, FiltersAndFullText) {
  auto store = Open();
  auto items = Dispatches();
  ASSERT_TRUE(store->Write(items).ok());
  ASSERT_TRUE(store->Refresh().ok());
  auto count = [&](const EventQuery& q) {
    auto events = store->Events(q);
    EXPECT_TRUE(events.ok()) << events.status().ToString();
    return events.ok() ? events->size() : size_t{999};
  };
  EventQuery q;
  EXPECT_EQ(count(q), 2u);
  q.country = "AF";
  EXPECT_EQ(count(q), 2u);
  q.actor = "the taliban";
  EXPECT_EQ(count(q), 2u);
  q.actor = "Afghan forces";
  EXPECT_EQ(count(q), 0u);
  q = {};
  q.from = "2021-08-09";
  q.to = "2021-08-31";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.status = "disputed";
  EXPECT_EQ(count(q), 1u);
  // Diacritics are folded: "dement" finds "dément".
  q = {};
  q.text = "dement";
  EXPECT_EQ(count(q), 1u);
  q.text = "Takhar AND capital";
  EXPECT_EQ(count(q), 1u);
  q.text = "\"unbalanced";
  auto bad = store->Events(q);
  EXPECT_FALSE(bad.ok());
}

TEST_F(SqliteStoreTest, ExportsCsvAndGeoJson) {
  auto store = Open();
  auto items = Dispatches();
  ASSERT_TRUE(store->Write(items).ok());
  ASSERT_TRUE(store->Refresh().ok());
  auto events = store->Events({});
  ASSERT_TRUE(events.ok());
  std::ostringstream csv;
  WriteEventsCsv(*events, csv);
  std::string text = csv.str();
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,"
            "admin2,location,latitude,longitude,geo_precision,source,notes,fatalities");
  EXPECT_NE(text.find("2021-08-08,1,Battles,Non-state actor overtakes territory,Taliban,,AF,"
                      "Kunduz,Kunduz,Kunduz,36.72800,68.86800,1,example.org; quotidien.example,"),
            std::string::npos)
      << text;
  std::ostringstream geo;
  WriteEventsGeoJson(*events, geo);
  EXPECT_NE(geo.str().find("\"coordinates\":[68.868,36.728]"), std::string::npos) << geo.str();
  std::string line = MergedEventToJson((*events)[0]);
  EXPECT_NE(line.find("\"copy_of\":\"A\""), std::string::npos) << line;
}

TEST_F(SqliteStoreTest, RefusesAStoreFromANewerBuild) {
  std::string path = (dir_ / "new.db").string();
  { ASSERT_TRUE(Open("new.db")); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE meta SET value = '99' WHERE key = 'schema_version'", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  StoreOptions options;
  options.path = path;
  auto store = OpenSqliteStore(options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(store.status().message().find("new.db: schema version 99"), std::string::npos);
}

TEST_F(SqliteStoreTest, IngesterSkipsStoredArticlesAndKeepsRefusals) {
  auto store = Open();
  int analyzed = 0;
  auto items = Dispatches();
  auto analyze = [&](const Article& article) -> Result<Analysis> {
    ++analyzed;
    if (article.id == "C") return Unsupported("C: language xx is not supported");
    for (const IngestItem& item : items) {
      if (item.article.id == article.id) return item.analysis;
    }
    return Internal("unknown article");
  };
  {
    Ingester ingester(*store, analyze, 2);
    for (const IngestItem& item : items) ASSERT_TRUE(ingester.Add(item.article).ok());
    auto summary = ingester.Finish();
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->written, 3u);
    EXPECT_EQ(summary->refused, 1u);
  }
  EXPECT_EQ(analyzed, 4);
  Ingester again(*store, analyze, 2);
  for (const IngestItem& item : items) ASSERT_TRUE(again.Add(item.article).ok());
  auto summary = again.Finish();
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->unchanged, 4u);
  EXPECT_EQ(analyzed, 4);
}

}  // namespace
}  // namespace vigie
