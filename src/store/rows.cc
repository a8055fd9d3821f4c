#include "store/rows.h"

namespace vigie::internal {

void BindPlace(Statement& stmt, int first, const Place& place) {
  stmt.Bind(first, place.text)
      .Bind(first + 1, place.name)
      .Bind(first + 2, place.resolved() ? PlaceKindName(place.kind) : "")
      .Bind(first + 3, place.country)
      .Bind(first + 4, place.admin1)
      .Bind(first + 5, place.admin2)
      .Bind(first + 6, place.lat)
      .Bind(first + 7, place.lon)
      .Bind(first + 8, place.geonameid)
      .Bind(first + 9, place.approximate ? 1 : 0);
}

Place ReadPlace(const Statement& stmt, int first) {
  Place place;
  place.text = stmt.Text(first);
  place.name = stmt.Text(first + 1);
  place.kind = ParsePlaceKind(stmt.Text(first + 2));
  place.country = stmt.Text(first + 3);
  place.admin1 = stmt.Text(first + 4);
  place.admin2 = stmt.Text(first + 5);
  place.lat = stmt.OptionalDouble(first + 6);
  place.lon = stmt.OptionalDouble(first + 7);
  place.geonameid = stmt.Int(first + 8);
  place.approximate = stmt.Int(first + 9) != 0;
  return place;
}

PlaceKind ParsePlaceKind(std::string_view name) {
  for (PlaceKind kind : {PlaceKind::kCountry, PlaceKind::kAdmin1, PlaceKind::kAdmin2,
                         PlaceKind::kCity, PlaceKind::kSite}) {
    if (name == PlaceKindName(kind)) return kind;
  }
  return PlaceKind::kUnknown;
}

EventStatus ParseEventStatus(std::string_view name) {
  for (int i = 0; i < 8; ++i) {
    auto status = static_cast<EventStatus>(i);
    if (name == EventStatusName(status)) return status;
  }
  return EventStatus::kAsserted;
}

}  // namespace vigie::internal
