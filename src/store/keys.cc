#include "store/keys.h"

#include <cmath>
#include <cstdio>

namespace vigie::internal {

std::string NameKey(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  bool pending_space = false;
  for (unsigned char c : name) {
    bool word =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!word) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    key.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  // "the Taliban" and "Taliban" are one actor.
  if (key.starts_with("the ")) key.erase(0, 4);
  return key;
}

namespace {

// Howard Hinnant's days_from_civil.
int DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool ParseDigits(std::string_view s, int* out) {
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return !s.empty();
}

unsigned DaysInMonth(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

std::optional<int> DayNumber(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  if (!ParseDigits(iso.substr(0, 4), &y) || !ParseDigits(iso.substr(5, 2), &m) ||
      !ParseDigits(iso.substr(8, 2), &d)) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > DaysInMonth(y, m)) return std::nullopt;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string IsoDay(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", y + (m <= 2), m, d);
  return buffer;
}

std::optional<DayRange> PublishedRange(std::string_view published) {
  if (auto day = DayNumber(published)) return DayRange{*day, *day};
  int y = 0, m = 0;
  if (published.size() == 7 && published[4] == '-' && ParseDigits(published.substr(0, 4), &y) &&
      ParseDigits(published.substr(5, 2), &m) && m >= 1 && m <= 12) {
    int first = DaysFromCivil(y, static_cast<unsigned>(m), 1);
    return DayRange{first, first + static_cast<int>(DaysInMonth(y, static_cast<unsigned>(m))) - 1};
  }
  return std::nullopt;
}

uint64_t Hash64(std::string_view bytes) {
  return Hasher().Add(bytes).Finish();
}

Hasher& Hasher::Add(int64_t number) {
  char buffer[24];
  int n = std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(number));
  return Add(std::string_view(buffer, static_cast<size_t>(n)));
}

uint64_t Hasher::Finish() const {
  // FNV alone leaves the high bits weak for short inputs.
  return Mix64(h_);
}

std::string Hex64(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRad) *
                                                           std::cos(lat2 * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::sqrt(std::min(1.0, a)));
}

}  // namespace vigie::internal
