// Splits Document::tokens into sentences and sets kSentenceStart on each first token.
//
// A sentence ends after . ! ? … when the next token does not start with a lower-case letter,
// except after an abbreviation from data/lemmas/<lang>/abbreviations.txt ("M. Dupont", "Gen.
// Smith") or an initial ("J. Biden"). Closing quotes and brackets after the stop stay in the
// sentence (« Nous tenons la ville. » Le ...). A newline always ends a sentence, so a headline
// without a full stop is a sentence of its own.
#ifndef VIGIE_TEXT_SENTENCES_H_
#define VIGIE_TEXT_SENTENCES_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "text/document.h"
#include "vigie/status.h"

namespace vigie::internal {

class SentenceSplitter {
 public:
  // Reads <data_dir>/lemmas/{fr,en}/abbreviations.txt.
  static Result<std::unique_ptr<SentenceSplitter>> Create(const std::string& data_dir);

  // Replaces doc->sentences; needs doc->tokens.
  void Run(Document* doc) const;

 private:
  SentenceSplitter() = default;
  bool IsAbbreviation(Lang lang, std::string_view word) const;

  // Single-word abbreviations without their period ("M", "Gen"), per language.
  std::unordered_set<std::string> fr_;
  std::unordered_set<std::string> en_;
};

}  // namespace vigie::internal

#endif  // VIGIE_TEXT_SENTENCES_H_
