// Event dates resolved against the publication date: "samedi" in a dispatch of Sunday 4 July is
// 3 July; "hier" the day before; "dimanche 4 juillet" that day; "le 11 septembre prochain" the
// next 11 September; a month-only publication date gives the whole month.
#ifndef VIGIE_EXTRACT_DATES_H_
#define VIGIE_EXTRACT_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"
#include "extract/rule_set.h"
#include "text/document.h"
#include "vigie/analysis.h"

namespace vigie::internal {

// Days since 1970-01-01 of a civil date, and back.
int64_t DaysFromCivil(int y, int m, int d);
void CivilFromDays(int64_t days, int* y, int* m, int* d);
std::string IsoDay(int64_t days);
int DaysInMonth(int y, int m);

struct Published {
  int year = 0;             // 0 when unknown
  int month = 0;            // 0 when only the year is known
  int64_t day = INT64_MIN;  // days since epoch, INT64_MIN when only the month is known
  bool has_day() const { return day != INT64_MIN; }
};
// "2021-08-10", "2021-08", "2021"; anything else is unknown.
Published ParsePublished(std::string_view text);

// The date a sentence gives for what it reports, from the date words matched in tokens
// [first, end); explicit dates win over relative ones. Empty when the sentence says nothing.
// `why` receives a short explanation.
DateRange ResolveSentenceDate(const Document& doc, uint32_t first, uint32_t end,
                              const std::vector<PhraseMatch>& date_matches, const RuleSet& rules,
                              const Published& published, std::string* why);

// The current calendar year (UTC).
int CurrentYear();
// The latest year up to `latest_year` in which day/month fell on `weekday` (1 Monday .. 7
// Sunday), 0 when none in forty years: "jeudi 12 août" is 2021 for a reader of 2026.
int YearOfWeekday(int month, int day, int weekday, int latest_year);

// When the publication date is unknown, the latest full date the article writes ("le 12 août
// 2021", "August 13, 2021"), or at least its year, serves as the reference for weekdays and dates
// without a year. A date with no year but a weekday ("jeudi 12 août") counts as full: the weekday
// names the latest year up to `latest_year` (dispatches tell the past).
Published ReferenceFromText(const Document& doc, const std::vector<PhraseMatch>& date_matches,
                            const RuleSet& rules, int latest_year);

// When only the month of publication is known, the latest day of that month the article writes
// ("dimanche 15 août"), INT64_MIN when none: weekdays resolve against it.
int64_t LatestDayOfMonth(const Document& doc, const std::vector<PhraseMatch>& date_matches,
                         const RuleSet& rules, const Published& published);

// What an event gets when its sentence names no date: the day of publication and the day before
// (dispatches report the last day's news), or the month of publication.
DateRange DefaultDate(const Published& published);

}  // namespace vigie::internal

#endif  // VIGIE_EXTRACT_DATES_H_
