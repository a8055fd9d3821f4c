#include "extract/dates.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>

namespace vigie::internal {
namespace {

// Value of a token written in digits ("4", "2021") or as "1er"; -1 otherwise.
int TokenNumber(const Document& doc, uint32_t t) {
  if (t >= doc.tokens.size()) return -1;
  std::string_view s = doc.TokenText(doc.tokens[t]);
  if (s == "1er" || s == "1st") return 1;
  while (s.size() > 2 &&
         (s.ends_with("th") || s.ends_with("nd") || s.ends_with("rd") || s.ends_with("st"))) {
    s.remove_suffix(2);
  }
  int value = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || p != s.data() + s.size()) return -1;
  return value;
}

// Dates written in digits, "09/08/2021" or "8/13/2021": the days since epoch of each. Day first
// unless that cannot be (13/..), or the dispatch is English and the month-first reading can.
template <typename Visit>
void ForEachNumericDate(const Document& doc, Visit visit) {
  const size_t n = doc.tokens.size();
  for (size_t t = 0; t + 4 < n; ++t) {
    if (doc.TokenText(doc.tokens[t + 1]) != "/" || doc.TokenText(doc.tokens[t + 3]) != "/")
      continue;
    // Adjacent: no spaces inside "09/08/2021".
    if (doc.tokens[t + 1].start != doc.tokens[t].end ||
        doc.tokens[t + 4].start != doc.tokens[t + 3].end) {
      continue;
    }
    int a = TokenNumber(doc, static_cast<uint32_t>(t));
    int b = TokenNumber(doc, static_cast<uint32_t>(t + 2));
    int y = TokenNumber(doc, static_cast<uint32_t>(t + 4));
    if (a < 1 || b < 1 || y < 1990 || y > 2100) continue;
    bool month_first = (doc.lang == Lang::kEn && a <= 12) || b > 12;
    int day = month_first ? b : a, month = month_first ? a : b;
    if (month > 12 || day > DaysInMonth(y, month)) continue;
    visit(y, month, DaysFromCivil(y, month, day));
  }
}

DateRange Range(int64_t a, int64_t b) {
  return {IsoDay(a), IsoDay(b)};
}

DateRange MonthRange(int year, int month) {
  return Range(DaysFromCivil(year, month, 1), DaysFromCivil(year, month, DaysInMonth(year, month)));
}

// 1 = Monday .. 7 = Sunday; 1970-01-01 was a Thursday.
int Weekday(int64_t days) {
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}

// A day of a month as the text writes it around the month word `m`: "4 juillet 2021", "samedi 3
// juillet", "July 4, 2021", "Sunday, 4 July", "Wednesday (July 7)". `year` is 0 when none is
// written, `weekday` 0 when none stands before the date.
struct WrittenDate {
  int day = -1;
  int year = 0;
  int weekday = 0;
};

bool IsYear(int n) {
  return n >= 1900 && n <= 2200;
}

bool IsPunct(const Document& doc, uint32_t t) {
  return t < doc.tokens.size() &&
         (doc.tokens[t].kind == TokenKind::kPunct || doc.tokens[t].kind == TokenKind::kSymbol);
}

WrittenDate ReadDate(const Document& doc, const std::vector<PhraseMatch>& date_matches, size_t i,
                     const RuleSet& rules) {
  const Lexicon::Phrase* phrases = rules.lexicon.phrases().data();
  const PhraseMatch& m = date_matches[i];
  WrittenDate w;
  uint32_t start = m.first_token;  // first token of the whole date, weekday aside
  uint32_t after = m.end_token;    // first token after the day and month
  int before = m.first_token > 0 ? TokenNumber(doc, m.first_token - 1) : -1;
  if (before >= 1 && before <= 31) {
    w.day = before;
    start = m.first_token - 1;
  } else {
    int next = TokenNumber(doc, m.end_token);
    if (next >= 1 && next <= 31) {
      w.day = next;
      after = m.end_token + 1;
    }
  }
  // "2021" right after, or after a comma: "July 4, 2021".
  int year = TokenNumber(doc, after);
  if (!IsYear(year) && IsPunct(doc, after)) year = TokenNumber(doc, after + 1);
  if (IsYear(year)) w.year = year;
  // A weekday at most two tokens before: "jeudi 12 août", "Sunday, 4 July", "Wednesday (July 7)".
  if (w.day > 0 && i > 0) {
    const PhraseMatch& p = date_matches[i - 1];
    const DateWord& word = rules.date_words[phrases[p.phrase].row];
    if (word.kind == DateWordKind::kWeekday && p.end_token <= start && p.end_token + 2 >= start) {
      bool only_punct = true;
      for (uint32_t t = p.end_token; t < start; ++t) only_punct &= IsPunct(doc, t);
      if (only_punct) w.weekday = word.value;
    }
  }
  return w;
}

}  // namespace

int CurrentYear() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(std::chrono::year_month_day(today).year());
}

int YearOfWeekday(int month, int day, int weekday, int latest_year) {
  for (int y = latest_year; y > latest_year - 40; --y) {
    if (day > DaysInMonth(y, month)) continue;
    if (Weekday(DaysFromCivil(y, month, day)) == weekday) return y;
  }
  return 0;
}

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

std::string IsoDay(int64_t days) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[(m - 1) % 12];
}

Published ParsePublished(std::string_view text) {
  Published p;
  auto number = [&](size_t pos, size_t len, int* out) {
    if (text.size() < pos + len) return false;
    auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, *out);
    return ec == std::errc() && ptr == text.data() + pos + len;
  };
  int y = 0, m = 0, d = 0;
  if (!number(0, 4, &y) || y < 1900 || y > 2200) return p;
  p.year = y;
  if (text.size() >= 7 && text[4] == '-' && number(5, 2, &m) && m >= 1 && m <= 12) {
    p.month = m;
    if (text.size() >= 10 && text[7] == '-' && number(8, 2, &d) && d >= 1 &&
        d <= DaysInMonth(y, m)) {
      p.day = DaysFromCivil(y, m, d);
    }
  }
  return p;
}

Published ReferenceFromText(const Document& doc, const std::vector<PhraseMatch>& date_matches,
                            const RuleSet& rules, int latest_year) {
  Published p;
  const Lexicon::Phrase* phrases = rules.lexicon.phrases().data();
  for (size_t i = 0; i < date_matches.size(); ++i) {
    const DateWord& w = rules.date_words[phrases[date_matches[i].phrase].row];
    if (w.kind != DateWordKind::kMonth) continue;
    WrittenDate written = ReadDate(doc, date_matches, i, rules);
    int year = written.year;
    // No year written, but a weekday that fixes it: "jeudi 12 août" is 2021, the latest year
    // (dispatches tell the past) in which 12 August fell on a Thursday.
    if (year == 0 && written.weekday != 0 && written.day >= 1) {
      year = YearOfWeekday(w.value, written.day, written.weekday, latest_year);
    }
    if (year == 0) continue;
    if (written.day >= 1 && written.day <= DaysInMonth(year, w.value)) {
      // The latest full date stands for the publication day: dispatches report the last days.
      int64_t at = DaysFromCivil(year, w.value, written.day);
      if (!p.has_day() || at > p.day) {
        p.day = at;
        p.year = year;
        p.month = w.value;
      }
    } else if (!p.has_day()) {
      p.year = year;
    }
  }
  ForEachNumericDate(doc, [&](int year, int month, int64_t at) {
    if (!p.has_day() || at > p.day) {
      p.day = at;
      p.year = year;
      p.month = month;
    }
  });
  if (p.has_day()) return p;
  if (p.year != 0) {
    p.month = 0;
    return p;
  }
  // No date with a year: the year the article names most often ("en 2021").
  int best_year = 0, best_count = 0;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    if (doc.tokens[t].kind != TokenKind::kNumber) continue;
    int year = TokenNumber(doc, t);
    if (year < 1990 || year > 2100) continue;
    int count = 0;
    for (uint32_t u = t; u < doc.tokens.size(); ++u) {
      count += doc.tokens[u].kind == TokenKind::kNumber && TokenNumber(doc, u) == year;
    }
    if (count > best_count || (count == best_count && year > best_year)) {
      best_year = year;
      best_count = count;
    }
  }
  p.year = best_year;
  return p;
}

int64_t LatestDayOfMonth(const Document& doc, const std::vector<PhraseMatch>& date_matches,
                         const RuleSet& rules, const Published& published) {
  int64_t latest = INT64_MIN;
  const Lexicon::Phrase* phrases = rules.lexicon.phrases().data();
  for (size_t i = 0; i < date_matches.size(); ++i) {
    const DateWord& w = rules.date_words[phrases[date_matches[i].phrase].row];
    if (w.kind != DateWordKind::kMonth || w.value != published.month) continue;
    WrittenDate written = ReadDate(doc, date_matches, i, rules);
    if (written.year != 0 && written.year != published.year) continue;
    int day = written.day;
    if (day < 1 || day > DaysInMonth(published.year, published.month)) continue;
    latest = std::max(latest, DaysFromCivil(published.year, published.month, day));
  }
  ForEachNumericDate(doc, [&](int year, int month, int64_t at) {
    if (year == published.year && month == published.month) latest = std::max(latest, at);
  });
  return latest;
}

DateRange DefaultDate(const Published& published) {
  if (published.has_day()) return Range(published.day - 1, published.day);
  if (published.month != 0) return MonthRange(published.year, published.month);
  return {};
}

DateRange ResolveSentenceDate(const Document& doc, uint32_t first, uint32_t end,
                              const std::vector<PhraseMatch>& date_matches, const RuleSet& rules,
                              const Published& published, std::string* why) {
  const Lexicon::Phrase* phrases = rules.lexicon.phrases().data();
  auto word_at = [&](size_t i) -> const DateWord& {
    return rules.date_words[phrases[date_matches[i].phrase].row];
  };
  auto next_is = [&](size_t i, DateWordKind kind) {
    return i + 1 < date_matches.size() && word_at(i + 1).kind == kind &&
           date_matches[i + 1].first_token <= date_matches[i].end_token + 1;
  };
  // 1. An explicit day and month: "4 juillet", "July 4", "le 11 septembre prochain".
  for (size_t i = 0; i < date_matches.size(); ++i) {
    const PhraseMatch& m = date_matches[i];
    if (m.first_token < first || m.end_token > end || word_at(i).kind != DateWordKind::kMonth)
      continue;
    int month = word_at(i).value;
    WrittenDate written = ReadDate(doc, date_matches, i, rules);
    int day = written.day;
    int year = written.year;
    if (day >= 1 && day <= 31 && day <= DaysInMonth(year ? year : 2000, month)) {
      if (year == 0) {
        if (published.year == 0) continue;
        // The year that puts the day nearest the publication: "le 11 septembre" in a July
        // dispatch is this September, "le 28 décembre" in a January one last December.
        int64_t reference = published.has_day() ? published.day
                            : published.month != 0
                                ? DaysFromCivil(published.year, published.month, 15)
                                : DaysFromCivil(published.year, month, day);
        int64_t best = DaysFromCivil(published.year, month, day);
        for (int y : {published.year - 1, published.year + 1}) {
          int64_t candidate = DaysFromCivil(y, month, day);
          if (std::llabs(candidate - reference) < std::llabs(best - reference)) best = candidate;
        }
        if (next_is(i, DateWordKind::kNext) && published.has_day() && best < published.day) {
          best = DaysFromCivil(published.year + 1, month, day);
        }
        *why = "explicit day and month";
        return Range(best, best);
      }
      *why = "explicit date";
      int64_t at = DaysFromCivil(year, month, day);
      return Range(at, at);
    }
  }
  // 2. Relative to the publication day: "hier", weekdays, "les dernières 24 heures".
  if (published.has_day()) {
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < date_matches.size(); ++i) {
      const PhraseMatch& m = date_matches[i];
      if (m.first_token < first || m.end_token > end) continue;
      const DateWord& w = word_at(i);
      int64_t a = INT64_MIN, b = INT64_MIN;
      if (w.kind == DateWordKind::kRelativeDay) {
        a = b = published.day + w.value;
      } else if (w.kind == DateWordKind::kWeekday) {
        int64_t back = (Weekday(published.day) - w.value + 7) % 7;
        a = b = published.day - back;
        if (next_is(i, DateWordKind::kNext)) a = b = published.day + (back == 0 ? 7 : 7 - back);
        if (next_is(i, DateWordKind::kLast) && back == 0) a = b = published.day - 7;
      } else if (w.kind == DateWordKind::kRecentHours) {
        a = published.day - 1;
        b = published.day;
      }
      if (a == INT64_MIN) continue;
      lo = std::min(lo, a);
      hi = std::max(hi, b);
    }
    if (lo != INT64_MAX) {
      *why = "relative to the publication day";
      return Range(lo, hi);
    }
  }
  // 3. A month alone: "en juin", "in June 2021".
  for (size_t i = 0; i < date_matches.size(); ++i) {
    const PhraseMatch& m = date_matches[i];
    if (m.first_token < first || m.end_token > end || word_at(i).kind != DateWordKind::kMonth)
      continue;
    int month = word_at(i).value;
    int year = TokenNumber(doc, m.end_token);
    if (year < 1900 || year > 2200) {
      if (published.year == 0) continue;
      year = published.year;
      if (published.month != 0 && month > published.month + 2 && !next_is(i, DateWordKind::kNext))
        --year;
    }
    // "fin juin", "early July": a third of the month.
    if (i > 0 && word_at(i - 1).kind == DateWordKind::kPartOfMonth &&
        date_matches[i - 1].end_token + 1 >= m.first_token) {
      int part = word_at(i - 1).value;  // 1 early, 2 mid, 3 late
      int from = part == 1 ? 1 : part == 2 ? 10 : 20;
      int to = part == 1 ? 10 : part == 2 ? 20 : DaysInMonth(year, month);
      *why = "part of a month";
      return Range(DaysFromCivil(year, month, from), DaysFromCivil(year, month, to));
    }
    *why = "month";
    return MonthRange(year, month);
  }
  // 4. A year alone: "En 2020, les deux camps ont signé un accord".
  for (uint32_t t = first + 1; t < end; ++t) {
    if (doc.tokens[t].kind != TokenKind::kNumber) continue;
    std::string_view before = doc.tokens[t - 1].lower;
    if (before != "en" && before != "in") continue;
    int year = TokenNumber(doc, t);
    if (year < 1990 || year > 2100 || year == published.year) continue;
    *why = "year";
    return Range(DaysFromCivil(year, 1, 1), DaysFromCivil(year, 12, 31));
  }
  return {};
}

}  // namespace vigie::internal
