// Geoparsing in two passes over a Document:
//  1. find names: longest match of folded token text against the gazetteer, from a capitalized
//     token (or any token right after a place-type cue: "la province de badakhshan"), and read
//     the words around each name (cues, person context);
//  2. resolve: the focus country and the admin1 units the sure mentions point to, then rank
//     every name's entries with ScoreEntry (geoparser_score.h) and keep or reject the name.
#include "geo/geoparser.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geoparser_rules.h"
#include "geo/geoparser_score.h"

namespace vigie::internal {
namespace {

constexpr uint32_t kMaxNameTokens = 8;        // "Dera Ismail Khan", "Mocimboa da Praia"
constexpr uint32_t kMaxUnresolvedTokens = 4;  // "le district de Khwaja Ghar" without an entry
constexpr uint32_t kNone = UINT32_MAX;

uint16_t CountryCode(std::string_view iso2) {
  if (iso2.size() != 2) return 0;
  return static_cast<uint16_t>((static_cast<uint8_t>(iso2[0]) << 8) |
                               static_cast<uint8_t>(iso2[1]));
}

bool IsWord(const Token& t) {
  return t.kind == TokenKind::kWord;
}
bool IsCapitalized(const Token& t) {
  return (t.flags & (kCapitalized | kAllCaps)) != 0;
}

// "al-Nu'man", "el-Fasher": a lower-case article glued to a capitalized name.
bool HasCapitalInside(std::string_view text) {
  for (size_t i = 1; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z' && (text[i - 1] == '-' || text[i - 1] == ' ')) return true;
  }
  return false;
}

// A name found in pass 1.
struct NameMatch {
  uint32_t first = 0, end = 0;  // tokens
  uint32_t trim_bytes = 0;      // "Kabul's": the possessive is not part of the name
  std::span<const uint32_t> candidates;
  std::string_view key_in_rules;  // the folded name, when the rules prefer a country for it
  uint16_t preferred = 0;
  MentionContext context;
  uint32_t best = kNone;  // pass-1 choice, without the article's context
};

// Per-thread scratch: cleared, not freed, between articles.
struct Scratch {
  std::string key;
  std::string phrase;
  std::vector<NameMatch> matches;
  std::vector<std::pair<uint16_t, double>> country_votes;
  std::vector<uint32_t> admin1s;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// Folded text of a token for a name key: "kabul's" -> "kabul" (English possessive).
std::string_view NameFolded(const Document& doc, const Token& t, uint32_t* trim_bytes) {
  std::string_view f = t.folded;
  *trim_bytes = 0;
  if (doc.lang == Lang::kEn && f.size() > 2 && f.ends_with("'s")) {
    std::string_view raw = doc.TokenText(t);
    *trim_bytes = raw.ends_with("\xE2\x80\x99s") ? 4 : 2;
    f.remove_suffix(2);
  }
  return f;
}

class GeoparserImpl final : public Geoparser {
 public:
  GeoparserImpl(const GeoOptions& options, const Gazetteer* gazetteer)
      : options_(options), gazetteer_(gazetteer) {}

  Status Load() {
    static constexpr std::array<std::pair<Lang, const char*>, 2> kLangs = {
        {{Lang::kFr, "fr"}, {Lang::kEn, "en"}}};
    for (const auto& [lang, code] : kLangs) {
      std::string path = options_.data_dir + "/rules/" + code + "/places.tsv";
      VIGIE_RETURN_IF_ERROR(LoadPlaceRules(path, &rules_[static_cast<size_t>(lang)]));
    }
    return Status::Ok();
  }

  void Run(const Document& doc, std::vector<PlaceMention>* mentions) const override;

 private:
  const PlaceRules& RulesFor(Lang lang) const {
    return rules_[static_cast<size_t>(lang == Lang::kEn ? Lang::kEn : Lang::kFr)];
  }
  void FindNames(const Document& doc, const Sentence& s, const PlaceRules& rules,
                 Scratch* scratch) const;
  bool MatchName(const Document& doc, const Sentence& s, uint32_t i, Scratch* scratch,
                 NameMatch* match) const;
  // Length in tokens of the longest phrase of `set` ending just before token `end` (0: none).
  template <typename Set>
  uint32_t PhraseEndingAt(const Document& doc, uint32_t sentence_first, uint32_t end,
                          const Set& set, const PlaceRules& rules, std::string* buf,
                          typename Set::const_iterator* found) const;
  template <typename Set>
  uint32_t PhraseStartingAt(const Document& doc, uint32_t sentence_end, uint32_t start,
                            const Set& set, const PlaceRules& rules, std::string* buf,
                            typename Set::const_iterator* found) const;
  // Fills the cue part of `ctx` and says whether the name must be rejected (person context).
  bool ReadContext(const Document& doc, const Sentence& s, const PlaceRules& rules, NameMatch* m,
                   uint32_t prev_match_end, PlaceKind prev_cue, std::string* buf) const;
  // The highest-scoring entry; `focus` 0 ranks without the article's context.
  uint32_t BestEntry(const NameMatch& m, const Scratch& scratch, uint16_t focus,
                     double* best_score) const;
  void Emit(const Document& doc, const NameMatch& m, uint32_t entry,
            std::vector<PlaceMention>* mentions) const;

  GeoOptions options_;
  const Gazetteer* gazetteer_;
  std::array<PlaceRules, 3> rules_;  // by Lang
};

void JoinFolded(const Document& doc, uint32_t first, uint32_t end, std::string* out) {
  out->clear();
  for (uint32_t k = first; k < end; ++k) {
    const Token& t = doc.tokens[k];
    if (k > first && !(doc.tokens[k - 1].flags & kElision)) out->push_back(' ');
    out->append(t.folded);
  }
}

template <typename Set>
uint32_t GeoparserImpl::PhraseEndingAt(const Document& doc, uint32_t sentence_first, uint32_t end,
                                       const Set& set, const PlaceRules& rules, std::string* buf,
                                       typename Set::const_iterator* found) const {
  if (set.empty()) return 0;
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

template <typename Set>
uint32_t GeoparserImpl::PhraseStartingAt(const Document& doc, uint32_t sentence_end, uint32_t start,
                                         const Set& set, const PlaceRules& rules, std::string* buf,
                                         typename Set::const_iterator* found) const {
  if (set.empty() || start >= sentence_end) return 0;
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

// Longest gazetteer name starting at token i. Multi-token names end on a capitalized token
// ("Mocimboa da Praia"), so "Kaboul a" never grows into a name by accident.
bool GeoparserImpl::MatchName(const Document& doc, const Sentence& s, uint32_t i, Scratch* scratch,
                              NameMatch* match) const {
  if (gazetteer_ == nullptr) return false;
  std::string& key = scratch->key;
  key.clear();
  uint32_t limit = std::min(s.end_token, i + kMaxNameTokens);
  bool found = false;
  for (uint32_t j = i; j < limit; ++j) {
    const Token& t = doc.tokens[j];
    if (!IsWord(t) || (t.flags & kElision)) break;
    uint32_t trim = 0;
    std::string_view folded = NameFolded(doc, t, &trim);
    if (j > i) key.push_back(' ');
    key.append(folded);
    if (j == i || IsCapitalized(t) || HasCapitalInside(doc.TokenText(t))) {
      std::span<const uint32_t> cands = gazetteer_->Candidates(key);
      if (cands.empty() && key.find('\'') != std::string::npos) {
        // "Maarat al-Numan" / "Ma'arrat al-Nu'man": try the name without its apostrophes.
        scratch->phrase.clear();
        for (char c : key) {
          if (c != '\'') scratch->phrase.push_back(c);
        }
        cands = gazetteer_->Candidates(scratch->phrase);
      }
      if (!cands.empty()) {
        match->first = i;
        match->end = j + 1;
        match->trim_bytes = trim;
        match->candidates =
            cands.subspan(0, std::min<size_t>(cands.size(), options_.max_candidates));
        found = true;
      }
    }
    if (trim != 0 || !gazetteer_->HasLongerName(key)) break;
  }
  return found;
}

bool GeoparserImpl::ReadContext(const Document& doc, const Sentence& s, const PlaceRules& rules,
                                NameMatch* m, uint32_t prev_match_end, PlaceKind prev_cue,
                                std::string* buf) const {
  MentionContext& ctx = m->context;
  const uint32_t i = m->first;
  const Token& first = doc.tokens[i];
  ctx.sentence_start = (first.flags & kSentenceStart) != 0 || i == s.first_token;

  // Before the name: [cue] [connector] NAME, e.g. "la province du Badakhshan", "au nord de Kaboul".
  bool cue_before = false;
  uint32_t k = i;
  uint32_t n = PhraseEndingAt(doc, s.first_token, k, rules.connectors, rules, buf, nullptr);
  k -= n;
  PhraseMap<PlaceKind>::const_iterator kind_it;
  if (PhraseEndingAt(doc, s.first_token, k, rules.kind_before, rules, buf, &kind_it) > 0) {
    ctx.cue_kind = kind_it->second;
    cue_before = true;
  } else if (PhraseEndingAt(doc, s.first_token, k, rules.relative, rules, buf, nullptr) > 0) {
    ctx.relative = true;
    cue_before = true;
  } else if (prev_cue != PlaceKind::kUnknown && prev_match_end <= k && k - prev_match_end <= 2) {
    // "les provinces de Kunduz et de Takhar": Takhar inherits the cue across "et", ",".
    bool only_list_words = true;
    for (uint32_t t = prev_match_end; t < k; ++t) {
      JoinFolded(doc, t, t + 1, buf);
      if (!rules.connectors.contains(std::string_view(*buf)) &&
          !rules.locative.contains(std::string_view(*buf)) && *buf != "," && *buf != "et" &&
          *buf != "and" && *buf != "ou" && *buf != "or") {
        only_list_words = false;
      }
    }
    if (only_list_words) {
      ctx.cue_kind = prev_cue;
      cue_before = true;
    }
  }
  if (n == 0 && PhraseEndingAt(doc, s.first_token, i, rules.locative, rules, buf, nullptr) > 0) {
    ctx.locative = true;
  }
  // After the name: "Helmand province", "Kherson oblast".
  PhraseMap<PlaceKind>::const_iterator after_it;
  uint32_t after_len =
      PhraseStartingAt(doc, s.end_token, m->end, rules.kind_after, rules, buf, &after_it);
  if (after_len > 0 && ctx.cue_kind == PlaceKind::kUnknown) ctx.cue_kind = after_it->second;

  // Person context: "le général Dostum", "Ismail Khan", "President Zelensky".
  if (PhraseEndingAt(doc, s.first_token, i, rules.titles, rules, buf, nullptr) > 0) return true;
  if (PhraseEndingAt(doc, s.first_token, i, rules.first_names, rules, buf, nullptr) > 0 &&
      i > s.first_token && IsCapitalized(doc.tokens[i - 1])) {
    return true;
  }
  const bool next_capitalized = m->end < s.end_token && IsWord(doc.tokens[m->end]) &&
                                IsCapitalized(doc.tokens[m->end]) && after_len == 0;
  JoinFolded(doc, m->first, m->end, buf);
  if (next_capitalized && rules.first_names.contains(std::string_view(*buf))) return true;
  if (next_capitalized &&
      PhraseStartingAt(doc, s.end_token, m->end, rules.surnames, rules, buf, nullptr) > 0) {
    return true;
  }
  JoinFolded(doc, m->first, m->end, buf);
  const bool has_cue = ctx.cue_kind != PlaceKind::kUnknown;
  if (!has_cue && rules.never.contains(std::string_view(*buf))) return true;
  if (!has_cue && ctx.sentence_start && rules.common_words.contains(std::string_view(*buf))) {
    return true;
  }
  if (auto it = rules.preferred.find(std::string_view(*buf)); it != rules.preferred.end()) {
    m->preferred = CountryCode(it->second);
  }

  // "Ashraf Ghani", "Kandahar Airport": a capitalized neighbour that is not a cue or a place.
  const Token* prev = i > s.first_token ? &doc.tokens[i - 1] : nullptr;
  // A sentence's first word is capitalized by position: "Au Brésil", "In Kandahar".
  const bool prev_capitalized = prev != nullptr && !ctx.sentence_start && IsWord(*prev) &&
                                IsCapitalized(*prev) && !(prev->flags & kElision) &&
                                !(prev->flags & kSentenceStart) && prev_match_end != i &&
                                !cue_before;
  ctx.multi_token = m->end - m->first > 1;
  ctx.beside_capitalized = prev_capitalized || next_capitalized;
  return false;
}

void GeoparserImpl::FindNames(const Document& doc, const Sentence& s, const PlaceRules& rules,
                              Scratch* scratch) const {
  uint32_t prev_end = kNone;
  PlaceKind prev_cue = PlaceKind::kUnknown;
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = doc.tokens[i];
    if (!IsWord(t) || (t.flags & kElision)) continue;
    NameMatch m;
    bool capitalized = IsCapitalized(t);
    if (!capitalized) {
      // A lower-case name only right after a place-type cue: "la province de badakhshan".
      if (i == s.first_token || !rules.connector_last_words.contains(doc.tokens[i - 1].folded)) {
        continue;
      }
      uint32_t n =
          PhraseEndingAt(doc, s.first_token, i, rules.connectors, rules, &scratch->phrase, nullptr);
      if (n == 0 || PhraseEndingAt(doc, s.first_token, i - n, rules.kind_before, rules,
                                   &scratch->phrase, nullptr) == 0) {
        continue;
      }
    }
    if (!MatchName(doc, s, i, scratch, &m)) {
      if (!capitalized) continue;
      // Not in the gazetteer: kept as unresolved text when a cue says it is a place.
      m.first = i;
      m.end = i + 1;
      while (m.end < s.end_token && m.end - i < kMaxUnresolvedTokens && IsWord(doc.tokens[m.end]) &&
             IsCapitalized(doc.tokens[m.end])) {
        ++m.end;
      }
      m.candidates = {};
    }
    bool reject = ReadContext(doc, s, rules, &m, prev_end == kNone ? 0 : prev_end, prev_cue,
                              &scratch->phrase);
    bool unresolved = m.candidates.empty();
    if (unresolved && m.context.cue_kind == PlaceKind::kUnknown && !m.context.relative) {
      continue;
    }
    if (!reject) {
      prev_end = m.end;
      prev_cue = m.context.cue_kind;
      scratch->matches.push_back(m);
    }
    i = m.end - 1;
  }
}

uint32_t GeoparserImpl::BestEntry(const NameMatch& m, const Scratch& scratch, uint16_t focus,
                                  double* best_score_out) const {
  uint32_t best = kNone;
  double best_score = -1e9;
  for (uint32_t index : m.candidates) {
    GazEntry e = gazetteer_->Entry(index);
    ArticleContext a;
    uint16_t code = CountryCode(e.country);
    if (focus != 0) {
      a.focus_country = code == focus;
      for (const auto& [c, votes] : scratch.country_votes) {
        if (c == code && votes > 0) a.mentioned_country = true;
      }
      uint32_t admin1 = e.kind == PlaceKind::kAdmin1 ? e.index : e.admin1_index;
      a.mentioned_admin1 =
          admin1 != kNone && std::find(scratch.admin1s.begin(), scratch.admin1s.end(), admin1) !=
                                 scratch.admin1s.end();
    }
    MentionContext ctx = m.context;
    ctx.preferred_country = m.preferred != 0 && code == m.preferred;
    double score = ScoreEntry(e, ctx, a);
    if (score > best_score) {
      best_score = score;
      best = index;
    }
  }
  *best_score_out = best_score;
  return best;
}

void GeoparserImpl::Emit(const Document& doc, const NameMatch& m, uint32_t entry,
                         std::vector<PlaceMention>* mentions) const {
  PlaceMention& out = mentions->emplace_back();
  out.first_token = m.first;
  out.end_token = m.end;
  out.cue_kind = m.context.cue_kind;
  out.relative = m.context.relative;
  uint32_t start = doc.tokens[m.first].start;
  uint32_t end = doc.tokens[m.end - 1].end - m.trim_bytes;
  out.place.span = doc.ToOriginal(start, end);
  out.place.text = std::string(
      doc.original.substr(out.place.span.start, out.place.span.end - out.place.span.start));
  if (entry == kNone) return;
  GazEntry e = gazetteer_->Entry(entry);
  out.entry = entry;
  out.place.name = std::string(e.name);
  out.place.kind = e.kind;
  out.place.country = std::string(e.country);
  out.place.admin1 = std::string(e.admin1);
  out.place.admin2 = std::string(e.admin2);
  out.place.lat = e.lat;
  out.place.lon = e.lon;
  out.place.geonameid = e.geonameid;
  out.place.approximate = e.approximate;
}

void GeoparserImpl::Run(const Document& doc, std::vector<PlaceMention>* mentions) const {
  Scratch& scratch = ThreadScratch();
  scratch.matches.clear();
  scratch.country_votes.clear();
  scratch.admin1s.clear();
  const PlaceRules& rules = RulesFor(doc.lang);
  for (const Sentence& s : doc.sentences) FindNames(doc, s, rules, &scratch);

  // Pass 1: each name's best entry without the article; the sure ones vote for a focus country
  // and name the admin1 units the article is about. A name whose close rivals lie in another
  // country or admin1 ("Baharak" is a district of both Badakhshan and Takhar) does not vote.
  for (NameMatch& m : scratch.matches) {
    if (m.candidates.empty()) continue;
    double best_score = 0;
    m.best = BestEntry(m, scratch, 0, &best_score);
    GazEntry e = gazetteer_->Entry(m.best);
    bool sure = IsStrong(e) || m.context.cue_kind != PlaceKind::kUnknown || m.context.multi_token ||
                (m.preferred != 0 && CountryCode(e.country) == m.preferred);
    if (!sure || m.context.beside_capitalized) continue;
    uint16_t code = CountryCode(e.country);
    uint32_t admin1 = e.kind == PlaceKind::kAdmin1 ? e.index : e.admin1_index;
    bool same_country = true, same_admin1 = true;
    for (uint32_t index : m.candidates) {
      if (index == m.best) continue;
      GazEntry r = gazetteer_->Entry(index);
      MentionContext ctx = m.context;
      ctx.preferred_country = m.preferred != 0 && CountryCode(r.country) == m.preferred;
      if (ScoreEntry(r, ctx, ArticleContext{}) < best_score - weights::kRivalMargin) continue;
      if (CountryCode(r.country) != code) same_country = false;
      if ((r.kind == PlaceKind::kAdmin1 ? r.index : r.admin1_index) != admin1) same_admin1 = false;
    }
    if (!same_country) continue;
    double weight = e.kind == PlaceKind::kCountry ? 2.0 : 1.0;
    auto it = std::find_if(scratch.country_votes.begin(), scratch.country_votes.end(),
                           [&](const auto& v) { return v.first == code; });
    if (it == scratch.country_votes.end()) {
      scratch.country_votes.emplace_back(code, weight);
    } else {
      it->second += weight;
    }
    if (same_admin1 && admin1 != kNone && e.kind != PlaceKind::kCountry) {
      scratch.admin1s.push_back(admin1);
    }
  }
  uint16_t focus = 0;
  double focus_votes = 0;
  for (const auto& [code, votes] : scratch.country_votes) {
    if (votes > focus_votes) {
      focus = code;
      focus_votes = votes;
    }
  }

  // Pass 2: rank again with the article's context; keep the names that hold up as places.
  for (const NameMatch& m : scratch.matches) {
    if (m.candidates.empty()) {
      Emit(doc, m, kNone, mentions);
      continue;
    }
    double score = 0;
    uint32_t best = focus != 0 ? BestEntry(m, scratch, focus, &score) : m.best;
    GazEntry e = gazetteer_->Entry(best);
    uint16_t code = CountryCode(e.country);
    ArticleContext a;
    a.focus_country = focus != 0 && code == focus;
    for (const auto& [c, votes] : scratch.country_votes) {
      if (c == code && votes > 0) a.mentioned_country = true;
    }
    bool preferred = m.preferred != 0 && code == m.preferred;
    if (!AcceptAsPlace(e, m.context, a, preferred)) continue;
    Emit(doc, m, best, mentions);
  }
}

}  // namespace

Result<std::unique_ptr<Geoparser>> Geoparser::Create(const GeoOptions& options,
                                                     const Gazetteer* gazetteer) {
  auto parser = std::make_unique<GeoparserImpl>(options, gazetteer);
  VIGIE_RETURN_IF_ERROR(parser->Load());
  return std::unique_ptr<Geoparser>(std::move(parser));
}

}  // namespace vigie::internal
