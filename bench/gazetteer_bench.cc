// Gazetteer speed: mapping the compiled index, and name lookups over the words of the bench
// corpus (every 1- to 3-word window, folded beforehand, as a longest-match scanner would ask).
// Needs data/gazetteer/world.vgz (scripts/build-gazetteer.sh); skips when absent.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "base/fold.h"
#include "bench/corpus_loader.h"
#include "geo/gazetteer.h"

namespace vigie::internal {
namespace {

const std::string kWorld = std::string(VIGIE_DATA_DIR) + "/gazetteer/world.vgz";

// Folded 1- to 3-word windows of the corpus.
const std::vector<std::string>& Probes() {
  static const std::vector<std::string> probes = [] {
    std::vector<std::string> out;
    for (const Article& a : bench::BenchCorpus()) {
      std::vector<std::string> words;
      std::string folded = FoldText(a.text);
      size_t start = 0;
      while (start < folded.size()) {
        size_t end = folded.find_first_of(" \n.,;:!?()\"«»", start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) words.push_back(folded.substr(start, end - start));
        start = end + 1;
      }
      for (size_t i = 0; i < words.size(); ++i) {
        std::string probe = words[i];
        out.push_back(probe);
        for (size_t k = 1; k < 3 && i + k < words.size(); ++k) {
          probe += ' ';
          probe += words[i + k];
          out.push_back(probe);
        }
      }
    }
    return out;
  }();
  return probes;
}

long ResidentKb() {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return 0;
  char line[256];
  long kb = 0;
  while (std::fgets(line, sizeof(line), f) != nullptr) {
    if (std::strncmp(line, "VmRSS:", 6) == 0) kb = std::atol(line + 6);
  }
  std::fclose(f);
  return kb;
}

void BM_GazetteerOpen(benchmark::State& state) {
  for (auto _ : state) {
    auto gaz = Gazetteer::Open(kWorld);
    if (!gaz.ok()) {
      state.SkipWithError(gaz.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize((*gaz)->size());
  }
}
BENCHMARK(BM_GazetteerOpen)->Unit(benchmark::kMillisecond);

void BM_GazetteerLookup(benchmark::State& state) {
  auto gaz = Gazetteer::Open(kWorld);
  if (!gaz.ok()) {
    state.SkipWithError(gaz.status().ToString().c_str());
    return;
  }
  const std::vector<std::string>& probes = Probes();
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& p : probes) {
      found += (*gaz)->Candidates(p).size();
      found += (*gaz)->HasLongerName(p);
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * probes.size()));
}
BENCHMARK(BM_GazetteerLookup)->Unit(benchmark::kMillisecond);

// Resident memory the index costs once opened and used: 10k lookups, then the RSS growth.
void BM_GazetteerResident(benchmark::State& state) {
  const std::vector<std::string>& probes = Probes();
  for (auto _ : state) {
    long before = ResidentKb();
    auto gaz = Gazetteer::Open(kWorld);
    if (!gaz.ok()) {
      state.SkipWithError(gaz.status().ToString().c_str());
      return;
    }
    size_t found = 0;
    for (size_t i = 0; i < 10000 && !probes.empty(); ++i) {
      for (uint32_t e : (*gaz)->Candidates(probes[i % probes.size()])) {
        found += (*gaz)->Entry(e).name.size();
      }
    }
    benchmark::DoNotOptimize(found);
    state.counters["rss_growth_mb"] = (ResidentKb() - before) / 1024.0;
    state.counters["mapped_mb"] = (*gaz)->mapped_bytes() / 1e6;
  }
}
BENCHMARK(BM_GazetteerResident)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vigie::internal
