// Folding for lookups of names and rule words: the one definition shared by tokens, the gazetteer
// and the rule loaders, so a name folded at build time matches a token folded at run time.
//
//   "Hérat" -> "herat"   "L’Otan" -> "l'otan"   "Mazar-e  Charif" -> "mazar e charif"
//   "ÉTAT ISLAMIQUE" -> "etat islamique"   "Œuvre" -> "oeuvre"   "Straße" -> "strasse"
#ifndef VIGIE_BASE_FOLD_H_
#define VIGIE_BASE_FOLD_H_

#include <string>
#include <string_view>

namespace vigie::internal {

// Appends the folded form of UTF-8 `text` to `out`: canonical decomposition with combining marks
// dropped, full case folding, ligatures expanded, every apostrophe-like character (’ ‘ ` ´ ʼ) as
// "'", every run of spaces, hyphens, dashes or underscores as one space, trimmed. Invalid UTF-8
// bytes are copied through. Allocates nothing when `out` has the capacity.
void FoldAppend(std::string_view text, std::string* out);
std::string FoldText(std::string_view text);

}  // namespace vigie::internal

#endif  // VIGIE_BASE_FOLD_H_
