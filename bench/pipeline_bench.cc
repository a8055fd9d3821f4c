// Whole-pipeline throughput (text stages, geoparsing, extraction) over the dev corpus, with the
// lemma cache warm, as articles/s and MB/s; and resident memory after repeated passes, which must
// stay flat (caches stop growing once every word form has been seen).
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

#include "bench/corpus_loader.h"
#include "vigie/pipeline.h"

namespace {

long ResidentKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

const vigie::Pipeline& SharedPipeline() {
  static std::unique_ptr<vigie::Pipeline> pipeline = [] {
    auto p = vigie::Pipeline::Create({});
    return p.ok() ? std::move(p).value() : nullptr;
  }();
  return *pipeline;
}

void BM_Pipeline(benchmark::State& state) {
  const auto& corpus = vigie::bench::BenchCorpus();
  const vigie::Pipeline& pipeline = SharedPipeline();
  auto workspace = pipeline.NewWorkspace();
  for (const auto& a : corpus) benchmark::DoNotOptimize(pipeline.Analyze(a, *workspace));  // warm
  long rss_before = ResidentKb();
  size_t events = 0;
  for (auto _ : state) {
    for (const auto& a : corpus) {
      auto r = pipeline.Analyze(a, *workspace);
      if (r.ok()) events += r->events.size();
    }
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * vigie::bench::BenchCorpusBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
  state.counters["rss_growth_kb"] = static_cast<double>(ResidentKb() - rss_before);
  state.counters["events_per_pass"] =
      static_cast<double>(events) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// 100 passes over the corpus: the growth of resident memory between pass 1 and pass 100.
void BM_PipelineMemory100x(benchmark::State& state) {
  const auto& corpus = vigie::bench::BenchCorpus();
  const vigie::Pipeline& pipeline = SharedPipeline();
  auto workspace = pipeline.NewWorkspace();
  for (auto _ : state) {
    for (const auto& a : corpus) benchmark::DoNotOptimize(pipeline.Analyze(a, *workspace));
    long after_one = ResidentKb();
    for (int pass = 1; pass < 100; ++pass) {
      for (const auto& a : corpus) benchmark::DoNotOptimize(pipeline.Analyze(a, *workspace));
    }
    state.counters["rss_after_1_pass_kb"] = static_cast<double>(after_one);
    state.counters["rss_after_100_passes_kb"] = static_cast<double>(ResidentKb());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * 100 * vigie::bench::BenchCorpusBytes()));
}
BENCHMARK(BM_PipelineMemory100x)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
