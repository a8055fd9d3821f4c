// The read side of the SQLite store: event queries, the control timeline, the canonical dump.
#include <algorithm>

#include "store/corroboration.h"
#include "store/keys.h"
#include "store/rows.h"
#include "store/sqlite_store.h"

namespace vigie::internal {

namespace {

std::string EventKey(int64_t id) {
  // Appended, not prepended to a temporary: g++ 12 at -O3 warns (-Wrestrict, GCC bug 105329).
  std::string key = "E";
  key += Hex64(static_cast<uint64_t>(id));
  return key;
}

}  // namespace

Result<std::vector<Mention>> SqliteStore::MentionsOf(int64_t event) {
  std::vector<Mention> mentions;
  Statement& s = mentions_of_event_;
  s.Bind(1, event);
  for (;;) {
    auto row = s.Step();
    if (!row.ok()) {
      s.Reset();
      return row.status();
    }
    if (!*row) break;
    mentions.push_back(ReadMention(s));
  }
  s.Reset();
  return mentions;
}

Result<std::vector<MergedEvent>> SqliteStore::Events(const EventQuery& query) {
  std::string sql = std::string(
                        "SELECT id, type, actor, target, date_earliest, date_latest, status, "
                        "sources, first_reported, last_reported, fatalities, date_basis, ") +
                    kPlaceColumns + " FROM event WHERE 1";
  // Each filter adds its clause and the value bound to it, in order.
  std::vector<std::string> values;
  auto add = [&](const std::string& value, const char* clause) {
    if (value.empty()) return;
    sql += clause;
    values.push_back(value);
  };
  add(query.country, " AND country = ?");
  add(query.admin1, " AND admin1 = ? COLLATE NOCASE");
  add(query.type, " AND type = ?");
  add(query.status, " AND status = ?");
  if (std::string key = NameKey(query.actor); !key.empty()) {
    add("|" + key + "|", " AND instr(actors, ?) > 0");
  }
  add(query.from, " AND date_latest >= ? AND date_latest != ''");
  add(query.to, " AND date_earliest <= ? AND date_earliest != ''");
  add(query.text,
      " AND id IN (SELECT event FROM mention WHERE id IN"
      " (SELECT rowid FROM mention_fts WHERE mention_fts MATCH ?))");
  sql += " ORDER BY date_earliest, id";
  if (query.limit > 0) sql += " LIMIT " + std::to_string(query.limit);

  auto select = db_.Prepare(sql);
  if (!select.ok()) return select.status();
  for (size_t i = 0; i < values.size(); ++i) select->Bind(static_cast<int>(i + 1), values[i]);
  std::vector<MergedEvent> events;
  std::vector<int64_t> ids;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) {
      if (!query.text.empty()) {
        return InvalidArgument(row.status().message() + " (full-text query: " + query.text + ")");
      }
      return row.status();
    }
    if (!*row) break;
    const Statement& s = *select;
    MergedEvent e;
    ids.push_back(s.Int(0));
    e.id = EventKey(s.Int(0));
    e.type = s.Text(1);
    e.actor = s.Text(2);
    e.target = s.Text(3);
    e.date = {s.Text(4), s.Text(5), ParseDateBasis(s.Text(11))};
    e.status = s.Text(6);
    e.sources = static_cast<int>(s.Int(7));
    e.first_reported = s.Text(8);
    e.last_reported = s.Text(9);
    e.fatalities = s.OptionalInt(10);
    e.place = ReadPlace(s, 12);
    events.push_back(std::move(e));
  }
  if (query.with_mentions) {
    for (size_t i = 0; i < events.size(); ++i) {
      auto mentions = MentionsOf(ids[i]);
      if (!mentions.ok()) return mentions.status();
      events[i].mentions = std::move(mentions).value();
    }
  }
  return events;
}

Result<std::vector<KeyedChange>> SqliteStore::LoadTimeline(const std::string& country) {
  std::string sql = std::string(
                        "SELECT place_key, to_actor, from_actor, date_earliest, date_latest, "
                        "status, sources, articles, date_basis, overruled, ") +
                    kPlaceColumns + " FROM control_change";
  if (!country.empty()) sql += " WHERE country = ?";
  sql += " ORDER BY place_key, seq";
  auto select = db_.Prepare(sql);
  if (!select.ok()) return select.status();
  if (!country.empty()) select->Bind(1, country);
  std::vector<KeyedChange> timeline;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const Statement& s = *select;
    KeyedChange k;
    k.place_key = s.Text(0);
    k.change.to = s.Text(1);
    k.change.from = s.Text(2);
    k.change.date = {s.Text(3), s.Text(4), ParseDateBasis(s.Text(8))};
    k.change.overruled = s.Int(9) != 0;
    k.change.status = s.Text(5);
    k.change.sources = static_cast<int>(s.Int(6));
    std::string articles = s.Text(7);
    for (size_t start = 0; start < articles.size();) {
      size_t end = articles.find('\n', start);
      if (end == std::string::npos) end = articles.size();
      k.change.articles.push_back(articles.substr(start, end - start));
      start = end + 1;
    }
    k.change.place = ReadPlace(s, 10);
    timeline.push_back(std::move(k));
  }
  return timeline;
}

Result<std::vector<ControlChange>> SqliteStore::Control(const ControlQuery& query) {
  auto timeline = LoadTimeline(query.country);
  if (!timeline.ok()) return timeline.status();
  return SelectControl(*timeline, query);
}

Result<std::vector<ControlRollup>> SqliteStore::ControlByAdmin1(const ControlQuery& query) {
  auto timeline = LoadTimeline(query.country);
  if (!timeline.ok()) return timeline.status();
  return RollUpByAdmin1(*timeline, query);
}

Result<StoreStats> SqliteStore::Stats() {
  StoreStats stats;
  struct Count {
    const char* sql;
    int64_t* out;
  };
  const Count counts[] = {
      {"SELECT count(*) FROM article", &stats.articles},
      {"SELECT count(*) FROM mention", &stats.mentions},
      {"SELECT count(*) FROM event", &stats.events},
      {"SELECT count(*) FROM control_change", &stats.control_changes},
      {"SELECT count(DISTINCT dup_group) FROM article", &stats.dup_groups},
  };
  for (const Count& c : counts) {
    auto select = db_.Prepare(c.sql);
    if (!select.ok()) return select.status();
    auto row = select->Step();
    if (!row.ok()) return row.status();
    *c.out = select->Int(0);
  }
  return stats;
}

Result<std::string> SqliteStore::CanonicalDump() {
  // Natural keys stand in for rowids, which depend on the order articles arrived in.
  const char* queries[] = {
      "SELECT 'meta', key, value FROM meta",
      "SELECT 'article', key, url, published, lang, title, content_hash, simhash, bytes, problem,"
      " dup_group, hex(minhash), shingles FROM article",
      "SELECT 'mention', a.key, m.ordinal, m.type, m.actor, m.target, m.place_text, m.place_start,"
      " m.place_end, m.place_name, m.place_kind, m.country, m.admin1, m.admin2, m.lat, m.lon,"
      " m.geonameid, m.approximate, m.date_earliest, m.date_latest, m.status, m.source, m.count,"
      " m.fatalities, m.evidence_start, m.evidence_end, m.evidence_text, m.rule, m.event,"
      " m.date_basis"
      " FROM mention m JOIN article a ON a.id = m.article",
      "SELECT 'place', a.key, p.ordinal, p.text, p.start, p.end, p.name, p.kind, p.country,"
      " p.admin1, p.admin2, p.lat, p.lon, p.geonameid FROM place_mention p"
      " JOIN article a ON a.id = p.article",
      "SELECT 'quote', a.key, q.ordinal, q.speaker, q.role, q.text, q.start, q.end FROM quote q"
      " JOIN article a ON a.id = q.article",
      "SELECT 'event', * FROM event",
      "SELECT 'control', * FROM control_change",
      "SELECT 'fts', count(*) FROM mention_fts",
  };
  std::vector<std::string> lines;
  for (const char* sql : queries) {
    auto select = db_.Prepare(sql);
    if (!select.ok()) return select.status();
    for (;;) {
      auto row = select->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      std::string line;
      for (int c = 0; c < select->ColumnCount(); ++c) {
        if (c > 0) line += '\t';
        line += select->IsNull(c) ? "\\N" : select->Text(c);
      }
      lines.push_back(std::move(line));
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string dump;
  for (const std::string& line : lines) dump += line + "\n";
  return dump;
}

}  // namespace vigie::internal
