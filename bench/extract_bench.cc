// Extraction throughput over the dev corpus: the extractor alone on documents the text stages and
// the geoparser prepared beforehand, and the whole pipeline (vigie::Pipeline), as MB/s of article
// text and articles/s. The whole pipeline must run at 5 MB/s per core or more.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench/corpus_loader.h"
#include "extract/extractor.h"
#include "geo/gazetteer.h"
#include "geo/geoparser.h"
#include "text/text_analyzer.h"
#include "vigie/pipeline.h"

namespace {

using vigie::internal::Document;
using vigie::internal::Extractor;
using vigie::internal::Gazetteer;
using vigie::internal::Geoparser;
using vigie::internal::PlaceMention;
using vigie::internal::TextAnalyzer;

struct ExtractFixture {
  std::unique_ptr<Gazetteer> gazetteer;  // may stay null: places are then unresolved
  std::unique_ptr<TextAnalyzer> text;
  std::unique_ptr<Geoparser> parser;
  std::unique_ptr<Extractor> extractor;
  std::vector<Document> docs;
  std::vector<std::vector<PlaceMention>> mentions;
  std::vector<std::string> published;
  uint64_t bytes = 0;
};

const ExtractFixture* SharedFixture() {
  static std::unique_ptr<ExtractFixture> fixture = []() -> std::unique_ptr<ExtractFixture> {
    auto f = std::make_unique<ExtractFixture>();
    const std::string data = VIGIE_DATA_DIR;
    const std::string path = data + "/gazetteer/world.vgz";
    if (std::filesystem::exists(path)) {
      auto gazetteer = Gazetteer::Open(path);
      if (gazetteer.ok()) f->gazetteer = std::move(gazetteer).value();
    }
    auto text = TextAnalyzer::Create({data});
    auto extractor = Extractor::Create({data});
    if (!text.ok() || !extractor.ok()) return nullptr;
    f->text = std::move(text).value();
    f->extractor = std::move(extractor).value();
    auto parser = Geoparser::Create({data}, f->gazetteer.get());
    if (!parser.ok()) return nullptr;
    f->parser = std::move(parser).value();
    const auto& corpus = vigie::bench::BenchCorpus();
    f->docs.resize(corpus.size());
    f->mentions.resize(corpus.size());
    for (size_t i = 0; i < corpus.size(); ++i) {
      f->published.push_back(corpus[i].published);
      if (!f->text->Run(corpus[i].text, corpus[i].lang, &f->docs[i]).ok()) continue;
      f->docs[i].original = corpus[i].text;
      f->parser->Run(f->docs[i], &f->mentions[i]);
      f->bytes += corpus[i].text.size();
    }
    return f;
  }();
  return fixture.get();
}

void BM_ExtractOnly(benchmark::State& state) {
  const ExtractFixture* f = SharedFixture();
  if (f == nullptr) {
    state.SkipWithError("rules or text data missing under data/");
    return;
  }
  std::vector<vigie::Event> events;
  std::vector<vigie::Quote> quotes;
  size_t found = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < f->docs.size(); ++i) {
      if (f->docs[i].tokens.empty()) continue;
      events.clear();
      quotes.clear();
      vigie::internal::ExtractInput input;
      input.doc = &f->docs[i];
      input.places = &f->mentions[i];
      input.published = f->published[i];
      f->extractor->Run(input, &events, &quotes);
      found += events.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f->bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f->docs.size()));
  state.counters["events_per_pass"] =
      static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ExtractOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_WholePipeline(benchmark::State& state) {
  auto pipeline = vigie::Pipeline::Create({});
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.status().ToString().c_str());
    return;
  }
  auto workspace = (*pipeline)->NewWorkspace();
  const auto& corpus = vigie::bench::BenchCorpus();
  for (auto _ : state) {
    for (const vigie::Article& article : corpus) {
      auto analysis = (*pipeline)->Analyze(article, *workspace);
      benchmark::DoNotOptimize(analysis);
    }
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * vigie::bench::BenchCorpusBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_WholePipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
