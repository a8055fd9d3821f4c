#include "store/sqlite_store.h"

#include <algorithm>
#include <map>
#include <set>

#include "store/corroboration.h"
#include "store/keys.h"
#include "store/near_duplicate.h"
#include "store/rows.h"
#include "store/schema.h"

namespace vigie {

Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options) {
  auto store = internal::SqliteStore::Open(options);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Store>(std::move(store).value());
}

}  // namespace vigie

namespace vigie::internal {

namespace {

// Rolls back on scope exit unless committed, so every early return leaves the file as it was.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {}
  ~Transaction() {
    if (open_) (void)db_.Exec("ROLLBACK");
  }
  Status Begin() {
    // IMMEDIATE takes the write lock now, so a second writer waits instead of failing mid-batch.
    VIGIE_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
    open_ = true;
    return Status::Ok();
  }
  Status Commit() {
    VIGIE_RETURN_IF_ERROR(db_.Exec("COMMIT"));
    open_ = false;
    return Status::Ok();
  }

 private:
  Database& db_;
  bool open_ = false;
};

Status PrepareInto(Database& db, Statement* out, std::string_view sql) {
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  *out = std::move(stmt).value();
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const StoreOptions& options) {
  if (options.path.empty()) return InvalidArgument("store: no database path given");
  auto db = Database::Open(options.path);
  if (!db.ok()) return db.status();
  // WAL: readers never block the writer; NORMAL sync keeps every committed batch across a killed
  // process (only a power cut can lose the last one), at a fraction of FULL's fsyncs.
  VIGIE_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode = WAL"));
  VIGIE_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = NORMAL"));
  VIGIE_RETURN_IF_ERROR(db->Exec("PRAGMA temp_store = MEMORY"));
  // The refresh reads every report and rewrites every event: with SQLite's default 2 MB cache a
  // store of 100,000 reports spent most of its refresh copying pages from the OS (19 s -> see
  // docs/store.md for the figure after).
  VIGIE_RETURN_IF_ERROR(db->Exec("PRAGMA cache_size = -65536"));
  VIGIE_RETURN_IF_ERROR(db->Exec("PRAGMA mmap_size = 268435456"));
  VIGIE_RETURN_IF_ERROR(EnsureSchema(*db));
  std::unique_ptr<SqliteStore> store(new SqliteStore(options, std::move(db).value()));
  VIGIE_RETURN_IF_ERROR(store->Prepare());
  return store;
}

Status SqliteStore::Prepare() {
  VIGIE_RETURN_IF_ERROR(
      PrepareInto(db_, &find_article_, "SELECT id, content_hash FROM article WHERE key = ?"));
  VIGIE_RETURN_IF_ERROR(PrepareInto(db_, &delete_article_, "DELETE FROM article WHERE id = ?"));
  VIGIE_RETURN_IF_ERROR(
      PrepareInto(db_, &delete_mentions_, "DELETE FROM mention WHERE article = ?"));
  VIGIE_RETURN_IF_ERROR(
      PrepareInto(db_, &delete_places_, "DELETE FROM place_mention WHERE article = ?"));
  VIGIE_RETURN_IF_ERROR(PrepareInto(db_, &delete_quotes_, "DELETE FROM quote WHERE article = ?"));
  VIGIE_RETURN_IF_ERROR(PrepareInto(
      db_, &insert_article_,
      "INSERT INTO article(key, url, published, lang, title, content_hash, simhash, bytes, problem,"
      " dup_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  VIGIE_RETURN_IF_ERROR(PrepareInto(
      db_, &insert_mention_,
      "INSERT INTO mention(article, ordinal, type, actor, target, place_start, place_end, "
      "place_text, place_name, place_kind, country, admin1, admin2, lat, lon, geonameid, "
      "approximate, date_earliest, date_latest, status, source, count, fatalities, evidence_start, "
      "evidence_end, evidence_text, rule, date_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  VIGIE_RETURN_IF_ERROR(PrepareInto(
      db_, &insert_place_,
      "INSERT INTO place_mention(article, ordinal, start, end, text, name, kind, country, admin1, "
      "admin2, lat, lon, geonameid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  VIGIE_RETURN_IF_ERROR(
      PrepareInto(db_, &insert_quote_,
                  "INSERT INTO quote(article, ordinal, speaker, role, text, start, end) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  VIGIE_RETURN_IF_ERROR(
      PrepareInto(db_, &mark_dirty_, "UPDATE meta SET value = '1' WHERE key = 'dirty'"));
  VIGIE_RETURN_IF_ERROR(
      PrepareInto(db_, &max_mention_, "SELECT coalesce(max(id), 0) FROM mention"));
  VIGIE_RETURN_IF_ERROR(PrepareInto(db_, &index_new_mentions_,
                                    "INSERT INTO mention_fts(rowid, evidence_text) "
                                    "SELECT id, evidence_text FROM mention WHERE id > ?"));
  VIGIE_RETURN_IF_ERROR(
      PrepareInto(db_, &mentions_of_event_,
                  std::string("SELECT ") + kMentionColumns +
                      " FROM mention m JOIN article a ON a.id = m.article WHERE m.event = ?"
                      " ORDER BY a.published, a.key, m.ordinal"));
  return Status::Ok();
}

Result<bool> SqliteStore::Contains(const Article& article) {
  find_article_.Bind(1, article.id);
  auto row = find_article_.Step();
  bool same = row.ok() && *row && find_article_.Text(1) == Hex64(Hash64(article.text));
  find_article_.Reset();
  if (!row.ok()) return row.status();
  return same;
}

Status SqliteStore::WriteArticle(const IngestItem& item, bool* written) {
  const Article& article = item.article;
  const std::string content_hash = Hex64(Hash64(article.text));
  find_article_.Bind(1, article.id);
  auto row = find_article_.Step();
  if (!row.ok()) return row.status();
  std::optional<int64_t> old_id;
  if (*row) {
    if (find_article_.Text(1) == content_hash) {
      find_article_.Reset();
      *written = false;
      return Status::Ok();
    }
    old_id = find_article_.Int(0);
  }
  find_article_.Reset();
  if (old_id) {
    // The same id with other text: the article was corrected; its old analysis goes. Its reports
    // leave the full-text index by trigger, so the index must hold them first.
    VIGIE_RETURN_IF_ERROR(SyncFullText());
    for (Statement* s : {&delete_mentions_, &delete_places_, &delete_quotes_, &delete_article_}) {
      s->Bind(1, *old_id);
      VIGIE_RETURN_IF_ERROR(s->Run());
    }
    // Rowids of deleted reports may be given again: the mark goes back to what is left.
    auto max_id = MaxMentionId();
    if (!max_id.ok()) return max_id.status();
    indexed_up_to_ = *max_id;
  }

  const Analysis& analysis = item.analysis;
  const std::string& published = article.published.empty() ? analysis.published : article.published;
  insert_article_.Bind(1, article.id)
      .Bind(2, article.url)
      .Bind(3, published)
      .Bind(4, analysis.lang.empty() ? article.lang : analysis.lang)
      .Bind(5, article.title)
      .Bind(6, content_hash)
      .Bind(7, static_cast<int64_t>(SimHash(article.text)))
      .Bind(8, static_cast<int64_t>(article.text.size()))
      .Bind(9, item.problem)
      .Bind(10, article.id);
  VIGIE_RETURN_IF_ERROR(insert_article_.Run());
  const int64_t id = sqlite3_last_insert_rowid(db_.handle());

  for (size_t i = 0; i < analysis.events.size(); ++i) {
    const Event& e = analysis.events[i];
    insert_mention_.Bind(1, id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, e.type)
        .Bind(4, e.actor)
        .Bind(5, e.target)
        .Bind(6, static_cast<int64_t>(e.place.span.start))
        .Bind(7, static_cast<int64_t>(e.place.span.end));
    BindPlace(insert_mention_, 8, e.place);
    insert_mention_.Bind(18, e.date.earliest)
        .Bind(19, e.date.latest)
        .Bind(20, EventStatusName(e.status))
        .Bind(21, e.source)
        .Bind(22, e.count)
        .Bind(23, e.fatalities)
        .Bind(24, static_cast<int64_t>(e.evidence.span.start))
        .Bind(25, static_cast<int64_t>(e.evidence.span.end))
        .Bind(26, e.evidence.text)
        .Bind(27, e.rule)
        .Bind(28, StoredDateBasis(e.date));
    VIGIE_RETURN_IF_ERROR(insert_mention_.Run());
  }
  for (size_t i = 0; i < analysis.places.size(); ++i) {
    const Place& p = analysis.places[i];
    insert_place_.Bind(1, id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, static_cast<int64_t>(p.span.start))
        .Bind(4, static_cast<int64_t>(p.span.end))
        .Bind(5, p.text)
        .Bind(6, p.name)
        .Bind(7, p.resolved() ? PlaceKindName(p.kind) : "")
        .Bind(8, p.country)
        .Bind(9, p.admin1)
        .Bind(10, p.admin2)
        .Bind(11, p.lat)
        .Bind(12, p.lon)
        .Bind(13, p.geonameid);
    VIGIE_RETURN_IF_ERROR(insert_place_.Run());
  }
  for (size_t i = 0; i < analysis.quotes.size(); ++i) {
    const Quote& q = analysis.quotes[i];
    insert_quote_.Bind(1, id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, q.speaker)
        .Bind(4, q.role)
        .Bind(5, q.text)
        .Bind(6, static_cast<int64_t>(q.span.start))
        .Bind(7, static_cast<int64_t>(q.span.end));
    VIGIE_RETURN_IF_ERROR(insert_quote_.Run());
  }
  *written = true;
  return Status::Ok();
}

Status SqliteStore::Write(std::span<const IngestItem> batch) {
  if (batch.empty()) return Status::Ok();
  Transaction transaction(db_);
  VIGIE_RETURN_IF_ERROR(transaction.Begin());
  bool any = false;
  size_t done = 0;
  auto max_id = MaxMentionId();
  if (!max_id.ok()) return max_id.status();
  indexed_up_to_ = *max_id;
  for (const IngestItem& item : batch) {
    bool written = false;
    Status status = WriteArticle(item, &written);
    if (!status.ok()) {
      return Status(status.code(), item.article.where.empty()
                                       ? status.message()
                                       : item.article.where + ": " + status.message());
    }
    any |= written;
    if (options_.after_article_written) options_.after_article_written(++done);
  }
  if (any) {
    VIGIE_RETURN_IF_ERROR(SyncFullText());
    VIGIE_RETURN_IF_ERROR(mark_dirty_.Run());
  }
  return transaction.Commit();
}

Result<int64_t> SqliteStore::MaxMentionId() {
  auto row = max_mention_.Step();
  int64_t max_id = row.ok() && *row ? max_mention_.Int(0) : 0;
  max_mention_.Reset();
  if (!row.ok()) return row.status();
  return max_id;
}

Status SqliteStore::SyncFullText() {
  index_new_mentions_.Bind(1, indexed_up_to_);
  VIGIE_RETURN_IF_ERROR(index_new_mentions_.Run());
  auto max_id = MaxMentionId();
  if (!max_id.ok()) return max_id.status();
  indexed_up_to_ = *max_id;
  return Status::Ok();
}

Status SqliteStore::Refresh() {
  auto dirty = db_.Prepare("SELECT value FROM meta WHERE key = 'dirty'");
  if (!dirty.ok()) return dirty.status();
  auto row = dirty->Step();
  if (!row.ok()) return row.status();
  if (*row && dirty->Text(0) == "0") return Status::Ok();
  dirty->Reset();
  Transaction transaction(db_);
  VIGIE_RETURN_IF_ERROR(transaction.Begin());
  VIGIE_RETURN_IF_ERROR(RefreshInTransaction());
  VIGIE_RETURN_IF_ERROR(db_.Exec("UPDATE meta SET value = '0' WHERE key = 'dirty'"));
  if (options_.before_refresh_commit) options_.before_refresh_commit();
  return transaction.Commit();
}

Status SqliteStore::RefreshInTransaction() {
  // 1. Near-duplicate groups, named by the smallest article id of each group.
  {
    auto select = db_.Prepare("SELECT id, key, simhash, dup_group FROM article ORDER BY key");
    if (!select.ok()) return select.status();
    std::vector<int64_t> ids;
    std::vector<std::string> keys, groups;
    std::vector<uint64_t> fingerprints;
    for (;;) {
      auto row = select->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      ids.push_back(select->Int(0));
      keys.push_back(select->Text(1));
      fingerprints.push_back(static_cast<uint64_t>(select->Int(2)));
      groups.push_back(select->Text(3));
    }
    std::vector<size_t> group = NearDuplicateGroups(fingerprints, options_.near_duplicate_bits);
    auto update = db_.Prepare("UPDATE article SET dup_group = ? WHERE id = ?");
    if (!update.ok()) return update.status();
    for (size_t i = 0; i < ids.size(); ++i) {
      if (keys[group[i]] == groups[i]) continue;
      update->Bind(1, keys[group[i]]).Bind(2, ids[i]);
      VIGIE_RETURN_IF_ERROR(update->Run());
    }
  }

  // 2. Merged events.
  std::vector<int64_t> rowids, old_events;
  auto mentions = LoadMentions(&rowids, &old_events);
  if (!mentions.ok()) return mentions.status();
  CorroborationOptions corroboration{options_.merge_km, options_.date_slack_days,
                                     options_.corroborate_sources};
  std::vector<MergedEvent> events = Corroborate(*mentions, corroboration);
  VIGIE_RETURN_IF_ERROR(WriteMergedEvents(events, *mentions, rowids, old_events));

  // 3. The control timeline.
  return WriteTimeline(BuildControlTimeline(events, options_.corroborate_sources));
}

Result<std::vector<Mention>> SqliteStore::LoadMentions(std::vector<int64_t>* rowids,
                                                       std::vector<int64_t>* events) {
  auto select = db_.Prepare(std::string("SELECT ") + kMentionColumns +
                            ", m.id, m.event FROM mention m JOIN article a ON a.id = m.article");
  if (!select.ok()) return select.status();
  std::vector<Mention> mentions;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const Statement& s = *select;
    mentions.push_back(ReadMention(s));
    rowids->push_back(s.Int(kMentionColumnCount));
    events->push_back(s.IsNull(kMentionColumnCount + 1) ? 0 : s.Int(kMentionColumnCount + 1));
  }
  return mentions;
}

Status SqliteStore::WriteMergedEvents(const std::vector<MergedEvent>& events,
                                      const std::vector<Mention>& mentions,
                                      const std::vector<int64_t>& rowids,
                                      const std::vector<int64_t>& old_events) {
  // Rows go in in key order and the indexes are built once afterwards: inserting 100,000 events
  // at random keys into a table and three indexes took most of the refresh.
  VIGIE_RETURN_IF_ERROR(
      db_.Exec("DROP INDEX IF EXISTS event_type_date; "
               "DROP INDEX IF EXISTS event_place_date; "
               "DROP INDEX IF EXISTS event_date; DROP INDEX IF EXISTS event_status_date; "
               "DELETE FROM event;"));
  auto insert = db_.Prepare(
      std::string(
          "INSERT INTO event(id, type, actor, target, actors, date_earliest, date_latest, "
          "status, sources, mentions, first_reported, last_reported, fatalities, date_basis, ") +
      kPlaceColumns +
      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.status();
  // Mentions are found back by (article, ordinal) to set their event column.
  std::map<std::pair<std::string, int>, size_t> index;
  for (size_t i = 0; i < mentions.size(); ++i)
    index[{mentions[i].article, mentions[i].ordinal}] = i;
  std::vector<std::pair<int64_t, int64_t>> moved;  // (mention rowid, new event id)

  std::vector<std::pair<int64_t, const MergedEvent*>> order;
  order.reserve(events.size());
  for (const MergedEvent& e : events) {
    order.emplace_back(static_cast<int64_t>(std::stoull(e.id.substr(1), nullptr, 16)), &e);
  }
  std::sort(order.begin(), order.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [id, event] : order) {
    const MergedEvent& e = *event;
    std::set<std::string> actor_keys;
    for (const Mention& m : e.mentions) {
      for (const std::string* name : {&m.event.actor, &m.event.target}) {
        if (std::string key = NameKey(*name); !key.empty()) actor_keys.insert(key);
      }
    }
    std::string actors = "|";
    for (const std::string& key : actor_keys) actors += key + "|";
    insert->Bind(1, id)
        .Bind(2, e.type)
        .Bind(3, e.actor)
        .Bind(4, e.target)
        .Bind(5, actors)
        .Bind(6, e.date.earliest)
        .Bind(7, e.date.latest)
        .Bind(8, e.status)
        .Bind(9, e.sources)
        .Bind(10, static_cast<int64_t>(e.mentions.size()))
        .Bind(11, e.first_reported)
        .Bind(12, e.last_reported)
        .Bind(13, e.fatalities)
        .Bind(14, StoredDateBasis(e.date));
    BindPlace(*insert, 15, e.place);
    VIGIE_RETURN_IF_ERROR(insert->Run());
    for (const Mention& m : e.mentions) {
      size_t i = index[{m.article, m.ordinal}];
      if (old_events[i] != id) moved.emplace_back(rowids[i], id);
    }
  }
  VIGIE_RETURN_IF_ERROR(db_.Exec(kEventIndexes));

  std::sort(moved.begin(), moved.end());
  auto update = db_.Prepare("UPDATE mention SET event = ? WHERE id = ?");
  if (!update.ok()) return update.status();
  for (const auto& [rowid, id] : moved) {
    update->Bind(1, id).Bind(2, rowid);
    VIGIE_RETURN_IF_ERROR(update->Run());
  }
  return Status::Ok();
}

Status SqliteStore::WriteTimeline(const std::vector<KeyedChange>& timeline) {
  VIGIE_RETURN_IF_ERROR(db_.Exec("DELETE FROM control_change"));
  auto insert = db_.Prepare(
      std::string("INSERT INTO control_change(place_key, seq, to_actor, from_actor, date_earliest, "
                  "date_latest, status, sources, articles, date_basis, overruled, ") +
      kPlaceColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.status();
  int seq = 0;
  for (size_t i = 0; i < timeline.size(); ++i) {
    const KeyedChange& k = timeline[i];
    seq = i > 0 && timeline[i - 1].place_key == k.place_key ? seq + 1 : 0;
    std::string articles;
    for (const std::string& a : k.change.articles) articles += (articles.empty() ? "" : "\n") + a;
    insert->Bind(1, k.place_key)
        .Bind(2, seq)
        .Bind(3, k.change.to)
        .Bind(4, k.change.from)
        .Bind(5, k.change.date.earliest)
        .Bind(6, k.change.date.latest)
        .Bind(7, k.change.status)
        .Bind(8, k.change.sources)
        .Bind(9, articles)
        .Bind(10, StoredDateBasis(k.change.date))
        .Bind(11, k.change.overruled ? 1 : 0);
    BindPlace(*insert, 12, k.change.place);
    VIGIE_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

}  // namespace vigie::internal
