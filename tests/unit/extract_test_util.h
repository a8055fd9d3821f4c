// Test helpers for the extraction tests: a real TextAnalyzer, and a stand-in geoparser that takes
// every single capitalized word (not an actor or a source, not the first word of a sentence, not
// part of a run like "Moussa Traoré") as a resolved place, so rules can be tested on any sentence
// without the gazetteer. Test sentences name their places in one word ("Tessalit",
// "Mazar-i-Charif").
#ifndef VIGIE_TESTS_UNIT_EXTRACT_TEST_UTIL_H_
#define VIGIE_TESTS_UNIT_EXTRACT_TEST_UTIL_H_

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extract/event_builder.h"
#include "extract/quotes.h"
#include "extract/rule_set.h"
#include "text/text_analyzer.h"

namespace vigie::internal::testing {

inline const std::set<std::string>& CountryNames() {
  static const std::set<std::string> kNames = {"Mali",    "Afghanistan", "Ukraine", "Niger",
                                               "Algérie", "Algeria",     "Burkina"};
  return kNames;
}

inline std::vector<PlaceMention> StandInPlaces(const RuleSet& rules, const Document& doc) {
  Lexicon::Scratch scratch;
  std::vector<PhraseMatch> matches;
  rules.lexicon.MatchAll(doc, &scratch, &matches);
  std::vector<bool> named(doc.tokens.size(), false);
  for (const PhraseMatch& m : matches) {
    PhraseKind kind = rules.lexicon.phrases()[m.phrase].kind;
    if (kind == PhraseKind::kActor || kind == PhraseKind::kSource ||
        kind == PhraseKind::kDateWord) {
      for (uint32_t t = m.first_token; t < m.end_token; ++t) named[t] = true;
    }
  }
  std::vector<PlaceMention> places;
  for (uint32_t t = 0; t < doc.tokens.size();) {
    const Token& tok = doc.tokens[t];
    // A capitalized word after a full stop that ends no sentence follows an abbreviation ("M.
    // Traoré"): a name, not a place.
    const bool after_abbreviation = t > 0 && doc.TokenText(doc.tokens[t - 1]) == ".";
    bool cap = tok.kind == TokenKind::kWord && (tok.flags & kCapitalized) &&
               !(tok.flags & kSentenceStart) && !named[t] && !after_abbreviation;
    if (!cap) {
      ++t;
      continue;
    }
    uint32_t end = t + 1;
    while (end < doc.tokens.size() && doc.tokens[end].kind == TokenKind::kWord &&
           (doc.tokens[end].flags & kCapitalized) && !named[end]) {
      ++end;
    }
    if (end - t > 1) {
      t = end;
      continue;
    }
    PlaceMention m;
    m.first_token = t;
    m.end_token = end;
    m.place.span = doc.ToOriginal(doc.tokens[t].start, doc.tokens[end - 1].end);
    m.place.text =
        std::string(doc.original.substr(m.place.span.start, m.place.span.end - m.place.span.start));
    m.place.name = m.place.text;
    m.place.kind = CountryNames().count(m.place.text) ? PlaceKind::kCountry : PlaceKind::kCity;
    m.place.country = "XX";
    places.push_back(std::move(m));
    t = end;
  }
  return places;
}

// Loads the rules and the text stages once per test binary.
// The latest year the test dispatches can speak of: fixed, so dates written with a weekday and no
// year resolve the same whatever the clock says.
inline constexpr int kLatestYear = 2026;

class ExtractFixture {
 public:
  static ExtractFixture& Get() {
    static ExtractFixture* fixture = new ExtractFixture();
    return *fixture;
  }
  const RuleSet* rules(Lang lang) const { return lang == Lang::kEn ? en.get() : fr.get(); }

  struct Output {
    std::vector<Event> events;
    std::vector<Quote> quotes;
    std::string error;
  };
  Output Run(const std::string& text, std::string_view lang, std::string_view published) {
    Output out;
    Document doc;
    Status status = analyzer->Run(text, lang, &doc);
    if (status.code() == StatusCode::kUnsupported) {
      // A one-line example can be too short for language detection: add a neutral sentence.
      std::string longer =
          text + (lang == "en" ? " The weather was mild and the markets were open that day."
                               : " Le temps était doux et les marchés étaient ouverts ce jour-là.");
      doc.Clear();
      status = analyzer->Run(longer, lang, &doc);
      if (status.ok()) {
        doc.original = text;
        doc.sentences.erase(
            std::remove_if(doc.sentences.begin(), doc.sentences.end(),
                           [&](const Sentence& s) { return s.start >= text.size(); }),
            doc.sentences.end());
        status = Status::Ok();
      }
    }
    if (!status.ok()) {
      out.error = status.ToString();
      return out;
    }
    doc.original = text;
    // The rules of the language asked for: these tests are about rules, not language detection.
    const RuleSet* r = lang == "en" ? en.get() : fr.get();
    std::vector<PlaceMention> places = StandInPlaces(*r, doc);
    ArticleScratch scratch;
    ExtractEvents(*r, doc, places, published, kLatestYear, true, &scratch, &out.events);
    ExtractQuotes(*r, doc, scratch.matches, places, &out.quotes);
    return out;
  }

  std::unique_ptr<TextAnalyzer> analyzer;
  std::unique_ptr<RuleSet> fr, en;
  std::string error;

 private:
  ExtractFixture() {
    auto a = TextAnalyzer::Create({VIGIE_DATA_DIR});
    if (!a.ok()) {
      error = a.status().ToString();
      return;
    }
    analyzer = std::move(a).value();
    auto ontology = LoadOntology(std::string(VIGIE_DATA_DIR) + "/ontology.tsv");
    if (!ontology.ok()) {
      error = ontology.status().ToString();
      return;
    }
    auto f = LoadRuleSet(VIGIE_DATA_DIR, "fr", *ontology);
    auto e = LoadRuleSet(VIGIE_DATA_DIR, "en", *ontology);
    if (!f.ok() || !e.ok()) {
      error = (f.ok() ? e.status() : f.status()).ToString();
      return;
    }
    fr = std::move(f).value();
    en = std::move(e).value();
  }
};

}  // namespace vigie::internal::testing

#endif  // VIGIE_TESTS_UNIT_EXTRACT_TEST_UTIL_H_
