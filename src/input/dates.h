// Publication dates as the readers keep them: "2021", "2021-08" or "2021-08-10".
#ifndef VIGIE_INPUT_DATES_H_
#define VIGIE_INPUT_DATES_H_

#include <string>
#include <string_view>

namespace vigie::input {

// True when the Gregorian calendar has this day (February 29 only in leap years).
bool IsValidDay(int year, int month, int day);

// "2021-08-10", "2021-08" and "2021" come back unchanged; a timestamp keeps its date
// ("2021-08-10T14:05:00Z" -> "2021-08-10"). Empty when `value` is not such a date,
// so "12/08/2021" or "2021-13" are refused rather than guessed at.
std::string NormalizePublished(std::string_view value);

}  // namespace vigie::input

#endif  // VIGIE_INPUT_DATES_H_
