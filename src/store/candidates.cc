#include "store/candidates.h"

#include <cmath>

#include "store/keys.h"
#include "store/union_find.h"

namespace vigie::internal {

namespace {

int RankOf(DateBasis basis) {
  switch (basis) {
    case DateBasis::kInferred:
      return kInferred;
    case DateBasis::kPublication:
      return kPublication;
    case DateBasis::kText:
    case DateBasis::kNone:  // stored before the basis was kept: taken as written, as then
      return kText;
  }
  return kText;
}

}  // namespace

Days EffectiveDays(const Mention& m) {
  Days days;
  auto lo = DayNumber(m.event.date.earliest), hi = DayNumber(m.event.date.latest);
  auto published = PublishedRange(m.published);
  if (lo || hi) {
    days.lo = lo ? *lo : *hi;
    days.hi = hi ? *hi : *lo;
    if (days.hi < days.lo) std::swap(days.lo, days.hi);
    days.rank = RankOf(m.event.date.basis);
    days.historical = days.rank == kText && published && days.hi < published->lo - kBackgroundDays;
  } else if (published) {
    days.lo = published->lo - 7;
    days.hi = published->hi;
  }
  return days;
}

bool IsLocal(PlaceKind kind) {
  return kind == PlaceKind::kCity || kind == PlaceKind::kSite || kind == PlaceKind::kAdmin2;
}

CandidateIndex::CandidateIndex(std::span<const Mention> mentions, double merge_km,
                               int date_slack_days)
    : slack_(date_slack_days), days_(mentions.size()), prepared_(mentions.size()) {
  entries_.reserve(mentions.size() * 4);
  // Cells a little over merge_km on a side; longitude cells twice as wide so that they still
  // cover merge_km up to 60 degrees of latitude.
  const double cell_lat = std::max(merge_km, 0.001) / 111.0;
  const double cell_lon = cell_lat * 2;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Event& e = mentions[i].event;
    Prepared& p = prepared_[i];
    days_[i] = EffectiveDays(mentions[i]);
    p.actor = NameKey(e.actor);
    p.target = NameKey(e.target);
    p.name = NameKey(e.place.name);
    p.text = NameKey(e.place.text);
    Hasher prefix;
    prefix.Add(e.type).Add("|").Add(e.place.country).Add("|");
    auto add = [&](const Hasher& key) {
      entries_.push_back({key.Finish(), days_[i].lo, static_cast<uint32_t>(i)});
    };
    if (e.place.geonameid != 0) add(Hasher(prefix).Add("g").Add(e.place.geonameid));
    if (!p.name.empty()) add(Hasher(prefix).Add("n").Add(p.name));
    if (!p.text.empty() && p.text != p.name) add(Hasher(prefix).Add("n").Add(p.text));
    if (!IsLocal(e.place.kind)) continue;
    if (!e.place.admin2.empty()) {
      add(Hasher(prefix).Add("a").Add(e.place.admin1).Add("|").Add(e.place.admin2));
    }
    if (e.place.lat && e.place.lon) {
      auto y = static_cast<int64_t>(std::floor(*e.place.lat / cell_lat));
      auto x = static_cast<int64_t>(std::floor(*e.place.lon / cell_lon));
      for (int64_t dy = -1; dy <= 1; ++dy) {
        for (int64_t dx = -1; dx <= 1; ++dx) {
          add(Hasher(prefix).Add("c").Add(y + dy).Add(",").Add(x + dx));
        }
      }
    }
  }
  std::sort(entries_.begin(), entries_.end());
}

std::vector<bool> CandidateClosure(std::span<const Mention> mentions, std::vector<bool> seeds,
                                   double merge_km, int date_slack_days) {
  CandidateIndex index(mentions, merge_km, date_slack_days);
  UnionFind linked(mentions.size());
  index.ForEachPair([&](size_t a, size_t b) { linked.Unite(a, b); });
  std::vector<bool> seeded_root(mentions.size(), false);
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (seeds[i]) seeded_root[linked.Find(i)] = true;
  }
  for (size_t i = 0; i < mentions.size(); ++i) seeds[i] = seeded_root[linked.Find(i)];
  return seeds;
}

}  // namespace vigie::internal
