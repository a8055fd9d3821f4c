// Splits Document::text into word, number, punctuation and symbol tokens with byte offsets.
//
//   "L’avancée des talibans à Mazar-i-Sharif" -> L’ | avancée | des | talibans | à | Mazar-i-Sharif
//   "« 1 000 morts », selon le Lt.-Col. Smith" -> « | 1 000 | morts | » | , | selon | le | Lt.-Col.
//   | Smith
//
// French elisions (data/lemmas/fr/elisions.tsv) become their own kElision token; dotted
// abbreviations with an inner period ("U.S.", "Lt.-Col.", data/lemmas/<lang>/abbreviations.txt)
// stay one token; "aujourd’hui" and hyphenated names stay whole; grouped and decimal numbers
// ("1 000", "1.000", "1,000", "2,5") are one token. Fills kind, offsets and the case flags; the
// Lemmatizer fills lower/lemma/folded afterwards.
#ifndef VIGIE_TEXT_TOKENIZE_H_
#define VIGIE_TEXT_TOKENIZE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"
#include "vigie/status.h"

namespace vigie::internal {

// Reads a data file of TAB-separated columns, skipping blank lines and `#` comments, and calls
// `line` with the 1-based line number and the columns (a last column starting with "e.g." is
// dropped). A Status returned by `line` gets "path:N: " put in front of its message.
Status ForEachDataLine(
    const std::string& path,
    const std::function<Status(int line_number, const std::vector<std::string_view>& columns)>&
        line);

class Tokenizer {
 public:
  // Reads <data_dir>/lemmas/fr/elisions.tsv and <data_dir>/lemmas/{fr,en}/abbreviations.txt.
  static Result<std::unique_ptr<Tokenizer>> Create(const std::string& data_dir);

  // Replaces doc->tokens with the tokens of doc->text (lower/lemma/folded left empty).
  void Run(Document* doc) const;

 private:
  Tokenizer() = default;
  // Length of the elision ending at `apostrophe` when the word [word_start, apostrophe) is one
  // ("l", "qu", "jusqu"), else 0.
  bool IsElision(std::string_view word) const;
  // Length of the longest dotted abbreviation starting at `pos`, 0 when none.
  size_t MatchDotted(std::string_view text, size_t pos) const;

  std::vector<std::string> elisions_;  // lower case, without the apostrophe: "l", "qu"
  std::vector<std::string> dotted_;    // "U.S.", "Lt.-Col.", longest first
  size_t longest_dotted_ = 0;
};

}  // namespace vigie::internal

#endif  // VIGIE_TEXT_TOKENIZE_H_
