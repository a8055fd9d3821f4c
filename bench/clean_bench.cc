// Cleaning, NFC and language identification over the dev corpus, in MB/s and articles/s. The
// whole text pipeline must reach 20 MB/s per core, so cleaning + NFC should stay above 100 MB/s.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "bench/corpus_loader.h"
#include "text/clean.h"
#include "text/language.h"
#include "text/normalize.h"

namespace {

using vigie::internal::Cleaner;
using vigie::internal::CleanRule;
using vigie::internal::OffsetMap;

const Cleaner* SharedCleaner() {
  static const std::unique_ptr<Cleaner> cleaner = [] {
    auto c = Cleaner::Create(VIGIE_DATA_DIR);
    return c.ok() ? std::move(c).value() : nullptr;
  }();
  return cleaner.get();
}

void SetRates(benchmark::State& state) {
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(vigie::bench::BenchCorpusBytes()));
  state.SetItemsProcessed(int64_t(state.iterations()) *
                          int64_t(vigie::bench::BenchCorpus().size()));
}

void BM_Clean(benchmark::State& state) {
  const Cleaner* cleaner = SharedCleaner();
  if (cleaner == nullptr) {
    state.SkipWithError("cannot load data/text");
    return;
  }
  std::string out;
  OffsetMap map;
  std::array<uint32_t, size_t(CleanRule::kCount)> counts{};
  for (auto _ : state) {
    for (const auto& a : vigie::bench::BenchCorpus()) {
      cleaner->Clean(a.text, &out, &map, &counts);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetRates(state);
}
BENCHMARK(BM_Clean);

void BM_CleanAndNfc(benchmark::State& state) {
  const Cleaner* cleaner = SharedCleaner();
  if (cleaner == nullptr) {
    state.SkipWithError("cannot load data/text");
    return;
  }
  std::string clean, text;
  OffsetMap clean_map, map;
  std::array<uint32_t, size_t(CleanRule::kCount)> counts{};
  for (auto _ : state) {
    for (const auto& a : vigie::bench::BenchCorpus()) {
      cleaner->Clean(a.text, &clean, &clean_map, &counts);
      vigie::internal::NormalizeNfc(clean, clean_map, &text, &map);
      benchmark::DoNotOptimize(text.data());
    }
  }
  SetRates(state);
}
BENCHMARK(BM_CleanAndNfc);

void BM_Nfc(benchmark::State& state) {
  const auto& corpus = vigie::bench::BenchCorpus();
  std::vector<OffsetMap> identities(corpus.size());
  for (size_t i = 0; i < corpus.size(); ++i) {
    identities[i].ResetIdentity(static_cast<uint32_t>(corpus[i].text.size()));
  }
  std::string text;
  OffsetMap map;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.size(); ++i) {
      vigie::internal::NormalizeNfc(corpus[i].text, identities[i], &text, &map);
      benchmark::DoNotOptimize(text.data());
    }
  }
  SetRates(state);
}
BENCHMARK(BM_Nfc);

void BM_DetectLanguage(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& a : vigie::bench::BenchCorpus()) {
      benchmark::DoNotOptimize(vigie::internal::DetectLanguage(a.text, a.lang));
    }
  }
  SetRates(state);
}
BENCHMARK(BM_DetectLanguage);

}  // namespace
