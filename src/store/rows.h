// Reading and binding the column groups that several tables share.
#ifndef VIGIE_STORE_ROWS_H_
#define VIGIE_STORE_ROWS_H_

#include <string_view>

#include "store/sqlite_handle.h"
#include "vigie/analysis.h"
#include "vigie/store.h"

namespace vigie::internal {

// The ten place columns, in this order: text, name, kind, country, admin1, admin2, lat, lon,
// geonameid, approximate.
inline constexpr const char* kPlaceColumns =
    "place_text, place_name, place_kind, country, admin1, admin2, lat, lon, geonameid, approximate";
void BindPlace(Statement& stmt, int first, const Place& place);
Place ReadPlace(const Statement& stmt, int first);

// The columns of one report (mention m joined with its article a), place columns last: the
// select lists of every query that reads reports start with these, in this order.
inline constexpr const char* kMentionColumns =
    "a.key, a.url, a.published, a.dup_group, m.ordinal, m.type, m.actor, m.target, m.place_start, "
    "m.place_end, m.date_earliest, m.date_latest, m.status, m.source, m.count, m.fatalities, "
    "m.evidence_start, m.evidence_end, m.evidence_text, m.rule, "
    "m.place_text, m.place_name, m.place_kind, m.country, m.admin1, m.admin2, m.lat, m.lon, "
    "m.geonameid, m.approximate, m.date_basis";
inline constexpr int kMentionColumnCount = 31;
Mention ReadMention(const Statement& stmt);

PlaceKind ParsePlaceKind(std::string_view name);
EventStatus ParseEventStatus(std::string_view name);
// "" (a report stored before the basis was kept) gives kNone.
DateBasis ParseDateBasis(std::string_view name);
// What the store writes for a date's basis: "" when there is no date.
const char* StoredDateBasis(const DateRange& date);

}  // namespace vigie::internal

#endif  // VIGIE_STORE_ROWS_H_
