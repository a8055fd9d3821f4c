// Who a sentence attributes what it reports to, and how sure it is: the status and source of the
// events found in one sentence, from the cue lists of data/rules/<lang>/cues.tsv.
//
//   "Selon les médias locaux, les talibans ont pris dix districts."   -> reported, "local media"
//   "Le porte-parole des talibans a affirmé que la ville était tombée." -> claimed
//   "La ville serait sur le point de tomber."                           -> uncertain (imminent)
//   "Les autorités démentent la chute de la ville."                     -> denied
#ifndef VIGIE_EXTRACT_ATTRIBUTION_H_
#define VIGIE_EXTRACT_ATTRIBUTION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract/rule_set.h"
#include "text/document.h"
#include "vigie/analysis.h"

namespace vigie::internal {

// The matches of one sentence, split by kind (indices into the article's match list).
struct SentenceMatches {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  std::vector<PhraseMatch> triggers;
  std::vector<PhraseMatch> actors;
  std::vector<PhraseMatch> cues;
  std::vector<PhraseMatch> sources;
  std::vector<PhraseMatch> dates;
  void Clear() {
    triggers.clear();
    actors.clear();
    cues.clear();
    sources.clear();
    dates.clear();
  }
};

struct Attribution {
  EventStatus status = EventStatus::kAsserted;
  std::string source;
  std::string why;  // for --explain
  bool has_source = false;
};

// Status and source of an event whose trigger spans [trigger_first, trigger_end) in a clause
// that ends at `clause_end` ("le retrait, qui doit être achevé d'ici au 31 août": planned).
Attribution Attribute(const RuleSet& rules, const Document& doc, const SentenceMatches& sentence,
                      uint32_t trigger_first, uint32_t trigger_end, uint32_t clause_end);

// Whether the sentence denies something ("Les autorités démentent"), and who denies it.
// `at`, when given, receives the token where the denial starts.
bool SentenceDenies(const RuleSet& rules, const SentenceMatches& sentence, std::string* who,
                    uint32_t* at = nullptr);

}  // namespace vigie::internal

#endif  // VIGIE_EXTRACT_ATTRIBUTION_H_
