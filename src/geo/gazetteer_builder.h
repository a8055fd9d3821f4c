// Assembles gazetteer entries from any mix of sources (GeoNames dumps, the npm packages, Debian's
// catalogs, the curated overrides) and writes the compiled index read by Gazetteer::Open.
// Sources add entries and names; Finish() fills what only the whole set can tell (admin
// coordinates from their seats, admin names of places, the ranking), then Write() serializes.
#ifndef VIGIE_GEO_GAZETTEER_BUILDER_H_
#define VIGIE_GEO_GAZETTEER_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigie/analysis.h"
#include "vigie/status.h"

namespace vigie::internal {

inline constexpr uint32_t kNoEntry = UINT32_MAX;

struct BuildEntry {
  PlaceKind kind = PlaceKind::kUnknown;
  int64_t geonameid = 0;
  std::string name;         // canonical English name
  std::string feature;      // GeoNames feature code
  std::string country;      // ISO2
  std::string admin1_code;  // GeoNames admin1 code within the country ("13")
  std::string admin2_code;  // GeoNames admin2 code within the admin1 ("2408")
  double lat = 0, lon = 0;
  bool has_coords = false;
  bool approximate = false;
  uint64_t population = 0;
  uint64_t prior = 0;              // ranking score among entries of equal kind rank; set by Finish
  std::vector<std::string> names;  // every name that finds this entry, unfolded
};

struct BuildCounts {
  uint32_t entries = 0, countries = 0, admin1 = 0, admin2 = 0, places = 0, sites = 0;
  uint32_t keys = 0, postings = 0;
  uint32_t dropped_names = 0;  // non-Latin script or airport-code alternates
  uint64_t file_bytes = 0;
};

class GazetteerBuilder {
 public:
  // How a name from a source is screened before it is kept.
  enum class NameSource {
    kCurated,  // canonical names, curated lists: kept as given
    // GeoNames alternates: Latin script only; all-caps codes of <= 4 letters and names without
    // a capital (romanizations like "ao er di nuo") dropped.
    kAlternate,
  };

  // Adds an entry, or returns the existing one with the same key (ISO2 for countries, admin code
  // for admin units, geonameid for places). Returns its index.
  uint32_t AddCountry(std::string_view iso2, std::string_view name);
  uint32_t AddAdmin1(std::string_view country, std::string_view admin1, std::string_view name);
  uint32_t AddAdmin2(std::string_view country, std::string_view admin1, std::string_view admin2,
                     std::string_view name);
  uint32_t AddEntry(BuildEntry entry);

  // Adds names to an entry; comma-separated lists are split by the caller.
  void AddName(uint32_t index, std::string_view name, NameSource source);

  uint32_t FindCountry(std::string_view iso2) const;
  uint32_t FindAdmin1(std::string_view country, std::string_view admin1) const;
  uint32_t FindAdmin2(std::string_view country, std::string_view admin1,
                      std::string_view admin2) const;
  uint32_t FindGeonameId(int64_t geonameid) const;
  // Finds an entry by an overrides-style reference: a geonameid ("1138958"), an ISO2 ("AF"), an
  // admin1 code ("AF.13") or an admin2 code ("AF.23.2408").
  uint32_t FindRef(std::string_view ref) const;

  BuildEntry& entry(uint32_t index) { return entries_[index]; }
  const std::vector<BuildEntry>& entries() const { return entries_; }
  // Records the geonameid of an admin unit or country, so alternate names keyed by it find it.
  void SetGeonameId(uint32_t index, int64_t geonameid);

  // Places admin units and countries at their seat (capital, PPLA, PPLA2) or at the
  // population-weighted centroid of their places, else at their parent's point (approximate);
  // fills the admin names of every entry and the ranking prior.
  void Finish();

  // Writes the index to `path` (through a temporary file renamed into place).
  Status Write(const std::string& path, uint64_t source_hash, BuildCounts* counts) const;

  uint32_t dropped_names() const { return dropped_names_; }

 private:
  std::vector<BuildEntry> entries_;
  std::unordered_map<std::string, uint32_t> by_code_;  // "AF", "AF.13", "AF.13.2408"
  std::unordered_map<int64_t, uint32_t> by_geonameid_;
  uint32_t dropped_names_ = 0;
};

// The rank of a kind in the static prior: countries before admin1 units before the rest, which
// compare by their prior score.
int KindRank(PlaceKind kind);

}  // namespace vigie::internal

#endif  // VIGIE_GEO_GAZETTEER_BUILDER_H_
