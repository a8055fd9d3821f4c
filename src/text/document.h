// The working state of one article's analysis, shared by the stages in order:
// clean -> normalize -> language -> tokens -> sentences -> lemmas -> numbers -> geo -> extract.
// Positions are byte offsets into `text` (the cleaned, NFC text); `map` takes them back to the
// original article bytes, which is what every output offset must be.
#ifndef VIGIE_TEXT_DOCUMENT_H_
#define VIGIE_TEXT_DOCUMENT_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/offset_map.h"
#include "vigie/analysis.h"

namespace vigie::internal {

enum class Lang : uint8_t { kUnknown, kFr, kEn };
const char* LangCode(Lang lang);  // "fr", "en", "" for unknown

enum class TokenKind : uint8_t {
  kWord,    // letters, with inner hyphens or apostrophes ("Mazar-i-Sharif", "aujourd'hui")
  kNumber,  // digits with separators ("1 000", "1,000", "24")
  kPunct,   // . , ; : ! ? « » " ( ) ...
  kSymbol,  // anything else (%, $, emoji)
};

enum TokenFlag : uint8_t {
  kCapitalized = 1 << 0,    // first letter upper case ("Kaboul")
  kAllCaps = 1 << 1,        // every letter upper case, at least two ("REUTERS", "ONU")
  kElision = 1 << 2,        // a French elided article or pronoun split off: "l'", "qu'", "d'"
  kSentenceStart = 1 << 3,  // first token of a sentence
};

struct Token {
  uint32_t start = 0;  // in Document::text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;
  // Lower-cased form and lemma; they point into the process-wide lemma cache (stable for the
  // life of the Lemmatizer), so copying a Token never copies a string.
  std::string_view lower;
  std::string_view lemma;
  // Lower case without accents ("hérat" -> "herat", "’" -> "'"), for gazetteer and rule lookups.
  std::string_view folded;
};

struct Sentence {
  uint32_t start = 0;  // in Document::text
  uint32_t end = 0;
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t end_token = 0;    // one past the last token
};

enum class NumberQualifier : uint8_t { kExact, kApprox, kAtLeast, kAtMost };
const char* NumberQualifierName(NumberQualifier q);

struct NumberMention {
  uint32_t start = 0;  // in Document::text
  uint32_t end = 0;
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  double value = 0;
  NumberQualifier qualifier = NumberQualifier::kExact;
};

// Junk-cleaning rules, each counted per article for --stats.
enum class CleanRule : uint8_t {
  kHtml,         // tags and entities left by scraping: <br>, &nbsp;, &amp;
  kPhotoCredit,  // "EFE-EPA/JALIL REZAYEE", "REUTERS - DANISH SIDDIQUI" glued to sentences
  kReadAlso,     // "LIRE AUSSI ..." / "Also read ..." inserts
  kRepeatedParagraph,
  kMojibake,     // UTF-8 read as Latin-1: "Ã©" -> "é"
  kControlChar,  // stray C0/C1 controls, zero-width characters
  kCount,
};
const char* CleanRuleName(CleanRule rule);

struct Document {
  std::string_view original;  // the article text as read; outlives the Document's use
  std::string text;           // cleaned and NFC-normalized
  OffsetMap map;              // text offsets -> original offsets
  Lang lang = Lang::kUnknown;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<NumberMention> numbers;
  std::array<uint32_t, static_cast<size_t>(CleanRule::kCount)> clean_counts{};

  // Scratch reused between articles: Clear() keeps the capacity.
  std::string scratch;
  OffsetMap scratch_map;

  void Clear();
  std::string_view TokenText(const Token& t) const {
    return std::string_view(text).substr(t.start, t.end - t.start);
  }
  Span ToOriginal(uint32_t start, uint32_t end) const { return map.ToOriginal(Span{start, end}); }
};

}  // namespace vigie::internal

#endif  // VIGIE_TEXT_DOCUMENT_H_
