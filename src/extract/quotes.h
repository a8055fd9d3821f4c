// Direct quotations in « », “ ” or " " with their speaker, found before the quote ("Le ministre
// X a déclaré : « ... »"), after it ("« ... », a déclaré X", "\"...\", X said") or through a
// pronoun ("a-t-il ajouté") to the last named speaker. Photo credits in capitals ("REUTERS/X")
// are never speakers.
#ifndef VIGIE_EXTRACT_QUOTES_H_
#define VIGIE_EXTRACT_QUOTES_H_

#include <vector>

#include "extract/lexicon.h"
#include "extract/rule_set.h"
#include "geo/geoparser.h"
#include "text/document.h"
#include "vigie/analysis.h"

namespace vigie::internal {

void ExtractQuotes(const RuleSet& rules, const Document& doc,
                   const std::vector<PhraseMatch>& matches, const std::vector<PlaceMention>& places,
                   std::vector<Quote>* quotes);

}  // namespace vigie::internal

#endif  // VIGIE_EXTRACT_QUOTES_H_
