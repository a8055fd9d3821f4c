#include "extract/extractor.h"

#include <algorithm>

#include "extract/attribution.h"
#include "extract/dates.h"
#include "extract/event_builder.h"
#include "extract/quotes.h"
#include "extract/rule_set.h"

namespace vigie::internal {
namespace {

class RuleExtractor final : public Extractor {
 public:
  RuleExtractor(std::vector<OntologyType> ontology, std::unique_ptr<RuleSet> fr,
                std::unique_ptr<RuleSet> en, int latest_year)
      : ontology_(std::move(ontology)),
        fr_(std::move(fr)),
        en_(std::move(en)),
        latest_year_(latest_year) {}

  void Run(const ExtractInput& input, std::vector<Event>* events,
           std::vector<Quote>* quotes) const override {
    if (input.doc == nullptr) return;
    const RuleSet* rules = input.doc->lang == Lang::kEn   ? en_.get()
                           : input.doc->lang == Lang::kFr ? fr_.get()
                                                          : nullptr;
    if (rules == nullptr) return;
    // Per-thread scratch, cleared (not freed) article after article.
    thread_local ArticleScratch scratch;
    static const std::vector<PlaceMention> kNoPlaces;
    const std::vector<PlaceMention>& places = input.places ? *input.places : kNoPlaces;
    ExtractEvents(*rules, *input.doc, places, input.published, latest_year_, input.explain,
                  &scratch, events);
    ExtractQuotes(*rules, *input.doc, scratch.matches, places, quotes);
  }

 private:
  std::vector<OntologyType> ontology_;
  std::unique_ptr<RuleSet> fr_;
  std::unique_ptr<RuleSet> en_;
  int latest_year_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractOptions& options) {
  auto ontology = LoadOntology(options.data_dir + "/ontology.tsv");
  if (!ontology.ok()) return ontology.status();
  auto fr = LoadRuleSet(options.data_dir, "fr", *ontology);
  if (!fr.ok()) return fr.status();
  auto en = LoadRuleSet(options.data_dir, "en", *ontology);
  if (!en.ok()) return en.status();
  return std::unique_ptr<Extractor>(
      new RuleExtractor(std::move(ontology).value(), std::move(fr).value(), std::move(en).value(),
                        options.latest_year != 0 ? options.latest_year : CurrentYear()));
}

}  // namespace vigie::internal
