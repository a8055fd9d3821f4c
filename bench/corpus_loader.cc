#include "bench/corpus_loader.h"

#include <filesystem>

#include "vigie/input.h"

namespace vigie::bench {

const std::vector<Article>& BenchCorpus() {
  static const std::vector<Article> corpus = [] {
    std::vector<Article> out;
    std::string path = VIGIE_SHARED_CORPUS;
    if (!std::filesystem::exists(path)) path = VIGIE_EXAMPLES_DIR;
    ReadInputs({path}, InputOptions{}, [&out](Result<Article> r) {
      if (r.ok()) out.push_back(std::move(r).value());
    });
    return out;
  }();
  return corpus;
}

uint64_t BenchCorpusBytes() {
  uint64_t n = 0;
  for (const Article& a : BenchCorpus()) n += a.text.size();
  return n;
}

}  // namespace vigie::bench
