// Lower case, lemma and folded form of every token, cached so each distinct word form is analysed
// once per process.
//
//   fr: "conquis" -> "conquérir", "auraient" -> "avoir", "tombée" -> "tomber", "l’" -> "le"
//   en: "took" -> "take", "captured" -> "capture", "shelling" -> "shell", "cities" -> "city"
//
// French lemmas come from hunspell's morphological analysis (the "st:" field of
// /usr/share/hunspell/fr.dic); English ones from WordNet's exception lists (verb.exc, noun.exc,
// plus data/lemmas/en/irregular.tsv) and suffix rules whose candidates must be WordNet lemmas
// (index.verb, index.noun). The cache is shared by all threads: sharded maps behind shared
// mutexes, strings interned in blocks that are never moved, so the string_views a Token holds stay
// valid for the life of the Lemmatizer. A warm lookup allocates nothing.
#ifndef VIGIE_TEXT_LEMMATIZER_H_
#define VIGIE_TEXT_LEMMATIZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "text/document.h"
#include "vigie/status.h"

namespace vigie::internal {

struct LemmatizerOptions {
  std::string data_dir;                              // holds lemmas/
  std::string hunspell_dir = "/usr/share/hunspell";  // fr.aff, fr.dic
  std::string wordnet_dir = "/usr/share/wordnet";    // verb.exc, noun.exc, index.verb, index.noun
};

struct WordForms {
  std::string_view lower;
  std::string_view lemma;
  std::string_view folded;  // FoldText(surface)
};

class Lemmatizer {
 public:
  // Fails with kNotFound naming the first missing file.
  static Result<std::unique_ptr<Lemmatizer>> Create(const LemmatizerOptions& options);
  ~Lemmatizer();
  Lemmatizer(const Lemmatizer&) = delete;
  Lemmatizer& operator=(const Lemmatizer&) = delete;

  // The forms of `surface` (a token's text) in `lang`. Thread-safe.
  WordForms Lookup(Lang lang, std::string_view surface) const;
  // Fills lower, lemma and folded of every token of `doc` (uses doc->lang).
  void Run(Document* doc) const;

  // Distinct surface forms cached and bytes interned, to check the cache stops growing.
  size_t CachedForms() const;
  size_t InternedBytes() const;

  struct Impl;

 private:
  explicit Lemmatizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  uint64_t id_;  // tells apart Lemmatizers in the per-thread lookup cache
};

}  // namespace vigie::internal

#endif  // VIGIE_TEXT_LEMMATIZER_H_
