// Runs the text stages on one article: clean -> NFC -> language -> tokens -> sentences -> lemmas
// -> numbers. Immutable after Create and shared by threads; the Document is the per-thread state.
#ifndef VIGIE_TEXT_TEXT_ANALYZER_H_
#define VIGIE_TEXT_TEXT_ANALYZER_H_

#include <memory>
#include <string>
#include <string_view>

#include "text/document.h"
#include "vigie/status.h"

namespace vigie::internal {

class Cleaner;
class Lemmatizer;
class NumberReader;
class SentenceSplitter;
class Tokenizer;

struct TextOptions {
  std::string data_dir;  // for data/lemmas/ and other text data files
};

// The start of `text` that language detection reads (512 bytes, cut at a space).
std::string_view LanguageSample(std::string_view text);

class TextAnalyzer {
 public:
  static Result<std::unique_ptr<TextAnalyzer>> Create(const TextOptions& options);
  ~TextAnalyzer();

  // Fills `doc` from `text`. `lang_hint` ("fr", "en" or empty) is used only when detection is
  // unreliable on a short text. Errors: kInvalidArgument for invalid UTF-8 (message gives the byte
  // offset) or a text with no words; kUnsupported naming the detected language when it is neither
  // French nor English.
  Status Run(std::string_view text, std::string_view lang_hint, Document* doc) const;

  // The stages, for benchmarks and tests that run one of them alone.
  const Cleaner& cleaner() const { return *cleaner_; }
  const Tokenizer& tokenizer() const { return *tokenizer_; }
  const SentenceSplitter& splitter() const { return *splitter_; }
  const Lemmatizer& lemmatizer() const { return *lemmatizer_; }
  const NumberReader& numbers() const { return *numbers_; }

 private:
  TextAnalyzer() = default;
  std::unique_ptr<Cleaner> cleaner_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<SentenceSplitter> splitter_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
  std::unique_ptr<NumberReader> numbers_;
};

}  // namespace vigie::internal

#endif  // VIGIE_TEXT_TEXT_ANALYZER_H_
