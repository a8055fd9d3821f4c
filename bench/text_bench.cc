// Text stages over the dev corpus, one at a time and end to end (TextAnalyzer::Run), as MB/s
// (bytes of the original articles) and articles/s, with the lemma cache warm. BM_TextMemory100x
// runs the corpus 100 times and reports resident memory and cached word forms after pass 1 and
// after pass 100: the cache must stop growing once every form has been seen.
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bench/corpus_loader.h"
#include "text/clean.h"
#include "text/language.h"
#include "text/lemmatizer.h"
#include "text/normalize.h"
#include "text/numbers.h"
#include "text/sentences.h"
#include "text/text_analyzer.h"
#include "text/tokenize.h"

namespace {

using vigie::internal::Document;
using vigie::internal::TextAnalyzer;

long ResidentKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

const TextAnalyzer* Analyzer() {
  static std::unique_ptr<TextAnalyzer> analyzer = [] {
    auto a = TextAnalyzer::Create({VIGIE_DATA_DIR});
    return a.ok() ? std::move(a).value() : nullptr;
  }();
  return analyzer.get();
}

// Every article analysed once (which also warms the lemma cache); stage benchmarks rerun one
// stage on these documents. Only articles the analyzer accepts are counted.
struct Prepared {
  std::vector<std::unique_ptr<Document>> docs;
  std::vector<const vigie::Article*> articles;
  int64_t bytes = 0;
};

const Prepared& Corpus() {
  static const Prepared prepared = [] {
    Prepared p;
    const TextAnalyzer* analyzer = Analyzer();
    if (analyzer == nullptr) return p;
    for (const vigie::Article& a : vigie::bench::BenchCorpus()) {
      auto doc = std::make_unique<Document>();
      if (!analyzer->Run(a.text, a.lang, doc.get()).ok()) continue;
      p.docs.push_back(std::move(doc));
      p.articles.push_back(&a);
      p.bytes += static_cast<int64_t>(a.text.size());
    }
    return p;
  }();
  return prepared;
}

void SetRates(benchmark::State& state, const Prepared& p) {
  state.SetBytesProcessed(state.iterations() * p.bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(p.docs.size()));
}

// Runs `stage` on every prepared document per iteration.
template <typename Stage>
void RunStage(benchmark::State& state, Stage stage) {
  const Prepared& p = Corpus();
  if (p.docs.empty()) {
    state.SkipWithError("no analyzer or no corpus");
    return;
  }
  for (auto _ : state) {
    for (size_t i = 0; i < p.docs.size(); ++i) stage(*p.articles[i], p.docs[i].get());
    benchmark::ClobberMemory();
  }
  SetRates(state, p);
}

void BM_Clean(benchmark::State& state) {
  RunStage(state, [](const vigie::Article& a, Document* doc) {
    Analyzer()->cleaner().Clean(a.text, &doc->scratch, &doc->scratch_map, &doc->clean_counts);
  });
}
BENCHMARK(BM_Clean)->Unit(benchmark::kMillisecond);

void BM_NormalizeNfc(benchmark::State& state) {
  RunStage(state, [](const vigie::Article&, Document* doc) {
    vigie::internal::NormalizeNfc(doc->scratch, doc->scratch_map, &doc->text, &doc->map);
  });
}
BENCHMARK(BM_NormalizeNfc)->Unit(benchmark::kMillisecond);

void BM_Language(benchmark::State& state) {
  RunStage(state, [](const vigie::Article& a, Document* doc) {
    benchmark::DoNotOptimize(
        vigie::internal::DetectLanguage(vigie::internal::LanguageSample(doc->text), a.lang));
  });
}
BENCHMARK(BM_Language)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  RunStage(state, [](const vigie::Article&, Document* doc) { Analyzer()->tokenizer().Run(doc); });
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_Sentences(benchmark::State& state) {
  RunStage(state, [](const vigie::Article&, Document* doc) { Analyzer()->splitter().Run(doc); });
}
BENCHMARK(BM_Sentences)->Unit(benchmark::kMillisecond);

void BM_LemmasWarm(benchmark::State& state) {
  RunStage(state, [](const vigie::Article&, Document* doc) { Analyzer()->lemmatizer().Run(doc); });
}
BENCHMARK(BM_LemmasWarm)->Unit(benchmark::kMillisecond);

void BM_Numbers(benchmark::State& state) {
  RunStage(state, [](const vigie::Article&, Document* doc) { Analyzer()->numbers().Run(doc); });
}
BENCHMARK(BM_Numbers)->Unit(benchmark::kMillisecond);

void BM_TextAnalyzerRun(benchmark::State& state) {
  Document doc;  // one reused workspace, as a worker thread keeps it
  RunStage(state, [&doc](const vigie::Article& a, Document*) {
    doc.Clear();
    benchmark::DoNotOptimize(Analyzer()->Run(a.text, a.lang, &doc));
  });
}
BENCHMARK(BM_TextAnalyzerRun)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_TextMemory100x(benchmark::State& state) {
  const Prepared& p = Corpus();
  if (p.docs.empty()) {
    state.SkipWithError("no analyzer or no corpus");
    return;
  }
  const vigie::internal::Lemmatizer& lemmatizer = Analyzer()->lemmatizer();
  Document doc;
  for (auto _ : state) {
    long rss_pass1 = 0;
    size_t forms_pass1 = 0;
    for (int pass = 0; pass < 100; ++pass) {
      for (const vigie::Article* a : p.articles) {
        doc.Clear();
        benchmark::DoNotOptimize(Analyzer()->Run(a->text, a->lang, &doc));
      }
      if (pass == 0) {
        rss_pass1 = ResidentKb();
        forms_pass1 = lemmatizer.CachedForms();
      }
    }
    state.counters["rss_kb_pass1"] = static_cast<double>(rss_pass1);
    state.counters["rss_kb_pass100"] = static_cast<double>(ResidentKb());
    state.counters["forms_pass1"] = static_cast<double>(forms_pass1);
    state.counters["forms_pass100"] = static_cast<double>(lemmatizer.CachedForms());
    state.counters["interned_kb"] = static_cast<double>(lemmatizer.InternedBytes()) / 1024.0;
  }
  state.SetBytesProcessed(state.iterations() * 100 * p.bytes);
  state.SetItemsProcessed(state.iterations() * 100 * static_cast<int64_t>(p.docs.size()));
}
BENCHMARK(BM_TextMemory100x)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
