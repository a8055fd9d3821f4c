// The embedded backend: one SQLite file in WAL mode.
#ifndef VIGIE_STORE_SQLITE_STORE_H_
#define VIGIE_STORE_SQLITE_STORE_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/control_timeline.h"
#include "store/sqlite_handle.h"
#include "vigie/store.h"

namespace vigie::internal {

class SqliteStore final : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const StoreOptions& options);

  Result<bool> Contains(const Article& article) override;
  Status Write(std::span<const IngestItem> batch) override;
  Status Refresh() override;
  Result<std::vector<MergedEvent>> Events(const EventQuery& query) override;
  Result<std::vector<ControlChange>> Control(const ControlQuery& query) override;
  Result<std::vector<ControlRollup>> ControlByAdmin1(const ControlQuery& query) override;
  Result<StoreStats> Stats() override;
  Result<std::string> CanonicalDump() override;

 private:
  SqliteStore(StoreOptions options, Database db)
      : options_(std::move(options)), db_(std::move(db)) {}
  Status Prepare();
  Status WriteArticle(const IngestItem& item, bool* written);
  Status RefreshInTransaction();
  // Indexes the evidence of reports written since the last call, and moves the mark past them.
  Status SyncFullText();
  Result<int64_t> MaxMentionId();
  // Regroups near-duplicate copies; gives the articles whose group changed.
  Result<std::unordered_set<std::string>> RefreshDuplicateGroups();
  // Every report, with its row id and its merged event (0: none yet).
  Result<std::vector<Mention>> LoadMentions(std::vector<int64_t>* rowids,
                                            std::vector<int64_t>* events);
  // Merged events that lost a report since the last refresh.
  Result<std::set<int64_t>> LoadStaleEvents();
  // Inserts merged events and points their reports at them: `index` finds a report's position
  // by (article, ordinal), `event_of` holds each position's event id, updated.
  Status InsertEvents(const std::vector<MergedEvent>& events,
                      const std::map<std::pair<std::string, int>, size_t>& index,
                      const std::vector<int64_t>& rowids, std::vector<int64_t>* event_of);
  // The stored capture events, with their reports.
  Result<std::vector<MergedEvent>> LoadCaptures(const std::vector<Mention>& mentions,
                                                const std::vector<int64_t>& event_of);
  Status WriteTimeline(const std::vector<KeyedChange>& timeline);
  Result<std::vector<KeyedChange>> LoadTimeline(const std::string& country);
  Result<std::vector<Mention>> MentionsOf(int64_t event);

  StoreOptions options_;
  Database db_;
  // Statements used article after article, prepared once.
  Statement find_article_, delete_article_, delete_mentions_, delete_places_, delete_quotes_;
  Statement insert_article_, insert_mention_, insert_place_, insert_quote_;
  Statement mark_dirty_, mentions_of_event_, max_mention_, index_new_mentions_;
  int64_t indexed_up_to_ = 0;  // mention ids up to this one are in mention_fts
};

}  // namespace vigie::internal

#endif  // VIGIE_STORE_SQLITE_STORE_H_
