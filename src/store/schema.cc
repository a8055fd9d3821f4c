#include "store/schema.h"

#include <string>

namespace vigie::internal {

namespace {

// migrations[i] brings a store from version i to version i + 1; version 0 is an empty file.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE article(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL, published TEXT NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL,
  content_hash TEXT NOT NULL, simhash INTEGER NOT NULL, bytes INTEGER NOT NULL,
  problem TEXT NOT NULL,
  dup_group TEXT NOT NULL);

-- One article's report of an event, exactly as the pipeline gave it. `event` is the merged
-- event it belongs to, set by refresh.
CREATE TABLE mention(
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  type TEXT NOT NULL, actor TEXT NOT NULL, target TEXT NOT NULL,
  place_text TEXT NOT NULL, place_start INTEGER NOT NULL, place_end INTEGER NOT NULL,
  place_name TEXT NOT NULL, place_kind TEXT NOT NULL, country TEXT NOT NULL,
  admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, lat REAL, lon REAL,
  geonameid INTEGER NOT NULL, approximate INTEGER NOT NULL,
  date_earliest TEXT NOT NULL, date_latest TEXT NOT NULL,
  status TEXT NOT NULL, source TEXT NOT NULL, count INTEGER, fatalities INTEGER,
  evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
  rule TEXT NOT NULL,
  event INTEGER,
  UNIQUE(article, ordinal));
CREATE INDEX mention_event ON mention(event);

-- "aeroport" finds "aéroport": diacritics are removed on both sides. New reports are indexed once
-- per batch by the writer, not by a trigger: with FTS5 touched in a transaction, every later
-- statement flushes its pending terms, which made a row trigger cost 0.2 ms per article.
CREATE VIRTUAL TABLE mention_fts USING fts5(
  evidence_text, content='mention', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER mention_fts_delete AFTER DELETE ON mention BEGIN
  INSERT INTO mention_fts(mention_fts, rowid, evidence_text)
  VALUES ('delete', old.id, old.evidence_text);
END;

CREATE TABLE place_mention(
  article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
  admin2 TEXT NOT NULL, lat REAL, lon REAL, geonameid INTEGER NOT NULL,
  PRIMARY KEY(article, ordinal)) WITHOUT ROWID;

CREATE TABLE quote(
  article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  speaker TEXT NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY(article, ordinal)) WITHOUT ROWID;

-- Merged events, rebuilt by refresh. `actors` holds the name keys of every actor and target of
-- its mentions as "|taliban|afghan forces|", for the actor filter.
CREATE TABLE event(
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL, actor TEXT NOT NULL, target TEXT NOT NULL, actors TEXT NOT NULL,
  place_text TEXT NOT NULL, place_name TEXT NOT NULL, place_kind TEXT NOT NULL,
  country TEXT NOT NULL, admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, lat REAL, lon REAL,
  geonameid INTEGER NOT NULL, approximate INTEGER NOT NULL,
  date_earliest TEXT NOT NULL, date_latest TEXT NOT NULL,
  status TEXT NOT NULL, sources INTEGER NOT NULL, mentions INTEGER NOT NULL,
  first_reported TEXT NOT NULL, last_reported TEXT NOT NULL, fatalities INTEGER);
CREATE INDEX event_type_date ON event(type, date_earliest);
CREATE INDEX event_place_date ON event(country, admin1, date_earliest);
CREATE INDEX event_date ON event(date_earliest);
CREATE INDEX event_status_date ON event(status, date_earliest);

-- The control timeline, rebuilt by refresh: changes of each place in order (seq).
CREATE TABLE control_change(
  place_key TEXT NOT NULL, seq INTEGER NOT NULL,
  place_text TEXT NOT NULL, place_name TEXT NOT NULL, place_kind TEXT NOT NULL,
  country TEXT NOT NULL, admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, lat REAL, lon REAL,
  geonameid INTEGER NOT NULL, approximate INTEGER NOT NULL,
  to_actor TEXT NOT NULL, from_actor TEXT NOT NULL,
  date_earliest TEXT NOT NULL, date_latest TEXT NOT NULL,
  status TEXT NOT NULL, sources INTEGER NOT NULL, articles TEXT NOT NULL,
  PRIMARY KEY(place_key, seq)) WITHOUT ROWID;
CREATE INDEX control_country ON control_change(country);

INSERT INTO meta(key, value) VALUES ('dirty', '0');
)sql",
    // Version 2: where each report's date comes from (text, publication, inferred), which the
    // merge weighs, and the control changes a corroborated change overrules. The basis of reports
    // stored before cannot be recovered without analysing their articles again: their content
    // hash is cleared so that the next ingest of the same files re-analyses them (as corrections),
    // and until then they count as dated by their text, as version 1 took them.
    R"sql(
ALTER TABLE mention ADD COLUMN date_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN date_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE control_change ADD COLUMN date_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE control_change ADD COLUMN overruled INTEGER NOT NULL DEFAULT 0;
UPDATE article SET content_hash = '' WHERE id IN (SELECT article FROM mention);
UPDATE meta SET value = '1' WHERE key = 'dirty' AND EXISTS (SELECT 1 FROM mention);
)sql",
    // Version 3: merged events that lose a report (its article corrected) are noted for the next
    // refresh, which merges again only what changed.
    R"sql(
CREATE TABLE stale_event(id INTEGER PRIMARY KEY);
CREATE TRIGGER mention_stale_event AFTER DELETE ON mention WHEN old.event IS NOT NULL BEGIN
  INSERT OR IGNORE INTO stale_event(id) VALUES (old.event);
END;
)sql",
    // Version 4: copies are found by containment too, from each article's MinHash signature and
    // count of distinct shingles (store/near_duplicate.h). The texts are not stored, so the
    // signatures of stored articles cannot be computed here: every content hash is cleared, and
    // the next ingest of the same files analyses them again (as corrections) and stores their
    // signatures. Until then they have none (shingles 0) and are grouped by SimHash alone, as
    // version 3 grouped them.
    R"sql(
ALTER TABLE article ADD COLUMN minhash BLOB NOT NULL DEFAULT x'';
ALTER TABLE article ADD COLUMN shingles INTEGER NOT NULL DEFAULT 0;
UPDATE article SET content_hash = '';
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

}  // namespace

Status EnsureSchema(Database& db) {
  VIGIE_RETURN_IF_ERROR(db.Exec(
      "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"));
  auto read = db.Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!read.ok()) return read.status();
  auto row = read->Step();
  if (!row.ok()) return row.status();
  // Prepending to a temporary string trips g++ 12's -Wrestrict at -O3 (GCC bug 105329); appending
  // does not.
  std::string stored = "0";
  if (*row) stored += read->Text(0);
  int version = std::stoi(stored);
  read->Reset();
  if (version > kSchemaVersion) {
    return Unsupported(db.path() + ": schema version " + std::to_string(version) +
                       " is newer than this build's " + std::to_string(kSchemaVersion));
  }
  for (; version < kSchemaVersion; ++version) {
    VIGIE_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    Status status = db.Exec(kMigrations[version]);
    if (status.ok()) {
      std::string set = "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '" +
                        std::to_string(version + 1) + "')";
      status = db.Exec(set.c_str());
    }
    if (!status.ok()) {
      (void)db.Exec("ROLLBACK");
      return DataError(status.message() + " (migrating to schema version " +
                       std::to_string(version + 1) + ")");
    }
    VIGIE_RETURN_IF_ERROR(db.Exec("COMMIT"));
  }
  return Status::Ok();
}

}  // namespace vigie::internal
