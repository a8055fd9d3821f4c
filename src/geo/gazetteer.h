// The world gazetteer: a compiled, memory-mapped index of countries, admin1 and admin2 units,
// populated places and curated sites, with English and French names and alternates.
// File format, build recipe and sources: docs/gazetteer.md.
#ifndef VIGIE_GEO_GAZETTEER_H_
#define VIGIE_GEO_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "base/fold.h"
#include "vigie/analysis.h"
#include "vigie/status.h"

namespace vigie::internal {

// One gazetteer entry, as stored. Strings are views into the mapped file.
struct GazEntry {
  uint32_t index = 0;     // position in the file, stable for one file
  int64_t geonameid = 0;  // 0 for curated entries without one
  PlaceKind kind = PlaceKind::kUnknown;
  std::string_view name;     // canonical English name
  std::string_view feature;  // GeoNames feature code ("PPLA", "ADM2", "AIRB", ...)
  std::string_view country;  // ISO2
  std::string_view admin1;   // English name of the admin1 unit ("Kandahar"), empty for countries
  std::string_view admin2;
  uint32_t admin1_index = 0;  // index of the admin1 entry, UINT32_MAX when none
  uint32_t country_index = 0;
  double lat = 0, lon = 0;
  uint64_t population = 0;
  bool approximate = false;  // coordinates are a fallback
};

class Gazetteer {
 public:
  // Maps the file; refuses a bad magic, a format version or source hash other than this build's,
  // naming the file and what differs. Takes no parse step: cost is the mmap.
  static Result<std::unique_ptr<Gazetteer>> Open(const std::string& path);
  virtual ~Gazetteer() = default;

  // Entries whose name or alternate folds (FoldText, base/fold.h) to `folded_name`. Empty span when
  // none.
  virtual std::span<const uint32_t> Candidates(std::string_view folded_name) const = 0;
  // Whether some name starts with `folded_prefix` followed by a space: lets a matcher stop early
  // on "mazar" when no longer name can follow.
  virtual bool HasLongerName(std::string_view folded_prefix) const = 0;
  virtual GazEntry Entry(uint32_t index) const = 0;
  virtual uint32_t size() const = 0;
  virtual size_t mapped_bytes() const = 0;
};

}  // namespace vigie::internal

#endif  // VIGIE_GEO_GAZETTEER_H_
