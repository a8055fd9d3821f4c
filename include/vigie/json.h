// JSON output of analyses, in the field names of ANALYSIS_FORMAT.md.
#ifndef VIGIE_JSON_H_
#define VIGIE_JSON_H_

#include <string>

#include "vigie/analysis.h"

namespace vigie {

struct JsonOptions {
  bool explain = false;  // add each event's rule and explanation
  bool pretty = false;   // indented, for people; JSON Lines otherwise
};

// One analysis as one line of JSON (no trailing newline).
std::string ToJson(const Analysis& analysis, const JsonOptions& options = {});

}  // namespace vigie

#endif  // VIGIE_JSON_H_
