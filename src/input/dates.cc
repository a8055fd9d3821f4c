#include "input/dates.h"

namespace vigie::input {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Reads exactly `width` digits at `pos`; false when any of them is not a digit.
bool ReadNumber(std::string_view s, size_t pos, size_t width, int* out) {
  if (pos + width > s.size()) return false;
  int n = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (!IsDigit(s[i])) return false;
    n = n * 10 + (s[i] - '0');
  }
  *out = n;
  return true;
}

}  // namespace

bool IsValidDay(int year, int month, int day) {
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

std::string NormalizePublished(std::string_view value) {
  int year = 0, month = 0, day = 0;
  if (!ReadNumber(value, 0, 4, &year) || year < 1000) return {};
  if (value.size() == 4) return std::string(value);
  if (value[4] != '-' || !ReadNumber(value, 5, 2, &month) || month < 1 || month > 12) return {};
  if (value.size() == 7) return std::string(value);
  if (value[7] != '-' || !ReadNumber(value, 8, 2, &day) || !IsValidDay(year, month, day)) return {};
  // "2021-08-10T14:05:00Z" and "2021-08-10 14:05": the time adds nothing the analysis uses.
  if (value.size() == 10 || value[10] == 'T' || value[10] == ' ')
    return std::string(value.substr(0, 10));
  return {};
}

}  // namespace vigie::input
