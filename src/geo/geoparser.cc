// Geoparsing in two passes over a Document:
//  1. find names: longest match of folded token text against the gazetteer, from a capitalized
//     token (or any token right after a place-type cue: "la province de badakhshan"), and read
//     the words around each name (cues, person context);
//  2. resolve: the focus country and the admin1 units the sure mentions point to, then rank
//     every name's entries with ScoreEntry (geoparser_score.h) and keep or reject the name.
#include "geo/geoparser.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/fold.h"
#include "geo/geoparser_context.h"
#include "geo/geoparser_rules.h"
#include "geo/geoparser_score.h"

namespace vigie::internal {
namespace {

constexpr uint32_t kMaxNameTokens = 8;        // "Dera Ismail Khan", "Mocimboa da Praia"
constexpr uint32_t kMaxUnresolvedTokens = 4;  // "le district de Khwaja Ghar" without an entry
constexpr uint32_t kNone = kNoIndex;

// What an unresolved mention is placed in: the article's focus country and main admin1 unit.
struct Fallback {
  std::string country;
  std::string admin1;
};

// Gazetteer answers by folded name, kept per thread across articles: names repeat from one
// dispatch to the next ("Afghanistan", "Kaboul", "Taliban"), and the lookups were four tenths of
// geoparsing time. Fixed size, keys stored inline, so a miss allocates nothing; the table belongs
// to one Geoparser instance (its id) and is emptied when another one uses the thread.
constexpr size_t kMaxCachedKey = 40;
struct LookupSlot {
  uint64_t owner = 0;  // Geoparser instance id, 0 when empty
  uint8_t size = 0;
  char key[kMaxCachedKey];
  std::span<const uint32_t> candidates;
  bool longer = false;
};
constexpr size_t kLookupSlots = 16384;

// The original bytes of a name. The byte after a name maps to where the next kept text starts,
// so when cleaning dropped something right after the name ("Nagorno-Karabakh | Karen
// Minasyan/AFP via Getty Images", a photo credit), the end is taken from the name's last
// character instead: one piece of at most 4 bytes ("é" may come from mojibake "Ã©").
Span OriginalSpan(const Document& doc, uint32_t start, uint32_t end) {
  Span span = doc.ToOriginal(start, end);
  if (end <= start) return span;
  const uint32_t last = doc.map.ToOriginal(end - 1);
  if (span.end > last + 4 && last < doc.original.size()) {
    const unsigned char lead = static_cast<unsigned char>(doc.original[last]);
    const uint32_t width = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    span.end = std::min<uint32_t>(last + width, static_cast<uint32_t>(doc.original.size()));
  }
  return span;
}

uint64_t NextInstanceId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

// Per-thread scratch: cleared, not freed, between articles.
struct Scratch {
  std::vector<LookupSlot> lookups = std::vector<LookupSlot>(kLookupSlots);
  std::string key;
  std::string phrase;
  Fallback fallback;
  std::vector<NameMatch> matches;
  std::vector<std::pair<uint16_t, double>> country_votes;
  std::vector<uint32_t> admin1s;
  std::vector<uint32_t> weak_voters;  // entries that already voted once
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// Named by at least one strong mention or several weak ones.
bool Mentioned(const Scratch& scratch, uint16_t code) {
  for (const auto& [c, votes] : scratch.country_votes) {
    if (c == code && votes >= 1.0) return true;
  }
  return false;
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
  bool MatchName(const Document& doc, const Sentence& s, uint32_t i, const PlaceRules& rules,
                 Scratch* scratch, NameMatch* match) const;
  // Candidates and HasLongerName for a folded name, through the per-thread table.
  LookupSlot Lookup(std::string_view folded, Scratch* scratch) const;
  // Longest name from token i, the first word of token i replaced when `replacement` is set.
  bool MatchNameFrom(const Document& doc, const Sentence& s, uint32_t i,
                     std::string_view first_word, std::string_view replacement, Scratch* scratch,
                     NameMatch* match) const;
  // Whole-token parts of a hyphenated token that name places: "Izium-Kupiansk".
  void MatchTokenParts(const Document& doc, const Sentence& s, uint32_t i, const PlaceRules& rules,
                       Scratch* scratch) const;
  // The highest-scoring entry; `focus` 0 ranks without the article's context.
  uint32_t BestEntry(const NameMatch& m, const Scratch& scratch, uint16_t focus,
                     double* best_score) const;
  // Pass 1: each name's best entry without the article; the sure ones vote. Returns the focus
  // country (0 when none).
  uint16_t VoteFocus(Scratch* scratch) const;
  // The admin1 unit most of the sure mentions in country `focus` lie in, when one stands out.
  uint32_t DominantAdmin1(const Scratch& scratch, uint16_t focus) const;
  void Emit(const Document& doc, const NameMatch& m, uint32_t entry, const Fallback& fallback,
            std::vector<PlaceMention>* mentions) const;

  GeoOptions options_;
  const Gazetteer* gazetteer_;
  const uint64_t id_ = NextInstanceId();
  std::array<PlaceRules, 3> rules_;  // by Lang
};

// Longest gazetteer name starting at token i. Multi-token names end on a capitalized token
// ("Mocimboa da Praia"), so "Kaboul a" never grows into a name by accident.
// "le palais présidentiel", "the presidential palace": a site named by a phrase alone, longest
// first. A phrase that is also a place-type cue ("l'aéroport de Kandahar") leaves the name after
// its connector to the cue.
bool MatchLandmark(const Document& doc, const Sentence& s, const PlaceRules& rules, uint32_t i,
                   std::string* buf, NameMatch* m) {
  if (rules.landmarks.empty() || !rules.first_words.contains(doc.tokens[i].folded)) return false;
  const uint32_t longest =
      std::min<uint32_t>(static_cast<uint32_t>(rules.max_phrase_tokens), s.end_token - i);
  for (uint32_t n = longest; n >= 1; --n) {
    JoinFolded(doc, i, i + n, buf);
    auto it = rules.landmarks.find(*buf);
    if (it == rules.landmarks.end()) continue;
    const uint32_t end = i + n;
    if (rules.kind_before.contains(*buf) && end + 1 < s.end_token &&
        rules.connectors.contains(doc.tokens[end].folded) && IsCapitalized(doc.tokens[end + 1])) {
      return false;
    }
    m->first = i;
    m->end = end;
    m->text_start = doc.tokens[i].start;
    m->text_end = doc.tokens[end - 1].end;
    m->candidates = {};
    m->context.cue_kind = it->second;
    m->context.cue_before = true;
    return true;
  }
  return false;
}

bool GeoparserImpl::MatchName(const Document& doc, const Sentence& s, uint32_t i,
                              const PlaceRules& rules, Scratch* scratch, NameMatch* match) const {
  if (gazetteer_ == nullptr) return false;
  if (MatchNameFrom(doc, s, i, {}, {}, scratch, match)) return true;
  // "Nord-Kivu" is "North Kivu": the first word translated, when the rules know it.
  std::string_view folded = doc.tokens[i].folded;
  std::string_view first_word = folded.substr(0, folded.find(' '));
  auto it = rules.translations.find(first_word);
  if (it == rules.translations.end()) return false;
  return MatchNameFrom(doc, s, i, first_word, it->second, scratch, match);
}

bool GeoparserImpl::MatchNameFrom(const Document& doc, const Sentence& s, uint32_t i,
                                  std::string_view first_word, std::string_view replacement,
                                  Scratch* scratch, NameMatch* match) const {
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
    if (j == i && !replacement.empty()) {
      key.append(replacement);
      folded.remove_prefix(first_word.size());
    }
    key.append(folded);
    const LookupSlot found_key = Lookup(key, scratch);
    if (j == i || IsCapitalized(t) || HasCapitalInside(doc.TokenText(t))) {
      std::span<const uint32_t> cands = found_key.candidates;
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
        match->text_start = doc.tokens[i].start;
        match->text_end = t.end - trim;
        match->candidates =
            cands.subspan(0, std::min<size_t>(cands.size(), options_.max_candidates));
        found = true;
      }
    }
    if (trim != 0 || !found_key.longer) break;
  }
  return found;
}

LookupSlot GeoparserImpl::Lookup(std::string_view folded, Scratch* scratch) const {
  if (folded.size() > kMaxCachedKey) {
    LookupSlot direct;
    direct.candidates = gazetteer_->Candidates(folded);
    direct.longer = gazetteer_->HasLongerName(folded);
    return direct;
  }
  LookupSlot& slot = scratch->lookups[std::hash<std::string_view>{}(folded) % kLookupSlots];
  if (slot.owner == id_ && std::string_view(slot.key, slot.size) == folded) return slot;
  slot.owner = id_;
  slot.size = static_cast<uint8_t>(folded.size());
  std::copy(folded.begin(), folded.end(), slot.key);
  slot.candidates = gazetteer_->Candidates(folded);
  slot.longer = gazetteer_->HasLongerName(folded);
  return slot;
}

void GeoparserImpl::MatchTokenParts(const Document& doc, const Sentence& s, uint32_t i,
                                    const PlaceRules& rules, Scratch* scratch) const {
  const Token& t = doc.tokens[i];
  std::string_view raw = doc.TokenText(t);
  if (gazetteer_ == nullptr || raw.find('-') == std::string_view::npos) return;
  size_t part_start = 0;
  while (part_start < raw.size()) {
    size_t dash = raw.find('-', part_start);
    size_t part_end = dash == std::string_view::npos ? raw.size() : dash;
    std::string_view part = raw.substr(part_start, part_end - part_start);
    unsigned char c = part.empty() ? 0 : static_cast<unsigned char>(part[0]);
    bool capitalized = (c >= 'A' && c <= 'Z') || (c == 0xC3 && part.size() > 1 &&
                                                  static_cast<unsigned char>(part[1]) <= 0x9E);
    if (capitalized && part.size() >= 3) {
      scratch->phrase.clear();
      FoldAppend(part, &scratch->phrase);
      std::span<const uint32_t> cands = gazetteer_->Candidates(scratch->phrase);
      if (!cands.empty()) {
        NameMatch m;
        m.first = i;
        m.end = i + 1;
        m.text_start = t.start + static_cast<uint32_t>(part_start);
        m.text_end = t.start + static_cast<uint32_t>(part_end);
        m.candidates = cands.subspan(0, std::min<size_t>(cands.size(), options_.max_candidates));
        if (!ReadContext(doc, s, rules, kNone, PlaceKind::kUnknown, &m, &scratch->key)) {
          m.context.part_of_token = true;
          m.context.beside_capitalized = false;
          m.context.after_capitalized = false;
          scratch->matches.push_back(m);
        }
      }
    }
    if (dash == std::string_view::npos) break;
    part_start = dash + 1;
  }
}

void GeoparserImpl::FindNames(const Document& doc, const Sentence& s, const PlaceRules& rules,
                              Scratch* scratch) const {
  uint32_t prev_end = kNone;
  PlaceKind prev_cue = PlaceKind::kUnknown;
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = doc.tokens[i];
    if (!IsWord(t) || (t.flags & kElision)) continue;
    NameMatch m;
    if (MatchLandmark(doc, s, rules, i, &scratch->phrase, &m)) {
      scratch->matches.push_back(m);
      i = m.end - 1;
      continue;
    }
    const bool capitalized = IsCapitalized(t);
    bool lower_case = false;
    if (!capitalized) {
      // "al-Jawba", "al Jubah": a lower-case article opening a capitalized name.
      bool particle = HasCapitalInside(doc.TokenText(t)) ||
                      (i + 1 < s.end_token && IsCapitalized(doc.tokens[i + 1]) &&
                       rules.particles.contains(t.folded));
      // Otherwise a lower-case name only right after a place-type cue: "la province de
      // badakhshan".
      if (!particle) {
        if (!FollowsKindCue(doc, s, rules, i, &scratch->phrase)) continue;
        lower_case = true;
      }
    }
    const bool matched = MatchName(doc, s, i, rules, scratch, &m);
    // "as Ukraine's": a particle opens a name only together with what follows it.
    if (matched && !capitalized && !lower_case && m.end == i + 1 &&
        !HasCapitalInside(doc.TokenText(t))) {
      continue;
    }
    if (!matched) {
      if (!capitalized) continue;
      const size_t before = scratch->matches.size();
      MatchTokenParts(doc, s, i, rules, scratch);
      if (scratch->matches.size() != before) continue;
      // Not in the gazetteer: kept as unresolved text when a cue says it is a place.
      m.first = i;
      m.end = i + 1;
      while (m.end < s.end_token && m.end - i < kMaxUnresolvedTokens && IsWord(doc.tokens[m.end]) &&
             IsCapitalized(doc.tokens[m.end])) {
        ++m.end;
      }
      m.text_start = t.start;
      m.text_end = doc.tokens[m.end - 1].end;
      m.candidates = {};
      // Most capitalized words the gazetteer lacks are people and organisations with no cue
      // around them: two probes skip the full context reading for them.
      const bool near_list =
          prev_cue != PlaceKind::kUnknown && prev_end != kNone && i - prev_end <= 3;
      const bool cue_word_before =
          i > s.first_token && rules.last_words.contains(doc.tokens[i - 1].folded);
      const bool cue_word_after =
          m.end < s.end_token && rules.first_words.contains(doc.tokens[m.end].folded);
      if (!near_list && !cue_word_before && !cue_word_after) continue;
    }
    const bool reject = ReadContext(doc, s, rules, prev_end, prev_cue, &m, &scratch->phrase);
    m.context.lower_case = lower_case;
    // A name the gazetteer lacks is kept when a cue says it is a place ("le district de Khwaja
    // Ghar", "Sayyad district"), but not from a sentence's first word ("The city").
    const bool unresolved = m.candidates.empty();
    const MentionContext& c = m.context;
    const bool cued = c.cue_before || c.cue_inherited || (c.cue_after && !c.sentence_start);
    if (unresolved && (!cued || c.direction)) continue;
    if (!reject) {
      prev_end = m.end + m.cue_after_tokens;
      prev_cue = m.context.cue_kind;
      scratch->matches.push_back(m);
    }
    i = m.end - 1 + (reject ? 0 : m.cue_after_tokens);
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
      a.mentioned_country = Mentioned(scratch, code);
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

// A name whose close rivals lie in another country or admin1 ("Baharak" is a district of both
// Badakhshan and Takhar) votes for neither.
uint16_t GeoparserImpl::VoteFocus(Scratch* scratch) const {
  for (NameMatch& m : scratch->matches) {
    if (m.candidates.empty()) continue;
    double best_score = 0;
    m.best = BestEntry(m, *scratch, 0, &best_score);
    GazEntry e = gazetteer_->Entry(m.best);
    const uint16_t code = CountryCode(e.country);
    const bool sure = IsStrong(e) || m.context.cue_kind != PlaceKind::kUnknown ||
                      m.context.multi_token || (m.preferred != 0 && code == m.preferred);
    if (!sure || m.context.beside_capitalized || m.context.lower_case || m.context.part_of_token ||
        m.context.direction) {
      continue;
    }
    const uint32_t admin1 = e.kind == PlaceKind::kAdmin1 ? e.index : e.admin1_index;
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
    double weight = e.kind == PlaceKind::kCountry ? weights::kCountryVote : 1.0;
    if (!IsStrong(e) && !(m.preferred != 0 && code == m.preferred)) {
      if (std::find(scratch->weak_voters.begin(), scratch->weak_voters.end(), m.best) !=
          scratch->weak_voters.end()) {
        continue;
      }
      scratch->weak_voters.push_back(m.best);
      weight = weights::kWeakVote;
    }
    auto it = std::find_if(scratch->country_votes.begin(), scratch->country_votes.end(),
                           [&](const auto& v) { return v.first == code; });
    if (it == scratch->country_votes.end()) {
      scratch->country_votes.emplace_back(code, weight);
    } else {
      it->second += weight;
    }
    if (same_admin1 && admin1 != kNone && e.kind != PlaceKind::kCountry) {
      scratch->admin1s.push_back(admin1);
    }
  }
  uint16_t focus = 0;
  double focus_votes = 0;
  for (const auto& [code, votes] : scratch->country_votes) {
    if (votes > focus_votes) {
      focus = code;
      focus_votes = votes;
    }
  }
  return focus;
}

uint32_t GeoparserImpl::DominantAdmin1(const Scratch& scratch, uint16_t focus) const {
  uint32_t best = kNone, best_count = 0, total = 0;
  for (uint32_t a : scratch.admin1s) {
    if (CountryCode(gazetteer_->Entry(a).country) != focus) continue;
    ++total;
    uint32_t count =
        static_cast<uint32_t>(std::count(scratch.admin1s.begin(), scratch.admin1s.end(), a));
    if (count > best_count) {
      best = a;
      best_count = count;
    }
  }
  // "Bunagana" in a dispatch about North Kivu: more than half of the sure mentions there.
  return best_count * 2 > total ? best : kNone;
}

void GeoparserImpl::Emit(const Document& doc, const NameMatch& m, uint32_t entry,
                         const Fallback& fallback, std::vector<PlaceMention>* mentions) const {
  PlaceMention& out = mentions->emplace_back();
  out.first_token = m.first;
  out.end_token = m.end;
  out.cue_kind = m.context.cue_kind;
  out.relative = m.context.relative;
  out.place.span = OriginalSpan(doc, m.text_start, m.text_end);
  out.place.text = std::string(
      doc.original.substr(out.place.span.start, out.place.span.end - out.place.span.start));
  if (entry == kNone) {
    // Unresolved: the article's focus country (and its main admin1 unit) as a flagged guess.
    if (m.preferred != 0) {
      // "Tigré" with no Ethiopian entry: the country the rules name for it.
      out.place.country = {static_cast<char>(m.preferred >> 8),
                           static_cast<char>(m.preferred & 0xFF)};
    } else {
      out.place.country = fallback.country;
      out.place.admin1 = fallback.admin1;
    }
    out.place.approximate = !out.place.country.empty();
    return;
  }
  GazEntry e = gazetteer_->Entry(entry);
  out.entry = entry;
  out.place.name = std::string(e.name);
  out.place.kind = e.kind;
  out.place.country = std::string(e.country);
  out.place.admin1 = std::string(e.kind == PlaceKind::kAdmin1 ? e.name : e.admin1);
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
  scratch.weak_voters.clear();
  const PlaceRules& rules = RulesFor(doc.lang);
  for (const Sentence& s : doc.sentences) FindNames(doc, s, rules, &scratch);
  std::stable_sort(
      scratch.matches.begin(), scratch.matches.end(),
      [](const NameMatch& a, const NameMatch& b) { return a.text_start < b.text_start; });

  const uint16_t focus = VoteFocus(&scratch);
  Fallback& fallback = scratch.fallback;
  fallback.country.clear();
  fallback.admin1.clear();
  if (focus != 0) {
    fallback.country.push_back(static_cast<char>(focus >> 8));
    fallback.country.push_back(static_cast<char>(focus & 0xFF));
    uint32_t admin1 = DominantAdmin1(scratch, focus);
    if (admin1 != kNone) fallback.admin1 = std::string(gazetteer_->Entry(admin1).name);
  }

  // Pass 2: rank again with the article's context; keep the names that hold up as places.
  for (const NameMatch& m : scratch.matches) {
    if (m.candidates.empty()) {
      Emit(doc, m, kNone, fallback, mentions);
      continue;
    }
    double score = 0;
    uint32_t best = focus != 0 ? BestEntry(m, scratch, focus, &score) : m.best;
    GazEntry e = gazetteer_->Entry(best);
    uint16_t code = CountryCode(e.country);
    ArticleContext a;
    a.focus_country = focus != 0 && code == focus;
    a.mentioned_country = Mentioned(scratch, code);
    bool preferred = m.preferred != 0 && code == m.preferred;
    // A name the rules prefer a country for is a place even when that entry is missing.
    if (!AcceptAsPlace(e, m.context, a, preferred) && m.preferred == 0) continue;
    if (OutOfFocus(e, a, focus != 0, preferred)) {
      if (PlaceByContext(m.context) || m.preferred != 0) Emit(doc, m, kNone, fallback, mentions);
      continue;
    }
    Emit(doc, m, best, fallback, mentions);
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
