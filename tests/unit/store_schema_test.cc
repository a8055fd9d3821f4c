// The date basis of each report survives the store, and a store of schema version 1 (no basis) or
// 3 (no MinHash signatures) opens, migrated, and is re-analysed by the next ingest of the same
// articles.
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

  // A migrated store takes every article for new, and once they are written again it holds what
  // a fresh store ("fresh.db") of the same articles holds.
  void ExpectReanalysedLikeFresh(Store& old, const std::vector<IngestItem>& items) {
    for (const IngestItem& item : items) {
      auto contains = old.Contains(item.article);
      ASSERT_TRUE(contains.ok());
      EXPECT_FALSE(*contains) << item.article.id << " must be analysed again";
    }
    ASSERT_TRUE(old.Write(items).ok());
    ASSERT_TRUE(old.Refresh().ok());
    auto fresh = Open("fresh.db");
    auto a = old.CanonicalDump(), b = fresh->CanonicalDump();
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(*a, *b);
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
       "ALTER TABLE article DROP COLUMN minhash; ALTER TABLE article DROP COLUMN shingles;"
       "UPDATE meta SET value = '1' WHERE key = 'schema_version';");
  auto old = Open("old.db");
  ASSERT_TRUE(old);
  ExpectReanalysedLikeFresh(*old, items);
}

// Version 3 kept no MinHash signature: its articles are grouped by SimHash alone until the next
// ingest analyses them again and stores their signatures, after which the store equals a fresh one.
TEST_F(StoreSchemaTest, VersionThreeStoreIsMigratedAndGetsSignatures) {
  // A wire text and a copy extended by two paragraphs of its own, which SimHash alone misses.
  const std::string wire =
      "Fighters took the hill town of Sarband at dawn on Monday after a week of shelling, and "
      "the garrison withdrew along the river road towards the provincial capital, a police "
      "officer and two residents said. The officer said the attackers had seized the customs "
      "post, the fuel depot and two armoured vehicles left behind by the garrison. Residents "
      "said the market stayed closed and the mosque loudspeakers called on shopkeepers to stay "
      "at home until further notice.";
  const std::string copy = "Sarband falls: a report from our desk. " + wire +
                           " The road to the border has been closed since Sunday and no bus "
                           "has left the bus station for two days, travellers told us. Aid "
                           "groups said they could not reach the town and had asked both "
                           "sides for safe passage for their trucks and medical teams.";
  const Event fall = MakeEvent("capture", "Taliban", KunduzCity(), "2021-08-09",
                               EventStatus::kReported, "Fighters took the hill town of Sarband");
  const std::vector<IngestItem> items = {MakeItem("W", "2021-08-09", wire, {fall}),
                                         MakeItem("X", "2021-08-10", copy, {fall})};
  {
    auto fresh = Open("fresh.db");
    ASSERT_TRUE(fresh->Write(items).ok());
    ASSERT_TRUE(fresh->Refresh().ok());
    auto stats = fresh->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->dup_groups, 1);
    auto old = Open("old.db");
    ASSERT_TRUE(old->Write(items).ok());
  }
  // What version 3 wrote: no signatures, each text its own group.
  Exec("old.db",
       "ALTER TABLE article DROP COLUMN minhash; ALTER TABLE article DROP COLUMN shingles;"
       "UPDATE meta SET value = '3' WHERE key = 'schema_version';");
  auto old = Open("old.db");
  ASSERT_TRUE(old);
  ASSERT_TRUE(old->Refresh().ok());
  auto stats = old->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->dup_groups, 2);  // SimHash alone, as version 3 grouped them
  ExpectReanalysedLikeFresh(*old, items);
}

// A signature of the wrong size is an error naming the article, not a guess.
TEST_F(StoreSchemaTest, DamagedSignatureIsAnError) {
  {
    auto store = Open("a.db");
    ASSERT_TRUE(store->Write(Dispatches()).ok());
    ASSERT_TRUE(store->Refresh().ok());
  }
  Exec("a.db",
       "UPDATE article SET minhash = x'0102' WHERE key = 'A';"
       "UPDATE meta SET value = '1' WHERE key = 'dirty';");
  auto store = Open("a.db");
  ASSERT_TRUE(store);
  Status status = store->Refresh();
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("article A: minhash"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace vigie
