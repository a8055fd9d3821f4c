#include "extract/attribution.h"

#include <algorithm>

#include "extract/quotes.h"

namespace vigie::internal {
namespace {

// A speech verb this close to the end of its sentence attributes everything before it.
constexpr uint32_t kClosingSpeechReach = 25;

const Cue& CueOf(const RuleSet& rules, const PhraseMatch& m) {
  return rules.cues[rules.lexicon.phrases()[m.phrase].row];
}

// The first cue of `kind` whose match overlaps [from, to).
const PhraseMatch* FindCue(const RuleSet& rules, const SentenceMatches& s, CueKind kind,
                           int64_t from, int64_t to) {
  for (const PhraseMatch& m : s.cues) {
    if (CueOf(rules, m).kind != kind) continue;
    if (static_cast<int64_t>(m.end_token) > from && static_cast<int64_t>(m.first_token) < to)
      return &m;
  }
  return nullptr;
}

// Whether a relative clause opens between the trigger's end and the cue: "Les miliciens assiègent
// Tessalit, qui revendiquent aussi la prise de Kidal": the claim is the capture, not the siege.
bool InLaterRelativeClause(const RuleSet& rules, const SentenceMatches& s, int64_t trigger_end,
                           const PhraseMatch& cue) {
  if (static_cast<int64_t>(cue.first_token) < trigger_end) return false;
  return FindCue(rules, s, CueKind::kRelative, trigger_end, cue.first_token) != nullptr;
}

// The first cue of `kind` that bears on a trigger ending at `trigger_end`: not one in a later
// relative clause.
const PhraseMatch* FindCueInScope(const RuleSet& rules, const SentenceMatches& s, CueKind kind,
                                  int64_t trigger_end) {
  for (const PhraseMatch& m : s.cues) {
    if (CueOf(rules, m).kind != kind) continue;
    if (!InLaterRelativeClause(rules, s, trigger_end, m)) return &m;
  }
  return nullptr;
}

// The source phrase that an actor phrase `m` completes, or the actor that completes a source
// phrase `m`: "le porte-parole des talibans" (source, then "des", then actor), "the Taliban
// spokesman" (actor right before the source).
const PhraseMatch* SourceOfActor(const RuleSet& rules, const SentenceMatches& s,
                                 const PhraseMatch& m, bool m_is_actor) {
  const std::vector<PhraseMatch>& others = m_is_actor ? s.sources : s.actors;
  for (const PhraseMatch& o : others) {
    const PhraseMatch& source = m_is_actor ? o : m;
    const PhraseMatch& actor = m_is_actor ? m : o;
    // Only a role speaks for an actor: "spokesman", "ministry", not "residents".
    if (!rules.sources[rules.lexicon.phrases()[source.phrase].row].party) continue;
    const bool role_of = actor.first_token > source.end_token &&
                         actor.first_token <= source.end_token + 1;  // "porte-parole des"
    const bool adjective = actor.end_token == source.first_token;    // "Taliban spokesman"
    if (role_of || adjective) return &o;
  }
  return nullptr;
}

// The source nearest to token `at`: a source phrase ("les médias locaux") or an actor ("les
// talibans"), preferring one after `at` when `after` (the source that follows "selon").
bool NearestSource(const RuleSet& rules, const SentenceMatches& s, uint32_t at, bool after,
                   std::string* name, bool* party) {
  const PhraseMatch* best = nullptr;
  bool best_is_actor = false;
  int64_t best_distance = INT64_MAX;
  auto consider = [&](const PhraseMatch& m, bool is_actor) {
    int64_t distance;
    if (after) {
      if (m.first_token < at) return;
      distance = m.first_token - at;
      if (distance > 8) return;
    } else {
      distance = m.first_token >= at ? m.first_token - at + 1 : at - m.end_token;
      if (distance > 12) return;
    }
    // A source phrase beats an actor at the same distance: "le porte-parole des talibans".
    if (distance < best_distance || (distance == best_distance && !is_actor && best_is_actor)) {
      best = &m;
      best_is_actor = is_actor;
      best_distance = distance;
    }
  };
  for (const PhraseMatch& m : s.sources) consider(m, false);
  for (const PhraseMatch& m : s.actors) consider(m, true);
  if (best == nullptr) return false;
  // "le porte-parole des talibans", "a Taliban spokesman": the role and whom it speaks for.
  if (const PhraseMatch* role = SourceOfActor(rules, s, *best, best_is_actor)) {
    const PhraseMatch& actor = best_is_actor ? *best : *role;
    const PhraseMatch& source = best_is_actor ? *role : *best;
    *name = rules.actors[rules.lexicon.phrases()[actor.phrase].row].canonical + " " +
            rules.sources[rules.lexicon.phrases()[source.phrase].row].canonical;
    *party = true;
    return true;
  }
  const Lexicon::Phrase& phrase = rules.lexicon.phrases()[best->phrase];
  if (best_is_actor) {
    *name = rules.actors[phrase.row].canonical;
    *party = true;  // an armed actor speaking for itself is a party
  } else {
    *name = rules.sources[phrase.row].canonical;
    *party = rules.sources[phrase.row].party;
  }
  return true;
}

// The largest value of the speech rows matching at `verb` (a word can match its own row and its
// lemma's).
int64_t SpeechValue(const RuleSet& rules, const SentenceMatches& s, const PhraseMatch& verb) {
  int64_t value = 0;
  for (const PhraseMatch& p : s.cues) {
    const Cue& cue = CueOf(rules, p);
    if (cue.kind == CueKind::kSpeech && p.first_token == verb.first_token) {
      value = std::max(value, cue.value);
    }
  }
  return value;
}

// Whether the speech verb `verb` takes a noun object rather than a statement: "l'alliance a
// annoncé un cessez-le-feu", "the ministry announced the withdrawal" report an act of the speaker,
// which the dispatch states. A determiner that opens the speaker's name is an inverted subject
// ("a déclaré le porte-parole des talibans"), not an object.
bool TakesAnObject(const RuleSet& rules, const Document& doc, const SentenceMatches& s,
                   const PhraseMatch& verb, int64_t trigger_first) {
  // Right after a comma the verb comes before its subject: "..., précise un communiqué", "...,
  // a annoncé le gouvernement".
  for (uint32_t t = verb.first_token; t > s.first_token && t + 2 >= verb.first_token; --t) {
    std::string_view before = doc.TokenText(doc.tokens[t - 1]);
    if (before == "," || before == "»" || before == "”" || before == "\"") return false;
  }
  // A verb that speaks only in that position ("a lancé le gouverneur") acts anywhere else; one
  // that never takes an object ("said the army had...") always speaks.
  const int64_t value = SpeechValue(rules, s, verb);
  if (value == 2) return true;
  if (value != 3) return false;
  uint32_t at = verb.end_token;
  const PhraseMatch* det = nullptr;
  for (int step = 0; step < 2; ++step) {
    det = FindCue(rules, s, CueKind::kDeterminer, at, at + 1);
    if (det == nullptr || det->first_token != at) det = nullptr;
    // A date is not an object: "a annoncé ce samedi avoir repris Gao", "said on Sunday".
    uint32_t date_from = det != nullptr ? det->end_token : at;
    auto date = std::find_if(s.dates.begin(), s.dates.end(),
                             [&](const PhraseMatch& d) { return d.first_token == date_from; });
    if (date == s.dates.end()) break;
    at = date->end_token;
    det = nullptr;
  }
  if (det == nullptr) return false;
  // The object is the event itself: "l'armée a annoncé son entrée dans Kherson" is a claim.
  if (trigger_first >= det->first_token && trigger_first <= det->end_token + 1) return false;
  auto names_speaker = [&](const std::vector<PhraseMatch>& phrases) {
    return std::any_of(phrases.begin(), phrases.end(), [&](const PhraseMatch& p) {
      return p.first_token >= det->first_token && p.first_token <= det->end_token + 2;
    });
  };
  return !names_speaker(s.sources) && !names_speaker(s.actors);
}

// Whether a quotation closes shortly before the speech verb: "« Nous tenons Kidal », a écrit le
// porte-parole, marquant une étape depuis que les rebelles ont repris Tessalit". The verb speaks
// for the quotation, not for what follows it.
bool ClosesAQuotation(const RuleSet& rules, const Document& doc, const SentenceMatches& s,
                      const PhraseMatch& verb) {
  constexpr uint32_t kSpeakerReach = 8;  // "”, the rebels' spokesman Ahmed Ag Bilal said"
  uint32_t from = verb.first_token > s.first_token + kSpeakerReach
                      ? verb.first_token - kSpeakerReach
                      : s.first_token;
  for (uint32_t t = verb.first_token; t-- > from;) {
    if (QuoteMark(doc, doc.tokens[t]) != Mark::kClose) continue;
    // The first verb after the quotation speaks for it; a second one ("», précise le ministère,
    // ajoutant que...") speaks for what follows.
    return FindCue(rules, s, CueKind::kSpeech, t + 1, verb.first_token) == nullptr;
  }
  return false;
}

// The speech verb that attributes an event whose trigger starts at `first`: one before it ("le
// gouverneur a déclaré que les rebelles avaient pris Gao") or one closing the sentence ("...,
// a déclaré le gouverneur"), not one in a later clause ("Après s'être emparés de Gao, les
// rebelles ont annoncé une trêve").
const PhraseMatch* SpeechFor(const RuleSet& rules, const Document& doc, const SentenceMatches& s,
                             int64_t first) {
  for (const PhraseMatch& m : s.cues) {
    const Cue& cue = CueOf(rules, m);
    if (cue.kind != CueKind::kSpeech) continue;
    if (TakesAnObject(rules, doc, s, m, first)) continue;
    if (m.first_token < first && ClosesAQuotation(rules, doc, s, m)) continue;
    // A participle speaks only of what follows it: "ils ont quitté Gao, affirmant avoir été
    // trahis" asserts the departure (value 1 in cues.tsv). The word can also match its lemma's
    // row ("saying" as "say"): the participle row decides.
    if (m.first_token >= first && SpeechValue(rules, s, m) == 1) continue;
    if (m.first_token < first || m.first_token + kClosingSpeechReach >= s.end_token) return &m;
  }
  return nullptr;
}

}  // namespace

bool SentenceDenies(const RuleSet& rules, const SentenceMatches& sentence, std::string* who,
                    uint32_t* at) {
  const PhraseMatch* deny = FindCue(rules, sentence, CueKind::kDeny, 0, INT64_MAX);
  if (deny == nullptr) return false;
  if (at != nullptr) *at = deny->first_token;
  bool party = false;
  if (!NearestSource(rules, sentence, deny->first_token, false, who, &party)) who->clear();
  return true;
}

Attribution Attribute(const RuleSet& rules, const Document& doc, const SentenceMatches& s,
                      uint32_t trigger_first, uint32_t trigger_end, uint32_t clause_end) {
  Attribution a;
  const int64_t first = trigger_first, end = trigger_end;
  // Negation next to the trigger: "n'ont pas pris", "did not capture".
  if (FindCue(rules, s, CueKind::kNegation, first - 4, end + 1) != nullptr) {
    a.status = EventStatus::kNegated;
    a.why = "negation next to the trigger";
    return a;
  }
  std::string who;
  if (SentenceDenies(rules, s, &who)) {
    // What the denier says in its stead is its own claim, not a denied event: "The government
    // denied the claim, saying its forces were fighting for Dessie".
    const PhraseMatch* deny = FindCue(rules, s, CueKind::kDeny, 0, INT64_MAX);
    const PhraseMatch* speech = FindCue(rules, s, CueKind::kSpeech, deny->end_token, first);
    if (speech != nullptr && speech->end_token <= trigger_first) {
      a.status = EventStatus::kClaimed;
      a.source = who;
      a.has_source = !who.empty();
      a.why = "what the denier says instead";
      return a;
    }
    a.status = EventStatus::kDenied;
    a.source = who;
    a.has_source = !who.empty();
    a.why = "denial in the sentence";
    return a;
  }
  // Intent and future right before the trigger or on it: "va se retirer", "défendrons".
  if (FindCue(rules, s, CueKind::kFuture, first - 5, end) != nullptr ||
      FindCue(rules, s, CueKind::kFuture, end, clause_end) != nullptr) {
    a.status = EventStatus::kPlanned;
    a.why = "future or intent before the trigger";
  }
  // "sur le point de tomber" before, "La chute de Gao est imminente" after.
  const bool imminent = FindCue(rules, s, CueKind::kImminent, first - 6, clause_end) != nullptr;
  const bool rumor = FindCue(rules, s, CueKind::kRumor, 0, INT64_MAX) != nullptr;
  const bool conditional = FindCue(rules, s, CueKind::kConditional, 0, INT64_MAX) != nullptr;

  // A named source: "selon X", "X a déclaré", "X claimed".
  bool party = false;
  if (const PhraseMatch* m = FindCue(rules, s, CueKind::kHearsay, 0, INT64_MAX)) {
    a.has_source = NearestSource(rules, s, m->end_token, true, &a.source, &party);
    if (!a.has_source) party = false;
    a.why = "hearsay cue";
  } else if (const PhraseMatch* c = FindCueInScope(rules, s, CueKind::kClaim, end)) {
    a.has_source = NearestSource(rules, s, c->first_token, false, &a.source, &party);
    party = true;
    a.why = "claim cue";
  } else if (const PhraseMatch* v = SpeechFor(rules, doc, s, first)) {
    a.has_source = NearestSource(rules, s, v->first_token, false, &a.source, &party);
    // A speaker the rules do not know is most often an official: gold calls that a claim.
    if (!a.has_source) party = true;
    a.why = "speech verb";
  } else {
    a.why.clear();
  }
  const bool attributed = !a.why.empty();
  if (a.status == EventStatus::kPlanned) return a;
  if (rumor) {
    a.status = EventStatus::kRumored;
    a.why = imminent ? "rumour of an imminent event" : "rumour cue";
    return a;
  }
  if (imminent && !attributed) {
    a.status = EventStatus::kUncertain;
    a.why = "imminent";
    return a;
  }
  if (attributed) {
    a.status = party ? EventStatus::kClaimed : EventStatus::kReported;
    return a;
  }
  if (conditional) {
    a.status = EventStatus::kUncertain;
    a.why = "conditional without a source";
    return a;
  }
  if (FindCueInScope(rules, s, CueKind::kHedge, end) != nullptr) {
    a.status = EventStatus::kReported;
    a.why = "hedge without a named source";
    return a;
  }
  a.why = "stated in the dispatch's own voice";
  return a;
}

}  // namespace vigie::internal
