// The pieces the cleaning passes share: a writer that appends text with its original offsets, and
// the line pass (repeated paragraphs, "read also" inserts, photo credits).
#ifndef VIGIE_TEXT_CLEAN_LINES_H_
#define VIGIE_TEXT_CLEAN_LINES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/offset_map.h"
#include "text/clean.h"

namespace vigie::internal {

// Appends pieces of `src` to *out, and for each byte written its original offset to *map:
// src_map->ToOriginal(pos), or pos itself when src_map is null (src is the original).
class TextWriter {
 public:
  TextWriter(std::string_view src, const OffsetMap* src_map, std::string* out, OffsetMap* map)
      : src_(src), src_map_(src_map), out_(out), map_(map) {}

  // Copies src[from, to).
  void Copy(size_t from, size_t to) {
    if (from >= to) return;
    out_->append(src_.data() + from, to - from);
    if (src_map_ == nullptr) {
      for (size_t p = from; p < to; ++p) map_->Push(static_cast<uint32_t>(p));
    } else {
      for (size_t p = from; p < to; ++p) map_->Push(src_map_->ToOriginal(static_cast<uint32_t>(p)));
    }
  }
  // Writes `bytes` in place of the src piece that starts at `src_pos`.
  void Put(std::string_view bytes, size_t src_pos) {
    out_->append(bytes);
    const uint32_t orig = Origin(src_pos);
    for (size_t k = 0; k < bytes.size(); ++k) map_->Push(orig);
  }
  // Drops src[from, to). With a `separator` (' ' or '\n'), words on both sides stay apart: it is
  // written when neither the last byte written nor src[to] is a space or line break; when the
  // last byte written is one, the spaces after `to` are dropped too, so no double space is left.
  // Returns where to go on reading src.
  size_t Remove(size_t from, size_t to, char separator) {
    if (separator == 0) return to;
    if (out_->empty() || IsBreak(out_->back())) {
      while (to < src_.size() && (src_[to] == ' ' || src_[to] == '\t')) ++to;
      return to;
    }
    if (to < src_.size() && !IsBreak(src_[to])) Put(std::string_view(&separator, 1), from);
    return to;
  }

 private:
  static bool IsBreak(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
  uint32_t Origin(size_t pos) const {
    return src_map_ ? src_map_->ToOriginal(static_cast<uint32_t>(pos)) : static_cast<uint32_t>(pos);
  }

  std::string_view src_;
  const OffsetMap* src_map_;
  std::string* out_;
  OffsetMap* map_;
};

// The line pass: copies `text` through `w` without repeated paragraphs, "read also" inserts and
// photo credits, counting each.
void RemoveLineJunk(std::string_view text, const Cleaner::Rules& rules, TextWriter* w,
                    std::array<uint32_t, size_t(CleanRule::kCount)>* counts);

}  // namespace vigie::internal

#endif  // VIGIE_TEXT_CLEAN_LINES_H_
