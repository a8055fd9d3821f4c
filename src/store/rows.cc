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

Mention ReadMention(const Statement& s) {
  Mention m;
  m.article = s.Text(0);
  m.url = s.Text(1);
  m.published = s.Text(2);
  m.dup_group = s.Text(3);
  m.ordinal = static_cast<int>(s.Int(4));
  Event& e = m.event;
  e.type = s.Text(5);
  e.actor = s.Text(6);
  e.target = s.Text(7);
  e.place = ReadPlace(s, 20);
  e.place.span = {static_cast<uint32_t>(s.Int(8)), static_cast<uint32_t>(s.Int(9))};
  e.date = {s.Text(10), s.Text(11), ParseDateBasis(s.Text(30))};
  e.status = ParseEventStatus(s.Text(12));
  e.source = s.Text(13);
  e.count = s.OptionalInt(14);
  e.fatalities = s.OptionalInt(15);
  e.evidence.span = {static_cast<uint32_t>(s.Int(16)), static_cast<uint32_t>(s.Int(17))};
  e.evidence.text = s.Text(18);
  e.rule = s.Text(19);
  return m;
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

DateBasis ParseDateBasis(std::string_view name) {
  for (DateBasis basis : {DateBasis::kText, DateBasis::kPublication, DateBasis::kInferred}) {
    if (name == DateBasisName(basis)) return basis;
  }
  return DateBasis::kNone;
}

const char* StoredDateBasis(const DateRange& date) {
  if (date.earliest.empty() && date.latest.empty()) return "";
  return date.basis == DateBasis::kNone ? "" : DateBasisName(date.basis);
}

}  // namespace vigie::internal
