// The date basis of each report survives the store, and a store of schema version 1 (no basis)
// opens, migrated, and is re-analysed by the next ingest of the same articles.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "store_test_data.h"
#include "store_test_fixture.h"

namespace vigie {
namespace {

using testing::KunduzCity;
using testing::MakeEvent;
using testing::MakeItem;

class StoreSchemaTest : public testing::StoreFileTest {
 protected:
  // Two reports of one fall: one dates it in its sentence, the other (an undated article) only by
  // a background date written elsewhere in it.
  static std::vector<IngestItem> Dispatches() {
    Event inferred = MakeEvent("capture", "Taliban", KunduzCity(), "2001-09-09",
                               EventStatus::kAsserted, "the insurgents took Kunduz");
    inferred.date.basis = DateBasis::kInferred;
    return {
        MakeItem("A", "2021-08-09", "Kunduz fell to the insurgents on Sunday, officials said.",
                 {MakeEvent("capture", "Taliban", KunduzCity(), "2021-08-08",
                            EventStatus::kAsserted, "Kunduz fell to the insurgents on Sunday")}),
        MakeItem("B", "", "Years after 9 September 2001, the insurgents took Kunduz.", {inferred}),
    };
  }

  void Exec(const std::string& name, const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / name).string().c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK) << error;
    sqlite3_free(error);
    sqlite3_close(db);
  }
};

TEST_F(StoreSchemaTest, ReportsKeepTheirDateBasis) {
  auto store = Open("a.db");
  ASSERT_TRUE(store);
  auto items = Dispatches();
  ASSERT_TRUE(store->Write(items).ok());
  ASSERT_TRUE(store->Refresh().ok());
  auto events = store->Events({});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);  // 2001 and 2021 are not one fall
  for (const MergedEvent& e : *events) {
    ASSERT_EQ(e.mentions.size(), 1u);
    const DateBasis basis = e.mentions[0].article == "A" ? DateBasis::kText : DateBasis::kInferred;
    EXPECT_EQ(e.mentions[0].event.date.basis, basis);
    EXPECT_EQ(e.date.basis, basis);
    std::string line = MergedEventToJson(e);
    EXPECT_NE(line.find(std::string("\"basis\":\"") + DateBasisName(basis)), std::string::npos)
        << line;
  }
  // Both give the town to the same side: one change, dated by the written date.
  auto changes = store->Control({});
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ((*changes)[0].date.earliest, "2021-08-08");
  EXPECT_EQ((*changes)[0].date.basis, DateBasis::kText);
  EXPECT_EQ((*changes)[0].articles, (std::vector<std::string>{"A", "B"}));
  ControlQuery at;
  at.at = "2021-08-01";
  changes = store->Control(at);  // a date inferred from 2001 says nothing of who held it then
  ASSERT_TRUE(changes.ok());
  EXPECT_TRUE(changes->empty());
}

TEST_F(StoreSchemaTest, VersionOneStoreIsMigratedAndReanalysed) {
  auto items = Dispatches();
  {
    auto fresh = Open("fresh.db");
    ASSERT_TRUE(fresh->Write(items).ok());
    ASSERT_TRUE(fresh->Refresh().ok());
    auto old = Open("old.db");
    ASSERT_TRUE(old->Write(items).ok());
    ASSERT_TRUE(old->Refresh().ok());
  }
  // What version 1 wrote: no basis columns, no stale events.
  Exec("old.db",
       "ALTER TABLE mention DROP COLUMN date_basis; ALTER TABLE event DROP COLUMN date_basis;"
       "ALTER TABLE control_change DROP COLUMN date_basis;"
       "ALTER TABLE control_change DROP COLUMN overruled;"
       "DROP TRIGGER mention_stale_event; DROP TABLE stale_event;"
       "UPDATE meta SET value = '1' WHERE key = 'schema_version';");
  auto old = Open("old.db");
  ASSERT_TRUE(old);
  for (const IngestItem& item : items) {
    auto contains = old->Contains(item.article);
    ASSERT_TRUE(contains.ok());
    EXPECT_FALSE(*contains) << item.article.id << " must be analysed again";
  }
  ASSERT_TRUE(old->Write(items).ok());
  ASSERT_TRUE(old->Refresh().ok());
  auto fresh = Open("fresh.db");
  auto a = old->CanonicalDump(), b = fresh->CanonicalDump();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

}  // namespace
}  // namespace vigie
