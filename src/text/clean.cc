// Cleaning runs in two passes over the text:
//  1. byte junk, found by a table lookup per byte and copied through in runs: HTML tags and
//     entities, mojibake, control and zero-width characters;
//  2. line junk, on the text of pass 1: repeated paragraphs, "read also" inserts, photo credits.
// Each pass appends, for every byte it writes, the original offset it came from.
#include "text/clean.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <functional>

#include "base/utf8.h"
#include "text/clean_lines.h"

namespace vigie::internal {

const char* CleanRuleName(CleanRule rule) {
  switch (rule) {
    case CleanRule::kHtml:
      return "html";
    case CleanRule::kPhotoCredit:
      return "photo_credit";
    case CleanRule::kReadAlso:
      return "read_also";
    case CleanRule::kRepeatedParagraph:
      return "repeated_paragraph";
    case CleanRule::kMojibake:
      return "mojibake";
    case CleanRule::kControlChar:
      return "control_char";
    case CleanRule::kCount:
      break;
  }
  return "unknown";
}

namespace {

// Reads the non-comment lines of data_dir/text/<name>, split at tabs, calling
// parse(fields, "path:line") for each; a parse error names the file and line.
Status ForEachRuleLine(
    const std::string& data_dir, const char* name,
    const std::function<Status(const std::vector<std::string_view>&, const std::string&)>& parse) {
  const std::string path = data_dir + "/text/" + name;
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::string line;
  std::vector<std::string_view> fields;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    fields.clear();
    std::string_view rest(line);
    for (size_t tab; (tab = rest.find('\t')) != std::string_view::npos;
         rest.remove_prefix(tab + 1)) {
      fields.push_back(rest.substr(0, tab));
    }
    fields.push_back(rest);
    VIGIE_RETURN_IF_ERROR(parse(fields, path + ":" + std::to_string(number)));
  }
  return Status::Ok();
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool LongerFirst(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() > b.size() : a < b;
}

// Bytes that may start junk; every other byte is copied as it is.
constexpr std::array<bool, 256> kMayStartJunk = [] {
  std::array<bool, 256> t{};
  for (int b = 0; b < 0x20; ++b) t[b] = b != '\t' && b != '\n' && b != '\r';
  t[0x7F] = true;
  t['<'] = t['&'] = true;
  t[0xC2] = true;  // C1 controls, soft hyphen
  t[0xC3] = true;  // mojibake: "Ã©"
  t[0xE2] = true;  // zero-width and direction marks, line separators
  t[0xEF] = true;  // byte order mark
  return t;
}();

// What pass 1 does at a junk position: replaces `consumed` bytes by `bytes`, or by a separator
// when there are none.
struct Fix {
  size_t consumed = 0;
  char bytes[4] = {};
  int byte_count = 0;
  char separator = 0;  // ' ' or '\n': keeps words apart; 0: the junk sat inside a word
  CleanRule rule = CleanRule::kHtml;
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Tags that end a block of text: their removal leaves a newline, not a space.
bool IsBlockTag(std::string_view name) {
  static constexpr std::string_view kBlock[] = {
      "br",         "p",       "div",     "li",     "ul",     "ol",     "h1",         "h2",
      "h3",         "h4",      "h5",      "h6",     "tr",     "td",     "th",         "table",
      "blockquote", "section", "article", "header", "footer", "figure", "figcaption", "hr"};
  for (std::string_view b : kBlock) {
    if (EqualsIgnoreCase(name, b)) return true;
  }
  return false;
}

// Inline tags vanish without a trace: "<b>Kaboul</b>" -> "Kaboul", "cut</a>." -> "cut.".
bool IsInlineTag(std::string_view name) {
  static constexpr std::string_view kInline[] = {"a",    "b",    "i",   "em",  "strong", "span",
                                                 "u",    "font", "sup", "sub", "small",  "abbr",
                                                 "cite", "mark", "q",   "s",   "time",   "bdi"};
  for (std::string_view b : kInline) {
    if (EqualsIgnoreCase(name, b)) return true;
  }
  return false;
}

// Finds `needle` (lower-case ASCII) in s from `from` regardless of case; npos if absent.
size_t FindIgnoreCase(std::string_view s, size_t from, std::string_view needle) {
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (EqualsIgnoreCase(s.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

// "<br>", "</a>", "<a href=\"...\">", "<!-- ... -->", "<script>...</script>". A "<" that does
// not open a well-formed tag ("< 5 km", "a<b") is text.
Fix TagAt(std::string_view s, size_t i) {
  constexpr size_t kMaxTag = 2048;
  Fix fix;
  fix.rule = CleanRule::kHtml;
  const std::string_view rest = s.substr(i, kMaxTag);
  if (rest.starts_with("<!--")) {
    const size_t end = rest.find("-->", 4);
    if (end != std::string_view::npos) {
      fix.consumed = end + 3;
      fix.separator = ' ';
    }
    return fix;
  }
  size_t j = 1;
  if (j < rest.size() && rest[j] == '/') ++j;
  const size_t name_start = j;
  while (j < rest.size() && (IsAsciiAlpha(rest[j]) ||
                             (j > name_start && std::isdigit(static_cast<unsigned char>(rest[j])))))
    ++j;
  if (j == name_start || j >= rest.size()) return fix;
  if (rest[j] != '>' && rest[j] != '/' && rest[j] != ' ' && rest[j] != '\n' && rest[j] != '\t')
    return fix;
  const std::string_view name = rest.substr(name_start, j - name_start);
  char quote = 0;
  for (; j < rest.size(); ++j) {
    const char c = rest[j];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '<') {
      return fix;
    } else if (c == '>') {
      break;
    }
  }
  if (j >= rest.size()) return fix;
  fix.consumed = j + 1;
  if (name_start == 1 && (EqualsIgnoreCase(name, "script") || EqualsIgnoreCase(name, "style"))) {
    const std::string closing = name.size() == 6 ? "</script" : "</style";
    const size_t close = FindIgnoreCase(s, i + fix.consumed, closing);
    if (close != std::string_view::npos) {
      const size_t gt = s.find('>', close);
      if (gt != std::string_view::npos) fix.consumed = gt + 1 - i;
    }
  }
  fix.separator = IsBlockTag(name) ? '\n' : IsInlineTag(name) ? 0 : ' ';
  return fix;
}

// "&nbsp;", "&amp;", "&#39;", "&#x2019;".
Fix EntityAt(std::string_view s, size_t i, const Cleaner::Rules& rules) {
  Fix fix;
  fix.rule = CleanRule::kHtml;
  const std::string_view rest = s.substr(i, 40);
  const size_t semi = rest.find(';');
  if (semi == std::string_view::npos || semi < 2) return fix;
  const std::string_view body = rest.substr(1, semi - 1);
  char32_t cp = 0;
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return fix;
    for (char c : digits) {
      const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(c))
                        ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                        : -1;
      if (d < 0) return fix;
      cp = cp * (hex ? 16 : 10) + d;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return fix;
  } else {
    for (char c : body) {
      if (!IsAsciiAlpha(c) && !std::isdigit(static_cast<unsigned char>(c))) return fix;
    }
    const auto it = std::lower_bound(rules.entities.begin(), rules.entities.end(), body,
                                     [](const std::pair<std::string, char32_t>& e,
                                        std::string_view key) { return e.first < key; });
    if (it == rules.entities.end() || it->first != body) return fix;
    cp = it->second;
  }
  fix.consumed = semi + 1;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
    fix.separator = ' ';
  } else {
    std::string bytes;
    AppendUtf8(cp, &bytes);
    std::memcpy(fix.bytes, bytes.data(), bytes.size());
    fix.byte_count = static_cast<int>(bytes.size());
  }
  return fix;
}

// Control, zero-width and direction characters. Those that can sit inside a word (soft hyphen,
// zero-width space, byte order mark) vanish; the others leave a space.
Fix InvisibleAt(std::string_view s, size_t i) {
  Fix fix;
  fix.rule = CleanRule::kControlChar;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    fix.consumed = 1;
    fix.separator = b0 == 0x0B || b0 == 0x0C ? '\n' : ' ';
    return fix;
  }
  char32_t cp;
  const int len = DecodeUtf8(s, i, &cp);
  if (len == 0) return fix;
  if (cp >= 0x80 && cp < 0xA0) {
    fix.separator = cp == 0x85 ? '\n' : ' ';
  } else if (cp == 0x2028 || cp == 0x2029) {
    fix.separator = '\n';
  } else if (!(cp == 0xAD || cp == 0x200B || cp == 0x200E || cp == 0x200F || cp == 0x2060 ||
               cp == 0xFEFF || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))) {
    return fix;
  }
  fix.consumed = static_cast<size_t>(len);
  return fix;
}

Fix JunkAt(std::string_view s, size_t i, const Cleaner::Rules& rules) {
  switch (s[i]) {
    case '<':
      return TagAt(s, i);
    case '&':
      return EntityAt(s, i, rules);
    default:
      break;
  }
  if (static_cast<unsigned char>(s[i]) == 0xC3) {
    Fix fix;
    fix.rule = CleanRule::kMojibake;
    fix.consumed = DecodeMojibakeAt(s, i, fix.bytes, &fix.byte_count);
    return fix;
  }
  return InvisibleAt(s, i);
}

void RemoveByteJunk(std::string_view in, const Cleaner::Rules& rules, TextWriter* w,
                    std::array<uint32_t, size_t(CleanRule::kCount)>* counts) {
  size_t run = 0;
  size_t i = 0;
  while (i < in.size()) {
    if (!kMayStartJunk[static_cast<unsigned char>(in[i])]) {
      ++i;
      continue;
    }
    const Fix fix = JunkAt(in, i, rules);
    if (fix.consumed == 0) {
      ++i;
      continue;
    }
    w->Copy(run, i);
    ++(*counts)[size_t(fix.rule)];
    if (fix.byte_count > 0) {
      w->Put(std::string_view(fix.bytes, fix.byte_count), i);
      i += fix.consumed;
    } else {
      // Junk that spanned a line break ("<!-- ...\n... -->") leaves one.
      const bool spans_line =
          fix.separator == ' ' && in.substr(i, fix.consumed).find('\n') != std::string_view::npos;
      i = w->Remove(i, i + fix.consumed, spans_line ? '\n' : fix.separator);
    }
    run = i;
  }
  w->Copy(run, in.size());
}

}  // namespace

Result<std::unique_ptr<Cleaner>> Cleaner::Create(const std::string& data_dir) {
  Rules rules;
  auto one_field = [](std::vector<std::string>* list, bool lower) {
    return [list, lower](const std::vector<std::string_view>& f, const std::string& where) {
      if (f.size() != 1 || f[0].empty()) return DataError(where + ": expected one non-empty field");
      list->push_back(lower ? AsciiLower(f[0]) : std::string(f[0]));
      return Status::Ok();
    };
  };
  std::vector<std::string> agencies;
  VIGIE_RETURN_IF_ERROR(ForEachRuleLine(data_dir, "agencies.txt", one_field(&agencies, true)));
  VIGIE_RETURN_IF_ERROR(
      ForEachRuleLine(data_dir, "photo_credit_lines.txt", one_field(&rules.photo_lines, false)));
  VIGIE_RETURN_IF_ERROR(
      ForEachRuleLine(data_dir, "caps_not_names.txt", one_field(&rules.caps_not_names, false)));
  VIGIE_RETURN_IF_ERROR(
      ForEachRuleLine(data_dir, "read_also.txt",
                      [&rules](const std::vector<std::string_view>& f, const std::string& where) {
                        if (f.size() != 2 || f[0].size() != 2 || f[1].empty()) {
                          return DataError(where + ": expected <language> TAB <marker>");
                        }
                        rules.read_also.emplace_back(f[1]);
                        return Status::Ok();
                      }));
  VIGIE_RETURN_IF_ERROR(ForEachRuleLine(
      data_dir, "html_entities.txt",
      [&rules](const std::vector<std::string_view>& f, const std::string& where) {
        if (f.size() != 2 || f[0].empty() || !f[1].starts_with("U+") || f[1].size() < 6) {
          return DataError(where + ": expected <name> TAB U+XXXX");
        }
        char32_t cp = 0;
        for (char c : f[1].substr(2)) {
          if (!std::isxdigit(static_cast<unsigned char>(c)))
            return DataError(where + ": bad code point");
          cp = cp * 16 + (std::isdigit(static_cast<unsigned char>(c))
                              ? c - '0'
                              : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10);
        }
        if (cp == 0 || cp > 0x10FFFF) return DataError(where + ": code point out of range");
        rules.entities.emplace_back(std::string(f[0]), cp);
        return Status::Ok();
      }));
  for (std::string& a : agencies) {
    if (a[0] < 'a' || a[0] > 'z') {
      return DataError(data_dir + "/text/agencies.txt: \"" + a + "\": a name starts with a letter");
    }
    rules.agencies_by_initial[a[0] - 'a'].push_back(std::move(a));
  }
  for (auto& bucket : rules.agencies_by_initial)
    std::sort(bucket.begin(), bucket.end(), LongerFirst);
  std::sort(rules.read_also.begin(), rules.read_also.end(), LongerFirst);
  std::sort(rules.photo_lines.begin(), rules.photo_lines.end(), LongerFirst);
  std::sort(rules.caps_not_names.begin(), rules.caps_not_names.end());
  std::sort(rules.entities.begin(), rules.entities.end());
  return std::unique_ptr<Cleaner>(new Cleaner(std::move(rules)));
}

void Cleaner::Clean(std::string_view original, std::string* out, OffsetMap* map,
                    std::array<uint32_t, size_t(CleanRule::kCount)>* counts) const {
  // Pass 1 writes into per-thread scratch kept between articles, pass 2 into *out.
  thread_local std::string byte_clean;
  thread_local OffsetMap byte_clean_map;
  byte_clean.clear();
  byte_clean_map.Clear();
  TextWriter first(original, nullptr, &byte_clean, &byte_clean_map);
  RemoveByteJunk(original, rules_, &first, counts);
  byte_clean_map.Finish(static_cast<uint32_t>(original.size()));

  out->clear();
  map->Clear();
  TextWriter second(byte_clean, &byte_clean_map, out, map);
  RemoveLineJunk(byte_clean, rules_, &second, counts);
  map->Finish(static_cast<uint32_t>(original.size()));
}

}  // namespace vigie::internal
