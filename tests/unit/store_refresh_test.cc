// A refresh that merges again only what new, corrected or copied articles can reach ends with the
// same store as one that recomputes everything.
#include <gtest/gtest.h>

#include <random>

#include "store_test_data.h"
#include "store_test_fixture.h"

namespace vigie {
namespace {

using testing::MakeEvent;
using testing::MakeItem;

class StoreRefreshTest : public testing::StoreFileTest {
 protected:
  std::unique_ptr<Store> OpenWithLimit(const std::string& name, double limit) {
    StoreOptions options;
    options.path = (dir_ / name).string();
    options.incremental_refresh_limit = limit;
    auto store = OpenSqliteStore(options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }
};

// Made-up dispatches about six towns, three of them within 10 km of each other, over three weeks:
// enough reports of one place and day that merges chain across batches.
class Dispatches {
 public:
  explicit Dispatches(unsigned seed) : random_(seed) {}

  IngestItem Next(const std::string& id) {
    static const char* const kWords[] = {"combats", "ville",  "armée", "colonne",  "pont",
                                         "marché",  "prison", "nuit",  "renforts", "route",
                                         "convoi",  "base",   "front", "district", "matin"};
    std::string text;
    for (int w = 0; w < 40; ++w) text += std::string(kWords[random_() % 15]) + " ";
    const int day = 1 + static_cast<int>(random_() % 20);
    std::string published = Day(day + static_cast<int>(random_() % 3));
    if (random_() % 8 == 0) published.clear();  // an undated article
    std::vector<Event> events;
    const int count = 1 + static_cast<int>(random_() % 3);
    for (int e = 0; e < count; ++e) events.push_back(RandomEvent(day));
    return MakeItem(id, published, text, std::move(events));
  }

 private:
  static std::string Day(int day) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "2021-08-%02d", day);
    return buffer;
  }

  Event RandomEvent(int day) {
    static const char* const kActors[] = {"Taliban", "Afghan forces", ""};
    static const DateBasis kBases[] = {DateBasis::kText, DateBasis::kPublication,
                                       DateBasis::kInferred, DateBasis::kNone};
    static const EventStatus kStatuses[] = {EventStatus::kAsserted, EventStatus::kClaimed,
                                            EventStatus::kReported, EventStatus::kDenied};
    const int town = static_cast<int>(random_() % 6);
    Place place = testing::Town("Town" + std::to_string(town), 36.0 + 0.05 * town,
                                68.0 + (town < 3 ? 0.0 : 0.5), 5000 + town);
    Event e = MakeEvent(random_() % 4 == 0 ? "attack" : "capture", kActors[random_() % 3], place,
                        Day(day + static_cast<int>(random_() % 2)), kStatuses[random_() % 4],
                        "la ville est tombée");
    e.date.basis = kBases[random_() % 4];
    if (e.date.basis == DateBasis::kNone) e.date = {};
    return e;
  }

  std::mt19937 random_;
};

TEST_F(StoreRefreshTest, IncrementalRefreshEqualsAFullOne) {
  Dispatches make(11);
  std::vector<std::vector<IngestItem>> batches;
  for (int b = 0; b < 6; ++b) {
    std::vector<IngestItem> batch;
    for (int a = 0; a < 25; ++a) batch.push_back(make.Next("A" + std::to_string(b * 25 + a)));
    batches.push_back(std::move(batch));
  }
  // Corrections of stored articles, and exact copies of stored texts under smaller ids, which
  // rename the near-duplicate group of the originals.
  std::vector<IngestItem> last;
  for (int a = 0; a < 6; ++a) last.push_back(make.Next("A" + std::to_string(a * 17)));
  for (int a = 0; a < 4; ++a) {
    IngestItem copy = batches[a][a * 3];
    copy.article.id = copy.analysis.article = "0copy" + std::to_string(a);
    last.push_back(copy);
  }
  batches.push_back(last);

  auto incremental = OpenWithLimit("incremental.db", 1.0);
  auto rebuilt = OpenWithLimit("rebuilt.db", 0.0);
  for (const auto& batch : batches) {
    for (Store* store : {incremental.get(), rebuilt.get()}) {
      ASSERT_TRUE(store->Write(batch).ok());
      ASSERT_TRUE(store->Refresh().ok());
    }
    auto a = incremental->CanonicalDump(), b = rebuilt->CanonicalDump();
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(*a, *b);
  }
  // And both equal a store that received everything at once.
  auto once = OpenWithLimit("once.db", 0.0);
  for (const auto& batch : batches) ASSERT_TRUE(once->Write(batch).ok());
  ASSERT_TRUE(once->Refresh().ok());
  auto a = incremental->CanonicalDump(), c = once->CanonicalDump();
  ASSERT_TRUE(a.ok() && c.ok());
  EXPECT_EQ(*a, *c);
  auto stats = incremental->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_GT(stats->mentions, stats->events);  // reports did merge
  EXPECT_GT(stats->control_changes, 0);
}

}  // namespace
}  // namespace vigie
