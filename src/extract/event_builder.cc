#include "extract/event_builder.h"

#include <algorithm>
#include <map>

#include "base/fold.h"
#include "extract/dates.h"
#include "extract/quote_words.h"
#include "extract/quotes.h"

namespace vigie::internal {
namespace {

constexpr size_t kMaxEvidenceBytes = 120;
// How many words from a trigger a cancelling cue reaches ("seized a cache of weapons").
constexpr uint32_t kCancelReach = 6;
// Dispatches of up to this many sentences are briefs about a single event.
constexpr size_t kBriefSentences = 3;

struct ArticleContext {
  const RuleSet& rules;
  const Document& doc;
  const std::vector<PlaceMention>& places;
  Published published;
  bool explain = false;
  std::string focus_actor;
  Place focus_country;  // kind kUnknown when the article names no country
};

const Lexicon::Phrase& PhraseOf(const RuleSet& rules, const PhraseMatch& m) {
  return rules.lexicon.phrases()[m.phrase];
}

// The armed actor the article is about: the one named most often (generic words excluded); an
// unnamed one ("l'armée") only when the article names no other.
std::string FocusActor(const RuleSet& rules, const std::vector<PhraseMatch>& matches) {
  std::vector<uint32_t> counts(rules.actors.size(), 0);
  for (const PhraseMatch& m : matches) {
    const Lexicon::Phrase& p = PhraseOf(rules, m);
    if (p.kind == PhraseKind::kActor && !rules.actors[p.row].generic) ++counts[p.row];
  }
  size_t best = counts.size();
  for (size_t row = 0; row < counts.size(); ++row) {
    if (counts[row] == 0) continue;
    if (best == counts.size()) {
      best = row;
      continue;
    }
    const bool named = !rules.actors[row].unnamed, best_named = !rules.actors[best].unnamed;
    if ((named && !best_named) || (named == best_named && counts[row] > counts[best])) best = row;
  }
  if (best == counts.size()) return {};
  return rules.actors[best].canonical;
}

// The country the article is about: the one its resolved places fall in most often.
Place FocusCountry(const std::vector<PlaceMention>& places) {
  std::map<std::string, uint32_t> counts;
  for (const PlaceMention& m : places) {
    if (!m.place.country.empty()) ++counts[m.place.country];
  }
  Place country;
  uint32_t best = 0;
  for (const auto& [code, n] : counts) {
    if (n > best) {
      best = n;
      country.country = code;
    }
  }
  if (best == 0) return country;
  country.kind = PlaceKind::kCountry;
  country.name = country.country;
  for (const PlaceMention& m : places) {
    if (m.place.kind == PlaceKind::kCountry && m.place.country == country.country) {
      country = m.place;
      break;
    }
  }
  return country;
}

bool Overlaps(uint32_t a_first, uint32_t a_end, uint32_t b_first, uint32_t b_end) {
  return a_first < b_end && b_first < a_end;
}

// Value of the number that ends right before token `at` (within `reach` tokens): digits,
// a number mention of the text stage, or a number word of the cue list ("une dizaine").
int64_t NumberBefore(const ArticleContext& c, const SentenceMatches& s, uint32_t at,
                     uint32_t reach) {
  int64_t best = -1;
  auto take = [&](int64_t v) {
    if (v > 0 && (best < 0 || v < best)) best = v;
  };
  for (const NumberMention& n : c.doc.numbers) {
    if (n.end_token <= at && n.end_token + reach >= at) take(static_cast<int64_t>(n.value));
  }
  for (uint32_t t = at > reach ? at - reach : 0; t < at; ++t) {
    const Token& token = c.doc.tokens[t];
    std::string_view raw = c.doc.TokenText(token);
    if (token.kind != TokenKind::kNumber && (raw.empty() || raw[0] < '0' || raw[0] > '9')) continue;
    std::string_view text = c.doc.TokenText(token);
    // "the 10th provincial capital": an ordinal in digits counts as its number.
    for (std::string_view suffix : {"th", "st", "nd", "rd", "e", "ème"}) {
      if (text.size() > suffix.size() && text.ends_with(suffix)) {
        text.remove_suffix(suffix.size());
        break;
      }
    }
    int64_t v = 0;
    bool digits = !text.empty();
    for (char ch : text) {
      if (ch >= '0' && ch <= '9') {
        v = v * 10 + (ch - '0');
      } else if (ch != ' ' && ch != ',' && ch != '.') {
        digits = false;
      }
    }
    if (digits) take(v);
  }
  for (const PhraseMatch& m : s.cues) {
    const Cue& cue = c.rules.cues[PhraseOf(c.rules, m).row];
    if (cue.kind == CueKind::kVagueNumber && m.end_token <= at && m.end_token + reach >= at) {
      take(cue.value);
    }
  }
  return best;
}

// Lowest number of `kind` nouns stated in [first, end): "plus d'une dizaine de districts" -> 10.
int64_t CountBefore(const ArticleContext& c, const SentenceMatches& s, CueKind kind, uint32_t first,
                    uint32_t end) {
  int64_t best = -1;
  for (const PhraseMatch& m : s.cues) {
    if (c.rules.cues[PhraseOf(c.rules, m).row].kind != kind) continue;
    if (m.first_token < first || m.first_token >= end) continue;
    int64_t v = NumberBefore(c, s, m.first_token, 4);
    if (v > 0 && (best < 0 || v < best)) best = v;
  }
  return best;
}

bool IsComma(const Document& doc, uint32_t t) {
  return doc.tokens[t].kind == TokenKind::kPunct && doc.TokenText(doc.tokens[t]) == ",";
}

// "sans" / "without": a cancelling cue that negates the manner of what precedes it.
bool IsMannerNegation(const Document& doc, const PhraseMatch& cue) {
  if (cue.end_token != cue.first_token + 1) return false;
  std::string word = FoldText(doc.TokenText(doc.tokens[cue.first_token]));
  return word == "sans" || word == "without";
}

// Whether a place mention sits in an attribution ("selon des responsables à Kaboul") or inside
// an actor or source name, where it is not where the event happened.
bool PlaceExcluded(const ArticleContext& c, const SentenceMatches& s, const PlaceMention& m) {
  for (const PhraseMatch& a : s.actors) {
    if (Overlaps(a.first_token, a.end_token, m.first_token, m.end_token)) return true;
  }
  for (const PhraseMatch& a : s.sources) {
    if (Overlaps(a.first_token, a.end_token, m.first_token, m.end_token)) return true;
  }
  for (const PhraseMatch& cue : s.cues) {
    CueKind kind = c.rules.cues[PhraseOf(c.rules, cue).row].kind;
    if (kind != CueKind::kHearsay && kind != CueKind::kNotPlace) continue;
    if (kind == CueKind::kNotPlace) {
      if (Overlaps(cue.first_token, cue.end_token, m.first_token, m.end_token)) return true;
      continue;
    }
    uint32_t end = cue.end_token;
    while (end < s.end_token && !IsComma(c.doc, end) && !IsClauseBreak(c.doc, c.doc.tokens[end]))
      ++end;
    if (m.first_token >= cue.end_token && m.first_token < end) return true;
  }
  return false;
}

// What lies between two place mentions: 0 other words (the second place is context: "Kunduz,
// capitale de la province de Kunduz", "à 50 km de Kaboul"), 1 only commas and enumeration words
// ("Kishim, Darim et Tishkan"), 2 the same with a conjunction ("..., ainsi que Farkhar").
int Glue(const ArticleContext& c, const SentenceMatches& s, uint32_t from, uint32_t to) {
  if (to < from || to - from > 10) return 0;
  bool conjunction = false;
  bool only_glue = true;
  for (uint32_t t = from; t < to;) {
    if (IsClauseBreak(c.doc, c.doc.tokens[t])) return 0;
    if (IsComma(c.doc, t) || c.doc.tokens[t].kind == TokenKind::kPunct) {
      ++t;
      continue;
    }
    const PhraseMatch* glue = nullptr;
    for (const PhraseMatch& m : s.cues) {
      const Cue& cue = c.rules.cues[PhraseOf(c.rules, m).row];
      if (cue.kind == CueKind::kEnumeration && m.first_token == t && m.end_token <= to) {
        if (glue == nullptr || m.end_token > glue->end_token) glue = &m;
      }
    }
    if (glue == nullptr) {
      only_glue = false;
      ++t;
      continue;
    }
    conjunction = conjunction || c.rules.cues[PhraseOf(c.rules, *glue).row].value == 1;
    t = glue->end_token;
  }
  // "Taloqan, 50 km à l'est, et Sar-e-Pul": a conjunction carries the list over a short aside.
  if (conjunction) return 2;
  return only_glue ? 1 : 0;
}

Evidence MakeEvidence(const Document& doc, uint32_t first, uint32_t end, uint32_t keep_first,
                      uint32_t keep_end) {
  // Trim from the left to the trigger, then from the right to the trigger's end, until the span
  // fits: the words that report the event stay in.
  auto bytes = [&](uint32_t a, uint32_t b) { return doc.tokens[b - 1].end - doc.tokens[a].start; };
  while (first < keep_first && bytes(first, end) > kMaxEvidenceBytes) ++first;
  while (end > keep_end && bytes(first, end) > kMaxEvidenceBytes) --end;
  while (first < end && doc.tokens[first].kind == TokenKind::kPunct) ++first;
  while (end > first && doc.tokens[end - 1].kind == TokenKind::kPunct &&
         doc.TokenText(doc.tokens[end - 1]) != "»" && doc.TokenText(doc.tokens[end - 1]) != ")") {
    --end;
  }
  Evidence e;
  if (first >= end) return e;
  e.span = doc.ToOriginal(doc.tokens[first].start, doc.tokens[end - 1].end);
  e.text = std::string(doc.original.substr(e.span.start, e.span.end - e.span.start));
  return e;
}

// A wire dateline names where the dispatch was filed, not where anything happened: "BAMAKO,
// Mali (Wire) — Rebels took...", "Gao, Mar 3 (Wire): the army retook...". It opens a line and
// runs into a bracket or a dash before any full stop.
bool IsDateline(const Document& doc, const PlaceMention& m) {
  constexpr size_t kDatelineReach = 40;  // "[Afghanistan], August 9 (ANI)"
  const std::string_view text = doc.text;
  const uint32_t start = doc.tokens[m.first_token].start;
  if (start != 0 && text[start - 1] != '\n') return false;
  const uint32_t end = doc.tokens[m.end_token - 1].end;
  if (end >= text.size() || (text[end] != ',' && text[end] != ' ')) return false;
  std::string_view after = text.substr(end, kDatelineReach);
  size_t mark = std::min({after.find('('), after.find("—"), after.find("–")});
  if (mark == std::string_view::npos || after.substr(0, mark).find('.') != std::string_view::npos) {
    return false;
  }
  if (after[mark] != '(') return true;
  // "(Wire) —", "(Wire):", "(Wire) Rebels took", not "Gao (Mali), une ville".
  size_t close = text.find(')', end + mark);
  if (close == std::string_view::npos) return false;
  size_t next = text.find_first_not_of(' ', close + 1);
  if (next == std::string_view::npos) return false;
  const char c = text[next];
  return c == ':' || c == '-' || (c >= 'A' && c <= 'Z') || text.substr(next, 3) == "—" ||
         text.substr(next, 3) == "–";
}

// Whether a party to the conflict ("le ministère", "the army") says it did the deed itself: "a
// affirmé avoir repris Gao", "claims to have recaptured". Not "the mayor says the situation is
// under control": the trigger must follow "avoir" or "have".
bool PartySpeaksOfItsDeed(const RuleSet& rules, const Document& doc, const SentenceMatches& s,
                          uint32_t trigger_first) {
  if (trigger_first == 0) return false;
  std::string_view before = doc.tokens[trigger_first - 1].lower;
  if (before != "avoir" && before != "have" && before != "having") return false;
  bool party = false, speech = false;
  for (const PhraseMatch& m : s.sources) {
    party = party || (m.end_token <= trigger_first &&
                      rules.sources[rules.lexicon.phrases()[m.phrase].row].party);
  }
  for (const PhraseMatch& m : s.cues) {
    speech = speech || (m.end_token <= trigger_first &&
                        rules.cues[rules.lexicon.phrases()[m.phrase].row].kind == CueKind::kSpeech);
  }
  return party && speech;
}

// Whether the trigger is a noun: a determiner of the cue lists ("la prise", "the withdrawal",
// "their attack") or a preposition ("du retrait", "of the") just before it.
bool IsNounTrigger(const RuleSet& rules, const Document& doc, const SentenceMatches& s,
                   uint32_t trigger_first) {
  if (trigger_first == 0) return false;
  std::string_view before = doc.tokens[trigger_first - 1].lower;
  if (IsOfWord(before) || before == "au" || before == "aux") return true;
  return std::any_of(s.cues.begin(), s.cues.end(), [&](const PhraseMatch& m) {
    return m.end_token == trigger_first &&
           rules.cues[PhraseOf(rules, m).row].kind == CueKind::kDeterminer;
  });
}

// Whether the words between a trigger and an actor only join a noun to its complement: "retrait
// total des", "withdrawal of the", "attaque des".
bool CompletesTheNoun(const Document& doc, uint32_t from, uint32_t to) {
  constexpr uint32_t kMaxWords = 3;
  if (to <= from || to - from > kMaxWords) return false;
  bool genitive = false;
  for (uint32_t t = from; t < to; ++t) {
    const Token& tok = doc.tokens[t];
    if (tok.kind != TokenKind::kWord || (tok.flags & kCapitalized)) return false;
    genitive = genitive || IsOfWord(tok.lower);
  }
  return genitive;
}

std::string PlaceKey(const Place& p) {
  if (p.geonameid != 0) return std::to_string(p.geonameid);
  if (p.kind == PlaceKind::kCountry) return "country:" + p.country;
  return FoldText(p.text.empty() ? p.name : p.text);
}

int64_t RangeWidth(const DateRange& d) {
  if (d.earliest.empty() || d.latest.empty()) return INT64_MAX;
  Published a = ParsePublished(d.earliest), b = ParsePublished(d.latest);
  return b.day - a.day;
}

// Whether `d` ends more than a month before `other` starts: a background date ("depuis
// l'accord de février 2020") does not re-date the event the dispatch reports as news.
bool LongBefore(const DateRange& d, const DateRange& other) {
  constexpr int64_t kBackgroundDays = 31;
  if (d.latest.empty() || other.earliest.empty()) return false;
  Published end = ParsePublished(d.latest), start = ParsePublished(other.earliest);
  return end.has_day() && start.has_day() && end.day + kBackgroundDays < start.day;
}

// One mention of an event per (type, place) in the article: the gold annotates each once.
void MergeDuplicates(std::vector<Event>* events, const std::vector<bool>& explicit_date,
                     const std::vector<bool>& headline) {
  std::vector<Event> merged;
  std::vector<bool> merged_explicit;
  std::vector<bool> merged_headline;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < events->size(); ++i) {
    Event& e = (*events)[i];
    std::string key = e.type + "|" + PlaceKey(e.place);
    auto [it, fresh] = index.emplace(key, merged.size());
    if (fresh) {
      merged.push_back(std::move(e));
      merged_explicit.push_back(explicit_date[i]);
      merged_headline.push_back(headline[i]);
      continue;
    }
    Event& kept = merged[it->second];
    // A denial wins over a claim. Otherwise the first report in the body sets the status: "Selon
    // des témoins, les rebelles ont pris Gao. La chute de Gao est un tournant" stays reported, the
    // later sentence only recalls it. A headline alone does not override an attributed report.
    const bool kept_from_headline = merged_headline[it->second];
    if (e.status == EventStatus::kDenied ||
        (kept_from_headline && kept.status == EventStatus::kAsserted)) {
      kept.status = e.status;
      kept.source = e.source;
      merged_headline[it->second] = headline[i];
    }
    if (explicit_date[i] && !LongBefore(e.date, kept.date) &&
        (!merged_explicit[it->second] || RangeWidth(e.date) < RangeWidth(kept.date))) {
      kept.date = e.date;
      merged_explicit[it->second] = true;
    }
    if (e.count && (!kept.count || *e.count > *kept.count)) kept.count = e.count;
    if (e.fatalities && (!kept.fatalities || *e.fatalities < *kept.fatalities)) {
      kept.fatalities = e.fatalities;
    }
    if (kept.actor.empty()) kept.actor = e.actor;
  }
  *events = std::move(merged);
}

}  // namespace

void ExtractEvents(const RuleSet& rules, const Document& doc,
                   const std::vector<PlaceMention>& places, std::string_view published,
                   int latest_year, bool explain, ArticleScratch* scratch,
                   std::vector<Event>* events) {
  rules.lexicon.MatchAll(doc, &scratch->lexicon, &scratch->matches);
  ArticleContext c{rules, doc, places, ParsePublished(published), explain, {}, {}};
  c.focus_actor = FocusActor(rules, scratch->matches);
  c.focus_country = FocusCountry(places);
  DateRange default_date = DefaultDate(c.published);
  default_date.basis = DateBasis::kPublication;
  scratch->in_quote.assign(doc.tokens.size(), 0);
  {
    bool inside = false, straight = false;
    for (size_t t = 0; t < doc.tokens.size(); ++t) {
      switch (QuoteMark(doc, doc.tokens[t])) {
        case Mark::kOpen:
          inside = true;
          break;
        case Mark::kClose:
          inside = false;
          break;
        case Mark::kStraight:
          straight = !straight;
          inside = straight;
          break;
        case Mark::kNone:
          break;
      }
      scratch->in_quote[t] = inside;
    }
  }
  if (c.published.month != 0 && !c.published.has_day()) {
    std::vector<PhraseMatch>& dates = scratch->sentence.dates;
    dates.clear();
    for (const PhraseMatch& m : scratch->matches) {
      if (PhraseOf(rules, m).kind == PhraseKind::kDateWord) dates.push_back(m);
    }
    c.published.day = LatestDayOfMonth(doc, dates, rules, c.published);
  }
  const bool reference_inferred = c.published.year == 0;
  if (reference_inferred) {
    std::vector<PhraseMatch>& dates = scratch->sentence.dates;
    dates.clear();
    for (const PhraseMatch& m : scratch->matches) {
      if (PhraseOf(rules, m).kind == PhraseKind::kDateWord) dates.push_back(m);
    }
    c.published = ReferenceFromText(doc, dates, rules, latest_year);
    // Better a date near the latest one the article writes than none at all.
    if (c.published.has_day()) {
      default_date = DefaultDate(c.published);
      default_date.basis = DateBasis::kInferred;
    }
  }

  // A title is the first line and ends without a full stop ("Afghanistan : les talibans prennent
  // Jalalabad"); a first sentence with one is the lead, in the dispatch's own voice.
  const Sentence* headline = nullptr;
  if (!doc.sentences.empty()) {
    const Sentence& first = doc.sentences.front();
    if (first.end_token > first.first_token &&
        doc.TokenText(doc.tokens[first.end_token - 1]) != ".") {
      headline = &first;
    }
  }
  size_t first_new = events->size();
  std::vector<std::string> denied_places;
  std::vector<bool> explicit_date(first_new, false);
  std::vector<bool> from_headline(first_new, false);
  size_t previous_sentence_events = events->size();
  size_t next_match = 0;
  SentenceMatches& s = scratch->sentence;
  for (const Sentence& sentence : doc.sentences) {
    s.Clear();
    s.first_token = sentence.first_token;
    s.end_token = sentence.end_token;
    for (; next_match < scratch->matches.size() &&
           scratch->matches[next_match].first_token < sentence.end_token;
         ++next_match) {
      const PhraseMatch& m = scratch->matches[next_match];
      switch (PhraseOf(rules, m).kind) {
        case PhraseKind::kTrigger:
          s.triggers.push_back(m);
          break;
        case PhraseKind::kActor:
          s.actors.push_back(m);
          break;
        case PhraseKind::kCue:
          s.cues.push_back(m);
          break;
        case PhraseKind::kSource:
          s.sources.push_back(m);
          break;
        case PhraseKind::kDateWord:
          s.dates.push_back(m);
          break;
      }
    }
    // Keep the longest of overlapping actor, source and trigger matches.
    auto drop_overlaps = [](std::vector<PhraseMatch>* v) {
      size_t out = 0;
      for (size_t i = 0; i < v->size(); ++i) {
        if (out > 0 && (*v)[i].first_token < (*v)[out - 1].end_token) continue;
        (*v)[out++] = (*v)[i];
      }
      v->resize(out);
    };
    drop_overlaps(&s.actors);
    drop_overlaps(&s.sources);
    drop_overlaps(&s.triggers);

    const size_t sentence_events = events->size();
    {
      // A denial names what it denies: every event at a place it names is denied, wherever
      // the article reported it ("L'armée dément la chute de Gao").
      std::string who;
      uint32_t deny_at = 0;
      if (SentenceDenies(rules, s, &who, &deny_at)) {
        bool names_a_place = false;
        for (const PlaceMention& m : places) {
          if (m.first_token >= sentence.first_token && m.end_token <= sentence.end_token) {
            // A country before the denial is the denier: "L'Arménie a démenti".
            if (m.place.kind == PlaceKind::kCountry && m.end_token <= deny_at) continue;
            denied_places.push_back(PlaceKey(m.place));
            names_a_place = true;
          }
        }
        // One that names no place is about what the previous sentence reported: "Les
        // autorités démentent", "L'Algérie dément, même si elle admet que des combats ont lieu
        // dans la ville", "the ministry denied the town had been lost".
        if (!names_a_place) {
          for (size_t i = previous_sentence_events; i < sentence_events; ++i) {
            // A denial that goes on about the fighting does not deny the fighting.
            if (!s.triggers.empty() && (*events)[i].type == "attack") continue;
            (*events)[i].status = EventStatus::kDenied;
            (*events)[i].source = who;
            if (explain) (*events)[i].explain.push_back("status: denied by the next sentence");
          }
        }
      }
    }
    if (s.triggers.empty()) continue;
    std::string date_why;
    DateRange sentence_date = ResolveSentenceDate(doc, sentence.first_token, sentence.end_token,
                                                  s.dates, rules, c.published, &date_why);
    const bool has_explicit_date = !sentence_date.earliest.empty();
    // "Mardi soir" in an undated article resolves against a date found elsewhere in it.
    sentence_date.basis =
        reference_inferred && date_why != "explicit date" ? DateBasis::kInferred : DateBasis::kText;
    if (!has_explicit_date) sentence_date = default_date;
    if (sentence_date.earliest.empty()) sentence_date.basis = DateBasis::kNone;

    for (size_t k = 0; k < s.triggers.size(); ++k) {
      const PhraseMatch& trig = s.triggers[k];
      const TriggerRule& rule = rules.triggers[PhraseOf(rules, trig).row];
      uint32_t left = sentence.first_token;
      for (uint32_t t = trig.first_token; t-- > sentence.first_token;) {
        if (IsClauseBreak(doc, doc.tokens[t])) {
          left = t + 1;
          break;
        }
      }
      uint32_t place_left = std::max(left, k > 0 ? s.triggers[k - 1].end_token : left);
      uint32_t right =
          k + 1 < s.triggers.size() ? s.triggers[k + 1].first_token : sentence.end_token;
      for (uint32_t t = trig.end_token; t < right; ++t) {
        if (IsClauseBreak(doc, doc.tokens[t])) {
          right = t;
          break;
        }
      }
      // Actor: the passive agent after the trigger, or the nearest actor before it; a noun's
      // own complement first ("les talibans profitent du retrait des troupes étrangères").
      const PhraseMatch* actor = nullptr;
      for (const PhraseMatch& a : s.actors) {
        if (a.end_token <= trig.first_token && a.first_token >= left) actor = &a;
      }
      if (IsNounTrigger(rules, doc, s, trig.first_token)) {
        for (const PhraseMatch& a : s.actors) {
          if (a.first_token >= trig.end_token && a.first_token < right &&
              CompletesTheNoun(doc, trig.end_token, a.first_token)) {
            actor = &a;
            break;
          }
        }
      }
      if (rule.agent_after || actor == nullptr) {
        for (const PhraseMatch& a : s.actors) {
          if (a.first_token >= trig.end_token && a.first_token < right &&
              (rule.agent_after || a.first_token <= trig.end_token + 8)) {
            // "le retrait total des troupes étrangères", "the withdrawal of US troops": the
            // actor completes the noun.
            bool agent = rule.agent_after || CompletesTheNoun(doc, trig.end_token, a.first_token);
            for (const PhraseMatch& cue : s.cues) {
              agent =
                  agent || (rules.cues[PhraseOf(rules, cue).row].kind == CueKind::kAgent &&
                            cue.end_token <= a.first_token && cue.end_token + 2 >= a.first_token);
            }
            if (agent) {
              actor = &a;
              break;
            }
          }
        }
      }
      // "Le ministère a affirmé avoir repris Gao": a party that speaks of its own deed acts.
      if (rule.needs_actor && actor == nullptr &&
          !PartySpeaksOfItsDeed(rules, doc, s, trig.first_token)) {
        continue;
      }
      // "tombés sans combat": the cue says the event did not take place at all.
      bool cancelled = false;
      for (const PhraseMatch& cue : s.cues) {
        // Within a few words, but not the trigger's own words: "police seized weapons" is no
        // capture, "the army seized the town" is.
        // "Les districts sont tombés sans combat", "seized the town without a fight": the manner
        // after a change of control says no fighting, not that the town did not fall.
        if (rule.type == "capture" && cue.first_token >= trig.end_token &&
            IsMannerNegation(doc, cue)) {
          continue;
        }
        const Cue& row = rules.cues[PhraseOf(rules, cue).row];
        if (row.kind != CueKind::kCancel) continue;
        // Value 1: the word rules out the whole sentence ("a furnace of the steel works
        // overheated, and the blast that followed...").
        const uint32_t reach = row.value == 1 ? UINT32_MAX / 2 : kCancelReach;
        // Not the trigger's own words, unless the cue holds them and says more: "une explosion
        // de gaz", "a gas explosion".
        const bool apart = cue.end_token <= trig.first_token || cue.first_token >= trig.end_token;
        const bool holds = cue.first_token <= trig.first_token && cue.end_token >= trig.end_token &&
                           cue.end_token - cue.first_token > trig.end_token - trig.first_token;
        cancelled = cancelled || (cue.end_token + reach >= trig.first_token &&
                                  cue.first_token <= trig.end_token + reach && (apart || holds));
      }
      if (cancelled) continue;
      std::string actor_name;
      if (actor != nullptr) {
        const ActorEntry& entry = rules.actors[PhraseOf(rules, *actor).row];
        actor_name = entry.generic ? c.focus_actor : entry.canonical;
      }

      // Places: every mention of the clause after the trigger (an enumeration gives one event
      // each), or before it when the place is the subject ("Kunduz est tombée").
      std::vector<const PlaceMention*> chosen;
      const PlaceMention* dateline = nullptr;
      const bool brief = doc.sentences.size() <= kBriefSentences;
      auto collect = [&](uint32_t from, uint32_t to) {
        const PlaceMention* previous = nullptr;
        bool previous_taken = false;
        for (const PlaceMention& m : places) {
          if (m.first_token < from || m.end_token > to) continue;
          if (IsDateline(doc, m)) {
            dateline = &m;
            continue;
          }
          if (PlaceExcluded(c, s, m)) continue;
          // An unknown capitalized word opening a sentence is most often no place at all ("In",
          // "Selon").
          if (!m.place.resolved() && m.end_token == m.first_token + 1 &&
              (doc.tokens[m.first_token].flags & kSentenceStart)) {
            continue;
          }
          bool take = previous == nullptr;
          if (!take) {
            int glue = Glue(c, s, previous->end_token, m.first_token);
            take = glue == 2 || (glue == 1 && previous_taken);
          }
          if (take) chosen.push_back(&m);
          previous = &m;
          previous_taken = take;
        }
      };
      if (rule.place_before) collect(place_left, trig.first_token);
      if (chosen.empty()) collect(trig.end_token, right);
      // Rules placed at country level by default look no further back ("À quelques semaines du
      // retrait des forces américaines" names no place of the withdrawal).
      if (chosen.empty() && !rule.place_before && !rule.country) {
        collect(place_left, trig.first_token);
      }
      // A foreign country is where the troops come from ("le retrait des troupes des
      // États-Unis"), unless the rule says the event goes abroad ("ont fui au Tadjikistan").
      if (!rule.abroad && c.focus_country.kind == PlaceKind::kCountry) {
        std::erase_if(chosen, [&](const PlaceMention* m) {
          return m->place.kind == PlaceKind::kCountry &&
                 m->place.country != c.focus_country.country;
        });
      }
      // A country named beside finer places is context ("Kunduz, dans le nord de l'Afghanistan").
      bool finer = std::any_of(chosen.begin(), chosen.end(), [](const PlaceMention* m) {
        return m->place.kind != PlaceKind::kCountry;
      });
      // Most types are annotated at country level only with a count ("plus de dix districts");
      // the rules of the others say so (`country`: withdrawals, surrenders, threats).
      if (!rule.country && !brief) {
        std::erase_if(chosen,
                      [](const PlaceMention* m) { return m->place.kind == PlaceKind::kCountry; });
      }
      if (finer) {
        std::erase_if(chosen,
                      [](const PlaceMention* m) { return m->place.kind == PlaceKind::kCountry; });
      }

      int64_t count = CountBefore(c, s, CueKind::kLumpNoun, left, right);
      int64_t fatalities =
          CountBefore(c, s, CueKind::kDeathWord, sentence.first_token, sentence.end_token);
      Attribution attribution = Attribute(rules, doc, s, trig.first_token, trig.end_token, right);
      // Inside a quotation, the dispatch no longer speaks in its own voice: "« Nous avons pris
      // la ville », a déclaré le porte-parole" is a claim.
      if (attribution.status == EventStatus::kAsserted && scratch->in_quote[trig.first_token]) {
        attribution.status = EventStatus::kClaimed;
        attribution.why = "inside a quotation";
      }
      if (rule.planned && attribution.status == EventStatus::kAsserted) {
        attribution.status = EventStatus::kPlanned;
        attribution.why = "a statement of intent";
      }

      auto emit = [&](const Place& place, const PlaceMention* mention, std::optional<int64_t> n) {
        Event e;
        e.type = rule.type;
        e.actor = actor_name.empty() ? c.focus_actor : actor_name;
        e.place = place;
        e.date = sentence_date;
        e.status = attribution.status;
        e.source = attribution.source;
        e.count = n;
        if (fatalities > 0) e.fatalities = fatalities;
        uint32_t keep_end = trig.end_token;
        uint32_t span_end = right;
        if (mention != nullptr) {
          keep_end = std::max(keep_end, mention->end_token);
          span_end = std::max(span_end, mention->end_token);
        }
        uint32_t keep_first =
            std::min(trig.first_token, mention ? mention->first_token : trig.first_token);
        e.evidence = MakeEvidence(doc, left, span_end, keep_first, keep_end);
        e.rule = rule.origin.Where();
        if (explain) {
          e.explain.push_back("trigger: " + rule.origin.Where() + " \"" + rule.pattern + "\"");
          e.explain.push_back("actor: " +
                              (actor != nullptr
                                   ? rules.actors[PhraseOf(rules, *actor).row].origin.Where()
                                   : std::string("the article's main actor")));
          e.explain.push_back(std::string("place: ") + (mention ? "mention in the trigger's clause"
                                                                : "the article's country"));
          e.explain.push_back("status: " + attribution.why);
          e.explain.push_back("date: " +
                              (has_explicit_date ? date_why : std::string("publication date")));
        }
        events->push_back(std::move(e));
        explicit_date.push_back(has_explicit_date);
        from_headline.push_back(headline == &sentence);
      };
      if (chosen.empty()) {
        // "Les talibans ont pris la ville vendredi": the town the text named last.
        bool anaphor = false;
        for (const PhraseMatch& cue : s.cues) {
          anaphor = anaphor || (rules.cues[PhraseOf(rules, cue).row].kind == CueKind::kAnaphor &&
                                cue.first_token >= left && cue.first_token < right);
        }
        const PlaceMention* last = nullptr;
        for (const PlaceMention& m : places) {
          if (m.end_token > sentence.first_token) break;
          if (m.place.resolved() && m.place.kind != PlaceKind::kCountry && !IsDateline(doc, m)) {
            last = &m;
          }
        }
        if (anaphor && last != nullptr) {
          Place place = last->place;
          emit(place, nullptr, std::nullopt);
        }
      }
      for (const PlaceMention* m : chosen) {
        if (m->place.resolved() || c.focus_country.country.empty()) {
          emit(m->place, m, std::nullopt);
          continue;
        }
        // A place the gazetteer does not know ("le palais présidentiel", a hamlet) is taken to
        // lie in the article's country.
        Place place = m->place;
        place.country = c.focus_country.country;
        emit(place, m, std::nullopt);
      }
      // A short dispatch (a snippet, a brief) is about one event: its trigger counts even when
      // its clause names no place.
      if (chosen.empty() && brief) {
        collect(sentence.first_token, sentence.end_token);
        for (const PlaceMention* m : chosen) emit(m->place, m, std::nullopt);
      }
      const bool has_country = c.focus_country.kind == PlaceKind::kCountry;
      const PlaceMention* province = nullptr;
      for (const PlaceMention* m : chosen) {
        if (m->place.kind == PlaceKind::kAdmin1 && province == nullptr) province = m;
      }
      if (count > 0 && province != nullptr) {
        // "six districts de la province de Badakhshan": the count goes to the province.
        for (size_t i = events->size(); i-- > sentence_events;) {
          if ((*events)[i].place.span.start == province->place.span.start) {
            (*events)[i].count = count;
            break;
          }
        }
      } else if (count > 0 && has_country) {
        emit(c.focus_country, nullptr, count);
      } else if (chosen.empty() && has_country &&
                 (rule.country || brief ||
                  (dateline != nullptr && dateline->place.country == c.focus_country.country))) {
        // "BAMAKO (Wire) – Vingt soldats ont été tués dans le nord": filed from the country it
        // happened in, at no named place.
        emit(c.focus_country, nullptr, std::nullopt);
      } else if (chosen.empty() && brief) {
        // Nothing can be placed: the event still says what happened.
        emit(Place{}, nullptr, count > 0 ? std::optional<int64_t>(count) : std::nullopt);
      }
    }
    previous_sentence_events = sentence_events;
  }
  for (size_t i = first_new; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (e.status == EventStatus::kDenied || e.status == EventStatus::kPlanned || e.type == "attack")
      continue;
    if (std::find(denied_places.begin(), denied_places.end(), PlaceKey(e.place)) !=
        denied_places.end()) {
      e.status = EventStatus::kDenied;
      if (explain) e.explain.push_back("status: a denial elsewhere in the article names its place");
    }
  }
  std::vector<Event> tail(
      std::make_move_iterator(events->begin() + static_cast<std::ptrdiff_t>(first_new)),
      std::make_move_iterator(events->end()));
  events->resize(first_new);
  std::vector<bool> tail_explicit(explicit_date.begin() + static_cast<std::ptrdiff_t>(first_new),
                                  explicit_date.end());
  std::vector<bool> tail_headline(from_headline.begin() + static_cast<std::ptrdiff_t>(first_new),
                                  from_headline.end());
  MergeDuplicates(&tail, tail_explicit, tail_headline);
  // What the dispatch dates after its own publication has not happened yet: "Deux mois avant le
  // départ des troupes étrangères ... Le retrait est fixé au 30 septembre".
  const Published published_on = ParsePublished(published);
  if (published_on.year != 0) {
    const int64_t last_day = published_on.has_day() ? published_on.day
                             : published_on.month != 0
                                 ? DaysFromCivil(published_on.year, published_on.month,
                                                 DaysInMonth(published_on.year, published_on.month))
                                 : DaysFromCivil(published_on.year, 12, 31);
    for (Event& e : tail) {
      if (e.status != EventStatus::kAsserted || e.date.basis != DateBasis::kText) continue;
      Published from = ParsePublished(e.date.earliest);
      if (!from.has_day() || from.day <= last_day) continue;
      e.status = EventStatus::kPlanned;
      if (explain) e.explain.push_back("status: dated after the dispatch, so still to come");
    }
  }
  for (Event& e : tail) events->push_back(std::move(e));
}

}  // namespace vigie::internal
