#include "store/control_timeline.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "store/candidates.h"
#include "store/corroboration.h"
#include "store/keys.h"

namespace vigie::internal {

namespace {

std::string PlaceKey(const Place& place) {
  if (place.geonameid != 0) return "g" + std::to_string(place.geonameid);
  return place.country + "|" + NameKey(place.name.empty() ? place.text : place.name);
}

// A place the gazetteer did not resolve ("the border post", "the presidential palace") has no
// identity to hold a timeline by, nor has a capture whose dispatch named no place ("two provincial
// capitals have fallen", placed in its country): their captures stay among the events. Nor has a
// country: "la cinquième ville à tomber en une semaine au Mali"
// counts towns, it does not hand the country over; its capital's timeline tells that.
bool Counts(const MergedEvent& e) {
  return e.type == "capture" && e.status != "denied" && e.status != "negated" &&
         e.status != "planned" && !e.date.earliest.empty() && e.place.resolved() &&
         e.place.kind != PlaceKind::kCountry && !e.place.text.empty();
}

// A reversal this many days after a corroborated change, reported by one source that does not
// assert it, contradicts the change rather than following it.
constexpr int kReversalDays = 2;

bool IsWeakReport(const MergedEvent& e) {
  return e.sources <= 1 && (e.status == "claimed" || e.status == "reported" ||
                            e.status == "rumored" || e.status == "uncertain");
}

int Groups(std::span<const Mention> mentions) {
  std::set<std::string> groups;
  for (const Mention& m : mentions) groups.insert(m.dup_group.empty() ? m.article : m.dup_group);
  return static_cast<int>(groups.size());
}

struct Pending {
  std::string key;
  int best_sources = 0;
  ControlChange change;
  std::vector<Mention> mentions;
};

Pending Open(std::string key, const MergedEvent& e) {
  Pending p;
  p.key = std::move(key);
  p.change.place = e.place;
  p.change.to = e.actor;
  p.change.from = e.target;
  p.change.date = e.date;
  p.best_sources = e.sources;
  p.mentions = e.mentions;
  return p;
}

KeyedChange Finish(Pending& p, int corroborate_sources) {
  std::set<std::string> articles;
  for (const Mention& m : p.mentions) articles.insert(m.article);
  p.change.sources = Groups(p.mentions);
  p.change.articles.assign(articles.begin(), articles.end());
  p.change.status = p.change.overruled ? "disputed" : MergedStatus(p.mentions, corroborate_sources);
  return {std::move(p.key), std::move(p.change)};
}

// True when `e`, a change to another side, is a lone weak report within kReversalDays of the
// open change, which enough independent sources confirm.
bool Contradicts(const Pending& open, const MergedEvent& e, int corroborate_sources) {
  if (!IsWeakReport(e) || Groups(open.mentions) < corroborate_sources) return false;
  auto day = DayNumber(e.date.earliest), change_day = DayNumber(open.change.date.latest);
  return day && change_day && *day <= *change_day + kReversalDays;
}

// Whether a capture dated `later`, to the same side, repeats the open change. Reports of the same
// side holding the place join it, however late; but a change known only by its month does not
// absorb a fall dated to a later day: a July report of the town "taken" and its fall of 8 August
// are two entries, not one dated July.
bool SameFall(const DateRange& open, const DateRange& later) {
  auto open_lo = DayNumber(open.earliest), open_hi = DayNumber(open.latest);
  auto lo = DayNumber(later.earliest), hi = DayNumber(later.latest);
  if (!open_lo || !open_hi || !lo || !hi) return true;
  const bool open_precise = *open_hi - *open_lo <= kPreciseDays;
  const bool later_precise = *hi - *lo <= kPreciseDays;
  return open_precise || !later_precise || *lo <= *open_hi;
}

// Changes from captures dated by their text or publication, in date order per place.
std::vector<Pending> DatedChanges(std::span<const MergedEvent* const> captures,
                                  std::span<const std::string> keys, int corroborate_sources) {
  std::vector<Pending> built;
  std::vector<Pending> reversals;  // overruled reversals of the open change
  std::optional<size_t> open;      // index in `built` of the change that repeats may join
  std::string holder;              // who the place's last change gave it to
  auto close = [&] {
    for (Pending& r : reversals) built.push_back(std::move(r));
    reversals.clear();
    open.reset();
  };
  for (size_t i = 0; i < captures.size(); ++i) {
    const MergedEvent* e = captures[i];
    const std::string& key = keys[i];
    if (open && built[*open].key != key) {
      close();
      holder.clear();
    }
    const std::string to = NameKey(e->actor);
    if (open && (to.empty() || to == holder || holder.empty()) &&
        SameFall(built[*open].change.date, e->date)) {
      // The same change reported again, or a report that only says the place fell.
      Pending& p = built[*open];
      if (holder.empty() && !to.empty()) {
        p.change.to = e->actor;
        holder = to;
      }
      // The change happened when the best-sourced of its reports says: a lone early report of
      // "Kaboul tombée" among warnings about the city must not date its fall.
      if (e->sources > p.best_sources) {
        p.best_sources = e->sources;
        p.change.date = e->date;
      }
      p.mentions.insert(p.mentions.end(), e->mentions.begin(), e->mentions.end());
      continue;
    }
    if (open && Contradicts(built[*open], *e, corroborate_sources)) {
      // Kept in the history, but the place stays with the corroborated side.
      Pending reversal = Open(key, *e);
      if (reversal.change.from.empty()) reversal.change.from = built[*open].change.to;
      reversal.change.overruled = true;
      reversals.push_back(std::move(reversal));
      continue;
    }
    if (open) close();
    Pending p = Open(key, *e);
    // "The army retook Kunduz": who loses it is whoever held it before, when the report omits it.
    for (auto it = built.rbegin(); p.change.from.empty() && it != built.rend() && it->key == key;
         ++it) {
      if (!it->change.overruled) p.change.from = it->change.to;
    }
    // A second fall to the same side says nothing of who held the place in between.
    if (NameKey(p.change.from) == to) p.change.from.clear();
    built.push_back(std::move(p));
    open = built.size() - 1;
    holder = to;
  }
  close();
  return built;
}

// A capture dated only by a date inferred from elsewhere in an undated article ("the city first
// fell on 9 September 2001") adds its sources to the nearest change to the same side of the same
// place; with none, it stands alone, marked by its date basis, and never answers `--at`.
void AddInferred(const MergedEvent& e, const std::string& key, std::vector<Pending>* built) {
  const std::string to = NameKey(e.actor);
  const int day = DayNumber(e.date.earliest).value_or(0);
  Pending* nearest = nullptr;
  int nearest_gap = 0;
  // After the place's last change that is not later, before its first one, or where the place's
  // key falls among the others.
  std::optional<size_t> insert_at;
  size_t i = 0;
  for (; i < built->size(); ++i) {
    Pending& p = (*built)[i];
    if (p.key < key) continue;
    if (p.key > key) break;
    if (!insert_at || p.change.date.earliest <= e.date.earliest) {
      insert_at = p.change.date.earliest <= e.date.earliest ? i + 1 : i;
    }
    if (p.change.overruled || (!to.empty() && NameKey(p.change.to) != to)) continue;
    const int gap = std::abs(DayNumber(p.change.date.earliest).value_or(0) - day);
    if (nearest == nullptr || gap < nearest_gap) {
      nearest = &p;
      nearest_gap = gap;
    }
  }
  if (nearest != nullptr) {
    nearest->mentions.insert(nearest->mentions.end(), e.mentions.begin(), e.mentions.end());
    return;
  }
  built->insert(built->begin() + static_cast<std::ptrdiff_t>(insert_at.value_or(i)), Open(key, e));
}

// Whether a change dated `date` had happened on `day`: from its first day when it is dated
// precisely, from its last when only its month is known.
bool HappenedBy(const DateRange& date, const std::string& day) {
  auto lo = DayNumber(date.earliest), hi = DayNumber(date.latest);
  if (lo && hi && *hi - *lo > kPreciseDays) return date.latest <= day;
  return date.earliest <= day;
}

bool MatchesPlace(const ControlChange& change, const std::string& wanted) {
  return NameKey(change.place.name) == wanted || NameKey(change.place.text) == wanted;
}

// The days of the changes dated by text or publication, per country, sorted.
std::map<std::string, std::vector<int>> DatedDays(std::span<const KeyedChange> timeline) {
  std::map<std::string, std::vector<int>> days;
  for (const KeyedChange& k : timeline) {
    if (k.change.date.basis == DateBasis::kInferred || k.change.overruled) continue;
    if (auto day = DayNumber(k.change.date.earliest)) days[k.change.place.country].push_back(*day);
  }
  for (auto& [country, list] : days) std::sort(list.begin(), list.end());
  return days;
}

// A date inferred from elsewhere in an undated article is trusted only among the other changes of
// its country: within kBackgroundDays of one dated by text or publication. The fall of a town on a
// background date of 2001, in a store of 2021 reports, says nothing of who held it when.
bool Plausible(const ControlChange& change, const std::map<std::string, std::vector<int>>& dated) {
  if (change.date.basis != DateBasis::kInferred) return true;
  auto day = DayNumber(change.date.earliest);
  auto it = dated.find(change.place.country);
  if (!day || it == dated.end()) return false;
  const std::vector<int>& days = it->second;
  auto next = std::lower_bound(days.begin(), days.end(), *day);
  return (next != days.end() && *next - *day <= kBackgroundDays) ||
         (next != days.begin() && *day - *std::prev(next) <= kBackgroundDays);
}

}  // namespace

std::vector<KeyedChange> BuildControlTimeline(std::span<const MergedEvent> events,
                                              int corroborate_sources) {
  std::vector<const MergedEvent*> captures, inferred;
  for (const MergedEvent& e : events) {
    if (!Counts(e)) continue;
    (e.date.basis == DateBasis::kInferred ? inferred : captures).push_back(&e);
  }
  std::map<const MergedEvent*, std::string> key_of;
  for (const auto* list : {&captures, &inferred}) {
    for (const MergedEvent* e : *list) key_of[e] = PlaceKey(e->place);
  }
  auto order = [&](const MergedEvent* a, const MergedEvent* b) {
    return std::tie(key_of[a], a->date.earliest, a->date.latest, a->id) <
           std::tie(key_of[b], b->date.earliest, b->date.latest, b->id);
  };
  std::sort(captures.begin(), captures.end(), order);
  std::sort(inferred.begin(), inferred.end(), order);
  std::vector<std::string> keys;
  keys.reserve(captures.size());
  for (const MergedEvent* e : captures) keys.push_back(key_of[e]);

  std::vector<Pending> built = DatedChanges(captures, keys, corroborate_sources);
  for (const MergedEvent* e : inferred) AddInferred(*e, key_of[e], &built);
  std::vector<KeyedChange> timeline;
  timeline.reserve(built.size());
  for (Pending& p : built) timeline.push_back(Finish(p, corroborate_sources));
  return timeline;
}

std::vector<ControlChange> SelectControl(std::span<const KeyedChange> timeline,
                                         const ControlQuery& query) {
  const std::string wanted = NameKey(query.place);
  std::map<std::string, std::vector<int>> dated;
  if (!query.at.empty()) dated = DatedDays(timeline);
  // Whether a change may answer "who holds it on that day": not one a corroborated change
  // overrules, nor one dated by an implausible inference, nor one not known to have happened by
  // then: a fall known only as "in August" answers from the month's end, not its first day.
  auto holds = [&](const ControlChange& change) {
    return !change.overruled && HappenedBy(change.date, query.at) && Plausible(change, dated);
  };
  std::vector<ControlChange> out;
  for (size_t i = 0; i < timeline.size(); ++i) {
    const KeyedChange& k = timeline[i];
    if (!query.country.empty() && k.change.place.country != query.country) continue;
    if (!wanted.empty() && !MatchesPlace(k.change, wanted)) continue;
    if (!query.at.empty()) {
      if (!holds(k.change)) continue;
      // Only the last change of this place on or before the day.
      bool later = false;
      for (size_t j = i + 1; j < timeline.size() && timeline[j].place_key == k.place_key; ++j) {
        later |= holds(timeline[j].change);
      }
      if (later) continue;
    }
    out.push_back(k.change);
  }
  return out;
}

std::vector<ControlRollup> RollUpByAdmin1(std::span<const KeyedChange> timeline,
                                          const ControlQuery& query) {
  ControlQuery current = query;
  current.place.clear();
  // Without a day, the rollup is of the latest known state.
  if (current.at.empty()) current.at = "9999-12-31";
  std::map<std::tuple<std::string, std::string, std::string>, ControlRollup> rollups;
  for (const ControlChange& change : SelectControl(timeline, current)) {
    if (change.to.empty() || change.place.kind == PlaceKind::kCountry) continue;
    const std::string admin1 =
        change.place.kind == PlaceKind::kAdmin1 ? change.place.name : change.place.admin1;
    ControlRollup& r = rollups[{change.place.country, admin1, change.to}];
    r.country = change.place.country;
    r.admin1 = admin1;
    r.controller = change.to;
    ++r.places;
    r.as_of = std::max(r.as_of, change.date.earliest);
    r.place_names.push_back(change.place.name.empty() ? change.place.text : change.place.name);
  }
  std::vector<ControlRollup> out;
  for (auto& [key, r] : rollups) {
    std::sort(r.place_names.begin(), r.place_names.end());
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace vigie::internal
