// Language identification with CLD2 (Compact Language Detector 2), whose tables are compiled into
// the library: immutable, thread-safe, no setup.
#ifndef VIGIE_TEXT_LANGUAGE_H_
#define VIGIE_TEXT_LANGUAGE_H_

#include <string>
#include <string_view>

#include "text/document.h"

namespace vigie::internal {

struct LanguageGuess {
  Lang lang;
  std::string code;
  bool reliable;
};  // code: "fr", "en", "de", "ps", "un"...

// CLD2 on the text; hint ("fr"/"en"/"") decides only when CLD2 is unreliable on short text.
// "Kaboul tombe" alone is too short for CLD2; with the hint "fr" it is French (reliable = false).
LanguageGuess DetectLanguage(std::string_view text, std::string_view hint);

}  // namespace vigie::internal

#endif  // VIGIE_TEXT_LANGUAGE_H_
