#include "geo/geoparser_context.h"

#include <algorithm>

namespace vigie::internal {
namespace {

// Length in tokens of the longest phrase of `set` ending just before token `end` (0: none).
template <typename Set>
uint32_t PhraseEndingAt(const Document& doc, uint32_t sentence_first, uint32_t end, const Set& set,
                        const PlaceRules& rules, std::string* buf,
                        typename Set::const_iterator* found = nullptr) {
  if (set.empty() || end <= sentence_first) return 0;
  if (!rules.last_words.contains(doc.tokens[end - 1].folded)) return 0;
  uint32_t max_len =
      static_cast<uint32_t>(std::min<size_t>(rules.max_phrase_tokens, end - sentence_first));
  for (uint32_t len = max_len; len >= 1; --len) {
    JoinFolded(doc, end - len, end, buf);
    auto it = set.find(std::string_view(*buf));
    if (it != set.end()) {
      if (found) *found = it;
      return len;
    }
  }
  return 0;
}

// Length in tokens of the longest phrase of `set` starting at token `start` (0: none).
template <typename Set>
uint32_t PhraseStartingAt(const Document& doc, uint32_t sentence_end, uint32_t start,
                          const Set& set, const PlaceRules& rules, std::string* buf,
                          typename Set::const_iterator* found = nullptr) {
  if (set.empty() || start >= sentence_end) return 0;
  if (!rules.first_words.contains(doc.tokens[start].folded)) return 0;
  uint32_t max_len =
      static_cast<uint32_t>(std::min<size_t>(rules.max_phrase_tokens, sentence_end - start));
  for (uint32_t len = max_len; len >= 1; --len) {
    JoinFolded(doc, start, start + len, buf);
    auto it = set.find(std::string_view(*buf));
    if (it != set.end()) {
      if (found) *found = it;
      return len;
    }
  }
  return 0;
}

bool IsLowerWord(const Token& t) {
  return IsWord(t) && !IsCapitalized(t);
}

// The place-type cue ending at token `end`, allowing one adjective between the cue and its
// connector: "le village reculé de Solhan", "the strategic town of Lyman".
bool KindCueEndingAt(const Document& doc, const Sentence& s, const PlaceRules& rules, uint32_t end,
                     bool after_connector, std::string* buf, PlaceKind* kind) {
  PhraseMap<PlaceKind>::const_iterator it;
  if (PhraseEndingAt(doc, s.first_token, end, rules.kind_before, rules, buf, &it) > 0) {
    *kind = it->second;
    return true;
  }
  if (after_connector && end > s.first_token + 1 && IsLowerWord(doc.tokens[end - 1]) &&
      PhraseEndingAt(doc, s.first_token, end - 1, rules.kind_before, rules, buf, &it) > 0) {
    *kind = it->second;
    return true;
  }
  return false;
}

// Whether tokens [from, to) only join list items: "Kunduz et de Takhar", "Sévaré, Bapho".
bool OnlyListWords(const Document& doc, const PlaceRules& rules, uint32_t from, uint32_t to,
                   std::string* buf) {
  for (uint32_t t = from; t < to; ++t) {
    JoinFolded(doc, t, t + 1, buf);
    std::string_view w(*buf);
    if (!rules.list_words.contains(w) && !rules.connectors.contains(w)) return false;
  }
  return true;
}

}  // namespace

bool HasCapitalInside(std::string_view text) {
  for (size_t i = 1; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z' && (text[i - 1] == '-' || text[i - 1] == ' ')) return true;
  }
  return false;
}

uint16_t CountryCode(std::string_view iso2) {
  if (iso2.size() != 2) return 0;
  return static_cast<uint16_t>((static_cast<uint8_t>(iso2[0]) << 8) |
                               static_cast<uint8_t>(iso2[1]));
}

void JoinFolded(const Document& doc, uint32_t first, uint32_t end, std::string* out) {
  out->clear();
  for (uint32_t k = first; k < end; ++k) {
    if (k > first && !(doc.tokens[k - 1].flags & kElision)) out->push_back(' ');
    out->append(doc.tokens[k].folded);
  }
}

bool FollowsKindCue(const Document& doc, const Sentence& s, const PlaceRules& rules, uint32_t i,
                    std::string* buf) {
  // Connectors are short words ("de", "du", "of", "the"): skip the probe for the others.
  if (i == s.first_token || doc.tokens[i - 1].folded.size() > 3) return false;
  // A handful of short words: comparing beats hashing on every lower-case token.
  std::string_view prev = doc.tokens[i - 1].folded;
  if (std::find(rules.connector_last_word_list.begin(), rules.connector_last_word_list.end(),
                prev) == rules.connector_last_word_list.end()) {
    return false;
  }
  uint32_t n = PhraseEndingAt(doc, s.first_token, i, rules.connectors, rules, buf);
  PlaceKind kind;
  return n > 0 && KindCueEndingAt(doc, s, rules, i - n, true, buf, &kind);
}

bool ReadContext(const Document& doc, const Sentence& s, const PlaceRules& rules, uint32_t prev_end,
                 PlaceKind prev_cue, NameMatch* m, std::string* buf) {
  MentionContext& ctx = m->context;
  const uint32_t i = m->first;
  const Token& first = doc.tokens[i];
  ctx.sentence_start = (first.flags & kSentenceStart) != 0 || i == s.first_token;
  ctx.multi_token = m->end - m->first > 1;

  // Before the name: [cue] [connector] NAME: "la province du Badakhshan", "au nord de Kaboul".
  bool cue_before = false;
  const uint32_t n = PhraseEndingAt(doc, s.first_token, i, rules.connectors, rules, buf);
  const uint32_t k = i - n;
  PlaceKind kind = PlaceKind::kUnknown;
  if (KindCueEndingAt(doc, s, rules, k, n > 0, buf, &kind)) {
    ctx.cue_kind = kind;
    cue_before = true;
  } else if (PhraseEndingAt(doc, s.first_token, k, rules.relative, rules, buf) > 0) {
    ctx.relative = true;
    cue_before = true;
  } else if (prev_cue != PlaceKind::kUnknown && prev_end != kNoIndex && prev_end < i &&
             i - prev_end <= 3 && OnlyListWords(doc, rules, prev_end, i, buf)) {
    // "les provinces de Kunduz et de Takhar": Takhar inherits the cue of the list, but a name
    // the gazetteer lacks does not become a place by it ("la province d'Hérat, Abdul Saboor
    // Qani").
    ctx.cue_kind = prev_cue;
    ctx.cue_inherited = true;
  }
  if (n == 0 && PhraseEndingAt(doc, s.first_token, i, rules.locative, rules, buf) > 0) {
    ctx.locative = true;
  }
  // After the name: "Helmand province", "Kherson oblast".
  PhraseMap<PlaceKind>::const_iterator after_it;
  const uint32_t after_len =
      PhraseStartingAt(doc, s.end_token, m->end, rules.kind_after, rules, buf, &after_it);
  // "the Afghan province of Panjshir": a cue followed by its connector names the next word.
  const bool after_cue_names_next =
      after_len > 0 &&
      PhraseStartingAt(doc, s.end_token, m->end + after_len, rules.connectors, rules, buf) > 0;
  if (after_len > 0 && !after_cue_names_next && ctx.cue_kind == PlaceKind::kUnknown) {
    ctx.cue_kind = after_it->second;
    ctx.cue_after = true;
  }
  m->cue_after_tokens = after_cue_names_next ? 0 : after_len;
  // "Lyman, Russian forces retreat": a list item is followed by another item or the end, unless
  // a conjunction made it the last one ("les villes de Tessit et Zorglub près du fleuve").
  const bool after_conjunction = i > s.first_token && IsWord(doc.tokens[i - 1]) &&
                                 rules.list_words.contains(doc.tokens[i - 1].folded) &&
                                 !rules.connectors.contains(doc.tokens[i - 1].folded);
  if (ctx.cue_inherited && !after_conjunction && m->candidates.empty() && m->end < s.end_token &&
      IsLowerWord(doc.tokens[m->end]) && !OnlyListWords(doc, rules, m->end, m->end + 1, buf)) {
    ctx.cue_inherited = false;
    ctx.cue_kind = PlaceKind::kUnknown;
  }
  // "the US State Department": a cue word written capitalized inside a name is no cue.
  ctx.cue_before = cue_before && !(i > s.first_token + n && IsCapitalized(doc.tokens[i - n - 1]) &&
                                   !(doc.tokens[i - n - 1].flags & kSentenceStart));
  const bool has_cue = ctx.cue_kind != PlaceKind::kUnknown;

  // Person context: "le général Dostum", "Ashraf Ghani", "Ismail Khan", "Kunduz Khan".
  const Token* prev = i > s.first_token ? &doc.tokens[i - 1] : nullptr;
  if (PhraseEndingAt(doc, s.first_token, i, rules.titles, rules, buf) > 0) return true;
  if (prev != nullptr && IsCapitalized(*prev) &&
      PhraseEndingAt(doc, s.first_token, i, rules.first_names, rules, buf) > 0) {
    return true;
  }
  const bool next_capitalized = m->end < s.end_token && IsWord(doc.tokens[m->end]) &&
                                IsCapitalized(doc.tokens[m->end]) && after_len == 0;
  JoinFolded(doc, m->first, m->end, buf);
  if (next_capitalized && rules.first_names.contains(std::string_view(*buf))) return true;
  // "le gouverneur, Abdul Saboor Qani": a run of capitalized words opening on a first name.
  if (m->candidates.empty() && m->end - m->first > 1 && rules.first_names.contains(first.folded)) {
    return true;
  }
  if (next_capitalized && PhraseStartingAt(doc, s.end_token, m->end, rules.surnames, rules, buf)) {
    return true;
  }

  // Stop lists, on the name as folded: "Taliban", "Selon les habitants...".
  JoinFolded(doc, m->first, m->end, buf);
  ctx.direction = rules.directions.contains(std::string_view(*buf));
  // A name the gazetteer lacks has only its cue for it: "la province de l'Etat islamique".
  if (m->candidates.empty() && rules.never.contains(std::string_view(*buf))) return true;
  if (!has_cue && rules.never.contains(std::string_view(*buf))) return true;
  if (!has_cue && ctx.sentence_start && rules.common_words.contains(std::string_view(*buf))) {
    return true;
  }
  // "SANA", "TASS": a short all-capitals word is an acronym, not a place, unless a cue says so.
  if (!has_cue && m->end - m->first == 1 && (first.flags & kAllCaps) &&
      first.end - first.start <= 4) {
    return true;
  }
  if (auto it = rules.preferred.find(std::string_view(*buf)); it != rules.preferred.end()) {
    m->preferred = CountryCode(it->second);
  }

  // "Hayat Tahrir Al-Sham", "Kandahar Airport": a capitalized neighbour that is neither a cue
  // nor a place. A sentence's first word is capitalized by position: "Au Brésil", "In Kandahar".
  ctx.after_capitalized = prev != nullptr && !ctx.sentence_start && IsWord(*prev) &&
                          IsCapitalized(*prev) && !(prev->flags & kElision) &&
                          !(prev->flags & kSentenceStart) && !cue_before;
  ctx.beside_capitalized = ctx.after_capitalized || next_capitalized;
  return false;
}

}  // namespace vigie::internal
