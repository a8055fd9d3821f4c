// The insides of Pipeline and Workspace, shared by the core's translation units.
#ifndef VIGIE_CORE_PIPELINE_IMPL_H_
#define VIGIE_CORE_PIPELINE_IMPL_H_

#include <memory>
#include <vector>

#include "extract/extractor.h"
#include "geo/gazetteer.h"
#include "geo/geoparser.h"
#include "text/document.h"
#include "text/text_analyzer.h"
#include "vigie/pipeline.h"

namespace vigie {

struct Pipeline::Impl {
  PipelineOptions options;
  std::unique_ptr<internal::TextAnalyzer> text;
  std::unique_ptr<internal::Gazetteer> gazetteer;  // null when no index was found
  std::unique_ptr<internal::Geoparser> geoparser;
  std::unique_ptr<internal::Extractor> extractor;
};

struct Workspace::Impl {
  internal::Document doc;
  std::vector<internal::PlaceMention> mentions;
};

// Resolves the data directory: options, then $VIGIE_DATA_DIR, then the source tree's data/.
std::string ResolveDataDir(const std::string& configured);

}  // namespace vigie

#endif  // VIGIE_CORE_PIPELINE_IMPL_H_
