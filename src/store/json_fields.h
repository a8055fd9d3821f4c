// JSON fields that the analysis output (src/core/json.cc) and the store's exports write alike, so
// that a place reads the same in both.
#ifndef VIGIE_STORE_JSON_FIELDS_H_
#define VIGIE_STORE_JSON_FIELDS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "vigie/analysis.h"

namespace vigie::internal {

using OrderedJson = nlohmann::ordered_json;

inline OrderedJson OrNull(const std::string& s) {
  return s.empty() ? OrderedJson(nullptr) : OrderedJson(s);
}
template <typename T>
OrderedJson OrNull(const std::optional<T>& v) {
  return v ? OrderedJson(*v) : OrderedJson(nullptr);
}

// Appends what the gazetteer says of a place: name, kind, country, admin1, admin2, lat, lon,
// geonameid (null when unresolved or unknown). The caller writes the text before and any flags
// after.
inline void AppendPlaceFields(const Place& p, OrderedJson& j) {
  j["name"] = OrNull(p.name);
  j["kind"] = p.resolved() ? OrderedJson(PlaceKindName(p.kind)) : OrderedJson(nullptr);
  j["country"] = OrNull(p.country);
  j["admin1"] = OrNull(p.admin1);
  j["admin2"] = OrNull(p.admin2);
  j["lat"] = OrNull(p.lat);
  j["lon"] = OrNull(p.lon);
  j["geonameid"] = p.geonameid != 0 ? OrderedJson(p.geonameid) : OrderedJson(nullptr);
}

}  // namespace vigie::internal

#endif  // VIGIE_STORE_JSON_FIELDS_H_
