// Candidate pairs of the merge: reports of one type and country that share a place bucket (the
// same gazetteer entry, name, admin2, or neighbouring grid cells) and whose dates overlap, give or
// take the slack. Every pair the merge may join is a candidate; the merge then checks each in
// full. Reports with no candidate path between them can never be in one event, which lets a
// refresh recompute only the part of the store that new reports can reach.
#ifndef VIGIE_STORE_CANDIDATES_H_
#define VIGIE_STORE_CANDIDATES_H_

#include <algorithm>
#include <climits>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "vigie/store.h"

namespace vigie::internal {

inline constexpr int kUnbounded = INT_MIN / 4;

// How much a report's date is worth when reports disagree: a date written in the report's own
// sentence, then the publication date it defaulted to, then a date inferred from elsewhere in an
// undated article (often a background date: "the city first fell on 9 September 2001"), then the
// week before publication for a report with no date at all.
enum DateRank : int { kWeekBefore = 0, kInferred = 1, kPublication = 2, kText = 3 };

struct Days {
  int lo = kUnbounded, hi = INT_MAX / 4;
  int rank = kWeekBefore;
  // Dated by its text far before its article was published: an article of August 2021 recalling
  // the fall of 1998. Such a report is not a current report of the event.
  bool historical = false;
  bool bounded() const { return lo != kUnbounded; }
};

// Reports at least this many days older than their article are background, not news.
inline constexpr int kBackgroundDays = 60;

// A mention without a date of its own happened at most a week before its article was published:
// "Kunduz est tombée aux mains des talibans" in a paper of 2021-08-09. One whose article has no
// date either is unbounded: it may join any event, but cannot bridge two whose dates are apart.
Days EffectiveDays(const Mention& m);

// Towns, districts and sites merge by distance; a province or a country only with itself, since
// "the Taliban took Kunduz province" is not the fall of Kunduz city 10 km from its centroid.
bool IsLocal(PlaceKind kind);

// Name keys of a report, computed once.
struct Prepared {
  std::string actor, target, name, text;
};

class CandidateIndex {
 public:
  CandidateIndex(std::span<const Mention> mentions, double merge_km, int date_slack_days);

  const std::vector<Days>& days() const { return days_; }
  const std::vector<Prepared>& prepared() const { return prepared_; }

  // Calls f(a, b) for every candidate pair, in an order fixed by the reports' order and dates:
  // buckets by key, then reports by their first day. A pair sharing several buckets comes
  // once per bucket.
  template <typename F>
  void ForEachPair(F&& f) const {
    for (size_t start = 0, end = 0; start < entries_.size(); start = end) {
      for (end = start + 1; end < entries_.size() && entries_[end].key == entries_[start].key;) {
        ++end;
      }
      for (size_t x = start; x < end; ++x) {
        const size_t a = entries_[x].report;
        for (size_t y = x + 1; y < end; ++y) {
          const size_t b = entries_[y].report;
          if (days_[b].lo > days_[a].hi + slack_) break;
          if (days_[b].hi + slack_ < days_[a].lo) continue;
          f(a, b);
        }
      }
    }
  }

 private:
  // One report in one bucket. Buckets are keyed by a hash of their name: a collision only costs
  // extra pair checks. Sorted by bucket, then first day, then report: each bucket is a run.
  struct Entry {
    uint64_t key;
    int lo;
    uint32_t report;
    bool operator<(const Entry& o) const {
      return key != o.key ? key < o.key : lo != o.lo ? lo < o.lo : report < o.report;
    }
  };
  int slack_;
  std::vector<Days> days_;
  std::vector<Prepared> prepared_;
  std::vector<Entry> entries_;
};

// Marks, besides `seeds`, every report joined to one of them by a path of candidate pairs: the
// reports whose events a change to the seeds may change.
std::vector<bool> CandidateClosure(std::span<const Mention> mentions, std::vector<bool> seeds,
                                   double merge_km, int date_slack_days);

}  // namespace vigie::internal

#endif  // VIGIE_STORE_CANDIDATES_H_
