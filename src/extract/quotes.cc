#include "extract/quotes.h"

#include <string_view>

namespace vigie::internal {
namespace {

enum class Mark { kNone, kOpen, kClose, kStraight };

Mark QuoteMark(const Document& doc, const Token& t) {
  if (t.kind != TokenKind::kPunct && t.kind != TokenKind::kSymbol) return Mark::kNone;
  std::string_view s = doc.TokenText(t);
  if (s == "«" || s == "“") return Mark::kOpen;
  if (s == "»" || s == "”") return Mark::kClose;
  if (s == "\"") return Mark::kStraight;
  return Mark::kNone;
}

// Words that may sit inside a person's name: "Zabihullah Mujahid", "Abdul Satar Mirzakwal",
// "Ashraf al-Ghani", "Mohammad bin Salman".
bool NameParticle(std::string_view lower) {
  return lower == "al" || lower == "bin" || lower == "ben" || lower == "de" || lower == "van" ||
         lower == "von" || lower == "ul";
}

struct Speaker {
  std::string name;
  std::string role;
};

bool IsPlace(const std::vector<PlaceMention>& places, uint32_t first, uint32_t end) {
  for (const PlaceMention& m : places) {
    if (first == m.first_token && end == m.end_token) return true;
  }
  return false;
}

bool IsSource(const RuleSet& rules, const std::vector<PhraseMatch>& matches, uint32_t first,
              uint32_t end) {
  for (const PhraseMatch& m : matches) {
    if (m.first_token >= end) break;
    if (m.end_token > first && rules.lexicon.phrases()[m.phrase].kind == PhraseKind::kSource) {
      return true;
    }
  }
  return false;
}

// The longest run of two or more capitalized words in [first, end) that is not exactly a place
// ("Lashkar Gah"), not a source ("Agence France-Presse") and not in capitals (a photo credit).
bool FindName(const Document& doc, const std::vector<PlaceMention>& places, const RuleSet& rules,
              const std::vector<PhraseMatch>& matches, uint32_t first, uint32_t end,
              uint32_t* name_first, uint32_t* name_end) {
  uint32_t best_first = 0, best_len = 0;
  for (uint32_t t = first; t < end;) {
    const Token& tok = doc.tokens[t];
    bool cap =
        tok.kind == TokenKind::kWord && (tok.flags & kCapitalized) && !(tok.flags & kAllCaps);
    if (!cap) {
      ++t;
      continue;
    }
    uint32_t u = t + 1;
    while (u < end) {
      const Token& next = doc.tokens[u];
      if (next.kind == TokenKind::kWord && (next.flags & kCapitalized) &&
          !(next.flags & kAllCaps)) {
        ++u;
      } else if (next.kind == TokenKind::kWord && NameParticle(next.lower) && u + 1 < end &&
                 (doc.tokens[u + 1].flags & kCapitalized)) {
        u += 2;
      } else {
        break;
      }
    }
    // "à l'Agence France-Presse Roh Gul Khairzad": the name starts after the source.
    uint32_t start = t;
    for (const PhraseMatch& m : matches) {
      if (m.first_token >= u) break;
      if (m.end_token > start && m.end_token < u &&
          rules.lexicon.phrases()[m.phrase].kind == PhraseKind::kSource) {
        start = m.end_token;
      }
    }
    if (u - start >= 2 && u - start > best_len && !IsPlace(places, start, u) &&
        !IsSource(rules, matches, start, u)) {
      best_first = start;
      best_len = u - start;
    }
    t = u;
  }
  if (best_len == 0) return false;
  *name_first = best_first;
  *name_end = best_first + best_len;
  return true;
}

std::string Text(const Document& doc, uint32_t first, uint32_t end) {
  if (first >= end) return {};
  return doc.text.substr(doc.tokens[first].start,
                         doc.tokens[end - 1].end - doc.tokens[first].start);
}

bool IsComma(const Document& doc, uint32_t t) {
  return doc.tokens[t].kind == TokenKind::kPunct && doc.TokenText(doc.tokens[t]) == ",";
}

// The role around a name: ", ministre afghan de l'Intérieur," after it, or the source phrase
// ("le porte-parole des talibans") closest to it.
std::string RoleNear(const Document& doc, const RuleSet& rules,
                     const std::vector<PhraseMatch>& matches, uint32_t name_first,
                     uint32_t name_end, uint32_t limit) {
  if (name_end < limit && IsComma(doc, name_end)) {
    uint32_t t = name_end + 1;
    while (t < limit && t < name_end + 10 && !IsComma(doc, t) && !IsClauseBreak(doc, doc.tokens[t]))
      ++t;
    if (t > name_end + 1 && !(doc.tokens[name_end + 1].flags & kCapitalized)) {
      return Text(doc, name_end + 1, t);
    }
  }
  for (const PhraseMatch& m : matches) {
    if (rules.lexicon.phrases()[m.phrase].kind != PhraseKind::kSource) continue;
    if (m.end_token <= name_first && m.end_token + 3 >= name_first)
      return Text(doc, m.first_token, m.end_token);
  }
  return {};
}

}  // namespace

void ExtractQuotes(const RuleSet& rules, const Document& doc,
                   const std::vector<PhraseMatch>& matches, const std::vector<PlaceMention>& places,
                   std::vector<Quote>* quotes) {
  const auto& phrases = rules.lexicon.phrases();
  auto speech_in = [&](uint32_t first, uint32_t end) {
    for (const PhraseMatch& m : matches) {
      if (m.first_token >= end) break;
      if (m.first_token < first || phrases[m.phrase].kind != PhraseKind::kCue) continue;
      CueKind kind = rules.cues[phrases[m.phrase].row].kind;
      if (kind == CueKind::kSpeech || kind == CueKind::kHearsay || kind == CueKind::kClaim ||
          kind == CueKind::kDeny) {
        return true;
      }
    }
    return false;
  };
  // A role ("un habitant", "le porte-parole") before an armed actor's name ("les talibans").
  auto source_in = [&](uint32_t first, uint32_t end, std::string* name) {
    for (PhraseKind wanted : {PhraseKind::kSource, PhraseKind::kActor}) {
      for (const PhraseMatch& m : matches) {
        if (m.first_token >= end) break;
        if (m.first_token < first || phrases[m.phrase].kind != wanted) continue;
        *name = Text(doc, m.first_token, m.end_token);
        return true;
      }
    }
    return false;
  };

  Speaker last;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  bool straight_open = false;
  uint32_t open = 0;
  for (uint32_t t = 0; t < n; ++t) {
    Mark mark = QuoteMark(doc, doc.tokens[t]);
    if (mark == Mark::kNone) continue;
    if (mark == Mark::kOpen || (mark == Mark::kStraight && !straight_open)) {
      open = t;
      straight_open = mark == Mark::kStraight;
      continue;
    }
    if (mark == Mark::kStraight) straight_open = false;
    uint32_t close = t;
    if (close <= open + 1 || close - open > 400) continue;
    Speaker speaker;
    uint32_t before = open > 25 ? open - 25 : 0;
    for (uint32_t u = open; u-- > before;) {
      if (QuoteMark(doc, doc.tokens[u]) != Mark::kNone ||
          (doc.TokenText(doc.tokens[u]) == "." && doc.tokens[u].kind == TokenKind::kPunct)) {
        before = u + 1;
        break;
      }
    }
    // After the quote, up to the end of its sentence: "», a déclaré à l'AFP Roh Gul Khairzad,
    // vice-gouverneure de la province".
    uint32_t after = std::min(n, close + 30);
    for (uint32_t u = close + 1; u < after; ++u) {
      if (QuoteMark(doc, doc.tokens[u]) != Mark::kNone || IsClauseBreak(doc, doc.tokens[u])) {
        after = u;
        break;
      }
    }
    uint32_t nf = 0, ne = 0;
    const bool said_after = after > close + 1 && speech_in(close + 1, std::min(after, close + 5));
    const bool said_before =
        before < open && (speech_in(before, open) || IsClauseBreak(doc, doc.tokens[open - 1]));
    // A person's name beats a role ("le porte-parole"), which beats the previous speaker.
    if (said_after && FindName(doc, places, rules, matches, close + 1, after, &nf, &ne)) {
      speaker.name = Text(doc, nf, ne);
      speaker.role = RoleNear(doc, rules, matches, nf, ne, after);
    } else if (said_before && FindName(doc, places, rules, matches, before, open, &nf, &ne)) {
      speaker.name = Text(doc, nf, ne);
      speaker.role = RoleNear(doc, rules, matches, nf, ne, open);
    } else if (said_after && source_in(close + 1, after, &speaker.name)) {
      speaker.role = speaker.name;
    } else if (said_before && source_in(before, open, &speaker.name)) {
      speaker.role = speaker.name;
    }
    if (speaker.name.empty()) speaker = last;
    if (speaker.name.empty()) {
      // No attribution around the quote: the person the paragraph last named.
      uint32_t from = open > 60 ? open - 60 : 0;
      if (FindName(doc, places, rules, matches, from, open, &nf, &ne))
        speaker.name = Text(doc, nf, ne);
    }
    if (speaker.name.empty()) continue;
    last = speaker;
    Quote q;
    q.speaker = speaker.name;
    q.role = speaker.role;
    uint32_t start = doc.tokens[open].end, end = doc.tokens[close].start;
    while (start < end && doc.text[start] == ' ') ++start;
    while (end > start && doc.text[end - 1] == ' ') --end;
    q.span = doc.ToOriginal(start, end);
    q.text = std::string(doc.original.substr(q.span.start, q.span.end - q.span.start));
    quotes->push_back(std::move(q));
  }
}

}  // namespace vigie::internal
