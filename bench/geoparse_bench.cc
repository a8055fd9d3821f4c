// Geoparsing throughput over the dev corpus: the geoparser alone on documents the text stages
// prepared beforehand, and text stages plus geoparser together, as MB/s of article text and
// articles/s. The geoparser must keep the whole pipeline at 10 MB/s per core or more.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench/corpus_loader.h"
#include "geo/gazetteer.h"
#include "geo/geoparser.h"
#include "text/text_analyzer.h"

namespace {

using vigie::internal::Document;
using vigie::internal::Gazetteer;
using vigie::internal::Geoparser;
using vigie::internal::PlaceMention;
using vigie::internal::TextAnalyzer;

struct GeoFixture {
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<TextAnalyzer> text;
  std::unique_ptr<Geoparser> parser;
  std::vector<Document> docs;  // the corpus after the text stages
  uint64_t bytes = 0;          // text of the documents that went through
};

const GeoFixture* SharedFixture() {
  static std::unique_ptr<GeoFixture> fixture = []() -> std::unique_ptr<GeoFixture> {
    auto f = std::make_unique<GeoFixture>();
    const std::string data = VIGIE_DATA_DIR;
    const std::string path = data + "/gazetteer/world.vgz";
    if (!std::filesystem::exists(path)) return nullptr;
    auto gazetteer = Gazetteer::Open(path);
    auto text = TextAnalyzer::Create({data});
    if (!gazetteer.ok() || !text.ok()) return nullptr;
    f->gazetteer = std::move(gazetteer).value();
    f->text = std::move(text).value();
    auto parser = Geoparser::Create({data}, f->gazetteer.get());
    if (!parser.ok()) return nullptr;
    f->parser = std::move(parser).value();
    const auto& corpus = vigie::bench::BenchCorpus();
    f->docs.resize(corpus.size());
    for (size_t i = 0; i < corpus.size(); ++i) {
      if (f->text->Run(corpus[i].text, corpus[i].lang, &f->docs[i]).ok()) {
        f->bytes += corpus[i].text.size();
      }
    }
    return f;
  }();
  return fixture.get();
}

void BM_GeoparseOnly(benchmark::State& state) {
  const GeoFixture* f = SharedFixture();
  if (f == nullptr) {
    state.SkipWithError("no gazetteer (data/gazetteer/world.vgz) or text data");
    return;
  }
  std::vector<PlaceMention> mentions;
  size_t places = 0;
  for (auto _ : state) {
    for (const Document& doc : f->docs) {
      mentions.clear();
      f->parser->Run(doc, &mentions);
      places += mentions.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f->bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f->docs.size()));
  state.counters["places_per_pass"] =
      static_cast<double>(places) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_GeoparseOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_TextAndGeoparse(benchmark::State& state) {
  const GeoFixture* f = SharedFixture();
  if (f == nullptr) {
    state.SkipWithError("no gazetteer (data/gazetteer/world.vgz) or text data");
    return;
  }
  const auto& corpus = vigie::bench::BenchCorpus();
  Document doc;
  std::vector<PlaceMention> mentions;
  for (auto _ : state) {
    for (const auto& article : corpus) {
      doc.Clear();
      mentions.clear();
      if (!f->text->Run(article.text, article.lang, &doc).ok()) continue;
      f->parser->Run(doc, &mentions);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f->bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_TextAndGeoparse)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
