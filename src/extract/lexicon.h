// Word patterns and phrases of the rule files, compiled into one lookup table per language, and
// matched against a Document's tokens in a single pass.
//
// A pattern word is written lower case as it reads ("contrôle", "porte-parole"); it matches a token
// whose lower-case form, lemma or folded form is equal to it. "empar*" matches any token starting
// with "empar" ("emparés", "emparent"); "*raient" any token ending so. A position may list
// alternatives: "prendre|pris|prennent". A phrase is a sequence of positions
// ("prendre|pris le contrôle"), matched with up to `max_gap` other words between positions, never
// across a clause boundary (. ; : ? ! or a quotation mark).
#ifndef VIGIE_EXTRACT_LEXICON_H_
#define VIGIE_EXTRACT_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/document.h"
#include "vigie/status.h"

namespace vigie::internal {

// What a phrase stands for: the table it came from and its row there.
enum class PhraseKind : uint8_t { kTrigger, kActor, kCue, kSource, kDateWord };

struct PhraseMatch {
  uint32_t phrase = 0;  // index into Lexicon::phrases()
  uint32_t first_token = 0;
  uint32_t end_token = 0;  // one past the last token of the match
};

class Lexicon {
 public:
  struct Phrase {
    PhraseKind kind = PhraseKind::kCue;
    uint32_t row = 0;  // index into the table of `kind`
    uint8_t max_gap = 0;
    std::vector<std::vector<uint32_t>> positions;  // word ids per position, alternatives
  };

  // Adds "prendre|pris le contrôle"; an empty or malformed pattern is an error whose message the
  // caller prefixes with file:line.
  Status Add(std::string_view pattern, PhraseKind kind, uint32_t row, uint8_t max_gap);

  // Every phrase match in `doc`, ordered by first token, longest first on ties. `scratch` holds
  // the word ids each token matched (reused between articles).
  struct Scratch {
    std::vector<uint32_t> token_begin;  // per token, offset into `words`; size tokens+1
    std::vector<uint32_t> words;
  };
  void MatchAll(const Document& doc, Scratch* scratch, std::vector<PhraseMatch>* out) const;

  // Whether token `t` matches word `word` (the word ids computed by MatchAll).
  const std::vector<Phrase>& phrases() const { return phrases_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordMap = std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>>;

  uint32_t Intern(std::string_view word);
  void TokenWords(const Token& token, std::vector<uint32_t>* out) const;
  bool MatchFrom(const Document& doc, const Scratch& scratch, const Phrase& phrase, uint32_t first,
                 uint32_t end, uint32_t* match_end) const;

  WordMap exact_;
  WordMap prefix_;
  WordMap suffix_;
  std::vector<uint8_t> prefix_lengths_;  // distinct lengths of prefix patterns, ascending
  std::vector<uint8_t> suffix_lengths_;
  uint32_t next_word_ = 0;
  std::vector<Phrase> phrases_;
  std::vector<std::vector<uint32_t>> phrases_by_first_word_;  // word id -> phrases
};

// Whether a token ends a clause for phrase matching and argument windows.
bool IsClauseBreak(const Document& doc, const Token& token);

}  // namespace vigie::internal

#endif  // VIGIE_EXTRACT_LEXICON_H_
