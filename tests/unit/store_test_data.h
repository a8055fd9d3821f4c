// Hand-made dispatches and analyses for the store tests: places with coordinates, events with
// statuses and evidence, written for these tests.
#ifndef VIGIE_TESTS_STORE_TEST_DATA_H_
#define VIGIE_TESTS_STORE_TEST_DATA_H_

#include <string>
#include <vector>

#include "vigie/store.h"

namespace vigie::testing {

inline Place Town(std::string name, double lat, double lon, int64_t geonameid,
                  std::string admin1 = "Kunduz", std::string admin2 = "Kunduz",
                  PlaceKind kind = PlaceKind::kCity) {
  Place p;
  p.text = name;
  p.name = std::move(name);
  p.kind = kind;
  p.country = "AF";
  p.admin1 = std::move(admin1);
  p.admin2 = std::move(admin2);
  p.lat = lat;
  p.lon = lon;
  p.geonameid = geonameid;
  return p;
}

inline Place KunduzCity() {
  return Town("Kunduz", 36.728, 68.868, 1135689);
}
inline Place KunduzProvince() {
  return Town("Kunduz", 36.75, 68.75, 1135690, "Kunduz", "", PlaceKind::kAdmin1);
}
inline Place Taloqan() {
  return Town("Taloqan", 36.736, 69.534, 1123004, "Takhar", "Taloqan");
}
inline Place Sheberghan() {
  return Town("Sheberghan", 36.667, 65.752, 1127110, "Jowzjan", "Sheberghan");
}

inline Event MakeEvent(std::string type, std::string actor, Place place, std::string day,
                       EventStatus status, std::string evidence, std::string target = "") {
  Event e;
  e.type = std::move(type);
  e.actor = std::move(actor);
  e.target = std::move(target);
  e.place = std::move(place);
  e.date = {day, day, day.empty() ? DateBasis::kNone : DateBasis::kText};
  e.status = status;
  e.evidence.text = std::move(evidence);
  e.evidence.span = {0, static_cast<uint32_t>(e.evidence.text.size())};
  return e;
}

inline IngestItem MakeItem(std::string id, std::string published, std::string text,
                           std::vector<Event> events, std::string url = "") {
  IngestItem item;
  item.article.id = id;
  item.article.published = published;
  item.article.text = std::move(text);
  item.article.url = url.empty() ? "https://example.org/" + id : std::move(url);
  item.article.lang = "fr";
  item.analysis.article = std::move(id);
  item.analysis.lang = "fr";
  item.analysis.published = std::move(published);
  item.analysis.events = std::move(events);
  for (const Event& e : item.analysis.events) item.analysis.places.push_back(e.place);
  return item;
}

// A wire story long enough for SimHash, in two copies that differ only by the site's own lines.
inline std::string WireStory() {
  return "Les insurgés ont annoncé dimanche avoir pris le contrôle de la ville de Kunduz, "
         "dans le nord du pays, après plusieurs jours de combats autour du marché central et de "
         "la prison. Un porte-parole du gouverneur a reconnu que les forces gouvernementales "
         "s'étaient repliées vers l'aéroport, où des renforts étaient attendus dans la soirée. "
         "Des habitants joints par téléphone décrivent des rues désertes et des bâtiments "
         "administratifs incendiés.";
}
inline std::string WireCopy() {
  return "PARIS (Le Quotidien) - " + WireStory() + " Lire aussi notre dossier sur la région.";
}

}  // namespace vigie::testing

#endif  // VIGIE_TESTS_STORE_TEST_DATA_H_
