#include "text/document.h"

namespace vigie::internal {

const char* LangCode(Lang lang) {
  switch (lang) {
    case Lang::kFr:
      return "fr";
    case Lang::kEn:
      return "en";
    case Lang::kUnknown:
      return "";
  }
  return "";
}

const char* NumberQualifierName(NumberQualifier q) {
  switch (q) {
    case NumberQualifier::kExact:
      return "exact";
    case NumberQualifier::kApprox:
      return "approx";
    case NumberQualifier::kAtLeast:
      return "at_least";
    case NumberQualifier::kAtMost:
      return "at_most";
  }
  return "exact";
}

void Document::Clear() {
  original = {};
  text.clear();
  map.Clear();
  lang = Lang::kUnknown;
  tokens.clear();
  sentences.clear();
  numbers.clear();
  clean_counts.fill(0);
  scratch.clear();
  scratch_map.Clear();
}

}  // namespace vigie::internal
