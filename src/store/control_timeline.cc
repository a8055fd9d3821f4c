#include "store/control_timeline.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "store/corroboration.h"
#include "store/keys.h"

namespace vigie::internal {

namespace {

std::string PlaceKey(const Place& place) {
  if (place.geonameid != 0) return "g" + std::to_string(place.geonameid);
  return place.country + "|" + NameKey(place.name.empty() ? place.text : place.name);
}

bool Counts(const MergedEvent& e) {
  return e.type == "capture" && e.status != "denied" && e.status != "negated" &&
         e.status != "planned" && !e.date.earliest.empty();
}

struct Pending {
  std::string key;
  int best_sources = 0;
  ControlChange change;
  std::vector<Mention> mentions;
};

void Finish(Pending& p, int corroborate_sources, std::vector<KeyedChange>* out) {
  std::set<std::string> groups, articles;
  for (const Mention& m : p.mentions) {
    groups.insert(m.dup_group.empty() ? m.article : m.dup_group);
    articles.insert(m.article);
  }
  p.change.sources = static_cast<int>(groups.size());
  p.change.articles.assign(articles.begin(), articles.end());
  p.change.status = MergedStatus(p.mentions, corroborate_sources);
  out->push_back({std::move(p.key), std::move(p.change)});
}

bool MatchesPlace(const ControlChange& change, const std::string& wanted) {
  return NameKey(change.place.name) == wanted || NameKey(change.place.text) == wanted;
}

}  // namespace

std::vector<KeyedChange> BuildControlTimeline(std::span<const MergedEvent> events,
                                              int corroborate_sources) {
  std::vector<const MergedEvent*> captures;
  for (const MergedEvent& e : events) {
    if (Counts(e)) captures.push_back(&e);
  }
  std::map<const MergedEvent*, std::string> key_of;
  for (const MergedEvent* e : captures) key_of[e] = PlaceKey(e->place);
  std::sort(captures.begin(), captures.end(), [&](const MergedEvent* a, const MergedEvent* b) {
    return std::tie(key_of[a], a->date.earliest, a->date.latest, a->id) <
           std::tie(key_of[b], b->date.earliest, b->date.latest, b->id);
  });

  std::vector<KeyedChange> timeline;
  std::optional<Pending> open;
  std::string holder;  // who the place's last change gave it to
  for (const MergedEvent* e : captures) {
    const std::string& key = key_of[e];
    if (open && open->key != key) {
      Finish(*open, corroborate_sources, &timeline);
      open.reset();
      holder.clear();
    }
    const std::string to = NameKey(e->actor);
    if (open && (to.empty() || to == holder || holder.empty())) {
      // The same change reported again, or a report that only says the place fell.
      if (holder.empty() && !to.empty()) {
        open->change.to = e->actor;
        holder = to;
      }
      // The change happened when the best-sourced of its reports says: a lone early report of
      // "Kaboul tombée" among warnings about the city must not date its fall.
      if (e->sources > open->best_sources) {
        open->best_sources = e->sources;
        open->change.date = e->date;
      }
      open->mentions.insert(open->mentions.end(), e->mentions.begin(), e->mentions.end());
      continue;
    }
    if (open) Finish(*open, corroborate_sources, &timeline);
    open.emplace();
    open->key = key;
    open->change.place = e->place;
    open->change.to = e->actor;
    // "The army retook Kunduz": who loses it is whoever held it before, when the report omits it.
    open->change.from = e->target;
    if (e->target.empty() && !timeline.empty() && timeline.back().place_key == key) {
      open->change.from = timeline.back().change.to;
    }
    open->change.date = e->date;
    open->best_sources = e->sources;
    open->mentions = e->mentions;
    holder = to;
  }
  if (open) Finish(*open, corroborate_sources, &timeline);
  return timeline;
}

std::vector<ControlChange> SelectControl(std::span<const KeyedChange> timeline,
                                         const ControlQuery& query) {
  const std::string wanted = NameKey(query.place);
  std::vector<ControlChange> out;
  for (size_t i = 0; i < timeline.size(); ++i) {
    const KeyedChange& k = timeline[i];
    if (!query.country.empty() && k.change.place.country != query.country) continue;
    if (!wanted.empty() && !MatchesPlace(k.change, wanted)) continue;
    if (!query.at.empty()) {
      if (k.change.date.earliest > query.at) continue;
      // Only the last change of this place on or before the day.
      bool later = i + 1 < timeline.size() && timeline[i + 1].place_key == k.place_key &&
                   timeline[i + 1].change.date.earliest <= query.at;
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
