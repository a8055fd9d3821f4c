// The analysis pipeline: one article in, one Analysis out.
//
//   vigie::PipelineOptions options;              // defaults read data/ next to the build
//   auto pipeline = vigie::Pipeline::Create(options);
//   if (!pipeline.ok()) { /* pipeline.status().message() names the file at fault */ }
//   auto workspace = (*pipeline)->NewWorkspace();  // one per thread, reused article after article
//   vigie::Result<vigie::Analysis> a = (*pipeline)->Analyze(article, *workspace);
//
// A Pipeline is immutable after Create and may be shared by any number of threads; each thread
// brings its own Workspace. Analysis of one article depends on nothing but that article, so the
// pipeline can run as a streaming filter.
#ifndef VIGIE_PIPELINE_H_
#define VIGIE_PIPELINE_H_

#include <cstddef>
#include <memory>
#include <string>

#include "vigie/analysis.h"
#include "vigie/article.h"
#include "vigie/status.h"

namespace vigie {

struct PipelineOptions {
  // Directory with rules/<lang>/ and gazetteer/. Default: the data/ directory of the source tree
  // this build came from, or $VIGIE_DATA_DIR when set.
  std::string data_dir;
  // Compiled gazetteer (`vigie gazetteer build`). Default: <data_dir>/gazetteer/world.vgz.
  std::string gazetteer_path;
  // When false, a missing gazetteer leaves places unresolved instead of failing Create. Default
  // false.
  bool require_gazetteer = false;
  // The latest year a dispatch can speak of, for dates written with a weekday but no year in an
  // article with no publication date. 0 (default): the current year when the Pipeline is created.
  int latest_year = 0;
  // Articles longer than this are refused with kTooLarge. Default 1 MiB.
  size_t max_article_bytes = size_t{1} << 20;
};

struct AnalyzeOptions {
  bool trace = false;    // fill Analysis::trace (sentences, tokens, lemmas, numbers)
  bool explain = false;  // fill Event::explain with why each field got its value
};

class Workspace;  // per-thread scratch buffers, cleared (not freed) between articles

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  std::unique_ptr<Workspace> NewWorkspace() const;

  // Errors: kInvalidArgument (empty text, invalid UTF-8), kTooLarge, kUnsupported (a language
  // other than French or English: reported, never guessed).
  Result<Analysis> Analyze(const Article& article, Workspace& workspace,
                           const AnalyzeOptions& options = {}) const;

  // Whether places can be resolved (a gazetteer was loaded).
  bool has_gazetteer() const;

  struct Impl;

 private:
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class Workspace {
 public:
  ~Workspace();
  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  friend class Pipeline;
  explicit Workspace(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie

#endif  // VIGIE_PIPELINE_H_
