// Events of one article: per sentence, each trigger gives an event type; the actor is the nearest
// armed actor left of it in the clause (or the agent after it: "aux mains des talibans"), the
// places are the place mentions of its clause (one event per place of an enumeration), status and
// source come from the sentence's cues, the date from its date words and the publication date.
#ifndef VIGIE_EXTRACT_EVENT_BUILDER_H_
#define VIGIE_EXTRACT_EVENT_BUILDER_H_

#include <string_view>
#include <vector>

#include "extract/attribution.h"
#include "extract/lexicon.h"
#include "extract/rule_set.h"
#include "geo/geoparser.h"
#include "text/document.h"
#include "vigie/analysis.h"

namespace vigie::internal {

// Buffers reused article after article by one thread.
struct ArticleScratch {
  Lexicon::Scratch lexicon;
  std::vector<PhraseMatch> matches;
  SentenceMatches sentence;
  std::vector<uint8_t> in_quote;  // per token: 1 inside a quotation « ... » or " ... "
};

// `latest_year` bounds the year a weekday names when neither the publication nor the text gives
// one ("jeudi 12 août"): a fixed value, so that an article's analysis never depends on the clock.
void ExtractEvents(const RuleSet& rules, const Document& doc,
                   const std::vector<PlaceMention>& places, std::string_view published,
                   int latest_year, bool explain, ArticleScratch* scratch,
                   std::vector<Event>* events);

}  // namespace vigie::internal

#endif  // VIGIE_EXTRACT_EVENT_BUILDER_H_
