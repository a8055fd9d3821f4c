// Reading and binding the column groups that several tables share.
#ifndef VIGIE_STORE_ROWS_H_
#define VIGIE_STORE_ROWS_H_

#include <string_view>

#include "store/sqlite_handle.h"
#include "vigie/analysis.h"

namespace vigie::internal {

// The ten place columns, in this order: text, name, kind, country, admin1, admin2, lat, lon,
// geonameid, approximate.
inline constexpr const char* kPlaceColumns =
    "place_text, place_name, place_kind, country, admin1, admin2, lat, lon, geonameid, approximate";
void BindPlace(Statement& stmt, int first, const Place& place);
Place ReadPlace(const Statement& stmt, int first);

PlaceKind ParsePlaceKind(std::string_view name);
EventStatus ParseEventStatus(std::string_view name);

}  // namespace vigie::internal

#endif  // VIGIE_STORE_ROWS_H_
