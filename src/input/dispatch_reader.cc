// A plain-text dispatch: one article per file. Two header styles are understood:
//
//    date 2021-07 Les combats ont repris mardi soir autour de la ville...
//
// (the seed style: "date" and the publication date lead the first line, the text goes on after
// them), and header lines followed by a blank line:
//
//   title: Reprise des combats dans le nord
//   url: https://example.org/2021/07/12/reprise
//
//   Les combats ont repris mardi soir...
//
// Anything else is all text. The title only ever comes from a header.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "input/dates.h"
#include "input/readers.h"
#include "input/utf8_scan.h"

namespace vigie::input {
namespace {

// Header lines and a blank line ahead of a text at the cap still fit in what is kept.
constexpr size_t kHeaderRoomBytes = size_t{64} << 10;

constexpr std::array<std::string_view, 6> kHeaderKeys = {"date",  "published", "url",
                                                         "title", "id",        "lang"};

bool IsSpace(char c) {
  return c == ' ' || c == '\t';
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (!IsSpace(c) && c != '\r' && c != '\n') return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsSpace(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Header {
  size_t size = 0;  // bytes before the text
  Article fields;   // id, url, published, lang, title as the header gives them
  bool has_id = false;
  Status status;  // a header that is clearly one but carries a bad date
};

// " date 2021-07 Les combats..." -> the text starts at "Les". A first line such as
// "date limite pour les négociations..." is text: the word after "date" must be a date.
bool ReadSeedHeader(std::string_view content, Header* header) {
  size_t i = 0;
  while (i < content.size() && IsSpace(content[i])) ++i;
  if (content.substr(i, 5) != "date " && content.substr(i, 5) != "date\t") return false;
  i += 5;
  while (i < content.size() && IsSpace(content[i])) ++i;
  size_t start = i;
  while (i < content.size() && !IsSpace(content[i]) && content[i] != '\r' && content[i] != '\n')
    ++i;
  std::string_view date = content.substr(start, i - start);
  if (date.size() > 10 || NormalizePublished(date) != date) return false;
  header->fields.published.assign(date);
  while (i < content.size() && IsSpace(content[i])) ++i;
  // "date 2021-07" alone on its line: the text starts on the next one.
  if (i < content.size() && content[i] == '\r') ++i;
  if (i < content.size() && content[i] == '\n') ++i;
  header->size = i;
  return true;
}

// "key: value" lines up to a blank line. Any other line before the blank line means there is no
// header: "Kaboul: les combats ont repris" opens a text.
bool ReadKeyValueHeader(std::string_view content, std::string_view name, Header* header) {
  size_t pos = 0;
  int line_number = 0;
  bool any = false;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) return false;  // no blank line: all text
    std::string_view line = content.substr(pos, end - pos);
    ++line_number;
    pos = end + 1;
    if (IsBlank(line)) {
      if (!any) return false;
      header->size = pos;
      return true;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return false;
    std::string key = Lower(line.substr(0, colon));
    if (std::find(kHeaderKeys.begin(), kHeaderKeys.end(), key) == kHeaderKeys.end()) return false;
    std::string_view value = Trim(line.substr(colon + 1));
    any = true;
    Article& f = header->fields;
    if (key == "date" || key == "published") {
      if (value.empty()) continue;
      f.published = NormalizePublished(value);
      if (f.published.empty() && header->status.ok()) {
        header->status =
            InvalidArgument(std::string(name) + ":" + std::to_string(line_number) + ": date '" +
                            std::string(value) + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
      }
    } else if (key == "url") {
      f.url.assign(value);
    } else if (key == "title") {
      f.title.assign(value);
    } else if (key == "lang") {
      f.lang.assign(value);
    } else if (key == "id" && !value.empty()) {
      f.id.assign(value);
      header->has_id = true;
    }
  }
  return false;
}

size_t LineOfByte(std::string_view content, size_t offset) {
  return 1 + static_cast<size_t>(std::count(content.begin(), content.begin() + offset, '\n'));
}

}  // namespace

void ReadDispatch(StreamReader& reader, std::string_view name, const InputOptions& options,
                  const ArticleSink& sink) {
  std::string content;
  uint64_t total = 0;
  reader.ReadRest(&content, SaturatingAdd(options.max_article_bytes, kHeaderRoomBytes), &total);
  if (reader.failed()) {
    sink(IoError(std::string(name) + ": read error"));
    return;
  }
  size_t bom = std::string_view(content).starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::string_view body = std::string_view(content).substr(bom);
  Header header;
  if (!ReadSeedHeader(body, &header)) {
    header = Header();
    if (!ReadKeyValueHeader(body, name, &header)) header = Header();
  }
  if (!header.status.ok()) {
    sink(header.status);
    return;
  }
  const size_t text_start = bom + header.size;
  const uint64_t text_size = total - text_start;
  std::string record = std::string(name) + ": ";
  if (header.has_id) record += "record '" + header.fields.id + "': ";
  if (text_size > options.max_article_bytes) {
    sink(TooLarge(record + "text of " + FormatSize(text_size) + " is over the " +
                  FormatSize(options.max_article_bytes) + " cap"));
    return;
  }
  std::string_view text = std::string_view(content).substr(text_start);
  if (IsBlank(text)) {
    sink(InvalidArgument(record + "no text"));
    return;
  }
  if (size_t bad = FirstInvalidUtf8Byte(content); bad != std::string_view::npos) {
    std::string at = std::string(name) + ":" + std::to_string(LineOfByte(content, bad)) + ": ";
    if (header.has_id) at += "record '" + header.fields.id + "': ";
    if (bad < text_start) {
      sink(InvalidArgument(at + "invalid UTF-8 in the header"));
    } else {
      sink(InvalidArgument(at + "invalid UTF-8 at byte " + std::to_string(bad - text_start) +
                           " of the text"));
    }
    return;
  }
  Article article = std::move(header.fields);
  if (!header.has_id) article.id.assign(FileStem(name));
  if (article.published.empty()) article.published = InferPublishedFromUrl(article.url);
  article.where.assign(name);
  content.erase(0, text_start);
  article.text = std::move(content);
  sink(std::move(article));
}

}  // namespace vigie::input
