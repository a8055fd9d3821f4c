#include "base/offset_map.h"

namespace vigie::internal {

void OffsetMap::ResetIdentity(uint32_t n) {
  starts_.resize(n + 1);
  for (uint32_t i = 0; i <= n; ++i) starts_[i] = i;
}

void OffsetMap::ComposeWith(const OffsetMap& earlier) {
  for (uint32_t& s : starts_) s = earlier.starts_[s];
}

}  // namespace vigie::internal
