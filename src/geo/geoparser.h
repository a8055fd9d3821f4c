// Finds place mentions in a Document and resolves each to a gazetteer entry, or keeps it as
// unresolved text.
#ifndef VIGIE_GEO_GEOPARSER_H_
#define VIGIE_GEO_GEOPARSER_H_

#include <memory>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "text/document.h"
#include "vigie/analysis.h"
#include "vigie/status.h"

namespace vigie::internal {

// A place mention in Document coordinates, with what the extractor needs beyond the output Place.
struct PlaceMention {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  uint32_t entry = UINT32_MAX;               // gazetteer index, UINT32_MAX when unresolved
  Place place;                               // output form; span in ORIGINAL offsets
  PlaceKind cue_kind = PlaceKind::kUnknown;  // "la province du Badakhshan" -> kAdmin1
  bool relative = false;  // "au nord de Kaboul", "near Kherson": somewhere around the place
};

struct GeoOptions {
  std::string data_dir;           // data/rules/<lang>/places.* cue and stop-word files
  uint32_t max_candidates = 200;  // gazetteer entries ranked per mention; the rest are ignored
};

class Geoparser {
 public:
  // `gazetteer` may be null: every mention is then unresolved.
  static Result<std::unique_ptr<Geoparser>> Create(const GeoOptions& options,
                                                   const Gazetteer* gazetteer);
  virtual ~Geoparser() = default;
  virtual void Run(const Document& doc, std::vector<PlaceMention>* mentions) const = 0;
};

}  // namespace vigie::internal

#endif  // VIGIE_GEO_GEOPARSER_H_
