// Readers for the input formats: JSON Lines records, plain-text dispatches (with a seed-style
// "date 2021-07" first line or "key: value" header lines), directories of such files, and stdin
// ("-").
#ifndef VIGIE_INPUT_H_
#define VIGIE_INPUT_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/article.h"
#include "vigie/status.h"

namespace vigie {

struct InputOptions {
  // Records whose text is longer than this are reported as kTooLarge and skipped. Default 1 MiB.
  size_t max_article_bytes = size_t{1} << 20;
};

// Receives every record in order: an Article, or a Status whose message starts with the record's
// location ("dev.jsonl:12: broken JSON: ..."). Reading goes on after an error.
using ArticleSink = std::function<void(Result<Article>)>;

// Reads each path ("-" is standard input; a directory is read file by file, sorted by name).
// A path that cannot be opened is reported through the sink, and the others are still read.
void ReadInputs(const std::vector<std::string>& paths, const InputOptions& options,
                const ArticleSink& sink);

// Reads one stream; `name` is used for locations and for ids derived from a file name.
void ReadStream(std::istream& in, std::string_view name, const InputOptions& options,
                const ArticleSink& sink);

// "https://x.org/2021/08/11/story" -> "2021-08-11"; ".../20210704-..." -> "2021-07-04";
// ".../2021/08/..." -> "2021-08". Empty when the URL carries no plausible date.
std::string InferPublishedFromUrl(std::string_view url);

}  // namespace vigie

#endif  // VIGIE_INPUT_H_
