// JSON Lines: {"id","url","published","lang","title","text"} per line; other fields are ignored.
#include <string>
#include <string_view>
#include <utility>

#include "input/dates.h"
#include "input/readers.h"
#include "input/utf8_scan.h"

namespace vigie::input {
namespace {

namespace od = simdjson::ondemand;

// Room for a record whose text is at the cap even when every byte of it is written as a "\u00e9"
// escape (six bytes for one), plus the other fields.
constexpr size_t kEscapeFactor = 6;
constexpr size_t kOtherFieldsBytes = size_t{64} << 10;

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

size_t LineCap(const InputOptions& options) {
  size_t cap = options.max_article_bytes;
  cap = cap > SIZE_MAX / kEscapeFactor ? SIZE_MAX : cap * kEscapeFactor;
  return SaturatingAdd(cap, kOtherFieldsBytes);
}

// simdjson reads up to SIMDJSON_PADDING bytes past the end; the line buffer keeps that much spare
// capacity instead of being copied into a padded string.
void EnsurePadding(std::string& s) {
  if (s.capacity() < s.size() + simdjson::SIMDJSON_PADDING) {
    s.reserve(s.size() + simdjson::SIMDJSON_PADDING);
  }
}

size_t HexValue(std::string_view s) {
  size_t v = 0;
  for (char c : s) {
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= static_cast<size_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= static_cast<size_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= static_cast<size_t>(c - 'A' + 10);
  }
  return v;
}

// How many bytes the unescaped text has for this much of its raw JSON: maps an offset in the line
// to an offset in the text as read. "\u00e9" is 2 bytes, a surrogate pair 4, "\n" 1.
size_t UnescapedSize(std::string_view raw) {
  size_t out = 0;
  size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] != '\\' || i + 1 >= raw.size()) {
      ++out;
      ++i;
      continue;
    }
    if (raw[i + 1] != 'u' || i + 6 > raw.size()) {
      ++out;
      i += 2;
      continue;
    }
    size_t cp = HexValue(raw.substr(i + 2, 4));
    i += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= raw.size() && raw[i] == '\\' &&
        raw[i + 1] == 'u') {
      out += 4;
      i += 6;
    } else {
      out += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
    }
  }
  return out;
}

struct Fields {
  Article article;
  bool has_id = false;
  bool has_text = false;
  bool has_published = false;
  std::string_view raw_text;  // the text's JSON token, quotes included, in the parsed buffer
};

std::string BrokenJson(std::string_view where, simdjson::error_code error) {
  return std::string(where) + ": broken JSON: " + simdjson::error_message(error);
}

// A string field, or null for "not given". Anything else is the record's error.
simdjson::error_code ReadOptionalString(od::value value, std::string* out, bool* given) {
  bool is_null = false;
  if (auto error = value.is_null().get(is_null)) return error;
  if (is_null) return simdjson::SUCCESS;
  std::string_view s;
  if (auto error = value.get_string().get(s)) return error;
  out->assign(s);
  *given = true;
  return simdjson::SUCCESS;
}

// Walks the record's fields in any order; a repeated field keeps its last value.
Status ReadFields(od::document& doc, std::string_view where, Fields* fields) {
  od::object object;
  if (auto error = doc.get_object().get(object)) {
    // "[1, 2]" or "not json": simdjson's own words ("does not have the requested type") say less.
    if (error == simdjson::INCORRECT_TYPE) {
      return InvalidArgument(std::string(where) + ": broken JSON: the line is not a JSON object");
    }
    return InvalidArgument(BrokenJson(where, error));
  }
  Article& a = fields->article;
  for (auto field_result : object) {
    od::field field;
    if (auto error = std::move(field_result).get(field))
      return InvalidArgument(BrokenJson(where, error));
    std::string_view key;
    if (auto error = field.unescaped_key().get(key))
      return InvalidArgument(BrokenJson(where, error));
    od::value value = field.value();
    simdjson::error_code error = simdjson::SUCCESS;
    bool unused = false;
    if (key == "id") {
      // Feeds that number their records write the id as a number: {"id": 1042, ...}.
      od::json_type type;
      if ((error = value.type().get(type)) == simdjson::SUCCESS && type == od::json_type::number) {
        a.id.assign(value.raw_json_token());
        while (!a.id.empty() && (a.id.back() == ' ' || a.id.back() == '\t')) a.id.pop_back();
        fields->has_id = true;
      } else if (error == simdjson::SUCCESS) {
        error = ReadOptionalString(value, &a.id, &fields->has_id);
        fields->has_id = fields->has_id && !a.id.empty();  // "id": "" names nothing
      }
    } else if (key == "text") {
      fields->raw_text = value.raw_json_token();
      error = ReadOptionalString(value, &a.text, &fields->has_text);
    } else if (key == "published") {
      error = ReadOptionalString(value, &a.published, &fields->has_published);
    } else if (key == "url") {
      error = ReadOptionalString(value, &a.url, &unused);
    } else if (key == "lang") {
      error = ReadOptionalString(value, &a.lang, &unused);
    } else if (key == "title") {
      error = ReadOptionalString(value, &a.title, &unused);
    }
    if (error == simdjson::INCORRECT_TYPE) {
      return InvalidArgument(std::string(where) + ": field '" + std::string(key) +
                             "' is neither a string nor null");
    }
    if (error) return InvalidArgument(BrokenJson(where, error));
  }
  // The record must be the whole line: {"id":"a"} {"id":"b"} is two records glued together.
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    return InvalidArgument(BrokenJson(where, simdjson::TRAILING_CONTENT));
  }
  return Status::Ok();
}

std::string RecordPrefix(std::string_view where, const Fields& fields) {
  std::string out(where);
  out += ": ";
  if (fields.has_id) out += "record '" + fields.article.id + "': ";
  return out;
}

}  // namespace

void JsonLinesReader::Read(StreamReader& reader, std::string_view name, const InputOptions& options,
                           const ArticleSink& sink) {
  const size_t line_cap = LineCap(options);
  std::string_view file = FileName(name);
  uint64_t line_number = 0;
  uint64_t full_size = 0;
  std::string where;
  std::string default_id;
  while (reader.NextLine(&line_, line_cap, &full_size)) {
    ++line_number;
    if (line_number == 1 && line_.starts_with("\xEF\xBB\xBF")) line_.erase(0, 3);  // a BOM
    if (IsBlank(line_)) continue;
    where.assign(name).append(":").append(std::to_string(line_number));
    if (full_size > line_cap) {
      sink(TooLarge(where + ": line of " + FormatSize(full_size) + " is over the " +
                    FormatSize(line_cap) + " line cap"));
      continue;
    }
    default_id.assign(file).append(":").append(std::to_string(line_number));
    sink(ParseLine(where, default_id, options));
  }
  if (reader.failed()) {
    sink(IoError(std::string(name) + ":" + std::to_string(line_number + 1) + ": read error"));
  }
}

Result<Article> JsonLinesReader::ParseLine(std::string_view where, std::string_view default_id,
                                           const InputOptions& options) {
  if (size_t bad = FirstInvalidUtf8Byte(line_); bad != std::string_view::npos) {
    return ExplainInvalidUtf8(where, bad);
  }
  EnsurePadding(line_);
  od::document doc;
  if (auto error = parser_.iterate(line_.data(), line_.size(), line_.capacity()).get(doc)) {
    return InvalidArgument(BrokenJson(where, error));
  }
  Fields fields;
  VIGIE_RETURN_IF_ERROR(ReadFields(doc, where, &fields));
  Article& a = fields.article;
  // Built only for an error: a good record costs no message.
  auto prefix = [&] { return RecordPrefix(where, fields); };
  if (!fields.has_text || IsBlank(a.text)) return InvalidArgument(prefix() + "no text");
  if (a.text.size() > options.max_article_bytes) {
    return TooLarge(prefix() + "text of " + FormatSize(a.text.size()) + " is over the " +
                    FormatSize(options.max_article_bytes) + " cap");
  }
  if (!a.published.empty()) {
    std::string published = NormalizePublished(a.published);
    if (published.empty()) {
      return InvalidArgument(prefix() + "published '" + a.published +
                             "' is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
    a.published = std::move(published);
  } else {
    a.published = InferPublishedFromUrl(a.url);
  }
  if (!fields.has_id) a.id.assign(default_id);
  a.where.assign(where);
  return std::move(a);
}

// simdjson refuses a line with ill-formed UTF-8 outright. To say which record and which byte of
// its text is at fault, the line is parsed again with the bad bytes replaced by '?', and the
// offset in the line is mapped to an offset in the unescaped text.
Result<Article> JsonLinesReader::ExplainInvalidUtf8(std::string_view where, size_t bad_byte) {
  repaired_.assign(line_);
  ReplaceInvalidUtf8(repaired_);
  EnsurePadding(repaired_);
  std::string in_line = "invalid UTF-8 at byte " + std::to_string(bad_byte) + " of the line";
  od::document doc;
  Fields fields;
  if (parser_.iterate(repaired_.data(), repaired_.size(), repaired_.capacity()).get(doc) ||
      !ReadFields(doc, where, &fields).ok()) {
    return InvalidArgument(std::string(where) + ": " + in_line);
  }
  std::string prefix = RecordPrefix(where, fields);
  if (fields.has_text && fields.raw_text.size() >= 2) {
    size_t start = static_cast<size_t>(fields.raw_text.data() - repaired_.data()) + 1;
    size_t end = start + fields.raw_text.size() - 2;
    if (bad_byte >= start && bad_byte < end) {
      size_t in_text = UnescapedSize(std::string_view(repaired_).substr(start, bad_byte - start));
      return InvalidArgument(prefix + "invalid UTF-8 at byte " + std::to_string(in_text) +
                             " of the text");
    }
  }
  return InvalidArgument(prefix + in_line);
}

}  // namespace vigie::input
