// Syndicated copies: the same wire story on several sites, with a different headline, a byline or a
// "Read also" line added, or extended by one site with paragraphs of its own. Two measures find
// them. SimHash over word shingles gives near-identical copies fingerprints a few bits apart, while
// two different stories on the same town differ in about half of the 64 bits. A copy that one site
// extended is not near-identical (its Jaccard similarity to the wire text falls with every added
// paragraph), but nearly all of the shorter text's shingles are in the longer one: MinHash
// signatures estimate that containment.
#ifndef VIGIE_STORE_NEAR_DUPLICATE_H_
#define VIGIE_STORE_NEAR_DUPLICATE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
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

// Words for MinHash are runs of letters and digits: ASCII and Latin-1 capitals are lowercased, and
// Unicode punctuation and spaces separate words (« », “ ”, ’, no-break spaces), so that one site's
// typographic quotes do not make its copy's words differ from the wire text's. Shingles are
// kMinHashShingleWords words long: long enough that two stories on one town, sharing names and
// set phrases ("the provincial capital of"), share few of them.
inline constexpr int kMinHashShingleWords = 5;
inline constexpr int kMinHashSize = 64;  // 32-bit minima, one per seeded hash function
using MinHashSignature = std::array<uint32_t, kMinHashSize>;

// The signature of a text's distinct shingles and how many there are. A text with no shingle
// (under kMinHashShingleWords words) has count 0 and a signature of no meaning.
struct MinHash {
  MinHashSignature signature{};
  uint32_t shingles = 0;
};
MinHash ComputeMinHash(std::string_view text);

// The stored form: kMinHashSize little-endian 32-bit minima (empty when the text has no shingle),
// the same bytes on every machine. Decode gives nullopt for a blob of any other size.
std::string EncodeMinHash(const MinHash& minhash);
std::optional<MinHashSignature> DecodeMinHash(std::string_view blob);

// Two texts are copies when the estimated share of the smaller's shingles found in the larger is at
// least kMinContainment. Syndicated copies come near 1 (a site's added headline, dateline
// or paragraphs are not in the wire text, but all of the wire text is in the copy); 0.8 leaves
// room for the estimate's error (64 minima) and for a few words a site rewrote, while stories that
// merely share quotes or a paragraph of background stay well under it (at most 0.69 between two
// different stories of the dev corpus).
inline constexpr double kMinContainment = 0.8;
// Under this many distinct shingles (about 25 words), a text is too short for containment to say
// anything: one sentence quoted in a longer story would be "contained" in it.
inline constexpr uint32_t kMinContainmentShingles = 20;
// LSH banding of the signature: 16 bands of 4 minima. Two texts become candidates when they agree
// on a whole band, with probability 1 - (1 - J^4)^16 for Jaccard similarity J: 0.96 at J = 0.65
// (a copy with half as much text again), 0.64 at J = 0.5 (a copy twice as long), 0.02 at J = 0.2.
inline constexpr int kMinHashBands = 16;
inline constexpr int kMinHashRows = kMinHashSize / kMinHashBands;

// The estimated containment of the smaller shingle set in the larger: with J the share of equal
// minima (the Jaccard estimate), |A n B| = J (na + nb) / (1 + J), divided by min(na, nb).
double EstimatedContainment(const MinHashSignature& a, uint32_t na, const MinHashSignature& b,
                            uint32_t nb);

// What the copy search knows of one text.
struct TextPrint {
  uint64_t simhash = 0;
  MinHash minhash;  // shingles 0: none (a text too short, or stored before signatures were)
};

// For each text, the index of the first text of its group of copies: texts whose SimHashes are
// within `max_bits` of each other, or whose MinHash signatures share a band and estimate a
// containment of at least kMinContainment (the smaller with kMinContainmentShingles or more), are
// linked; groups are the linked components.
std::vector<size_t> CopyGroups(std::span<const TextPrint> prints, int max_bits);

}  // namespace vigie::internal

#endif  // VIGIE_STORE_NEAR_DUPLICATE_H_
