// Turns a Document and its place mentions into events with status, date, source, counts, and
// quotes with their speakers. Rules come from data/rules/<lang>/ (format: data/rules/README.md).
#ifndef VIGIE_EXTRACT_EXTRACTOR_H_
#define VIGIE_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geoparser.h"
#include "text/document.h"
#include "vigie/analysis.h"
#include "vigie/status.h"

namespace vigie::internal {

struct ExtractOptions {
  std::string data_dir;
  // The latest year a dispatch can speak of, for a weekday and day written without a year in an
  // article with no publication date ("jeudi 12 août" -> the latest such Thursday up to this
  // year). 0: the current year when the Extractor is created.
  int latest_year = 0;
};

struct ExtractInput {
  const Document* doc = nullptr;
  const std::vector<PlaceMention>* places = nullptr;
  std::string_view published;  // "2021-08-10", "2021-08" or empty
  bool explain = false;
};

class Extractor {
 public:
  static Result<std::unique_ptr<Extractor>> Create(const ExtractOptions& options);
  virtual ~Extractor() = default;
  virtual void Run(const ExtractInput& input, std::vector<Event>* events,
                   std::vector<Quote>* quotes) const = 0;
};

}  // namespace vigie::internal

#endif  // VIGIE_EXTRACT_EXTRACTOR_H_
