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

namespace {

// Unites fingerprints within max_bits of each other (zero ones stand alone).
template <typename PrintOf>
void LinkCloseSimHashes(size_t n, PrintOf print_of, int max_bits, UnionFind& sets) {
  const int bands = std::clamp(max_bits + 1, 1, 64);
  const int width = (64 + bands - 1) / bands;
  std::unordered_map<uint64_t, std::vector<size_t>> buckets;
  for (int band = 0; band < bands; ++band) {
    int shift = band * width;
    if (shift >= 64) break;
    uint64_t mask = width >= 64 ? ~uint64_t{0} : ((uint64_t{1} << width) - 1);
    buckets.clear();
    for (size_t i = 0; i < n; ++i) {
      if (print_of(i) == 0) continue;
      uint64_t key = ((print_of(i) >> shift) & mask) | (static_cast<uint64_t>(band) << 58);
      buckets[key].push_back(i);
    }
    for (auto& [key, members] : buckets) {
      // Sorted by fingerprint, equal prints sit together and are joined in one pass; distinct
      // ones are compared with their next kMaxNeighbours, so that a store full of one template
      // ("Reuters - ... - 1 min read") does not turn quadratic.
      std::sort(members.begin(), members.end(), [&](size_t a, size_t b) {
        return std::make_tuple(print_of(a), a) < std::make_tuple(print_of(b), b);
      });
      constexpr size_t kMaxNeighbours = 64;
      for (size_t a = 0; a < members.size(); ++a) {
        size_t compared = 0;
        for (size_t b = a + 1; b < members.size() && compared < kMaxNeighbours; ++b) {
          uint64_t x = print_of(members[a]), y = print_of(members[b]);
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
}

// Each group is named by its smallest index, so callers that sort by id name it by its first id.
std::vector<size_t> SmallestOfEachSet(UnionFind& sets, size_t n) {
  std::vector<size_t> smallest(n, SIZE_MAX);
  for (size_t i = 0; i < n; ++i) {
    size_t root = sets.Find(i);
    smallest[root] = std::min(smallest[root], i);
  }
  std::vector<size_t> group(n);
  for (size_t i = 0; i < n; ++i) group[i] = smallest[sets.Find(i)];
  return group;
}

}  // namespace

std::vector<size_t> NearDuplicateGroups(std::span<const uint64_t> fingerprints, int max_bits) {
  UnionFind sets(fingerprints.size());
  LinkCloseSimHashes(
      fingerprints.size(), [&](size_t i) { return fingerprints[i]; }, max_bits, sets);
  return SmallestOfEachSet(sets, fingerprints.size());
}

namespace {

// One seed per hash function of the MinHash family: h_f(s) = the high 32 bits of a full mix of
// s ^ seed_f. The seeds are fixed here: stored signatures must compare equal across builds and
// machines.
constexpr std::array<uint64_t, kMinHashSize> kSeeds = [] {
  std::array<uint64_t, kMinHashSize> seeds{};
  uint64_t state = 0x5649474945ull;  // "VIGIE"
  for (uint64_t& seed : seeds) seed = Mix64(state += 0x9e3779b97f4a7c15ull);
  return seeds;
}();

// Code points that separate words besides ASCII ones: Latin-1 punctuation and spaces (« » and the
// no-break space French puts inside them), general punctuation (’ “ ” – … and thin spaces),
// supplemental and CJK punctuation, Arabic commas and stops, the byte order mark, fullwidth
// punctuation.
bool IsSeparator(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || cp == 0x060C || cp == 0x061B ||
         cp == 0x061F || cp == 0x06D4 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20);
}

// Calls word(hash) with the FNV-1a hash of each lowercased word of the text, in order. A byte that
// does not start a well-formed UTF-8 sequence counts as a letter of its own, so no input is
// refused.
template <typename F>
void ForEachWord(std::string_view text, F&& word) {
  constexpr uint64_t kOffset = 14695981039346656037ull, kPrime = 1099511628211ull;
  uint64_t h = kOffset;
  bool in_word = false;
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t length = 1;
    uint32_t cp = c;
    if (c >= 0xC2 && c <= 0xF4) {
      const size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      uint32_t value = c & (0x7F >> want);
      size_t k = 1;
      for (; k < want && i + k < text.size(); ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) break;
        value = (value << 6) | (next & 0x3F);
      }
      if (k == want) {
        length = want;
        cp = value;
      }
    }
    const bool separator = cp < 0x80 ? !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                                         (cp >= 'A' && cp <= 'Z'))
                                     : length > 1 && IsSeparator(cp);
    if (separator) {
      if (in_word) word(h);
      h = kOffset;
      in_word = false;
      i += length;
      continue;
    }
    for (size_t k = 0; k < length; ++k) {
      auto byte = static_cast<unsigned char>(text[i + k]);
      if (length == 1 && byte >= 'A' && byte <= 'Z') byte = static_cast<unsigned char>(byte + 32);
      // Latin-1 capitals U+00C0..U+00DE but the multiplication sign: "État" -> "état".
      if (length == 2 && k == 1 && cp >= 0xC0 && cp <= 0xDE)
        byte = static_cast<unsigned char>(byte + 32);
      h = (h ^ byte) * kPrime;
    }
    in_word = true;
    i += length;
  }
  if (in_word) word(h);
}

}  // namespace

MinHash ComputeMinHash(std::string_view text) {
  // Hashes of the distinct shingles: a paragraph a site printed twice counts once.
  std::vector<uint64_t> shingles;
  std::array<uint64_t, kMinHashShingleWords> last{};
  size_t words = 0;
  ForEachWord(text, [&](uint64_t word) {
    last[words % kMinHashShingleWords] = word;
    if (++words < kMinHashShingleWords) return;
    uint64_t s = 0;
    for (size_t k = words - kMinHashShingleWords; k < words; ++k) {
      s = Mix64(s + last[k % kMinHashShingleWords]);
    }
    shingles.push_back(s);
  });
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  MinHash minhash;
  minhash.shingles = static_cast<uint32_t>(shingles.size());
  minhash.signature.fill(UINT32_MAX);
  for (uint64_t s : shingles) {
    for (int f = 0; f < kMinHashSize; ++f) {
      const auto value = static_cast<uint32_t>(Mix64(s ^ kSeeds[f]) >> 32);
      minhash.signature[f] = std::min(minhash.signature[f], value);
    }
  }
  return minhash;
}

std::string EncodeMinHash(const MinHash& minhash) {
  std::string blob;
  if (minhash.shingles == 0) return blob;
  blob.reserve(4 * kMinHashSize);
  for (uint32_t value : minhash.signature) {
    for (int shift = 0; shift < 32; shift += 8) blob.push_back(static_cast<char>(value >> shift));
  }
  return blob;
}

std::optional<MinHashSignature> DecodeMinHash(std::string_view blob) {
  if (blob.size() != 4 * kMinHashSize) return std::nullopt;
  MinHashSignature signature{};
  for (int f = 0; f < kMinHashSize; ++f) {
    uint32_t value = 0;
    for (int b = 3; b >= 0; --b) {
      value = (value << 8) | static_cast<unsigned char>(blob[static_cast<size_t>(4 * f + b)]);
    }
    signature[f] = value;
  }
  return signature;
}

double EstimatedContainment(const MinHashSignature& a, uint32_t na, const MinHashSignature& b,
                            uint32_t nb) {
  if (na == 0 || nb == 0) return 0;
  int equal = 0;
  for (int f = 0; f < kMinHashSize; ++f) equal += a[f] == b[f] ? 1 : 0;
  const double j = static_cast<double>(equal) / kMinHashSize;
  const double shared = j * (static_cast<double>(na) + nb) / (1 + j);
  return std::min(1.0, shared / std::min(na, nb));
}

std::vector<size_t> CopyGroups(std::span<const TextPrint> prints, int max_bits) {
  UnionFind sets(prints.size());
  LinkCloseSimHashes(
      prints.size(), [&](size_t i) { return prints[i].simhash; }, max_bits, sets);
  // (key of one band of the signature, text), sorted: texts that agree on a band sit together, in
  // index order, whatever order they were stored in.
  std::vector<std::pair<uint64_t, size_t>> bands;
  for (size_t i = 0; i < prints.size(); ++i) {
    if (prints[i].minhash.shingles < kMinContainmentShingles) continue;
    for (int band = 0; band < kMinHashBands; ++band) {
      uint64_t key = Mix64(static_cast<uint64_t>(band) + 1);
      for (int row = 0; row < kMinHashRows; ++row) {
        key = Mix64(key + prints[i].minhash.signature[band * kMinHashRows + row]);
      }
      bands.emplace_back(key, i);
    }
  }
  std::sort(bands.begin(), bands.end());
  // Each text is compared with the next kMaxNeighbours of its bucket at most, so that a store
  // full of one template (the same boilerplate minima) does not turn quadratic.
  constexpr size_t kMaxNeighbours = 64;
  for (size_t a = 0; a < bands.size(); ++a) {
    for (size_t b = a + 1;
         b < bands.size() && bands[b].first == bands[a].first && b - a <= kMaxNeighbours; ++b) {
      const size_t x = bands[a].second, y = bands[b].second;
      if (sets.Find(x) == sets.Find(y)) continue;
      const MinHash &p = prints[x].minhash, &q = prints[y].minhash;
      if (EstimatedContainment(p.signature, p.shingles, q.signature, q.shingles) >=
          kMinContainment) {
        sets.Unite(x, y);
      }
    }
  }
  return SmallestOfEachSet(sets, prints.size());
}

}  // namespace vigie::internal
