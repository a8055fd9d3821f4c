#include "store/near_duplicate.h"

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "store/keys.h"
#include "store/union_find.h"

namespace vigie::internal {

namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

uint64_t SimHash(std::string_view text) {
  std::array<int, 64> weights{};
  // The hashes of the last three words, lowercased; a shingle hash combines them.
  uint64_t w0 = 0, w1 = 0, w2 = 0;
  int words = 0, shingles = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    uint64_t h = 14695981039346656037ull;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) {
      unsigned char c = static_cast<unsigned char>(text[i++]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      h = (h ^ c) * 1099511628211ull;
    }
    w0 = w1;
    w1 = w2;
    w2 = h;
    if (++words < 3) continue;
    uint64_t s = w0 * 0x9e3779b97f4a7c15ull ^ std::rotl(w1, 21) ^ std::rotl(w2, 42);
    s ^= s >> 31;
    s *= 0xbf58476d1ce4e5b9ull;
    s ^= s >> 29;
    for (int bit = 0; bit < 64; ++bit) weights[bit] += (s >> bit) & 1 ? 1 : -1;
    ++shingles;
  }
  if (shingles < 8) return 0;
  uint64_t fingerprint = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[bit] > 0) fingerprint |= uint64_t{1} << bit;
  }
  return fingerprint == 0 ? 1 : fingerprint;
}

std::vector<size_t> NearDuplicateGroups(std::span<const uint64_t> fingerprints, int max_bits) {
  UnionFind sets(fingerprints.size());
  const int bands = std::clamp(max_bits + 1, 1, 64);
  const int width = (64 + bands - 1) / bands;
  std::unordered_map<uint64_t, std::vector<size_t>> buckets;
  for (int band = 0; band < bands; ++band) {
    int shift = band * width;
    if (shift >= 64) break;
    uint64_t mask = width >= 64 ? ~uint64_t{0} : ((uint64_t{1} << width) - 1);
    buckets.clear();
    for (size_t i = 0; i < fingerprints.size(); ++i) {
      if (fingerprints[i] == 0) continue;
      uint64_t key = ((fingerprints[i] >> shift) & mask) | (static_cast<uint64_t>(band) << 58);
      buckets[key].push_back(i);
    }
    for (auto& [key, members] : buckets) {
      // Sorted by fingerprint, equal prints sit together and are joined in one pass; distinct
      // ones are compared with their next kMaxNeighbours, so that a store full of one template
      // ("Reuters - ... - 1 min read") does not turn quadratic.
      std::sort(members.begin(), members.end(), [&](size_t a, size_t b) {
        return std::tie(fingerprints[a], a) < std::tie(fingerprints[b], b);
      });
      constexpr size_t kMaxNeighbours = 64;
      for (size_t a = 0; a < members.size(); ++a) {
        size_t compared = 0;
        for (size_t b = a + 1; b < members.size() && compared < kMaxNeighbours; ++b) {
          uint64_t x = fingerprints[members[a]], y = fingerprints[members[b]];
          if (x == y) {
            // The equal print at b compares with everything after it in a's place.
            sets.Unite(members[a], members[b]);
            break;
          }
          ++compared;
          if (std::popcount(x ^ y) <= max_bits) sets.Unite(members[a], members[b]);
        }
      }
    }
  }
  // Each group is named by its smallest index, so callers that sort by id name it by its first id.
  std::vector<size_t> smallest(fingerprints.size(), SIZE_MAX);
  for (size_t i = 0; i < fingerprints.size(); ++i) {
    size_t root = sets.Find(i);
    smallest[root] = std::min(smallest[root], i);
  }
  std::vector<size_t> group(fingerprints.size());
  for (size_t i = 0; i < fingerprints.size(); ++i) group[i] = smallest[sets.Find(i)];
  return group;
}

}  // namespace vigie::internal
