// Maps byte offsets of a rewritten text (cleaned, NFC-normalized) back to the original bytes.
//
// Each stage that rewrites text appends, for every output byte, the original offset of the input
// piece it came from. A piece that replaces several input bytes ("Ã©" -> "é") maps all of its
// output bytes to the start of that input piece, and the byte after it to the piece's end, so a
// span that covers whole pieces maps back to exactly the original bytes it came from.
#ifndef VIGIE_BASE_OFFSET_MAP_H_
#define VIGIE_BASE_OFFSET_MAP_H_

#include <cstdint>
#include <vector>

#include "vigie/analysis.h"

namespace vigie::internal {

class OffsetMap {
 public:
  // Identity over `n` bytes.
  void ResetIdentity(uint32_t n);
  void Clear() { starts_.clear(); }
  // The next output byte came from original offset `orig`.
  void Push(uint32_t orig) { starts_.push_back(orig); }
  // Terminates the map: the position one past the last output byte maps to `orig_end`.
  void Finish(uint32_t orig_end) { starts_.push_back(orig_end); }

  // Original offset of output position `pos` (0 <= pos <= size()).
  uint32_t ToOriginal(uint32_t pos) const { return starts_[pos]; }
  Span ToOriginal(Span s) const { return {starts_[s.start], starts_[s.end]}; }
  // Composes: this map goes from text B to text A, `earlier` from A to the original.
  void ComposeWith(const OffsetMap& earlier);

  uint32_t size() const { return starts_.empty() ? 0 : static_cast<uint32_t>(starts_.size() - 1); }
  bool empty() const { return starts_.empty(); }
  void Reserve(uint32_t n) { starts_.reserve(n + 1); }

 private:
  std::vector<uint32_t> starts_;  // size()+1 entries once finished, non-decreasing
};

}  // namespace vigie::internal

#endif  // VIGIE_BASE_OFFSET_MAP_H_
