#include "vigie/json.h"

#include <nlohmann/json.hpp>

#include "store/json_fields.h"

namespace vigie {
namespace {

using Json = internal::OrderedJson;
using internal::OrNull;

Json PlaceJson(const Place& p, bool with_span) {
  Json j;
  j["text"] = p.text;
  if (with_span) {
    j["start"] = p.span.start;
    j["end"] = p.span.end;
  }
  j["resolved"] = p.resolved();
  internal::AppendPlaceFields(p, j);
  j["approximate"] = p.approximate;
  return j;
}

Json EventJson(const Event& e, const JsonOptions& options) {
  Json j;
  j["type"] = e.type;
  j["actor"] = OrNull(e.actor);
  j["target"] = OrNull(e.target);
  j["place"] = PlaceJson(e.place, /*with_span=*/true);
  j["date"] = {
      {"earliest", OrNull(e.date.earliest)},
      {"latest", OrNull(e.date.latest)},
      {"basis", e.date.earliest.empty() ? Json(nullptr) : Json(DateBasisName(e.date.basis))}};
  j["status"] = EventStatusName(e.status);
  j["source"] = OrNull(e.source);
  j["count"] = OrNull(e.count);
  j["fatalities"] = OrNull(e.fatalities);
  j["evidence"] = {
      {"start", e.evidence.span.start}, {"end", e.evidence.span.end}, {"text", e.evidence.text}};
  if (options.explain) {
    j["rule"] = e.rule;
    j["explain"] = e.explain;
  }
  return j;
}

}  // namespace

std::string ToJson(const Analysis& a, const JsonOptions& options) {
  Json j;
  j["article"] = a.article;
  j["lang"] = a.lang;
  j["published"] = OrNull(a.published);
  Json events = Json::array();
  for (const Event& e : a.events) events.push_back(EventJson(e, options));
  j["events"] = std::move(events);
  Json places = Json::array();
  for (const Place& p : a.places) places.push_back(PlaceJson(p, /*with_span=*/true));
  j["places"] = std::move(places);
  Json quotes = Json::array();
  for (const Quote& q : a.quotes) {
    quotes.push_back({{"speaker", OrNull(q.speaker)},
                      {"role", OrNull(q.role)},
                      {"text", q.text},
                      {"start", q.span.start},
                      {"end", q.span.end}});
  }
  j["quotes"] = std::move(quotes);
  // Invalid UTF-8 cannot reach here (the text stage refuses it), but a replacement beats a throw.
  return j.dump(options.pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace vigie
