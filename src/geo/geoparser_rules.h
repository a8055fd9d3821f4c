// The word lists the geoparser reads from data/rules/<lang>/places.tsv: place-type cues
// ("la province du", "Kandahar province"), relative-location cues ("au nord de"), prepositions
// that announce a place, person-name context (titles, first names) and names that are common
// words. Format: data/rules/README.md, section "Places".
#ifndef VIGIE_GEO_GEOPARSER_RULES_H_
#define VIGIE_GEO_GEOPARSER_RULES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "vigie/analysis.h"
#include "vigie/status.h"

namespace vigie::internal {

// Lets maps keyed by std::string be probed with a string_view without building a string.
struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using PhraseSet = std::unordered_set<std::string, TransparentHash, std::equal_to<>>;
template <typename V>
using PhraseMap = std::unordered_map<std::string, V, TransparentHash, std::equal_to<>>;

// One language's rules. Every phrase is stored folded (FoldText) with the tokens of a multi-word
// phrase joined by one space, except after an elided article ("l'est"), as the geoparser joins
// token text.
struct PlaceRules {
  PhraseMap<PlaceKind> kind_before;  // "province" in "la province du Badakhshan" -> admin1
  PhraseMap<PlaceKind> kind_after;   // "province" in "Helmand province" -> admin1
  // A site named by a common phrase alone, with no proper name: "le palais présidentiel".
  PhraseMap<PlaceKind> landmarks;
  PhraseSet connectors;            // "de", "du", "of the": between a cue and the name
  PhraseSet connector_last_words;  // "de", "du", "the": a cheap first test before a phrase search
  std::vector<std::string> connector_last_word_list;  // the same, for a linear scan
  PhraseSet list_words;    // ",", "et", "and": a cue carries across a list
  PhraseSet particles;     // "al", "el": a lower-case word that may open a name
  PhraseSet relative;      // "au nord", "près": "au nord de Kaboul" is near, not in, Kaboul
  PhraseSet locative;      // "à", "en", "in": "à Kaboul" announces a place
  PhraseSet titles;        // "général", "president": the next name is a person
  PhraseSet first_names;   // "ismail": "Ismail Khan" is a person, not a place
  PhraseSet surnames;      // "khan" after a name: "Kunduz Khan" would be a person
  PhraseSet common_words;  // "nice": a place only when not opening a sentence
  PhraseSet directions;    // "nord", "eastern": "le Nord afghan" is no unit elsewhere
  PhraseSet never;         // names never taken as places without a place-type cue
  PhraseMap<std::string> translations;  // "nord" -> "north": "Nord-Kivu" is "North Kivu"
  PhraseMap<std::string> preferred;     // "tigre" -> "ET": in French, Tigré is Tigray
  size_t max_phrase_tokens = 1;         // longest phrase, in tokens, over every list
  // First and last tokens of every phrase: one probe rejects most positions before any phrase
  // is joined and looked up (the context lookups were a fifth of geoparsing time).
  PhraseSet first_words;
  PhraseSet last_words;
};

// Parses one places.tsv. `where` names the file in error messages ("data/rules/fr/places.tsv").
Status ParsePlaceRules(std::string_view content, const std::string& where, PlaceRules* rules);
// Reads and parses `path`; a missing file is kNotFound naming the path.
Status LoadPlaceRules(const std::string& path, PlaceRules* rules);

}  // namespace vigie::internal

#endif  // VIGIE_GEO_GEOPARSER_RULES_H_
