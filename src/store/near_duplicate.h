// Syndicated copies: the same wire story on several sites, with a different headline, a byline or a
// "Read also" line added. SimHash over word shingles gives such copies fingerprints a few bits
// apart, while two different stories on the same town differ in about half of the 64 bits.
#ifndef VIGIE_STORE_NEAR_DUPLICATE_H_
#define VIGIE_STORE_NEAR_DUPLICATE_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace vigie::internal {

// 64-bit SimHash of the 3-word shingles of the lowercased text. 0 for texts under 8 shingles,
// which are too short to call anything a copy of them.
uint64_t SimHash(std::string_view text);

// For each fingerprint, the index of the first fingerprint of its group: fingerprints within
// `max_bits` of each other are linked, and groups are the linked components. Zero fingerprints
// stand alone. Candidates are found by splitting the 64 bits into max_bits + 1 bands: two
// fingerprints that close agree on at least one band.
std::vector<size_t> NearDuplicateGroups(std::span<const uint64_t> fingerprints, int max_bits);

}  // namespace vigie::internal

#endif  // VIGIE_STORE_NEAR_DUPLICATE_H_
