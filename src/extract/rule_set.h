// The rules of one language, loaded from data/rules/<lang>/ (format: data/rules/README.md), and
// the event ontology from data/ontology.tsv. Immutable once loaded; shared by every thread.
#ifndef VIGIE_EXTRACT_RULE_SET_H_
#define VIGIE_EXTRACT_RULE_SET_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "vigie/status.h"

namespace vigie::internal {

// One event type and its names in other vocabularies (ACLED, PLOVER, CAMEO).
struct OntologyType {
  std::string type;
  std::string acled_event;
  std::string acled_sub_event;
  std::string plover;
  std::string cameo;
};

Result<std::vector<OntologyType>> LoadOntology(const std::string& path);

// Where a rule line came from, for error messages, --explain and the example test.
struct RuleOrigin {
  std::string file;  // "rules/fr/triggers.tsv"
  uint32_t line = 0;
  std::string example;
  std::string Where() const { return file + ":" + std::to_string(line); }
};

struct TriggerRule {
  std::string type;
  std::string pattern;
  bool agent_after =
      false;  // the actor follows: "tombé aux mains des talibans", "fell to the Taliban"
  bool place_before = false;  // the place is the subject: "Kunduz est tombée"
  bool needs_actor = false;   // too common a word to count without an armed actor in the clause
  bool planned = false;       // a statement of intent by nature: "menacer de", "vow to"
  bool country = false;  // without a place in its sentence, the article's country: "le retrait"
  bool abroad = false;   // the place may be a foreign country: "ont fui au Tadjikistan"
  RuleOrigin origin;
};

struct ActorEntry {
  std::string canonical;  // "Taliban"
  bool generic = false;   // "les insurgés": resolved to the actor the article is about
  bool unnamed = false;   // "l'armée", "the troops": acts as itself, but says too little to be the
                          // actor the article is about while a named one appears
  RuleOrigin origin;
};

enum class CueKind : uint8_t {
  kHearsay,      // introduces a source: "selon", "according to"
  kSpeech,       // a speech verb whose subject is the source: "a déclaré", "said"
  kClaim,        // a party claims: "revendiquer", "claimed"
  kDeny,         // "démentir", "deny"
  kNegation,     // "ne ... pas", "not"
  kRumor,        // "rumeurs", "rumoured"
  kConditional,  // French conditional: "serait", "auraient"
  kHedge,        // "reportedly", "apparemment": reported without a named source
  kFuture,       // intent and future: "va", "will", "prévoit"
  kImminent,     // "sur le point de", "about to"
  kAgent,        // introduces a passive agent: "par", "by"
  kLumpNoun,     // nouns of places counted together: "districts", "capitales"
  kDeathWord,    // "morts", "tués", "killed"
  kVagueNumber,  // "une dizaine" = 10, "dozens" = 12 (value column)
  kNotPlace,     // a word never taken as the place of an event
  kEnumeration,  // joins places of a list: "et", "ainsi que" (value 1), "la ville de" (value 0)
  kCancel,       // next to a trigger, there is no event: "sans combat", "without a fight"
  kAnaphor,      // "la ville", "the city": the place the text named last
  kRelative,     // opens a relative clause: "qui", "which"; a claim or hedge after it is its own
  kDeterminer,   // "le", "un", "the": after a speech verb, an object, not a quoted statement
  kCount,
};

struct Cue {
  CueKind kind = CueKind::kHearsay;
  int64_t value = 0;
  RuleOrigin origin;
};

struct SourceEntry {
  std::string canonical;  // "local media"
  bool party = false;     // a party to the conflict: its statements are claims
  RuleOrigin origin;
};

enum class DateWordKind : uint8_t {
  kWeekday,      // value 1 = Monday .. 7 = Sunday
  kMonth,        // value 1..12
  kRelativeDay,  // "hier" = -1, "aujourd'hui" = 0
  kNext,         // "prochain", "next"
  kLast,         // "dernier", "last"
  kRecentHours,  // "dernières 24 heures", "past 24 hours": the day before publication and that day
  kPartOfMonth,  // "début" 1, "mi" 2, "fin" 3 before a month: a third of it
};

struct DateWord {
  DateWordKind kind = DateWordKind::kWeekday;
  int value = 0;
  RuleOrigin origin;
};

struct RuleSet {
  std::string lang;  // "fr", "en"
  Lexicon lexicon;
  std::vector<TriggerRule> triggers;
  std::vector<ActorEntry> actors;
  std::vector<Cue> cues;
  std::vector<SourceEntry> sources;
  std::vector<DateWord> date_words;
};

// Loads data_dir/rules/<lang>/{triggers,actors,cues,sources,dates}.tsv. `types` are the event
// types a trigger may name.
Result<std::unique_ptr<RuleSet>> LoadRuleSet(const std::string& data_dir, const std::string& lang,
                                             const std::vector<OntologyType>& types);

}  // namespace vigie::internal

#endif  // VIGIE_EXTRACT_RULE_SET_H_
