#include "text/numbers.h"

#include <algorithm>
#include <charconv>

#include "base/fold.h"
#include "text/tokenize.h"

namespace vigie::internal {

bool ParseDigits(std::string_view text, Lang lang, double* value) {
  char digits[64];
  size_t n = 0;
  int dots = 0;
  int commas = 0;
  char last_sep = 0;
  size_t last_sep_at = 0;  // index in `digits` where the last separator was
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      if (n + 2 >= sizeof(digits)) return false;
      digits[n++] = static_cast<char>(c);
    } else if (c == '.' || c == ',') {
      (c == '.' ? dots : commas)++;
      last_sep = static_cast<char>(c);
      last_sep_at = n;
    } else if (c == ' ') {
      continue;
    } else if (text.compare(i, 2, "\u00A0") == 0) {
      i += 1;
    } else if (text.compare(i, 3, "\u202F") == 0 || text.compare(i, 3, "\u2009") == 0) {
      i += 2;
    } else {
      return false;
    }
  }
  if (n == 0) return false;
  // Which separator, if any, is the decimal point: "1.000,5" and "1,000.5" end with it; a lone
  // separator followed by other than three digits is one ("2,5", "3.75"); a lone separator
  // before three digits follows the language ("1.000" is 1000 in French, "1,000" in English).
  char decimal = 0;
  if (dots > 0 && commas > 0) {
    decimal = last_sep;
  } else if (dots + commas == 1) {
    size_t after = n - last_sep_at;
    if (after != 3) {
      decimal = last_sep;
    } else if (lang == Lang::kFr) {
      decimal = last_sep == ',' ? ',' : 0;
    } else if (lang == Lang::kEn) {
      decimal = last_sep == '.' ? '.' : 0;
    }
  }
  size_t decimal_at = n;
  if (decimal != 0) {
    // The decimal separator is the last one of its kind, which is the last separator seen.
    decimal_at = last_sep_at;
  }
  char number[66];
  size_t m = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i == decimal_at) number[m++] = '.';
    number[m++] = digits[i];
  }
  auto [end, ec] = std::from_chars(number, number + m, *value);
  return ec == std::errc() && end == number + m;
}

namespace {

constexpr double kAfterNumber = 1;
constexpr double kAfterGroup = 2;

NumberReader::Table& TableFor(std::array<NumberReader::Table, 2>& tables, Lang lang) {
  return tables[lang == Lang::kEn ? 1 : 0];
}

// "plus d'" -> {"plus", "d'"}; "jusqu'à" -> {"jusqu'", "a"}: the words tokens fold to.
std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> words;
  std::string folded = FoldText(phrase);
  std::string_view rest(folded);
  while (!rest.empty()) {
    size_t cut = rest.find_first_of(" '");
    if (cut == std::string_view::npos) {
      words.emplace_back(rest);
      break;
    }
    if (rest[cut] == '\'') {
      words.emplace_back(rest.substr(0, cut + 1));
    } else if (cut > 0) {
      words.emplace_back(rest.substr(0, cut));
    }
    rest.remove_prefix(cut + 1);
  }
  return words;
}

bool ParseQualifier(std::string_view name, NumberQualifier* q) {
  if (name == "at_least")
    *q = NumberQualifier::kAtLeast;
  else if (name == "at_most")
    *q = NumberQualifier::kAtMost;
  else if (name == "approx")
    *q = NumberQualifier::kApprox;
  else if (name == "exact")
    *q = NumberQualifier::kExact;
  else
    return false;
  return true;
}

// The first space-separated piece of a folded token: "vingt" of "vingt cinq".
std::string_view FirstAtom(std::string_view folded) {
  return folded.substr(0, folded.find(' '));
}

}  // namespace

Result<std::unique_ptr<NumberReader>> NumberReader::Create(const std::string& data_dir) {
  std::unique_ptr<NumberReader> reader(new NumberReader());
  for (Lang lang : {Lang::kFr, Lang::kEn}) {
    Table& table = TableFor(reader->tables_, lang);
    Status status = ForEachDataLine(
        data_dir + "/lemmas/" + LangCode(lang) + "/numbers.tsv",
        [&](int, const std::vector<std::string_view>& cols) -> Status {
          if (cols.size() < 3) return InvalidArgument("expected kind<TAB>phrase<TAB>value");
          std::string_view kind = cols[0];
          if (kind == "qualifier" || kind == "determiner") {
            Phrase p;
            p.words = PhraseWords(cols[1]);
            if (p.words.empty()) return InvalidArgument("empty phrase");
            if (!ParseQualifier(cols[2], &p.qualifier)) {
              return InvalidArgument("unknown qualifier '" + std::string(cols[2]) +
                                     "' (at_least, at_most, approx)");
            }
            (kind == "qualifier" ? table.qualifiers : table.determiners).push_back(std::move(p));
            return Status::Ok();
          }
          Word w;
          if (kind == "unit")
            w.kind = WordKind::kUnit;
          else if (kind == "article")
            w.kind = WordKind::kArticle;
          else if (kind == "scale")
            w.kind = WordKind::kScale;
          else if (kind == "approx")
            w.kind = WordKind::kApprox;
          else if (kind == "filler")
            w.kind = WordKind::kFiller;
          else
            return InvalidArgument("unknown kind '" + std::string(kind) + "'");
          std::string_view v = cols[2];
          if (w.kind == WordKind::kFiller) {
            // "vingt et un" joins number words; "des dizaines de milliers" follows a group
            // noun only, so "one of a dozen" is not read as one number.
            if (v == "after_number")
              w.value = kAfterNumber;
            else if (v == "after_group")
              w.value = kAfterGroup;
            else
              return InvalidArgument("filler takes after_number or after_group, not '" +
                                     std::string(v) + "'");
          } else {
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), w.value);
            if (ec != std::errc() || end != v.data() + v.size()) {
              return InvalidArgument("bad value '" + std::string(v) + "'");
            }
          }
          std::vector<std::string> words = PhraseWords(cols[1]);
          if (words.size() != 1) {
            return InvalidArgument("'" + std::string(cols[1]) + "' must be one word");
          }
          table.keys.push_back(words[0]);
          table.by_first_byte[static_cast<unsigned char>(words[0][0])] |=
              1u << std::min<size_t>(words[0].size(), 31);
          table.words[table.keys.back()] = w;
          return Status::Ok();
        });
    if (!status.ok()) return status;
    auto longest_first = [](const Phrase& a, const Phrase& b) {
      return a.words.size() > b.words.size();
    };
    std::stable_sort(table.qualifiers.begin(), table.qualifiers.end(), longest_first);
    std::stable_sort(table.determiners.begin(), table.determiners.end(), longest_first);
  }
  return reader;
}

namespace {

struct ParsedNumber {
  bool ok = false;
  uint32_t end_token = 0;
  double value = 0;
  bool approx = false;
  NumberReader::WordKind first_kind = NumberReader::WordKind::kUnit;
};

// Reads the number starting at token `i`: digits, then scale words ("1,5 million"), or number
// words ("quatre-vingt-dix", "two hundred and fifty", "des dizaines de milliers").
ParsedNumber ParseAt(const Document& doc, const NumberReader::Table& table, uint32_t i) {
  using WordKind = NumberReader::WordKind;
  struct State {
    double total = 0;
    double current = 0;
    bool any = false;  // a real number word, not just an article
    bool approx = false;
    bool after_digits = false;
    bool first_set = false;
    WordKind first = WordKind::kUnit;
    WordKind last = WordKind::kFiller;
  };
  State s;
  ParsedNumber out;
  const auto& tokens = doc.tokens;
  const uint32_t count = static_cast<uint32_t>(tokens.size());
  uint32_t j = i;
  uint32_t end = i;
  auto lookup = [&](std::string_view atom) -> const NumberReader::Word* {
    auto it = table.words.find(atom);
    return it == table.words.end() ? nullptr : &it->second;
  };
  for (; j < count; ++j) {
    const Token& t = tokens[j];
    if (j > i && (t.flags & kSentenceStart)) break;
    if (t.kind == TokenKind::kNumber) {
      if (j != i) break;
      if (!ParseDigits(doc.TokenText(t), doc.lang, &s.current)) return out;
      s.any = true;
      s.after_digits = true;
      s.first_set = true;
      s.first = WordKind::kUnit;
      s.last = WordKind::kUnit;
      end = j + 1;
      continue;
    }
    if (t.kind != TokenKind::kWord) break;
    State before = s;
    bool token_ok = true;
    bool filler_only = true;
    std::string_view rest = t.folded;
    while (token_ok && !rest.empty()) {
      size_t space = rest.find(' ');
      std::string_view atom = rest.substr(0, space);
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      const NumberReader::Word* w = lookup(atom);
      if (w == nullptr) {
        token_ok = false;
        break;
      }
      if (w->kind != WordKind::kFiller) filler_only = false;
      switch (w->kind) {
        case WordKind::kUnit:
          if (s.after_digits) {
            token_ok = false;
          } else if (w->value == 20 && s.last == WordKind::kUnit && s.current > 1 &&
                     s.current < 20) {
            s.current *= 20;  // "quatre-vingts" is 4 x 20
          } else {
            s.current += w->value;
          }
          s.any = true;
          break;
        case WordKind::kArticle:
          // "vingt et un" counts the "un"; "une centaine" waits for the group noun.
          if (s.after_digits || (s.any && s.last != WordKind::kFiller)) token_ok = false;
          s.current += w->value;
          break;
        case WordKind::kScale:
          if (w->value >= 1000) {
            s.total += (s.current == 0 ? 1 : s.current) * w->value;
            s.current = 0;
          } else {
            s.current = (s.current == 0 ? 1 : s.current) * w->value;
          }
          s.any = true;
          break;
        case WordKind::kApprox:
          s.current = (s.current == 0 ? 1 : s.current) * w->value;
          s.approx = true;
          s.any = true;
          break;
        case WordKind::kFiller:
          if (j == i || s.last == WordKind::kFiller) {
            token_ok = false;
          } else if (w->value == kAfterGroup) {
            token_ok = s.last == WordKind::kApprox;
          } else {
            token_ok = s.last == WordKind::kUnit || s.last == WordKind::kScale;
          }
          break;
      }
      if (!s.first_set) {
        s.first_set = true;
        s.first = w->kind;
      }
      s.last = w->kind;
    }
    if (!token_ok) {
      s = before;
      break;
    }
    if (!filler_only) end = j + 1;
  }
  if (!s.any || end == i) return out;
  out.ok = true;
  out.end_token = end;
  out.value = s.total + s.current;
  out.approx = s.approx;
  out.first_kind = s.first;
  return out;
}

// Index of the first token of the longest phrase ending just before token `end`, or `end`.
uint32_t MatchBefore(const Document& doc, const std::vector<NumberReader::Phrase>& phrases,
                     uint32_t end, NumberQualifier* q) {
  for (const NumberReader::Phrase& p : phrases) {
    const uint32_t m = static_cast<uint32_t>(p.words.size());
    if (m > end) continue;
    bool match = true;
    for (uint32_t k = 0; k < m && match; ++k) {
      match = doc.tokens[end - m + k].folded == p.words[k];
    }
    if (match) {
      *q = p.qualifier;
      return end - m;
    }
  }
  return end;
}

}  // namespace

void NumberReader::Run(Document* doc) const {
  doc->numbers.clear();
  if (doc->lang != Lang::kFr && doc->lang != Lang::kEn) {
    // Digits still count in an article of unknown language.
    for (uint32_t i = 0; i < doc->tokens.size(); ++i) {
      const Token& t = doc->tokens[i];
      double v;
      if (t.kind != TokenKind::kNumber || !ParseDigits(doc->TokenText(t), doc->lang, &v)) continue;
      doc->numbers.push_back(NumberMention{t.start, t.end, i, i + 1, v, NumberQualifier::kExact});
    }
    return;
  }
  const Table& table = tables_[doc->lang == Lang::kEn ? 1 : 0];
  const auto& tokens = doc->tokens;
  const uint32_t count = static_cast<uint32_t>(tokens.size());
  for (uint32_t i = 0; i < count; ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kWord) {
      std::string_view atom = FirstAtom(t.folded);
      if (atom.empty() || !((table.by_first_byte[static_cast<unsigned char>(atom[0])] >>
                             std::min<size_t>(atom.size(), 31)) &
                            1u)) {
        continue;
      }
      auto it = table.words.find(atom);
      if (it == table.words.end() || it->second.kind == WordKind::kFiller) continue;
    } else if (t.kind != TokenKind::kNumber) {
      continue;
    }
    ParsedNumber p = ParseAt(*doc, table, i);
    if (!p.ok) continue;
    NumberQualifier q = p.approx ? NumberQualifier::kApprox : NumberQualifier::kExact;
    uint32_t first = i;
    if (p.first_kind == WordKind::kApprox || p.first_kind == WordKind::kScale) {
      // "des dizaines", "plusieurs milliers", "several hundred"
      NumberQualifier det = q;
      first = MatchBefore(*doc, table.determiners, first, &det);
      if (first != i) q = NumberQualifier::kApprox;
    }
    NumberQualifier explicit_q = q;
    uint32_t qualified = MatchBefore(*doc, table.qualifiers, first, &explicit_q);
    if (qualified != first) {
      first = qualified;
      q = explicit_q;
    }
    NumberMention m;
    m.start = tokens[first].start;
    m.end = tokens[p.end_token - 1].end;
    m.first_token = first;
    m.end_token = p.end_token;
    m.value = p.value;
    m.qualifier = q;
    doc->numbers.push_back(m);
    i = p.end_token - 1;
  }
}

}  // namespace vigie::internal
