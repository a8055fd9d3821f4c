#include "vigie/store.h"

namespace vigie {

Ingester::Ingester(Store& store, AnalyzeFunction analyze, size_t batch_size)
    : store_(store), analyze_(std::move(analyze)), batch_size_(batch_size == 0 ? 1 : batch_size) {
  batch_.reserve(batch_size_);
}

Status Ingester::Add(const Article& article) {
  ++summary_.read;
  auto stored = store_.Contains(article);
  if (!stored.ok()) return stored.status();
  if (*stored) {
    // Already there with this very text: no analysis, no write. A rerun after a crash goes
    // through the finished part of its input at this speed.
    ++summary_.unchanged;
    return Status::Ok();
  }
  IngestItem item;
  item.article = article;
  Result<Analysis> analysis = analyze_(article);
  if (analysis.ok()) {
    item.analysis = std::move(analysis).value();
  } else {
    // Kept with the reason, so the next run does not analyze it again.
    item.problem = analysis.status().ToString();
    ++summary_.refused;
  }
  batch_.push_back(std::move(item));
  if (batch_.size() >= batch_size_) return Flush();
  return Status::Ok();
}

Status Ingester::Flush() {
  if (batch_.empty()) return Status::Ok();
  Status status = store_.Write(batch_);
  if (status.ok()) {
    for (const IngestItem& item : batch_) summary_.written += item.problem.empty() ? 1 : 0;
  }
  batch_.clear();
  return status;
}

Result<IngestSummary> Ingester::Finish() {
  VIGIE_RETURN_IF_ERROR(Flush());
  VIGIE_RETURN_IF_ERROR(store_.Refresh());
  return summary_;
}

}  // namespace vigie
