// How fast the JSON Lines reader turns the dev corpus into Articles (MB/s of input, articles/s).
// The file is read into memory once, so the rate is the parsing, not the disk.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "vigie/input.h"

namespace {

const std::string& CorpusBytes() {
  static const std::string bytes = [] {
    std::ifstream in(VIGIE_SHARED_CORPUS, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  return bytes;
}

void BM_ReadStreamDevCorpus(benchmark::State& state) {
  const std::string& bytes = CorpusBytes();
  if (bytes.empty()) {
    state.SkipWithError("no dev corpus at " VIGIE_SHARED_CORPUS);
    return;
  }
  int64_t articles = 0;
  int64_t errors = 0;
  for (auto _ : state) {
    std::istringstream in(bytes);
    vigie::ReadStream(in, "dev.jsonl", {}, [&](vigie::Result<vigie::Article> r) {
      if (r.ok()) {
        ++articles;
        benchmark::DoNotOptimize(r->text.data());
      } else {
        ++errors;
      }
    });
  }
  if (errors > 0) state.SkipWithError("the dev corpus should read without errors");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(bytes.size()));
  state.SetItemsProcessed(articles);
}
BENCHMARK(BM_ReadStreamDevCorpus)->Unit(benchmark::kMillisecond);

void BM_InferPublishedFromUrl(benchmark::State& state) {
  const char* urls[] = {
      "https://www.example.fr/monde/3099743-20210809-les-combats-reprennent",
      "http://www.example.ca/2021/07/offensive-repoussee-contre-la-ville/",
      "https://example.com/asie/202108061045971423-une-capitale-provinciale-tombe/",
      "https://example.org/international/asie/2021/08/01/roquettes-sur-l-aeroport-S2HOACPJ/",
  };
  for (auto _ : state) {
    for (const char* url : urls) benchmark::DoNotOptimize(vigie::InferPublishedFromUrl(url));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 4);
}
BENCHMARK(BM_InferPublishedFromUrl);

}  // namespace
