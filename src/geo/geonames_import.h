// Readers for the GeoNames dump formats (https://download.geonames.org/export/dump/), feeding a
// GazetteerBuilder. cities500.txt from the npm package has the same 19 columns as allCountries.txt.
#ifndef VIGIE_GEO_GEONAMES_IMPORT_H_
#define VIGIE_GEO_GEONAMES_IMPORT_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer_builder.h"
#include "vigie/status.h"

namespace vigie::internal {

// Calls `fn(line, line_number)` for every line of `path` (without its "\n" or "\r\n"), reading in
// blocks so a multi-gigabyte dump streams. Stops at the first error `fn` returns.
Status ForEachLine(const std::string& path,
                   const std::function<Status(std::string_view, size_t)>& fn);

// Splits on `sep`, keeping empty fields.
void SplitFields(std::string_view line, char sep, std::vector<std::string_view>* fields);

// Geoname rows (allCountries.txt, citiesNNN.txt): class P rows with population >= 1000 or a seat
// feature (PPLC, PPLA, PPLA2, PPLA3, PPLG) become places; class A rows ADM1, ADM2 and PCLI give
// their unit's geonameid, coordinates and names.
Status ReadGeonameRows(const std::string& path, GazetteerBuilder* builder);

// admin1CodesASCII.txt or admin2Codes.txt: "code \t name \t asciiname \t geonameid".
Status ReadAdminCodes(const std::string& path, GazetteerBuilder* builder);

// countryInfo.txt: countries with their name, population and geonameid; "#" lines are comments.
Status ReadCountryInfo(const std::string& path, GazetteerBuilder* builder);

// alternateNamesV2.txt (or alternateNames.txt): keeps names labelled fr, en, abbr or unlabelled
// for entries already added; drops post codes, airport codes, links and the rest.
Status ReadAlternateNames(const std::string& path, GazetteerBuilder* builder);

}  // namespace vigie::internal

#endif  // VIGIE_GEO_GEONAMES_IMPORT_H_
