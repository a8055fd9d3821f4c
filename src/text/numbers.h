// Finds the numbers of a document, in digits or in words, with the qualifier before them.
//
//   fr: "plus de treize" 13 at_least, "une dizaine" 10 approx, "des dizaines" 12 approx,
//       "vingt-cinq" 25, "1,5 million" 1500000, "près de 300" 300 approx, "1 000" 1000
//   en: "at least 20" 20 at_least, "more than a thousand" 1000 at_least, "two dozen" 24,
//       "dozens" 12 approx, "hundreds" 100 approx, "1,000" 1000
//
// Words, group nouns, scales and qualifiers are data: data/lemmas/<lang>/numbers.tsv. Years and
// durations are numbers too ("2021", "24 heures"); the extractor decides what they count.
#ifndef VIGIE_TEXT_NUMBERS_H_
#define VIGIE_TEXT_NUMBERS_H_

#include <array>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/document.h"
#include "vigie/status.h"

namespace vigie::internal {

// The value of a digit token as written in `lang`: "1 000" and "1.000" -> 1000, "2,5" -> 2.5 in
// French; "1,000" -> 1000, "2.5" -> 2.5 in English. False when it is not a plain ASCII number.
bool ParseDigits(std::string_view text, Lang lang, double* value);

class NumberReader {
 public:
  // Reads <data_dir>/lemmas/{fr,en}/numbers.tsv.
  static Result<std::unique_ptr<NumberReader>> Create(const std::string& data_dir);

  // Replaces doc->numbers; needs tokens with their folded forms, and doc->lang.
  void Run(Document* doc) const;

  enum class WordKind : uint8_t { kUnit, kArticle, kScale, kApprox, kFiller };
  struct Word {
    WordKind kind = WordKind::kUnit;
    double value = 0;
  };
  // A qualifier or determiner: folded words ("au", "moins") matched on tokens' folded forms.
  struct Phrase {
    std::vector<std::string> words;
    NumberQualifier qualifier = NumberQualifier::kApprox;
  };
  struct Table {
    std::deque<std::string> keys;  // storage for the map's views
    std::unordered_map<std::string_view, Word> words;
    // Bit n of by_first_byte[b]: some word of n bytes (31 for longer) starts with byte b. Most
    // tokens are not number words; this rejects them before hashing.
    std::array<uint32_t, 256> by_first_byte{};
    std::vector<Phrase> qualifiers;   // longest first
    std::vector<Phrase> determiners;  // longest first
  };

 private:
  NumberReader() = default;
  std::array<Table, 2> tables_;  // French, English
};

}  // namespace vigie::internal

#endif  // VIGIE_TEXT_NUMBERS_H_
