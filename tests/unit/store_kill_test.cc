// kill -9 during ingest, then the same ingest again, gives the same store as one uninterrupted run:
// each batch is one transaction, and the rerun skips what was committed.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include "store_test_data.h"

namespace vigie {
namespace {

constexpr size_t kBatch = 16;

// Three hundred short dispatches about ten towns, with captures, retakes, denials and copies.
std::vector<IngestItem> Feed() {
  const Place towns[] = {testing::KunduzCity(), testing::Taloqan(), testing::Sheberghan()};
  const char* actors[] = {"Taliban", "Afghan forces"};
  std::vector<IngestItem> items;
  for (int i = 0; i < 300; ++i) {
    Place town = towns[i % 3];
    town.geonameid += i % 10 / 3 * 1000;
    town.lat = *town.lat + 0.5 * (i % 10 / 3);
    char day[16];
    std::snprintf(day, sizeof day, "2021-08-%02d", 1 + i % 28);
    const char* actor = actors[(i / 7) % 2];
    EventStatus status = i % 11 == 0 ? EventStatus::kDenied : EventStatus::kReported;
    std::string text = "Dépêche " + std::to_string(i % 290) +
                       " : les combats continuent autour de " + town.name + ", où " + actor +
                       " affirment contrôler le centre depuis le matin selon des témoins joints "
                       "par téléphone par notre correspondant dans la région.";
    items.push_back(testing::MakeItem(
        "K-" + std::to_string(1000 + i), day, text,
        {testing::MakeEvent("capture", actor, town, day, status, "affirment contrôler le centre"),
         testing::MakeEvent("attack", actor, town, day, EventStatus::kAsserted,
                            "les combats continuent")}));
  }
  return items;
}

Result<IngestSummary> Ingest(Store& store, const std::vector<IngestItem>& items) {
  auto analyze = [&](const Article& article) -> Result<Analysis> {
    for (const IngestItem& item : items) {
      if (item.article.id == article.id) return item.analysis;
    }
    return Internal("unknown article " + article.id);
  };
  Ingester ingester(store, analyze, kBatch);
  for (const IngestItem& item : items) VIGIE_RETURN_IF_ERROR(ingester.Add(item.article));
  return ingester.Finish();
}

class KillTest : public ::testing::TestWithParam<size_t> {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("vigie_kill_test_" + std::to_string(::getpid()) + "_" + std::to_string(GetParam()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

std::string DumpOf(const std::string& path) {
  StoreOptions options;
  options.path = path;
  auto store = OpenSqliteStore(options);
  if (!store.ok()) return "open failed: " + store.status().ToString();
  auto dump = (*store)->CanonicalDump();
  return dump.ok() ? *dump : "dump failed: " + dump.status().ToString();
}

TEST_P(KillTest, RerunAfterKillEqualsUninterruptedRun) {
  const size_t kill_after = GetParam();
  const std::vector<IngestItem> items = Feed();
  const std::string reference = (dir_ / "reference.db").string();
  const std::string killed = (dir_ / "killed.db").string();
  {
    StoreOptions options;
    options.path = reference;
    auto store = OpenSqliteStore(options);
    ASSERT_TRUE(store.ok());
    auto summary = Ingest(**store, items);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_EQ(summary->written, items.size());
  }

  pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    // In the child: die the hard way in the middle of a batch's transaction.
    size_t total = 0;
    StoreOptions options;
    options.path = killed;
    options.after_article_written = [&](size_t) {
      if (++total == kill_after) std::raise(SIGKILL);
    };
    auto store = OpenSqliteStore(options);
    if (store.ok()) (void)Ingest(**store, items);
    _exit(3);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child was not killed, exit status " << status;
  EXPECT_EQ(WTERMSIG(status), SIGKILL);

  {
    StoreOptions options;
    options.path = killed;
    auto store = OpenSqliteStore(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto stats = (*store)->Stats();
    ASSERT_TRUE(stats.ok());
    // Only whole batches survived the kill.
    EXPECT_EQ(stats->articles, static_cast<int64_t>((kill_after - 1) / kBatch * kBatch));
    auto summary = Ingest(**store, items);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_EQ(summary->unchanged, (kill_after - 1) / kBatch * kBatch);
  }
  const std::string expected = DumpOf(reference);
  const std::string got = DumpOf(killed);
  EXPECT_GT(expected.size(), 10000u);
  EXPECT_TRUE(expected == got) << "dumps differ: " << expected.size() << " vs " << got.size()
                               << " bytes";
}

// Killed while the merged view is rewritten: the rerun writes nothing and redoes the refresh.
TEST(KillDuringRefreshTest, RerunRedoesTheRefresh) {
  const std::vector<IngestItem> items = Feed();
  const auto dir = std::filesystem::temp_directory_path() /
                   ("vigie_kill_refresh_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string reference = (dir / "reference.db").string();
  const std::string killed = (dir / "killed.db").string();
  {
    StoreOptions options;
    options.path = reference;
    auto store = OpenSqliteStore(options);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(Ingest(**store, items).ok());
  }
  pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    StoreOptions options;
    options.path = killed;
    options.before_refresh_commit = [] { std::raise(SIGKILL); };
    auto store = OpenSqliteStore(options);
    if (store.ok()) (void)Ingest(**store, items);
    _exit(3);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  {
    StoreOptions options;
    options.path = killed;
    auto store = OpenSqliteStore(options);
    ASSERT_TRUE(store.ok());
    auto stats = (*store)->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->articles, 300);
    EXPECT_EQ(stats->events, 0);  // the refresh never committed
    auto summary = Ingest(**store, items);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->unchanged, items.size());
  }
  EXPECT_TRUE(DumpOf(reference) == DumpOf(killed));
  std::filesystem::remove_all(dir);
}

// First article, mid-batch, the last article of a batch, and the very last article.
INSTANTIATE_TEST_SUITE_P(KillPoints, KillTest, ::testing::Values(1, 37, 48, 300));

}  // namespace
}  // namespace vigie
