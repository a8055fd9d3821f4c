// Dates that news sites write into their URLs, for records whose feed gives none.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "input/dates.h"
#include "vigie/input.h"

namespace vigie {
namespace {

// A URL date outside these years is an article number that happens to look like one.
constexpr int kFirstYear = 1990;
constexpr int kLastYear = 2100;

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsAlnum(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return !s.empty();
}

int ToInt(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool PlausibleYear(int year) {
  return year >= kFirstYear && year <= kLastYear;
}

std::string FormatDay(int year, int month, int day) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return out;
}

std::string FormatMonth(int year, int month) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d", year, month);
  return out;
}

// The part after the host: "https://x.org/2021/08/11/story?id=3#top" -> "/2021/08/11/story?id=3".
// The host is left out so that "news2021.example" never counts.
std::string_view PathAndQuery(std::string_view url) {
  if (size_t hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return url;
  size_t slash = url.find('/', scheme + 3);
  return slash == std::string_view::npos ? std::string_view() : url.substr(slash);
}

std::vector<std::string_view> Segments(std::string_view path) {
  if (size_t q = path.find('?'); q != std::string_view::npos) path = path.substr(0, q);
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsYearSegment(std::string_view s) {
  return s.size() == 4 && AllDigits(s) && PlausibleYear(ToInt(s));
}
bool IsSmallNumber(std::string_view s) {
  return (s.size() == 1 || s.size() == 2) && AllDigits(s);
}

// "/2021/08/11/story" gives the day; "/2021/08/story" the month (stored in *month when empty).
// "/2021/02/30/" is no date at all: a third number that is not a day means the path counts
// something else.
std::string FromSegments(std::string_view path, std::string* month_only) {
  std::vector<std::string_view> seg = Segments(path);
  for (size_t i = 0; i + 1 < seg.size(); ++i) {
    if (!IsYearSegment(seg[i]) || !IsSmallNumber(seg[i + 1])) continue;
    int year = ToInt(seg[i]), month = ToInt(seg[i + 1]);
    if (month < 1 || month > 12) continue;
    if (i + 2 < seg.size() && IsSmallNumber(seg[i + 2])) {
      int day = ToInt(seg[i + 2]);
      if (input::IsValidDay(year, month, day)) return FormatDay(year, month, day);
      continue;
    }
    if (month_only->empty()) *month_only = FormatMonth(year, month);
  }
  return {};
}

// "/news/2021-08-11-kaboul": four digits, dash, two, dash, two, with no digit on either side.
std::string FromDashedDate(std::string_view s) {
  for (size_t i = 0; i + 10 <= s.size(); ++i) {
    if (i > 0 && IsDigit(s[i - 1])) continue;
    if (i + 10 < s.size() && IsDigit(s[i + 10])) continue;
    std::string_view d = s.substr(i, 10);
    if (d[4] != '-' || d[7] != '-') continue;
    if (!AllDigits(d.substr(0, 4)) || !AllDigits(d.substr(5, 2)) || !AllDigits(d.substr(8, 2))) {
      continue;
    }
    int year = ToInt(d.substr(0, 4)), month = ToInt(d.substr(5, 2)), day = ToInt(d.substr(8, 2));
    if (PlausibleYear(year) && input::IsValidDay(year, month, day))
      return FormatDay(year, month, day);
  }
  return {};
}

// "/monde/3099743-20210809-afghanistan" or "story_20210704.html": a run of exactly eight digits
// between separators. Longer runs ("202108061045971423-zaranj") are article ids, and a run glued
// to letters is part of a hash ("60f13b3299").
std::string FromCompactDate(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < s.size() && IsDigit(s[end])) ++end;
    bool bounded = (i == 0 || !IsAlnum(s[i - 1])) && (end == s.size() || !IsAlnum(s[end]));
    if (end - i == 8 && bounded) {
      int year = ToInt(s.substr(i, 4)), month = ToInt(s.substr(i + 4, 2));
      int day = ToInt(s.substr(i + 6, 2));
      if (PlausibleYear(year) && input::IsValidDay(year, month, day))
        return FormatDay(year, month, day);
    }
    i = end;
  }
  return {};
}

}  // namespace

std::string InferPublishedFromUrl(std::string_view url) {
  std::string_view path = PathAndQuery(url);
  std::string month_only;
  if (std::string day = FromSegments(path, &month_only); !day.empty()) return day;
  if (std::string day = FromDashedDate(path); !day.empty()) return day;
  if (std::string day = FromCompactDate(path); !day.empty()) return day;
  return month_only;
}

}  // namespace vigie
