// The refresh of the SQLite store: near-duplicate groups, merged events and the control timeline,
// recomputed from the stored reports. Only the reports a change can reach are merged again: new
// reports, those of merged events that lost a report (a corrected article), those whose article
// changed near-duplicate group, and every report joined to these by a path of candidate pairs
// (store/candidates.h). Reports with no such path keep their events, since the merge of a group of
// reports closed under candidate pairs depends on nothing outside it. When that part is most of
// the store, everything is recomputed in one pass, which is faster then.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "store/candidates.h"
#include "store/corroboration.h"
#include "store/keys.h"
#include "store/near_duplicate.h"
#include "store/rows.h"
#include "store/schema.h"
#include "store/sqlite_store.h"

namespace vigie::internal {

namespace {

int64_t EventRowId(const MergedEvent& e) {
  return static_cast<int64_t>(std::stoull(e.id.substr(1), nullptr, 16));
}

// The name keys of every actor and target of its mentions, as "|taliban|afghan forces|".
std::string ActorKeys(const MergedEvent& e) {
  std::set<std::string> keys;
  for (const Mention& m : e.mentions) {
    for (const std::string* name : {&m.event.actor, &m.event.target}) {
      if (std::string key = NameKey(*name); !key.empty()) keys.insert(key);
    }
  }
  std::string actors = "|";
  for (const std::string& key : keys) actors += key + "|";
  return actors;
}

using MentionIndex = std::map<std::pair<std::string, int>, size_t>;

}  // namespace

Status SqliteStore::RefreshInTransaction() {
  auto regrouped = RefreshDuplicateGroups();
  if (!regrouped.ok()) return regrouped.status();
  std::vector<int64_t> rowids, old_events;
  auto loaded = LoadMentions(&rowids, &old_events);
  if (!loaded.ok()) return loaded.status();
  const std::vector<Mention>& mentions = *loaded;
  auto stale = LoadStaleEvents();
  if (!stale.ok()) return stale.status();
  const CorroborationOptions corroboration{options_.merge_km, options_.date_slack_days,
                                           options_.corroborate_sources};

  const double limit = options_.incremental_refresh_limit * static_cast<double>(mentions.size());
  std::vector<bool> part(mentions.size());
  size_t in_part = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    part[i] = old_events[i] == 0 || stale->count(old_events[i]) > 0 ||
              regrouped->count(mentions[i].article) > 0;
    in_part += part[i] ? 1 : 0;
  }
  // The events the part's reports belonged to must lie wholly inside it; when they do not (a store
  // merged by another build's rules), or the part is most of the store, everything is redone.
  bool whole = static_cast<double>(in_part) > limit;
  std::set<int64_t> touched(stale->begin(), stale->end());
  if (!whole) {
    part = CandidateClosure(mentions, std::move(part), options_.merge_km, options_.date_slack_days);
    in_part = 0;
    for (size_t i = 0; i < mentions.size(); ++i) {
      if (!part[i]) continue;
      ++in_part;
      if (old_events[i] != 0) touched.insert(old_events[i]);
    }
    whole = static_cast<double>(in_part) > limit;
    for (size_t i = 0; i < mentions.size() && !whole; ++i) {
      whole = !part[i] && touched.count(old_events[i]) > 0;
    }
  }

  std::vector<int64_t> new_events = old_events;
  if (whole) {
    std::vector<MergedEvent> events = Corroborate(mentions, corroboration);
    MentionIndex index;
    for (size_t i = 0; i < mentions.size(); ++i)
      index[{mentions[i].article, mentions[i].ordinal}] = i;
    // Rows go in in key order and the indexes are built once afterwards: inserting 100,000
    // events at random keys into a table and three indexes took most of the refresh.
    VIGIE_RETURN_IF_ERROR(
        db_.Exec("DROP INDEX IF EXISTS event_type_date; DROP INDEX IF EXISTS event_place_date; "
                 "DROP INDEX IF EXISTS event_date; DROP INDEX IF EXISTS event_status_date; "
                 "DELETE FROM event;"));
    VIGIE_RETURN_IF_ERROR(InsertEvents(events, index, rowids, &new_events));
    VIGIE_RETURN_IF_ERROR(db_.Exec(kEventIndexes));
  } else {
    std::vector<Mention> subset;
    MentionIndex index;
    for (size_t i = 0; i < mentions.size(); ++i) {
      if (!part[i]) continue;
      index[{mentions[i].article, mentions[i].ordinal}] = i;
      subset.push_back(mentions[i]);
    }
    auto remove = db_.Prepare("DELETE FROM event WHERE id = ?");
    if (!remove.ok()) return remove.status();
    for (int64_t id : touched) {
      remove->Bind(1, id);
      VIGIE_RETURN_IF_ERROR(remove->Run());
    }
    VIGIE_RETURN_IF_ERROR(
        InsertEvents(Corroborate(std::move(subset), corroboration), index, rowids, &new_events));
  }
  VIGIE_RETURN_IF_ERROR(db_.Exec("DELETE FROM stale_event"));

  auto captures = LoadCaptures(mentions, new_events);
  if (!captures.ok()) return captures.status();
  return WriteTimeline(BuildControlTimeline(*captures, options_.corroborate_sources));
}

Result<std::unordered_set<std::string>> SqliteStore::RefreshDuplicateGroups() {
  auto select = db_.Prepare(
      "SELECT id, key, simhash, dup_group, minhash, shingles FROM article ORDER BY key");
  if (!select.ok()) return select.status();
  std::vector<int64_t> ids;
  std::vector<std::string> keys, groups;
  std::vector<TextPrint> prints;
  std::string damaged;  // the first article whose signature cannot be read
  VIGIE_RETURN_IF_ERROR(select->ForEachRow([&](const Statement& s) {
    ids.push_back(s.Int(0));
    keys.push_back(s.Text(1));
    groups.push_back(s.Text(3));
    TextPrint& print = prints.emplace_back();
    print.simhash = static_cast<uint64_t>(s.Int(2));
    // No signature (shingles 0): a text too short, or an article stored by version 3 and not
    // ingested again since; it is grouped by its SimHash alone.
    const int64_t shingles = s.Int(5);
    if (shingles <= 0 || !damaged.empty()) return;
    auto signature = DecodeMinHash(s.Blob(4));
    if (!signature || shingles > UINT32_MAX) {
      damaged = keys.back();
      return;
    }
    print.minhash.signature = *signature;
    print.minhash.shingles = static_cast<uint32_t>(shingles);
  }));
  if (!damaged.empty()) {
    return DataError(db_.path() + ": article " + damaged + ": minhash is not a signature of " +
                     std::to_string(kMinHashSize) + " minima for its shingles count");
  }
  // Groups are named by the smallest article id of each.
  std::vector<size_t> group = CopyGroups(prints, options_.near_duplicate_bits);
  auto update = db_.Prepare("UPDATE article SET dup_group = ? WHERE id = ?");
  if (!update.ok()) return update.status();
  std::unordered_set<std::string> changed;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (keys[group[i]] == groups[i]) continue;
    update->Bind(1, keys[group[i]]).Bind(2, ids[i]);
    VIGIE_RETURN_IF_ERROR(update->Run());
    changed.insert(keys[i]);
  }
  return changed;
}

Result<std::vector<Mention>> SqliteStore::LoadMentions(std::vector<int64_t>* rowids,
                                                       std::vector<int64_t>* events) {
  auto select = db_.Prepare(std::string("SELECT ") + kMentionColumns +
                            ", m.id, m.event FROM mention m JOIN article a ON a.id = m.article");
  if (!select.ok()) return select.status();
  std::vector<Mention> mentions;
  VIGIE_RETURN_IF_ERROR(select->ForEachRow([&](const Statement& s) {
    mentions.push_back(ReadMention(s));
    rowids->push_back(s.Int(kMentionColumnCount));
    events->push_back(s.IsNull(kMentionColumnCount + 1) ? 0 : s.Int(kMentionColumnCount + 1));
  }));
  return mentions;
}

Result<std::set<int64_t>> SqliteStore::LoadStaleEvents() {
  auto select = db_.Prepare("SELECT id FROM stale_event");
  if (!select.ok()) return select.status();
  std::set<int64_t> ids;
  VIGIE_RETURN_IF_ERROR(select->ForEachRow([&](const Statement& s) { ids.insert(s.Int(0)); }));
  return ids;
}

Status SqliteStore::InsertEvents(const std::vector<MergedEvent>& events,
                                 const std::map<std::pair<std::string, int>, size_t>& index,
                                 const std::vector<int64_t>& rowids,
                                 std::vector<int64_t>* event_of) {
  auto insert = db_.Prepare(
      std::string("INSERT INTO event(id, type, actor, target, actors, date_earliest, date_latest, "
                  "status, sources, mentions, first_reported, last_reported, fatalities, "
                  "date_basis, ") +
      kPlaceColumns +
      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.status();
  std::vector<std::pair<int64_t, const MergedEvent*>> order;
  order.reserve(events.size());
  for (const MergedEvent& e : events) order.emplace_back(EventRowId(e), &e);
  std::sort(order.begin(), order.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<int64_t, int64_t>> moved;  // (mention rowid, new event id)
  for (const auto& [id, event] : order) {
    const MergedEvent& e = *event;
    insert->Bind(1, id)
        .Bind(2, e.type)
        .Bind(3, e.actor)
        .Bind(4, e.target)
        .Bind(5, ActorKeys(e))
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
      const size_t i = index.at({m.article, m.ordinal});
      if ((*event_of)[i] != id) moved.emplace_back(rowids[i], id);
      (*event_of)[i] = id;
    }
  }
  std::sort(moved.begin(), moved.end());
  auto update = db_.Prepare("UPDATE mention SET event = ? WHERE id = ?");
  if (!update.ok()) return update.status();
  for (const auto& [rowid, id] : moved) {
    update->Bind(1, id).Bind(2, rowid);
    VIGIE_RETURN_IF_ERROR(update->Run());
  }
  return Status::Ok();
}

Result<std::vector<MergedEvent>> SqliteStore::LoadCaptures(const std::vector<Mention>& mentions,
                                                           const std::vector<int64_t>& event_of) {
  EventQuery query;
  query.type = "capture";
  query.with_mentions = false;
  auto events = Events(query);
  if (!events.ok()) return events.status();
  std::map<int64_t, size_t> position;
  for (size_t i = 0; i < events->size(); ++i) position[EventRowId((*events)[i])] = i;
  for (size_t i = 0; i < mentions.size(); ++i) {
    auto it = position.find(event_of[i]);
    if (it != position.end()) (*events)[it->second].mentions.push_back(mentions[i]);
  }
  return events;
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
