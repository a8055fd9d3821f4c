#include "store/sqlite_store.h"

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
      " dup_group, minhash, shingles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
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
  const MinHash minhash = ComputeMinHash(article.text);
  insert_article_.Bind(1, article.id)
      .Bind(2, article.url)
      .Bind(3, published)
      .Bind(4, analysis.lang.empty() ? article.lang : analysis.lang)
      .Bind(5, article.title)
      .Bind(6, content_hash)
      .Bind(7, static_cast<int64_t>(SimHash(article.text)))
      .Bind(8, static_cast<int64_t>(article.text.size()))
      .Bind(9, item.problem)
      .Bind(10, article.id)
      .BindBlob(11, EncodeMinHash(minhash))
      .Bind(12, static_cast<int64_t>(minhash.shingles));
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

}  // namespace vigie::internal
