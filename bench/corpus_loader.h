// The text the benchmarks run on: the shared dev corpus when it sits beside the checkout
// (../shared/corpus/dev.jsonl, never copied into the project), else the bundled examples/.
#ifndef VIGIE_BENCH_CORPUS_LOADER_H_
#define VIGIE_BENCH_CORPUS_LOADER_H_

#include <cstdint>
#include <vector>

#include "vigie/article.h"

namespace vigie::bench {

const std::vector<Article>& BenchCorpus();
uint64_t BenchCorpusBytes();  // sum of the texts' sizes, for MB/s

}  // namespace vigie::bench

#endif  // VIGIE_BENCH_CORPUS_LOADER_H_
