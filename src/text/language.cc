#include "text/language.h"

// clang-format off
#include <cstdio>  // before CLD2's header, which uses FILE without including it
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
// clang-format on
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <climits>

#include "base/utf8.h"

namespace vigie::internal {
namespace {

// Below this many letters CLD2 says "unreliable" even for clean text: a headline, a caption.
constexpr int kShortTextBytes = 200;
// Below this many letters CLD2 can be "reliable" and wrong: "Kaboul tombe." comes back as Ganda.
// With a French or English hint from the feed, a text this short is taken at the feed's word.
constexpr int kTinyTextBytes = 100;
constexpr size_t kSampleBytes = 512;

Lang LangFromCode(std::string_view code) {
  if (code == "fr") return Lang::kFr;
  if (code == "en") return Lang::kEn;
  return Lang::kUnknown;
}

// True unless most letters are not Latin: only then can a "fr" or "en" hint be right. A short
// Pashto or Dari title, which the default CLD2 tables cannot name, must not become French by the
// hint.
bool MostlyLatin(std::string_view text) {
  size_t latin = 0, other = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    const int len = DecodeUtf8(text, i, &cp);
    if (len == 0) {
      ++i;
      continue;
    }
    i += len;
    if (!u_isalpha(cp)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    (script == USCRIPT_LATIN ? latin : other) += 1;
  }
  return latin >= other;
}

struct Cld2Result {
  CLD2::Language lang = CLD2::UNKNOWN_LANGUAGE;
  int text_bytes = 0;
  bool reliable = false;
};

Cld2Result RunCld2(std::string_view text) {
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int valid_prefix_bytes = 0;
  const CLD2::CLDHints no_hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                                   CLD2::UNKNOWN_LANGUAGE};
  Cld2Result r;
  // The checking variant: text with invalid UTF-8 gets a guess from its valid prefix instead of
  // undefined behaviour inside CLD2.
  r.lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(std::min<size_t>(text.size(), INT_MAX)),
      /*is_plain_text=*/true, &no_hints, /*flags=*/0, top3, percent3, scores3,
      /*resultchunkvector=*/nullptr, &r.text_bytes, &r.reliable, &valid_prefix_bytes);
  return r;
}

// The first `max` bytes of text, cut after a space so no word or character is split.
std::string_view Sample(std::string_view text, size_t max) {
  if (text.size() <= max) return text;
  const size_t space = text.rfind(' ', max);
  return text.substr(0, space == std::string_view::npos || space < max / 2 ? max : space);
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view text, std::string_view hint) {
  // CLD2 costs ~40 ns a byte; the first 512 bytes name the language of every dev article as the
  // whole text does (25 -> 58 MB/s). A sample that is unreliable, or says neither French nor
  // English, sends the whole text to CLD2: a list of places first ("Kunduz 12, Taloqan 7, ...")
  // looks Finnish to it.
  Cld2Result r = RunCld2(Sample(text, kSampleBytes));
  if (text.size() > kSampleBytes &&
      (!r.reliable || (r.lang != CLD2::FRENCH && r.lang != CLD2::ENGLISH))) {
    r = RunCld2(text);
  }
  const CLD2::Language lang = r.lang;
  const bool reliable = r.reliable;
  const int text_bytes = r.text_bytes;
  LanguageGuess guess{Lang::kUnknown, CLD2::LanguageCode(lang), reliable};
  const bool hint_decides = (!reliable && text_bytes < kShortTextBytes) ||
                            (text_bytes < kTinyTextBytes && (hint == "fr" || hint == "en"));
  if (hint_decides && !hint.empty() && MostlyLatin(text)) {
    guess.code = std::string(hint);
  }
  guess.lang = LangFromCode(guess.code);
  return guess;
}

}  // namespace vigie::internal
