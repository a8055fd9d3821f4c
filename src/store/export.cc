// JSON Lines, CSV and GeoJSON renderings of merged events and control changes.
#include <nlohmann/json.hpp>
#include <set>

#include "store/acled.h"
#include "store/json_fields.h"
#include "vigie/store.h"

namespace vigie {

namespace {

using json = internal::OrderedJson;
using internal::OrNull;

json PlaceJson(const Place& p) {
  json j = {{"text", OrNull(p.text)}};
  internal::AppendPlaceFields(p, j);
  if (p.approximate) j["approximate"] = true;
  return j;
}

json DateJson(const DateRange& d) {
  const bool dated = !d.earliest.empty() && d.basis != DateBasis::kNone;
  return {{"earliest", OrNull(d.earliest)},
          {"latest", OrNull(d.latest)},
          {"basis", dated ? json(DateBasisName(d.basis)) : json(nullptr)}};
}

json MentionJson(const Mention& m) {
  const Event& e = m.event;
  return {{"article", m.article},
          {"url", OrNull(m.url)},
          {"published", OrNull(m.published)},
          {"copy_of",
           m.dup_group != m.article && !m.dup_group.empty() ? json(m.dup_group) : json(nullptr)},
          {"actor", OrNull(e.actor)},
          {"target", OrNull(e.target)},
          {"place",
           {{"text", OrNull(e.place.text)},
            {"name", OrNull(e.place.name)},
            {"start", e.place.span.start},
            {"end", e.place.span.end}}},
          {"date", DateJson(e.date)},
          {"status", EventStatusName(e.status)},
          {"source", OrNull(e.source)},
          {"fatalities", OrNull(e.fatalities)},
          {"evidence",
           {{"start", e.evidence.span.start},
            {"end", e.evidence.span.end},
            {"text", e.evidence.text}}}};
}

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string Domain(const std::string& url) {
  size_t start = url.find("://");
  if (start == std::string::npos) return url;
  start += 3;
  size_t end = url.find('/', start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

// ACLED: 1 the day is known, 2 the week, 3 only the month or less.
int TimePrecision(const DateRange& d) {
  if (d.earliest.empty()) return 3;
  if (d.earliest == d.latest) return 1;
  // Same month and at most a week apart: compare "2021-08-06" and "2021-08-12" by day digits.
  if (d.earliest.substr(0, 8) == d.latest.substr(0, 8) &&
      std::stoi(d.latest.substr(8)) - std::stoi(d.earliest.substr(8)) <= 7) {
    return 2;
  }
  return 3;
}

// ACLED: 1 the town itself, 2 near it or its district, 3 only the province.
int GeoPrecision(const Place& p) {
  int precision = 3;
  if (p.kind == PlaceKind::kCity || p.kind == PlaceKind::kSite) precision = 1;
  if (p.kind == PlaceKind::kAdmin2) precision = 2;
  return std::min(3, precision + (p.approximate ? 1 : 0));
}

std::string Number(std::optional<double> v) {
  if (!v) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.5f", *v);
  return buffer;
}

}  // namespace

std::string MergedEventToJson(const MergedEvent& e) {
  json mentions = json::array();
  for (const Mention& m : e.mentions) mentions.push_back(MentionJson(m));
  json j = {{"id", e.id},
            {"type", e.type},
            {"actor", OrNull(e.actor)},
            {"target", OrNull(e.target)},
            {"place", PlaceJson(e.place)},
            {"date", DateJson(e.date)},
            {"status", e.status},
            {"sources", e.sources},
            {"first_reported", OrNull(e.first_reported)},
            {"last_reported", OrNull(e.last_reported)},
            {"fatalities", OrNull(e.fatalities)},
            {"mentions", std::move(mentions)}};
  return Dump(j);
}

std::string ControlChangeToJson(const ControlChange& c) {
  json j = {{"place", PlaceJson(c.place)}, {"to", OrNull(c.to)}, {"from", OrNull(c.from)},
            {"date", DateJson(c.date)},    {"status", c.status}, {"sources", c.sources},
            {"articles", c.articles}};
  // Only when set, so that ordinary lines keep the format of ANALYSIS_FORMAT.md.
  if (c.overruled) j["overruled"] = true;
  return Dump(j);
}

std::string ControlRollupToJson(const ControlRollup& r) {
  json j = {{"country", OrNull(r.country)}, {"admin1", OrNull(r.admin1)},
            {"controller", r.controller},   {"places", r.places},
            {"as_of", OrNull(r.as_of)},     {"place_names", r.place_names}};
  return Dump(j);
}

void WriteEventsCsv(std::span<const MergedEvent> events, std::ostream& out) {
  out << "event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,admin2,"
         "location,latitude,longitude,geo_precision,source,notes,fatalities\n";
  for (const MergedEvent& e : events) {
    const internal::AcledType acled =
        internal::AcledTypeOf(e.type, e.actor, e.place.country, e.date.earliest);
    std::set<std::string> domains;
    for (const Mention& m : e.mentions) domains.insert(m.url.empty() ? m.article : Domain(m.url));
    std::string sources;
    for (const std::string& d : domains) sources += (sources.empty() ? "" : "; ") + d;
    std::string notes = e.mentions.empty() ? "" : e.mentions.front().event.evidence.text;
    notes += " [" + e.status + ", " + std::to_string(e.sources) + " source" +
             (e.sources == 1 ? "" : "s") + ", " + e.id + "]";
    const std::string date = e.date.earliest.empty() ? e.first_reported : e.date.earliest;
    const std::string fields[] = {
        date,
        std::to_string(TimePrecision(e.date)),
        acled.event_type != nullptr ? acled.event_type : e.type,
        acled.sub_event_type,
        e.actor,
        e.target,
        e.place.country,
        e.place.kind == PlaceKind::kAdmin1 ? e.place.name : e.place.admin1,
        e.place.admin2,
        e.place.name.empty() ? e.place.text : e.place.name,
        Number(e.place.lat),
        Number(e.place.lon),
        std::to_string(GeoPrecision(e.place)),
        sources,
        notes,
        std::to_string(e.fatalities.value_or(0)),
    };
    bool first = true;
    for (const std::string& f : fields) {
      if (!first) out << ',';
      out << CsvField(f);
      first = false;
    }
    out << '\n';
  }
}

void WriteEventsGeoJson(std::span<const MergedEvent> events, std::ostream& out) {
  json features = json::array();
  for (const MergedEvent& e : events) {
    json geometry = nullptr;
    if (e.place.lat && e.place.lon) {
      geometry = {{"type", "Point"}, {"coordinates", {*e.place.lon, *e.place.lat}}};
    }
    std::set<std::string> articles;
    for (const Mention& m : e.mentions) articles.insert(m.article);
    json properties = {
        {"id", e.id},
        {"type", e.type},
        {"actor", OrNull(e.actor)},
        {"target", OrNull(e.target)},
        {"place", OrNull(e.place.name.empty() ? e.place.text : e.place.name)},
        {"kind", e.place.resolved() ? json(PlaceKindName(e.place.kind)) : json(nullptr)},
        {"country", OrNull(e.place.country)},
        {"admin1", OrNull(e.place.admin1)},
        {"date_earliest", OrNull(e.date.earliest)},
        {"date_latest", OrNull(e.date.latest)},
        {"status", e.status},
        {"sources", e.sources},
        {"fatalities", OrNull(e.fatalities)},
        {"articles", articles}};
    features.push_back({{"type", "Feature"},
                        {"geometry", std::move(geometry)},
                        {"properties", std::move(properties)}});
  }
  out << Dump({{"type", "FeatureCollection"}, {"features", std::move(features)}}) << '\n';
}

}  // namespace vigie
