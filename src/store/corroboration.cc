#include "store/corroboration.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "store/candidates.h"
#include "store/keys.h"
#include "store/union_find.h"

namespace vigie::internal {

namespace {

bool IsPositive(EventStatus s) {
  return s == EventStatus::kAsserted || s == EventStatus::kReported || s == EventStatus::kClaimed;
}
bool IsWeak(EventStatus s) {
  return s == EventStatus::kRumored || s == EventStatus::kUncertain;
}
bool IsDenial(EventStatus s) {
  return s == EventStatus::kDenied || s == EventStatus::kNegated;
}

int KindPrecision(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kSite:
      return 5;
    case PlaceKind::kCity:
      return 4;
    case PlaceKind::kAdmin2:
      return 3;
    case PlaceKind::kAdmin1:
      return 2;
    case PlaceKind::kCountry:
      return 1;
    case PlaceKind::kUnknown:
      return 0;
  }
  return 0;
}

DateBasis BasisOf(int rank) {
  switch (rank) {
    case kInferred:
      return DateBasis::kInferred;
    case kText:
      return DateBasis::kText;
    default:
      return DateBasis::kPublication;
  }
}

// The days most reports agree on, among the reports of the best date rank: written dates first,
// then publication defaults, inferred dates only when nothing better exists, so a background date
// of an undated article never pulls the dates of the reports that state theirs. Each range is a
// candidate; the one that overlaps the most others wins (then the narrowest, then the earliest),
// narrowed to what it shares with them: "le 6 août" and "in August" give 6 August, and ten
// reports of 6 August outvote one report whose date was read as "since February 2020".
DateRange AgreedDates(std::span<const Days> days, std::span<const size_t> indices, int slack) {
  int best_rank = -1;
  for (size_t i : indices) {
    if (days[i].bounded()) best_rank = std::max(best_rank, days[i].rank);
  }
  std::vector<Days> ranges;
  for (size_t i : indices) {
    if (days[i].bounded() && days[i].rank == best_rank) ranges.push_back(days[i]);
  }
  if (ranges.empty()) return {};
  auto overlap = [&](const Days& a, const Days& b) {
    return a.lo <= b.hi + slack && b.lo <= a.hi + slack;
  };
  // Reports that give a day vote before those that give a month: ten "in August" reports
  // overlap the 1st as well as the 15th, and must not pull the date to the month's start.
  // A month-long report overlaps every day report, so it is a candidate only when no report
  // gives a day.
  auto precise = [](const Days& r) { return r.hi - r.lo <= kPreciseDays; };
  const bool any_precise = std::any_of(ranges.begin(), ranges.end(), precise);
  size_t best = 0;
  std::pair<int, int> best_score = {-1, -1};
  for (size_t c = 0; c < ranges.size(); ++c) {
    if (any_precise && !precise(ranges[c])) continue;
    std::pair<int, int> score = {0, 0};
    for (const Days& r : ranges) {
      if (!overlap(ranges[c], r)) continue;
      score.first += precise(r) ? 1 : 0;
      score.second += 1;
    }
    const Days& b = ranges[best];
    const Days& x = ranges[c];
    if (score > best_score || best_score.first < 0 ||
        (score == best_score &&
         std::make_pair(x.hi - x.lo, x.lo) < std::make_pair(b.hi - b.lo, b.lo))) {
      best = c;
      best_score = score;
    }
  }
  int lo = ranges[best].lo, hi = ranges[best].hi;
  for (const Days& r : ranges) {
    if (!overlap(ranges[best], r)) continue;
    int new_lo = std::max(lo, r.lo), new_hi = std::min(hi, r.hi);
    if (new_lo <= new_hi) {
      lo = new_lo;
      hi = new_hi;
    }
  }
  return {IsoDay(lo), IsoDay(hi), BasisOf(best_rank)};
}

bool PlacesCompatible(const Place& a, const Place& b, const Prepared& pa, const Prepared& pb,
                      double merge_km) {
  if (!a.country.empty() && !b.country.empty() && a.country != b.country) return false;
  if (a.geonameid != 0 && a.geonameid == b.geonameid) return true;
  bool same_name = (!pa.name.empty() && (pa.name == pb.name || pa.name == pb.text)) ||
                   (!pa.text.empty() && (pa.text == pb.name || pa.text == pb.text));
  if (!a.resolved() || !b.resolved()) return same_name;
  if (!IsLocal(a.kind) || !IsLocal(b.kind)) {
    return a.kind == b.kind && a.geonameid == 0 && b.geonameid == 0 && same_name;
  }
  if (a.lat && a.lon && b.lat && b.lon && DistanceKm(*a.lat, *a.lon, *b.lat, *b.lon) <= merge_km) {
    return true;
  }
  if (!a.admin2.empty() && a.admin2 == b.admin2 && a.admin1 == b.admin1) return true;
  return a.geonameid == 0 && b.geonameid == 0 && same_name;
}

template <typename Key>
std::string MostCommon(const std::vector<const Mention*>& mentions, Key key) {
  std::map<std::string, int> counts;
  std::string best;
  int best_count = 0;
  for (const Mention* m : mentions) {
    const std::string& value = key(*m);
    if (value.empty()) continue;
    int count = ++counts[value];
    if (count > best_count) {
      best = value;
      best_count = count;
    }
  }
  return best;
}

MergedEvent Merge(std::vector<const Mention*> members, std::span<const Days> days,
                  std::span<const size_t> indices, const CorroborationOptions& options) {
  MergedEvent merged;
  merged.id = MergedEventId(*members.front());
  merged.type = members.front()->event.type;
  merged.actor =
      MostCommon(members, [](const Mention& m) -> const std::string& { return m.event.actor; });
  merged.target =
      MostCommon(members, [](const Mention& m) -> const std::string& { return m.event.target; });

  // The most precise place, and among equals the one most reports name.
  std::map<int64_t, int> place_votes;
  for (const Mention* m : members) ++place_votes[m->event.place.geonameid];
  const Mention* best = members.front();
  for (const Mention* m : members) {
    const Place& p = m->event.place;
    const Place& b = best->event.place;
    int kp = KindPrecision(p.kind), kb = KindPrecision(b.kind);
    if (kp > kb || (kp == kb && place_votes[p.geonameid] > place_votes[b.geonameid])) best = m;
  }
  merged.place = best->event.place;

  merged.date = AgreedDates(days, indices, options.date_slack_days);

  std::set<std::string> groups;
  for (const Mention* m : members) {
    groups.insert(m->dup_group.empty() ? m->article : m->dup_group);
    if (!m->published.empty()) {
      if (merged.first_reported.empty() || m->published < merged.first_reported) {
        merged.first_reported = m->published;
      }
      if (m->published > merged.last_reported) merged.last_reported = m->published;
    }
    if (m->event.fatalities && !IsDenial(m->event.status) &&
        (!merged.fatalities || *m->event.fatalities < *merged.fatalities)) {
      merged.fatalities = m->event.fatalities;
    }
  }
  merged.sources = static_cast<int>(groups.size());

  merged.mentions.reserve(members.size());
  for (const Mention* m : members) merged.mentions.push_back(*m);
  std::sort(merged.mentions.begin(), merged.mentions.end(), [](const Mention& a, const Mention& b) {
    return std::tie(a.published, a.article, a.ordinal) <
           std::tie(b.published, b.article, b.ordinal);
  });
  merged.status = MergedStatus(merged.mentions, options.corroborate_sources);
  return merged;
}

}  // namespace

std::string MergedEventId(const Mention& first) {
  // Appended, not prepended to temporaries: g++ 12 at -O3 warns (-Wrestrict, GCC bug 105329).
  std::string key = first.article;
  key += '#';
  key += std::to_string(first.ordinal);
  std::string id = "E";
  id += Hex64(Hash64(key));
  return id;
}

std::string MergedStatus(std::span<const Mention> mentions, int corroborate_sources) {
  bool positive = false, weak = false, denial = false;
  std::set<std::string> positive_groups;
  std::array<bool, 8> present{};
  for (const Mention& m : mentions) {
    EventStatus s = m.event.status;
    present[static_cast<size_t>(s)] = true;
    positive |= IsPositive(s);
    weak |= IsWeak(s);
    denial |= IsDenial(s);
    if (IsPositive(s)) positive_groups.insert(m.dup_group.empty() ? m.article : m.dup_group);
  }
  if ((positive || weak) && denial) return "disputed";
  if (static_cast<int>(positive_groups.size()) >= corroborate_sources) return "corroborated";
  static constexpr EventStatus kStrength[] = {EventStatus::kAsserted,  EventStatus::kReported,
                                              EventStatus::kClaimed,   EventStatus::kRumored,
                                              EventStatus::kUncertain, EventStatus::kPlanned,
                                              EventStatus::kDenied,    EventStatus::kNegated};
  for (EventStatus s : kStrength) {
    if (present[static_cast<size_t>(s)]) return EventStatusName(s);
  }
  return "asserted";
}

std::vector<MergedEvent> Corroborate(std::vector<Mention> mentions,
                                     const CorroborationOptions& options) {
  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return std::tie(a.article, a.ordinal) < std::tie(b.article, b.ordinal);
  });
  const size_t n = mentions.size();
  CandidateIndex index(mentions, options.merge_km, options.date_slack_days);
  const std::vector<Days>& days = index.days();
  const std::vector<Prepared>& prepared = index.prepared();

  // Sets carry their actor and target, so that a chain through a mention that names no actor
  // cannot join the Taliban's capture of a town to the army's retake of it; and the span of their
  // dated mentions, so that a chain through a mention dated neither by itself nor by its article
  // cannot join the fall of a town in 1998 to its fall in 2021.
  UnionFind sets(n);
  std::vector<std::string> set_actor(n), set_target(n);
  std::vector<Days> set_days(n);
  for (size_t i = 0; i < n; ++i) {
    set_actor[i] = prepared[i].actor;
    set_target[i] = prepared[i].target;
    set_days[i] = days[i];
  }
  auto agree = [](const std::string& a, const std::string& b) {
    return a.empty() || b.empty() || a == b;
  };
  auto try_unite = [&](size_t a, size_t b) {
    size_t ra = sets.Find(a), rb = sets.Find(b);
    if (ra == rb) return;
    if (!agree(set_actor[ra], set_actor[rb]) || !agree(set_target[ra], set_target[rb])) return;
    const Days &da = set_days[ra], &db = set_days[rb];
    if (da.bounded() && db.bounded() &&
        (da.lo > db.hi + options.date_slack_days || db.lo > da.hi + options.date_slack_days)) {
      return;
    }
    // A report the article recalls from long before is not the same as an undated one, which
    // is most likely news of its article's own days. Nor do undated reports of undated articles
    // join an event dated only by inference: they say nothing of when, and would lend their
    // numbers to a date that may be a background one.
    if ((days[a].historical && !days[b].bounded()) || (days[b].historical && !days[a].bounded())) {
      return;
    }
    if ((!da.bounded() && db.bounded() && db.rank == kInferred) ||
        (!db.bounded() && da.bounded() && da.rank == kInferred)) {
      return;
    }
    if (!PlacesCompatible(mentions[a].event.place, mentions[b].event.place, prepared[a],
                          prepared[b], options.merge_km)) {
      return;
    }
    size_t root = sets.Unite(ra, rb);
    std::string actor = set_actor[ra].empty() ? set_actor[rb] : set_actor[ra];
    std::string target = set_target[ra].empty() ? set_target[rb] : set_target[ra];
    set_actor[root] = std::move(actor);
    set_target[root] = std::move(target);
    Days span = da.bounded() ? da : db;
    if (da.bounded() && db.bounded()) {
      span.lo = std::min(da.lo, db.lo);
      span.hi = std::max(da.hi, db.hi);
      span.rank = std::max(da.rank, db.rank);
    }
    set_days[root] = span;
  };

  index.ForEachPair(try_unite);

  std::map<size_t, std::vector<size_t>> by_root;  // keyed by the smallest member: sorted output
  std::vector<size_t> first_of_root(n, SIZE_MAX);
  for (size_t i = 0; i < n; ++i) {
    size_t root = sets.Find(i);
    if (first_of_root[root] == SIZE_MAX) first_of_root[root] = i;
    by_root[first_of_root[root]].push_back(i);
  }
  std::vector<MergedEvent> events;
  events.reserve(by_root.size());
  for (const auto& [first, indices] : by_root) {
    std::vector<const Mention*> members;
    members.reserve(indices.size());
    for (size_t i : indices) members.push_back(&mentions[i]);
    events.push_back(Merge(std::move(members), days, indices, options));
  }
  return events;
}

}  // namespace vigie::internal
