// The line pass of cleaning. Each line of the byte-clean text is either dropped whole (a repeat of
// an earlier paragraph, a "read also" insert, a photo credit line) or copied with the credits and
// inserts found inside it cut out.
#include "text/clean_lines.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <functional>
#include <vector>

#include "base/utf8.h"

namespace vigie::internal {
namespace {

using Counts = std::array<uint32_t, size_t(CleanRule::kCount)>;

// A paragraph shorter than this may repeat for good reasons ("(...)", a one-word heading).
constexpr size_t kMinRepeatedBytes = 24;
// Photographers' names have one to four words: "JALIL REZAYEE", "Tolga Akmen", "Ana Maria SILVA
// COSTA". Before a joiner, three words unless given names precede surnames in capitals.
constexpr int kMaxNameWords = 4;
constexpr int kMaxLeftNameWords = 3;
constexpr int kMaxLeftGivenAndCapsWords = 4;
constexpr size_t kMaxParenthesizedCredit = 120;

char32_t CpAt(std::string_view t, size_t i, int* len) {
  char32_t cp;
  *len = DecodeUtf8(t, i, &cp);
  if (*len == 0) {
    *len = 1;
    return 0xFFFD;
  }
  return cp;
}

size_t PrevStart(std::string_view t, size_t i) {
  do {
    --i;
  } while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80);
  return i;
}

bool IsWordChar(char32_t cp) {
  return u_isalpha(cp) || u_isdigit(cp);
}
bool IsInnerJoin(char32_t cp) {
  return cp == '-' || cp == '\'' || cp == 0x2019;
}
bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// kGivenAndCaps is the shape of a name only, never of a word: capitalized given names, then
// surnames in capitals ("Juan BARRETO").
enum class Shape { kNone, kAllCaps, kCapitalized, kOther, kGivenAndCaps };

struct Word {
  size_t end = 0;
  Shape shape = Shape::kNone;
};

// The word at i: letters, with inner hyphens and apostrophes ("JEAN-PIERRE", "O’NEIL").
Word WordAt(std::string_view t, size_t i, size_t limit) {
  size_t j = i;
  int letters = 0, upper = 0, lower = 0;
  bool first_upper = false;
  while (j < limit) {
    int len;
    const char32_t cp = CpAt(t, j, &len);
    if (u_isalpha(cp)) {
      ++letters;
      if (u_isUUppercase(cp)) {
        ++upper;
        if (letters == 1) first_upper = true;
      } else if (u_isULowercase(cp)) {
        ++lower;
      }
      j += len;
      continue;
    }
    if (letters > 0 && IsInnerJoin(cp) && j + len < limit) {
      int next_len;
      if (u_isalpha(CpAt(t, j + len, &next_len))) {
        j += len;
        continue;
      }
    }
    break;
  }
  Word w;
  w.end = j;
  if (letters == 0) return w;
  if (letters >= 2 && lower == 0 && upper == letters) {
    w.shape = Shape::kAllCaps;
  } else if (first_upper && lower > 0) {
    w.shape = Shape::kCapitalized;
  } else {
    w.shape = Shape::kOther;
  }
  return w;
}

// Where the word that ends at `end` starts, or `end` when no word ends there.
size_t WordStartBefore(std::string_view t, size_t end, size_t line_start) {
  size_t i = end;
  while (i > line_start) {
    const size_t p = PrevStart(t, i);
    int len;
    const char32_t cp = CpAt(t, p, &len);
    if (u_isalpha(cp) || (IsInnerJoin(cp) && i < end && p > line_start)) {
      i = p;
      continue;
    }
    break;
  }
  // An inner joiner cannot start a word.
  while (i < end && (t[i] == '-' || t[i] == '\'')) ++i;
  return i;
}

class LineScanner {
 public:
  LineScanner(std::string_view t, const Cleaner::Rules& rules) : t_(t), rules_(rules) {}

  void SetLine(size_t start, size_t end) {
    ls_ = start;
    le_ = end;
    while (le_ > ls_ && IsSpaceByte(t_[le_ - 1])) --le_;
  }
  size_t content_end() const { return le_; }

  bool IsWordStart(size_t i) const {
    if (i == ls_) return true;
    int len;
    return !IsWordChar(CpAt(t_, PrevStart(t_, i), &len));
  }

  // A read-also marker or photo-credit line marker at p: "Lire aussi :", "READ MORE",
  // "Crédits photo". Mixed-case read-also markers need punctuation after them.
  bool MarkerAt(size_t p, const std::vector<std::string>& markers, bool need_punct) const {
    if (p >= le_) return false;
    for (const std::string& m : markers) {
      if (m[0] != t_[p] || t_.substr(p, m.size()) != m) continue;
      size_t q = p + m.size();
      int len;
      if (q < le_ && u_isalpha(CpAt(t_, q, &len)) && u_isalpha(CpAt(t_, PrevStart(t_, q), &len)))
        continue;
      const bool all_caps =
          std::none_of(m.begin(), m.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (!need_punct || all_caps) return true;
      q = SkipSpaces(q);
      if (q >= le_) return true;
      const char32_t cp = CpAt(t_, q, &len);
      if (cp == ':' || cp == '|' || cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0xBB ||
          cp == '>')
        return true;
    }
    return false;
  }

  // Length of the agency name at i ("EFE" in "EFE-EPA/..."), 0 if none.
  size_t AgencyAt(size_t i) const {
    const char initial = AsciiLower(t_[i]);
    if (i >= le_ || initial < 'a' || initial > 'z') return 0;
    for (const std::string& a : rules_.agencies_by_initial[initial - 'a']) {
      if (i + a.size() > le_) continue;
      bool same = true;
      for (size_t k = 1; k < a.size() && same; ++k) same = AsciiLower(t_[i + k]) == a[k];
      if (!same) continue;
      int len;
      if (i + a.size() < le_ && IsWordChar(CpAt(t_, i + a.size(), &len))) continue;
      return a.size();
    }
    return 0;
  }

  // The credit that holds an agency name at i: "EFE-EPA/JALIL REZAYEE", "Tolga Akmen/AFP/Getty
  // Images", "REUTERS - DANISH SIDDIQUI". Returns its removal span, start == end if none.
  std::pair<size_t, size_t> CreditAt(size_t i) const {
    size_t end = i + AgencyAt(i);
    if (end == i || !std::isupper(static_cast<unsigned char>(t_[i]))) return {i, i};
    size_t start = i;
    int parts = 1;
    // Whether the credit is in capitals but for the given names before surnames in capitals.
    bool caps = AllCaps(i, end);
    bool given_names = false;
    for (size_t j; parts < 6 && (j = JoinerAfter(end)) != 0; ++parts) {
      const size_t p = end + j;
      if (const size_t len = AgencyAt(p)) {
        caps = caps && AllCaps(end, p + len);
        end = p + len;
        continue;
      }
      const Name name = NameAfter(p);
      // A name in lower case letters is taken only when the credit ends the line: in
      // "REUTERS/Ahmad Masood Les talibans..." nothing tells where the name stops.
      if (name.words == 0 || (name.shape == Shape::kCapitalized && SkipSpaces(name.end) < le_ &&
                              JoinerAfter(name.end) == 0)) {
        break;
      }
      caps = caps && AllCaps(end, p) && AllCaps(name.caps_from, name.end);
      given_names = given_names || name.caps_from != p;
      end = name.end;
    }
    for (size_t j; parts < 6 && (j = JoinerBefore(start)) != 0; ++parts) {
      size_t caps_from;
      const size_t name_start = NameBefore(start - j, &caps_from);
      if (name_start == start - j) break;
      caps = caps && AllCaps(caps_from, start);
      given_names = given_names || caps_from != name_start;
      start = name_start;
    }
    const Boundary left = LeftBoundary(start);
    const Boundary right = RightBoundary(end);
    bool credit;
    if (parts >= 2) {
      // Mid-line, only a credit in capitals is told from the text around it: "la ville.
      // EFE-EPA/JALIL REZAYEE Les talibans", but not "la ville. Kandahar - Reuters ont...".
      // Given names need a sentence after them too: "on Monday.Juan BARRETO / AFP The army",
      // not "AFP - Le MNLA a revendiqué".
      credit = right == Boundary::kLineEnd ||
               (left != Boundary::kNone && caps && (!given_names || right == Boundary::kGlued));
    } else {
      // Alone, an agency is a credit on a line of its own, after a caption's dash, or glued
      // between two sentences in capitals: "la ville. AFP Les talibans", not ". Reuters Les".
      credit =
          ((left == Boundary::kLineStart || left == Boundary::kSentenceEnd) &&
           (right == Boundary::kLineEnd ||
            (right == Boundary::kGlued && WordAt(t_, i, le_).shape == Shape::kAllCaps))) ||
          ((left == Boundary::kSeparator || left == Boundary::kVia) && right == Boundary::kLineEnd);
    }
    if (!credit) return {i, i};
    if (left == Boundary::kVia || (left == Boundary::kSeparator && right == Boundary::kLineEnd)) {
      start = PrevStart(t_, SkipSpacesBack(start));  // the separator or the "a" of "via"
      if (left == Boundary::kVia) start -= 2;
      start = SkipSpacesBack(start);
    }
    if (right == Boundary::kLineEnd) start = SkipSpacesBack(start);
    return {start, end};
  }

  // A photographer's name in capitals glued between two sentences, with no agency:
  // "la ville. JALIL REZAYEE Les talibans" (p is after the space that follows the period).
  size_t GluedNameAt(size_t p) const {
    const Name name = NameAfter(p);
    if (name.words < 2 || name.shape != Shape::kAllCaps ||
        RightBoundary(name.end) != Boundary::kGlued)
      return p;
    return name.end;
  }

  // A caption's credit after a dash at the end of the line: "... 14 juillet 2021 - JAVED TANVEER".
  // `i` is the space before the dash; returns the end of the name, or i.
  size_t DashNameAt(size_t i) const {
    const size_t j = JoinerAfter(i);
    if (j < 3 || t_[i + 1] == '/' || t_[i + 1] == 'v') return i;
    const Name name = NameAfter(i + j);
    if (name.words < 2 || name.shape != Shape::kAllCaps ||
        RightBoundary(name.end) != Boundary::kLineEnd)
      return i;
    return name.end;
  }

  size_t SkipSpaces(size_t q) const {
    while (q < le_) {
      if (IsSpaceByte(t_[q])) {
        ++q;
      } else if (t_.substr(q, 2) == "\xC2\xA0") {
        q += 2;
      } else {
        break;
      }
    }
    return q;
  }

 private:
  // kSeparator: a dash or "|" before ("caption | Name/AFP"); kOpen: ":" or "(" before.
  enum class Boundary {
    kNone,
    kLineStart,
    kSentenceEnd,
    kSeparator,
    kOpen,
    kVia,
    kLineEnd,
    kGlued
  };

  static char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

  bool AllCaps(size_t start, size_t end) const {
    for (size_t i = start; i < end;) {
      int len;
      if (u_isULowercase(CpAt(t_, i, &len))) return false;
      i += len;
    }
    return true;
  }

  size_t SkipSpacesBack(size_t q) const {
    while (q > ls_ && IsSpaceByte(t_[q - 1])) --q;
    return q;
  }

  // Length of the joiner between two parts of a credit at p, 0 if none: "/", " / ", " - ",
  // " – ", " via ", and "-" between two words ("EFE-EPA").
  size_t JoinerAfter(size_t p) const {
    static constexpr std::string_view kJoiners[] = {" / ",   " - ", " \u2013 ", " \u2014 ",
                                                    " via ", "/",   "-"};
    for (std::string_view j : kJoiners) {
      if (t_.substr(p, j.size()) != j || p + j.size() >= le_) continue;
      int len;
      if (IsWordChar(CpAt(t_, p + j.size(), &len))) return j.size();
    }
    return 0;
  }
  size_t JoinerBefore(size_t p) const {
    static constexpr std::string_view kJoiners[] = {" / ",   " - ", " \u2013 ", " \u2014 ",
                                                    " via ", "/",   "-"};
    for (std::string_view j : kJoiners) {
      if (p < ls_ + j.size() + 1 || t_.substr(p - j.size(), j.size()) != j) continue;
      int len;
      if (IsWordChar(CpAt(t_, PrevStart(t_, p - j.size()), &len))) return j.size();
    }
    return 0;
  }

  struct Name {
    size_t end;
    int words;
    Shape shape;
    size_t caps_from;  // where the surnames in capitals start, after the given names
  };
  bool IsCapsNotName(size_t b, size_t e) const {
    return std::binary_search(rules_.caps_not_names.begin(), rules_.caps_not_names.end(),
                              t_.substr(b, e - b), std::less<>());
  }
  bool NameWord(size_t b, const Word& w, Shape shape) const {
    return w.shape == shape && (shape != Shape::kAllCaps || !IsCapsNotName(b, w.end));
  }
  // The words of `shape` that follow `name`, up to four words in all.
  void ExtendName(Shape shape, Name* name) const {
    while (name->words < kMaxNameWords && name->end + 1 < le_ && t_[name->end] == ' ') {
      const Word w = WordAt(t_, name->end + 1, le_);
      if (!NameWord(name->end + 1, w, shape) || AgencyAt(name->end + 1) != 0) break;
      name->end = w.end;
      ++name->words;
    }
  }
  // One to four words of the same shape, all capitals ("JALIL REZAYEE") or capitalized ("Tolga
  // Akmen"), or capitalized given names then surnames in capitals ("AFP / Juan BARRETO"), none of
  // them an acronym of caps_not_names.txt.
  Name NameAfter(size_t p) const {
    const Word w = WordAt(t_, p, le_);
    const Shape shape = w.shape;
    if ((shape != Shape::kAllCaps && shape != Shape::kCapitalized) || !NameWord(p, w, shape)) {
      return {p, 0, Shape::kNone, p};
    }
    Name name{w.end, 1, shape, p};
    ExtendName(shape, &name);
    if (shape != Shape::kCapitalized || name.words == kMaxNameWords || name.end + 1 >= le_ ||
        t_[name.end] != ' ')
      return name;
    Name surnames{name.end, name.words, Shape::kGivenAndCaps, name.end + 1};
    ExtendName(Shape::kAllCaps, &surnames);
    return surnames.words > name.words ? surnames : name;
  }
  // The start of the name that ends at `end`: the longest run of up to three name words with a
  // sentence start before it, else the last two ("on February 3. Tolga Akmen/AFP"). Surnames in
  // capitals may follow up to three capitalized given names, glued to a sentence end or not: "on
  // Saturday.Juan BARRETO / AFP". *caps_from is where the surnames start, after the given names.
  size_t NameBefore(size_t end, size_t* caps_from) const {
    size_t starts[kMaxLeftGivenAndCapsWords];
    int count = 0;
    int surnames = 0;
    Shape shape = Shape::kNone;
    for (size_t e = end; count < (surnames > 0 && count > surnames ? kMaxLeftGivenAndCapsWords
                                                                   : kMaxLeftNameWords);) {
      const size_t b = WordStartBefore(t_, e, ls_);
      if (b == e) break;
      const Word w = WordAt(t_, b, le_);
      if (w.end != e ||
          (count == 0 && w.shape != Shape::kAllCaps && w.shape != Shape::kCapitalized))
        break;
      if (count == 0) shape = w.shape;
      if (shape == Shape::kAllCaps && count > 0 && w.shape == Shape::kCapitalized) {
        shape = Shape::kCapitalized;  // the given names before the surnames
      }
      if (!NameWord(b, w, shape)) break;
      starts[count++] = b;
      if (shape == Shape::kAllCaps) ++surnames;
      if (b == ls_ || t_[b - 1] != ' ') break;
      e = b - 1;
    }
    *caps_from = end;
    if (count == 0) return end;
    int taken = std::min(count, 2);
    for (int k = count; k > 0; --k) {
      if (LeftBoundary(starts[k - 1]) != Boundary::kNone) {
        taken = k;
        break;
      }
    }
    *caps_from = starts[taken - 1];
    if (surnames > 0 && taken > surnames) *caps_from = starts[surnames - 1];
    return starts[taken - 1];
  }

  Boundary LeftBoundary(size_t start) const {
    const size_t q = SkipSpacesBack(start);
    if (q == ls_) return Boundary::kLineStart;
    int len;
    const char32_t cp = CpAt(t_, PrevStart(t_, q), &len);
    if (cp == '.' || cp == '!' || cp == '?' || cp == '"' || cp == ')' || cp == 0xBB ||
        cp == 0x201D || cp == 0x2026) {
      return Boundary::kSentenceEnd;
    }
    if (cp == '|' || cp == '-' || cp == 0x2013 || cp == 0x2014) return Boundary::kSeparator;
    if (cp == ':' || cp == '(') return Boundary::kOpen;
    if (q < start && q >= ls_ + 3 && t_.substr(q - 3, 3) == "via" && IsWordStart(q - 3)) {
      return Boundary::kVia;
    }
    return Boundary::kNone;
  }
  Boundary RightBoundary(size_t end) const {
    const size_t q = SkipSpaces(end);
    if (q >= le_) return Boundary::kLineEnd;
    if (q > end && WordAt(t_, q, le_).shape == Shape::kCapitalized) return Boundary::kGlued;
    return Boundary::kNone;
  }

  std::string_view t_;
  const Cleaner::Rules& rules_;
  size_t ls_ = 0;
  size_t le_ = 0;
};

// Bytes where a credit or an insert may start inside a line: capitals, sentence ends, the space
// dash. The scan skips the others without a look (2x faster on the corpus).
constexpr std::array<bool, 256> kMayStartLineJunk = [] {
  std::array<bool, 256> t{};
  for (int b = 'A'; b <= 'Z'; ++b) t[b] = true;
  for (unsigned char b : {'.', '!', '?', '"', '-', '(', '\xC2', '\xE2'}) t[b] = true;
  return t;
}();

bool IsSentenceEnd(std::string_view t, size_t i, size_t* after) {
  const char c = t[i];
  if (c == '.' || c == '!' || c == '?' || c == '"') {
    *after = i + 1;
    return true;
  }
  if ((c == '\xC2' && t.substr(i, 2) == "\xC2\xBB") ||
      (c == '\xE2' && t.substr(i, 3) == "\xE2\x80\x9D")) {  // » ”
    *after = i + (c == '\xC2' ? 2 : 3);
    return true;
  }
  return false;
}

// The position after a dash that opens an insert: "others.”- READ MORE".
size_t SkipDash(std::string_view t, size_t p) {
  if (p < t.size() && t[p] == '-') return p + 1;
  if (t.substr(p, 3) == "\u2013" || t.substr(p, 3) == "\u2014") return p + 3;
  return p;
}

struct SeenLine {
  size_t hash;
  size_t start;
  size_t size;
};

// Copies one line, cutting out the inserts and credits inside it.
void CleanLine(std::string_view t, size_t ls, size_t le, const LineScanner& scan,
               const Cleaner::Rules& rules, TextWriter* w, Counts* counts) {
  size_t run = ls;
  const size_t end = scan.content_end();
  auto cut = [&](size_t from, size_t to, CleanRule rule) {
    w->Copy(run, from);
    ++(*counts)[size_t(rule)];
    run = w->Remove(from, to, ' ');
    return run;
  };
  for (size_t i = ls; i < end;) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (!kMayStartLineJunk[c]) {
      ++i;
      continue;
    }
    if (c >= 'A' && c <= 'Z' && scan.AgencyAt(i) != 0 && scan.IsWordStart(i)) {
      const auto [from, to] = scan.CreditAt(i);
      if (to > from && from >= run) {
        i = cut(from, to, CleanRule::kPhotoCredit);
        continue;
      }
    }
    // A credit in parentheses: "(Photo by OMAR HALEEM / AFP)", "(Crédit photo : Exemple)".
    if (c == '(' && i >= run && scan.MarkerAt(i + 1, rules.photo_lines, false)) {
      const size_t close = t.substr(0, end).find(')', i);
      if (close != std::string_view::npos && close - i <= kMaxParenthesizedCredit) {
        i = cut(i, close + 1, CleanRule::kPhotoCredit);
        continue;
      }
    }
    size_t after;
    if (IsSentenceEnd(t, i, &after)) {
      const size_t p = scan.SkipSpaces(after);
      const size_t dash = SkipDash(t, p);
      if (scan.MarkerAt(scan.SkipSpaces(dash), rules.read_also, true)) {
        cut(after, end, CleanRule::kReadAlso);
        break;
      }
      if (p > after && p < end) {
        const size_t name_end = scan.GluedNameAt(p);
        if (name_end > p) {
          i = cut(p, name_end, CleanRule::kPhotoCredit);
          continue;
        }
      }
      i = after;
      continue;
    }
    if ((c == '-' || c == 0xE2) && i > run && t[i - 1] == ' ') {
      const size_t name_end = scan.DashNameAt(i - 1);
      if (name_end > i - 1) {
        i = cut(i - 1, name_end, CleanRule::kPhotoCredit);
        continue;
      }
    }
    ++i;
  }
  w->Copy(run, le);
}

}  // namespace

void RemoveLineJunk(std::string_view text, const Cleaner::Rules& rules, TextWriter* w,
                    Counts* counts) {
  thread_local std::vector<SeenLine> seen;
  seen.clear();
  LineScanner scan(text, rules);
  size_t ls = 0;
  while (ls <= text.size()) {
    size_t le = text.find('\n', ls);
    if (le == std::string_view::npos) le = text.size();
    scan.SetLine(ls, le);
    size_t ts = scan.SkipSpaces(ls);
    const size_t te = scan.content_end();
    bool drop = false;
    CleanRule rule = CleanRule::kRepeatedParagraph;
    if (te > ts && te - ts >= kMinRepeatedBytes) {
      const std::string_view line = text.substr(ts, te - ts);
      const size_t hash = std::hash<std::string_view>()(line);
      drop = std::any_of(seen.begin(), seen.end(), [&](const SeenLine& s) {
        return s.hash == hash && text.substr(s.start, s.size) == line;
      });
      if (!drop) seen.push_back({hash, ts, line.size()});
    }
    if (!drop && ts < te) {
      // Bullets before a marker: "• Lire aussi : ...", "> READ MORE".
      while (ts < te && (text[ts] == '-' || text[ts] == '*' || text[ts] == '>' || text[ts] == '|'))
        ts = scan.SkipSpaces(ts + 1);
      if (scan.MarkerAt(ts, rules.read_also, true)) {
        drop = true;
        rule = CleanRule::kReadAlso;
      } else if (scan.MarkerAt(ts, rules.photo_lines, false)) {
        drop = true;
        rule = CleanRule::kPhotoCredit;
      }
    }
    if (drop) {
      ++(*counts)[size_t(rule)];
      w->Copy(le, le);
    } else {
      CleanLine(text, ls, le, scan, rules, w, counts);
    }
    if (le >= text.size()) break;
    w->Copy(le, le + 1);  // the line break
    ls = le + 1;
  }
}

}  // namespace vigie::internal
