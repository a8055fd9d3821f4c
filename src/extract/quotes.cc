#include "extract/quotes.h"

#include <string_view>

#include "extract/quote_words.h"

namespace vigie::internal {

Mark QuoteMark(const Document& doc, const Token& t) {
  if (t.kind != TokenKind::kPunct && t.kind != TokenKind::kSymbol) return Mark::kNone;
  std::string_view s = doc.TokenText(t);
  // Single curly marks quote too ("‘We hold the town,’ the mayor said").
  if (s == "«" || s == "“" || s == "‘") return Mark::kOpen;
  if (s == "»" || s == "”" || s == "’") return Mark::kClose;
  if (s == "\"") return Mark::kStraight;
  return Mark::kNone;
}

namespace {

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

// "Nagorno-Karabakh\n\nAzerbaijan": a paragraph break ends any name.
bool LineBreakBefore(const Document& doc, uint32_t t) {
  if (t == 0) return false;
  for (uint32_t i = doc.tokens[t - 1].end; i < doc.tokens[t].start; ++i) {
    if (doc.text[i] == '\n') return true;
  }
  return false;
}

// A clause break, except the full stop of "M. Khairzad" or "Gen. McKenzie".
bool EndsWindow(const Document& doc, uint32_t t) {
  const Token& tok = doc.tokens[t];
  if (!IsClauseBreak(doc, tok)) return false;
  if (t > 0 && doc.TokenText(tok) == ".") {
    const Token& prev = doc.tokens[t - 1];
    if (prev.kind == TokenKind::kWord &&
        (IsNameTitle(prev.lower) || (prev.end - prev.start == 1 && (prev.flags & kCapitalized))))
      return false;
  }
  return true;
}

bool NameWord(const Token& tok) {
  return tok.kind == TokenKind::kWord && (tok.flags & kCapitalized) && !(tok.flags & kAllCaps);
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

// A run of two or more capitalized words in [first, end) that is not exactly a place
// ("Lashkar Gah"), not a source ("Agence France-Presse"), not in capitals (a photo credit) and
// not the listener ("told Reuters", "à la chaîne Al Jazeera"). Words at its edges that are no
// part of a name ("Selon", "Sunday", "Twitter") are dropped. The first such run after a quote,
// the last one before it.
bool FindName(const Document& doc, const std::vector<PlaceMention>& places, const RuleSet& rules,
              const std::vector<PhraseMatch>& matches, uint32_t first, uint32_t end,
              uint32_t* name_first, uint32_t* name_end, bool prefer_last = false) {
  bool found = false;
  for (uint32_t t = first; t < end;) {
    if (!NameWord(doc.tokens[t])) {
      ++t;
      continue;
    }
    uint32_t u = t + 1;
    while (u < end && !LineBreakBefore(doc, u)) {
      const Token& next = doc.tokens[u];
      if (NameWord(next)) {
        ++u;
      } else if (next.kind == TokenKind::kWord && NameParticle(next.lower) && u + 1 < end &&
                 NameWord(doc.tokens[u + 1])) {
        u += 2;
      } else {
        break;
      }
    }
    const uint32_t run_end = u;
    // "à l'Agence France-Presse Roh Gul Khairzad": the name starts after the source.
    uint32_t start = t;
    for (const PhraseMatch& m : matches) {
      if (m.first_token >= u) break;
      if (m.end_token > start && m.end_token < u &&
          rules.lexicon.phrases()[m.phrase].kind == PhraseKind::kSource) {
        start = m.end_token;
      }
    }
    while (start < u &&
           (IsNameEdgeWord(doc.tokens[start].lower) || IsNameTitle(doc.tokens[start].lower)))
      ++start;
    while (u > start && IsNameEdgeWord(doc.tokens[u - 1].lower)) --u;
    bool listener = start > 0 && IsListenerMarker(doc.tokens[start - 1].lower);
    // "Tolga Akmen/AFP/Getty Images": a photo credit, even in mixed case.
    bool credit = (run_end < doc.tokens.size() && doc.TokenText(doc.tokens[run_end]) == "/") ||
                  (t > 0 && doc.TokenText(doc.tokens[t - 1]) == "/");
    const bool titled =
        u - start == 1 && ((start >= 1 && IsHonorific(doc.tokens[start - 1].lower)) ||
                           (start >= 2 && doc.TokenText(doc.tokens[start - 1]) == "." &&
                            IsHonorific(doc.tokens[start - 2].lower)));
    if ((u - start >= 2 || titled) && !listener && !credit && !IsPlace(places, start, u) &&
        !IsSource(rules, matches, start, u) &&
        (!found || prefer_last || u - start > *name_end - *name_first)) {
      *name_first = start;
      *name_end = u;
      found = true;
      if (!prefer_last) return true;
    }
    t = run_end;
  }
  return found;
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
  // The first (or last) speech cue in [first, end): "a déclaré", "said", "selon".
  auto speech_in = [&](uint32_t first, uint32_t end, bool last = false) -> const PhraseMatch* {
    const PhraseMatch* found = nullptr;
    for (const PhraseMatch& m : matches) {
      if (m.first_token >= end) break;
      if (m.first_token < first || phrases[m.phrase].kind != PhraseKind::kCue) continue;
      CueKind kind = rules.cues[phrases[m.phrase].row].kind;
      if (kind == CueKind::kSpeech || kind == CueKind::kHearsay || kind == CueKind::kClaim ||
          kind == CueKind::kDeny) {
        found = &m;
        if (!last) break;
      }
    }
    return found;
  };
  auto heard_by = [&](uint32_t t) {
    return (t > 0 && IsListenerMarker(doc.tokens[t - 1].lower)) ||
           (t > 1 && IsListenerMarker(doc.tokens[t - 2].lower));
  };
  // The first word of the role the speaker search settled on ("président" in "le président").
  uint32_t role_head = 0;
  // A role ("un habitant", "le porte-parole") before an armed actor's name ("les talibans").
  auto source_in = [&](uint32_t first, uint32_t end, std::string* name) {
    for (PhraseKind wanted : {PhraseKind::kSource, PhraseKind::kActor}) {
      for (const PhraseMatch& m : matches) {
        if (m.first_token >= end) break;
        if (m.first_token < first || phrases[m.phrase].kind != wanted) continue;
        // "a déclaré un commerçant à la chaîne Radio Soleil": the channel only heard it.
        if (heard_by(m.first_token)) continue;
        // "selon un communiqué des gardes-frontières du Tadjikistan": whose statement it is.
        const uint32_t count = static_cast<uint32_t>(doc.tokens.size());
        uint32_t stop = m.end_token;
        if (wanted == PhraseKind::kSource && stop < count && IsOfWord(doc.tokens[stop].lower)) {
          uint32_t u = stop + 1;
          while (u < count && u < stop + 6 && doc.tokens[u].kind == TokenKind::kWord &&
                 !EndsSpeakerPhrase(doc.tokens[u].lower) && !LineBreakBefore(doc, u))
            ++u;
          while (u > stop + 1 && (IsOfWord(doc.tokens[u - 1].lower) ||
                                  IsSpeakerDeterminer(doc.tokens[u - 1].lower, false)))
            --u;
          if (u > stop + 1) stop = u;
        }
        *name = Text(doc, m.first_token, stop);
        role_head = m.first_token;
        while (role_head + 1 < m.end_token &&
               IsSpeakerDeterminer(doc.tokens[role_head].lower, doc.lang == Lang::kEn))
          ++role_head;
        return true;
      }
    }
    return false;
  };
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  // "Wallace said", "regrette M. Khairzad", "Getachew claimed": a lone capitalized word next to
  // the cue is the speaker, under the full name the article gave earlier when it did.
  auto lone_name = [&](uint32_t t, std::string* name) {
    if (t >= n || !NameWord(doc.tokens[t]) || IsNameEdgeWord(doc.tokens[t].lower) ||
        IsNameTitle(doc.tokens[t].lower) || IsPlace(places, t, t + 1) ||
        IsSource(rules, matches, t, t + 1) || (t > 0 && NameWord(doc.tokens[t - 1])) ||
        (t + 1 < n && NameWord(doc.tokens[t + 1])))
      return false;
    std::string_view word = doc.TokenText(doc.tokens[t]);
    for (uint32_t u = 0; u + 1 < n; ++u) {
      if (doc.TokenText(doc.tokens[u]) != word || u == t) continue;
      uint32_t a = u, b = u + 1;
      while (a > 0 && NameWord(doc.tokens[a - 1]) && !LineBreakBefore(doc, a) &&
             !IsNameEdgeWord(doc.tokens[a - 1].lower) && !IsNameTitle(doc.tokens[a - 1].lower))
        --a;
      while (b < n && NameWord(doc.tokens[b]) && !LineBreakBefore(doc, b) &&
             !IsNameEdgeWord(doc.tokens[b].lower))
        ++b;
      if (b - a >= 2 && !IsPlace(places, a, b) && !IsSource(rules, matches, a, b)) {
        *name = Text(doc, a, b);
        return true;
      }
    }
    *name = std::string(word);
    return true;
  };
  // "a déclaré un habitant de la ville", "a senior government official told": an unnamed
  // speaker described by a noun phrase in [first, end).
  // With `reach_end`, the phrase must run up to `end` ("a senior official told": the cue).
  auto described = [&](uint32_t first, uint32_t end, std::string* name, bool reach_end) {
    for (uint32_t t = first; t < end; ++t) {
      if (!IsSpeakerDeterminer(doc.tokens[t].lower, doc.lang == Lang::kEn)) continue;
      if (t > 0 && IntroducesCircumstance(doc.tokens[t - 1].lower)) continue;
      uint32_t u = t + 1;
      while (u < end && u < t + 5 && doc.tokens[u].kind == TokenKind::kWord &&
             !EndsSpeakerPhrase(doc.tokens[u].lower))
        ++u;
      while (u > t + 1 && (IsOfWord(doc.tokens[u - 1].lower) ||
                           IsSpeakerDeterminer(doc.tokens[u - 1].lower, false)))
        --u;
      if (reach_end && u != end) continue;
      if (u > t + 1) {
        *name = Text(doc, t + 1, u);
        role_head = t + 1;
        return true;
      }
    }
    return false;
  };

  // "le président afghan Ashraf Ghani ... « ... », a déclaré le président": a role names the
  // person the article put right after the same role word, the closest such place before the
  // quote.
  auto person_for_role = [&](uint32_t head, uint32_t open, std::string* name) {
    const std::string_view folded = doc.tokens[head].folded;
    uint32_t best_first = 0, best_end = 0, best_distance = UINT32_MAX;
    for (uint32_t u = 0; u < n; ++u) {
      if (doc.tokens[u].folded != folded) continue;
      if (u >= open) break;
      // At most two adjectives between: "président afghan Ashraf Ghani".
      uint32_t v = u + 1;
      while (v < n && v < u + 3 && !NameWord(doc.tokens[v]) && !LineBreakBefore(doc, v) &&
             doc.tokens[v].kind == TokenKind::kWord && !(doc.tokens[v].flags & kAllCaps))
        ++v;
      uint32_t nf = 0, ne = 0;
      if (v >= n || !NameWord(doc.tokens[v]) || LineBreakBefore(doc, v) ||
          !FindName(doc, places, rules, matches, v, std::min(n, v + 6), &nf, &ne) || nf > v + 1)
        continue;
      uint32_t distance = open - u;
      if (distance < best_distance) {
        best_distance = distance;
        best_first = nf;
        best_end = ne;
      }
    }
    if (best_distance == UINT32_MAX) return false;
    *name = Text(doc, best_first, best_end);
    return true;
  };

  Speaker last;
  uint32_t last_close = 0;
  bool open_pending = false, open_guillemet = false, open_single = false;
  uint32_t open = 0;
  for (uint32_t t = 0; t < n; ++t) {
    Mark mark = QuoteMark(doc, doc.tokens[t]);
    if (mark == Mark::kNone) continue;
    // A straight mark closes a quote opened by “ ("“We retreated...," the source said) but is
    // nested inside « ».
    if (mark == Mark::kOpen || (mark == Mark::kStraight && !open_pending)) {
      open = t;
      open_pending = true;
      open_guillemet = doc.TokenText(doc.tokens[t]) == "«";
      open_single = doc.TokenText(doc.tokens[t]) == "‘";
      continue;
    }
    if (!open_pending) continue;
    if (mark == Mark::kStraight && open_guillemet) continue;
    // ‘ closes only at ’, and ’ closes nothing else: "« l’armée ’ »" stays one quote.
    if (mark == Mark::kClose && open_single != (doc.TokenText(doc.tokens[t]) == "’")) continue;
    open_pending = false;
    uint32_t close = t;
    if (close <= open + 1 || close - open > 400) continue;
    Speaker speaker;
    role_head = n;
    uint32_t before = open > 25 ? open - 25 : 0;
    for (uint32_t u = open; u-- > before;) {
      if (QuoteMark(doc, doc.tokens[u]) != Mark::kNone || EndsWindow(doc, u) ||
          (u + 1 < open && LineBreakBefore(doc, u + 1))) {
        before = u + 1;
        break;
      }
    }
    // After the quote, up to the end of its sentence: "», a déclaré à l'AFP Roh Gul Khairzad,
    // vice-gouverneure de la province".
    uint32_t after = std::min(n, close + 45);
    for (uint32_t u = close + 1; u < after; ++u) {
      if (QuoteMark(doc, doc.tokens[u]) != Mark::kNone || EndsWindow(doc, u) ||
          LineBreakBefore(doc, u)) {
        after = u;
        break;
      }
    }
    uint32_t nf = 0, ne = 0;
    // "« ... » et des notables ont demandé ..., a expliqué à l'AFP X": the cue may close the
    // sentence the quote opened.
    const PhraseMatch* cue_after = after > close + 1 ? speech_in(close + 1, after) : nullptr;
    const PhraseMatch* cue_before = before < open ? speech_in(before, open, true) : nullptr;
    const bool said_after = cue_after != nullptr;
    const bool said_before =
        before < open && (cue_before != nullptr || IsClauseBreak(doc, doc.tokens[open - 1]));
    // A person's name beats a role ("le porte-parole"), which beats the previous speaker.
    // "\"...,\" Wallace said on Sky News": the word before the cue beats any name after it.
    if (said_after && cue_after->first_token > close + 1 &&
        lone_name(cue_after->first_token - 1, &speaker.name)) {
    } else if (said_after &&
               FindName(doc, places, rules, matches, cue_after->end_token, after, &nf, &ne)) {
      // "« ... », notamment autour de Bir Tessit, a déclaré le préfet, Moussa Ag Alla": the
      // inverted subject after the verb, not a name between.
      speaker.name = Text(doc, nf, ne);
      speaker.role = RoleNear(doc, rules, matches, nf, ne, after);
    } else if (said_after && FindName(doc, places, rules, matches, close + 1, after, &nf, &ne)) {
      speaker.name = Text(doc, nf, ne);
      speaker.role = RoleNear(doc, rules, matches, nf, ne, after);
    } else if (said_before && FindName(doc, places, rules, matches, before, open, &nf, &ne, true)) {
      speaker.name = Text(doc, nf, ne);
      speaker.role = RoleNear(doc, rules, matches, nf, ne, open);
    } else if (said_after && (lone_name(cue_after->first_token - 1, &speaker.name) ||
                              lone_name(cue_after->end_token, &speaker.name))) {
    } else if (cue_before && (lone_name(cue_before->first_token - 1, &speaker.name) ||
                              lone_name(cue_before->end_token, &speaker.name))) {
    } else if (said_after && source_in(close + 1, after, &speaker.name)) {
      speaker.role = speaker.name;
    } else if (said_before && source_in(before, open, &speaker.name)) {
      speaker.role = speaker.name;
    } else if (said_after && (described(close + 1, cue_after->first_token, &speaker.name, true) ||
                              described(cue_after->end_token, after, &speaker.name, false))) {
      speaker.role = speaker.name;
    } else if (cue_before && described(before, cue_before->first_token, &speaker.name, true)) {
      speaker.role = speaker.name;
    }
    if (role_head < n && !speaker.name.empty()) {
      std::string person;
      if (person_for_role(role_head, open, &person)) speaker.name = person;
    }
    if (speaker.name.empty()) {
      // "X told AFP that ... . \"...\", he continued": the person last named next to a speech
      // cue since the previous quote.
      uint32_t from = std::max(open > 80 ? open - 80 : 0u, last_close);
      for (auto m = matches.rbegin(); m != matches.rend() && speaker.name.empty(); ++m) {
        if (m->first_token >= open) continue;
        if (m->first_token < from) break;
        if (phrases[m->phrase].kind != PhraseKind::kCue ||
            speech_in(m->first_token, m->end_token) != &*m)
          continue;
        uint32_t a = m->first_token > 6 ? m->first_token - 6 : 0;
        if (FindName(doc, places, rules, matches, std::max(a, from), m->first_token, &nf, &ne,
                     true) &&
            ne + 3 >= m->first_token) {
          speaker.name = Text(doc, nf, ne);
          speaker.role = RoleNear(doc, rules, matches, nf, ne, m->first_token);
        } else if (FindName(doc, places, rules, matches, m->end_token,
                            std::min(open, m->end_token + 6), &nf, &ne)) {
          speaker.name = Text(doc, nf, ne);
        }
      }
    }
    if (speaker.name.empty()) speaker = last;
    if (speaker.name.empty()) {
      // No attribution around the quote: the person the paragraph last named.
      uint32_t from = open > 60 ? open - 60 : 0;
      if (FindName(doc, places, rules, matches, std::max(from, last_close), open, &nf, &ne, true))
        speaker.name = Text(doc, nf, ne);
    }
    if (speaker.name.empty()) continue;
    last = speaker;
    last_close = close;
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
