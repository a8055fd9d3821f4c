// The two record formats behind ReadStream: JSON Lines and the plain-text dispatch.
#ifndef VIGIE_INPUT_READERS_H_
#define VIGIE_INPUT_READERS_H_

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "input/stream_reader.h"
#include "vigie/input.h"

namespace vigie::input {

// One record per line. Holds the simdjson parser and the line buffers, reused from line to line
// and from file to file, so reading a record allocates only the Article it hands out.
class JsonLinesReader {
 public:
  // `name` locates errors ("dev.jsonl:12: ...") and makes ids for records without one.
  void Read(StreamReader& reader, std::string_view name, const InputOptions& options,
            const ArticleSink& sink);

 private:
  Result<Article> ParseLine(std::string_view where, std::string_view default_id,
                            const InputOptions& options);
  Result<Article> ExplainInvalidUtf8(std::string_view where, size_t bad_byte);

  simdjson::ondemand::parser parser_;
  std::string line_;
  std::string repaired_;  // line_ with ill-formed UTF-8 replaced, to name the faulty record
};

// One article per stream: an optional header (" date 2021-07 ..." or "key: value" lines and a
// blank line), then the text.
void ReadDispatch(StreamReader& reader, std::string_view name, const InputOptions& options,
                  const ArticleSink& sink);

// "3.2 MiB", "12 KiB", "900 bytes": sizes in messages.
std::string FormatSize(uint64_t bytes);

// "corpus/dev.jsonl" -> "dev.jsonl"; FileStem gives "dev".
std::string_view FileName(std::string_view path);
std::string_view FileStem(std::string_view path);

size_t SaturatingAdd(size_t a, size_t b);

}  // namespace vigie::input

#endif  // VIGIE_INPUT_READERS_H_
