// Feeds arbitrary bytes to ReadStream three times: named as JSON Lines, as a .txt dispatch, and
// with no extension (sniffed). Whatever comes in, every Article handed out must keep the readers'
// promises, and no input may crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "input/dates.h"
#include "input/utf8_scan.h"
#include "vigie/input.h"

namespace {

// Bigger inputs find nothing new and slow every run down (the cap re2's fuzzer uses too).
constexpr size_t kMaxInputBytes = size_t{1} << 20;
// Small enough that the size cap and the line cap are reached by fuzzed inputs.
constexpr size_t kMaxArticleBytes = size_t{4} << 10;

void Check(bool promise) {
  if (!promise) __builtin_trap();
}

void CheckRecord(const vigie::Result<vigie::Article>& record, std::string_view name) {
  if (!record.ok()) {
    // Every error starts with its location.
    Check(record.status().message().starts_with(name));
    return;
  }
  const vigie::Article& a = *record;
  Check(!a.text.empty() && a.text.size() <= kMaxArticleBytes);
  Check(vigie::input::FirstInvalidUtf8Byte(a.text) == std::string_view::npos);
  Check(!a.id.empty());
  Check(a.where.starts_with(name));
  Check(a.published.empty() || vigie::input::NormalizePublished(a.published) == a.published);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  vigie::InputOptions options;
  options.max_article_bytes = kMaxArticleBytes;
  for (std::string_view name : {"fuzz.jsonl", "fuzz.txt", "fuzz"}) {
    std::istringstream in(bytes);
    vigie::ReadStream(in, name, options,
                      [name](vigie::Result<vigie::Article> r) { CheckRecord(r, name); });
  }
  std::string published = vigie::InferPublishedFromUrl(bytes);
  Check(published.empty() || vigie::input::NormalizePublished(published) == published);
  return 0;
}
