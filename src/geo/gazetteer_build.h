// `vigie gazetteer build`: finds the sources, hashes them, and compiles the index unless the
// existing one was built from the very same bytes.
#ifndef VIGIE_GEO_GAZETTEER_BUILD_H_
#define VIGIE_GEO_GAZETTEER_BUILD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "geo/gazetteer_builder.h"
#include "vigie/status.h"

namespace vigie::internal {

struct GazetteerBuildOptions {
  std::string out_path;        // e.g. data/gazetteer/world.vgz
  std::string overrides_path;  // data/gazetteer/overrides.tsv; empty: none
  // Official GeoNames dumps (countryInfo.txt, admin1CodesASCII.txt, admin2Codes.txt,
  // allCountries.txt or citiesNNN.txt, alternateNamesV2.txt). Empty: the npm packages.
  std::string geonames_dir;
  std::string npm_dir;                           // data/npm/node_modules
  std::string locale_dir = "/usr/share/locale";  // libgeonames-common, iso-codes catalogs
  std::string iso_codes_dir = "/usr/share/iso-codes/json";
  bool force = false;  // rebuild even when the source hash matches
};

struct GazetteerBuildReport {
  bool skipped = false;  // the existing file already has this source hash
  uint64_t source_hash = 0;
  std::vector<std::string> sources;  // the files read, in order
  BuildCounts counts;
};

Result<GazetteerBuildReport> BuildGazetteer(const GazetteerBuildOptions& options);

}  // namespace vigie::internal

#endif  // VIGIE_GEO_GAZETTEER_BUILD_H_
