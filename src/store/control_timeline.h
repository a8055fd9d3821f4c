// The control timeline: from merged capture events, the ordered changes of control of each place.
// "Les talibans ont pris Kunduz le 8 août" then "the army retook Kunduz on 20 August" give two
// changes of Kunduz: Afghan forces -> Taliban, then Taliban -> Afghan forces. Reports of a capture
// by the side that already holds the place ("Kunduz, held by the Taliban since Sunday, ...") add
// their sources to the change they repeat instead of making a new one.
#ifndef VIGIE_STORE_CONTROL_TIMELINE_H_
#define VIGIE_STORE_CONTROL_TIMELINE_H_

#include <span>
#include <string>
#include <vector>

#include "vigie/store.h"

namespace vigie::internal {

// A change with the key of its place, for grouping ("g1131256", or "AF|kunduz" when unresolved).
struct KeyedChange {
  std::string place_key;
  ControlChange change;
};

// `events` may hold any types; only captures that are not denied, negated or planned count.
// Changes come out grouped by place key, in date order within each place.
std::vector<KeyedChange> BuildControlTimeline(std::span<const MergedEvent> events,
                                              int corroborate_sources);

// Filters by query.country and query.place; with query.at, keeps the last change of each place
// that happened on or before that day (who controls what at that date).
std::vector<ControlChange> SelectControl(std::span<const KeyedChange> timeline,
                                         const ControlQuery& query);

// Counts, per admin1 and controller, the places that the selected changes give to it.
std::vector<ControlRollup> RollUpByAdmin1(std::span<const KeyedChange> timeline,
                                          const ControlQuery& query);

}  // namespace vigie::internal

#endif  // VIGIE_STORE_CONTROL_TIMELINE_H_
