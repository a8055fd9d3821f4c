#include "text/tokenize.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <fstream>

namespace vigie::internal {

Status ForEachDataLine(
    const std::string& path,
    const std::function<Status(int line_number, const std::vector<std::string_view>& columns)>&
        line) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::string text;
  std::vector<std::string_view> columns;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty() || text[0] == '#') continue;
    columns.clear();
    std::string_view rest(text);
    while (true) {
      size_t tab = rest.find('\t');
      columns.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    if (columns.size() > 1 && columns.back().starts_with("e.g.")) columns.pop_back();
    Status status = line(number, columns);
    if (!status.ok()) {
      return Status(status.code(), path + ":" + std::to_string(number) + ": " + status.message());
    }
  }
  return Status::Ok();
}

namespace {

enum CharClass : uint8_t {
  kSpace,
  kLetter,  // letters and combining marks
  kDigit,
  kApostrophe,  // ' ’ ‘ ʼ
  kHyphen,      // - ‐ ‑ (joins "Mazar-i-Sharif")
  kPeriod,
  kComma,
  kPunct,
  kSymbol,
};

constexpr std::array<CharClass, 128> MakeAsciiClasses() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = kSymbol;
  for (int c = 0; c <= ' '; ++c) t[c] = kSpace;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  for (char c : std::string_view("!\"();:?[]{}/")) t[static_cast<unsigned char>(c)] = kPunct;
  t['\''] = kApostrophe;
  t['-'] = kHyphen;
  t['.'] = kPeriod;
  t[','] = kComma;
  t[127] = kSpace;
  return t;
}
constexpr std::array<CharClass, 128> kAsciiClasses = MakeAsciiClasses();

struct Char {
  CharClass cls = kSpace;
  int32_t cp = -1;  // -1 past the end or on an invalid byte
  uint32_t len = 0;
};

CharClass ClassifyNonAscii(UChar32 cp) {
  switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x02BC:
      return kApostrophe;
    case 0x2010:
    case 0x2011:
      return kHyphen;
    case 0x00A0:
    case 0x202F:
    case 0x2009:
      return kSpace;
    default:
      break;
  }
  int8_t type = u_charType(cp);
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return kLetter;
    case U_DECIMAL_DIGIT_NUMBER:
      return kDigit;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
      return kSpace;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return kPunct;
    default:
      return kSymbol;
  }
}

// Out of line so the ASCII path of Peek stays small enough to inline in the scanning loops.
[[gnu::noinline]] Char PeekNonAscii(std::string_view s, size_t i) {
  int32_t j = static_cast<int32_t>(i);
  UChar32 cp;
  U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), cp);
  uint32_t len = static_cast<uint32_t>(j - static_cast<int32_t>(i));
  if (cp < 0) return {kSymbol, -1, len};
  return {ClassifyNonAscii(cp), cp, len};
}

inline Char Peek(std::string_view s, size_t i) {
  if (i >= s.size()) return {};
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) [[likely]] {
    return {kAsciiClasses[c], c, 1};
  }
  return PeekNonAscii(s, i);
}

inline bool IsWordChar(CharClass c) {
  return c == kLetter || c == kDigit;
}

// Spaces allowed inside a grouped number: "1 000", with a no-break or narrow no-break space.
inline bool IsGroupSpace(int32_t cp) {
  return cp == ' ' || cp == 0x00A0 || cp == 0x202F || cp == 0x2009;
}

// Counts cased letters while a word is scanned, for kCapitalized and kAllCaps.
struct CaseCount {
  uint32_t upper = 0;
  uint32_t lower = 0;
  bool first_upper = false;
  bool first_seen = false;

  void Add(int32_t cp, CharClass cls) {
    if (cls != kLetter) return;
    bool up;
    bool low;
    if (cp < 0x80) {
      up = cp >= 'A' && cp <= 'Z';
      low = !up;
    } else {
      up = u_isupper(cp) || u_istitle(cp);
      low = u_islower(cp);
    }
    if (!first_seen) {
      first_seen = true;
      first_upper = up;
    }
    upper += up;
    lower += low;
  }
  uint8_t Flags() const {
    uint8_t f = 0;
    if (first_upper) f |= kCapitalized;
    if (upper >= 2 && lower == 0) f |= kAllCaps;
    return f;
  }
};

}  // namespace

Result<std::unique_ptr<Tokenizer>> Tokenizer::Create(const std::string& data_dir) {
  std::unique_ptr<Tokenizer> t(new Tokenizer());
  Status status = ForEachDataLine(
      data_dir + "/lemmas/fr/elisions.tsv",
      [&](int, const std::vector<std::string_view>& cols) -> Status {
        std::string_view form = cols[0];
        if (form.size() < 2 || form.back() != '\'') {
          return InvalidArgument("elision '" + std::string(form) + "' must end with '");
        }
        std::string lower(form.substr(0, form.size() - 1));
        for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        t->elisions_.push_back(lower);
        return Status::Ok();
      });
  if (!status.ok()) return status;
  for (const char* lang : {"fr", "en"}) {
    status = ForEachDataLine(
        data_dir + "/lemmas/" + lang + "/abbreviations.txt",
        [&](int, const std::vector<std::string_view>& cols) -> Status {
          std::string_view a = cols[0];
          if (a.size() < 2 || a.back() != '.') {
            return InvalidArgument("abbreviation '" + std::string(a) + "' must end with a period");
          }
          if (a.substr(0, a.size() - 1).find('.') != std::string_view::npos) {
            t->dotted_.emplace_back(a);
          }
          return Status::Ok();
        });
    if (!status.ok()) return status;
  }
  std::sort(t->dotted_.begin(), t->dotted_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  t->dotted_.erase(std::unique(t->dotted_.begin(), t->dotted_.end()), t->dotted_.end());
  return t;
}

bool Tokenizer::IsElision(std::string_view word) const {
  if (word.size() > 8) return false;
  char lower[8];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    lower[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  std::string_view w(lower, word.size());
  for (const std::string& e : elisions_) {
    if (e == w) return true;
  }
  return false;
}

size_t Tokenizer::MatchDotted(std::string_view text, size_t pos) const {
  for (const std::string& a : dotted_) {
    if (text.compare(pos, a.size(), a) != 0) continue;
    CharClass after = Peek(text, pos + a.size()).cls;
    if (!IsWordChar(after)) return a.size();
  }
  return 0;
}

void Tokenizer::Run(Document* doc) const {
  const std::string_view text = doc->text;
  std::vector<Token>& tokens = doc->tokens;
  tokens.clear();
  auto emit = [&](size_t start, size_t end, TokenKind kind, uint8_t flags) {
    Token t;
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    t.kind = kind;
    t.flags = flags;
    tokens.push_back(t);
  };

  size_t pos = 0;
  const size_t n = text.size();
  while (pos < n) {
    const Char c = Peek(text, pos);
    switch (c.cls) {
      case kSpace:
        pos += c.len;
        break;
      case kLetter: {
        size_t start = pos;
        size_t p = pos;
        CaseCount cases;
        bool first_segment = true;
        while (true) {
          Char w = Peek(text, p);
          while (IsWordChar(w.cls)) {
            cases.Add(w.cp, w.cls);
            p += w.len;
            w = Peek(text, p);
          }
          if (w.cls == kApostrophe) {
            Char next = Peek(text, p + w.len);
            if (next.cls != kLetter) break;
            // "L’avancée" -> "L’" + "avancée"; "qu’il" -> "qu’" + "il".
            if (first_segment && IsElision(text.substr(start, p - start))) {
              emit(start, p + w.len, TokenKind::kWord, cases.Flags() | kElision);
              start = p + w.len;
              p = start;
              cases = CaseCount();
              continue;
            }
            // "Kabul’s governor" -> "Kabul" + "’s", so the place name stands alone.
            if ((next.cp == 's' || next.cp == 'S') && !IsWordChar(Peek(text, p + w.len + 1).cls)) {
              emit(start, p, TokenKind::kWord, cases.Flags());
              emit(p, p + w.len + 1, TokenKind::kWord, 0);
              start = p = p + w.len + 1;
              break;
            }
            p += w.len;  // "aujourd’hui", "O’Brien"
            continue;
          }
          if (w.cls == kHyphen && IsWordChar(Peek(text, p + w.len).cls)) {
            p += w.len;  // "Mazar-i-Sharif", "vingt-cinq"
            first_segment = false;
            continue;
          }
          if (w.cls == kPeriod && p - start <= 6) {
            // "U.S.", "Lt.-Col.": dotted abbreviations from the data lists stay one token.
            CharClass after = Peek(text, p + 1).cls;
            if (after == kLetter || after == kHyphen) {
              size_t m = MatchDotted(text, start);
              if (m > p - start) {
                for (size_t i = p; i < start + m; ++i) {
                  cases.Add(static_cast<unsigned char>(text[i]), kAsciiClasses[text[i] & 0x7F]);
                }
                p = start + m;
              }
            }
          }
          break;
        }
        if (p > start) emit(start, p, TokenKind::kWord, cases.Flags());
        pos = p;
        break;
      }
      case kDigit: {
        size_t start = pos;
        size_t p = pos;
        Char d = c;
        while (d.cls == kDigit) {
          p += d.len;
          d = Peek(text, p);
        }
        const size_t first_group = p - start;
        bool decimal_seen = false;
        while (true) {
          Char sep = Peek(text, p);
          if (sep.cls == kPeriod || sep.cls == kComma) {
            // "1.000", "1,000", "2,5"; a period before a space ends the sentence instead.
            Char next = Peek(text, p + 1);
            if (next.cls != kDigit) break;
            p += 1;
            while (Peek(text, p).cls == kDigit) p += Peek(text, p).len;
            decimal_seen = true;
            continue;
          }
          if (IsGroupSpace(sep.cp) && first_group <= 3 && !decimal_seen) {
            // "1 000" or "1\u202F000": exactly three digits follow the space.
            size_t q = p + sep.len;
            size_t digits = 0;
            while (digits < 4 && q < n && text[q] >= '0' && text[q] <= '9') {
              ++q;
              ++digits;
            }
            if (digits != 3) break;
            p = q;
            continue;
          }
          break;
        }
        emit(start, p, TokenKind::kNumber, 0);
        pos = p;
        break;
      }
      case kPeriod:
        if (text.compare(pos, 3, "...") == 0) {
          emit(pos, pos + 3, TokenKind::kPunct, 0);
          pos += 3;
        } else {
          emit(pos, pos + 1, TokenKind::kPunct, 0);
          pos += 1;
        }
        break;
      case kApostrophe:
      case kHyphen:
      case kComma:
      case kPunct:
        emit(pos, pos + c.len, TokenKind::kPunct, 0);
        pos += c.len;
        break;
      case kSymbol:
        emit(pos, pos + c.len, TokenKind::kSymbol, 0);
        pos += c.len;
        break;
    }
  }
}

}  // namespace vigie::internal
