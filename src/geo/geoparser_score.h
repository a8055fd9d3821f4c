// How the geoparser ranks the gazetteer entries that share a name, and when it takes a name
// for a place at all. Every weight is here, with the sentence it exists for.
#ifndef VIGIE_GEO_GEOPARSER_SCORE_H_
#define VIGIE_GEO_GEOPARSER_SCORE_H_

#include <cmath>
#include <cstdint>

#include "geo/gazetteer.h"
#include "vigie/analysis.h"

namespace vigie::internal {

// What the words around a mention say about it.
struct MentionContext {
  PlaceKind cue_kind = PlaceKind::kUnknown;  // "le district de Panjwai" -> kAdmin2
  bool relative = false;                     // "au nord de Kaboul"
  bool locative = false;                     // "à Kaboul", "in Kherson"
  bool beside_capitalized = false;           // "Kandahar Airport": next to a capitalized word
  bool after_capitalized = false;            // "Tahrir Al-Sham", "Ashraf Ghani": right after one
  bool lower_case = false;                   // "la province de badakhshan"
  bool part_of_token = false;                // "Kupiansk" in "Izium-Kupiansk"
  bool cue_before = false;                   // the cue or relative word precedes the name
  bool cue_inherited = false;                // "Kunduz et de Takhar": the list's cue
  bool cue_after = false;                    // "Sayyad district": the cue follows the name
  bool direction = false;                    // "Nord": a region only in the article's country
  bool sentence_start = false;               // "Nice" opening a sentence may be the adjective
  bool preferred_country = false;            // the entry is in the rule file's preferred country
  bool multi_token = false;                  // "Mocimboa da Praia": rarely a chance match
};

// What the rest of the article says: the focus country (most mentioned, from the mentions that
// are sure without context) and whether the entry's country or admin1 is mentioned elsewhere.
struct ArticleContext {
  bool focus_country = false;
  bool mentioned_country = false;
  bool mentioned_admin1 = false;
};

namespace weights {
// Kind priors. A country name is rarely anything else ("Mali" the country, not the villages).
inline constexpr double kCountry = 6.0;
// "Kandahar" alone is the city (390k people, 0.6 * 5.6 = 3.4) rather than the province (3.0);
// "la province de Kandahar" flips it with the cue bonus.
inline constexpr double kAdmin1 = 3.0;
inline constexpr double kAdmin2 = 1.5;
inline constexpr double kCityPerLog10Population = 0.6;
// A national capital: "ISLAMABAD" is Pakistan's capital (1.0M) before the larger Chattogram
// that lists it as a former name (2.5M, 0.6 * 6.4 = 3.8 against 3.6 + 1.0).
inline constexpr double kCapital = 1.0;
// Curated sites are named on purpose: "Bagram" the air base beats the village of 0 people.
inline constexpr double kSite = 2.0;
// "la province du Badakhshan": the cue names the kind.
inline constexpr double kCueKindMatch = 5.0;
inline constexpr double kCueKindMismatch = -1.0;
// "Les combats à Kunduz..." in an article about Afghanistan: Kunduz in AF, not elsewhere.
inline constexpr double kFocusCountry = 3.0;
inline constexpr double kMentionedCountry = 1.5;
// "Taloqan, capitale de la province de Takhar": the Taloqan in Takhar.
inline constexpr double kMentionedAdmin1 = 2.0;
// "Tigré" in French is Tigray unless the article says Brazil (rule file: prefer tigre ET).
inline constexpr double kPreferred = 2.5;
// A country named outright counts double in the vote for the article's focus country.
inline constexpr double kCountryVote = 1.0;
// Entries scoring within this margin of the best are its rivals: a name whose rivals disagree on
// the country does not vote for the article's focus.
inline constexpr double kRivalMargin = 1.0;
// A city this large is named without its country: "Karachi", "Istanbul".
inline constexpr uint64_t kWorldCityPopulation = 1000000;
// Weak names the cue or their length makes sure vote once per entry and at this weight, so
// "Solhan" named ten times does not make Turkey the focus of a dispatch on Burkina Faso.
inline constexpr double kWeakVote = 0.5;
// A populated place this large is a place even without any context ("Kherson", "Goma").
inline constexpr uint64_t kStrongPopulation = 100000;
}  // namespace weights

inline double KindPrior(const GazEntry& e) {
  switch (e.kind) {
    case PlaceKind::kCountry:
      return weights::kCountry;
    case PlaceKind::kAdmin1:
      return weights::kAdmin1;
    case PlaceKind::kAdmin2:
      return weights::kAdmin2;
    case PlaceKind::kSite:
      return weights::kSite;
    case PlaceKind::kCity:
      return weights::kCityPerLog10Population * std::log10(static_cast<double>(e.population) + 1) +
             (e.feature == "PPLC" ? weights::kCapital : 0.0);
    case PlaceKind::kUnknown:
      return 0;
  }
  return 0;
}

inline double ScoreEntry(const GazEntry& e, const MentionContext& m, const ArticleContext& a) {
  double score = KindPrior(e);
  if (m.cue_kind != PlaceKind::kUnknown) {
    // A "ville" cue also fits a populated place that is a district seat stored as admin2.
    score += m.cue_kind == e.kind ? weights::kCueKindMatch : weights::kCueKindMismatch;
  }
  if (m.preferred_country) score += weights::kPreferred;
  if (a.focus_country) score += weights::kFocusCountry;
  if (a.mentioned_country) score += weights::kMentionedCountry;
  if (a.mentioned_admin1) score += weights::kMentionedAdmin1;
  return score;
}

// Sure without the article's context: a country, an admin1 unit, a large city.
inline bool IsStrong(const GazEntry& e) {
  return e.kind == PlaceKind::kCountry || e.kind == PlaceKind::kAdmin1 ||
         e.population >= weights::kStrongPopulation;
}

// A seat of government (PPLA, PPLA2... PPLC): a town that news names on its own ("Niono").
inline bool IsSeat(const GazEntry& e) {
  return e.feature.starts_with("PPLA") || e.feature == "PPLC";
}

// Whether a name with best entry `e` is a place mention at all. Gazetteers hold villages named
// like people and words ("Ghani", "Nice"), so a weak name needs the article's support.
inline bool AcceptAsPlace(const GazEntry& e, const MentionContext& m, const ArticleContext& a,
                          bool preferred) {
  const bool in_article_country = a.focus_country || a.mentioned_country;
  // "la région du nord", "Nord" in "Nord-Kivu", "le Nord afghan": only a place of the country
  // the article is about.
  if (m.lower_case || m.part_of_token || m.direction) return in_article_country;
  if (m.cue_kind != PlaceKind::kUnknown || m.relative || preferred) return true;
  // "Hayat Tahrir Al-Sham": after a capitalized word, only a country or a province holds up.
  if (m.after_capitalized) return e.kind == PlaceKind::kCountry || e.kind == PlaceKind::kAdmin1;
  if (IsStrong(e)) return true;
  // "Kandahar Airport" is fine, "Ghani Ashraf" a small village beside a name is not.
  if (m.beside_capitalized) return false;
  // "Insurgents attacked Mocimboa da Praia": a several-word name is rarely a chance match.
  if (m.multi_token) return true;
  // "Les talibans...": a sentence's first word is capitalized anyway.
  if (m.sentence_start) return in_article_country;
  // "Les talibans ont pris Khan Abad": a small place in a country the article is about.
  return in_article_country || IsSeat(e) || m.locative;
}

// Whether the words around the name say it is a place, whatever the gazetteer finds.
inline bool PlaceByContext(const MentionContext& m) {
  if (m.direction) return false;
  return m.cue_kind != PlaceKind::kUnknown || m.relative || m.multi_token ||
         (m.locative && !m.sentence_start);
}

// An entry in a country the article never names, while the article is about another one:
// "Solhan" in a dispatch on Burkina Faso finds only a Turkish town. Only countries, capitals and
// world cities ("Washington", "Doha") are named that way; the others are kept as unresolved
// text placed in the article's focus country, or dropped when nothing says they are places.
inline bool OutOfFocus(const GazEntry& e, const ArticleContext& a, bool has_focus, bool preferred) {
  if (!has_focus || preferred || a.focus_country || a.mentioned_country ||
      e.kind == PlaceKind::kCountry) {
    return false;
  }
  if (e.kind == PlaceKind::kCity || e.kind == PlaceKind::kSite) {
    return !(e.feature == "PPLC" || e.population >= weights::kWorldCityPopulation);
  }
  return true;
}

}  // namespace vigie::internal

#endif  // VIGIE_GEO_GEOPARSER_SCORE_H_
