// Reading the words around a place name: place-type cues before or after it, relative-location
// cues, prepositions, person context ("le général Dostum", "Ismail Khan") and stop lists.
#ifndef VIGIE_GEO_GEOPARSER_CONTEXT_H_
#define VIGIE_GEO_GEOPARSER_CONTEXT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "geo/geoparser_rules.h"
#include "geo/geoparser_score.h"
#include "text/document.h"

namespace vigie::internal {

inline constexpr uint32_t kNoIndex = UINT32_MAX;

inline bool IsWord(const Token& t) {
  return t.kind == TokenKind::kWord;
}
inline bool IsCapitalized(const Token& t) {
  return (t.flags & (kCapitalized | kAllCaps)) != 0;
}

// "al-Nu'man", "el-Fasher": a lower-case article glued to a capitalized name.
bool HasCapitalInside(std::string_view text);

uint16_t CountryCode(std::string_view iso2);

// A name found in a sentence, before resolution.
struct NameMatch {
  uint32_t first = 0, end = 0;           // tokens
  uint32_t text_start = 0;               // bytes in Document::text: part of a token for
  uint32_t text_end = 0;                 // "Izium-Kupiansk", without the "'s" of "Kabul's"
  std::span<const uint32_t> candidates;  // empty: unresolved
  uint16_t preferred = 0;                // country the rules prefer for this name, 0 when none
  uint32_t cue_after_tokens = 0;         // "province" in "Helmand province", skipped after it
  MentionContext context;
  uint32_t best = kNoIndex;  // pass-1 choice, without the article's context
};

// Folded token text joined as rule phrases are: one space between tokens, none after an elided
// article ("l'" + "est" -> "l'est").
void JoinFolded(const Document& doc, uint32_t first, uint32_t end, std::string* out);

// Reads the context of `m` (whose first/end are set) into m->context and m->preferred. Returns
// true when the name must be rejected: a person ("le général Dostum"), a stop word. The previous
// kept name of the sentence (`prev_end`, its cue `prev_cue`) lets a cue carry across a list:
// "les provinces de Kunduz et de Takhar". `buf` is scratch.
bool ReadContext(const Document& doc, const Sentence& s, const PlaceRules& rules, uint32_t prev_end,
                 PlaceKind prev_cue, NameMatch* m, std::string* buf);

// Whether token i (lower case) follows a place-type cue and its connector: "la province de
// badakhshan".
bool FollowsKindCue(const Document& doc, const Sentence& s, const PlaceRules& rules, uint32_t i,
                    std::string* buf);

}  // namespace vigie::internal

#endif  // VIGIE_GEO_GEOPARSER_CONTEXT_H_
