// Direct quotations in « », “ ” or " " (a “ may close with ") with their speaker, found after
// the quote ("« ... », a déclaré à l'AFP X, porte-parole"; "\"...,\" Wallace said"), before it
// ("Le ministre X a déclaré : « ... »", "Selon X, « ... »") or, for "a-t-il ajouté" / "he said",
// in the person last named beside a speech cue. A surname alone takes the full name the article
// gave earlier; a role ("le président") takes the person named right after the same role word
// earlier; an unnamed speaker keeps its description ("un habitant de la ville"). Listeners
// ("told Reuters", "à la chaîne X") and photo credits ("REUTERS/X", "Jane Doe/AFP") are never
// speakers.
#ifndef VIGIE_EXTRACT_QUOTES_H_
#define VIGIE_EXTRACT_QUOTES_H_

#include <vector>

#include "extract/lexicon.h"
#include "extract/rule_set.h"
#include "geo/geoparser.h"
#include "text/document.h"
#include "vigie/analysis.h"

namespace vigie::internal {

// What a token is as a quotation mark: « “ ‘ open, » ” ’ close (a ’ inside a word is part of
// that word's token, never a mark of its own), " opens or closes.
enum class Mark { kNone, kOpen, kClose, kStraight };
Mark QuoteMark(const Document& doc, const Token& t);

void ExtractQuotes(const RuleSet& rules, const Document& doc,
                   const std::vector<PhraseMatch>& matches, const std::vector<PlaceMention>& places,
                   std::vector<Quote>* quotes);

}  // namespace vigie::internal

#endif  // VIGIE_EXTRACT_QUOTES_H_
